//! `FA3-XSD-013` xsi-attribute: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// `xsi:type` names no type derived from the declared one, or `xsi:nil`
    /// appears on an element that is not nillable.
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <P_2 xsi:nil="true">FV/1</P_2>
    /// ```
    ///
    /// ## Fix
    /// Remove the `xsi:` attribute; FA(3) needs neither.
    pub static XSI_ATTRIBUTE = {
        code: "FA3-XSD-013",
        name: "xsi-attribute",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
