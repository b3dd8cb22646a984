//! `FA3-PAY-002` partial-payments-total.

use rust_decimal::Decimal;

use crate::facts::money::{checked_diff, display, round2, within};
use crate::facts::payment::Status;
use crate::model::{Faktura, FakturaFaRozliczenieDoZaplatyChoice};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The partial payments (`ZaplataCzesciowa/KwotaZaplatyCzesciowej`)
    /// against the amount due:
    /// - `ZnacznikZaplatyCzesciowej=2` ("paid in full in two or more parts")
    ///   needs at least two parts, adding up to the amount due within the
    ///   tolerance (0.01 by default);
    /// - `ZnacznikZaplatyCzesciowej=1` ("partly paid") needs parts adding up
    ///   to less than the amount due.
    ///
    /// The amount due is `P_15`, or `Rozliczenie/DoZaplaty` when the invoice
    /// gives it (`P_15` with the charges and deductions of `Rozliczenie`);
    /// either is accepted. Corrections are not checked (their `P_15` is a
    /// difference).
    ///
    /// ## Why it matters
    /// The XSD annotation of `ZnacznikZaplatyCzesciowej` defines the two
    /// values; a flag that contradicts the amounts tells the buyer that the
    /// invoice is settled when it is not, or the other way round (MF brochure
    /// on FA(3), payment data). KSeF does not check this.
    ///
    /// ## Example
    /// ```xml
    /// <P_15>1230</P_15> ...
    /// <ZnacznikZaplatyCzesciowej>2</ZnacznikZaplatyCzesciowej>
    /// <ZaplataCzesciowa><KwotaZaplatyCzesciowej>100</KwotaZaplatyCzesciowej>...</ZaplataCzesciowa>
    /// ```
    ///
    /// ## Fix
    /// List every part paid with its amount and date; use `2` only when the
    /// parts add up to the whole amount due, `1` when some of it is still
    /// unpaid, and `Zaplacono=1` for a single payment in full.
    pub static PARTIAL_PAYMENTS_TOTAL = {
        code: "FA3-PAY-002",
        name: "partial-payments-total",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

const PATH: &str = "/Faktura/Fa/Platnosc/ZnacznikZaplatyCzesciowej";

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    if facts.kind().is_correction() {
        return;
    }
    let payment = facts.payment();
    let Some(sum) = payment.partial_total else {
        return;
    };
    let total = facts.rates().total;
    let due = invoice
        .fa
        .rozliczenie
        .as_ref()
        .and_then(|r| match &r.do_zaplaty_choice {
            Some(FakturaFaRozliczenieDoZaplatyChoice::DoZaplaty(v)) => Some(v.0.value()),
            _ => None,
        });
    let parts = payment.payments.len();
    let tolerance = ctx.settings.tolerance;
    // The texts of the message, written only when there is a finding.
    let sum_text = || display(sum);
    let target = || match due {
        Some(d) => format!(
            "P_15 {total} or DoZaplaty {d}",
            total = display(total),
            d = display(d)
        ),
        None => format!("P_15 {}", display(total)),
    };
    let message = match payment.status {
        Status::PaidInParts => {
            let matches = |amount: Decimal| within(sum, amount, tolerance);
            if parts >= 2 && (matches(total) || due.is_some_and(matches)) {
                return;
            }
            if parts < 2 {
                format!(
                    "ZnacznikZaplatyCzesciowej=2 says the invoice was paid in full in two or more parts, but only {parts} ZaplataCzesciowa is given"
                )
            } else {
                let difference = checked_diff(total, sum).map_or_else(String::new, |d| {
                    format!(" (difference {})", display(d.abs()))
                });
                format!(
                    "ZnacznikZaplatyCzesciowej=2 says the invoice was paid in full in parts, but the {parts} parts add up to {sum_text}, not {target}{difference}",
                    sum_text = sum_text(),
                    target = target(),
                )
            }
        }
        Status::PartlyPaid => {
            let below = |amount: Decimal| round2(sum) < round2(amount);
            if below(total) || due.is_some_and(below) {
                return;
            }
            format!(
                "ZnacznikZaplatyCzesciowej=1 says the invoice was partly paid, but the parts add up to {sum_text}, not less than {target}",
                sum_text = sum_text(),
                target = target(),
            )
        }
        Status::Paid | Status::Unknown => return,
    };
    out.report(&PARTIAL_PAYMENTS_TOTAL, PATH, message).help = Some(
        "use ZnacznikZaplatyCzesciowej=2 only when the parts add up to the amount due, 1 when part of it is still unpaid; list every part paid".into(),
    );
}
