//! Value types for the XSD built-ins that carry money, time and whole
//! numbers.
//!
//! Each keeps the exact lexical form it was read from, so that serializing a
//! parsed invoice gives back `2051` and not `2051.00`: the KSeF hash (KOD I) is
//! computed over bytes, and a re-serialized invoice should not drift from its
//! source. Values built in code print their canonical form.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use xsd_parser_types::quick_xml::{DeserializeBytesFromStr, SerializeBytesToString};

/// Why a lexical value was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind} `{value}` is not a valid lexical form")]
pub struct LexicalError {
    kind: &'static str,
    value: String,
}

impl LexicalError {
    fn new(kind: &'static str, value: &str) -> Self {
        Self {
            kind,
            value: value.chars().take(64).collect(),
        }
    }
}

/// Trims the XML whitespace characters (space, tab, CR, LF) that `collapse`
/// removes at both ends of an `xs:decimal`, `xs:date` or `xs:dateTime` value.
/// The length the typed model compares with a `maxLength` facet: the
/// number of characters after XML whitespace collapse. The schema counts
/// characters (after collapse for `xs:token` types), never bytes, and this
/// count is never larger than the schema's, so the model rejects nothing
/// the schema validator accepts.
#[doc(hidden)]
pub fn length_for_max(value: &str) -> usize {
    value
        .split([' ', '\t', '\n', '\r'])
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().count() + 1)
        .sum::<usize>()
        .saturating_sub(1)
}

/// The length the typed model compares with a `minLength` facet: the number
/// of characters as written, never smaller than the schema's count.
#[doc(hidden)]
pub fn length_for_min(value: &str) -> usize {
    value.chars().count()
}

pub(crate) fn xml_trim(s: &str) -> &str {
    s.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
}

/// An `xs:decimal`: an exact [`rust_decimal::Decimal`] plus its lexical form.
///
/// Equality compares the value and the lexical form; ordering compares values
/// only (`1.0 < 2`, and `1.0` is neither less nor greater than `1.00`).
#[derive(Clone)]
pub struct Decimal {
    value: rust_decimal::Decimal,
    /// The lexical form as read, when it is not the value's canonical form
    /// (`1.50`, `+1`, `01`, `.5`); empty (no allocation) for the usual
    /// `1626.01`, which is not stored twice. (Not an `Option`: a box is
    /// never null, so `Option<Decimal>` takes no more room than `Decimal`.)
    written: Box<str>,
}

impl Decimal {
    /// Wraps a value; it prints in its canonical form.
    pub fn new(value: rust_decimal::Decimal) -> Self {
        Self {
            value,
            written: Box::default(),
        }
    }

    /// The exact numeric value.
    pub fn value(&self) -> rust_decimal::Decimal {
        self.value
    }

    /// The lexical form as read (whitespace trimmed), or the canonical form.
    pub fn lexical(&self) -> Cow<'_, str> {
        if self.written.is_empty() {
            Cow::Owned(self.value.to_string())
        } else {
            Cow::Borrowed(&self.written)
        }
    }

    /// Whether both have the same lexical form.
    fn same_lexical(&self, other: &Self) -> bool {
        if self.written.is_empty() && other.written.is_empty() {
            // Canonical forms of equal values: equal when the scale and the
            // sign (of a zero) are.
            self.value.scale() == other.value.scale()
                && self.value.is_sign_negative() == other.value.is_sign_negative()
        } else {
            self.lexical() == other.lexical()
        }
    }

    /// Used by generated facet checks for literals that come from the schema.
    #[doc(hidden)]
    pub fn from_schema_literal(s: &'static str) -> Self {
        s.parse()
            .unwrap_or_else(|_| Self::new(rust_decimal::Decimal::ZERO))
    }
}

/// Parses the `xs:decimal` lexical space: `[+-]?(\d+(\.\d*)?|\.\d+)`.
pub(crate) fn parse_decimal(raw: &str) -> Result<rust_decimal::Decimal, LexicalError> {
    let s = xml_trim(raw);
    let err = || LexicalError::new("xs:decimal", raw);
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits_ok = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits_ok(int) || !digits_ok(frac) {
        return Err(err());
    }
    let negative = s.starts_with('-');
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    // Up to 28 digits (every amount of an invoice) fit the mantissa as
    // they are: no text to build.
    if int.len() + frac.len() <= 28
        && let Ok(scale) = u32::try_from(frac.len())
    {
        let mantissa = int
            .bytes()
            .chain(frac.bytes())
            .fold(0i128, |m, b| m * 10 + i128::from(b - b'0'));
        let mut value =
            rust_decimal::Decimal::try_from_i128_with_scale(mantissa, scale).map_err(|_| err())?;
        value.set_sign_negative(negative && mantissa != 0);
        return Ok(value);
    }
    // rust_decimal wants at least one digit before the point and no '+'.
    let mut canon = String::with_capacity(int.len() + frac.len() + 3);
    if negative {
        canon.push('-');
    }
    canon.push_str(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        canon.push('.');
        canon.push_str(frac);
    }
    rust_decimal::Decimal::from_str_exact(&canon).map_err(|_| err())
}

