//! `FA3-ID-004` internal-id-format: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// An internal identifier `IDWew` is a NIP, a hyphen and five digits (`NIP-NNNNN`, 16 characters).
    /// The NIP part's checksum is FA3-NIP-002.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the schema's `TNrIDWew` pattern; KSeF OpenAPI `InternalId`.
    ///
    /// ## Example
    /// ```xml
    /// <IDWew>5265877635-0001</IDWew>
    /// ```
    ///
    /// ## Fix
    /// Write the NIP, a hyphen and the five-digit number KSeF gave the internal unit.
    pub static INTERNAL_ID_FORMAT = {
        code: "FA3-ID-004",
        name: "internal-id-format",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &["IDWew"],
    schema_rules: &[
        &crate::rules::xsd::pattern::PATTERN,
        &crate::rules::xsd::length::LENGTH,
    ],
    what: "an internal identifier is a NIP, a hyphen and five digits",
    help: "write IDWew as NIP-NNNNN, e.g. 5265877635-00001",
    ..SchemaMapping::NONE
};
