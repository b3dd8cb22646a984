//! `FA3-PAY-004` payment-form-choice: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// The form of payment is `FormaPlatnosci` (1–7), or `PlatnoscInna=1` with `OpisPlatnosci`.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's choice in `Platnosc`.
    ///
    /// ## Example
    /// ```xml
    /// <PlatnoscInna>1</PlatnoscInna> <!-- OpisPlatnosci missing -->
    /// ```
    ///
    /// ## Fix
    /// Write a `FormaPlatnosci` code (1 cash, 2 card, 3 voucher, 4 cheque, 5 credit, 6 transfer,
    /// 7 mobile), or describe another form in `OpisPlatnosci` after `PlatnoscInna=1`.
    pub static PAYMENT_FORM_CHOICE = {
        code: "FA3-PAY-004",
        name: "payment-form-choice",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &["FormaPlatnosci", "PlatnoscInna", "OpisPlatnosci"],
    expected: &["OpisPlatnosci", "FormaPlatnosci", "PlatnoscInna"],
    schema_rules: &[
        &crate::rules::xsd::missing_element::MISSING_ELEMENT,
        &crate::rules::xsd::unexpected_element::UNEXPECTED_ELEMENT,
        &crate::rules::xsd::enumeration::ENUMERATION,
    ],
    what: "the form of payment is FormaPlatnosci, or PlatnoscInna=1 with OpisPlatnosci",
    help: "write FormaPlatnosci 1-7, or describe the form of payment in OpisPlatnosci after <PlatnoscInna>1</PlatnoscInna>",
    ..SchemaMapping::NONE
};
