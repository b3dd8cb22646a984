//! `FA3-ROW-012` gtu-value: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// A line's goods and services group is written as the value of one `GTU` element (`GTU_01` …
    /// `GTU_13`), at most one per line — not as the JPK-style element `<GTU_12>1</GTU_12>`.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's `TGTU`; MF brochure §10.4.
    ///
    /// ## Example
    /// ```xml
    /// <GTU_12>1</GTU_12>
    /// ```
    ///
    /// ## Fix
    /// Write `<GTU>GTU_12</GTU>` after the rate fields of the line.
    pub static GTU_VALUE = {
        code: "FA3-ROW-012",
        name: "gtu-value",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &["GTU", "GTUZ"],
    name_prefixes: &["GTU_"],
    what: "the goods group is the value of one GTU element (GTU_01 to GTU_13)",
    help: "write <GTU>GTU_12</GTU> (the group as the value), not <GTU_12>1</GTU_12>",
    ..SchemaMapping::NONE
};
