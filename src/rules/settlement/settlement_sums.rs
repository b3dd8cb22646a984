//! `FA3-SET-001` settlement-sums.

use crate::facts::money::{checked_diff, checked_sum, display, within};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// In `Rozliczenie` (additional charges and deductions), `SumaObciazen`
    /// equals the sum of `Obciazenia/Kwota` and `SumaOdliczen` the sum of
    /// `Odliczenia/Kwota`, within the tolerance (0.01 by default). A sum
    /// given without any item is compared with zero.
    ///
    /// ## Why it matters
    /// The XSD names the fields "Suma obciążeń" and "Suma odliczeń"; the MF
    /// brochure on FA(3) (additional settlements) computes the amount to pay
    /// from them. A sum that differs from its items misstates the amount the
    /// buyer is asked to pay. KSeF does not check this.
    ///
    /// ## Example
    /// ```xml
    /// <Obciazenia><Kwota>5</Kwota><Powod>kaucja</Powod></Obciazenia>
    /// <SumaObciazen>5.02</SumaObciazen>
    /// ```
    ///
    /// ## Fix
    /// Correct the sum or the items so that the sum is the total of the
    /// items.
    pub static SETTLEMENT_SUMS = {
        code: "FA3-SET-001",
        name: "settlement-sums",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(r) = &invoice.fa.rozliczenie else {
        return;
    };
    let charges = checked_sum(r.obciazenia.iter().map(|o| o.kwota.0.value()));
    let deductions = checked_sum(r.odliczenia.iter().map(|o| o.kwota.0.value()));
    for (field, items, declared, sum, count) in [
        (
            "SumaObciazen",
            "Obciazenia",
            r.suma_obciazen.as_ref(),
            charges,
            r.obciazenia.len(),
        ),
        (
            "SumaOdliczen",
            "Odliczenia",
            r.suma_odliczen.as_ref(),
            deductions,
            r.odliczenia.len(),
        ),
    ] {
        let (Some(declared), Some(sum)) = (declared.map(|v| v.0.value()), sum) else {
            continue;
        };
        if within(declared, sum, ctx.settings.tolerance) {
            continue;
        }
        let Some(difference) = checked_diff(declared, sum) else {
            continue;
        };
        out.report(
            &SETTLEMENT_SUMS,
            format!("/Faktura/Fa/Rozliczenie/{field}"),
            format!(
                "{field} is {declared}, but the {count} {items}/Kwota amounts add up to {sum} (difference {difference})",
                declared = display(declared),
                sum = display(sum),
                difference = display(difference.abs()),
            ),
        )
        .help = Some(format!("{field} is the total of the {items}/Kwota amounts; correct the sum or the items"));
    }
}
