//! `FA3-XSD-008` fixed-value: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// An element or attribute with a fixed value has a different one (for
    /// example `kodSystemowy` must be `FA (3)`, with the space).
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <KodFormularza kodSystemowy="FA(3)" wersjaSchemy="1-0E">FA</KodFormularza>
    /// ```
    ///
    /// ## Fix
    /// Write the fixed value exactly.
    pub static FIXED_VALUE = {
        code: "FA3-XSD-008",
        name: "fixed-value",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
