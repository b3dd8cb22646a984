//! `FA3-ID-013` polish-nip-in-foreign-id.

use crate::domain::eu_vat::{self, EuCountry};
use crate::domain::nip;
use crate::facts::parties::{Party, PartyId, Role};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A Polish taxpayer identified as a foreign one, in `Podmiot2`, each
    /// `Podmiot3` and the carriers:
    ///
    /// - `KodUE=PL`;
    /// - a `NrVatUE` that is a valid NIP (optionally after `PL`) but not a
    ///   valid number of its `KodUE` country (Slovak, Czech or other
    ///   ten-digit numbers are left alone);
    /// - a `NrID` that is a valid NIP (optionally after `PL`), when `KodKraju`
    ///   is missing or `PL`.
    ///
    /// `Podmiot2K` is not checked: it repeats the data of the corrected
    /// invoice as they were.
    ///
    /// ## Why it matters
    /// A Polish buyer's NIP belongs in `DaneIdentyfikacyjne/NIP` (MF brochure
    /// on FA(3): the buyer's data). KSeF delivers an invoice to the buyer by
    /// that NIP, so a buyer identified by `KodUE`/`NrVatUE` or `NrID` never
    /// receives it in KSeF, and the invoice does not count as a domestic one
    /// for the buyer's records.
    ///
    /// ## Example
    /// ```xml
    /// <KodUE>PL</KodUE>
    /// <NrVatUE>5265877635</NrVatUE>
    /// ```
    ///
    /// ## Fix
    /// Put the NIP in `NIP`: `<NIP>5265877635</NIP>` instead of the `KodUE`
    /// and `NrVatUE` (or `KodKraju` and `NrID`) elements.
    pub static POLISH_NIP_IN_FOREIGN_ID = {
        code: "FA3-ID-013",
        name: "polish-nip-in-foreign-id",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

/// The valid NIP in `value`, written plain or after `PL`.
fn as_nip(value: &str) -> Option<&str> {
    let digits = match value.get(..2) {
        Some(p) if p.eq_ignore_ascii_case("PL") => value.get(2..)?,
        _ => value,
    };
    nip::is_valid(digits).then_some(digits)
}

fn report(out: &mut Findings, party: &Party<'_>, element: &str, what: &str, nip: Option<&str>) {
    let who = if party.role == Role::Buyer {
        "; KSeF delivers invoices to the buyer by NIP, so the buyer will not receive this one"
    } else {
        ""
    };
    out.report(
        &POLISH_NIP_IN_FOREIGN_ID,
        party.id_path(element),
        format!("{} identifies a Polish taxpayer {what}{who}", party.label()),
    )
    .help = Some(match nip {
        Some(nip) => format!(
            "replace the foreign identification with <NIP>{nip}</NIP> in DaneIdentyfikacyjne"
        ),
        None => "identify a Polish taxpayer by NIP in DaneIdentyfikacyjne/NIP".into(),
    });
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for party in ctx.facts().parties() {
        if !matches!(party.role, Role::Buyer | Role::ThirdParty | Role::Carrier) {
            continue;
        }
        match &party.id {
            PartyId::EuVat { kod_ue, number } => {
                let nip = as_nip(number);
                if kod_ue == "PL" {
                    report(
                        out,
                        party,
                        "KodUE",
                        &format!("as an EU VAT payer (KodUE PL, NrVatUE {number})"),
                        nip,
                    );
                } else if let Some(nip) = nip
                    && EuCountry::from_code(kod_ue).is_ok_and(|c| !eu_vat::is_valid(c, number))
                {
                    report(
                        out,
                        party,
                        "NrVatUE",
                        &format!(
                            "by a foreign VAT number: NrVatUE {number} (KodUE {kod_ue}) is a valid NIP, not a {kod_ue} VAT number"
                        ),
                        Some(nip),
                    );
                }
            }
            PartyId::Foreign { kod_kraju, number } => {
                let polish = kod_kraju.as_deref().is_none_or(|k| k == "PL");
                if let Some(nip) = as_nip(number).filter(|_| polish) {
                    report(
                        out,
                        party,
                        "NrID",
                        &format!("by a foreign tax number: NrID {number} is a valid NIP"),
                        Some(nip),
                    );
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::as_nip;

    #[test]
    fn nip_spellings() {
        assert_eq!(as_nip("5265877635"), Some("5265877635"));
        assert_eq!(as_nip("PL5265877635"), Some("5265877635"));
        assert_eq!(as_nip("pl5265877635"), Some("5265877635"));
        assert_eq!(as_nip("5265877636"), None);
        assert_eq!(as_nip("DE5265877635"), None);
        assert_eq!(as_nip("PL"), None);
        assert_eq!(as_nip("Pż"), None);
        assert_eq!(as_nip(""), None);
    }
}
