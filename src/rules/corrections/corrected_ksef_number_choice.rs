//! `FA3-KOR-001` corrected-ksef-number-choice: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// Each `DaneFaKorygowanej` has exactly one of `NrKSeF=1` with `NrKSeFFaKorygowanej` (the
    /// corrected invoice's KSeF number), or `NrKSeFN=1` (it was issued outside KSeF).
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's choice in `DaneFaKorygowanej`.
    ///
    /// ## Example
    /// ```xml
    /// <NrKSeF>1</NrKSeF> <!-- NrKSeFFaKorygowanej missing -->
    /// ```
    ///
    /// ## Fix
    /// Give the corrected invoice's KSeF number after `NrKSeF`, or write `<NrKSeFN>1</NrKSeFN>` for an
    /// invoice issued outside KSeF.
    pub static CORRECTED_KSEF_NUMBER_CHOICE = {
        code: "FA3-KOR-001",
        name: "corrected-ksef-number-choice",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    inside: &["/Faktura/Fa/DaneFaKorygowanej"],
    schema_rules: &[
        &crate::rules::xsd::missing_element::MISSING_ELEMENT,
        &crate::rules::xsd::unexpected_element::UNEXPECTED_ELEMENT,
    ],
    what: "a corrected invoice is given by NrKSeF=1 with NrKSeFFaKorygowanej, or NrKSeFN=1",
    help: "give NrKSeFFaKorygowanej after <NrKSeF>1</NrKSeF>, or write <NrKSeFN>1</NrKSeFN> for an invoice issued outside KSeF",
    ..SchemaMapping::NONE
};
