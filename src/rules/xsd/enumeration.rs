//! `FA3-XSD-004` enumeration: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The value is not one of the values the type enumerates (compared in the
    /// type's value space).
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <KodWaluty>ZLT</KodWaluty>
    /// ```
    ///
    /// ## Fix
    /// Use one of the listed values.
    pub static ENUMERATION = {
        code: "FA3-XSD-004",
        name: "enumeration",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
