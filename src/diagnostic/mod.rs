//! Findings about a document: [`Diagnostic`], [`Severity`] and the per-document
//! [`Report`].
//!
//! Every problem with the *input* (malformed XML, a schema violation, a broken
//! business rule) is a diagnostic with a stable code, never an [`Error`](crate::Error).

use std::fmt;
use std::ops::Range;

use crate::source::LineIndex;

/// The most characters of a message or element path a finding keeps: a
/// message may quote a value of the document, and a value (or a name) may be
/// megabytes long.
pub const MAX_MESSAGE_CHARS: usize = 1_000;

/// `text` cut to its first `max` characters, followed by `…` and the count
/// of characters in all; `text` itself when it is not longer.
///
/// ```
/// assert_eq!(fa3::clip("abc", 5), "abc");
/// assert_eq!(fa3::clip("abcdef", 3), "abc… (6 characters in all)");
/// ```
pub fn clip(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    // No more bytes than `max`: no more characters either.
    if text.len() <= max {
        return std::borrow::Cow::Borrowed(text);
    }
    match text.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(text),
        Some((end, _)) => std::borrow::Cow::Owned(format!(
            "{}… ({} characters in all)",
            &text[..end],
            text.chars().count()
        )),
    }
}

/// How serious a finding is.
///
/// `Error` means KSeF (or the schema) rejects the invoice; `Warning` means it
/// is accepted but probably wrong; `Info` is a hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Severity {
    /// A hint.
    Info,
    /// Accepted by KSeF but legally defective or probably wrong.
    Warning,
    /// Rejected by KSeF or the FA(3) schema.
    Error,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Ok(Severity::Error),
            "warning" | "warn" => Ok(Severity::Warning),
            "info" => Ok(Severity::Info),
            other => Err(format!(
                "unknown severity `{other}` (expected error, warning or info)"
            )),
        }
    }
}

/// One finding, located in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Diagnostic {
    /// Stable rule code, e.g. `FA3-DATE-001` or `FA3-XSD-002`.
    pub code: &'static str,
    /// Severity after any user override.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub help: Option<String>,
    /// Element path, e.g. `/Faktura/Fa/FaWiersz[3]/P_11`; empty when the
    /// finding is about the file as a whole.
    pub path: String,
    /// Byte range in the document, when known.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub span: Option<Range<usize>>,
    /// 1-based line, 0 when unknown.
    pub line: u32,
    /// 1-based column in characters, 0 when unknown.
    pub column: u32,
}

impl Diagnostic {
    /// A new diagnostic with no location.
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Self {
            code,
            severity,
            message: message.into(),
            help: None,
            path: String::new(),
            span: None,
            line: 0,
            column: 0,
        }
    }

    /// Sets the element path.
    #[must_use]
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// Sets the byte span (line and column are resolved later by the report).
    #[must_use]
    pub fn with_span(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    /// Sets the help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Cuts the message and the element path to [`MAX_MESSAGE_CHARS`]
    /// characters each (see [`clip`]), so that no finding echoes a huge
    /// value or name of the document whole.
    pub fn bound(&mut self) {
        // Nearly always: no text longer in bytes, so none in characters.
        let short = |text: &str| text.len() <= MAX_MESSAGE_CHARS;
        if short(&self.message) && short(&self.path) && self.help.as_deref().is_none_or(short) {
            return;
        }
        for text in [&mut self.message, &mut self.path] {
            if let std::borrow::Cow::Owned(cut) = clip(text, MAX_MESSAGE_CHARS) {
                *text = cut;
            }
        }
        if let Some(help) = &mut self.help
            && let std::borrow::Cow::Owned(cut) = clip(help, MAX_MESSAGE_CHARS)
        {
            *help = cut;
        }
    }

    /// Fills `line` and `column` from `span` through `index`.
    pub fn locate(&mut self, index: &LineIndex) {
        if let Some(span) = &self.span {
            let (line, column) = index.line_col(span.start);
            self.line = line;
            self.column = column;
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {} [{}] {}",
            self.line, self.column, self.code, self.severity, self.message
        )?;
        if !self.path.is_empty() {
            write!(f, "  at {}", self.path)?;
        }
        Ok(())
    }
}

/// The outcome of checking one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub struct Report {
    /// All findings, ordered by position and then by code.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// True when no finding has error severity.
    pub fn is_valid(&self) -> bool {
        !self.has_errors()
    }

    /// True when at least one finding has error severity.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Number of findings of the given severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// The findings with the given code.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Diagnostic> + 'a {
        self.diagnostics.iter().filter(move |d| d.code == code)
    }

    /// Sorts deterministically: by position, then code, then message.
    pub fn sort(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            let pos = |d: &Diagnostic| d.span.as_ref().map_or(usize::MAX, |s| s.start);
            (a.line == 0, a.line, a.column, pos(a), a.code, &a.message).cmp(&(
                b.line == 0,
                b.line,
                b.column,
                pos(b),
                b.code,
                &b.message,
            ))
        });
    }
}
