//! `FA3-NUM-001` invoice-number-length.

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The invoice number `Fa/P_2` has 1 to 256 characters after
    /// `xsd:token` normalisation (leading and trailing whitespace removed,
    /// inner runs collapsed to one space): it is neither empty, nor blank, nor
    /// too long.
    ///
    /// ## Why it matters
    /// `P_2` has the type `TZnakowy` (schemat_FA(3)_v1-0E.xsd: `xsd:token`,
    /// `minLength` 1, `maxLength` 256), so KSeF rejects a blank or overlong
    /// number with status 450. The number is also part of the duplicate key
    /// (KSeF docs: weryfikacja-faktury, "Unikalność faktury").
    ///
    /// ## Example
    /// ```xml
    /// <P_2>   </P_2>
    /// ```
    ///
    /// ## Fix
    /// Write the invoice's own number, as assigned by the issuing system,
    /// with at most 256 characters.
    pub static INVOICE_NUMBER_LENGTH = {
        code: "FA3-NUM-001",
        name: "invoice-number-length",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
