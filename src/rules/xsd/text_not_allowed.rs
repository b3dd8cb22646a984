//! `FA3-XSD-010` text-not-allowed: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// Character data other than whitespace in an element that may only contain
    /// child elements, or any content in an element that must be empty.
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <Fa>note<KodWaluty>PLN</KodWaluty>...
    /// ```
    ///
    /// ## Fix
    /// Remove the stray text or move it into the element meant for it.
    pub static TEXT_NOT_ALLOWED = {
        code: "FA3-XSD-010",
        name: "text-not-allowed",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