/// Whether `lexical`, the trimmed form `value` was read from, is the form
/// `value` prints in: `-?(0|[1-9]\d*)(\.\d*[1-9])?` with the value's scale
/// and sign.
fn is_canonical(lexical: &str, value: &rust_decimal::Decimal) -> bool {
    let negative = lexical.starts_with('-');
    let body = lexical.strip_prefix('-').unwrap_or(lexical);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    let int_ok = int == "0" || (!int.is_empty() && !int.starts_with('0') && digits(int));
    let frac_ok = !body.ends_with('.') && !frac.ends_with('0') && digits(frac);
    int_ok
        && frac_ok
        && u32::try_from(frac.len()).is_ok_and(|len| len == value.scale())
        && negative == value.is_sign_negative()
}

/// `lexical` (trimmed) read in one pass when its digits, leading zeros
/// aside, fit a `u64` (every amount of an invoice): its value and whether
/// it is the value's canonical form ([`is_canonical`]). `None` for anything
/// else (more digits, or not a decimal), which [`parse_decimal`] and
/// [`is_canonical`] then decide.
fn read_short(lexical: &str) -> Option<(rust_decimal::Decimal, bool)> {
    let bytes = lexical.as_bytes();
    let (negative, plus, body) = match bytes.split_first() {
        Some((b'-', rest)) => (true, false, rest),
        Some((b'+', rest)) => (false, true, rest),
        _ => (false, false, bytes),
    };
    let mut mantissa = 0u64;
    let mut significant = 0u32;
    let mut int_len = 0u32;
    let mut frac_len = 0u32;
    let mut trailing_zeros = 0u32;
    let mut point = false;
    let mut leading_zero = false;
    for &b in body {
        match b {
            b'0'..=b'9' => {
                let digit = u64::from(b - b'0');
                if point {
                    frac_len += 1;
                    trailing_zeros = if digit == 0 { trailing_zeros + 1 } else { 0 };
                } else {
                    if int_len == 0 && digit == 0 {
                        leading_zero = true;
                    }
                    int_len += 1;
                }
                if mantissa != 0 || digit != 0 {
                    significant += 1;
                    if significant > 19 {
                        return None;
                    }
                }
                mantissa = mantissa * 10 + digit;
            }
            b'.' if !point => point = true,
            _ => return None,
        }
    }
    if int_len == 0 && frac_len == 0 {
        return None;
    }
    for _ in 0..trailing_zeros {
        mantissa /= 10;
    }
    let scale = frac_len - trailing_zeros;
    let mut value =
        rust_decimal::Decimal::try_from_i128_with_scale(i128::from(mantissa), scale).ok()?;
    value.set_sign_negative(negative && mantissa != 0);
    let int_ok = int_len == 1 || (int_len > 1 && !leading_zero);
    let canonical = !plus
        && int_ok
        && !body.ends_with(b".")
        && trailing_zeros == 0
        && negative == value.is_sign_negative();
    Some((value, canonical))
}

impl FromStr for Decimal {
    type Err = LexicalError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lexical = xml_trim(s);
        if let Some((value, canonical)) = read_short(lexical) {
            return Ok(Self {
                value,
                written: if canonical {
                    Box::default()
                } else {
                    lexical.into()
                },
            });
        }
        let value = parse_decimal(s)?;
        Ok(Self {
            value,
            written: if is_canonical(lexical, &value) {
                Box::default()
            } else {
                lexical.into()
            },
        })
    }
}

// Shown as before the text was stored only when needed: the value and the
// lexical form (which `written` holds or the value gives).
#[allow(clippy::missing_fields_in_debug)]
impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Decimal")
            .field("value", &self.value)
            .field("lexical", &self.lexical())
            .finish()
    }
}

impl From<rust_decimal::Decimal> for Decimal {
    fn from(value: rust_decimal::Decimal) -> Self {
        Self::new(value)
    }
}

impl fmt::Display for Decimal {
    // Precision requests (`{:.02}`) are ignored on purpose: the lexical form wins.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.written.is_empty() {
            write!(f, "{}", self.value)
        } else {
            f.write_str(&self.written)
        }
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value && self.same_lexical(other)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match self.value.cmp(&other.value) {
            Ordering::Equal if !self.same_lexical(other) => None,
            o => Some(o),
        }
    }
}

impl Default for Decimal {
    fn default() -> Self {
        Self::new(rust_decimal::Decimal::ZERO)
    }
}

impl SerializeBytesToString for Decimal {}
impl DeserializeBytesFromStr for Decimal {}

