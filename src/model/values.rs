//! Value types for the XSD built-ins that carry money, time and whole
//! numbers.
//!
//! Each keeps the exact lexical form it was read from, so that serializing a
//! parsed invoice gives back `2051` and not `2051.00`: the KSeF hash (KOD I) is
//! computed over bytes, and a re-serialized invoice should not drift from its
//! source. Values built in code print their canonical form.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt::{self, Write as _};
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};
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
    // The four are ASCII, so the ends found byte by byte are character
    // boundaries.
    let white = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let bytes = s.as_bytes();
    let start = bytes.iter().position(|b| !white(b)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !white(b))
        .map_or(start, |e| e + 1);
    s.get(start..end).unwrap_or_default()
}

/// A lexical form printed on the stack, to compare two values' forms
/// without building strings. Every form the value types print without
/// storing it fits; a longer one makes `write_str` fail.
struct Text {
    bytes: [u8; Text::CAPACITY],
    len: usize,
}

impl Text {
    const CAPACITY: usize = 128;

    fn new() -> Self {
        Self {
            bytes: [0; Self::CAPACITY],
            len: 0,
        }
    }

    fn as_str(&self) -> &str {
        self.bytes
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl Text {
    /// Room for `n` more bytes, taken.
    fn take(&mut self, n: usize) -> Result<&mut [u8], fmt::Error> {
        let start = self.len;
        let slot = self.bytes.get_mut(start..start + n).ok_or(fmt::Error)?;
        self.len = start + n;
        Ok(slot)
    }

    fn push(&mut self, byte: u8) -> fmt::Result {
        self.take(1)?.fill(byte);
        Ok(())
    }

    /// Appends the last `width` decimal digits of `value`, zero-padded.
    fn push_digits(&mut self, mut value: u64, width: usize) -> fmt::Result {
        for b in self.take(width)?.iter_mut().rev() {
            *b = b'0' + u8::try_from(value % 10).unwrap_or(0);
            value /= 10;
        }
        Ok(())
    }

    /// Appends `value` in decimal.
    fn push_number(&mut self, value: u128) -> fmt::Result {
        match u64::try_from(value) {
            Ok(small) => {
                let mut width = 1;
                let mut rest = small / 10;
                while rest > 0 {
                    width += 1;
                    rest /= 10;
                }
                self.push_digits(small, width)
            }
            Err(_) => write!(self, "{value}"),
        }
    }

    /// Appends `n` zeros.
    fn push_zeros(&mut self, n: usize) -> fmt::Result {
        self.take(n)?.fill(b'0');
        Ok(())
    }

    /// Drops all but the first `len` bytes.
    fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }

    /// The text as an owned string.
    fn to_cow(&self) -> Cow<'static, str> {
        Cow::Owned(self.as_str().to_owned())
    }
}

impl fmt::Write for Text {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.take(s.len())?.copy_from_slice(s.as_bytes());
        Ok(())
    }
}

/// Whether two values print the same lexical form: compared on the stack,
/// or as strings when a form is too long for that.
fn same_text<T>(a: &T, b: &T, write: impl Fn(&T, &mut Text) -> fmt::Result) -> bool
where
    T: fmt::Display,
{
    let (mut x, mut y) = (Text::new(), Text::new());
    match (write(a, &mut x), write(b, &mut y)) {
        (Ok(()), Ok(())) => x.as_str() == y.as_str(),
        _ => a.to_string() == b.to_string(),
    }
}

/// An `xs:decimal`: an exact [`rust_decimal::Decimal`] plus its lexical form.
///
/// Equality compares the value and the lexical form; ordering compares values
/// only (`1.0 < 2`, and `1.0` is neither less nor greater than `1.00`).
///
/// A decimal takes 16 bytes, as does an `Option<Decimal>`: the value's parts
/// and how its lexical form departs from the canonical one (a sign, up to 32
/// leading or trailing zeros, a bare point) are kept together, with no
/// allocation; only a form with more zeros than that keeps its text on the
/// heap.
#[derive(Clone)]
pub struct Decimal {
    repr: DecimalRepr,
}

#[derive(Clone)]
enum DecimalRepr {
    /// The value and the shape of its lexical form.
    Inline(InlineDecimal),
    /// A form with more leading or trailing zeros than [`InlineDecimal`]
    /// counts.
    Spelled(Box<SpelledDecimal>),
}

#[derive(Clone)]
struct SpelledDecimal {
    value: rust_decimal::Decimal,
    text: Box<str>,
}

/// The scale of a decimal (0 to 28 digits after the point): a byte whose
/// other values let [`DecimalRepr`] and `Option<Decimal>` take no room of
/// their own.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
enum Scale {
    S0 = 0,
    S1,
    S2,
    S3,
    S4,
    S5,
    S6,
    S7,
    S8,
    S9,
    S10,
    S11,
    S12,
    S13,
    S14,
    S15,
    S16,
    S17,
    S18,
    S19,
    S20,
    S21,
    S22,
    S23,
    S24,
    S25,
    S26,
    S27,
    S28,
}

impl Scale {
    const ALL: [Self; 29] = [
        Self::S0,
        Self::S1,
        Self::S2,
        Self::S3,
        Self::S4,
        Self::S5,
        Self::S6,
        Self::S7,
        Self::S8,
        Self::S9,
        Self::S10,
        Self::S11,
        Self::S12,
        Self::S13,
        Self::S14,
        Self::S15,
        Self::S16,
        Self::S17,
        Self::S18,
        Self::S19,
        Self::S20,
        Self::S21,
        Self::S22,
        Self::S23,
        Self::S24,
        Self::S25,
        Self::S26,
        Self::S27,
        Self::S28,
    ];

    fn of(scale: usize) -> Option<Self> {
        Self::ALL.get(scale).copied()
    }
}

// The bits of `InlineDecimal::shape`.
/// The value is negative (a negative zero too, which only a value built in
/// code has: `-0` reads as zero).
const VALUE_NEGATIVE: u8 = 1;
/// The form starts with `+`.
const PLUS: u8 = 2;
/// The form starts with `-`.
const MINUS: u8 = 4;
/// The form has a point.
const POINT: u8 = 8;
/// Nothing is written before the point (`.5`).
const BARE_POINT: u8 = 16;
/// The most leading or trailing zeros an [`InlineDecimal`] counts.
const MAX_ZEROS: usize = 32;

/// A decimal's value (mantissa, scale, sign) and the shape of its lexical
/// form: the form is the sign written, `leading` zeros, the integer digits
/// of the value (none after a bare point), then, with a point, the value's
/// fraction digits and `trailing` zeros.
#[derive(Clone, Copy, PartialEq, Eq)]
struct InlineDecimal {
    lo: u32,
    mid: u32,
    hi: u32,
    scale: Scale,
    shape: u8,
    leading: u8,
    trailing: u8,
}

/// How a lexical form departs from its value's canonical form: the
/// `PLUS`, `MINUS`, `POINT` and `BARE_POINT` bits and the zeros.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Form {
    shape: u8,
    leading: usize,
    trailing: usize,
}

impl Form {
    /// The form `value` prints in.
    fn canonical(value: &rust_decimal::Decimal) -> Self {
        let mut shape = 0;
        if value.is_sign_negative() {
            shape |= MINUS;
        }
        if value.scale() > 0 {
            shape |= POINT;
        }
        Self {
            shape,
            leading: 0,
            trailing: 0,
        }
    }

