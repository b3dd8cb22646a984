//! `FA3-ROW-010` zero-rate-buyer.

use crate::domain::eu_vat::EuCountry;
use crate::facts::parties::{PartyId, Role};
use crate::model::Faktura;
use crate::rules::lines::describe;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// `0 EX` (export at 0 %) lines to a buyer identified by a Polish NIP
    /// with a Polish (or no) address, where no `Transport/WysylkaDo` is
    /// outside the EU: an info that the goods must leave the EU.
    ///
    /// Refined: the catalog's other half — a `0 WDT` line needs a buyer
    /// identified by `KodUE` + `NrVatUE` — is FA3-PM2-008, which reports it
    /// at the buyer for every supply that needs the EU VAT number, so that
    /// one defect has one code.
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
    /// <Podmiot2><DaneIdentyfikacyjne><NIP>7335255579</NIP>...
    /// <P_12>0 EX</P_12> <!-- and no shipment outside the EU -->
    /// ```
    ///
    /// ## Fix
    /// Keep the export documents that show the goods left the EU, give the
    /// shipment (`Transport/WysylkaDo`), or apply the domestic rate.
    pub static ZERO_RATE_BUYER = {
        code: "FA3-ROW-010",
        name: "zero-rate-buyer",
        severity: Info,
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
        out.report(
            &ZERO_RATE_BUYER,
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