/// An `xs:integer`: an exact whole number of any size, plus its lexical form.
///
/// XSD sets `xs:integer` no bound (`3000000000` is beyond an `i32`; the
/// schema validator, like libxml2, accepts up to 24 significant digits, see
/// `docs/xsd-disagreements.md`), so the value is kept as its decimal digits
/// rather than a machine integer, whatever its size; [`Integer::to_i64`] and
/// [`Integer::to_i128`] give one when it fits.
///
/// Any lexical form of `xs:integer` is read: `[+-]?[0-9]+` after the XML
/// whitespace (space, tab, CR, LF) at both ends is trimmed, leading zeros
/// allowed. [`Display`](fmt::Display) prints the lexical form as read (`+007`
/// stays `+007`), as [`Decimal`] does; values built in code print their
/// canonical form (`-5`).
///
/// Unlike [`Decimal`], equality is by value alone: the lexical form takes no
/// part in equality, ordering or hashing (`-0 == 0`, `+007 == 7`), so
/// `Integer` is `Eq`, `Ord` and `Hash`. Compare [`Integer::lexical`] to tell
/// two forms of the same number apart.
#[derive(Clone, Debug)]
pub struct Integer {
    /// The lexical form as read (whitespace trimmed), or the canonical form.
    lexical: Box<str>,
    /// Where the magnitude's digits start in `lexical`, past the sign and
    /// leading zeros (at the last `0` of a zero).
    digits_from: usize,
    /// The value is below zero (never for a zero, `-0` included).
    negative: bool,
}

impl Integer {
    /// The lexical form as read (whitespace trimmed), or the canonical form.
    pub fn lexical(&self) -> &str {
        &self.lexical
    }

    /// The digits of the magnitude, without sign or leading zeros (`0` for
    /// zero): `-0042` gives `42`.
    pub fn digits(&self) -> &str {
        self.lexical.get(self.digits_from..).unwrap_or("0")
    }

    /// The canonical form: `-` for a negative value, then [`Integer::digits`]
    /// (`+007` gives `7`, `-0` gives `0`).
    pub fn canonical(&self) -> String {
        if self.negative {
            format!("-{}", self.digits())
        } else {
            self.digits().to_owned()
        }
    }

    /// `-1`, `0` or `1`, as the value is negative, zero or positive.
    pub fn signum(&self) -> i8 {
        match (self.negative, self.is_zero()) {
            (true, _) => -1,
            (false, true) => 0,
            (false, false) => 1,
        }
    }

    /// The value is greater than zero.
    pub fn is_positive(&self) -> bool {
        self.signum() > 0
    }

    /// The value is less than zero.
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// The value is zero (`0`, `-0`, `+000`).
    pub fn is_zero(&self) -> bool {
        self.digits() == "0"
    }

    /// The value as an `i128`, or `None` when it does not fit.
    pub fn to_i128(&self) -> Option<i128> {
        // A negative value is accumulated downwards, so that `i128::MIN`
        // fits.
        self.digits().bytes().try_fold(0i128, |acc, b| {
            let d = i128::from(b - b'0');
            let acc = acc.checked_mul(10)?;
            if self.negative {
                acc.checked_sub(d)
            } else {
                acc.checked_add(d)
            }
        })
    }

    /// The value as an `i64`, or `None` when it does not fit.
    pub fn to_i64(&self) -> Option<i64> {
        self.to_i128().and_then(|v| i64::try_from(v).ok())
    }

    /// Used by generated facet checks for literals that come from the schema.
    #[doc(hidden)]
    pub fn from_schema_literal(s: &'static str) -> Self {
        s.parse().unwrap_or_default()
    }

    /// The magnitude's order: by number of digits, then digit by digit.
    fn cmp_magnitude(&self, other: &Self) -> Ordering {
        let (a, b) = (self.digits(), other.digits());
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    }
}

impl FromStr for Integer {
    type Err = LexicalError;

    /// Reads `[+-]?[0-9]+` after trimming XML whitespace at both ends.
    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let s = xml_trim(raw);
        let err = || LexicalError::new("xs:integer", raw);
        let body = s.strip_prefix(['+', '-']).unwrap_or(s);
        if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let sign = s.len() - body.len();
        let zeros = body.bytes().take_while(|&b| b == b'0').count();
        let zero = zeros == body.len();
        Ok(Self {
            negative: s.starts_with('-') && !zero,
            digits_from: sign + zeros.min(body.len() - 1),
            lexical: s.into(),
        })
    }
}

macro_rules! integer_from {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Integer {
            /// The value, in its canonical form.
            fn from(value: $ty) -> Self {
                let lexical = value.to_string().into_boxed_str();
                let negative = lexical.starts_with('-');
                Self {
                    digits_from: usize::from(negative),
                    negative,
                    lexical,
                }
            }
        }
    )*};
}

