//! `FA3-XML-003` encoding-not-utf8: the XML declaration names an encoding other than UTF-8.
//!
//! Found by the byte-level pre-scan in [`crate::hygiene`], which reports it
//! through the functions here.

use crate::diagnostic::Diagnostic;
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// When the document starts with an XML declaration that has an `encoding`
    /// pseudo-attribute, its value must be `UTF-8` (compared case-insensitively).
    /// The declaration, and the attribute, are optional. A document written in
    /// UTF-16 or UTF-32 (recognised by its byte order mark, or by the zero
    /// bytes around its first `<`) gets one finding that says so, instead of a
    /// finding for every zero byte.
    ///
    /// ## Why it matters
    /// KSeF accepts only UTF-8 and rejects other declared encodings with status
    /// 450. The finding is fatal: the rest of the document is not parsed.
    ///
    /// ## Example
    /// ```xml
    /// <?xml version="1.0" encoding="windows-1250"?>
    /// ```
    ///
    /// ## Fix
    /// (after re-encoding the file as UTF-8):
    /// ```xml
    /// <?xml version="1.0" encoding="UTF-8"?>
    /// ```
    ///
    /// ## References
    /// - KSeF documentation, *Weryfikacja faktury*; API changelog 2.3.0.
    pub static ENCODING_NOT_UTF8 = {
        code: "FA3-XML-003",
        name: "encoding-not-utf8",
        severity: Error,
        since: "0.1.0",
        check: Check::Hygiene,
    }
}

/// What the summary of the findings beyond the cap calls several of them.
pub(crate) const PLURAL: &str = "non-UTF-8 encoding declarations";

/// The finding for an XML declaration with `encoding="{declared}"` (the
/// value as shown, already cut to length; the caller adds its span).
pub(crate) fn finding(declared: &str) -> Diagnostic {
    ENCODING_NOT_UTF8
        .diagnostic(format!(
            "the XML declaration says encoding=\"{declared}\", but KSeF accepts only UTF-8"
        ))
        .with_help(
            "save the file as UTF-8 (without a byte order mark) and declare \
             encoding=\"UTF-8\", or leave the encoding out",
        )
}

/// The finding for a document written in `encoding` (`UTF-16LE`, …), found
/// by its first bytes; the caller adds its span.
pub(crate) fn wide_finding(encoding: &str) -> Diagnostic {
    ENCODING_NOT_UTF8
        .diagnostic(format!(
            "the file is written in {encoding}, but KSeF accepts only UTF-8"
        ))
        .with_help("save the file as UTF-8 (without a byte order mark) and send it again")
}
