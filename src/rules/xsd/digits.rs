//! `FA3-XSD-006` digits: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// A decimal value has more significant digits than `totalDigits` or more
    /// fraction digits than `fractionDigits`.
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <P_8B>1.1234567</P_8B> <!-- at most 6 fraction digits -->
    /// ```
    ///
    /// ## Fix
    /// Round the value to the allowed precision.
    pub static DIGITS = {
        code: "FA3-XSD-006",
        name: "digits",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