integer_from!(
    i8, i16, i32, i64, i128, u8, u16, u32, u64, u128, isize, usize
);

impl fmt::Display for Integer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lexical)
    }
}

impl PartialEq for Integer {
    fn eq(&self, other: &Self) -> bool {
        self.negative == other.negative && self.digits() == other.digits()
    }
}

impl Eq for Integer {}

impl PartialOrd for Integer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Integer {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.negative, other.negative) {
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (true, true) => other.cmp_magnitude(self),
            (false, false) => self.cmp_magnitude(other),
        }
    }
}

impl std::hash::Hash for Integer {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.negative.hash(state);
        self.digits().hash(state);
    }
}

impl Default for Integer {
    /// Zero.
    fn default() -> Self {
        Self::from(0u8)
    }
}

impl SerializeBytesToString for Integer {}
impl DeserializeBytesFromStr for Integer {}

/// A time-zone designator: `Z` or `±hh:mm`, in seconds east of UTC.
fn parse_tz(s: &str) -> Option<i32> {
    if s == "Z" {
        return Some(0);
    }
    let b = s.as_bytes();
    if b.len() != 6 || b[3] != b':' {
        return None;
    }
    let sign = match b[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let hh: i32 = two_digits(&s[1..3])?;
    let mm: i32 = two_digits(&s[4..6])?;
    if mm > 59 || hh > 14 || (hh == 14 && mm != 0) {
        return None;
    }
    Some(sign * (hh * 3600 + mm * 60))
}

fn two_digits(s: &str) -> Option<i32> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Splits `YYYY-MM-DD` (4-digit, non-negative years: the FA(3) patterns
/// allow nothing else) off the front of `s`.
#[allow(clippy::many_single_char_names)]
fn parse_ymd(s: &str) -> Option<(NaiveDate, &str)> {
    let b = s.as_bytes();
    // ASCII first, so that every slice below falls on a character boundary.
    if b.len() < 10 || !b[..10].is_ascii() || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    if !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y: i32 = s[..4].parse().ok()?;
    let m: u32 = two_digits(&s[5..7])?.try_into().ok()?;
    let d: u32 = two_digits(&s[8..10])?.try_into().ok()?;
    if y == 0 {
        return None;
    }
    Some((NaiveDate::from_ymd_opt(y, m, d)?, &s[10..]))
}

/// An `xs:date`: a calendar date with an optional time-zone designator.
#[derive(Clone, Debug)]
#[allow(clippy::struct_field_names)]
pub struct Date {
    date: NaiveDate,
    tz: Option<i32>,
    lexical: Box<str>,
}

impl Date {
    /// Wraps a calendar date with no time zone; prints as `YYYY-MM-DD`.
    pub fn new(date: NaiveDate) -> Self {
        Self {
            date,
            tz: None,
            lexical: date.format("%Y-%m-%d").to_string().into_boxed_str(),
        }
    }

    /// The calendar date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The time-zone offset in seconds east of UTC, when one was given.
    pub fn offset_seconds(&self) -> Option<i32> {
        self.tz
    }

    /// The lexical form as read (whitespace trimmed), or the canonical form.
    pub fn lexical(&self) -> &str {
        &self.lexical
    }

    /// Used by generated facet checks for literals that come from the schema.
    #[doc(hidden)]
    pub fn from_schema_literal(s: &'static str) -> Self {
        s.parse().unwrap_or_else(|_| Self::new(NaiveDate::MIN))
    }
}

impl FromStr for Date {
    type Err = LexicalError;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let s = xml_trim(raw);
        let err = || LexicalError::new("xs:date", raw);
        let (date, rest) = parse_ymd(s).ok_or_else(err)?;
        let tz = if rest.is_empty() {
            None
        } else {
            Some(parse_tz(rest).ok_or_else(err)?)
        };
        Ok(Self {
            date,
            tz,
            lexical: s.into(),
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lexical)
    }
}

impl PartialEq for Date {
    fn eq(&self, other: &Self) -> bool {
        self.date == other.date && self.tz == other.tz && self.lexical == other.lexical
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match self.date.cmp(&other.date) {
            Ordering::Equal if self.tz != other.tz => None,
            o => Some(o),
        }
    }
}

impl Default for Date {
    fn default() -> Self {
        Self::new(NaiveDate::MIN)
    }
}

impl SerializeBytesToString for Date {}
impl DeserializeBytesFromStr for Date {}

/// An `xs:dateTime`: a local date and time with an optional time zone.
#[derive(Clone, Debug)]
pub struct DateTime {
    local: NaiveDateTime,
    tz: Option<i32>,
    lexical: Box<str>,
}

impl DateTime {
    /// Wraps a UTC instant; prints as `YYYY-MM-DDThh:mm:ssZ`.
    pub fn from_utc(utc: chrono::DateTime<chrono::Utc>) -> Self {
        let local = utc.naive_utc();
        Self {
            local,
            tz: Some(0),
            lexical: local
                .format("%Y-%m-%dT%H:%M:%SZ")
                .to_string()
                .into_boxed_str(),
        }
    }

    /// The date and time as written, without its zone.
    pub fn local(&self) -> NaiveDateTime {
        self.local
    }

    /// The time-zone offset in seconds east of UTC, when one was given.
    pub fn offset_seconds(&self) -> Option<i32> {
        self.tz
    }

    /// The instant, reading a value without a zone as UTC.
    pub fn to_utc(&self) -> chrono::DateTime<chrono::Utc> {
        let utc = chrono::Utc.from_utc_datetime(&self.local);
        let shift = chrono::TimeDelta::seconds(i64::from(self.tz.unwrap_or(0)));
        utc.checked_sub_signed(shift).unwrap_or(utc)
    }

    /// The lexical form as read (whitespace trimmed), or the canonical form.
    pub fn lexical(&self) -> &str {
        &self.lexical
    }

    /// Used by generated facet checks for literals that come from the schema.
    #[doc(hidden)]
    pub fn from_schema_literal(s: &'static str) -> Self {
        s.parse()
            .unwrap_or_else(|_| Self::from_utc(chrono::DateTime::<chrono::Utc>::MIN_UTC))
    }
}

/// Parses `hh:mm:ss(.s+)?`, allowing `24:00:00` (the next midnight).
#[allow(clippy::many_single_char_names)]
fn parse_time(s: &str) -> Option<(NaiveTime, bool, &str)> {
    let b = s.as_bytes();
    if b.len() < 8 || !b[..8].is_ascii() || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let h: u32 = two_digits(&s[0..2])?.try_into().ok()?;
    let m: u32 = two_digits(&s[3..5])?.try_into().ok()?;
    let sec: u32 = two_digits(&s[6..8])?.try_into().ok()?;
    let mut rest = &s[8..];
    let mut nanos = 0u32;
    let mut all_zero_frac = true;
    if let Some(frac) = rest.strip_prefix('.') {
        let n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        let digits = &frac[..n];
        all_zero_frac = digits.bytes().all(|d| d == b'0');
        let mut scale = 100_000_000u32;
        for d in digits.bytes().take(9) {
            nanos += u32::from(d - b'0') * scale;
            scale /= 10;
        }
        rest = &frac[n..];
    }
    if h == 24 {
        return (m == 0 && sec == 0 && all_zero_frac).then_some((NaiveTime::MIN, true, rest));
    }
    Some((NaiveTime::from_hms_nano_opt(h, m, sec, nanos)?, false, rest))
}

impl FromStr for DateTime {
    type Err = LexicalError;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let s = xml_trim(raw);
        let err = || LexicalError::new("xs:dateTime", raw);
        let (date, rest) = parse_ymd(s).ok_or_else(err)?;
        let rest = rest.strip_prefix('T').ok_or_else(err)?;
        let (time, next_day, rest) = parse_time(rest).ok_or_else(err)?;
        let tz = if rest.is_empty() {
            None
        } else {
            Some(parse_tz(rest).ok_or_else(err)?)
        };
        let mut local = date.and_time(time);
        if next_day {
            local = local
                .checked_add_signed(chrono::TimeDelta::days(1))
                .ok_or_else(err)?;
        }
        Ok(Self {
            local,
            tz,
            lexical: s.into(),
        })
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lexical)
    }
}

