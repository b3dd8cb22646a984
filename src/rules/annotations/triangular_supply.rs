//! `FA3-ADN-008` triangular-supply.

use crate::facts::parties::{PartyId, Role};
use crate::facts::xsd_value;
use crate::model::{Faktura, TWybor12Type};
use crate::rules::annotations::ADNOTACJE;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice of the simplified triangular procedure issued by the second
    /// taxpayer (`P_23=1`):
    /// - identifies the buyer (`Podmiot2`) by an EU VAT number (`KodUE` +
    ///   `NrVatUE`);
    /// - gives the seller's prefix `Podmiot1/PrefiksPodatnika` as `PL`;
    /// - does not also mark `WarunkiTransakcji/PodmiotPosredniczacy=1`, which
    ///   is for chain transactions other than the triangular procedure.
    ///
    /// ## Why it matters
    /// In the triangular procedure (art. 135 ust. 1 pkt 4 and art. 136 of the
    /// VAT Act) the Polish intermediary invoices the last buyer in another
    /// member state, who settles the tax there: the invoice must give both
    /// parties' EU VAT numbers (art. 136 ust. 1 pkt 3). The schema's
    /// annotation of `PodmiotPosredniczacy` excludes the triangular
    /// procedure. KSeF checks none of this. Source: the FA(3) schema's
    /// annotations of `P_23` and `PodmiotPosredniczacy`; the MF FA(3)
    /// brochure, §13.1.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2><DaneIdentyfikacyjne><NIP>7335255579</NIP>...
    /// <P_23>1</P_23>
    /// ```
    ///
    /// ## Fix
    /// Give the buyer's EU VAT number and `PrefiksPodatnika` `PL`, and drop
    /// `PodmiotPosredniczacy`; or set `P_23=2` if the supply is not under the
    /// triangular procedure.
    pub static TRIANGULAR_SUPPLY = {
        code: "FA3-ADN-008",
        name: "triangular-supply",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// What `P_23=1` means, for messages.
const WHY: &str = "P_23=1 (simplified triangular procedure, second taxpayer)";

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if !matches!(invoice.fa.adnotacje.p_23, TWybor12Type::_1) {
        return;
    }
    if let Some(buyer) = ctx.facts().parties().iter().find(|p| p.role == Role::Buyer)
        && !matches!(buyer.id, PartyId::EuVat { .. })
    {
        out.report(
            &TRIANGULAR_SUPPLY,
            format!("{ADNOTACJE}/P_23"),
            format!("{WHY} needs the buyer identified by an EU VAT number (Podmiot2 KodUE and NrVatUE), but Podmiot2 has none"),
        )
        .help = Some(
            "give the last buyer's EU VAT number in Podmiot2/DaneIdentyfikacyjne (KodUE + NrVatUE)".into(),
        );
    }
    let prefix = invoice.podmiot1.prefiks_podatnika.as_ref().map(xsd_value);
    if prefix.as_deref() != Some("PL") {
        let found = prefix.unwrap_or_else(|| "not given".to_string());
        out.report(
            &TRIANGULAR_SUPPLY,
            "/Faktura/Podmiot1",
            format!("{WHY} needs the seller's EU VAT prefix Podmiot1/PrefiksPodatnika PL, but it is {found}"),
        )
        .help = Some("add <PrefiksPodatnika>PL</PrefiksPodatnika> to Podmiot1".into());
    }
    if invoice
        .fa
        .warunki_transakcji
        .as_ref()
        .is_some_and(|w| w.podmiot_posredniczacy.is_some())
    {
        out.report(
            &TRIANGULAR_SUPPLY,
            "/Faktura/Fa/WarunkiTransakcji/PodmiotPosredniczacy",
            format!("{WHY} conflicts with PodmiotPosredniczacy=1, which marks a chain transaction other than the triangular procedure"),
        )
        .help = Some(
            "drop PodmiotPosredniczacy for a triangular supply, or set P_23=2 if the supply is an ordinary chain transaction".into(),
        );
    }
}
