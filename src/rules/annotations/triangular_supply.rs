//! `FA3-ADN-008` triangular-supply.

use crate::model::{Faktura, TWybor12Type};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice of the simplified triangular procedure issued by the second
    /// taxpayer (`P_23=1`) does not also mark
    /// `WarunkiTransakcji/PodmiotPosredniczacy=1`, which is for chain
    /// transactions other than the triangular procedure.
    ///
    /// Refined: the catalog's other two conditions of `P_23=1` — the buyer
    /// identified by `KodUE` + `NrVatUE` and the seller's
    /// `PrefiksPodatnika` `PL` — are reported by FA3-PM2-008 and
    /// FA3-PM1-001, which check them for every transaction that needs them,
    /// so that one defect has one code.
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
    /// <P_23>1</P_23>
    /// ...
    /// <WarunkiTransakcji><PodmiotPosredniczacy>1</PodmiotPosredniczacy></WarunkiTransakcji>
    /// ```
    ///
    /// ## Fix
    /// Drop `PodmiotPosredniczacy`; or set `P_23=2` if the supply is an
    /// ordinary chain transaction, not the triangular procedure.
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

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    if !matches!(invoice.fa.adnotacje.p_23, TWybor12Type::_1) {
        return;
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