impl PartialEq for DateTime {
    fn eq(&self, other: &Self) -> bool {
        self.local == other.local && self.tz == other.tz && self.lexical == other.lexical
    }
}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match self.to_utc().cmp(&other.to_utc()) {
            Ordering::Equal if self.lexical != other.lexical => None,
            o => Some(o),
        }
    }
}

impl Default for DateTime {
    fn default() -> Self {
        Self::from_utc(chrono::DateTime::<chrono::Utc>::MIN_UTC)
    }
}

impl SerializeBytesToString for DateTime {}
impl DeserializeBytesFromStr for DateTime {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass reading of short decimals gives what the general
    /// reading gives: the same value (scale and sign of zero too) and the
    /// same verdict on whether the text is canonical.
    #[test]
    fn short_decimals_read_as_the_general_way_reads_them() {
        let mut runner = proptest::test_runner::TestRunner::default();
        let texts = proptest::string::string_regex("[+-]?0{0,3}[0-9]{0,12}([.][0-9]{0,12}0{0,3})?")
            .unwrap();
        runner
            .run(&texts, |text| {
                let general = parse_decimal(&text)
                    .ok()
                    .map(|value| (value, is_canonical(&text, &value)));
                match read_short(&text) {
                    Some((value, canonical)) => {
                        let (v, c) = general.unwrap();
                        proptest::prop_assert_eq!(value, v);
                        proptest::prop_assert_eq!(value.scale(), v.scale());
                        proptest::prop_assert_eq!(value.is_sign_negative(), v.is_sign_negative());
                        proptest::prop_assert_eq!(canonical, c, "{:?}", text);
                    }
                    None => {
                        proptest::prop_assert!(general.is_none() || text.len() > 19, "{:?}", text);
                    }
                }
                Ok(())
            })
            .unwrap();
        for text in [
            "0", "-0", "+1", "01", ".5", "5.", "1.50", "-1.5", "0.0", "1626.01", "-0.01",
        ] {
            let (value, canonical) = read_short(text).unwrap();
            assert_eq!(value, parse_decimal(text).unwrap(), "{text}");
            assert_eq!(canonical, is_canonical(text, &value), "{text}");
        }
    }

