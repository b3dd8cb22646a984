//! `FA3-XSD-003` pattern: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The value does not match the pattern of its type. Every derivation step's
    /// patterns must match (within one step any of its patterns may).
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <NIP>PL5265877635</NIP>
    /// ```
    ///
    /// ## Fix
    /// Write the value in the form the type requires (the message quotes the
    /// pattern).
    pub static PATTERN = {
        code: "FA3-XSD-003",
        name: "pattern",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
