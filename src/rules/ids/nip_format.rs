//! `FA3-ID-001` nip-format: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// A NIP is exactly 10 digits, `[1-9]((\d[1-9])|([1-9]\d))\d{7}`: no `PL` prefix, hyphens or spaces
    /// (the schema's `TNrNIP` is `xs:string`, so even a space around it is an error).
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the schema's `etd:TNrNIP`; KSeF OpenAPI `Nip`.
    ///
    /// ## Example
    /// ```xml
    /// <NIP>PL7335255579</NIP>
    /// ```
    ///
    /// ## Fix
    /// Write the ten digits only: `PL 733-525-55-79` is `7335255579`. The country prefix belongs in
    /// `PrefiksPodatnika` (seller) or, for an EU number, in `KodUE`.
    pub static NIP_FORMAT = {
        code: "FA3-ID-001",
        name: "nip-format",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &["NIP"],
    schema_rules: &[&crate::rules::xsd::pattern::PATTERN],
    what: "a NIP is 10 digits without a prefix, hyphens or spaces",
    help: "write the ten digits of the NIP only, e.g. 7335255579 for PL 733-525-55-79",
    ..SchemaMapping::NONE
};