    /// The form of `lexical`, a valid `xs:decimal` (trimmed).
    fn of(lexical: &str) -> Self {
        let bytes = lexical.as_bytes();
        let (mut shape, body) = match bytes.split_first() {
            Some((b'-', rest)) => (MINUS, rest),
            Some((b'+', rest)) => (PLUS, rest),
            _ => (0, bytes),
        };
        let (int, frac) = match body.iter().position(|&b| b == b'.') {
            Some(at) => {
                shape |= POINT;
                let (int, frac) = body.split_at(at);
                (int, frac.get(1..).unwrap_or_default())
            }
            None => (body, &[][..]),
        };
        if int.is_empty() {
            shape |= BARE_POINT;
        }
        let zeros = int.iter().take_while(|&&b| b == b'0').count();
        Self {
            shape,
            leading: if zeros == int.len() {
                zeros.saturating_sub(1)
            } else {
                zeros
            },
            trailing: frac.iter().rev().take_while(|&&b| b == b'0').count(),
        }
    }
}

impl InlineDecimal {
    /// `value` in the lexical form `form`, unless the form has too many
    /// zeros to count here.
    fn new(value: &rust_decimal::Decimal, form: Form) -> Option<Self> {
        let parts = value.unpack();
        let zeros = |n: usize| {
            u8::try_from(n)
                .ok()
                .filter(|&n| usize::from(n) <= MAX_ZEROS)
        };
        Some(Self {
            lo: parts.lo,
            mid: parts.mid,
            hi: parts.hi,
            scale: Scale::of(usize::try_from(parts.scale).ok()?)?,
            shape: form.shape | if parts.negative { VALUE_NEGATIVE } else { 0 },
            leading: zeros(form.leading)?,
            trailing: zeros(form.trailing)?,
        })
    }

    fn value(self) -> rust_decimal::Decimal {
        let mut value =
            rust_decimal::Decimal::from_parts(self.lo, self.mid, self.hi, false, self.scale as u32);
        value.set_sign_negative(self.shape & VALUE_NEGATIVE != 0);
        value
    }

    /// Whether the form is the value's canonical one.
    #[cfg(test)]
    fn is_canonical(self) -> bool {
        let negative = self.shape & VALUE_NEGATIVE;
        let mut expected = negative;
        if negative != 0 {
            expected |= MINUS;
        }
        if self.scale != Scale::S0 {
            expected |= POINT;
        }
        self.shape == expected && self.leading == 0 && self.trailing == 0
    }

    /// The lexical form. It never fills a [`Text`]: a sign, 32 zeros, the
    /// 31 characters of the longest canonical form, 32 zeros.
    fn text(self) -> Text {
        let mut text = Text::new();
        let _ = self.write_text(&mut text);
        text
    }

    fn write_text(self, text: &mut Text) -> fmt::Result {
        if self.shape & PLUS != 0 {
            text.push(b'+')?;
        } else if self.shape & MINUS != 0 {
            text.push(b'-')?;
        }
        text.push_zeros(usize::from(self.leading))?;
        let mantissa = u128::from(self.lo) | u128::from(self.mid) << 32 | u128::from(self.hi) << 64;
        let mut digits = Text::new();
        digits.push_number(mantissa)?;
        let digits = digits.as_str();
        let scale = self.scale as usize;
        // The integer digits, and the fraction digits after `pad` zeros.
        let (int, frac, pad) = match digits.len().checked_sub(scale) {
            Some(int_len) if int_len > 0 => {
                let (int, frac) = digits.split_at_checked(int_len).unwrap_or((digits, ""));
                (int, frac, 0)
            }
            _ => ("0", digits, scale.saturating_sub(digits.len())),
        };
        if self.shape & BARE_POINT == 0 {
            text.write_str(int)?;
        }
        if self.shape & POINT != 0 {
            text.push(b'.')?;
            text.push_zeros(pad)?;
            text.write_str(frac)?;
            text.push_zeros(usize::from(self.trailing))?;
        }
        Ok(())
    }
}

impl Decimal {
    /// Wraps a value; it prints in its canonical form.
    pub fn new(value: rust_decimal::Decimal) -> Self {
        Self::with_form(value, Form::canonical(&value), None)
    }

    /// `value` read from `lexical`, whose form is `form`; the text is kept
    /// only when the form cannot be counted inline.
    fn with_form(value: rust_decimal::Decimal, form: Form, lexical: Option<&str>) -> Self {
        let repr = match InlineDecimal::new(&value, form) {
            Some(inline) => DecimalRepr::Inline(inline),
            None => DecimalRepr::Spelled(Box::new(SpelledDecimal {
                value,
                text: lexical.map_or_else(|| value.to_string().into(), Into::into),
            })),
        };
        Self { repr }
    }

    /// The exact numeric value.
    pub fn value(&self) -> rust_decimal::Decimal {
        match &self.repr {
            DecimalRepr::Inline(inline) => inline.value(),
            DecimalRepr::Spelled(spelled) => spelled.value,
        }
    }

    /// The lexical form as read (whitespace trimmed), or the canonical form.
    pub fn lexical(&self) -> Cow<'_, str> {
        match &self.repr {
            DecimalRepr::Inline(inline) => inline.text().to_cow(),
            DecimalRepr::Spelled(spelled) => Cow::Borrowed(&spelled.text),
        }
    }

    fn write_lexical(&self, out: &mut Text) -> fmt::Result {
        match &self.repr {
            DecimalRepr::Inline(inline) => inline.write_text(out),
            DecimalRepr::Spelled(spelled) => out.write_str(&spelled.text),
        }
    }

    /// Whether both have the same lexical form.
    fn same_lexical(&self, other: &Self) -> bool {
        match (&self.repr, &other.repr) {
            (DecimalRepr::Inline(a), DecimalRepr::Inline(b)) if a == b => true,
            _ => same_text(self, other, Self::write_lexical),
        }
    }

    /// Whether the lexical form is the value's canonical form (it is then
    /// not stored, whatever the representation).
    #[cfg(test)]
    fn is_canonical_form(&self) -> bool {
        match &self.repr {
            DecimalRepr::Inline(inline) => inline.is_canonical(),
            DecimalRepr::Spelled(_) => false,
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

/// `lexical` (trimmed) read in one pass when it has at most 19 digits
/// (every amount of an invoice), so that its mantissa fits a `u64` without
/// a check per digit. `None` for anything else (more digits, or not a
/// decimal), which [`read_long`] then decides.
fn read_short(lexical: &str) -> Option<InlineDecimal> {
    /// Powers of ten up to 10^19.
    const POW10: [u64; 20] = {
        let mut table = [1u64; 20];
        let mut i = 1;
        while i < 20 {
            table[i] = table[i - 1] * 10;
            i += 1;
        }
        table
    };
    let bytes = lexical.as_bytes();
    let (sign, body) = match bytes.split_first() {
        Some((b'-', rest)) => (MINUS, rest),
        Some((b'+', rest)) => (PLUS, rest),
        _ => (0, bytes),
    };
    // At most 19 digits and a point.
    if body.len() > 20 {
        return None;
    }
    let mut mantissa = 0u64;
    let mut int_len = 0;
    for &b in body {
        let digit = b.wrapping_sub(b'0');
        if digit > 9 {
            break;
        }
        // Wrapping: with 20 digits the value is not used.
        mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(digit));
        int_len += 1;
    }
    let mut shape = sign;
    let mut frac_len = 0;
    let mut trailing = 0;
    match body.get(int_len..) {
        Some([]) => {}
        Some([b'.', frac @ ..]) => {
            shape |= POINT;
            for &b in frac {
                let digit = b.wrapping_sub(b'0');
                if digit > 9 {
                    return None;
                }
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(digit));
                trailing = if digit == 0 { trailing + 1 } else { 0 };
            }
            frac_len = frac.len();
        }
        _ => return None,
    }
    // 20 digits could overflow; an empty form is not a decimal.
    if int_len + frac_len > 19 || int_len + frac_len == 0 {
        return None;
    }
    // The zeros after the last non-zero fraction digit are not part of
    // the value.
    mantissa /= POW10.get(trailing).copied().unwrap_or(1);
    // Zeros before the integer digits (all but the last of a zero).
    let leading = match body.first() {
        Some(b'0') if int_len > 1 => {
            let zeros = body
                .iter()
                .take(int_len)
                .take_while(|&&b| b == b'0')
                .count();
            zeros.min(int_len - 1)
        }
        _ => 0,
    };
    if int_len == 0 {
        shape |= BARE_POINT;
    }
    if sign == MINUS && mantissa != 0 {
        shape |= VALUE_NEGATIVE;
    }
    let [a, b, c, d, e, f, g, h] = mantissa.to_le_bytes();
    Some(InlineDecimal {
        lo: u32::from_le_bytes([a, b, c, d]),
        mid: u32::from_le_bytes([e, f, g, h]),
        hi: 0,
        scale: Scale::of(frac_len - trailing)?,
        shape,
        leading: u8::try_from(leading).ok()?,
        trailing: u8::try_from(trailing).ok()?,
    })
}

