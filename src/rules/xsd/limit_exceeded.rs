//! `FA3-XSD-014` limit-exceeded: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The document nests deeper or has more elements than the configured limits,
    /// so validation stopped there. The limits protect against hostile input.
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <a><a><a> ... thousands of levels ... </a></a></a>
    /// ```
    ///
    /// ## Fix
    /// Check the generator that wrote the file; FA(3) invoices nest at most 9
    /// levels deep.
    pub static LIMIT_EXCEEDED = {
        code: "FA3-XSD-014",
        name: "limit-exceeded",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
