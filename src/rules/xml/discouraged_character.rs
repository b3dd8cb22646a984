//! `FA3-XML-006` discouraged-character: a character the XML 1.0 specification discourages.
//!
//! Found by the byte-level pre-scan in [`crate::hygiene`], which reports it
//! through the functions here.

use crate::diagnostic::Diagnostic;
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// No character of the 19 ranges XML 1.0 (fifth edition, section 2.2)
    /// discourages: `[#x7F-#x84]`, `[#x86-#x9F]`, `[#xFDD0-#xFDEF]` and
    /// `[#xnFFFE-#xnFFFF]` for n = 1 to 10 (hex), whether it is written raw or as
    /// a character reference (`&#x81;`, `&#129;`). References inside comments and
    /// CDATA sections are text and are not reported; raw characters are reported
    /// everywhere.
    ///
    /// ## Why it matters
    /// KSeF rejects these characters with status 450. They are control characters
    /// and permanently unassigned code points. The C1 controls usually come from
    /// UTF-8 text that was read as windows-1250 and saved again: `Ł` (bytes
    /// `C5 81`) turns into `Ĺ` followed by U+0081.
    ///
    /// ## Example
    /// ```xml
    /// <P_7>SAMOOBSĹ&#x81;UGA</P_7>
    /// ```
    ///
    /// ## Fix
    /// ```xml
    /// <P_7>SAMOOBSŁUGA</P_7>
    /// ```
    ///
    /// ## References
    /// - KSeF documentation, *Weryfikacja faktury*; API changelog 2.4.0;
    ///   CIRFMF/ksef-api#700.
    pub static DISCOURAGED_CHARACTER = {
        code: "FA3-XML-006",
        name: "discouraged-character",
        severity: Error,
        since: "0.1.0",
        check: Check::Hygiene,
    }
}

/// What the summary of the findings beyond the cap calls several of them.
pub(crate) const PLURAL: &str = "discouraged characters";

/// The finding for the character `cp` of class `class` (e.g. "a C1 control
/// character"), written raw or as the character reference `reference`
/// (already cut to length; the caller adds the span).
pub(crate) fn finding(cp: u32, class: &str, reference: Option<&str>) -> Diagnostic {
    DISCOURAGED_CHARACTER
        .diagnostic(format!(
            "{}, which KSeF rejects as a discouraged XML character",
            super::describe_character(cp, class, reference)
        ))
        .with_help(
            "remove or replace the character; C1 control characters (U+0080..U+009F) \
             usually come from UTF-8 text read as windows-1250 (e.g. `Ł` becoming \
             `Ĺ` + U+0081), so fix the text where it was produced",
        )
}
