//! `FA3-ZAL-003` order-value-mismatch.

use rust_decimal::Decimal;

use crate::facts::Kind;
use crate::facts::money::{checked_diff, checked_sum, display, within};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// On an advance invoice (`ZAL`), `WartoscZamowienia` equals the sum of
    /// `P_11NettoZ` + `P_11VatZ` over the `ZamowienieWiersz` lines, within
    /// the tolerance (0.01 by default). A missing `P_11VatZ` counts as zero;
    /// if a line has no `P_11NettoZ`, the sum is unknown and nothing is
    /// checked.
    ///
    /// On a correction (`KOR_ZAL`) that gives the order rows as before/after
    /// pairs (`StanPrzedZ=1` on the before rows), `WartoscZamowienia` is the
    /// order value after the correction. The rows of the order that the
    /// correction leaves unchanged may be left out, so the value is only
    /// required to be no less than the sum of the rows after the correction
    /// (or to equal the sum of the differences, after minus before).
    ///
    /// Refined: the catalog compares the differences on `KOR_ZAL`; the
    /// official examples (11–13) give the order value after the correction
    /// (e.g. 337,635.00 when the rows after the correction add up to that),
    /// and the XSD annotation of `Zamowienie` lists only the corrected rows,
    /// so the value after the correction cannot be computed in general. A
    /// `KOR_ZAL` whose rows are differences only is not checked.
    ///
    /// ## Why it matters
    /// `WartoscZamowienia` is the value of the order or contract including
    /// tax (XSD annotation; art. 106f ust. 1 pkt 4 of the VAT Act), which the
    /// MF brochure on FA(3) defines as the sum of (`P_11NettoZ` +
    /// `P_11VatZ`) over all order rows. A mismatch means a row or the value
    /// is wrong, and the buyer cannot tell how much of the order the advance
    /// covers.
    ///
    /// ## Example
    /// ```xml
    /// <WartoscZamowienia>375151</WartoscZamowienia>
    /// <!-- rows: 300000 + 69000 and 5000 + 1150 = 375150 -->
    /// ```
    ///
    /// ## Fix
    /// Correct `WartoscZamowienia` or the row amounts so that the value is
    /// the sum of the rows' net amounts and tax.
    pub static ORDER_VALUE_MISMATCH = {
        code: "FA3-ZAL-003",
        name: "order-value-mismatch",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

const PATH: &str = "/Faktura/Fa/Zamowienie/WartoscZamowienia";

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let kind = facts.kind();
    let Some(order) = &facts.advance().order else {
        return;
    };
    if !kind.is_advance() || order.lines.iter().any(|l| l.net().is_none()) {
        return;
    }
    let tolerance = ctx.settings.tolerance;
    let value = order.value;
    let row_total = |before: bool| {
        checked_sum(
            order
                .lines
                .iter()
                .filter(|l| l.before == before)
                .filter_map(|l| {
                    l.net()
                        .unwrap_or_default()
                        .checked_add(l.vat().unwrap_or_default())
                }),
        )
    };
    let has_pairs = order.lines.iter().any(|l| l.before);
    let (expected, what) = match kind {
        Kind::Zal => {
            let Some(total) = order.lines_total else {
                return;
            };
            (total, "the order lines add up to")
        }
        Kind::KorZal if has_pairs => {
            let (Some(after), Some(diff)) = (row_total(false), order.lines_total) else {
                return;
            };
            // Rows left unchanged may be left out, so the order may be worth
            // more than the rows listed; it cannot be worth less.
            if within(value, diff, tolerance) || value >= after {
                return;
            }
            (after, "the order rows after the correction alone add up to")
        }
        _ => return,
    };
    if within(value, expected, tolerance) {
        return;
    }
    let Some(difference) = checked_diff(value, expected) else {
        return;
    };
    report(out, value, expected, difference, what);
}

fn report(out: &mut Findings, value: Decimal, expected: Decimal, difference: Decimal, what: &str) {
    out.report(
        &ORDER_VALUE_MISMATCH,
        PATH,
        format!(
            "WartoscZamowienia is {value}, but {what} {expected} (P_11NettoZ + P_11VatZ; difference {difference})",
            value = display(value),
            expected = display(expected),
            difference = display(difference.abs()),
        ),
    )
    .help = Some(
        "WartoscZamowienia is the order's value including tax: the sum of P_11NettoZ and P_11VatZ over the ZamowienieWiersz lines; correct the value or the lines".into(),
    );
}
