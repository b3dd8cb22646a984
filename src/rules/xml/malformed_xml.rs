//! `FA3-XML-001` malformed-xml: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The document is not well-formed XML 1.0 with namespaces: a syntax error,
    /// an undefined entity, an invalid character or byte sequence, an unclosed or
    /// mismatched tag, or an undeclared prefix. Checking stops at the first such
    /// error.
    ///
    /// ## Why it matters
    /// KSeF requires a well-formed XML 1.0 document and rejects anything else
    /// with status 450 ("Nieprawidłowy XML"; KSeF docs: weryfikacja-faktury).
    ///
    /// ## Example
    /// ```xml
    /// <P_2>FV/1</P_3>
    /// ```
    ///
    /// ## Fix
    /// Fix the markup at the reported position; generate XML with a real XML
    /// library rather than by string concatenation.
    pub static MALFORMED_XML = {
        code: "FA3-XML-001",
        name: "malformed-xml",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
