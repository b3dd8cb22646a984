//! `FA3-AMT-003` tax-matches-rate.

use rust_decimal::Decimal;

use crate::facts::money::{checked_diff, display, round2, scaled, within};
use crate::facts::rates::{Group, Method};
use crate::model::Faktura;
use crate::rules::amounts::{nominal_percents, percent_text, tax_in_gross, tax_on_net};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each tax summary field `P_14_1` … `P_14_5` is its net field
    /// `P_13_1` … `P_13_5` times the rate, rounded to the grosz. The rate is
    /// the `P_12` (or `P_12_XII` for OSS) of the group's lines; on an advance
    /// invoice without lines, the `P_12Z` of the order lines; failing both,
    /// either nominal rate of the field (23 or 22, 8 or 7, 5, 4 or 3). With
    /// the gross method (art. 106e ust. 7–8) the tax is the gross amount ×
    /// r / (100 + r); either computation is accepted. On a correction both
    /// fields are differences, and the relation holds for them too.
    ///
    /// Tolerance: `Settings::tolerance` (default 0.01); where the lines give
    /// their own tax (`P_11Vat`, art. 106e ust. 10), the tolerance times the
    /// number of those lines, since each line's tax is rounded on its own.
    /// A group whose lines use several rates (e.g. OSS lines for several
    /// countries) is skipped.
    ///
    /// ## Why it matters
    /// The XSD annotations of `P_14_x` define the tax as the tax on the sum
    /// of `P_13_x`; a tax that does not match the rate is either a wrong
    /// rate or a wrong amount, and the buyer deducts what the invoice says.
    /// KSeF does not check it.
    ///
    /// ## Source
    /// XSD annotations of `P_13_x`/`P_14_x` and `TStawkaPodatku`; MF brochure
    /// (FA(3) information sheet) §9.3–9.4, §10.3; art. 106e ust. 7–8 of the
    /// VAT Act (gross method); ksefuj semantic rule R39.
    ///
    /// ## Example
    /// ```xml
    /// <P_13_1>100.00</P_13_1>
    /// <P_14_1>22.00</P_14_1> <!-- 23 % of 100.00 is 23.00 -->
    /// ```
    ///
    /// ## Fix
    /// Compute `P_14_x` as `P_13_x` × the rate, rounded half away from zero
    /// to the grosz (or from the gross amount with the gross method), or
    /// correct the net amount.
    pub static TAX_MATCHES_RATE = {
        code: "FA3-AMT-003",
        name: "tax-matches-rate",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// True when `tax` is within `tolerance` of the tax at `percent` on `net`
/// (net method) or on the gross amount `gross` (gross method).
fn matches(
    net: Decimal,
    gross: Option<Decimal>,
    tax: Decimal,
    percent: Decimal,
    tolerance: Decimal,
) -> bool {
    tax_on_net(net, percent).is_some_and(|t| within(t, tax, tolerance))
        || gross
            .and_then(|g| tax_in_gross(g, percent))
            .is_some_and(|t| within(t, tax, tolerance))
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let rates = facts.rates();
    for group in &rates.groups {
        check_group(ctx, group, rates.method, out);
    }
}

fn check_group(ctx: &Context<'_>, group: &Group, method: Method, out: &mut Findings) {
    let (Some(declared), Some(tax_field)) = (group.declared, group.group.tax_field()) else {
        return;
    };
    let Some(tax) = declared.tax else { return };
    let net = declared.net;
    let net_field = group.group.net_field();

    // The rates to try: the lines', else the order lines' (advance
    // invoices), else the nominal ones of the field.
    let mut percents: Vec<Decimal> = group.percents.clone();
    if percents.is_empty()
        && ctx.facts().kind().is_advance()
        && let Some(order) = &ctx.facts().advance().order
    {
        for line in order.lines.iter().filter(|l| l.group == Some(group.group)) {
            if let Some(p) = line.percent
                && !percents.contains(&p)
            {
                percents.push(p);
            }
        }
    }
    let nominal = percents.is_empty();
    if nominal {
        percents.extend(
            nominal_percents(group.group)
                .iter()
                .map(|&p| Decimal::from(p)),
        );
    } else if percents.len() > 1 {
        return;
    }
    let Some(&first) = percents.first() else {
        return;
    };

    let tolerance = if group.vat_lines > 0 {
        scaled(ctx.settings.tolerance, group.vat_lines)
    } else {
        ctx.settings.tolerance
    };
    // The gross amount: the lines' Σ P_11A when every line gives it, else
    // net + tax.
    let lines_gross = (group.gross_lines > 0 && group.gross_lines == group.lines.len())
        .then_some(group.gross)
        .flatten();
    let gross = lines_gross.or_else(|| net.checked_add(tax));
    if percents
        .iter()
        .any(|&p| matches(net, gross, tax, p, tolerance))
    {
        return;
    }

    let gross_method = method == Method::Gross && lines_gross.is_some();
    let expected = if gross_method {
        gross.and_then(|g| tax_in_gross(g, first))
    } else {
        tax_on_net(net, first)
    };
    let Some(expected) = expected.map(round2) else {
        return;
    };
    let Some(difference) = checked_diff(tax, expected) else {
        return;
    };
    let rate = if nominal && percents.len() > 1 {
        format!(
            "{} (or {})",
            percent_text(first),
            percents
                .iter()
                .skip(1)
                .map(|&p| percent_text(p))
                .collect::<Vec<_>>()
                .join(", ")
        )
    } else {
        percent_text(first)
    };
    let message = if gross_method {
        format!(
            "{tax_field} is {tax}, but the tax in the gross amount {gross} at {rate} is {expected} (difference {difference})",
            tax = display(tax),
            gross = display(gross.unwrap_or_default()),
            expected = display(expected),
            difference = display(difference),
        )
    } else {
        format!(
            "{tax_field} is {tax}, but {rate} of {net_field} ({net}) is {expected} (difference {difference})",
            tax = display(tax),
            net = display(net),
            expected = display(expected),
            difference = display(difference),
        )
    };
    let tax_path = crate::facts::child("/Faktura/Fa", tax_field);
    out.report(&TAX_MATCHES_RATE, tax_path, message).help = Some(format!(
        "compute {tax_field} as {net_field} × {rate} rounded to the grosz (with the gross method: the gross amount × r / (100 + r)), or correct {net_field}"
    ));
}
