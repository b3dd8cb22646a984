//! `FA3-ADN-001` annotations-complete: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// `Adnotacje` lists all of `P_16`, `P_17`, `P_18`, `P_18A`, `Zwolnienie`, `NoweSrodkiTransportu`,
    /// `P_23` and `PMarzy`, in this order, each 1 or 2 (or its choice group). Failures inside
    /// `Zwolnienie`, `NoweSrodkiTransportu` and `PMarzy` are FA3-ADN-002, -004 and -006.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's `Adnotacje`; MF brochure §9.6; ksef-api#281.
    ///
    /// ## Example
    /// ```xml
    /// <Adnotacje> ... <NoweSrodkiTransportu>...</NoweSrodkiTransportu>
    ///   <PMarzy>...</PMarzy> <!-- P_23 missing -->
    /// ```
    ///
    /// ## Fix
    /// Give every annotation, in the schema's order; `2` (or the `...N` element) says "does not apply".
    pub static ANNOTATIONS_COMPLETE = {
        code: "FA3-ADN-001",
        name: "annotations-complete",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &["P_16", "P_17", "P_18", "P_18A", "P_23"],
    expected: &[
        "P_16",
        "P_17",
        "P_18",
        "P_18A",
        "Zwolnienie",
        "NoweSrodkiTransportu",
        "P_23",
        "PMarzy",
        "Adnotacje",
    ],
    schema_rules: &[
        &crate::rules::xsd::missing_element::MISSING_ELEMENT,
        &crate::rules::xsd::unexpected_element::UNEXPECTED_ELEMENT,
        &crate::rules::xsd::enumeration::ENUMERATION,
    ],
    what: "Adnotacje lists P_16, P_17, P_18, P_18A, Zwolnienie, NoweSrodkiTransportu, P_23 and PMarzy, in this order",
    help: "give every annotation in order; write 2 (or the N element of a group) for those that do not apply",
    ..SchemaMapping::NONE
};
