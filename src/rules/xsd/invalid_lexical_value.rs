//! `FA3-XSD-011` invalid-lexical-value: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The value is not a valid literal of its built-in type (decimal, integer,
    /// date, dateTime, ...) or of any member of a union type.
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <NrWierszaFa>jeden</NrWierszaFa>
    /// ```
    ///
    /// ## Fix
    /// Write the value in the built-in type's lexical form (e.g. `2026-11-21`,
    /// `1234.50`).
    pub static INVALID_LEXICAL_VALUE = {
        code: "FA3-XSD-011",
        name: "invalid-lexical-value",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
