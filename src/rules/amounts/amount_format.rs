//! `FA3-AMT-001` amount-format: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// Amounts, quantities, rates and percentages are written as the schema's number types allow:
    /// `TKwotowy` at most 2 decimals and no leading zeros (`-?([1-9]\d{0,15}|0)(\.\d{1,2})?`);
    /// `TKwotowy2` (`P_9A`, `P_9B`, `P_10`, `P_9AZ`) at most 8 decimals; `TIlosci` (`P_8B`,
    /// `KursWaluty*`, `KursUmowny`) at most 6; `TProcentowy` (`Udzial`, `P_12_XII`) 0–100. A point,
    /// never a comma; no thousands separator, no `+`, no exponent.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's `TKwotowy`, `TKwotowy2`, `TIlosci`, `TProcentowy`; MF brochure §2.5–2.7.
    ///
    /// ## Example
    /// ```xml
    /// <P_15>1 230,00</P_15>
    /// ```
    ///
    /// ## Fix
    /// Write the number with a point and no grouping (`1230.00`), rounded to the digits the field
    /// allows (grosze for amounts).
    pub static AMOUNT_FORMAT = {
        code: "FA3-AMT-001",
        name: "amount-format",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &[
        "P_8B",
        "P_9A",
        "P_9B",
        "P_10",
        "P_11",
        "P_11A",
        "P_11Vat",
        "P_13_1",
        "P_13_2",
        "P_13_3",
        "P_13_4",
        "P_13_5",
        "P_13_6_1",
        "P_13_6_2",
        "P_13_6_3",
        "P_13_7",
        "P_13_8",
        "P_13_9",
        "P_13_10",
        "P_13_11",
        "P_14_1",
        "P_14_2",
        "P_14_3",
        "P_14_4",
        "P_14_5",
        "P_14_1W",
        "P_14_2W",
        "P_14_3W",
        "P_14_4W",
        "P_15",
        "KursWaluty",
        "KursWalutyZ",
        "KursWalutyZW",
        "KursWalutyZK",
        "KursUmowny",
        "Udzial",
        "P_12_XII",
        "P_12Z_XII",
        "KwotaAkcyzy",
        "P_15Z",
        "P_15ZK",
        "WartoscZamowienia",
        "P_8BZ",
        "P_9AZ",
        "P_11NettoZ",
        "P_11VatZ",
        "KwotaAkcyzyZ",
        "KwotaZaplatyCzesciowej",
        "SumaObciazen",
        "SumaOdliczen",
        "DoZaplaty",
        "DoRozliczenia",
        "Kwota",
    ],
    schema_rules: &[
        &crate::rules::xsd::invalid_lexical_value::INVALID_LEXICAL_VALUE,
        &crate::rules::xsd::pattern::PATTERN,
        &crate::rules::xsd::digits::DIGITS,
        &crate::rules::xsd::range::RANGE,
    ],
    what: "the number is not written as the field's type allows",
    help: "write digits with a point as the decimal separator, no spaces or thousands separators, no leading zeros, and no more decimals than the field allows (2 for amounts)",
    ..SchemaMapping::NONE
};
