//! Polish business days: weekends and statutory public holidays.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Easter Sunday (Gregorian computus).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// True for Polish statutory public holidays (ustawa o dniach wolnych od
/// pracy), including Christmas Eve from 2025 on.
pub fn is_public_holiday(date: NaiveDate) -> bool {
    let (m, d) = (date.month(), date.day());
    let fixed = matches!(
        (m, d),
        (1, 1 | 6) | (5, 1 | 3) | (8, 15) | (11, 1 | 11) | (12, 25 | 26)
    ) || (m == 12 && d == 24 && date.year() >= 2025);
    if fixed {
        return true;
    }
    let Some(easter) = easter(date.year()) else {
        return false;
    };
    // Easter Sunday, Easter Monday, Pentecost (Sunday), Corpus Christi.
    [0u64, 1, 49, 60]
        .iter()
        .filter_map(|&n| easter.checked_add_days(Days::new(n)))
        .any(|h| h == date)
}

/// True for Monday–Friday days that are not public holidays.
pub fn is_business_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_public_holiday(date)
}

/// The first business day after `date`.
pub fn next_business_day(date: NaiveDate) -> Option<NaiveDate> {
    let mut d = date.succ_opt()?;
    for _ in 0..30 {
        if is_business_day(d) {
            return Some(d);
        }
        d = d.succ_opt()?;
    }
    None
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2026), Some(d("2026-04-05")));
        assert_eq!(easter(2027), Some(d("2027-03-28")));
        assert_eq!(easter(2025), Some(d("2025-04-20")));
    }

    #[test]
    fn business_days() {
        assert_eq!(next_business_day(d("2026-11-19")), Some(d("2026-11-20")));
        assert_eq!(next_business_day(d("2026-11-20")), Some(d("2026-11-23")));
        // 11 November (Independence Day) 2026 is a Wednesday.
        assert_eq!(next_business_day(d("2026-11-10")), Some(d("2026-11-12")));
        // Easter Monday 2026-04-06, Corpus Christi 2026-06-04.
        assert!(!is_business_day(d("2026-04-06")));
        assert!(!is_business_day(d("2026-06-04")));
        assert!(!is_business_day(d("2026-12-24")));
        assert!(is_business_day(d("2024-12-24")));
    }
}
