//! `FA3-XSD-007` range: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The value is outside
    /// `minInclusive`/`maxInclusive`/`minExclusive`/`maxExclusive`, compared as a
    /// decimal, date or date-time.
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <DataZaplaty>2016-06-30</DataZaplaty> <!-- earliest 2016-07-01 -->
    /// ```
    ///
    /// ## Fix
    /// Use a value inside the range the message names.
    pub static RANGE = {
        code: "FA3-XSD-007",
        name: "range",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
