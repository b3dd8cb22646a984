//! `FA3-CUR-003` tax-in-pln-conversion.

use rust_decimal::Decimal;

use crate::facts::money::{checked_diff, display, round2, scaled, within};
use crate::facts::rates::Group;
use crate::model::Faktura;
use crate::rules::amounts::{percent_text, rate_text, tax_in_gross, tax_on_net};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The tax in złoty `P_14_xW` is the tax `P_14_x` converted at the
    /// invoice's exchange rate. Both legal orders of conversion are
    /// accepted:
    ///
    /// - the tax converted: `P_14_x` × the rate, where the rate is the one
    ///   `KursWaluty` all lines of the group share (on an advance invoice
    ///   `KursWalutyZ`, or the one `KursWalutyZW` of its partial advances);
    /// - the base converted, then taxed: Σ (`P_11` × `KursWaluty`) of the
    ///   group's lines × r / 100 (gross method: Σ (`P_11A` × `KursWaluty`) ×
    ///   r / (100 + r)), which also covers lines with different rates (the
    ///   official example 21). `StanPrzed` rows count negatively.
    ///
    /// Tolerance: the larger of `Settings::tolerance` and the tolerance ×
    /// the number of lines of the group. A group whose rate cannot be
    /// determined is not checked (FA3-CUR-004 reports a missing rate).
    /// On a settlement (`ROZ`) only the first order applies.
    ///
    /// ## Why it matters
    /// Art. 106e ust. 11 and art. 31a of the VAT Act: the tax in złoty is
    /// what the buyer deducts and the seller reports; a conversion that
    /// matches neither order is a wrong rate or a wrong amount (discussed in
    /// lkosson/profak#143).
    ///
    /// ## Source
    /// lkosson/profak#143 (the two conversion orders); art. 106e ust. 11 and
    /// art. 31a of the VAT Act.
    ///
    /// ## Example
    /// ```xml
    /// <P_14_1>23.00</P_14_1>
    /// <P_14_1W>100.00</P_14_1W> <!-- KursWaluty 4.30: 98.90 expected -->
    /// ```
    ///
    /// ## Fix
    /// Convert the tax (or the tax base) at the rate given in `KursWaluty`,
    /// or correct the rate.
    pub static TAX_IN_PLN_CONVERSION = {
        code: "FA3-CUR-003",
        name: "tax-in-pln-conversion",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    if facts.currency().is_pln() {
        return;
    }
    for group in &facts.rates().groups {
        check_group(ctx, group, out);
    }
}

/// The one exchange rate that applies to the whole group, if there is one.
fn single_rate(ctx: &Context<'_>, group: &Group) -> Option<(Decimal, &'static str)> {
    let facts = ctx.facts();
    let currency = facts.currency();
    match currency.rates_of(group.group) {
        [rate] => return Some((*rate, "KursWaluty")),
        [] => {}
        _ => return None,
    }
    if !facts.kind().is_advance() {
        return None;
    }
    if let Some(rate) = currency.advance_rate {
        return Some((rate, "KursWalutyZ"));
    }
    match currency.partial_rates.as_slice() {
        [first, rest @ ..] if rest.iter().all(|r| r == first) => Some((*first, "KursWalutyZW")),
        _ => None,
    }
}

/// Σ (line value × its KursWaluty), taxed at the group's one rate.
fn converted_base(ctx: &Context<'_>, group: &Group) -> Option<Decimal> {
    let facts = ctx.facts();
    if facts.kind().is_settlement() {
        return None;
    }
    let [percent] = group.percents.as_slice() else {
        return None;
    };
    let rates = facts.rates();
    let n = group.lines.len();
    let gross = if n > 0 && group.net_lines == n {
        false
    } else if n > 0 && group.gross_lines == n {
        true
    } else {
        return None;
    };
    let mut sum = Decimal::ZERO;
    for line in rates.lines_of(group) {
        let value = if gross { line.gross()? } else { line.net()? };
        let converted = value.checked_mul(line.exchange_rate()?)?;
        sum = sum.checked_add(line.sign().checked_mul(converted)?)?;
    }
    if gross {
        tax_in_gross(sum, *percent)
    } else {
        tax_on_net(sum, *percent)
    }
}

fn check_group(ctx: &Context<'_>, group: &Group, out: &mut Findings) {
    let (Some(declared), Some(tax_field), Some(w_field)) = (
        group.declared,
        group.group.tax_field(),
        group.group.tax_pln_field(),
    ) else {
        return;
    };
    let (Some(tax), Some(w)) = (declared.tax, declared.tax_pln) else {
        return;
    };
    let single = single_rate(ctx, group);
    let by_tax = single.and_then(|(rate, _)| tax.checked_mul(rate));
    let by_base = converted_base(ctx, group);
    if by_tax.is_none() && by_base.is_none() {
        return;
    }
    let tol = ctx.settings.tolerance;
    let tolerance = scaled(tol, group.lines.len()).max(tol);
    if by_tax.is_some_and(|e| within(e, w, tolerance))
        || by_base.is_some_and(|e| within(e, w, tolerance))
    {
        return;
    }
    let (expected, how) = match (by_tax, single, by_base) {
        (Some(e), Some((rate, field)), _) => (
            round2(e),
            format!(
                "{tax_field} ({tax}) × {field} {rate} is",
                tax = display(tax),
                rate = rate_text(rate)
            ),
        ),
        (_, _, Some(e)) => (
            round2(e),
            format!(
                "the lines' values converted at their KursWaluty and taxed at {} give",
                group
                    .percents
                    .first()
                    .map(|p| percent_text(*p))
                    .unwrap_or_default()
            ),
        ),
        _ => return,
    };
    let Some(difference) = checked_diff(w, expected) else {
        return;
    };
    out.report(
        &TAX_IN_PLN_CONVERSION,
        format!("/Faktura/Fa/{w_field}"),
        format!(
            "{w_field} is {w}, but {how} {expected} (difference {difference})",
            w = display(w),
            expected = display(expected),
            difference = display(difference),
        ),
    )
    .help = Some(format!(
        "convert {tax_field} (or the tax base) to złoty at the exchange rate the invoice gives, or correct the rate"
    ));
}