    /// The direct reading of up to 28 digits gives exactly what
    /// `rust_decimal`'s exact parser gives for the canonical text: value,
    /// scale and sign (of zero too).
    #[test]
    fn decimals_read_directly_equal_the_exact_parser() {
        let reference = |s: &str| {
            let negative = s.starts_with('-');
            let body = s.trim_start_matches(['+', '-']);
            let (int, frac) = body.split_once('.').unwrap_or((body, ""));
            if int.is_empty() && frac.is_empty() {
                return None;
            }
            let (int, frac) = (int.trim_start_matches('0'), frac.trim_end_matches('0'));
            let mut canon = String::from(if negative { "-" } else { "" });
            canon.push_str(if int.is_empty() { "0" } else { int });
            if !frac.is_empty() {
                canon.push('.');
                canon.push_str(frac);
            }
            rust_decimal::Decimal::from_str_exact(&canon).ok()
        };
        let mut seed = 11u64;
        let mut checked = 0;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let digits = |n: u64, seed: u64| -> String {
                (0..n)
                    .map(|k| char::from(b'0' + ((seed >> (k % 60)) % 10) as u8))
                    .collect()
            };
            let (a, b) = ((seed >> 10) % 32, (seed >> 20) % 32);
            let sign = ["", "-", "+"][((seed >> 30) % 3) as usize];
            let int = digits(a, seed);
            let frac = digits(b, seed.rotate_left(17));
            let text = match (seed >> 40) % 3 {
                0 => format!("{sign}{int}"),
                1 => format!("{sign}{int}.{frac}"),
                _ => format!("{sign}0000{int}.{frac}000"),
            };
            let Some(expected) = reference(&text) else {
                assert!(parse_decimal(&text).is_err(), "{text}");
                continue;
            };
            let got = parse_decimal(&text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
            assert_eq!(got, expected, "{text}");
            assert_eq!(got.scale(), expected.scale(), "{text}");
            assert_eq!(
                got.is_sign_negative(),
                expected.is_sign_negative(),
                "{text}"
            );
            checked += 1;
        }
        assert!(checked > 10_000, "{checked}");
        for zero in ["-0", "-0.000", "+0", "0.0", "-.0"] {
            let got = parse_decimal(zero).unwrap();
            let expected = reference(zero).unwrap();
            assert_eq!(
                got.is_sign_negative(),
                expected.is_sign_negative(),
                "{zero}"
            );
            assert_eq!(got.scale(), expected.scale(), "{zero}");
        }
    }

    #[test]
    fn decimal_keeps_lexical_form() {
        let d: Decimal = "2051".parse().unwrap();
        assert_eq!(format!("{d:.02}"), "2051");
        assert_eq!(d.value(), rust_decimal::Decimal::from(2051));
        let d: Decimal = " -0.50 ".parse().unwrap();
        assert_eq!(d.lexical(), "-0.50");
        assert_eq!(d.value().to_string(), "-0.5");
        assert!("1,5".parse::<Decimal>().is_err());
        assert!(".".parse::<Decimal>().is_err());
        assert!("1e3".parse::<Decimal>().is_err());
        assert_eq!(".5".parse::<Decimal>().unwrap().value().to_string(), "0.5");
        assert_eq!("+5.".parse::<Decimal>().unwrap().value().to_string(), "5");
    }

    #[test]
    fn decimal_orders_by_value() {
        let a: Decimal = "1.0".parse().unwrap();
        let b: Decimal = "2".parse().unwrap();
        assert!(a < b);
        assert!("10".parse::<Decimal>().unwrap() > b);
    }

