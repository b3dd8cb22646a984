//! `FA3-AMT-002` summary-pair: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// `P_13_n` and `P_14_n` come in pairs for n = 1…4: the net amount of a rate with its tax. `P_13_5`
    /// (OSS) may stand without `P_14_5`; `P_14_nW` is optional.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's sequences of `P_13_x`/`P_14_x`.
    ///
    /// ## Example
    /// ```xml
    /// <P_13_1>1666.66</P_13_1>
    /// <P_13_3>0.95</P_13_3> <!-- P_14_1 missing -->
    /// ```
    ///
    /// ## Fix
    /// Give the tax of the rate (`P_14_n`, 0.00 if none) right after its net amount.
    pub static SUMMARY_PAIR = {
        code: "FA3-AMT-002",
        name: "summary-pair",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    name_prefixes: &["P_14_"],
    expected: &[
        "P_14_1", "P_14_2", "P_14_3", "P_14_4", "P_13_1", "P_13_2", "P_13_3", "P_13_4", "P_13_5",
    ],
    schema_rules: &[
        &crate::rules::xsd::missing_element::MISSING_ELEMENT,
        &crate::rules::xsd::unexpected_element::UNEXPECTED_ELEMENT,
    ],
    what: "the net amount and the tax of a rate come in pairs (P_13_n with P_14_n)",
    help: "give P_14_n right after P_13_n for rates 1 to 4",
    ..SchemaMapping::NONE
};
