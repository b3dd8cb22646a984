//! `FA3-XML-004` invalid-utf8: the bytes are not valid UTF-8.
//!
//! Found by the byte-level pre-scan in [`crate::hygiene`], which reports it
//! through the functions here.

use std::fmt::Write as _;

use crate::diagnostic::Diagnostic;
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// Every byte sequence is well-formed UTF-8: no stray continuation bytes, no
    /// truncated or overlong sequences, no encoded surrogates (U+D800–U+DFFF) and
    /// nothing above U+10FFFF. The message gives the byte offset and the bad
    /// bytes in hex.
    ///
    /// ## Why it matters
    /// KSeF rejects documents that are not correct UTF-8 with status 450. The
    /// usual cause is text written in windows-1250 or ISO-8859-2 into a file
    /// declared as UTF-8. The finding is fatal: the rest of the document is not
    /// parsed.
    ///
    /// ## Example
    /// `ł` written as the single windows-1250 byte `B3`, or the sequence `C3 28`.
    ///
    /// ## Fix
    /// `ł` as `C5 82`.
    ///
    /// ## References
    /// - CIRFMF/ksef-api#759.
    pub static INVALID_UTF8 = {
        code: "FA3-XML-004",
        name: "invalid-utf8",
        severity: Error,
        since: "0.1.0",
        check: Check::Hygiene,
    }
}

/// What the summary of the findings beyond the cap calls several of them.
pub(crate) const PLURAL: &str = "invalid UTF-8 sequences";

/// The finding for the ill-formed sequence at byte offset `start`: its
/// bytes in hex, why they are not UTF-8, and the byte after a sequence cut
/// short before the end of the file (the caller adds the span).
pub(crate) fn finding(start: usize, hex: &str, why: &str, next: Option<u8>) -> Diagnostic {
    let mut message = format!("invalid UTF-8 at byte offset {start}: the bytes {hex} {why}");
    if let Some(next) = next {
        let _ = write!(message, " (the next byte is {next:02X})");
    }
    INVALID_UTF8.diagnostic(message).with_help(
        "the file must be UTF-8 throughout; this usually means text in another \
         encoding (windows-1250, ISO-8859-2) was written into it: re-encode the \
         file, or the field, as UTF-8",
    )
}

/// The finding of the typed parser ([`crate::parse()`]), which reads only
/// UTF-8: the document is not UTF-8 from byte offset `at` on.
pub(crate) fn not_utf8_at(at: usize) -> Diagnostic {
    INVALID_UTF8
        .diagnostic(format!("the document is not valid UTF-8 at byte {at}"))
        .with_span(at..at + 1)
}
