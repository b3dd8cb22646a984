//! Lexical spaces and value comparison of the XSD built-in types, written to
//! agree with libxml2 (2.9.x), the reference validator, including where it
//! departs from the letter of XSD 1.0:
//!
//! * decimals and integers may have at most 24 significant digits (libxml2
//!   stores them in three 8-digit words): `1.000000000000000000000000` (25
//!   digits) is rejected although its value is 1;
//! * a date or date-time whose type has no pattern or enumeration facet is
//!   parsed without whitespace normalisation: leading whitespace is an error,
//!   trailing whitespace is accepted only after a time-zone designator
//!   (see [`parse_date_time`]);
//! * a date-time without a time zone compared with one that has a time zone
//!   is compared as if both were UTC, except that equal instants are
//!   "indeterminate" (see [`compare_dates`]).
//!
//! Nothing here allocates except the whitespace normalisation of a value that
//! actually needs it.

use std::borrow::Cow;
use std::cmp::Ordering;

use super::tables::{Builtin, WhiteSpace};

/// XML whitespace as XSD's `whiteSpace` facet understands it.
pub(crate) fn is_xml_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

fn is_ws_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Applies a `whiteSpace` facet; borrows when the value is already normal.
pub(crate) fn normalize(value: &str, ws: WhiteSpace) -> Cow<'_, str> {
    match ws {
        WhiteSpace::Preserve => Cow::Borrowed(value),
        WhiteSpace::Replace => {
            if value.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
                Cow::Owned(
                    value
                        .chars()
                        .map(|c| if is_xml_ws(c) { ' ' } else { c })
                        .collect(),
                )
            } else {
                Cow::Borrowed(value)
            }
        }
        WhiteSpace::Collapse => {
            if is_collapsed(value) {
                Cow::Borrowed(value)
            } else {
                let mut out = String::with_capacity(value.len());
                for word in value.split(is_xml_ws).filter(|w| !w.is_empty()) {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(word);
                }
                Cow::Owned(out)
            }
        }
    }
}

fn is_collapsed(value: &str) -> bool {
    // One pass: no tab, line feed or carriage return, no space at either end
    // and no two spaces in a row. Values reach here with legal characters
    // only, so every byte up to 0x20 is one of the four whitespace bytes.
    let mut after_space = true; // a leading space is not collapsed
    for &c in value.as_bytes() {
        if c <= b' ' {
            if c != b' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    !after_space || value.is_empty()
}

fn trim_ws(s: &str) -> &str {
    s.trim_matches(is_xml_ws)
}

/// A decimal value: sign, integer digits without leading zeros, fraction
/// digits without trailing zeros. Zero has empty `int` and `frac`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Decimal<'a> {
    /// Negative sign (meaningless for zero).
    pub neg: bool,
    /// Integer digits, no leading zeros.
    pub int: &'a str,
    /// Fraction digits, no trailing zeros.
    pub frac: &'a str,
}

impl Decimal<'_> {
    /// True for zero.
    pub fn is_zero(&self) -> bool {
        self.int.is_empty() && self.frac.is_empty()
    }

    /// Significant digits (`totalDigits`).
    pub fn total_digits(&self) -> usize {
        self.int.len() + self.frac.len()
    }

    /// Fraction digits (`fractionDigits`).
    pub fn fraction_digits(&self) -> usize {
        self.frac.len()
    }

    fn magnitude_cmp(&self, other: &Self) -> Ordering {
        self.int
            .len()
            .cmp(&other.int.len())
            .then_with(|| self.int.cmp(other.int))
            .then_with(|| {
                // Compare fractions digit by digit, the shorter padded with 0.
                let (mine, theirs) = (self.frac.as_bytes(), other.frac.as_bytes());
                for i in 0..mine.len().max(theirs.len()) {
                    let digit = mine.get(i).copied().unwrap_or(b'0');
                    let their_digit = theirs.get(i).copied().unwrap_or(b'0');
                    match digit.cmp(&their_digit) {
                        Ordering::Equal => {}
                        o => return o,
                    }
                }
                Ordering::Equal
            })
    }

    /// Total order of decimal values.
    pub fn cmp_value(&self, other: &Self) -> Ordering {
        let a_neg = self.neg && !self.is_zero();
        let b_neg = other.neg && !other.is_zero();
        match (a_neg, b_neg) {
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (false, false) => self.magnitude_cmp(other),
            (true, true) => other.magnitude_cmp(self),
        }
    }
}

/// libxml2's maximum number of significant digits in a decimal.
const MAX_DIGITS: usize = 24;

/// The bounds of `raw` without surrounding XML whitespace.
fn trimmed_bounds(b: &[u8]) -> (usize, usize) {
    let start = b.iter().position(|&c| !is_ws_byte(c)).unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(|&c| !is_ws_byte(c))
        .map_or(start, |e| e + 1);
    (start, end.max(start))
}

