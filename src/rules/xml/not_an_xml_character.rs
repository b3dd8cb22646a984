//! `FA3-XML-007` not-an-xml-character: a character that XML 1.0 does not allow at all.
//!
//! Found by the byte-level pre-scan in [`crate::hygiene`], which reports it
//! through the functions here.

use crate::diagnostic::Diagnostic;
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// Every character is an XML 1.0 `Char`: no C0 control other than TAB, LF
    /// and CR, no U+FFFE or U+FFFF, no surrogate and nothing above U+10FFFF,
    /// whether written raw or as a character reference (`&#x1;`, `&#xFFFE;`).
    /// References inside comments and CDATA sections are text and are not
    /// reported; raw characters are reported everywhere.
    ///
    /// ## Why it matters
    /// Such a document is not well-formed XML, so KSeF rejects it with status 450.
    ///
    /// ## Example
    /// ```xml
    /// <P_1M>Warszawa&#x1;</P_1M>
    /// ```
    ///
    /// ## Fix
    /// ```xml
    /// <P_1M>Warszawa</P_1M>
    /// ```
    ///
    /// ## References
    /// - XML 1.0 (fifth edition), section 2.2 *Characters* and the *Legal
    ///   Character* constraint of section 4.1.
    pub static NOT_AN_XML_CHARACTER = {
        code: "FA3-XML-007",
        name: "not-an-xml-character",
        severity: Error,
        since: "0.1.0",
        check: Check::Hygiene,
    }
}

/// What the summary of the findings beyond the cap calls several of them.
pub(crate) const PLURAL: &str = "characters not allowed in XML";

/// The finding for the character `cp` of class `class` (e.g. "a C0 control
/// character"), written raw or as the character reference `reference`
/// (already cut to length; the caller adds the span).
pub(crate) fn finding(cp: u32, class: &str, reference: Option<&str>) -> Diagnostic {
    NOT_AN_XML_CHARACTER
        .diagnostic(format!(
            "{}, which is not allowed in XML 1.0",
            super::describe_character(cp, class, reference)
        ))
        .with_help(
            "remove the character: XML 1.0 forbids it, even written as a character \
             reference; it often comes from pasted text or a broken export",
        )
}
