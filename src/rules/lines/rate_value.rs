//! `FA3-ROW-016` rate-value: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// `P_12` (and `P_12Z`) is one of `23 22 8 7 5 4 3 0 KR 0 WDT 0 EX zw oo np I np II`, spelled exactly
    /// (with the spaces; `np`, `NP`, `0` and `npI` are not rates).
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's `TStawkaPodatku`.
    ///
    /// ## Example
    /// ```xml
    /// <P_12>np</P_12>
    /// ```
    ///
    /// ## Fix
    /// Write the rate as the schema lists it: `np I` (outside Poland) or `np II` (art. 100 ust. 1 pkt 4
    /// services), `0 KR`, `0 WDT` or `0 EX` for the zero rates.
    pub static RATE_VALUE = {
        code: "FA3-ROW-016",
        name: "rate-value",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &["P_12", "P_12Z"],
    schema_rules: &[&crate::rules::xsd::enumeration::ENUMERATION],
    what: "the tax rate is one of 23, 22, 8, 7, 5, 4, 3, 0 KR, 0 WDT, 0 EX, zw, oo, np I, np II",
    help: "write the rate exactly as the schema lists it, e.g. np I or 0 WDT with the space",
    ..SchemaMapping::NONE
};