/// Parses `xs:decimal` the way libxml2 does (surrounding whitespace allowed,
/// at most 24 digits after the leading zeros, `.` alone rejected), in one
/// pass over the bytes.
pub(crate) fn parse_decimal(raw: &str) -> Option<Decimal<'_>> {
    let b = raw.as_bytes();
    let (start, end) = trimmed_bounds(b);
    let digits_from = |mut i: usize| {
        while i < end && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let mut i = start;
    let neg = match b.get(i) {
        Some(b'-') if i < end => {
            i += 1;
            true
        }
        Some(b'+') if i < end => {
            i += 1;
            false
        }
        _ => false,
    };
    if i == end {
        return None;
    }
    let zeros = i;
    while i < end && b[i] == b'0' {
        i += 1;
    }
    let leading_zeros = i > zeros;
    let int = i..digits_from(i);
    i = int.end;
    let has_point = i < end && b[i] == b'.';
    let frac = if has_point {
        i + 1..digits_from(i + 1)
    } else {
        i..i
    };
    if frac.end != end {
        return None;
    }
    let (int_len, frac_len) = (int.len(), frac.len());
    if has_point {
        if int_len >= MAX_DIGITS || int_len + frac_len > MAX_DIGITS {
            return None;
        }
        if int_len == 0 && frac_len == 0 && !leading_zeros {
            return None;
        }
    } else if int_len > MAX_DIGITS {
        return None;
    }
    Some(Decimal {
        neg,
        int: raw.get(int)?,
        frac: raw.get(frac)?.trim_end_matches('0'),
    })
}

/// The digits of a decimal written plainly, `-?[0-9]+(\.[0-9]+)?` with no
/// whitespace: `(totalDigits, fractionDigits)` exactly as [`parse_decimal`]
/// counts them. `None` for any other form, and for the lengths
/// [`parse_decimal`] refuses; the caller then takes the general way.
pub(crate) fn plain_decimal_digits(b: &[u8]) -> Option<(usize, usize)> {
    let body = b.strip_prefix(b"-").unwrap_or(b);
    // Digits on both sides of a point, at least one digit without.
    let (int, fraction) = match body.iter().position(|&c| c == b'.') {
        Some(p) => (body.get(..p)?, body.get(p + 1..)?),
        None => (body, &b""[..]),
    };
    let point = int.len() < body.len();
    if int.is_empty()
        || (point && fraction.is_empty())
        || !int.iter().all(u8::is_ascii_digit)
        || !fraction.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    // Digits before the point after the leading zeros; the fraction up to
    // its last non-zero digit.
    let significant = int.len() - int.iter().take_while(|&&c| c == b'0').count();
    let written_fraction = fraction.len();
    let kept = written_fraction - fraction.iter().rev().take_while(|&&c| c == b'0').count();
    let too_long = if point {
        significant >= MAX_DIGITS || significant + written_fraction > MAX_DIGITS
    } else {
        significant > MAX_DIGITS
    };
    (!too_long).then_some((significant + kept, kept))
}

/// Parses the integer built-ins (libxml2 rules: optional sign, ASCII digits,
/// at most 24 significant digits) and checks the built-in's range.
pub(crate) fn parse_integer(raw: &str, builtin: Builtin) -> Option<Decimal<'_>> {
    let b = raw.as_bytes();
    let (start, end) = trimmed_bounds(b);
    let unsigned = builtin.is_unsigned();
    let mut i = start;
    let neg = match b.get(i) {
        Some(b'-') if !unsigned && i < end => {
            i += 1;
            true
        }
        Some(b'+') if !unsigned && i < end => {
            i += 1;
            false
        }
        _ => false,
    };
    let body = b.get(i..end)?;
    if body.is_empty() || !body.iter().all(u8::is_ascii_digit) {
        return None;
    }
    while i < end && b[i] == b'0' {
        i += 1;
    }
    let int = raw.get(i..end)?;
    integer_in_range(neg, int, builtin)
}

/// The digits of a value written as ASCII digits alone (no sign, no
/// whitespace), without their leading zeros, as [`parse_integer`] reads
/// them; `None` for any other form.
pub(crate) fn plain_digits(b: &[u8]) -> Option<&str> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let zeros = b.iter().take_while(|&&c| c == b'0').count();
    std::str::from_utf8(b.get(zeros..)?).ok()
}

/// The range check of [`parse_integer`] on digits without leading zeros.
pub(crate) fn integer_in_range(neg: bool, int: &str, builtin: Builtin) -> Option<Decimal<'_>> {
    if int.len() > MAX_DIGITS {
        return None;
    }
    let value = Decimal { neg, int, frac: "" };
    let negative = neg && !value.is_zero();
    let positive = !neg && !value.is_zero();
    let fits = |max_pos: &str, max_neg: &str| {
        let limit = if negative { max_neg } else { max_pos };
        int.len() < limit.len() || (int.len() == limit.len() && int <= limit)
    };
    let ok = match builtin {
        Builtin::NonNegativeInteger => !negative,
        Builtin::PositiveInteger => positive,
        Builtin::NonPositiveInteger => !positive,
        Builtin::NegativeInteger => negative,
        Builtin::Long => fits("9223372036854775807", "9223372036854775808"),
        Builtin::Int => fits("2147483647", "2147483648"),
        Builtin::Short => fits("32767", "32768"),
        Builtin::Byte => fits("127", "128"),
        Builtin::UnsignedLong => fits("18446744073709551615", ""),
        Builtin::UnsignedInt => fits("4294967295", ""),
        Builtin::UnsignedShort => fits("65535", ""),
        Builtin::UnsignedByte => fits("255", ""),
        _ => true,
    };
    ok.then_some(value)
}

