//! `FA3-XSD-005` length: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The value violates `length`, `minLength` or `maxLength`, counted in
    /// characters after whitespace normalisation.
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <P_7>... 513 characters ...</P_7>
    /// ```
    ///
    /// ## Fix
    /// Shorten (or complete) the value to the allowed length.
    pub static LENGTH = {
        code: "FA3-XSD-005",
        name: "length",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
