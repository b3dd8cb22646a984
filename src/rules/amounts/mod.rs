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

/// A percentage as written in messages: `23 %`, `12.5 %`.
pub(crate) fn percent_text(percent: Decimal) -> String {
    format!("{} %", percent.normalize())
}

pub mod line_arithmetic;
pub mod line_tax;
pub mod lines_match_summary;
pub mod tax_matches_rate;
pub mod total_matches_summary;
