//! `FA3-PU-001` authorised-entity-data: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// A `PodmiotUpowazniony` (an enforcement authority, a bailiff or a tax representative issuing the
    /// invoice) gives its NIP, name, address and role `RolaPU` (1–3).
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's `PodmiotUpowazniony`; MF brochure §8.
    ///
    /// ## Example
    /// ```xml
    /// <PodmiotUpowazniony> ... </Adres> <!-- RolaPU missing --></PodmiotUpowazniony>
    /// ```
    ///
    /// ## Fix
    /// Give the authorised entity's NIP, name and address, and its role: 1 enforcement authority,
    /// 2 bailiff, 3 tax representative.
    pub static AUTHORISED_ENTITY_DATA = {
        code: "FA3-PU-001",
        name: "authorised-entity-data",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    inside: &["/Faktura/PodmiotUpowazniony"],
    schema_rules: &[
        &crate::rules::xsd::missing_element::MISSING_ELEMENT,
        &crate::rules::xsd::unexpected_element::UNEXPECTED_ELEMENT,
        &crate::rules::xsd::enumeration::ENUMERATION,
    ],
    what: "an authorised entity gives its NIP, name, address and RolaPU",
    help: "complete PodmiotUpowazniony: DaneIdentyfikacyjne (NIP, Nazwa), Adres and RolaPU (1 enforcement authority, 2 bailiff, 3 tax representative)",
    ..SchemaMapping::NONE
};
