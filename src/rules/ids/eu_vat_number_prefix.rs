//! `FA3-ID-012` eu-vat-number-prefix.

use crate::domain::eu_vat::{self, EuCountry, EuVatError};
use crate::facts::parties::PartyId;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each `NrVatUE` (in `Podmiot2`, `Podmiot3`, `Podmiot2K` and the carriers)
    /// does not start with its country prefix (`KodUE=DE`,
    /// `NrVatUE=DE123456789`) and is one continuous string, without spaces,
    /// dots or hyphens.
    ///
    /// ## Why it matters
    /// The country code belongs in `KodUE`, which the schema annotates as the
    /// buyer's EU VAT prefix, and the number is entered as one continuous
    /// string (MF brochure on FA(3), the buyer's data). With the prefix
    /// repeated, the full number
    /// reads `DEDE123456789` and does not exist in VIES. The schema rejects
    /// separators; a repeated prefix passes it whenever the result has at most
    /// 12 characters.
    ///
    /// ## Example
    /// ```xml
    /// <KodUE>DE</KodUE>
    /// <NrVatUE>DE123456789</NrVatUE>
    /// ```
    ///
    /// ## Fix
    /// Write the number without the prefix and without separators
    /// (`NrVatUE=123456789`).
    pub static EU_VAT_NUMBER_PREFIX = {
        code: "FA3-ID-012",
        name: "eu-vat-number-prefix",
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
        let problem = match eu_vat::validate(country, number) {
            Err(EuVatError::RepeatedPrefix { prefix }) => {
                format!("repeats the country prefix `{prefix}`, which belongs in KodUE")
            }
            Err(EuVatError::Separator { position, found }) => {
                format!(
                    "has the separator {found:?} at position {position}; it must be one continuous string"
                )
            }
            _ => continue,
        };
        let diagnostic = out.report(
            &EU_VAT_NUMBER_PREFIX,
            party.id_path("NrVatUE"),
            format!("the EU VAT number {number} of {} {problem}", party.label()),
        );
        diagnostic.help = Some(match eu_vat::suggest(country, number) {
            Some(fixed) => format!("write NrVatUE as `{fixed}` (with KodUE `{country}`)"),
            None => "write NrVatUE without the country prefix and without separators".into(),
        });
    }
}
