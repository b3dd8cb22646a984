//! `FA3-PM3-001` third-party-role: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// Each `Podmiot3` has a role: `Rola` (1–11), or `RolaInna=1` with `OpisRoli`.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's choice in `Podmiot3`; MF brochure §7.3.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot3> ... </DaneKontaktowe> <!-- Rola missing --></Podmiot3>
    /// ```
    ///
    /// ## Fix
    /// Give the role in `Rola` (e.g. 2 recipient, 4 additional buyer), or describe it in `OpisRoli` after
    /// `RolaInna=1`.
    pub static THIRD_PARTY_ROLE = {
        code: "FA3-PM3-001",
        name: "third-party-role",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &["Rola", "RolaInna", "OpisRoli"],
    expected: &["Rola", "RolaInna", "OpisRoli"],
    schema_rules: &[
        &crate::rules::xsd::missing_element::MISSING_ELEMENT,
        &crate::rules::xsd::unexpected_element::UNEXPECTED_ELEMENT,
        &crate::rules::xsd::enumeration::ENUMERATION,
    ],
    what: "a third party has Rola, or RolaInna=1 with OpisRoli",
    help: "give the third party's Rola (1-11), or describe its role in OpisRoli after <RolaInna>1</RolaInna>",
    ..SchemaMapping::NONE
};
