//! `FA3-XML-007` not-an-xml-character: a character that XML 1.0 does not allow at all.
//!
//! Checked by the byte-level pre-scan in [`crate::hygiene`].

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
