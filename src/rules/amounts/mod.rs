//! Amounts and tax arithmetic (`P_11`, `P_13_x`, `P_14_x`, `P_15`; catalog C.9), on the rate groups of `crate::facts::rates`.
//!
//! The tolerance policy of every arithmetic rule here: amounts are compared
//! after rounding half away from zero to the grosz; each compared amount may
//! be off by `Settings::tolerance` (default 0.01); where a sum of per-line
//! values is compared with a rate-level amount, the tolerance is multiplied
//! by the number of lines. All of them are warnings: the arithmetic is what
//! the definitions of the fields imply, not what KSeF checks.

use rust_decimal::Decimal;

use crate::facts::rates::RateGroup;

/// The nominal rates (percent) of a taxed group, for when no line says
/// which one applies: 23 or 22, 8 or 7, 5, 4 or 3.
pub(crate) fn nominal_percents(group: RateGroup) -> &'static [i64] {
    match group {
        RateGroup::Basic => &[23, 22],
        RateGroup::Reduced1 => &[8, 7],
        RateGroup::Reduced2 => &[5],
        RateGroup::Taxi => &[4, 3],
        _ => &[],
    }
}

/// `amount × percent / 100`, unrounded; `None` on overflow.
pub(crate) fn tax_on_net(amount: Decimal, percent: Decimal) -> Option<Decimal> {
    amount
        .checked_mul(percent)?
        .checked_div(Decimal::ONE_HUNDRED)
}

/// `gross × percent / (100 + percent)`, the tax contained in a gross amount
/// (art. 106e ust. 7–8), unrounded; `None` on overflow.
pub(crate) fn tax_in_gross(gross: Decimal, percent: Decimal) -> Option<Decimal> {
    let divisor = Decimal::ONE_HUNDRED.checked_add(percent)?;
    if divisor.is_zero() {
        return None;
    }
    gross.checked_mul(percent)?.checked_div(divisor)
}

/// An exchange rate as written in messages: at least four decimals, as the
/// NBP tables give them (`4.5005`, `1.0000`).
pub(crate) fn rate_text(rate: Decimal) -> String {
    if rate.scale() < 4 {
        format!("{rate:.4}")
    } else {
        rate.to_string()
    }
}

/// A percentage as written in messages: `23 %`, `12.5 %`.
pub(crate) fn percent_text(percent: Decimal) -> String {
    format!("{} %", percent.normalize())
}

pub mod amount_format;
pub mod exemption_marker;
pub mod line_arithmetic;
pub mod line_tax;
pub mod lines_match_summary;
pub mod margin_summary;
pub mod negative_amount;
pub mod old_and_new_rate;
pub mod oss_tax_absent;
pub mod reverse_charge_marker;
pub mod reverse_charge_unused;
pub mod split_payment_marker;
pub mod summary_for_rate;
pub mod summary_pair;
pub mod tax_matches_rate;
pub mod total_matches_summary;
pub mod zero_summary_field;

/// What shows that the invoice uses rate group `group`: the first line (or
/// order line) with a rate of the group, else its non-zero summary field;
/// `None` when nothing does.
pub(crate) fn group_evidence(ctx: &crate::rules::Context<'_>, group: RateGroup) -> Option<String> {
    let facts = ctx.facts();
    let rates = facts.rates();
    if let Some(line) = rates.lines.iter().find(|l| l.group == Some(group)) {
        return Some(match line.rate {
            Some(rate) => format!("line {} has P_12 {rate}", line.number),
            None => format!("line {} is in {}", line.number, group.net_field()),
        });
    }
    if let Some(order) = &facts.advance().order
        && let Some(line) = order.lines.iter().find(|l| l.group == Some(group))
    {
        return Some(format!(
            "order line {} has P_12Z {}",
            line.number,
            line.rate.unwrap_or_default()
        ));
    }
    let declared = rates.group(group).and_then(|g| g.declared)?;
    (!declared.net.is_zero()).then(|| {
        format!(
            "{} is {}",
            group.net_field(),
            crate::facts::money::display(declared.net)
        )
    })
}

/// True when the invoice states any rate: a line or order line with a rate,
/// or a summary field.
pub(crate) fn states_rates(ctx: &crate::rules::Context<'_>) -> bool {
    let facts = ctx.facts();
    let rates = facts.rates();
    !rates.no_summary
        || rates.lines.iter().any(|l| l.group.is_some())
        || facts
            .advance()
            .order
            .as_ref()
            .is_some_and(|o| o.lines.iter().any(|l| l.group.is_some()))
}

/// The `P_12` values of a group as written in messages: `23 or 22`, `zw`.
pub(crate) fn group_rates_text(group: RateGroup) -> &'static str {
    match group {
        RateGroup::Basic => "P_12 23 or 22",
        RateGroup::Reduced1 => "P_12 8 or 7",
        RateGroup::Reduced2 => "P_12 5",
        RateGroup::Taxi => "P_12 4 or 3",
        RateGroup::Oss => "an OSS rate in P_12_XII",
        RateGroup::ZeroDomestic => "P_12 0 KR",
        RateGroup::ZeroWdt => "P_12 0 WDT",
        RateGroup::ZeroExport => "P_12 0 EX",
        RateGroup::Exempt => "P_12 zw",
        RateGroup::OutsideI => "P_12 np I",
        RateGroup::OutsideII => "P_12 np II",
        RateGroup::ReverseCharge => "P_12 oo",
        RateGroup::Margin => "no P_12 (a margin line)",
    }
}