impl FromStr for Decimal {
    type Err = LexicalError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lexical = xml_trim(s);
        match read_short(lexical) {
            Some(inline) => Ok(Self {
                repr: DecimalRepr::Inline(inline),
            }),
            None => read_long(s, lexical),
        }
    }
}

/// `s` (trimmed: `lexical`) when [`read_short`] does not read it: kept out
/// of line, so that the usual short reading needs no room for this one.
#[cold]
#[inline(never)]
fn read_long(s: &str, lexical: &str) -> Result<Decimal, LexicalError> {
    let value = parse_decimal(s)?;
    Ok(Decimal::with_form(value, Form::of(lexical), Some(lexical)))
}

// Shown as the value and the lexical form, however the form is kept.
impl fmt::Debug for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Decimal")
            .field("value", &self.value())
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
        match &self.repr {
            DecimalRepr::Inline(inline) => f.write_str(inline.text().as_str()),
            DecimalRepr::Spelled(spelled) => f.write_str(&spelled.text),
        }
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.value() == other.value() && self.same_lexical(other)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match self.value().cmp(&other.value()) {
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
///
/// A lexical form of up to 15 characters (every integer up to
/// 999,999,999,999,999 in its canonical form) is kept inline, with no
/// allocation; an `Integer` takes 16 bytes.
#[derive(Clone)]
pub struct Integer {
    repr: IntegerRepr,
}

#[derive(Clone)]
enum IntegerRepr {
    /// The lexical form, inline.
    Short(ShortInteger),
    /// A longer lexical form.
    Long(Box<LongInteger>),
}

#[derive(Clone)]
struct LongInteger {
    lexical: Box<str>,
}

/// The most characters a [`ShortInteger`] holds.
const SHORT_INTEGER: usize = 15;

/// The length of a [`ShortInteger`] (1 to 15 characters): a byte whose
/// other values let [`IntegerRepr`] and `Option<Integer>` take no room of
/// their own.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
enum ShortLen {
    L1 = 1,
    L2,
    L3,
    L4,
    L5,
    L6,
    L7,
    L8,
    L9,
    L10,
    L11,
    L12,
    L13,
    L14,
    L15,
}

impl ShortLen {
    const ALL: [Self; SHORT_INTEGER] = [
        Self::L1,
        Self::L2,
        Self::L3,
        Self::L4,
        Self::L5,
        Self::L6,
        Self::L7,
        Self::L8,
        Self::L9,
        Self::L10,
        Self::L11,
        Self::L12,
        Self::L13,
        Self::L14,
        Self::L15,
    ];

    fn of(len: usize) -> Option<Self> {
        Self::ALL.get(len.checked_sub(1)?).copied()
    }
}

/// A lexical form of up to [`SHORT_INTEGER`] ASCII characters.
#[derive(Clone, Copy)]
struct ShortInteger {
    len: ShortLen,
    bytes: [u8; SHORT_INTEGER],
}

impl Integer {
    /// `lexical`, a valid form (trimmed), kept inline when it is short.
    fn from_lexical(lexical: &str) -> Self {
        let repr = match ShortLen::of(lexical.len()) {
            Some(len) => {
                let mut bytes = [0; SHORT_INTEGER];
                if let Some(slot) = bytes.get_mut(..lexical.len()) {
                    slot.copy_from_slice(lexical.as_bytes());
                }
                IntegerRepr::Short(ShortInteger { len, bytes })
            }
            None => IntegerRepr::Long(Box::new(LongInteger {
                lexical: lexical.into(),
            })),
        };
        Self { repr }
    }

    /// The lexical form as read (whitespace trimmed), or the canonical form.
    pub fn lexical(&self) -> &str {
        match &self.repr {
            IntegerRepr::Short(short) => short
                .bytes
                .get(..short.len as usize)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or("0"),
            IntegerRepr::Long(long) => &long.lexical,
        }
    }

    /// Where the magnitude's digits start in the lexical form, past the
    /// sign and leading zeros (at the last `0` of a zero).
    fn digits_from(&self) -> usize {
        let lexical = self.lexical();
        let body = lexical.strip_prefix(['+', '-']).unwrap_or(lexical);
        let zeros = body.bytes().take_while(|&b| b == b'0').count();
        lexical.len() - body.len() + zeros.min(body.len().saturating_sub(1))
    }

    /// The digits of the magnitude, without sign or leading zeros (`0` for
    /// zero): `-0042` gives `42`.
    pub fn digits(&self) -> &str {
        self.lexical().get(self.digits_from()..).unwrap_or("0")
    }

    /// The value is below zero (never for a zero, `-0` included).
    fn negative(&self) -> bool {
        self.lexical().starts_with('-') && !self.is_zero()
    }

    /// The canonical form: `-` for a negative value, then [`Integer::digits`]
    /// (`+007` gives `7`, `-0` gives `0`).
    pub fn canonical(&self) -> String {
        if self.negative() {
            format!("-{}", self.digits())
        } else {
            self.digits().to_owned()
        }
    }

    /// `-1`, `0` or `1`, as the value is negative, zero or positive.
    pub fn signum(&self) -> i8 {
        match (self.negative(), self.is_zero()) {
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
        self.negative()
    }

    /// The value is zero (`0`, `-0`, `+000`).
    pub fn is_zero(&self) -> bool {
        self.digits() == "0"
    }

    /// The value as an `i128`, or `None` when it does not fit.
    pub fn to_i128(&self) -> Option<i128> {
        // A negative value is accumulated downwards, so that `i128::MIN`
        // fits.
        let negative = self.negative();
        self.digits().bytes().try_fold(0i128, |acc, b| {
            let d = i128::from(b - b'0');
            let acc = acc.checked_mul(10)?;
            if negative {
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
        let body = s.strip_prefix(['+', '-']).unwrap_or(s);
        if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit()) {
            return Err(LexicalError::new("xs:integer", raw));
        }
        Ok(Self::from_lexical(s))
    }
}

// Shown with the lexical form and where its digits start, as the fields
// were once named.
#[allow(clippy::missing_fields_in_debug)]
impl fmt::Debug for Integer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Integer")
            .field("lexical", &self.lexical())
            .field("digits_from", &self.digits_from())
            .field("negative", &self.negative())
            .finish()
    }
}

macro_rules! integer_from {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Integer {
            /// The value, in its canonical form.
            fn from(value: $ty) -> Self {
                let mut text = Text::new();
                if write!(text, "{value}").is_err() {
                    return Self::from_lexical(&value.to_string());
                }
                Self::from_lexical(text.as_str())
            }
        }
    )*};
}

