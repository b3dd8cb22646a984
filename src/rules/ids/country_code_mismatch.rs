//! `FA3-ID-020` country-code-mismatch.

use crate::domain::eu_vat::EuCountry;
use crate::facts::parties::PartyId;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// For each party identified by an EU VAT number (`Podmiot2`, `Podmiot3`,
    /// `Podmiot2K`, the carriers), the `KodUE` of the number and the
    /// `KodKraju` of its address name the same country. The two lists differ
    /// on purpose, so `KodUE=EL` with `KodKraju=GR` (Greece) and `KodUE=XI`
    /// with `KodKraju=GB` or `XI` (Northern Ireland) count as the same country.
    ///
    /// ## Why it matters
    /// `KodKraju` uses ISO 3166 codes (`TKodKraju`) and `KodUE` the EU VAT
    /// prefixes (`TKodyKrajowUE`), which the schema checks separately. A
    /// different country is legitimate when the buyer uses a VAT registration
    /// of another member state, but is more often a slip in one of the two
    /// fields, so fa3 only reports it as an info.
    ///
    /// ## Example
    /// ```xml
    /// <DaneIdentyfikacyjne><KodUE>DE</KodUE><NrVatUE>123456789</NrVatUE> ...
    /// <Adres><KodKraju>AT</KodKraju> ...
    /// ```
    ///
    /// ## Fix
    /// Check which country issued the VAT number and where the party is
    /// established; correct whichever is wrong.
    pub static COUNTRY_CODE_MISMATCH = {
        code: "FA3-ID-020",
        name: "country-code-mismatch",
        severity: Info,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

/// True when the address country `kod_kraju` is the territory of `country`.
fn same_country(country: EuCountry, kod_kraju: &str) -> bool {
    kod_kraju == country.iso_code() || kod_kraju == country.code()
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for party in ctx.facts().parties() {
        let (PartyId::EuVat { kod_ue, .. }, Some(kod_kraju)) = (&party.id, &party.country) else {
            continue;
        };
        let Ok(country) = EuCountry::from_code(kod_ue) else {
            continue;
        };
        if same_country(country, kod_kraju) {
            continue;
        }
        let greece = if kod_ue == "EL" || kod_kraju == "GR" {
            "; Greece is EL in KodUE and GR in KodKraju"
        } else {
            ""
        };
        out.report(
            &COUNTRY_CODE_MISMATCH,
            party.id_path("KodUE"),
            format!(
                "{} has an EU VAT number from {kod_ue} but its address ({}/KodKraju) is in {kod_kraju}",
                party.label(),
                party.address_element
            ),
        )
        .help = Some(format!(
            "check that the VAT number was issued by {kod_ue} and that the address country is right{greece}"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greece_and_northern_ireland_are_consistent() {
        assert!(same_country(EuCountry::Greece, "GR"));
        assert!(!same_country(EuCountry::Greece, "CY"));
        assert!(same_country(EuCountry::NorthernIreland, "GB"));
        assert!(same_country(EuCountry::NorthernIreland, "XI"));
        assert!(same_country(EuCountry::Germany, "DE"));
        assert!(!same_country(EuCountry::Germany, "AT"));
    }
}
