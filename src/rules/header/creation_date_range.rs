//! `FA3-HDR-002` creation-date-out-of-range.

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// `Naglowek/DataWytworzeniaFa`, the moment the invoice file was
    /// generated, is a date and time between 2025-09-01T00:00:00Z and
    /// 2050-01-01T23:59:59Z.
    ///
    /// ## Why it matters
    /// The schema restricts the element with `minInclusive` and
    /// `maxInclusive` (schemat_FA(3)_v1-0E.xsd, `DataWytworzeniaFa`), so KSeF
    /// rejects any other value with status 450. A value before September 2025
    /// usually means a default or uninitialised timestamp in the generating
    /// system.
    ///
    /// ## Example
    /// ```xml
    /// <DataWytworzeniaFa>2025-08-31T23:59:59Z</DataWytworzeniaFa>
    /// ```
    ///
    /// ## Fix
    /// Write the real moment the file was generated, in UTC with a `Z`, e.g.
    /// `2026-11-21T08:00:00Z`.
    pub static CREATION_DATE_OUT_OF_RANGE = {
        code: "FA3-HDR-002",
        name: "creation-date-out-of-range",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}
