//! `FA3-XML-003` encoding-not-utf8: the XML declaration names an encoding other than UTF-8.
//!
//! Checked by the byte-level pre-scan in [`crate::hygiene`].

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// When the document starts with an XML declaration that has an `encoding`
    /// pseudo-attribute, its value must be `UTF-8` (compared case-insensitively).
    /// The declaration, and the attribute, are optional.
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