    /// Every lexical form prints as it was read, whether it is stored (not
    /// the value's canonical form) or not.
    #[test]
    fn decimals_print_as_read_stored_only_when_not_canonical() {
        // An absent decimal takes no more room than a present one.
        assert_eq!(
            std::mem::size_of::<Option<Decimal>>(),
            std::mem::size_of::<Decimal>()
        );
        for (text, canonical) in [
            ("1626.01", true),
            ("1", true),
            ("0", true),
            ("0.5", true),
            ("-0.5", true),
            ("-1626.01", true),
            ("0.05", true),
            ("1234567890123456789012345678", true),
            ("1.50", false),
            ("1.0", false),
            ("0.0", false),
            ("1.", false),
            (".5", false),
            ("-.5", false),
            ("+1", false),
            ("01", false),
            ("00", false),
            ("-0", false),
            ("-0.0", false),
            ("1234567890123456789012345678.5000", false),
        ] {
            let d: Decimal = format!(" {text}\n").parse().unwrap();
            assert_eq!(d.lexical(), text);
            assert_eq!(d.to_string(), text);
            assert_eq!(d.written.is_empty(), canonical, "{text}");
            assert_eq!(d, text.parse::<Decimal>().unwrap());
        }
        // Equal values in other forms are not equal decimals.
        let forms = ["1.5", "1.50", "+1.5", "01.5"].map(|t| t.parse::<Decimal>().unwrap());
        for (i, a) in forms.iter().enumerate() {
            for (j, b) in forms.iter().enumerate() {
                assert_eq!(a == b, i == j, "{a} {b}");
            }
        }
        let zero = Decimal::new(rust_decimal::Decimal::ZERO);
        assert_eq!(zero, "0".parse().unwrap());
        assert_ne!(zero, "-0".parse().unwrap());
        assert_ne!(zero, "0.0".parse().unwrap());
        // A canonical form read equals the value made from it.
        let made = Decimal::new(rust_decimal::Decimal::new(15, 2));
        assert_eq!(made.lexical(), "0.15");
        assert_eq!(made, "0.15".parse().unwrap());
        assert_eq!(
            Decimal::new(rust_decimal::Decimal::new(150, 2)),
            "1.50".parse().unwrap()
        );
    }

    #[test]
    fn dates_are_real_dates() {
        assert!("2027-02-29".parse::<Date>().is_err());
        assert!("2028-02-29".parse::<Date>().is_ok());
        let d: Date = "2026-11-21+01:00".parse().unwrap();
        assert_eq!(d.offset_seconds(), Some(3600));
        assert!("2026-11-21+15:00".parse::<Date>().is_err());
        assert!("26-11-21".parse::<Date>().is_err());
    }

    #[test]
    fn date_times_parse_and_compare() {
        let a: DateTime = "2025-09-01T00:00:00Z".parse().unwrap();
        let b: DateTime = "2025-09-01T01:30:00+02:00".parse().unwrap();
        assert!(b < a);
        let c: DateTime = "2026-02-01T10:00:00.7986964".parse().unwrap();
        assert_eq!(c.offset_seconds(), None);
        assert!("2026-02-01T24:00:00Z".parse::<DateTime>().is_ok());
        assert!("2026-02-01T24:00:01Z".parse::<DateTime>().is_err());
        assert!("2026-02-01 10:00:00".parse::<DateTime>().is_err());
    }

