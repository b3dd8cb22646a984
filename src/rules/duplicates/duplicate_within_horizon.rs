//! `FA3-DUP-004` duplicate-within-horizon.

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The invoice's duplicate key is not blocked by an invoice sent in an
    /// earlier calendar year. A key stays blocked for 10 full years counted
    /// from the end of the year of issue (the later of `P_1` and the
    /// acceptance date): an invoice of 2026 blocks it until 2036-12-31. After
    /// that the key is free again and nothing is reported. Checked by
    /// `fa3::run` with a registry; a key blocked by an invoice of the current
    /// year is FA3-DUP-001.
    ///
    /// ## Why it matters
    /// KSeF keeps the key unique "przez okres 10 pełnych lat, liczonych od
    /// końca roku kalendarzowego" (KSeF docs: weryfikacja-faktury) and rejects
    /// a reused key with status 440 "Duplikat faktury". Numbering that
    /// restarts every year without the year in the number runs into this.
    ///
    /// ## Example
    /// ```xml
    /// <P_2>FV/1</P_2> <!-- "FV/1" was sent in January 2026; checked in 2036 -->
    /// ```
    ///
    /// ## Fix
    /// Include the year in the invoice number, or continue the numbering
    /// instead of restarting it.
    pub static DUPLICATE_WITHIN_HORIZON = {
        code: "FA3-DUP-004",
        name: "duplicate-within-horizon",
        severity: Error,
        since: "0.1.0",
        check: Check::Batch,
    }
}
