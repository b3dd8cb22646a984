//! `FA3-AMT-007` line-tax-matches.

use crate::facts::money::{checked_diff, display, round2, scaled, within};
use crate::facts::rates::Line;
use crate::model::Faktura;
use crate::rules::amounts::{percent_text, tax_in_gross, tax_on_net};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Where a line gives its own tax `P_11Vat` (art. 106e ust. 10):
    ///
    /// - the line's tax is its value times its rate: `P_11` × r / 100, or
    ///   with the gross method `P_11A` × r / (100 + r) (either is accepted),
    ///   within `Settings::tolerance`;
    /// - when every line of a rate group gives `P_11Vat`, their sum
    ///   (`StanPrzed` rows subtracted) equals the group's `P_14_x`, within
    ///   the tolerance × the number of lines.
    ///
    /// Refined: the sum is not compared on a settlement (`ROZ`, `KOR_ROZ`),
    /// where the lines show the full order and `P_14_x` the tax still due.
    /// Lines without a percentage rate (`zw`, `np`, `oo`, margin) are not
    /// checked.
    ///
    /// ## Why it matters
    /// The XSD annotation of `P_11Vat` makes it the tax of the line when the
    /// invoice computes the tax per line; a line tax that does not match its
    /// value, or line taxes that do not add up to the summary, leave the
    /// buyer with two different amounts to deduct.
    ///
    /// ## Source
    /// XSD annotation of `P_11Vat`; art. 106e ust. 10 of the VAT Act.
    ///
    /// ## Example
    /// ```xml
    /// <P_11>100.00</P_11>
    /// <P_11Vat>22.00</P_11Vat> <!-- 23 % of 100.00 is 23.00 -->
    /// <P_12>23</P_12>
    /// ```
    ///
    /// ## Fix
    /// Compute each `P_11Vat` from the line value and rate, and `P_14_x` as
    /// the sum of the line taxes of its group.
    pub static LINE_TAX_MATCHES = {
        code: "FA3-AMT-007",
        name: "line-tax-matches",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let rates = facts.rates();
    let tolerance = ctx.settings.tolerance;
    for line in &rates.lines {
        check_line(line, tolerance, out);
    }
    if facts.kind().is_settlement() {
        return;
    }
    for group in &rates.groups {
        let n = group.lines.len();
        let (Some(tax), Some(tax_path), Some(tax_field), Some(sum)) = (
            group.declared.and_then(|d| d.tax),
            group.group.tax_path(),
            group.group.tax_field(),
            group.vat,
        ) else {
            continue;
        };
        if n == 0 || group.vat_lines != n || within(sum, tax, scaled(tolerance, n)) {
            continue;
        }
        let Some(difference) = checked_diff(tax, sum) else {
            continue;
        };
        let lines = if n == 1 { "line" } else { "lines" };
        out.report(
            &LINE_TAX_MATCHES,
            tax_path,
            format!(
                "{tax_field} is {tax}, but the line taxes P_11Vat of its {n} {lines} add up to {sum} (difference {difference})",
                tax = display(tax),
                sum = display(sum),
                difference = display(difference),
            ),
        )
        .help = Some(format!(
            "set {tax_field} to the sum of the line taxes of its group, or correct the line tax that is wrong"
        ));
    }
}

fn check_line(line: &Line<'_>, tolerance: rust_decimal::Decimal, out: &mut Findings) {
    let (Some(vat), Some(percent)) = (line.vat(), line.percent) else {
        return;
    };
    let on_net = line.net().and_then(|v| tax_on_net(v, percent));
    let on_gross = line.gross().and_then(|v| tax_in_gross(v, percent));
    if on_net.is_none() && on_gross.is_none() {
        return;
    }
    if on_net.is_some_and(|t| within(t, vat, tolerance))
        || on_gross.is_some_and(|t| within(t, vat, tolerance))
    {
        return;
    }
    let (expected, base) = match (on_net, line.net(), line.gross()) {
        (Some(t), Some(net), _) => (round2(t), format!("P_11 ({})", display(net))),
        (_, _, Some(gross)) => (
            round2(on_gross.unwrap_or_default()),
            format!("the gross value P_11A ({})", display(gross)),
        ),
        _ => return,
    };
    let Some(difference) = checked_diff(vat, expected) else {
        return;
    };
    let number = line.number;
    out.report(
        &LINE_TAX_MATCHES,
        line.field("P_11Vat"),
        format!(
            "line {number}: P_11Vat is {vat}, but {rate} of {base} is {expected} (difference {difference})",
            vat = display(vat),
            rate = percent_text(percent),
            expected = display(expected),
            difference = display(difference),
        ),
    )
    .help = Some(
        "compute P_11Vat as the line value × the rate rounded to the grosz (gross method: P_11A × r / (100 + r)), or correct the rate or the value".to_string(),
    );
}