integer_from!(
    i8, i16, i32, i64, i128, u8, u16, u32, u64, u128, isize, usize
);

impl fmt::Display for Integer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.lexical())
    }
}

impl PartialEq for Integer {
    fn eq(&self, other: &Self) -> bool {
        self.negative() == other.negative() && self.digits() == other.digits()
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
        match (self.negative(), other.negative()) {
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (true, true) => other.cmp_magnitude(self),
            (false, false) => self.cmp_magnitude(other),
        }
    }
}

impl std::hash::Hash for Integer {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.negative().hash(state);
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

/// How a time-zone designator is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
enum ZoneKind {
    /// None (a local time).
    Local,
    /// `Z`.
    Utc,
    /// `+hh:mm`.
    East,
    /// `-hh:mm`.
    West,
}

/// A time-zone designator as written: its kind and, for `±hh:mm`, the
/// minutes (0 to 840; 0 for the others).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Zone {
    kind: ZoneKind,
    minutes: u16,
}

impl Zone {
    const LOCAL: Self = Self {
        kind: ZoneKind::Local,
        minutes: 0,
    };
    const UTC: Self = Self {
        kind: ZoneKind::Utc,
        minutes: 0,
    };

    /// Reads nothing (no zone), `Z` or `±hh:mm` (at most 14 hours).
    fn parse(s: &str) -> Option<Self> {
        match *s.as_bytes() {
            [] => Some(Self::LOCAL),
            [b'Z'] => Some(Self::UTC),
            [sign, h1, h2, b':', m1, m2] => {
                let kind = match sign {
                    b'+' => ZoneKind::East,
                    b'-' => ZoneKind::West,
                    _ => return None,
                };
                let hh = digit_pair(h1, h2)?;
                let mm = digit_pair(m1, m2)?;
                if mm > 59 || hh > 14 || (hh == 14 && mm != 0) {
                    return None;
                }
                Some(Self {
                    kind,
                    minutes: hh * 60 + mm,
                })
            }
            _ => None,
        }
    }

    /// The offset in seconds east of UTC, when a zone was written.
    fn offset_seconds(self) -> Option<i32> {
        let seconds = i32::from(self.minutes) * 60;
        match self.kind {
            ZoneKind::Local => None,
            ZoneKind::Utc => Some(0),
            ZoneKind::East => Some(seconds),
            ZoneKind::West => Some(-seconds),
        }
    }

    fn write_text(self, text: &mut Text) -> fmt::Result {
        let sign = match self.kind {
            ZoneKind::Local => return Ok(()),
            ZoneKind::Utc => return text.push(b'Z'),
            ZoneKind::East => b'+',
            ZoneKind::West => b'-',
        };
        text.push(sign)?;
        text.push_digits(u64::from(self.minutes / 60), 2)?;
        text.push(b':')?;
        text.push_digits(u64::from(self.minutes % 60), 2)
    }
}

/// Two ASCII digits as a number.
fn digit_pair(a: u8, b: u8) -> Option<u16> {
    (a.is_ascii_digit() && b.is_ascii_digit())
        .then(|| u16::from(a - b'0') * 10 + u16::from(b - b'0'))
}

/// Splits `YYYY-MM-DD` (4-digit, non-negative years: the FA(3) patterns
/// allow nothing else) off the front of `s`.
fn parse_ymd(s: &str) -> Option<(NaiveDate, &str)> {
    let (head, rest) = s.split_at_checked(10)?;
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *head.as_bytes() else {
        return None;
    };
    let y = i32::from(digit_pair(y1, y2)?) * 100 + i32::from(digit_pair(y3, y4)?);
    let m = u32::from(digit_pair(m1, m2)?);
    let d = u32::from(digit_pair(d1, d2)?);
    if y == 0 {
        return None;
    }
    Some((NaiveDate::from_ymd_opt(y, m, d)?, rest))
}

/// Writes `date` as `%Y-%m-%d` does: four digits for the years 0 to 9999,
/// a sign and more digits for the others.
fn write_date(text: &mut Text, date: NaiveDate) -> fmt::Result {
    match u64::try_from(date.year()) {
        Ok(year) if year <= 9999 => text.push_digits(year, 4)?,
        _ => write!(text, "{}", date.format("%Y"))?,
    }
    text.push(b'-')?;
    text.push_digits(u64::from(date.month()), 2)?;
    text.push(b'-')?;
    text.push_digits(u64::from(date.day()), 2)
}

/// An `xs:date`: a calendar date with an optional time-zone designator.
///
/// The lexical form is the date's `YYYY-MM-DD` and the designator as
/// written (`Z`, `+00:00` and `-00:00` stay apart), so it is printed
/// rather than stored: a `Date` takes 8 bytes, as does an `Option<Date>`.
#[derive(Clone)]
pub struct Date {
    date: NaiveDate,
    zone: Zone,
}

impl Date {
    /// Wraps a calendar date with no time zone; prints as `YYYY-MM-DD`.
    pub fn new(date: NaiveDate) -> Self {
        Self {
            date,
            zone: Zone::LOCAL,
        }
    }

    /// The calendar date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The time-zone offset in seconds east of UTC, when one was given.
    pub fn offset_seconds(&self) -> Option<i32> {
        self.zone.offset_seconds()
    }

    /// The lexical form as read (whitespace trimmed), or the canonical form.
    pub fn lexical(&self) -> Cow<'_, str> {
        self.text().to_cow()
    }

    /// The lexical form. It never fills a [`Text`]: at most 13 characters
    /// of date and 6 of zone.
    fn text(&self) -> Text {
        let mut text = Text::new();
        let _ = write_date(&mut text, self.date).and_then(|()| self.zone.write_text(&mut text));
        text
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
        let zone = Zone::parse(rest).ok_or_else(err)?;
        Ok(Self { date, zone })
    }
}

// Shown with the date, the offset and the lexical form, as the fields were
// once named.
#[allow(clippy::missing_fields_in_debug)]
impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Date")
            .field("date", &self.date)
            .field("tz", &self.offset_seconds())
            .field("lexical", &&*self.lexical())
            .finish()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().as_str())
    }
}