/// Which of the date/time built-ins a value has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateKind {
    /// `xs:date`.
    Date,
    /// `xs:dateTime`.
    DateTime,
    /// `xs:gYear`.
    GYear,
}

/// A date/time value as libxml2 stores it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DateTime {
    kind: DateKind,
    year: i64,
    mon: u32,
    day: u32,
    hour: u32,
    min: u32,
    sec: f64,
    /// Time-zone offset in minutes; `None` when the value has none.
    tz: Option<i32>,
}

fn two_digits(b: &[u8], at: usize) -> Option<u32> {
    let d0 = *b.get(at)?;
    let d1 = *b.get(at + 1)?;
    if d0.is_ascii_digit() && d1.is_ascii_digit() {
        Some(u32::from(d0 - b'0') * 10 + u32::from(d1 - b'0'))
    } else {
        None
    }
}

/// `YYYY-MM-DD` with a year from 1000 to 9999, no time zone and a real day:
/// the usual way an `xs:date` is written. Values in this form order as
/// their bytes do. `None` for any other form (which may still be a valid
/// date: the caller then takes the general way).
pub(crate) fn plain_date(b: &[u8]) -> Option<&[u8; 10]> {
    let date: &[u8; 10] = b.try_into().ok()?;
    let [y0, y1, y2, y3, dash1, m0, m1, dash2, d0, d1] = *date;
    let digits = [y1, y2, y3, m0, m1, d0, d1];
    if !matches!(y0, b'1'..=b'9')
        || dash1 != b'-'
        || dash2 != b'-'
        || !digits.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let n = |c: u8| u32::from(c - b'0');
    let year = i64::from(n(y0) * 1000 + n(y1) * 100 + n(y2) * 10 + n(y3));
    let month = n(m0) * 10 + n(m1);
    let day = n(d0) * 10 + n(d1);
    ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(date)
}

/// `YYYY-MM-DDThh:mm:ssZ`: a [`plain_date`], a time of day from 00:00:00 to
/// 23:59:59 and the zone `Z`, the usual way an `xs:dateTime` is written.
/// Values in this form (and bounds written so) order as their bytes do.
/// `None` for any other form.
pub(crate) fn plain_date_time(b: &[u8]) -> Option<&[u8; 20]> {
    let value: &[u8; 20] = b.try_into().ok()?;
    plain_date(value.get(..10)?)?;
    let [t, h0, h1, colon1, m0, m1, colon2, s0, s1, z] = *value.last_chunk::<10>()?;
    let in_range = |d0: u8, d1: u8, max: u8| {
        d0.is_ascii_digit() && d1.is_ascii_digit() && (d0 - b'0') * 10 + (d1 - b'0') <= max
    };
    (t == b'T'
        && colon1 == b':'
        && colon2 == b':'
        && z == b'Z'
        && in_range(h0, h1, 23)
        && in_range(m0, m1, 59)
        && in_range(s0, s1, 59))
    .then_some(value)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        _ => 28,
    }
}

/// Parses `-?YYYY+` at the start; returns the year and the bytes used.
fn parse_year(b: &[u8]) -> Option<(i64, usize)> {
    let mut i = 0;
    let neg = b.first() == Some(&b'-');
    if neg {
        i = 1;
    }
    let start = i;
    let mut year: i64 = 0;
    while let Some(&d) = b.get(i) {
        if !d.is_ascii_digit() {
            break;
        }
        year = year.checked_mul(10)?.checked_add(i64::from(d - b'0'))?;
        i += 1;
    }
    let digits = i - start;
    if digits < 4 || (digits > 4 && b.get(start) == Some(&b'0')) || year == 0 {
        return None;
    }
    Some((if neg { -year } else { year }, i))
}

/// Parses a time-zone designator that must end the value (`Z`, `±hh:mm` or
/// nothing); returns the offset and the bytes used.
fn parse_tz(b: &[u8]) -> Option<(Option<i32>, usize)> {
    match b.first() {
        None => Some((None, 0)),
        Some(b'Z') => Some((Some(0), 1)),
        Some(&sign @ (b'+' | b'-')) => {
            let h = two_digits(b, 1)?;
            if h > 23 || b.get(3) != Some(&b':') {
                return None;
            }
            let m = two_digits(b, 4)?;
            if m > 59 {
                return None;
            }
            let mut tz = i32::try_from(h * 60 + m).ok()?;
            if sign == b'-' {
                tz = -tz;
            }
            if !(-840..=840).contains(&tz) {
                return None;
            }
            Some((Some(tz), 6))
        }
        Some(_) => None,
    }
}

