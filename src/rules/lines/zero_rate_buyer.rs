//! `FA3-ROW-010` zero-rate-buyer.

use crate::diagnostic::Severity;
use crate::domain::eu_vat::EuCountry;
use crate::facts::parties::{PartyId, Role};
use crate::model::Faktura;
use crate::rules::lines::describe;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// - `0 WDT` (intra-Community supply at 0 %) lines are sold to a buyer
    ///   identified by an EU VAT number (`Podmiot2` with `KodUE` and
    ///   `NrVatUE`). Otherwise a warning, once, at the first such line.
    /// - `0 EX` (export at 0 %) lines to a buyer identified by a Polish NIP
    ///   with a Polish (or no) address, where no `Transport/WysylkaDo` is
    ///   outside the EU: an info that the goods must leave the EU.
    ///
    /// ## Why it matters
    /// The 0 % rate of an intra-Community supply requires the buyer's valid
    /// EU VAT number, given on the invoice (art. 42 ust. 1 pkt 1 of the VAT
    /// Act); without it the supply is taxed at the domestic rate. Export at
    /// 0 % requires the goods to leave the EU (art. 41 ust. 4), which is
    /// unusual for a Polish buyer with nothing shipped abroad (it happens with
    /// indirect export). KSeF does not check either.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2><DaneIdentyfikacyjne><BrakID>1</BrakID>...
    /// <P_12>0 WDT</P_12>
    /// ```
    ///
    /// ## Fix
    /// Give the buyer's EU VAT number (`KodUE` + `NrVatUE`) on a `0 WDT`
    /// invoice, or apply the domestic rate; for `0 EX`, keep the export
    /// documents that show the goods left the EU.
    pub static ZERO_RATE_BUYER = {
        code: "FA3-ROW-010",
        name: "zero-rate-buyer",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// True for an ISO country code of an EU member state.
fn in_eu(iso: &str) -> bool {
    EuCountry::ALL
        .into_iter()
        .filter(|c| *c != EuCountry::NorthernIreland)
        .any(|c| c.iso_code() == iso)
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(buyer) = ctx.facts().parties().iter().find(|p| p.role == Role::Buyer) else {
        return;
    };
    let lines = &ctx.facts().rates().lines;
    let with_rate = |rate: &'static str| lines.iter().filter(move |l| l.rate == Some(rate));

    if !matches!(buyer.id, PartyId::EuVat { .. })
        && let Some(first) = with_rate("0 WDT").next()
    {
        let count = with_rate("0 WDT").count();
        let how = match &buyer.id {
            PartyId::Nip(nip) => format!("by the Polish NIP {nip}"),
            PartyId::Foreign { number, .. } => format!("by the foreign number {number} (NrID)"),
            _ => "by no tax number".to_string(),
        };
        out.report(
            &ZERO_RATE_BUYER,
            first.field("P_12"),
            format!(
                "{count} line(s) use the intra-Community supply rate 0 WDT, the first {line}, but the buyer is identified {how}, not by an EU VAT number (KodUE and NrVatUE)",
                line = describe(first)
            ),
        )
        .help = Some(
            "an intra-Community supply at 0 % needs the buyer's EU VAT number in Podmiot2 (KodUE + NrVatUE); otherwise apply the domestic rate".into(),
        );
    }

    let polish_buyer =
        matches!(buyer.id, PartyId::Nip(_)) && buyer.country.as_deref().is_none_or(|c| c == "PL");
    let shipped_out = invoice
        .fa
        .warunki_transakcji
        .iter()
        .flat_map(|w| &w.transport)
        .filter_map(|t| t.data_godz_rozp_transportu_group.as_ref())
        .filter_map(|g| g.wysylka_do.as_ref())
        .any(|a| !in_eu(&crate::facts::xsd_value(&a.kod_kraju)));
    if polish_buyer
        && !shipped_out
        && let Some(first) = with_rate("0 EX").next()
    {
        out.report_at(
            &ZERO_RATE_BUYER,
            Severity::Info,
            first.field("P_12"),
            format!(
                "{line} uses the export rate 0 EX, but the buyer is Polish and no shipment outside the EU (Transport/WysylkaDo) is given",
                line = describe(first)
            ),
        )
        .help = Some(
            "export at 0 % needs proof that the goods left the EU (art. 41 ust. 4 and 6); check the rate, or give the destination in WarunkiTransakcji/Transport".into(),
        );
    }
}
