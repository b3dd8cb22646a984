//! `FA3-ID-011` eu-vat-number-format.

use crate::domain::eu_vat::{self, EuCountry, EuVatError};
use crate::facts::parties::PartyId;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each EU VAT number (`KodUE` + `NrVatUE` in `Podmiot2`, `Podmiot3`,
    /// `Podmiot2K` and the carriers) has its country's shape, taken from the
    /// `NipVatUe` pattern of the KSeF API: for example `U` and eight digits
    /// for `AT`, nine digits for `DE` and `EL`, eleven for `IT`, two letters or
    /// digits and nine digits for `FR`. A number repeating its country prefix
    /// or containing separators is FA3-ID-012 instead.
    ///
    /// ## Why it matters
    /// The schema only allows 1–12 digits, uppercase letters, `+` and `*`
    /// (`TNrVatUE`), so a German number with eight digits passes it. A number
    /// of the wrong shape cannot be valid in VIES, and an intra-Community
    /// supply at 0% needs the buyer's valid VAT number (ustawa o VAT, art. 42
    /// ust. 1).
    /// The country code lists are checked by the schema (Greece is `EL`).
    ///
    /// ## Example
    /// ```xml
    /// <KodUE>DE</KodUE>
    /// <NrVatUE>12345678</NrVatUE> <!-- a German VAT number has 9 digits -->
    /// ```
    ///
    /// ## Fix
    /// Copy the number from the buyer's VIES confirmation, without the country
    /// prefix, and check that `KodUE` is the country that issued it.
    pub static EU_VAT_NUMBER_FORMAT = {
        code: "FA3-ID-011",
        name: "eu-vat-number-format",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for party in ctx.facts().parties() {
        let PartyId::EuVat { kod_ue, number } = &party.id else {
            continue;
        };
        let Ok(country) = EuCountry::from_code(kod_ue) else {
            continue;
        };
        if let Err(EuVatError::CountryPattern { .. }) = eu_vat::validate(country, number) {
            out.report(
                &EU_VAT_NUMBER_FORMAT,
                party.id_path("NrVatUE"),
                format!(
                    "the EU VAT number {number} of {} does not have the shape of a VAT number from {country}, `{}`",
                    party.label(),
                    country.pattern()
                ),
            )
            .help = Some(format!(
                "check the number in VIES; NrVatUE holds it without the `{country}` prefix, and KodUE must be the country that issued it"
            ));
        }
    }
}