/// Parses `hh:mm:ss(.s*)?` (libxml2 allows hour 24 only as `24:00:00`).
fn parse_time(b: &[u8]) -> Option<(u32, u32, f64, usize)> {
    let hour = two_digits(b, 0)?;
    if b.get(2) != Some(&b':') || hour > 24 {
        return None;
    }
    let min = two_digits(b, 3)?;
    if min > 59 || b.get(5) != Some(&b':') {
        return None;
    }
    let whole = two_digits(b, 6)?;
    let mut sec = f64::from(whole);
    let mut i = 8;
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let mut mult = 1.0;
        while let Some(&d) = b.get(i) {
            if !d.is_ascii_digit() {
                break;
            }
            mult /= 10.0;
            sec += f64::from(d - b'0') * mult;
            i += 1;
        }
    }
    let valid = (hour < 24 && sec < 60.0) || (hour == 24 && min == 0 && sec == 0.0);
    valid.then_some((hour, min, sec, i))
}

/// Parses `xs:date`, `xs:dateTime` or `xs:gYear`.
///
/// `prenormalized` tells whether the value went through whitespace
/// normalisation before (libxml2 does that only for types with a pattern or
/// enumeration facet). Without it libxml2's parser skips leading whitespace,
/// then restarts from the first byte for the date part, so leading whitespace
/// fails; trailing whitespace is skipped only after the time-zone position,
/// which accepts `…Z ` and rejects `…00 ` (a space is not a designator) and
/// rejects any trailing whitespace after a bare `xs:date`.
pub(crate) fn parse_date_time(
    raw: &str,
    builtin: Builtin,
    prenormalized: bool,
) -> Option<DateTime> {
    let kind = match builtin {
        Builtin::Date => DateKind::Date,
        Builtin::DateTime => DateKind::DateTime,
        Builtin::GYear => DateKind::GYear,
        _ => return None,
    };
    let s = if prenormalized { trim_ws(raw) } else { raw };
    let b = s.as_bytes();
    let (year, mut i) = parse_year(b)?;
    let mut v = DateTime {
        kind,
        year,
        mon: 1,
        day: 1,
        hour: 0,
        min: 0,
        sec: 0.0,
        tz: None,
    };
    if kind != DateKind::GYear {
        if b.get(i) != Some(&b'-') {
            return None;
        }
        v.mon = two_digits(b, i + 1)?;
        if b.get(i + 3) != Some(&b'-') {
            return None;
        }
        v.day = two_digits(b, i + 4)?;
        if !(1..=12).contains(&v.mon) || v.day == 0 || v.day > days_in_month(year, v.mon) {
            return None;
        }
        i += 6;
        if kind == DateKind::DateTime {
            if b.get(i) != Some(&b'T') {
                return None;
            }
            let (hour, min, sec, used) = parse_time(&b[i + 1..])?;
            v.hour = hour;
            v.min = min;
            v.sec = sec;
            i += 1 + used;
        }
    }
    let rest = &b[i..];
    // Where the designator ends; trailing whitespace handling differs.
    let tz_part_len = rest
        .iter()
        .position(|&c| is_ws_byte(c))
        .unwrap_or(rest.len());
    let (tz, used) = parse_tz(&rest[..tz_part_len])?;
    if used != tz_part_len {
        return None;
    }
    let tail = &rest[tz_part_len..];
    if !tail.is_empty() {
        // Only reachable without prenormalisation.
        let allowed =
            kind == DateKind::DateTime && tz.is_some() && tail.iter().all(|&c| is_ws_byte(c));
        if !allowed {
            return None;
        }
    }
    v.tz = tz;
    Some(v)
}

/// Day number of the first day of `mon` in `year` plus `day`, as libxml2's
/// `_xmlSchemaDateCastYMToDays` computes it. Wide enough for any year that
/// parses (`i64`), so that no year overflows it.
fn day_number(year: i64, mon: u32, day: i64) -> i128 {
    const BEFORE: [i128; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    const BEFORE_LEAP: [i128; 12] = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];
    let idx = usize::try_from(mon.clamp(1, 12) - 1).unwrap_or(0);
    let in_year = if is_leap(year) {
        BEFORE_LEAP[idx]
    } else {
        BEFORE[idx]
    };
    let year = i128::from(year);
    let base = if year < 0 {
        year * 365 + ((year + 1) / 4 - (year + 1) / 100 + (year + 1) / 400)
    } else {
        (year - 1) * 365 + ((year - 1) / 4 - (year - 1) / 100 + (year - 1) / 400)
    };
    base + in_year + i128::from(day)
}

/// `(day number, seconds of day)` of a value after libxml2's
/// `xmlSchemaDateNormalize(dt, offset)`: values that are not date-times or
/// have a zero offset are returned unchanged (the offset argument is then
/// ignored, and for dates the zone still counts in the seconds).
fn normalized(v: &DateTime, offset_secs: f64) -> (i128, f64) {
    let tzo = f64::from(v.tz.unwrap_or(0));
    let secs = f64::from(v.hour) * 3600.0 + f64::from(v.min) * 60.0 + v.sec;
    if v.kind != DateKind::DateTime || v.tz.unwrap_or(0) == 0 {
        return (
            day_number(v.year, v.mon, i64::from(v.day)),
            secs + tzo * 60.0,
        );
    }
    let shifted = secs - tzo * 60.0 - offset_secs;
    let carry = (shifted / 86_400.0).floor();
    let within = shifted - carry * 86_400.0;
    #[allow(clippy::cast_possible_truncation)]
    let carry = carry as i64;
    (
        day_number(v.year, v.mon, i64::from(v.day)) + i128::from(carry),
        within,
    )
}

