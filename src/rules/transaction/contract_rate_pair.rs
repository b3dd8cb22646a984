//! `FA3-TRN-001` contract-rate-pair: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// `KursUmowny` (a contractual exchange rate) and `WalutaUmowna` (its currency) are both given or both
    /// left out.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's sequence in `WarunkiTransakcji`; MF brochure §13.1.
    ///
    /// ## Example
    /// ```xml
    /// <KursUmowny>4.5</KursUmowny> <!-- WalutaUmowna missing -->
    /// ```
    ///
    /// ## Fix
    /// Give the contract currency after the contract rate, or drop both.
    pub static CONTRACT_RATE_PAIR = {
        code: "FA3-TRN-001",
        name: "contract-rate-pair",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &["KursUmowny", "WalutaUmowna"],
    expected: &["KursUmowny", "WalutaUmowna"],
    schema_rules: &[
        &crate::rules::xsd::missing_element::MISSING_ELEMENT,
        &crate::rules::xsd::unexpected_element::UNEXPECTED_ELEMENT,
    ],
    what: "the contract rate and its currency come together (KursUmowny with WalutaUmowna)",
    help: "give WalutaUmowna right after KursUmowny, or drop both",
    ..SchemaMapping::NONE
};
