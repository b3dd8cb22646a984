//! `FA3-SET-002` settlement-amount-due.

use rust_decimal::Decimal;

use crate::facts::money::{checked_diff, checked_sum, display, within};
use crate::model::{Faktura, FakturaFaRozliczenieDoZaplatyChoice};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// In `Rozliczenie`, the amount to pay is `P_15` plus the charges minus
    /// the deductions. When that is zero or more, `DoZaplaty` gives it; when
    /// it is negative, the buyer has overpaid and `DoRozliczenia` gives the
    /// overpaid amount as a positive number. The charges and deductions are
    /// the sums of the `Obciazenia/Kwota` and `Odliczenia/Kwota` items
    /// (or `SumaObciazen`/`SumaOdliczen` when no item is given). Compared
    /// within the tolerance (0.01 by default).
    ///
    /// The schema part of the catalog entry (at most one of `DoZaplaty` and
    /// `DoRozliczenia`) is enforced by the schema validator.
    ///
    /// ## Why it matters
    /// The XSD annotation of `DoZaplaty`: "the amount due, equal to P_15
    /// increased by the charges and reduced by the deductions"; of
    /// `DoRozliczenia`: "the overpaid amount to settle or refund" (MF
    /// brochure on FA(3), additional settlements). A wrong amount asks the
    /// buyer to pay too much or too little. KSeF does not check this.
    ///
    /// ## Example
    /// ```xml
    /// <P_15>100</P_15> ...
    /// <Odliczenia><Kwota>30</Kwota><Powod>nadpłata</Powod></Odliczenia>
    /// <DoZaplaty>100</DoZaplaty> <!-- should be 70 -->
    /// ```
    ///
    /// ## Fix
    /// Give `DoZaplaty` = `P_15` + charges − deductions, or, when that is
    /// negative, `DoRozliczenia` = the overpaid amount.
    pub static SETTLEMENT_AMOUNT_DUE = {
        code: "FA3-SET-002",
        name: "settlement-amount-due",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

const HELP: &str = "DoZaplaty is P_15 plus the charges (Obciazenia) minus the deductions (Odliczenia); when that is negative, give the overpaid amount in DoRozliczenia instead";

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(r) = &invoice.fa.rozliczenie else {
        return;
    };
    let Some(choice) = &r.do_zaplaty_choice else {
        return;
    };
    let total = ctx.facts().rates().total;
    let items = |amounts: Vec<Decimal>, sum: Option<Decimal>| {
        if amounts.is_empty() {
            Some(sum.unwrap_or_default())
        } else {
            checked_sum(amounts)
        }
    };
    let charges = items(
        r.obciazenia.iter().map(|o| o.kwota.0.value()).collect(),
        r.suma_obciazen.as_ref().map(|v| v.0.value()),
    );
    let deductions = items(
        r.odliczenia.iter().map(|o| o.kwota.0.value()).collect(),
        r.suma_odliczen.as_ref().map(|v| v.0.value()),
    );
    let (Some(charges), Some(deductions)) = (charges, deductions) else {
        return;
    };
    let Some(expected) = total
        .checked_add(charges)
        .and_then(|v| v.checked_sub(deductions))
    else {
        return;
    };
    let tolerance = ctx.settings.tolerance;
    // Written only when there is a finding.
    let computation = || {
        format!(
            "P_15 {total} + charges {charges} − deductions {deductions} = {expected}",
            total = display(total),
            charges = display(charges),
            deductions = display(deductions),
            expected = display(expected),
        )
    };
    let (field, message) = match choice {
        FakturaFaRozliczenieDoZaplatyChoice::DoZaplaty(v) => {
            let given = v.0.value();
            if expected.is_sign_negative() && !within(expected, Decimal::ZERO, tolerance) {
                (
                    "DoZaplaty",
                    format!(
                        "DoZaplaty is {given}, but {computation}: the buyer has overpaid, which DoRozliczenia gives as {overpaid}",
                        computation = computation(),
                        given = display(given),
                        overpaid = display(expected.abs()),
                    ),
                )
            } else if within(given, expected, tolerance) {
                return;
            } else {
                let Some(difference) = checked_diff(given, expected) else {
                    return;
                };
                (
                    "DoZaplaty",
                    format!(
                        "DoZaplaty is {given}, but {computation} (difference {difference})",
                        computation = computation(),
                        given = display(given),
                        difference = display(difference.abs()),
                    ),
                )
            }
        }
        FakturaFaRozliczenieDoZaplatyChoice::DoRozliczenia(v) => {
            let given = v.0.value();
            let overpaid = -expected;
            if within(given, overpaid, tolerance) {
                return;
            }
            if expected.is_sign_positive() && !within(expected, Decimal::ZERO, tolerance) {
                (
                    "DoRozliczenia",
                    format!(
                        "DoRozliczenia is {given}, but {computation}: nothing was overpaid, and DoZaplaty gives the amount to pay",
                        computation = computation(),
                        given = display(given),
                    ),
                )
            } else {
                let Some(difference) = checked_diff(given, overpaid) else {
                    return;
                };
                (
                    "DoRozliczenia",
                    format!(
                        "DoRozliczenia is {given}, but {computation}, an overpayment of {overpaid} (difference {difference})",
                        computation = computation(),
                        given = display(given),
                        overpaid = display(overpaid),
                        difference = display(difference.abs()),
                    ),
                )
            }
        }
    };
    out.report(
        &SETTLEMENT_AMOUNT_DUE,
        format!("/Faktura/Fa/Rozliczenie/{field}"),
        message,
    )
    .help = Some(HELP.into());
}