/// libxml2's `xmlSchemaCompareDates`: `Some(ordering)`, or `None` when the
/// comparison is indeterminate (which fails every range facet).
pub(crate) fn compare_dates(x: &DateTime, y: &DateTime) -> Option<Ordering> {
    const H14: f64 = 14.0 * 3600.0;
    let cmp = |a: (i128, f64), b: (i128, f64)| -> Ordering {
        a.0.cmp(&b.0)
            .then_with(|| a.1.partial_cmp(&b.1).unwrap_or(Ordering::Equal))
    };
    if x.tz.is_some() && y.tz.is_none() {
        let p1 = normalized(x, 0.0);
        let q1 = normalized(y, H14);
        if p1.0 < q1.0 || (p1.0 == q1.0 && p1.1 - q1.1 < 0.0) {
            return Some(Ordering::Less);
        }
        if p1.0 == q1.0 {
            let q2 = normalized(y, -H14);
            if p1.0 > q2.0 || (p1.0 == q2.0 && p1.1 - q2.1 > 0.0) {
                return Some(Ordering::Greater);
            }
            if p1.0 == q2.0 {
                return None;
            }
        }
    } else if x.tz.is_none() && y.tz.is_some() {
        let q1 = normalized(y, 0.0);
        let p1 = normalized(x, -H14);
        if p1.0 < q1.0 || (p1.0 == q1.0 && p1.1 - q1.1 < 0.0) {
            return Some(Ordering::Less);
        }
        if p1.0 == q1.0 {
            let p2 = normalized(x, H14);
            if p2.0 > q1.0 || (p2.0 == q1.0 && p2.1 - q1.1 > 0.0) {
                return Some(Ordering::Greater);
            }
            if p2.0 == q1.0 {
                return None;
            }
        }
    }
    if x.kind == y.kind {
        if x.kind == DateKind::Date && x.tz == y.tz && x.year > 0 && y.year > 0 {
            // Same zone (or none): the day number grows with (year, month,
            // day) and the zone adds the same seconds to both.
            return Some((x.year, x.mon, x.day).cmp(&(y.year, y.mon, y.day)));
        }
        return Some(cmp(normalized(x, 0.0), normalized(y, 0.0)));
    }
    // Different date/time types (not produced by FA(3)): compare the fields
    // both have, as libxml2 does with its masks.
    let mask = |k: DateKind| match k {
        DateKind::DateTime => 0xf_u8,
        DateKind::Date => 0x7,
        DateKind::GYear => 0x1,
    };
    let (xm, ym) = (mask(x.kind), mask(y.kind));
    let (xor, and) = (xm ^ ym, xm & ym);
    if xor & 1 != 0 {
        return None;
    }
    if and & 1 != 0 && x.year != y.year {
        return Some(x.year.cmp(&y.year));
    }
    if xor & 2 != 0 {
        return None;
    }
    if and & 2 != 0 && x.mon != y.mon {
        return Some(x.mon.cmp(&y.mon));
    }
    if xor & 4 != 0 {
        return None;
    }
    if and & 4 != 0 && x.day != y.day {
        return Some(x.day.cmp(&y.day));
    }
    if xor & 8 != 0 {
        return None;
    }
    Some(Ordering::Equal)
}