impl PartialEq for Date {
    // The lexical form follows from the date and the designator as written.
    fn eq(&self, other: &Self) -> bool {
        self.date == other.date && self.zone == other.zone
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match self.date.cmp(&other.date) {
            Ordering::Equal if self.offset_seconds() != other.offset_seconds() => None,
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
///
/// The lexical form is printed from the date, the time, the number of
/// fraction digits written (up to 9) and the designator as written, so it
/// is not stored: a `DateTime` takes 16 bytes, as does an
/// `Option<DateTime>`. Only a form with more fraction digits, or `24:00:00`,
/// keeps its text on the heap.
#[derive(Clone)]
pub struct DateTime {
    repr: DateTimeRepr,
}

#[derive(Clone)]
enum DateTimeRepr {
    Written(WrittenDateTime),
    Spelled(Box<SpelledDateTime>),
}

/// The number of fraction digits written after the seconds (none, or 1 to 9).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
enum FractionDigits {
    F0 = 0,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
}

impl FractionDigits {
    const ALL: [Self; 10] = [
        Self::F0,
        Self::F1,
        Self::F2,
        Self::F3,
        Self::F4,
        Self::F5,
        Self::F6,
        Self::F7,
        Self::F8,
        Self::F9,
    ];

    fn of(n: usize) -> Option<Self> {
        Self::ALL.get(n).copied()
    }
}

/// A date and time whose lexical form follows from its fields. The zone
/// is kept as its two parts, so that the whole takes 16 bytes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct WrittenDateTime {
    local: NaiveDateTime,
    minutes: u16,
    zone: ZoneKind,
    fraction: FractionDigits,
}

impl WrittenDateTime {
    fn zone(self) -> Zone {
        Zone {
            kind: self.zone,
            minutes: self.minutes,
        }
    }

    /// The form `%Y-%m-%dT%H:%M:%S` writes (a leap second as `60`), then
    /// the fraction digits and the zone. It never fills a [`Text`]: at most
    /// 13 characters of date, 9 of time, 10 of fraction and 6 of zone.
    fn text(self) -> Text {
        let mut text = Text::new();
        let _ = self.write_text(&mut text);
        text
    }

    fn write_text(self, text: &mut Text) -> fmt::Result {
        write_date(text, self.local.date())?;
        let time = self.local.time();
        let nanos = time.nanosecond();
        text.push(b'T')?;
        text.push_digits(u64::from(time.hour()), 2)?;
        text.push(b':')?;
        text.push_digits(u64::from(time.minute()), 2)?;
        text.push(b':')?;
        text.push_digits(u64::from(time.second() + nanos / 1_000_000_000), 2)?;
        let digits = self.fraction as usize;
        if digits > 0 {
            text.push(b'.')?;
            let end = text.len + digits;
            text.push_digits(u64::from(nanos % 1_000_000_000), 9)?;
            text.truncate(end);
        }
        self.zone().write_text(text)
    }
}

#[derive(Clone)]
struct SpelledDateTime {
    local: NaiveDateTime,
    zone: Zone,
    text: Box<str>,
}

impl DateTime {
    /// Wraps a UTC instant; prints as `YYYY-MM-DDThh:mm:ssZ`.
    pub fn from_utc(utc: chrono::DateTime<chrono::Utc>) -> Self {
        Self {
            repr: DateTimeRepr::Written(WrittenDateTime {
                local: utc.naive_utc(),
                minutes: 0,
                zone: ZoneKind::Utc,
                fraction: FractionDigits::F0,
            }),
        }
    }

    /// The date and time as written, without its zone.
    pub fn local(&self) -> NaiveDateTime {
        match &self.repr {
            DateTimeRepr::Written(written) => written.local,
            DateTimeRepr::Spelled(spelled) => spelled.local,
        }
    }

    fn zone(&self) -> Zone {
        match &self.repr {
            DateTimeRepr::Written(written) => written.zone(),
            DateTimeRepr::Spelled(spelled) => spelled.zone,
        }
    }

    /// The time-zone offset in seconds east of UTC, when one was given.
    pub fn offset_seconds(&self) -> Option<i32> {
        self.zone().offset_seconds()
    }

    /// The instant, reading a value without a zone as UTC.
    pub fn to_utc(&self) -> chrono::DateTime<chrono::Utc> {
        let utc = chrono::Utc.from_utc_datetime(&self.local());
        let shift = chrono::TimeDelta::seconds(i64::from(self.offset_seconds().unwrap_or(0)));
        utc.checked_sub_signed(shift).unwrap_or(utc)
    }

    /// The lexical form as read (whitespace trimmed), or the canonical form.
    pub fn lexical(&self) -> Cow<'_, str> {
        match &self.repr {
            DateTimeRepr::Written(written) => written.text().to_cow(),
            DateTimeRepr::Spelled(spelled) => Cow::Borrowed(&spelled.text),
        }
    }

    fn write_lexical(&self, out: &mut Text) -> fmt::Result {
        match &self.repr {
            DateTimeRepr::Written(written) => written.write_text(out),
            DateTimeRepr::Spelled(spelled) => out.write_str(&spelled.text),
        }
    }

    /// Whether both have the same lexical form.
    fn same_lexical(&self, other: &Self) -> bool {
        match (&self.repr, &other.repr) {
            (DateTimeRepr::Written(a), DateTimeRepr::Written(b)) if a == b => true,
            _ => same_text(self, other, Self::write_lexical),
        }
    }

    /// Used by generated facet checks for literals that come from the schema.
    #[doc(hidden)]
    pub fn from_schema_literal(s: &'static str) -> Self {
        s.parse()
            .unwrap_or_else(|_| Self::from_utc(chrono::DateTime::<chrono::Utc>::MIN_UTC))
    }
}

/// Parses `hh:mm:ss(.s+)?`, allowing `24:00:00` (the next midnight): the
/// time, whether it is that next midnight, the number of fraction digits
/// and what follows.
fn parse_time(s: &str) -> Option<(NaiveTime, bool, usize, &str)> {
    let (head, mut rest) = s.split_at_checked(8)?;
    let [h1, h2, b':', m1, m2, b':', s1, s2] = *head.as_bytes() else {
        return None;
    };
    let h = u32::from(digit_pair(h1, h2)?);
    let m = u32::from(digit_pair(m1, m2)?);
    let sec = u32::from(digit_pair(s1, s2)?);
    let mut nanos = 0u32;
    let mut all_zero_frac = true;
    let mut n = 0;
    if let Some(frac) = rest.strip_prefix('.') {
        n = frac.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return None;
        }
        let (digits, after) = frac.split_at_checked(n)?;
        all_zero_frac = digits.bytes().all(|d| d == b'0');
        let mut scale = 100_000_000u32;
        for d in digits.bytes().take(9) {
            nanos += u32::from(d - b'0') * scale;
            scale /= 10;
        }
        rest = after;
    }
    if h == 24 {
        return (m == 0 && sec == 0 && all_zero_frac).then_some((NaiveTime::MIN, true, n, rest));
    }
    Some((
        NaiveTime::from_hms_nano_opt(h, m, sec, nanos)?,
        false,
        n,
        rest,
    ))
}

impl FromStr for DateTime {
    type Err = LexicalError;

    fn from_str(raw: &str) -> Result<Self, Self::Err> {
        let s = xml_trim(raw);
        let err = || LexicalError::new("xs:dateTime", raw);
        let (date, rest) = parse_ymd(s).ok_or_else(err)?;
        let rest = rest.strip_prefix('T').ok_or_else(err)?;
        let (time, next_day, digits, rest) = parse_time(rest).ok_or_else(err)?;
        let zone = Zone::parse(rest).ok_or_else(err)?;
        let mut local = date.and_time(time);
        if next_day {
            local = local
                .checked_add_signed(chrono::TimeDelta::days(1))
                .ok_or_else(err)?;
        }
        let repr = match FractionDigits::of(digits) {
            Some(fraction) if !next_day => DateTimeRepr::Written(WrittenDateTime {
                local,
                minutes: zone.minutes,
                zone: zone.kind,
                fraction,
            }),
            _ => DateTimeRepr::Spelled(Box::new(SpelledDateTime {
                local,
                zone,
                text: s.into(),
            })),
        };
        Ok(Self { repr })
    }
}

// Shown with the local time, the offset and the lexical form, as the
// fields were once named.
#[allow(clippy::missing_fields_in_debug)]
impl fmt::Debug for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DateTime")
            .field("local", &self.local())
            .field("tz", &self.offset_seconds())
            .field("lexical", &&*self.lexical())
            .finish()
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            DateTimeRepr::Written(written) => f.write_str(written.text().as_str()),
            DateTimeRepr::Spelled(spelled) => f.write_str(&spelled.text),
        }
    }
}

