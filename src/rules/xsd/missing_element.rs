//! `FA3-XSD-002` missing-element: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// A required element is missing: another element appears where it was
    /// expected, or its parent ends before it.
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <Fa> ... <!-- no P_15 --> <Adnotacje>
    /// ```
    ///
    /// ## Fix
    /// Add the missing element at the position the message names.
    pub static MISSING_ELEMENT = {
        code: "FA3-XSD-002",
        name: "missing-element",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
