//! `FA3-PAY-001` payment-date-pair: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// `Platnosc` says what was paid by either `Zaplacono=1` with `DataZaplaty`, or
    /// `ZnacznikZaplatyCzesciowej` with at least one `ZaplataCzesciowa`, each with
    /// `KwotaZaplatyCzesciowej` and `DataZaplatyCzesciowej`.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's choice in `Platnosc`; MF brochure §12.1.
    ///
    /// ## Example
    /// ```xml
    /// <Zaplacono>1</Zaplacono> <!-- DataZaplaty missing -->
    /// ```
    ///
    /// ## Fix
    /// Give the payment date after `Zaplacono=1`, and the amount and date of each partial payment.
    pub static PAYMENT_DATE_PAIR = {
        code: "FA3-PAY-001",
        name: "payment-date-pair",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    inside: &["/Faktura/Fa/Platnosc/ZaplataCzesciowa"],
    expected: &[
        "DataZaplaty",
        "Zaplacono",
        "ZaplataCzesciowa",
        "KwotaZaplatyCzesciowej",
        "DataZaplatyCzesciowej",
        "ZnacznikZaplatyCzesciowej",
    ],
    schema_rules: &[
        &crate::rules::xsd::missing_element::MISSING_ELEMENT,
        &crate::rules::xsd::unexpected_element::UNEXPECTED_ELEMENT,
    ],
    what: "a payment is Zaplacono=1 with DataZaplaty, or ZnacznikZaplatyCzesciowej with each ZaplataCzesciowa's amount and date",
    help: "give DataZaplaty after <Zaplacono>1</Zaplacono>, and KwotaZaplatyCzesciowej and DataZaplatyCzesciowej in each ZaplataCzesciowa",
    ..SchemaMapping::NONE
};
