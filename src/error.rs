//! The crate's error type: I/O, bad settings and misuse. Problems with the
//! *input document* are never errors; they are [`Diagnostic`](crate::Diagnostic)s.

use std::path::PathBuf;

/// What went wrong outside the document itself.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file involved.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A setting is invalid (an unknown rule code, a bad time zone, ...).
    #[error("invalid setting: {0}")]
    Settings(String),
    /// A code or prefix in the rule selection names no rule: an entry of
    /// [`Selection::select`](crate::Selection::select) or
    /// [`Selection::ignore`](crate::Selection::ignore) that matches no rule
    /// code, or a key of [`Selection::severity`](crate::Selection::severity)
    /// that is not exactly a rule code.
    #[error(
        "{setting}: `{code}` is not a rule code{} (see `fa3 rules`)",
        if *.setting == "severity" { "" } else { " or prefix" }
    )]
    UnknownRule {
        /// The offending code or prefix, as given.
        code: String,
        /// Where it was given: `select`, `ignore` or `severity`.
        setting: &'static str,
    },
    /// Serializing a model value to XML failed.
    #[error("cannot serialize the invoice: {0}")]
    Serialize(String),
    /// A JSON document could not be read into the typed model (feature
    /// `serde`, [`from_json`](crate::from_json)).
    #[error("cannot read the invoice from JSON: {0}")]
    Json(String),
    /// The duplicate registry failed.
    #[error("registry: {0}")]
    Registry(String),
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
