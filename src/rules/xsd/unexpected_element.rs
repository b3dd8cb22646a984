//! `FA3-XSD-001` unexpected-element: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// An element the content model does not allow at this point: an unknown
    /// name, the wrong order, more occurrences than `maxOccurs`, or a child of an
    /// element with simple content. The message lists the elements expected
    /// instead.
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <P_2>FV/1</P_2>
    /// <Uwagi>...</Uwagi> <!-- not an FA(3) element -->
    /// ```
    ///
    /// ## Fix
    /// Remove the element or move it to where the schema expects it (the message
    /// says which elements may stand there).
    pub static UNEXPECTED_ELEMENT = {
        code: "FA3-XSD-001",
        name: "unexpected-element",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
