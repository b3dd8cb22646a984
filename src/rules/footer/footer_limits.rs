//! `FA3-FTR-002` footer-limits: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// `StopkaFaktury` is at most 3,500 characters (`TTekstowy`, `xs:string`: whitespace counts); the
    /// footer has at most 3 `Informacje` and 100 `Rejestry`.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's `Stopka`.
    ///
    /// ## Example
    /// ```xml
    /// <StopkaFaktury>… 3,501 characters …</StopkaFaktury>
    /// ```
    ///
    /// ## Fix
    /// Shorten the footer text; put longer terms in the attachment or the contract.
    pub static FOOTER_LIMITS = {
        code: "FA3-FTR-002",
        name: "footer-limits",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &["StopkaFaktury", "Informacje", "Rejestry"],
    schema_rules: &[
        &crate::rules::xsd::length::LENGTH,
        &crate::rules::xsd::unexpected_element::UNEXPECTED_ELEMENT,
    ],
    what: "the footer text is at most 3,500 characters, in at most 3 Informacje and 100 Rejestry",
    help: "shorten StopkaFaktury to 3,500 characters, and keep at most 3 Informacje and 100 Rejestry",
    ..SchemaMapping::NONE
};