    fn int(s: &str) -> Integer {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn integers_of_any_size_are_exact() {
        let big = int("3000000000");
        assert_eq!(big.to_i64(), Some(3_000_000_000));
        assert_eq!(big.to_i128(), Some(3_000_000_000));
        assert!(big > Integer::from(i32::MAX));
        let forty = "1234567890123456789012345678901234567890";
        let huge = int(forty);
        assert_eq!(huge.digits(), forty);
        assert_eq!(huge.to_string(), forty);
        assert_eq!(huge.to_i128(), None);
        assert_eq!(huge.to_i64(), None);
        assert!(huge.is_positive());
        assert!(huge > Integer::from(u128::MAX));
        assert!(int(&format!("-{forty}")) < Integer::from(i128::MIN));
        // The edges of i128 and i64, both sides.
        for v in [
            i128::MIN,
            i128::MAX,
            i128::from(i64::MIN),
            i128::from(i64::MAX),
        ] {
            assert_eq!(int(&v.to_string()).to_i128(), Some(v), "{v}");
            assert_eq!(Integer::from(v).to_i128(), Some(v), "{v}");
        }
        assert_eq!(
            int("170141183460469231731687303715884105728").to_i128(),
            None
        );
        assert_eq!(
            int("-170141183460469231731687303715884105729").to_i128(),
            None
        );
        assert_eq!(int("9223372036854775807").to_i64(), Some(i64::MAX));
        assert_eq!(int("9223372036854775808").to_i64(), None);
        assert_eq!(int("-9223372036854775808").to_i64(), Some(i64::MIN));
        assert_eq!(int("-9223372036854775809").to_i64(), None);
    }

    #[test]
    fn integers_keep_their_lexical_form_and_compare_by_value() {
        let padded = int(" \t+007\r\n");
        assert_eq!(padded.lexical(), "+007");
        assert_eq!(padded.to_string(), "+007");
        assert_eq!(format!("{padded:>8}"), "+007", "the lexical form wins");
        assert_eq!(padded.digits(), "7");
        assert_eq!(padded.canonical(), "7");
        assert_eq!(padded.to_i64(), Some(7));
        assert_eq!(padded, Integer::from(7));
        assert_eq!(padded, int("7"));
        assert_eq!(int("-0042"), int("-42"));
        assert_eq!(int("-0042").canonical(), "-42");
        assert_eq!(int("-0042").to_i64(), Some(-42));
        assert_ne!(int("42"), int("-42"));
        assert_ne!(int("42"), int("420"));
        // Every form of zero is zero, and not negative.
        for zero in ["0", "-0", "+0", "000", "-000", " 0 "] {
            let z = int(zero);
            assert_eq!(z, Integer::default(), "{zero}");
            assert_eq!(z, int("0"), "{zero}");
            assert!(
                z.is_zero() && !z.is_negative() && !z.is_positive(),
                "{zero}"
            );
            assert_eq!(z.signum(), 0, "{zero}");
            assert_eq!(z.digits(), "0", "{zero}");
            assert_eq!(z.canonical(), "0", "{zero}");
            assert_eq!(z.to_i128(), Some(0), "{zero}");
        }
        assert_eq!(int("-0").lexical(), "-0");
        assert_eq!(int("-14").signum(), -1);
        assert!(int("-14").is_negative() && !int("-14").is_positive());
        assert_eq!(int("14").signum(), 1);
        assert_eq!(Integer::from(-5).to_string(), "-5");
        assert_eq!(Integer::from(0u64).to_string(), "0");
        assert_eq!(Integer::from_schema_literal("12"), Integer::from(12));
        assert_eq!(Integer::from_schema_literal("x"), Integer::default());
    }

    #[test]
    fn integers_order_by_value() {
        let sorted = [
            "-100000000000000000000000000000000000000000",
            "-3000000000",
            "-10",
            "-9",
            "-1",
            "0",
            "1",
            "9",
            "10",
            "3000000000",
            "100000000000000000000000000000000000000000",
        ];
        for (i, a) in sorted.iter().enumerate() {
            for (j, b) in sorted.iter().enumerate() {
                assert_eq!(int(a).cmp(&int(b)), i.cmp(&j), "{a} vs {b}");
                // Leading zeros and signs change nothing.
                let padded = format!(
                    "{}000{}",
                    if a.starts_with('-') { "-" } else { "+" },
                    a.trim_start_matches('-')
                );
                assert_eq!(int(&padded).cmp(&int(b)), i.cmp(&j), "{padded} vs {b}");
            }
        }
        // Equal values hash alike, whatever their form.
        let state = std::hash::RandomState::new();
        let h = |v: &Integer| std::hash::BuildHasher::hash_one(&state, v);
        assert_eq!(h(&int("-0")), h(&int("0")));
        assert_eq!(h(&int("+007")), h(&int("7")));
        assert_ne!(h(&int("7")), h(&int("-7")));
    }

    #[test]
    fn integers_refuse_other_forms() {
        for bad in [
            "",
            " ",
            "+",
            "-",
            "+-1",
            "--1",
            "1.0",
            "1.",
            ".5",
            "1e3",
            "0x10",
            "1 000",
            "1_000",
            "١٢",
            "12\u{a0}",
            "\u{feff}12",
            "Infinity",
            "NaN",
            "+ 1",
        ] {
            let err = bad.parse::<Integer>();
            assert!(err.is_err(), "{bad:?} was read");
        }
        let long = "x".repeat(1_000);
        let err = long.parse::<Integer>().unwrap_err().to_string();
        assert!(err.len() < 200, "{err}");
        assert!(err.contains("xs:integer"), "{err}");
    }
}

/// With the `serde` feature the value types (de)serialize as their lexical
/// strings (`"2051"` stays `"2051"`, never a float), and a string that is not
/// a valid lexical form is refused.
#[cfg(feature = "serde")]
mod serde_impls {
    use std::fmt;
    use std::marker::PhantomData;
    use std::str::FromStr;

    use serde::de::{self, Visitor};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{Date, DateTime, Decimal, Integer};

    struct Lexical<T>(PhantomData<T>, &'static str);

    impl<T: FromStr<Err = super::LexicalError>> Visitor<'_> for Lexical<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a string holding an {}", self.1)
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            v.parse().map_err(E::custom)
        }
    }

    macro_rules! lexical_serde {
        ($($ty:ident => $kind:literal),*) => {$(
            impl Serialize for $ty {
                fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.collect_str(self)
                }
            }

            impl<'de> Deserialize<'de> for $ty {
                fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    deserializer.deserialize_str(Lexical(PhantomData, $kind))
                }
            }
        )*};
    }

    lexical_serde!(
        Decimal => "xs:decimal",
        Integer => "xs:integer",
        Date => "xs:date",
        DateTime => "xs:dateTime"
    );
}
