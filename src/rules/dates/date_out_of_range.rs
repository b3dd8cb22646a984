//! `FA3-DATE-004` date-out-of-range: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// Every date is a real calendar date, written `YYYY-MM-DD` without a time zone, within its
    /// schema type's range: `TDataT` 2006-01-01…2050-01-01 (`P_1`, `P_6`, `P_6_Od`/`P_6_Do`, `P_6A`,
    /// `DataWystFaKorygowanej`, `P_6Z`, `P_22A`); `TData` 2016-07-01…2050-01-01 (`DataZaplaty`,
    /// `DataZaplatyCzesciowej`, `Termin`); `TDataU` 1990-01-01…2050-01-01 (`DataUmowy`,
    /// `DataZamowienia`).
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema, types `TDataT`, `TData`, `TDataU` and the `etd:TData` pattern.
    ///
    /// ## Example
    /// ```xml
    /// <P_1>2027-02-29</P_1> <!-- 2027 is not a leap year -->
    /// ```
    ///
    /// ## Fix
    /// Write the real date as `YYYY-MM-DD`, without a time zone; a date before the type's range is
    /// almost always a typo in the year.
    pub static DATE_OUT_OF_RANGE = {
        code: "FA3-DATE-004",
        name: "date-out-of-range",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &[
        "P_1",
        "P_6",
        "P_6_Od",
        "P_6_Do",
        "P_6A",
        "DataWystFaKorygowanej",
        "P_6Z",
        "P_22A",
        "DataZaplaty",
        "DataZaplatyCzesciowej",
        "Termin",
        "DataUmowy",
        "DataZamowienia",
    ],
    schema_rules: &[
        &crate::rules::xsd::invalid_lexical_value::INVALID_LEXICAL_VALUE,
        &crate::rules::xsd::range::RANGE,
        &crate::rules::xsd::pattern::PATTERN,
    ],
    what: "the date is not a calendar date in its type's range, written YYYY-MM-DD",
    help: "write a real date as YYYY-MM-DD, without a time zone, within the range the schema allows",
    ..SchemaMapping::NONE
};
