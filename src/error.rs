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
    /// Serializing a model value to XML failed.
    #[error("cannot serialize the invoice: {0}")]
    Serialize(String),
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
