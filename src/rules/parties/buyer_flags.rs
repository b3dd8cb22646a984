//! `FA3-PM2-001` buyer-flags: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// `Podmiot2` gives `JST` (is the buyer a local-government unit) and `GV` (a VAT group member),
    /// each 1 (yes) or 2 (no).
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's `Podmiot2`; MF brochure §6.1.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2> ... <GV>2</GV> <!-- JST missing -->
    /// ```
    ///
    /// ## Fix
    /// Write `<JST>2</JST>` and `<GV>2</GV>` for an ordinary buyer; 1 when the buyer is a local-government
    /// unit or a VAT group member (then name the recipient in `Podmiot3`).
    pub static BUYER_FLAGS = {
        code: "FA3-PM2-001",
        name: "buyer-flags",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &["JST", "GV"],
    expected: &["JST", "GV"],
    schema_rules: &[
        &crate::rules::xsd::missing_element::MISSING_ELEMENT,
        &crate::rules::xsd::unexpected_element::UNEXPECTED_ELEMENT,
        &crate::rules::xsd::enumeration::ENUMERATION,
    ],
    what: "Podmiot2 gives JST and GV, each 1 or 2",
    help: "write <JST>2</JST><GV>2</GV> for an ordinary buyer (1 for a local-government unit or a VAT group member)",
    ..SchemaMapping::NONE
};
