//! `FA3-XSD-009` attribute: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// An attribute that the element's type does not declare, or a required
    /// attribute that is missing.
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <P_1 format="iso">2026-11-21</P_1>
    /// ```
    ///
    /// ## Fix
    /// Remove the undeclared attribute or add the required one.
    pub static ATTRIBUTE = {
        code: "FA3-XSD-009",
        name: "attribute",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