/// Parses `xs:boolean`.
pub(crate) fn parse_boolean(raw: &str) -> Option<bool> {
    match trim_ws(raw) {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// A value parsed into the value space of its built-in type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value<'a> {
    /// Strings compare by their normalised characters.
    Str(&'a str),
    /// Decimals and integers.
    Dec(Decimal<'a>),
    /// Dates and times.
    Date(DateTime),
    /// Booleans.
    Bool(bool),
}

/// Parses `text` (already normalised when `prenormalized`) in the lexical
/// space of `builtin`; `None` if it is not a valid literal.
pub(crate) fn parse_value(text: &str, builtin: Builtin, prenormalized: bool) -> Option<Value<'_>> {
    match builtin {
        Builtin::AnySimpleType | Builtin::String | Builtin::NormalizedString | Builtin::Token => {
            Some(Value::Str(text))
        }
        Builtin::Decimal => parse_decimal(text).map(Value::Dec),
        Builtin::Date | Builtin::DateTime | Builtin::GYear => {
            parse_date_time(text, builtin, prenormalized).map(Value::Date)
        }
        Builtin::Boolean => parse_boolean(text).map(Value::Bool),
        _ => parse_integer(text, builtin).map(Value::Dec),
    }
}

/// Compares two values of the same built-in family; `None` when they are
/// incomparable or the order is indeterminate.
pub(crate) fn compare(a: &Value<'_>, b: &Value<'_>) -> Option<Ordering> {
    match (a, b) {
        (Value::Dec(x), Value::Dec(y)) => Some(x.cmp_value(y)),
        (Value::Date(x), Value::Date(y)) => compare_dates(x, y),
        (Value::Str(x), Value::Str(y)) => (x == y).then_some(Ordering::Equal),
        (Value::Bool(x), Value::Bool(y)) => (x == y).then_some(Ordering::Equal),
        _ => None,
    }
}

/// The earlier, straightforward parsers: the reference the one-pass
/// parsers above are tested against.
#[cfg(test)]
mod reference {
    use super::{Builtin, Decimal, MAX_DIGITS, trim_ws};

    /// Parses `xs:decimal` the way libxml2 does (surrounding whitespace allowed,
    /// at most 24 digits after the leading zeros, `.` alone rejected).
    pub(super) fn parse_decimal_reference(raw: &str) -> Option<Decimal<'_>> {
        let s = trim_ws(raw);
        let (neg, body) = match s.as_bytes().first() {
            Some(b'-') => (true, &s[1..]),
            Some(b'+') => (false, &s[1..]),
            _ => (false, s),
        };
        if body.is_empty() {
            return None;
        }
        let stripped = body.trim_start_matches('0');
        let leading_zeros = stripped.len() != body.len();
        let (int, frac, has_point) = match stripped.split_once('.') {
            Some((i, f)) => (i, f, true),
            None => (stripped, "", false),
        };
        if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if has_point {
            if int.len() >= MAX_DIGITS || int.len() + frac.len() > MAX_DIGITS {
                return None;
            }
            if int.is_empty() && frac.is_empty() && !leading_zeros {
                return None;
            }
        } else if int.len() > MAX_DIGITS {
            return None;
        }
        Some(Decimal {
            neg,
            int,
            frac: frac.trim_end_matches('0'),
        })
    }

    /// Parses the integer built-ins (libxml2 rules: optional sign, ASCII digits,
    /// at most 24 significant digits) and checks the built-in's range.
    pub(super) fn parse_integer_reference(raw: &str, builtin: Builtin) -> Option<Decimal<'_>> {
        let s = trim_ws(raw);
        let unsigned = builtin.is_unsigned();
        let (neg, body) = match s.as_bytes().first() {
            Some(b'-') if !unsigned => (true, &s[1..]),
            Some(b'+') if !unsigned => (false, &s[1..]),
            _ => (false, s),
        };
        if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        // The range check is shared; the parsing above is the reference.
        super::integer_in_range(neg, body.trim_start_matches('0'), builtin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn date_order_shortcut_matches_day_numbers(
            a in (1i64..3000, 1u32..13, 1u32..29, proptest::option::of(-840i32..840)),
            b in (1i64..3000, 1u32..13, 1u32..29, proptest::option::of(-840i32..840)),
        ) {
            let date = |(year, mon, day, tz): (i64, u32, u32, Option<i32>)| DateTime {
                kind: DateKind::Date, year, mon, day, hour: 0, min: 0, sec: 0.0, tz,
            };
            let (x, y) = (date(a), date(b));
            let y_same_zone = DateTime { tz: x.tz, ..y };
            let by_numbers = normalized(&x, 0.0).0.cmp(&normalized(&y_same_zone, 0.0).0);
            proptest::prop_assert_eq!(compare_dates(&x, &y_same_zone), Some(by_numbers));
        }

        #[test]
        fn plain_decimals_count_digits_as_the_parser_does(s in "-?[0-9]{0,27}(\\.[0-9]{0,27})?|[+ 0-9.a-]{0,12}") {
            if let Some((total, fraction)) = plain_decimal_digits(s.as_bytes()) {
                let d = parse_decimal(&s);
                proptest::prop_assert!(d.is_some(), "{s:?}");
                let d = d.unwrap();
                proptest::prop_assert_eq!((d.total_digits(), d.fraction_digits()), (total, fraction));
            } else {
                // Refused only outside the plain form, or where the parser refuses too.
                let plain = regex_lite_plain(&s);
                proptest::prop_assert!(!plain || parse_decimal(&s).is_none(), "{s:?}");
            }
        }

        #[test]
        fn plain_dates_are_the_dates_the_parser_reads(y in 0u32..10_000, m in 0u32..14, d in 0u32..33, z in proptest::bool::ANY) {
            let s = format!("{y:04}-{m:02}-{d:02}{}", if z { "Z" } else { "" });
            let parsed = parse_date_time(&s, Builtin::Date, true);
            match plain_date(s.as_bytes()) {
                Some(bytes) => {
                    proptest::prop_assert_eq!(bytes.as_slice(), s.as_bytes());
                    let p = parsed.unwrap();
                    proptest::prop_assert_eq!((p.year, p.mon, p.day, p.tz), (i64::from(y), m, d, None));
                }
                None => proptest::prop_assert!(z || y < 1000 || parsed.is_none(), "{s:?}"),
            }
        }

        #[test]
        fn plain_date_times_are_the_date_times_the_parser_reads(
            y in 0u32..10_000, m in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..62, sec in 0u32..62,
            y2 in 1990u32..2060, m2 in 1u32..13, d2 in 1u32..29, h2 in 0u32..24,
        ) {
            let s = format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{sec:02}Z");
            let parsed = parse_date_time(&s, Builtin::DateTime, true);
            match plain_date_time(s.as_bytes()) {
                Some(bytes) => {
                    proptest::prop_assert_eq!(bytes.as_slice(), s.as_bytes());
                    let p = parsed.unwrap();
                    proptest::prop_assert_eq!(
                        (p.year, p.mon, p.day, p.hour, p.min, p.sec, p.tz),
                        (i64::from(y), m, d, h, mi, f64::from(sec), Some(0))
                    );
                    // The order of the bytes is the order of the values.
                    let t = format!("{y2:04}-{m2:02}-{d2:02}T{h2:02}:{mi:02}:00Z");
                    let q = parse_date_time(&t, Builtin::DateTime, true).unwrap();
                    proptest::prop_assert!(plain_date_time(t.as_bytes()).is_some());
                    proptest::prop_assert_eq!(compare_dates(&p, &q), Some(s.as_bytes().cmp(t.as_bytes())));
                }
                None => proptest::prop_assert!(y < 1000 || h > 23 || mi > 59 || sec > 59 || parsed.is_none(), "{s:?}"),
            }
        }

        #[test]
        fn one_pass_parsers_match_the_reference(s in "[ \t+\\-0-9.a]{0,30}|[+-]?0*[0-9]{0,26}(\\.[0-9]{0,26}0*)?") {
            proptest::prop_assert_eq!(parse_decimal(&s), reference::parse_decimal_reference(&s));
            for b in [Builtin::Integer, Builtin::NonNegativeInteger, Builtin::PositiveInteger,
                      Builtin::Long, Builtin::Int, Builtin::Byte, Builtin::UnsignedInt, Builtin::UnsignedByte] {
                proptest::prop_assert_eq!(parse_integer(&s, b), reference::parse_integer_reference(&s, b));
                // Digits alone read the same by the shortcut.
                if let Some(int) = plain_digits(s.as_bytes()) {
                    proptest::prop_assert_eq!(integer_in_range(false, int, b), parse_integer(&s, b));
                } else {
                    proptest::prop_assert!(s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()));
                }
            }
        }
    }

    /// Regression: day numbers of years near `i64::MAX` (a `gYear` compared
    /// with its bounds) overflowed, a panic in debug builds.
    #[test]
    fn huge_years_compare_without_overflow() {
        let year = |raw: &str| parse_date_time(raw, Builtin::GYear, true).unwrap();
        let (huge, bound) = (year("9223372036854775807"), year("2050"));
        assert_eq!(compare_dates(&huge, &bound), Some(Ordering::Greater));
        assert_eq!(compare_dates(&bound, &huge), Some(Ordering::Less));
        let negative = year("-9223372036854775807");
        assert_eq!(compare_dates(&negative, &bound), Some(Ordering::Less));
    }

    /// `-?[0-9]+(\.[0-9]+)?`, written out.
    fn regex_lite_plain(s: &str) -> bool {
        let body = s.strip_prefix('-').unwrap_or(s);
        let (int, frac) = body
            .split_once('.')
            .map_or((body, None), |(i, f)| (i, Some(f)));
        !int.is_empty()
            && int.bytes().all(|c| c.is_ascii_digit())
            && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|c| c.is_ascii_digit()))
    }

    fn dec(s: &str) -> Option<(bool, String, String)> {
        parse_decimal(s).map(|d| (d.neg, d.int.to_string(), d.frac.to_string()))
    }

    #[test]
    fn whitespace_facets() {
        assert_eq!(normalize(" a \t b\n", WhiteSpace::Collapse), "a b");
        assert!(matches!(
            normalize("a b", WhiteSpace::Collapse),
            Cow::Borrowed(_)
        ));
        assert_eq!(normalize("a\tb\r\n", WhiteSpace::Replace), "a b  ");
        assert_eq!(normalize(" a ", WhiteSpace::Preserve), " a ");
        // NBSP is not XML whitespace.
        assert_eq!(normalize("\u{a0}a", WhiteSpace::Collapse), "\u{a0}a");
    }

    #[test]
    fn decimal_lexical_space_matches_libxml2() {
        assert_eq!(dec(" 1.50 "), Some((false, "1".into(), "5".into())));
        assert_eq!(dec("-007.000"), Some((true, "7".into(), String::new())));
        assert!(dec("0.").is_some());
        assert!(dec("00.").is_some());
        assert!(dec(".5").is_some());
        assert!(dec("+.5").is_some());
        assert!(dec("5.").is_some());
        for bad in [
            ".", "-.", "-", "+", "", "1e2", "1,5", "1.5.5", "++5", "- 5", "5 .0", "\u{661}",
        ] {
            assert!(dec(bad).is_none(), "{bad:?} must be rejected");
        }
        // 24 significant digits at most, trailing zeros included.
        assert!(dec("1.00000000000000000000000").is_some());
        assert!(dec("1.000000000000000000000000").is_none());
        assert!(dec("123456789012345678901234").is_some());
        assert!(dec("1234567890123456789012345").is_none());
        assert!(dec("123456789012345678901234.").is_none());
        assert!(dec("0000000000000000000000000000000000001").is_some());
    }

    #[test]
    fn decimal_digits_and_order() {
        let d = parse_decimal("100.0000000").unwrap();
        assert_eq!((d.total_digits(), d.fraction_digits()), (3, 0));
        let d = parse_decimal("0.0000001").unwrap();
        assert_eq!((d.total_digits(), d.fraction_digits()), (7, 7));
        let v = |s| parse_decimal(s).unwrap();
        assert_eq!(v("-0").cmp_value(&v("0.0")), Ordering::Equal);
        assert_eq!(v("-1").cmp_value(&v("0")), Ordering::Less);
        assert_eq!(v("10").cmp_value(&v("9.99")), Ordering::Greater);
        assert_eq!(v("1.05").cmp_value(&v("1.1")), Ordering::Less);
        assert_eq!(v("-2").cmp_value(&v("-10")), Ordering::Greater);
    }

    #[test]
    fn integer_types() {
        assert!(parse_integer(" +5 ", Builtin::Integer).is_some());
        assert!(parse_integer("5.0", Builtin::Integer).is_none());
        assert!(parse_integer("", Builtin::Integer).is_none());
        assert!(parse_integer("-1", Builtin::NonNegativeInteger).is_none());
        assert!(parse_integer("-0", Builtin::NonNegativeInteger).is_some());
        assert!(parse_integer("0", Builtin::PositiveInteger).is_none());
        assert!(parse_integer("127", Builtin::Byte).is_some());
        assert!(parse_integer("-128", Builtin::Byte).is_some());
        assert!(parse_integer("128", Builtin::Byte).is_none());
        assert!(parse_integer("0003", Builtin::Byte).is_some());
        assert!(parse_integer("2147483648", Builtin::Int).is_none());
        assert!(parse_integer("-2147483648", Builtin::Int).is_some());
        assert!(parse_integer("+5", Builtin::UnsignedInt).is_none());
        assert!(parse_integer(&"9".repeat(25), Builtin::Integer).is_none());
    }

    fn dt(s: &str) -> DateTime {
        parse_date_time(s, Builtin::DateTime, true).unwrap()
    }

    #[test]
    fn date_lexical_space() {
        let d = |s| parse_date_time(s, Builtin::Date, true);
        assert!(d("2028-02-29").is_some());
        assert!(d("2027-02-29").is_none());
        assert!(d("2026-13-01").is_none());
        assert!(d("2026-2-15").is_none());
        assert!(d("+2026-02-15").is_none());
        assert!(d("02026-02-15").is_none());
        assert!(d("0000-01-01").is_none());
        assert!(d("2026-02-15+01:00").is_some());
        assert!(d("2026-02-15T10:00:00").is_none());
        let t = |s| parse_date_time(s, Builtin::DateTime, true);
        assert!(t("2026-02-01T24:00:00Z").is_some());
        assert!(t("2026-02-01T24:00:01Z").is_none());
        assert!(t("2026-02-01T10:00:60Z").is_none());
        assert!(t("2026-02-01T10:00:00+14:00").is_some());
        assert!(t("2026-02-01T10:00:00+14:01").is_none());
        assert!(t("2026-02-01T10:00:00+0100").is_none());
        assert!(t("2026-02-01T10:00:00.Z").is_none());
        assert!(t("2026-02-01t10:00:00Z").is_none());
    }

    #[test]
    fn date_time_whitespace_without_normalisation() {
        let raw = |s| parse_date_time(s, Builtin::DateTime, false);
        assert!(raw("2026-02-01T10:00:00Z ").is_some());
        assert!(raw(" 2026-02-01T10:00:00Z").is_none());
        assert!(raw("2026-02-01T10:00:00 ").is_none());
        assert!(parse_date_time(" 2026-02-01T10:00:00 ", Builtin::DateTime, true).is_some());
        assert!(parse_date_time("2026-02-15 ", Builtin::Date, false).is_none());
    }

    #[test]
    fn date_comparison_follows_libxml2() {
        let min = dt("2025-09-01T00:00:00Z");
        // Without a zone: compared as UTC, equality is indeterminate.
        assert_eq!(compare_dates(&dt("2025-09-01T00:00:00"), &min), None);
        assert_eq!(
            compare_dates(&dt("2025-09-01T13:59:59"), &min),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare_dates(&dt("2025-08-31T23:59:59"), &min),
            Some(Ordering::Less)
        );
        // With zones: compared as instants.
        assert_eq!(
            compare_dates(&dt("2025-08-31T23:00:00-01:00"), &min),
            Some(Ordering::Equal)
        );
        assert_eq!(
            compare_dates(&dt("2025-09-01T00:59:59+01:00"), &min),
            Some(Ordering::Less)
        );
        let max = dt("2050-01-01T23:59:59Z");
        assert_eq!(
            compare_dates(&dt("2050-01-01T23:59:59.5Z"), &max),
            Some(Ordering::Greater)
        );
        assert_eq!(
            compare_dates(&dt("2050-01-02T00:00:00+01:00"), &max),
            Some(Ordering::Less)
        );
        let d = |s| parse_date_time(s, Builtin::Date, true).unwrap();
        assert_eq!(
            compare_dates(&d("2006-01-01"), &d("2006-01-01")),
            Some(Ordering::Equal)
        );
        assert_eq!(
            compare_dates(&d("2005-12-31"), &d("2006-01-01")),
            Some(Ordering::Less)
        );
    }
}
