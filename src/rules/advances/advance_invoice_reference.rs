//! `FA3-ZAL-007` advance-invoice-reference: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// Each `FakturaZaliczkowa` of a settlement names one advance invoice: `NrKSeFFaZaliczkowej` (its
    /// KSeF number), or `NrKSeFZN=1` with `NrFaZaliczkowej` (its own number, when issued outside KSeF).
    /// The KSeF number's format, check digits and seller are FA3-ID-008, -009 and -010.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's choice in `FakturaZaliczkowa`; MF brochure §9.9.
    ///
    /// ## Example
    /// ```xml
    /// <FakturaZaliczkowa></FakturaZaliczkowa>
    /// ```
    ///
    /// ## Fix
    /// Give the advance invoice's KSeF number, or `<NrKSeFZN>1</NrKSeFZN>` and its number.
    pub static ADVANCE_INVOICE_REFERENCE = {
        code: "FA3-ZAL-007",
        name: "advance-invoice-reference",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    inside: &["/Faktura/Fa/FakturaZaliczkowa"],
    expected: &["NrKSeFFaZaliczkowej", "NrKSeFZN", "NrFaZaliczkowej"],
    schema_rules: &[
        &crate::rules::xsd::missing_element::MISSING_ELEMENT,
        &crate::rules::xsd::unexpected_element::UNEXPECTED_ELEMENT,
        &crate::rules::xsd::text_not_allowed::TEXT_NOT_ALLOWED,
    ],
    what: "an advance invoice is named by NrKSeFFaZaliczkowej, or NrKSeFZN=1 with NrFaZaliczkowej",
    help: "give NrKSeFFaZaliczkowej, or <NrKSeFZN>1</NrKSeFZN> followed by NrFaZaliczkowej for an advance invoice issued outside KSeF",
    ..SchemaMapping::NONE
};