impl PartialEq for DateTime {
    fn eq(&self, other: &Self) -> bool {
        self.local() == other.local()
            && self.offset_seconds() == other.offset_seconds()
            && self.same_lexical(other)
    }
}

impl PartialOrd for DateTime {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        match self.to_utc().cmp(&other.to_utc()) {
            Ordering::Equal if !self.same_lexical(other) => None,
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
    /// reading gives: the same value (scale and sign of zero too), the same
    /// form, and the same verdict on whether the text is canonical.
    #[test]
    fn short_decimals_read_as_the_general_way_reads_them() {
        let mut runner = proptest::test_runner::TestRunner::default();
        let texts = proptest::string::string_regex("[+-]?0{0,3}[0-9]{0,12}([.][0-9]{0,12}0{0,3})?")
            .unwrap();
        runner
            .run(&texts, |text| {
                let general = parse_decimal(&text)
                    .ok()
                    .map(|value| (value, reference::is_canonical(&text, &value)));
                match read_short(&text) {
                    Some(inline) => {
                        let value = inline.value();
                        let (v, c) = general.unwrap();
                        proptest::prop_assert_eq!(value, v);
                        proptest::prop_assert_eq!(value.scale(), v.scale());
                        proptest::prop_assert_eq!(value.is_sign_negative(), v.is_sign_negative());
                        proptest::prop_assert_eq!(inline.is_canonical(), c, "{:?}", text);
                        proptest::prop_assert!(
                            Some(inline) == InlineDecimal::new(&v, Form::of(&text)),
                            "{:?}",
                            text
                        );
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
            let inline = read_short(text).unwrap();
            let value = inline.value();
            assert_eq!(value, parse_decimal(text).unwrap(), "{text}");
            assert_eq!(
                inline.is_canonical(),
                reference::is_canonical(text, &value),
                "{text}"
            );
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
            assert_eq!(d.is_canonical_form(), canonical, "{text}");
            // Every one of these is kept without an allocation.
            assert!(matches!(d.repr, DecimalRepr::Inline(_)), "{text}");
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

/// The value types as they were when every lexical form was stored on the
/// heap: the reference the compact types are checked against.
#[cfg(test)]
#[allow(dead_code, clippy::all, clippy::pedantic)]
mod reference {
    use std::borrow::Cow;
    use std::cmp::Ordering;
    use std::fmt;
    use std::str::FromStr;

    use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};

    use super::{LexicalError, parse_decimal, xml_trim};

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

    /// Whether `lexical`, the trimmed form `value` was read from, is the form
    /// `value` prints in: `-?(0|[1-9]\d*)(\.\d*[1-9])?` with the value's scale
    /// and sign.
    pub(super) fn is_canonical(lexical: &str, value: &rust_decimal::Decimal) -> bool {
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

        /// The value is below zero (never for a zero, `-0` included).
        pub fn is_negative(&self) -> bool {
            self.negative
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

    impl Default for Integer {
        /// Zero.
        fn default() -> Self {
            Self::from(0u8)
        }
    }

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
}

/// The compact value types against the reference (the types as they were,
/// each lexical form on the heap): for generated lexical forms and values
/// built in code, the same lexical text, value, `Display`, `Debug`, serde
/// output, equality, ordering and hash.
#[cfg(test)]
mod equivalence {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher, Hash};

    use chrono::{Datelike as _, NaiveDate, NaiveTime, TimeZone};
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestCaseError, TestRunner};

    use super::{
        Date, DateTime, DateTimeRepr, Decimal, DecimalRepr, Integer, IntegerRepr, reference,
    };

    fn runner(cases: u32) -> TestRunner {
        TestRunner::new(Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        })
    }

    fn regex(pattern: &str) -> proptest::string::RegexGeneratorStrategy<String> {
        proptest::string::string_regex(pattern).unwrap()
    }

    fn hash<T: Hash>(v: &T) -> u64 {
        BuildHasherDefault::<DefaultHasher>::default().hash_one(v)
    }

    /// The serde output of a value whose `Serialize` writes its `Display`
    /// form, as the reference's did.
    #[cfg(feature = "serde")]
    fn json<T: serde::Serialize>(v: &T) -> String {
        serde_json::to_string(v).unwrap()
    }

    fn both<N, O>(text: &str) -> Result<Option<(N, O)>, TestCaseError>
    where
        N: std::str::FromStr<Err = super::LexicalError>,
        O: std::str::FromStr<Err = super::LexicalError>,
    {
        match (text.parse::<N>(), text.parse::<O>()) {
            (Ok(n), Ok(o)) => Ok(Some((n, o))),
            (Err(a), Err(b)) => {
                prop_assert_eq!(a, b);
                Ok(None)
            }
            (n, o) => Err(TestCaseError::fail(format!(
                "{text:?}: read {} by the new type, {} by the reference",
                n.is_ok(),
                o.is_ok()
            ))),
        }
    }

    fn same_decimal(new: &Decimal, old: &reference::Decimal) -> Result<(), TestCaseError> {
        prop_assert_eq!(new.lexical(), old.lexical());
        prop_assert_eq!(new.to_string(), old.to_string());
        prop_assert_eq!(format!("{new:>50.3}"), format!("{old:>50.3}"));
        prop_assert_eq!(format!("{new:?}"), format!("{old:?}"));
        let (a, b) = (new.value(), old.value());
        prop_assert_eq!(a, b);
        prop_assert_eq!(a.scale(), b.scale());
        prop_assert_eq!(a.is_sign_negative(), b.is_sign_negative());
        prop_assert_eq!(a.serialize(), b.serialize());
        #[cfg(feature = "serde")]
        {
            prop_assert_eq!(json(new), json(&old.to_string()));
            let back: Decimal = serde_json::from_str(&json(new)).unwrap();
            prop_assert!(back == *new);
        }
        Ok(())
    }

    fn same_decimal_pair(
        (a, a_old): &(Decimal, reference::Decimal),
        (b, b_old): &(Decimal, reference::Decimal),
    ) -> Result<(), TestCaseError> {
        prop_assert_eq!(a == b, a_old == b_old, "{:?} {:?}", a_old, b_old);
        prop_assert_eq!(
            a.partial_cmp(b),
            a_old.partial_cmp(b_old),
            "{:?} {:?}",
            a_old,
            b_old
        );
        Ok(())
    }

    /// A decimal made in code: any mantissa and scale, a negative zero too.
    fn made_decimal() -> impl Strategy<Value = rust_decimal::Decimal> {
        (
            any::<u32>(),
            any::<u32>(),
            any::<u32>(),
            any::<bool>(),
            0u32..=28,
            0u8..4,
        )
            .prop_map(|(lo, mid, hi, negative, scale, size)| {
                // Small mantissas too, so that equal values meet.
                let (lo, mid, hi) = match size {
                    0 => (lo % 20, 0, 0),
                    1 => (lo, 0, 0),
                    2 => (lo, mid, 0),
                    _ => (lo, mid, hi),
                };
                let scale = if size == 0 { scale % 4 } else { scale };
                let mut value = rust_decimal::Decimal::from_parts(lo, mid, hi, negative, scale);
                value.set_sign_negative(negative);
                value
            })
    }

    #[test]
    fn decimals_read_as_the_reference_reads_them() {
        let texts = prop_oneof![
            regex("[ \t\r\n]{0,2}[+-]?0{0,3}[0-9]{0,30}([.][0-9]{0,30}0{0,3})?[ \t\r\n]{0,2}"),
            regex("[+-]?0{0,40}[1-9]?[0-9]{0,3}([.][0-9]{0,3}0{0,40})?"),
            regex("[+-]?[0-9]{0,3}[.]?[0-9]{0,3}[^0-9]?[0-9]{0,2}"),
        ];
        runner(20_000)
            .run(&texts, |text| {
                if let Some((new, old)) = both::<Decimal, reference::Decimal>(&text)? {
                    same_decimal(&new, &old)?;
                }
                Ok(())
            })
            .unwrap();
        // Forms at the edges: as many zeros as are counted inline and one
        // more, the most digits, the exact parser's path.
        let z = "0".repeat(super::MAX_ZEROS);
        for text in [
            format!("{z}1.5{z}"),
            format!("0{z}1.5{z}0"),
            format!("-{z}.5"),
            format!("+0{z}"),
            format!(".{z}0"),
            "79228162514264337593543950335".to_string(),
            "-7.9228162514264337593543950335".to_string(),
            "0.0000000000000000000000000001".to_string(),
            "0.00000000000000000000000000001".to_string(),
            "79228162514264337593543950336".to_string(),
            "12345678901234567890.123456780".to_string(),
        ] {
            if let Some((new, old)) = both::<Decimal, reference::Decimal>(&text).unwrap() {
                same_decimal(&new, &old).unwrap();
            }
        }
        let spelled: Decimal = format!("0{z}1").parse().unwrap();
        assert!(matches!(spelled.repr, DecimalRepr::Spelled(_)));
    }

    #[test]
    fn decimals_made_in_code_match_the_reference() {
        runner(5_000)
            .run(&made_decimal(), |value| {
                same_decimal(&Decimal::new(value), &reference::Decimal::new(value))
            })
            .unwrap();
        same_decimal(&Decimal::default(), &reference::Decimal::default()).unwrap();
    }

    #[test]
    fn decimals_compare_as_the_reference_compares_them() {
        let text = regex("[+-]?0?[0-2]?([.][0-2]?0?)?");
        let decimal = prop_oneof![
            text.prop_filter_map("not a decimal", |t| Some((
                t.parse::<Decimal>().ok()?,
                t.parse::<reference::Decimal>().ok()?
            ))),
            made_decimal().prop_map(|v| (Decimal::new(v), reference::Decimal::new(v))),
            (0i64..30, 0u32..3, any::<bool>()).prop_map(|(m, s, negative)| {
                let mut v = rust_decimal::Decimal::new(m - 15, s);
                if m == 15 {
                    v.set_sign_negative(negative);
                }
                (Decimal::new(v), reference::Decimal::new(v))
            }),
        ];
        runner(20_000)
            .run(&(decimal.clone(), decimal), |(a, b)| {
                same_decimal_pair(&a, &b)?;
                same_decimal_pair(&a, &a)
            })
            .unwrap();
    }

    /// The new `Integer` answers as the old one did. The old type stored
    /// its text; what it derived from its digits and sign (canonical form,
    /// sign tests, machine integers, hash) is checked here against its
    /// definition, on the old type's digits and sign.
    fn same_integer(new: &Integer, old: &reference::Integer) -> Result<(), TestCaseError> {
        prop_assert_eq!(new.lexical(), old.lexical());
        prop_assert_eq!(new.digits(), old.digits());
        prop_assert_eq!(new.is_negative(), old.is_negative());
        let canonical = if old.is_negative() {
            format!("-{}", old.digits())
        } else {
            old.digits().to_owned()
        };
        prop_assert_eq!(new.canonical(), canonical.clone());
        prop_assert_eq!(new.is_zero(), old.digits() == "0");
        prop_assert_eq!(new.is_positive(), !old.is_negative() && old.digits() != "0");
        let signum = match (old.is_negative(), old.digits()) {
            (true, _) => -1,
            (false, "0") => 0,
            (false, _) => 1,
        };
        prop_assert_eq!(new.signum(), signum);
        prop_assert_eq!(new.to_i128(), canonical.parse::<i128>().ok());
        prop_assert_eq!(new.to_i64(), canonical.parse::<i64>().ok());
        prop_assert_eq!(hash(new), hash(&(old.is_negative(), old.digits())));
        prop_assert_eq!(new.to_string(), old.to_string());
        prop_assert_eq!(format!("{new:>30}"), format!("{old:>30}"));
        prop_assert_eq!(format!("{new:?}"), format!("{old:?}"));
        prop_assert_eq!(
            matches!(new.repr, IntegerRepr::Short(_)),
            new.lexical().len() <= super::SHORT_INTEGER
        );
        #[cfg(feature = "serde")]
        {
            prop_assert_eq!(json(new), json(&old.to_string()));
            let back: Integer = serde_json::from_str(&json(new)).unwrap();
            prop_assert_eq!(back.lexical(), new.lexical());
        }
        Ok(())
    }

    #[test]
    fn integers_match_the_reference() {
        let texts = prop_oneof![
            regex("[ \t\r\n]{0,2}[+-]?0{0,3}[0-9]{0,25}[ \t\r\n]{0,2}"),
            regex("[+-]?[0-9]{0,3}[^0-9]?[0-9]{0,2}"),
        ];
        runner(20_000)
            .run(&texts, |text| {
                if let Some((new, old)) = both::<Integer, reference::Integer>(&text)? {
                    same_integer(&new, &old)?;
                }
                Ok(())
            })
            .unwrap();
        runner(5_000)
            .run(
                &(any::<i64>(), any::<i128>(), any::<u128>()),
                |(a, b, c)| {
                    same_integer(&Integer::from(a), &reference::Integer::from(a))?;
                    same_integer(&Integer::from(b), &reference::Integer::from(b))?;
                    same_integer(&Integer::from(c), &reference::Integer::from(c))
                },
            )
            .unwrap();
        same_integer(&Integer::default(), &reference::Integer::default()).unwrap();
        for v in [
            i128::MIN,
            i128::MAX,
            0,
            -1,
            999_999_999_999_999,
            -99_999_999_999_999,
        ] {
            same_integer(&Integer::from(v), &reference::Integer::from(v)).unwrap();
        }
        let pair = || {
            regex("[+-]?0{0,2}[0-2]{0,2}").prop_filter_map("not an integer", |t| {
                let value = t.parse::<Integer>().ok()?;
                let number = value.to_i128()?;
                Some((value, number))
            })
        };
        runner(10_000)
            .run(&(pair(), pair()), |((a, a_number), (b, b_number))| {
                prop_assert_eq!(a == b, a_number == b_number);
                prop_assert_eq!(a.cmp(&b), a_number.cmp(&b_number));
                prop_assert_eq!(a.partial_cmp(&b), Some(a_number.cmp(&b_number)));
                Ok(())
            })
            .unwrap();
    }

    fn same_date(new: &Date, old: &reference::Date) -> Result<(), TestCaseError> {
        prop_assert_eq!(new.date(), old.date());
        prop_assert_eq!(new.offset_seconds(), old.offset_seconds());
        prop_assert_eq!(&*new.lexical(), old.lexical());
        prop_assert_eq!(new.to_string(), old.to_string());
        prop_assert_eq!(format!("{new:>30}"), format!("{old:>30}"));
        prop_assert_eq!(format!("{new:?}"), format!("{old:?}"));
        #[cfg(feature = "serde")]
        prop_assert_eq!(json(new), json(&old.to_string()));
        Ok(())
    }

    /// Any date chrono represents, the years before 1 and after 9999 too.
    fn any_date() -> impl Strategy<Value = NaiveDate> {
        let (min, max) = (
            NaiveDate::MIN.num_days_from_ce(),
            NaiveDate::MAX.num_days_from_ce(),
        );
        prop_oneof![min..=max, -800_000..=4_000_000]
            .prop_map(|d| NaiveDate::from_num_days_from_ce_opt(d).unwrap())
    }

    #[test]
    fn dates_match_the_reference() {
        let texts = prop_oneof![
            regex(
                "[ \t\r\n]{0,2}[0-9]{4}-[01][0-9]-[0-3][0-9](Z|[+-][01][0-9]:[0-6][0-9])?[ \t\r\n]{0,2}"
            ),
            regex("[0-9]{4}-[0-9]{2}-[0-9]{2}.{0,7}"),
            regex(".{0,3}[0-9-]{0,12}.{0,3}"),
        ];
        runner(20_000)
            .run(&texts, |text| {
                if let Some((new, old)) = both::<Date, reference::Date>(&text)? {
                    same_date(&new, &old)?;
                }
                Ok(())
            })
            .unwrap();
        runner(5_000)
            .run(&any_date(), |d| {
                same_date(&Date::new(d), &reference::Date::new(d))
            })
            .unwrap();
        same_date(&Date::default(), &reference::Date::default()).unwrap();
        same_date(
            &Date::new(NaiveDate::MAX),
            &reference::Date::new(NaiveDate::MAX),
        )
        .unwrap();
        let date = prop_oneof![
            regex("2026-02-0[12](Z|[+-]0[01]:00)?").prop_map(|t| (
                t.parse::<Date>().unwrap(),
                t.parse::<reference::Date>().unwrap()
            )),
            (0u32..2).prop_map(|d| {
                let d = NaiveDate::from_ymd_opt(2026, 2, 1 + d).unwrap();
                (Date::new(d), reference::Date::new(d))
            }),
        ];
        runner(5_000)
            .run(&(date.clone(), date), |((a, a_old), (b, b_old))| {
                prop_assert_eq!(a == b, a_old == b_old);
                prop_assert_eq!(a.partial_cmp(&b), a_old.partial_cmp(&b_old));
                Ok(())
            })
            .unwrap();
    }

    fn same_date_time(new: &DateTime, old: &reference::DateTime) -> Result<(), TestCaseError> {
        prop_assert_eq!(new.local(), old.local());
        prop_assert_eq!(new.offset_seconds(), old.offset_seconds());
        prop_assert_eq!(new.to_utc(), old.to_utc());
        prop_assert_eq!(&*new.lexical(), old.lexical());
        prop_assert_eq!(new.to_string(), old.to_string());
        prop_assert_eq!(format!("{new:>40}"), format!("{old:>40}"));
        prop_assert_eq!(format!("{new:?}"), format!("{old:?}"));
        #[cfg(feature = "serde")]
        prop_assert_eq!(json(new), json(&old.to_string()));
        Ok(())
    }

    /// Any instant chrono represents, with nanoseconds and leap seconds.
    fn any_instant() -> impl Strategy<Value = chrono::DateTime<chrono::Utc>> {
        (any_date(), 0u32..86_400, 0u32..2_000_000_000, 0u8..3).prop_map(
            |(date, secs, nanos, kind)| {
                let nanos = match kind {
                    0 => 0,
                    1 => nanos % 1_000_000_000,
                    // A leap second only at the end of a minute.
                    _ => nanos,
                };
                let secs = if nanos >= 1_000_000_000 {
                    secs / 60 * 60 + 59
                } else {
                    secs
                };
                let time = NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos)
                    .unwrap_or(NaiveTime::MIN);
                chrono::Utc.from_utc_datetime(&date.and_time(time))
            },
        )
    }

    #[test]
    fn date_times_match_the_reference() {
        let texts = prop_oneof![
            regex(
                "[ \t\r\n]{0,2}[0-9]{4}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-6][0-9]:[0-6][0-9]([.][0-9]{1,12})?(Z|[+-][01][0-9]:[0-6][0-9])?[ \t\r\n]{0,2}"
            ),
            regex("[0-9]{4}-[01][0-9]-[0-3][0-9]T24:0[01]:0[01]([.]0{0,3}1?)?(Z|[+-]0[0-9]:00)?"),
            regex("2[0-9]{3}-[01][0-9]-[0-3][0-9]T[0-9:.]{0,14}.{0,7}"),
        ];
        runner(20_000)
            .run(&texts, |text| {
                if let Some((new, old)) = both::<DateTime, reference::DateTime>(&text)? {
                    same_date_time(&new, &old)?;
                }
                Ok(())
            })
            .unwrap();
        runner(5_000)
            .run(&any_instant(), |utc| {
                same_date_time(
                    &DateTime::from_utc(utc),
                    &reference::DateTime::from_utc(utc),
                )
            })
            .unwrap();
        for utc in [
            chrono::DateTime::<chrono::Utc>::MIN_UTC,
            chrono::DateTime::<chrono::Utc>::MAX_UTC,
        ] {
            same_date_time(
                &DateTime::from_utc(utc),
                &reference::DateTime::from_utc(utc),
            )
            .unwrap();
        }
        same_date_time(&DateTime::default(), &reference::DateTime::default()).unwrap();
        // Ten fraction digits and the next midnight keep their text.
        for text in ["2026-02-01T10:00:00.1234567891Z", "2026-01-31T24:00:00Z"] {
            let t: DateTime = text.parse().unwrap();
            assert!(matches!(t.repr, DateTimeRepr::Spelled(_)), "{text}");
        }
        let t: DateTime = "2026-02-01T10:00:00.123456789+01:00".parse().unwrap();
        assert!(matches!(t.repr, DateTimeRepr::Written(_)));
        let date_time = prop_oneof![
            regex("2026-0(2-01T0[01]|1-31T24):00:00([.]0{1,2})?(Z|[+-]0[01]:00)?").prop_map(|t| (
                t.parse::<DateTime>().unwrap(),
                t.parse::<reference::DateTime>().unwrap()
            )),
            (0i64..3).prop_map(|h| {
                let utc = chrono::Utc.with_ymd_and_hms(2026, 2, 1, 0, 0, 0).unwrap()
                    + chrono::TimeDelta::hours(h - 1);
                (DateTime::from_utc(utc), reference::DateTime::from_utc(utc))
            }),
        ];
        runner(10_000)
            .run(
                &(date_time.clone(), date_time),
                |((a, a_old), (b, b_old))| {
                    prop_assert_eq!(a == b, a_old == b_old, "{:?} {:?}", a_old, b_old);
                    prop_assert_eq!(
                        a.partial_cmp(&b),
                        a_old.partial_cmp(&b_old),
                        "{:?} {:?}",
                        a_old,
                        b_old
                    );
                    Ok(())
                },
            )
            .unwrap();
    }

    /// The sizes the typed model of a long invoice is built from.
    #[test]
    fn value_types_are_small() {
        use std::mem::size_of;
        assert_eq!(size_of::<Decimal>(), 16);
        assert_eq!(size_of::<Option<Decimal>>(), 16);
        assert!(size_of::<Integer>() <= 16);
        assert!(size_of::<Option<Integer>>() <= 16);
        assert_eq!(size_of::<Date>(), 8);
        assert_eq!(size_of::<Option<Date>>(), 8);
        assert_eq!(size_of::<DateTime>(), 16);
        assert_eq!(size_of::<Option<DateTime>>(), 16);
        // An invoice line, with its ten amounts and a date: 592 bytes when
        // each value held its text on the heap.
        assert!(size_of::<crate::model::FakturaFaFaWierszElementType>() <= 376);
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
