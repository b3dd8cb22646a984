//! `FA3-PM2-008` buyer-id-for-eu-supply.

use crate::facts::parties::{PartyId, Role};
use crate::model::Faktura;
use crate::rules::parties::{describe_id, eu_evidence, id_element, nip_in_nrid, party};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// When the invoice documents an intra-Community supply of goods (a `0 WDT`
    /// line or a non-zero `P_13_6_2`), services taxed where the buyer is
    /// established (art. 100 ust. 1 pkt 4: an `np II` line or a non-zero
    /// `P_13_9`) or a simplified triangular transaction by the second taxpayer
    /// (`Adnotacje/P_23=1`), the buyer is identified by an EU VAT number,
    /// `KodUE` + `NrVatUE`.
    ///
    /// A buyer whose `NrID` is a Polish NIP is left to FA3-ID-013 and
    /// FA3-PM2-005, which say where that NIP belongs. Whether the EU VAT
    /// number itself is well-formed is FA3-ID-011 and FA3-ID-012.
    ///
    /// ## Why it matters
    /// These invoices must show the number under which the buyer is
    /// identified for VAT in another member state (art. 106e ust. 1 pkt 24
    /// and art. 136 ust. 1 pkt 4 of the VAT Act; the schema annotation of
    /// `KodUE`; MF brochure on FA(3), the buyer's data). The 0% rate of an
    /// intra-Community supply depends on it (art. 42 ust. 1), and the supply
    /// is reported in the EU sales list (VAT-UE) under that number.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2><DaneIdentyfikacyjne><KodKraju>DE</KodKraju><NrID>DE123456789</NrID> ...
    /// ...
    /// <P_12>0 WDT</P_12>
    /// ```
    ///
    /// ## Fix
    /// Identify the buyer by `KodUE` (the country prefix, e.g. `DE`) and
    /// `NrVatUE` (the number without the prefix), as confirmed in VIES. If the
    /// buyer has no EU VAT number, the supply is not an intra-Community one at
    /// 0%: tax it at the domestic rate instead.
    pub static BUYER_ID_FOR_EU_SUPPLY = {
        code: "FA3-PM2-008",
        name: "buyer-id-for-eu-supply",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(buyer) = party(ctx, Role::Buyer) else {
        return;
    };
    match &buyer.id {
        PartyId::EuVat { .. } => return,
        PartyId::Foreign { kod_kraju, number }
            if nip_in_nrid(kod_kraju.as_deref(), number).is_some() =>
        {
            return; // FA3-ID-013, FA3-PM2-005
        }
        _ => {}
    }
    let Some(evidence) = eu_evidence(ctx) else {
        return;
    };
    out.report(
        &BUYER_ID_FOR_EU_SUPPLY,
        buyer.id_path(id_element(&buyer.id)),
        format!(
            "the invoice documents {what} ({why}), but the buyer is identified by {id}, not by an EU VAT number (KodUE + NrVatUE)",
            what = evidence.what,
            why = evidence.why,
            id = describe_id(&buyer.id)
        ),
    )
    .help = Some(
        "identify the buyer by KodUE and NrVatUE as confirmed in VIES; without an EU VAT number the supply is taxed as a domestic one".into(),
    );
}
