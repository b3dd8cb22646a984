//! Exact money arithmetic for the rules: checked sums, grosz rounding, the
//! tolerance policy and the way amounts are written in messages.

use rust_decimal::{Decimal, RoundingStrategy};

/// An amount in the invoice's currency.
pub type Amount = Decimal;

/// One grosz (0.01).
pub const GROSZ: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// Rounds half away from zero to two decimal places (grosz rounding).
#[inline]
pub fn round2(value: Decimal) -> Decimal {
    // Most amounts already have at most two decimals: they round to
    // themselves (as `round_dp_with_strategy` returns them), without the call.
    if value.scale() <= 2 {
        return value;
    }
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The sum of `values` with checked arithmetic; `None` on overflow.
pub fn checked_sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, Decimal::checked_add)
}

/// `a − b` with checked arithmetic.
pub fn checked_diff(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_sub(b)
}

/// True when `a` and `b` differ by at most `tolerance` (both compared after
/// grosz rounding). An overflowing difference is never within tolerance.
pub fn within(a: Decimal, b: Decimal, tolerance: Decimal) -> bool {
    round2(a)
        .checked_sub(round2(b))
        .is_some_and(|d| d.abs() <= tolerance)
}

/// `tolerance × n`, saturating at a large bound (never overflows).
pub fn scaled(tolerance: Decimal, n: usize) -> Decimal {
    let n = Decimal::from(u32::try_from(n).unwrap_or(u32::MAX));
    tolerance.checked_mul(n).unwrap_or(Decimal::MAX)
}

/// An amount as written in messages: grouped thousands, two decimals
/// (`99,999.00`, `-1,230.50`). More decimals are kept when the value has
/// them (`0.123`).
pub fn display(value: Decimal) -> String {
    let scale = value.scale().max(2);
    let rounded = value.round_dp(scale);
    let s = format!("{:.*}", scale as usize, rounded.abs());
    let (int, frac) = s.split_once('.').unwrap_or((s.as_str(), ""));
    let mut grouped = String::with_capacity(int.len() + int.len() / 3 + frac.len() + 2);
    if value.is_sign_negative() && !value.is_zero() {
        grouped.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if !frac.is_empty() {
        grouped.push('.');
        grouped.push_str(frac);
    }
    grouped
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(round2(d("0.005")), d("0.01"));
        assert_eq!(round2(d("-0.005")), d("-0.01"));
        assert_eq!(round2(d("0.0049")), d("0.00"));
        assert_eq!(round2(d("2.675")), d("2.68"));
    }

    #[test]
    fn sums_are_checked() {
        assert_eq!(checked_sum([d("1.10"), d("2.20")]), Some(d("3.30")));
        assert_eq!(checked_sum([Decimal::MAX, Decimal::ONE]), None);
    }

    #[test]
    fn tolerance_compares_after_rounding() {
        assert!(within(d("100.004"), d("100.00"), GROSZ));
        assert!(within(d("100.01"), d("100.00"), GROSZ));
        assert!(!within(d("100.02"), d("100.00"), GROSZ));
        assert!(!within(Decimal::MAX, Decimal::MIN, GROSZ));
        assert_eq!(scaled(GROSZ, 3), d("0.03"));
    }

    #[test]
    fn displays_grouped_amounts() {
        assert_eq!(display(d("99999")), "99,999.00");
        assert_eq!(display(d("1230.5")), "1,230.50");
        assert_eq!(display(d("-98769.00")), "-98,769.00");
        assert_eq!(display(d("0.123")), "0.123");
        assert_eq!(display(d("100")), "100.00");
        assert_eq!(display(d("1000000.00")), "1,000,000.00");
    }
}
