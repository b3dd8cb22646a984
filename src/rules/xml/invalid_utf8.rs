//! `FA3-XML-004` invalid-utf8: the bytes are not valid UTF-8.
//!
//! Checked by the byte-level pre-scan in [`crate::hygiene`].

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
