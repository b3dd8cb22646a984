//! Checking a character value against a simple type: whitespace, the
//! built-in lexical space and every facet of every derivation step.

use std::cmp::Ordering;
use std::fmt::Write as _;
use std::ops::Range;

use super::codes;
use super::generated::{PATTERN_DFAS, SIMPLE_TYPES};
use super::lexical::{self, Value};
use super::tables::{Builtin, Dfa, Facet, SimpleId, SimpleType, WhiteSpace};

/// One violated constraint of a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Violation {
    /// `FA3-XSD-*` code.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
}

/// The simple type with index `id` (a generated index is always in range;
/// the fallback only keeps this total).
pub(crate) fn simple_type(id: SimpleId) -> &'static SimpleType {
    SIMPLE_TYPES
        .get(usize::from(id))
        .unwrap_or(&SIMPLE_TYPES[0])
}

/// A value for messages: quoted, with long values shortened to their first
/// characters, `…` and their length in characters.
pub(crate) fn show(value: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::from("'");
    for (count, c) in value.chars().enumerate() {
        if count == MAX {
            let _ = write!(out, "…' ({} characters)", value.chars().count());
            return out;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn list(values: &[&str]) -> String {
    const MAX: usize = 12;
    let mut out = String::new();
    for (i, v) in values.iter().take(MAX).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(v);
    }
    if values.len() > MAX {
        let _ = write!(out, ", … ({} values)", values.len());
    }
    out
}

/// Checks `raw` (the element's or attribute's character data, after XML
/// end-of-line and attribute-value normalisation) against simple type `id`.
/// Returns true when the value is valid; violations are appended to `out`.
pub(crate) fn check(id: SimpleId, raw: &str, out: &mut Vec<Violation>) -> bool {
    let ty = simple_type(id);
    if !ty.members.is_empty() {
        return check_union(ty, raw, out);
    }
    let normalized = lexical::normalize(raw, ty.whitespace);
    // libxml2 hands the built-in parser the normalised value only when the
    // type has a pattern or enumeration somewhere in its chain; the decimal
    // and integer parsers trim whitespace themselves, the date parsers do not.
    let lexical_input: &str = if ty.prenormalize || !ty.builtin.is_date() {
        &normalized
    } else {
        raw
    };
    let Some(value) = lexical::parse_value(lexical_input, ty.builtin, ty.prenormalize) else {
        out.push(Violation {
            code: codes::LEXICAL,
            message: format!(
                "{} is not a valid {} value (type {})",
                show(&normalized),
                ty.builtin.name(),
                ty.name
            ),
        });
        return false;
    };
    let before = out.len();
    let mut length = None;
    for decl in ty.facets {
        if let Some(v) = check_facet(&decl.facet, decl.from, ty, &normalized, &value, &mut length) {
            out.push(v);
        }
    }
    out.len() == before
}

/// The facets of one simple type, merged across its derivation steps and
/// prepared once (bounds parsed, patterns resolved) for [`valid`].
pub(crate) struct Plan {
    ty: &'static SimpleType,
    /// Character length bounds (`length`, `minLength`, `maxLength`).
    length: Option<(usize, usize)>,
    patterns: Vec<&'static Dfa>,
    /// Enumerations, one per derivation step.
    enumerations: Vec<Enumeration>,
    total_digits: usize,
    fraction_digits: usize,
    /// Range facets with their parsed bounds.
    ranges: Vec<(Bound, Value<'static>)>,
    /// A facet could not be prepared: [`valid`] always says no.
    unusable: bool,
    /// The quick answer for the usual values of this type, if it has one.
    shortcut: Shortcut,
    /// Every pattern matches every string of the form `DDDD-DD-DD` (ASCII
    /// digits), which takes in every [`lexical::plain_date`].
    dates_match: bool,
    /// For [`Shortcut::Lengths`]: what decides a value whose length in
    /// bytes already settles the length facets.
    settled: Settled,
}

/// What a value of a [`Shortcut::Lengths`] type needs for its verdict when
/// its length in bytes settles the length facets (it lies between `hi`
/// and four times `lo`, as every character count of it then does): each
/// answer is that of [`valid_in_general`], without reading the value, or
/// after one pass of the patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Settled {
    /// Nothing: the type has no pattern, and its `whiteSpace` keeps the
    /// number of characters (`preserve`, `replace`) or its minimum length
    /// is 0: whatever normalisation leaves is within the bounds.
    Valid,
    /// A first byte that is not whitespace: the type has no pattern, its
    /// `whiteSpace` is `collapse` and its minimum length 1, and collapsing
    /// leaves at least that character (no byte above 0x20 is whitespace,
    /// nor part of a whitespace character).
    NonSpaceFirst,
    /// The patterns, on the value as written: under `whiteSpace="preserve"`
    /// the value is its own normal form.
    Patterns,
    /// The value in collapsed form ([`collapsed_chars_in`]).
    Collapsed,
}

/// A quick way to the verdict on the usual values of a simple type, each
/// giving exactly the answer of [`valid_in_general`] on the values it takes
/// (and leaving it the others).
enum Shortcut {
    None,
    /// A string type whose only facets are lengths and patterns (most text
    /// fields, identifiers such as NIP): a value in collapsed form
    /// ([`collapsed_chars_in`]) is its own normal form.
    Lengths,
    /// The literals of the type's own enumeration that [`check`] accepts,
    /// as sorted [`short_key`]s: a value written exactly as one of them is
    /// valid without parsing (codes, rates, yes/no choices).
    Accepted(Vec<u128>),
    /// An `xs:date` type with patterns and range facets whose bounds are
    /// written `YYYY-MM-DD`: a value in that form ([`lexical::plain_date`])
    /// is compared with the bounds byte by byte.
    Date(Vec<(Bound, [u8; 10])>),
    /// An `xs:dateTime` type with patterns and range facets whose bounds
    /// are written `YYYY-MM-DDThh:mm:ssZ`: a value in that form
    /// ([`lexical::plain_date_time`]) is compared with them byte by byte.
    DateTime(Vec<(Bound, [u8; 20])>),
    /// An `xs:decimal` type with patterns and digit facets only: a value
    /// written plainly has its digits counted in one pass
    /// ([`lexical::plain_decimal_digits`]).
    Decimal,
    /// A type derived from one of the integer built-ins, with patterns,
    /// digit and range facets only (line numbers, counts): a value written
    /// as ASCII digits alone is read without the general parser.
    Integer,
}

/// The comparison a range facet asks for.
#[derive(Clone, Copy)]
enum Bound {
    MinInclusive,
    MaxInclusive,
    MinExclusive,
    MaxExclusive,
}

impl Bound {
    fn of(facet: &Facet) -> Option<(Bound, &'static str)> {
        Some(match *facet {
            Facet::MinInclusive(lit) => (Bound::MinInclusive, lit),
            Facet::MaxInclusive(lit) => (Bound::MaxInclusive, lit),
            Facet::MinExclusive(lit) => (Bound::MinExclusive, lit),
            Facet::MaxExclusive(lit) => (Bound::MaxExclusive, lit),
            _ => return None,
        })
    }

    /// Whether a value that compares with the bound as `ord` satisfies it.
    fn holds(self, ord: Ordering) -> bool {
        match self {
            Bound::MinInclusive => ord != Ordering::Less,
            Bound::MaxInclusive => ord != Ordering::Greater,
            Bound::MinExclusive => ord == Ordering::Greater,
            Bound::MaxExclusive => ord == Ordering::Less,
        }
    }
}

impl Plan {
    fn new(id: SimpleId, ty: &'static SimpleType) -> Plan {
        let mut plan = Plan {
            ty,
            length: None,
            patterns: Vec::new(),
            enumerations: Vec::new(),
            total_digits: usize::MAX,
            fraction_digits: usize::MAX,
            ranges: Vec::new(),
            unusable: false,
            shortcut: Shortcut::None,
            dates_match: false,
            settled: Settled::Collapsed,
        };
        for decl in ty.facets {
            let (lo, hi) = plan.length.unwrap_or((0, usize::MAX));
            match &decl.facet {
                Facet::Length(n) => plan.length = Some((lo.max(*n as usize), hi.min(*n as usize))),
                Facet::MinLength(n) => plan.length = Some((lo.max(*n as usize), hi)),
                Facet::MaxLength(n) => plan.length = Some((lo, hi.min(*n as usize))),
                Facet::Pattern { regex, .. } => match PATTERN_DFAS.get(usize::from(*regex)) {
                    Some(dfa) => plan.patterns.push(dfa),
                    None => plan.unusable = true,
                },
                Facet::Enumeration(_, sorted) => plan.enumerations.push(Enumeration::new(sorted)),
                Facet::TotalDigits(n) => plan.total_digits = plan.total_digits.min(*n as usize),
                Facet::FractionDigits(n) => {
                    plan.fraction_digits = plan.fraction_digits.min(*n as usize);
                }
                Facet::MinInclusive(_)
                | Facet::MaxInclusive(_)
                | Facet::MinExclusive(_)
                | Facet::MaxExclusive(_) => {
                    match Bound::of(&decl.facet)
                        .and_then(|(b, lit)| Some((b, bound_value(lit, ty)?)))
                    {
                        Some(range) => plan.ranges.push(range),
                        None => plan.unusable = true,
                    }
                }
            }
        }
        plan.shortcut = plan.shortcut(id);
        plan.settled = plan.settled();
        let digit: &[u8] = b"0123456789";
        let dash: &[u8] = b"-";
        let date_form = [
            digit, digit, digit, digit, dash, digit, digit, dash, digit, digit,
        ];
        plan.dates_match = plan
            .patterns
            .iter()
            .all(|dfa| dfa.matches_every(&date_form));
        plan
    }

    fn shortcut(&self, id: SimpleId) -> Shortcut {
        let ty = self.ty;
        if let Some(Facet::Enumeration(_, sorted)) = ty.facets.first().map(|d| &d.facet) {
            let mut accepted: Vec<u128> = sorted
                .iter()
                .filter(|lit| check(id, lit, &mut Vec::new()))
                .filter_map(|lit| short_key(lit.as_bytes()))
                .collect();
            accepted.sort_unstable();
            return Shortcut::Accepted(accepted);
        }
        if !ty.members.is_empty() || self.unusable || !self.enumerations.is_empty() {
            return Shortcut::None;
        }
        match ty.builtin {
            Builtin::AnySimpleType
            | Builtin::String
            | Builtin::NormalizedString
            | Builtin::Token
                if self.ranges.is_empty() =>
            {
                Shortcut::Lengths
            }
            Builtin::Date if self.length.is_none() => {
                plain_bounds(ty, lexical::plain_date).map_or(Shortcut::None, Shortcut::Date)
            }
            Builtin::DateTime if self.length.is_none() => {
                plain_bounds(ty, lexical::plain_date_time)
                    .map_or(Shortcut::None, Shortcut::DateTime)
            }
            Builtin::Decimal if self.length.is_none() && self.ranges.is_empty() => {
                Shortcut::Decimal
            }
            Builtin::Integer
            | Builtin::NonNegativeInteger
            | Builtin::PositiveInteger
            | Builtin::NonPositiveInteger
            | Builtin::NegativeInteger
            | Builtin::Long
            | Builtin::Int
            | Builtin::Short
            | Builtin::Byte
            | Builtin::UnsignedLong
            | Builtin::UnsignedInt
            | Builtin::UnsignedShort
            | Builtin::UnsignedByte
                if self.length.is_none() =>
            {
                Shortcut::Integer
            }
            _ => Shortcut::None,
        }
    }

    /// [`Plan::settled`], from the type's patterns, `whiteSpace` and
    /// minimum length.
    fn settled(&self) -> Settled {
        let lo = self.length.map_or(0, |(lo, _)| lo);
        match self.ty.whitespace {
            WhiteSpace::Preserve if !self.patterns.is_empty() => Settled::Patterns,
            _ if !self.patterns.is_empty() => Settled::Collapsed,
            WhiteSpace::Preserve | WhiteSpace::Replace => Settled::Valid,
            WhiteSpace::Collapse if lo == 0 => Settled::Valid,
            WhiteSpace::Collapse if lo == 1 => Settled::NonSpaceFirst,
            WhiteSpace::Collapse => Settled::Collapsed,
        }
    }

    /// Whether `text` matches every pattern of the type.
    fn patterns_match(&self, text: &[u8]) -> bool {
        self.patterns.iter().all(|dfa| dfa.is_match(text))
    }
}

/// The range facets of `ty` with their bounds in the plain form `plain`
/// reads (whose values order as their bytes do); `None` when a bound is not
/// written so.
fn plain_bounds<const N: usize>(
    ty: &SimpleType,
    plain: fn(&[u8]) -> Option<&[u8; N]>,
) -> Option<Vec<(Bound, [u8; N])>> {
    ty.facets
        .iter()
        .filter_map(|decl| Bound::of(&decl.facet))
        .map(|(bound, lit)| Some((bound, *plain(lit.as_bytes())?)))
        .collect()
}

/// The literals of an enumeration facet, for exact lookup.
struct Enumeration {
    /// The literals as sorted integer keys, when every literal is at most
    /// eight bytes long (country, currency and code lists): a lookup
    /// compares integers instead of strings.
    keys: Option<Vec<u128>>,
    /// The literals, sorted.
    sorted: &'static [&'static str],
}

impl Enumeration {
    fn new(sorted: &'static [&'static str]) -> Self {
        let keys: Option<Vec<u128>> = sorted.iter().map(|l| short_key(l.as_bytes())).collect();
        let keys = keys.map(|mut k| {
            k.sort_unstable();
            k
        });
        Enumeration { keys, sorted }
    }

    fn contains(&self, text: &str) -> bool {
        match &self.keys {
            Some(keys) => {
                short_key(text.as_bytes()).is_some_and(|k| keys.binary_search(&k).is_ok())
            }
            None => self.sorted.binary_search(&text).is_ok(),
        }
    }
}

/// A string of at most eight bytes as an integer: its bytes, and its length
/// above them (so that no two strings share a key).
fn short_key(b: &[u8]) -> Option<u128> {
    if b.len() > 8 {
        return None;
    }
    let mut word = [0u8; 8];
    word.get_mut(..b.len())?.copy_from_slice(b);
    Some(u128::from(u64::from_le_bytes(word)) | (u128::from(b.len() as u64) << 64))
}

/// [`short_key`] of the value at `range` of `text`. The value is usually
/// followed by its end tag: its key is then one word of the text, masked
/// to its length.
#[allow(clippy::inline_always)]
#[inline(always)]
fn short_key_at(text: &[u8], range: Range<usize>) -> Option<u128> {
    let len = range.len();
    match text.get(range.start..range.start + 8) {
        Some(w) if len <= 8 => {
            let w = u64::from_le_bytes(w.try_into().unwrap_or_default());
            let bits = 8 * u32::try_from(len).unwrap_or(0);
            let mask = u64::MAX.checked_shr(64 - bits).unwrap_or(0);
            Some(u128::from(w & mask) | (u128::from(bits / 8) << 64))
        }
        _ => short_key(text.get(range)?),
    }
}

/// One [`Plan`] per entry of `SIMPLE_TYPES`, built on first use.
static PLANS: std::sync::LazyLock<Vec<Plan>> = std::sync::LazyLock::new(|| {
    SIMPLE_TYPES
        .iter()
        .enumerate()
        .map(|(i, ty)| Plan::new(SimpleId::try_from(i).unwrap_or(SimpleId::MAX), ty))
        .collect()
});

/// True when `raw` is valid for simple type `id`, answered without building
/// any message. Never more lenient than [`check`]: it may say no where
/// [`check`] would find the value valid (an enumeration matched only in the
/// value space, such as `01` for `1`), never the other way round. The fast
/// path uses it; a `false` sends the document to the full validator.
pub(crate) fn valid(id: SimpleId, raw: &str) -> bool {
    valid_in(&PLANS, id, raw)
}

/// Every simple type's [`Plan`], indexed by [`SimpleId`]: a caller checking
/// many values takes them once and uses [`valid_in`].
pub(crate) fn plans() -> &'static [Plan] {
    &PLANS
}

/// [`valid`], with the plans at hand.
pub(crate) fn valid_in(plans: &[Plan], id: SimpleId, raw: &str) -> bool {
    let Some(plan) = plans.get(usize::from(id)) else {
        return false;
    };
    match quick_verdict(plan, raw.as_bytes(), 0..raw.len()) {
        Some(verdict) => verdict,
        None => valid_in_general(plan, raw),
    }
}

/// [`valid_in`] for the value at `range` of `text` (a whole document, say,
/// valid UTF-8 with the value between ASCII delimiters): the quick answers
/// read its bytes, only the general check takes the value as a string.
// Inlined into its callers: the quick answers are short, and the call itself
// was a tenth of their cost (callgrind, 1.2 M instructions on the benchmark
// corpus).
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn valid_at(plans: &[Plan], id: SimpleId, text: &[u8], range: Range<usize>) -> bool {
    let Some(plan) = plans.get(usize::from(id)) else {
        return false;
    };
    match quick_verdict(plan, text, range.clone()) {
        Some(verdict) => verdict,
        None => text
            .get(range)
            .and_then(|raw| std::str::from_utf8(raw).ok())
            .is_some_and(|raw| valid_in_general(plan, raw)),
    }
}

/// The shortcuts' verdict on the value at `range` of `text`, `None` for a
/// value they leave to [`valid_in_general`].
#[allow(clippy::inline_always)]
#[inline(always)]
fn quick_verdict(plan: &Plan, text: &[u8], range: Range<usize>) -> Option<bool> {
    let raw = text.get(range.clone())?;
    match &plan.shortcut {
        Shortcut::None => {}
        Shortcut::Lengths => {
            // A value's length in characters lies between a quarter of its
            // length in bytes (rounded up) and that length: when both ends
            // fall within the bounds (the usual case), the value need only be
            // in collapsed form, and no character needs counting.
            let bytes = raw.len();
            let settled = plan
                .length
                .is_none_or(|(lo, hi)| lo <= bytes.div_ceil(4) && bytes <= hi);
            if settled {
                match plan.settled {
                    Settled::Valid => return Some(true),
                    Settled::NonSpaceFirst if raw.first().is_some_and(|&c| c > b' ') => {
                        return Some(true);
                    }
                    Settled::Patterns => return Some(plan.patterns_match(raw)),
                    Settled::NonSpaceFirst | Settled::Collapsed => {}
                }
            }
            let chars = if settled {
                collapsed_chars_in::<false>(text, range)
            } else {
                collapsed_chars_in::<true>(text, range)
            };
            if let Some(chars) = chars {
                // Text already in collapsed form is its own normal form under
                // every `whiteSpace` value.
                return Some(
                    plan.length
                        .is_none_or(|(lo, hi)| lo <= chars && chars <= hi)
                        && (plan.patterns.is_empty() || plan.patterns_match(raw)),
                );
            }
        }
        Shortcut::Accepted(accepted) => {
            // Most lists are short (yes/no choices, a few codes): a linear
            // search is then quicker than a binary one.
            if let Some(key) = short_key_at(text, range)
                && (if accepted.len() <= 8 {
                    accepted.contains(&key)
                } else {
                    accepted.binary_search(&key).is_ok()
                })
            {
                return Some(true);
            }
        }
        Shortcut::Date(bounds) => {
            if let Some(date) = lexical::plain_date(raw) {
                return Some(
                    (plan.dates_match || plan.patterns_match(date))
                        && bounds
                            .iter()
                            .all(|(bound, limit)| bound.holds(date.cmp(limit))),
                );
            }
        }
        Shortcut::DateTime(bounds) => {
            if let Some(value) = lexical::plain_date_time(raw) {
                return Some(
                    plan.patterns_match(value)
                        && bounds
                            .iter()
                            .all(|(bound, limit)| bound.holds(value.cmp(limit))),
                );
            }
        }
        Shortcut::Decimal => {
            if let Some((total, fraction)) = lexical::plain_decimal_digits(raw) {
                return Some(
                    total <= plan.total_digits
                        && fraction <= plan.fraction_digits
                        && plan.patterns_match(raw),
                );
            }
        }
        Shortcut::Integer => {
            if let Some(int) = lexical::plain_digits(raw) {
                // As the general check reads it: no sign, no whitespace, the
                // digits without their leading zeros.
                let Some(value) = lexical::integer_in_range(false, int, plan.ty.builtin) else {
                    return Some(false);
                };
                let value = Value::Dec(value);
                return Some(
                    int.len() <= plan.total_digits
                        && plan.patterns_match(raw)
                        && plan.ranges.iter().all(|(bound, limit)| {
                            lexical::compare(&value, limit).is_some_and(|ord| bound.holds(ord))
                        }),
                );
            }
        }
    }
    None
}

/// The number of characters of `text` (valid UTF-8) when it is in collapsed
/// form: not empty, single spaces between words, none at either end, no
/// tab, line break or other character below U+0021. Eight bytes at a time.
#[cfg(test)]
fn collapsed_chars(text: &[u8]) -> Option<usize> {
    collapsed_chars_in::<true>(text, 0..text.len())
}

/// [`collapsed_chars`] of the value at `range` of `doc`. The last, partial
/// word is read from `doc` when it has eight bytes there (the value's end
/// tag follows it), its bytes past the value replaced by a letter, which is
/// neither a space, a control character nor a continuation byte: no byte
/// loop for the tail. Without `COUNT`, the characters are not counted: the
/// answer is then the length in bytes, for a caller that only needs to
/// know that the value is in collapsed form.
fn collapsed_chars_in<const COUNT: bool>(doc: &[u8], range: Range<usize>) -> Option<usize> {
    const LETTERS: u64 = 0x6161_6161_6161_6161;
    let text = doc.get(range.clone())?;
    if text.first().is_none_or(|&c| c <= b' ') || text.last().is_none_or(|&c| c <= b' ') {
        return None;
    }
    let mut continuation = 0usize;
    let mut space_before = false;
    let (words, tail) = text.as_chunks::<8>();
    for w in words {
        if !collapsed_word::<COUNT>(u64::from_le_bytes(*w), &mut space_before, &mut continuation) {
            return None;
        }
    }
    if !tail.is_empty() {
        let at = range.start + 8 * words.len();
        let keep = u64::MAX >> (64 - 8 * tail.len());
        let x = if let Some(w) = doc.get(at..).and_then(<[u8]>::first_chunk::<8>) {
            (u64::from_le_bytes(*w) & keep) | (LETTERS & !keep)
        } else {
            let mut padded = [b'a'; 8];
            for (to, &b) in padded.iter_mut().zip(tail) {
                *to = b;
            }
            u64::from_le_bytes(padded)
        };
        if !collapsed_word::<COUNT>(x, &mut space_before, &mut continuation) {
            return None;
        }
    }
    Some(text.len() - continuation)
}

/// One word of [`collapsed_chars_in`]: false when it breaks the collapsed
/// form; else notes whether it ends in a space and counts its continuation
/// bytes.
#[allow(clippy::inline_always)]
#[inline(always)]
fn collapsed_word<const COUNT: bool>(
    x: u64,
    space_before: &mut bool,
    continuation: &mut usize,
) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const SPACES: u64 = 0x2020_2020_2020_2020;
    // High bit of each byte at or below 0x20, and of each space.
    let low = !((((x & LOW7) + 0x5F5F_5F5F_5F5F_5F5F) | x) & HIGH) & HIGH;
    let y = x ^ SPACES;
    let space = !(((y & LOW7) + LOW7) | y | LOW7);
    if low != space || space & (space >> 8) != 0 || (*space_before && space & 0x80 != 0) {
        return false;
    }
    *space_before = space >> 56 != 0;
    // Continuation bytes (10xxxxxx), counted by a multiplication that adds
    // the eight one-bit bytes into the top byte (the baseline x86-64 target
    // has no popcount instruction).
    if COUNT {
        let marks = (x & !(x << 1) & HIGH) >> 7;
        *continuation += (marks.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
    }
    true
}

/// [`valid`] for the values its shortcuts leave: parsed, then every facet
/// in turn. Kept out of line, so that the shortcuts stay a short call.
#[inline(never)]
fn valid_in_general(plan: &Plan, raw: &str) -> bool {
    let ty = plan.ty;
    if !ty.members.is_empty() {
        return ty.members.iter().any(|&m| valid(m, raw));
    }
    if plan.unusable {
        return false;
    }
    // A value without whitespace is already normal under every facet value.
    let normalized = if raw.bytes().any(|c| c <= b' ') {
        lexical::normalize(raw, ty.whitespace)
    } else {
        std::borrow::Cow::Borrowed(raw)
    };
    let text: &str = &normalized;
    let value = match ty.builtin {
        Builtin::AnySimpleType | Builtin::String | Builtin::NormalizedString | Builtin::Token => {
            Value::Str(text)
        }
        Builtin::Decimal => match lexical::parse_decimal(text) {
            Some(d) => Value::Dec(d),
            None => return false,
        },
        builtin => {
            let input = if ty.prenormalize || !builtin.is_date() {
                text
            } else {
                raw
            };
            match lexical::parse_value(input, builtin, ty.prenormalize) {
                Some(v) => v,
                None => return false,
            }
        }
    };
    if let Some((lo, hi)) = plan.length {
        let len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        if len < lo || len > hi {
            return false;
        }
    }
    for dfa in &plan.patterns {
        if !dfa.is_match(text.as_bytes()) {
            return false;
        }
    }
    for e in &plan.enumerations {
        if !e.contains(text) {
            return false;
        }
    }
    if let Value::Dec(d) = &value
        && (d.total_digits() > plan.total_digits || d.fraction_digits() > plan.fraction_digits)
    {
        return false;
    }
    // An indeterminate order (`None`) fails every range facet.
    plan.ranges
        .iter()
        .all(|(bound, limit)| lexical::compare(&value, limit).is_some_and(|ord| bound.holds(ord)))
}

fn check_union(ty: &SimpleType, raw: &str, out: &mut Vec<Violation>) -> bool {
    let mut failures: Vec<Violation> = Vec::new();
    for &member in ty.members {
        let mut v = Vec::new();
        if check(member, raw, &mut v) {
            return true;
        }
        failures.extend(v.into_iter().take(1));
    }
    let code = match failures.first() {
        Some(first) if failures.iter().all(|f| f.code == first.code) => first.code,
        _ => codes::LEXICAL,
    };
    let reasons: Vec<&str> = failures.iter().map(|f| f.message.as_str()).collect();
    out.push(Violation {
        code,
        message: format!(
            "{} is not valid for any member type of union {}: {}",
            show(raw),
            ty.name,
            reasons.join("; ")
        ),
    });
    false
}

fn bound_value<'b>(literal: &'b str, ty: &SimpleType) -> Option<Value<'b>> {
    lexical::parse_value(literal, ty.builtin, true)
}

/// Value-space equality with a schema literal (enumeration, fixed).
pub(crate) fn equals_literal(id: SimpleId, value_raw: &str, literal: &str) -> bool {
    let ty = simple_type(id);
    // A value written exactly as the literal of a string type (the usual
    // fixed attribute) is equal to it: both normalise alike, and strings
    // compare by their characters.
    if value_raw == literal
        && ty.members.is_empty()
        && matches!(
            ty.builtin,
            Builtin::AnySimpleType | Builtin::String | Builtin::NormalizedString | Builtin::Token
        )
    {
        return true;
    }
    if !ty.members.is_empty() {
        return ty
            .members
            .iter()
            .any(|&m| equals_literal(m, value_raw, literal));
    }
    let v = lexical::normalize(value_raw, ty.whitespace);
    let l = lexical::normalize(literal, ty.whitespace);
    match (
        lexical::parse_value(&v, ty.builtin, true),
        lexical::parse_value(&l, ty.builtin, true),
    ) {
        (Some(a), Some(b)) => lexical::compare(&a, &b) == Some(Ordering::Equal),
        _ => v == l,
    }
}

fn check_facet(
    facet: &Facet,
    from: &str,
    ty: &SimpleType,
    text: &str,
    value: &Value<'_>,
    length: &mut Option<usize>,
) -> Option<Violation> {
    match facet {
        Facet::Length(n) | Facet::MinLength(n) | Facet::MaxLength(n) => {
            let len = *length.get_or_insert_with(|| {
                if text.is_ascii() {
                    text.len()
                } else {
                    text.chars().count()
                }
            });
            let n = *n as usize;
            let (ok, what) = match facet {
                Facet::Length(_) => (len == n, "exactly"),
                Facet::MinLength(_) => (len >= n, "at least"),
                _ => (len <= n, "at most"),
            };
            (!ok).then(|| Violation {
                code: codes::LENGTH,
                message: format!(
                    "value {} has {len} character{}; {from} requires {what} {n}",
                    show(text),
                    if len == 1 { "" } else { "s" }
                ),
            })
        }
        Facet::Pattern { regex, source } => {
            let matched = PATTERN_DFAS
                .get(usize::from(*regex))
                .is_none_or(|dfa| dfa.is_match(text.as_bytes()));
            (!matched).then(|| Violation {
                code: codes::PATTERN,
                message: format!(
                    "value {} does not match the pattern {source} of {from}",
                    show(text)
                ),
            })
        }
        Facet::Enumeration(values, sorted) => {
            // Literal equality first (the usual case, and the only one for
            // strings whose literals are already normalised); value-space
            // equality (`01` = `1`) only when that fails.
            let found = sorted.binary_search(&text).is_ok()
                || values.iter().any(|lit| {
                    let l = lexical::normalize(lit, ty.whitespace);
                    match bound_value(&l, ty) {
                        Some(b) => lexical::compare(value, &b) == Some(Ordering::Equal),
                        None => text == l,
                    }
                });
            (!found).then(|| Violation {
                code: codes::ENUMERATION,
                message: format!(
                    "value {} is not one of the values allowed by {from}: {}",
                    show(text),
                    list(values)
                ),
            })
        }
        Facet::TotalDigits(n) | Facet::FractionDigits(n) => {
            let Value::Dec(d) = value else {
                return None;
            };
            let n = *n as usize;
            let (count, what) = if matches!(facet, Facet::TotalDigits(_)) {
                (d.total_digits(), "digits")
            } else {
                (d.fraction_digits(), "fraction digits")
            };
            (count > n).then(|| Violation {
                code: codes::DIGITS,
                message: format!(
                    "value {} has {count} {what}; {from} allows at most {n}",
                    show(text)
                ),
            })
        }
        Facet::MinInclusive(lit)
        | Facet::MaxInclusive(lit)
        | Facet::MinExclusive(lit)
        | Facet::MaxExclusive(lit) => check_range(facet, lit, from, ty, text, value),
    }
}

fn check_range(
    facet: &Facet,
    lit: &str,
    from: &str,
    ty: &SimpleType,
    text: &str,
    value: &Value<'_>,
) -> Option<Violation> {
    let bound = bound_value(lit, ty)?;
    let ord = lexical::compare(value, &bound);
    let (ok, relation) = match facet {
        Facet::MinInclusive(_) => (
            matches!(ord, Some(Ordering::Greater | Ordering::Equal)),
            "at least",
        ),
        Facet::MaxInclusive(_) => (
            matches!(ord, Some(Ordering::Less | Ordering::Equal)),
            "at most",
        ),
        Facet::MinExclusive(_) => (ord == Some(Ordering::Greater), "greater than"),
        _ => (ord == Some(Ordering::Less), "less than"),
    };
    (!ok).then(|| Violation {
        code: codes::RANGE,
        message: if ord.is_none() {
            format!(
                "value {} cannot be ordered against {lit} (a time without a zone is indeterminate against one with a zone); {from} requires a value {relation} {lit}",
                show(text)
            )
        } else {
            format!("value {} must be {relation} {lit} ({from})", show(text))
        },
    })
}

#[cfg(test)]
mod tests {
    use super::super::generated::{NAMED_TYPES, PATTERN_REGEXES, SIMPLE_TYPES};
    use super::super::tables::TypeRef;
    use super::*;

    /// The word-at-a-time collapsed-form test agrees with a byte loop.
    #[test]
    fn collapsed_chars_agrees_with_a_byte_loop() {
        fn reference(text: &str) -> Option<usize> {
            let collapsed = !text.is_empty()
                && !text.starts_with(' ')
                && !text.ends_with(' ')
                && !text.contains("  ")
                && text.chars().all(|c| c >= ' ');
            collapsed.then(|| text.chars().count())
        }
        let alphabet = [
            " ", "a", "Z", "\t", "\n", "\r", "\u{1}", "ż", "€", "😀", "  ", ".", "\u{7f}",
        ];
        let mut seed = 11u64;
        for _ in 0..50_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = usize::try_from(seed >> 59).unwrap_or(0)
                + usize::try_from((seed >> 32) % 11).unwrap_or(0);
            let text: String = (0..len)
                .map(|k| {
                    let pick = usize::try_from((seed >> (k % 48)) % 97).unwrap_or(0) + k * 5;
                    alphabet[pick % alphabet.len()]
                })
                .collect();
            assert_eq!(
                collapsed_chars(text.as_bytes()),
                reference(&text),
                "{text:?}"
            );
            // Inside a document: the last word is read past the value.
            for (before, after) in [("<a>", "</a>"), ("", "\u{1} \t  ż"), ("x", "")] {
                let doc = format!("{before}{text}{after}");
                let range = before.len()..before.len() + text.len();
                assert_eq!(
                    collapsed_chars_in::<true>(doc.as_bytes(), range.clone()),
                    reference(&text),
                    "{text:?} in {doc:?}"
                );
                assert_eq!(
                    collapsed_chars_in::<false>(doc.as_bytes(), range),
                    reference(&text).map(|_| text.len()),
                    "{text:?} in {doc:?}"
                );
            }
        }
    }

    /// Every plan's quick verdict, where it gives one, on a value alone and
    /// inside a document.
    fn quick_verdicts(value: &str) -> Vec<(usize, Option<bool>)> {
        let doc = format!("<V>{value}</V>");
        plans()
            .iter()
            .enumerate()
            .map(|(i, plan)| {
                let alone = quick_verdict(plan, value.as_bytes(), 0..value.len());
                let inside = quick_verdict(plan, doc.as_bytes(), 3..3 + value.len());
                assert_eq!(alone, inside, "{} {value:?}", plan.ty.name);
                (i, alone)
            })
            .collect()
    }

    proptest::proptest! {
        /// The shortcuts' verdicts (those of values whose byte length
        /// settles the length facets among them) are the general check's,
        /// on text of every kind: whitespace at the ends and in runs,
        /// multi-byte characters, values around every length bound, and
        /// digit strings that the identifiers' patterns take.
        #[test]
        fn quick_verdicts_agree_with_the_general_check(
            parts in proptest::prop_oneof![
                proptest::collection::vec(
                    proptest::sample::select(vec![" ", "\t", "\n", "a", "ż"]),
                    0..6,
                ),
                proptest::collection::vec(
                    proptest::sample::select(vec![
                        " ", "  ", "\t", "\n", "a", "Z", "ż", "€", "😀", "-", ".", "@", "0", "1", "9",
                    ]),
                    0..300,
                ),
                proptest::collection::vec(
                    proptest::sample::select(vec!["0", "1", "5", "9", "A", "Z", " ", "-", ".", "/"]),
                    0..40,
                ),
            ]
        ) {
            let value = parts.concat();
            for (i, quick) in quick_verdicts(&value) {
                let plan = &plans()[i];
                let Some(quick) = quick else { continue };
                if matches!(plan.shortcut, Shortcut::Accepted(_)) {
                    proptest::prop_assert!(!quick || valid_in_general(plan, &value));
                } else {
                    proptest::prop_assert_eq!(
                        quick,
                        valid_in_general(plan, &value),
                        "{} {:?}",
                        plan.ty.name,
                        value
                    );
                }
            }
        }
    }

    /// The verdicts of settled lengths are reached: text types take values
    /// without a scan, and identifiers without whitespace handling are
    /// decided by their patterns alone.
    #[test]
    fn settled_lengths_are_reached() {
        let kinds: Vec<Settled> = plans()
            .iter()
            .filter(|p| matches!(p.shortcut, Shortcut::Lengths))
            .map(|p| p.settled)
            .collect();
        for kind in [
            Settled::Valid,
            Settled::NonSpaceFirst,
            Settled::Patterns,
            Settled::Collapsed,
        ] {
            assert!(kinds.contains(&kind), "{kind:?}");
        }
        let nip = &plans()[usize::from(named("TNrNIP"))];
        assert_eq!(nip.settled, Settled::Patterns);
        assert_eq!(
            quick_verdict(nip, b"9999999999", 0..10),
            Some(valid_in_general(nip, "9999999999"))
        );
        let text = &plans()[usize::from(named("TZnakowy"))];
        assert_eq!(text.settled, Settled::NonSpaceFirst);
        assert_eq!(quick_verdict(text, b"a  b", 0..4), Some(true));
        assert_eq!(quick_verdict(text, b"   ", 0..3), None);
        assert!(!valid_in_general(text, "   "));
    }

    /// Every shortcut gives the general answer on the values it takes, for
    /// every simple type, and `valid` never accepts what `check` rejects.
    #[test]
    fn shortcuts_agree_with_the_general_check() {
        let mut probes: Vec<String> = [
            "2026-02-28",
            "2024-02-29",
            "2023-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "0999-12-31",
            "1000-01-01",
            "9999-12-31",
            "2006-01-01",
            "2005-12-31",
            "2050-01-01",
            "2026-1-01",
            "2026-01-01Z",
            " 2026-01-01",
            "2026/01/01",
            "2026-02-01T00:00:00Z",
            "2025-09-01T00:00:00Z",
            "2025-08-31T23:59:59Z",
            "2050-01-01T23:59:59Z",
            "2050-01-02T00:00:00Z",
            "2026-02-01T24:00:00Z",
            "2026-02-30T10:00:00Z",
            "2026-02-01T10:00:00",
            "2026-02-01T10:00:00+01:00",
            "2026-02-01T10:00:00.5Z",
            "0",
            "-0",
            "0.00",
            "-0.00",
            "1",
            "12.3",
            "123.45",
            "1.234",
            "1.2300",
            "001.10",
            "1234567890123456.78",
            "12345678901234567.8",
            "123456789012345678",
            "1234567890123456789",
            "1.",
            ".5",
            "+1",
            " 1",
            "1 ",
            "-",
            "1e3",
            "0.000001",
            "100000000000000000000000",
            "1000000000000000000000000",
            "1.0000000000000000000000000",
            "1,5",
            "",
            "a",
            "PL",
            "T",
            "1 2",
            "zażółć",
            "abc  def",
            "9999999999",
            "1111111111",
            "0123456789",
            "1234567890123",
            "abc@abc.pl",
            "a@",
            "@b",
            "a @b.pl",
            "a@b\tc",
            "9999999999-20230908-8BEF280C8D35-4D",
            "9999999999-20230908-8bef280c8d35-4d",
            "999999999",
            "12345678901234",
            "0000099999",
            "PL1234567890",
            "DE 123456789",
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        for ty in SIMPLE_TYPES {
            for decl in ty.facets {
                match decl.facet {
                    Facet::Enumeration(values, _) => {
                        probes.extend(values.iter().map(|v| (*v).to_string()));
                    }
                    Facet::MinInclusive(lit)
                    | Facet::MaxInclusive(lit)
                    | Facet::MinExclusive(lit)
                    | Facet::MaxExclusive(lit) => probes.push(lit.to_string()),
                    _ => {}
                }
            }
        }
        let plans = plans();
        let mut taken = 0;
        let mut patterned = 0;
        for (i, plan) in plans.iter().enumerate() {
            let id = SimpleId::try_from(i).unwrap();
            for value in &probes {
                let quick = valid_in(plans, id, value);
                let general = valid_in_general(plan, value);
                // Inside a document, followed by its end tag.
                let text = format!("<V>{value}</V>");
                let at = valid_at(plans, id, text.as_bytes(), 3..3 + value.len());
                assert_eq!(at, quick, "{} {value:?} in a document", plan.ty.name);
                assert_eq!(
                    short_key_at(text.as_bytes(), 3..3 + value.len()),
                    short_key(value.as_bytes()),
                    "{value:?}"
                );
                if !matches!(plan.shortcut, Shortcut::Accepted(_)) {
                    assert_eq!(quick, general, "{} {value:?}", plan.ty.name);
                }
                if quick {
                    assert!(
                        check(id, value, &mut Vec::new()),
                        "{} {value:?}",
                        plan.ty.name
                    );
                }
                if matches!(
                    plan.shortcut,
                    Shortcut::Date(_)
                        | Shortcut::DateTime(_)
                        | Shortcut::Decimal
                        | Shortcut::Integer
                ) && quick
                {
                    taken += 1;
                }
                if matches!(plan.shortcut, Shortcut::Lengths) && !plan.patterns.is_empty() {
                    patterned += usize::from(quick);
                }
            }
        }
        // The probes do reach the date and decimal shortcuts, and values
        // matching the patterns of string types.
        assert!(taken > 20, "{taken}");
        assert!(patterned > 10, "{patterned}");
    }

    /// `Dfa::matches_every` on the date form: every pattern it clears
    /// matches random strings of that form, and the date types' patterns
    /// are among those it clears.
    #[test]
    fn date_form_is_matched_as_the_automata_say() {
        let digit: &[u8] = b"0123456789";
        let dash: &[u8] = b"-";
        let form = [
            digit, digit, digit, digit, dash, digit, digit, dash, digit, digit,
        ];
        let mut seed = 5u64;
        let mut cleared = 0;
        for dfa in &PATTERN_DFAS {
            if !dfa.matches_every(&form) {
                continue;
            }
            cleared += 1;
            for _ in 0..500 {
                let s: Vec<u8> = form
                    .iter()
                    .map(|allowed| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        allowed[usize::try_from(seed >> 33).unwrap() % allowed.len()]
                    })
                    .collect();
                assert!(dfa.is_match(&s), "{:?}", String::from_utf8_lossy(&s));
            }
        }
        assert!(cleared > 0);
        assert!(
            plans()
                .iter()
                .any(|p| p.dates_match && !p.patterns.is_empty())
        );
        // A pattern that refuses some string of the form is not cleared.
        for dfa in &PATTERN_DFAS {
            if !dfa.is_match(b"0000-00-00") || !dfa.is_match(b"9999-19-39") {
                assert!(!dfa.matches_every(&form));
            }
        }
    }

    fn named(name: &str) -> SimpleId {
        NAMED_TYPES
            .iter()
            .find_map(|t| match t.ty {
                TypeRef::Simple(id) if t.name == name => Some(id),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no simple type {name}"))
    }

    fn codes_of(ty: &str, value: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        check(named(ty), value, &mut out);
        out.iter().map(|v| v.code).collect()
    }

    #[test]
    fn every_schema_literal_parses_in_its_type() {
        for ty in SIMPLE_TYPES {
            for decl in ty.facets {
                let lits: Vec<&str> = match &decl.facet {
                    Facet::Enumeration(v, _) => v.to_vec(),
                    Facet::MinInclusive(l)
                    | Facet::MaxInclusive(l)
                    | Facet::MinExclusive(l)
                    | Facet::MaxExclusive(l) => vec![*l],
                    _ => vec![],
                };
                for lit in lits {
                    assert!(
                        lexical::parse_value(lit, ty.builtin, true).is_some(),
                        "{lit} of {} is not a valid {}",
                        ty.name,
                        ty.builtin.name()
                    );
                }
            }
        }
        assert_eq!(PATTERN_DFAS.len(), PATTERN_REGEXES.len());
    }

    /// The build-time automata accept exactly what the regex crate accepts
    /// for the same translated pattern: strings generated from each pattern
    /// and their one-character edits.
    #[test]
    fn pattern_automata_agree_with_the_regex_crate() {
        use proptest::strategy::{Strategy, ValueTree};
        use proptest::test_runner::TestRunner;
        let extra = [
            '0',
            '9',
            'a',
            'Z',
            '-',
            '.',
            ' ',
            '\n',
            '@',
            '/',
            '?',
            '&',
            'ż',
            '٣',
            '\u{10000}',
        ];
        let mut runner = TestRunner::deterministic();
        let mut checked = 0usize;
        for (i, source) in PATTERN_REGEXES.iter().enumerate() {
            let re = regex::Regex::new(source).unwrap();
            let dfa = &PATTERN_DFAS[i];
            let body = source
                .strip_prefix("\\A")
                .and_then(|s| s.strip_suffix("\\z"))
                .unwrap();
            let strategy = proptest::string::string_regex(body).unwrap();
            for _ in 0..200 {
                let value = strategy.new_tree(&mut runner).unwrap().current();
                let mut variants = vec![value.clone(), String::new()];
                let chars: Vec<char> = value.chars().collect();
                for (k, c) in extra.iter().enumerate() {
                    let at = if chars.is_empty() {
                        0
                    } else {
                        k % (chars.len() + 1)
                    };
                    let mut inserted = chars.clone();
                    inserted.insert(at, *c);
                    variants.push(inserted.iter().collect());
                    if at < chars.len() {
                        let mut replaced = chars.clone();
                        replaced[at] = *c;
                        variants.push(replaced.iter().collect());
                        let mut removed = chars.clone();
                        removed.remove(at);
                        variants.push(removed.iter().collect());
                    }
                }
                for v in &variants {
                    assert_eq!(
                        dfa.is_match(v.as_bytes()),
                        re.is_match(v),
                        "pattern {i} {source:?} on {v:?}"
                    );
                    checked += 1;
                }
                assert!(
                    dfa.is_match(value.as_bytes()),
                    "pattern {i} rejects {value:?}"
                );
            }
        }
        assert!(checked > 10_000);
    }

    /// `valid` never accepts what `check` rejects, and agrees with it on
    /// the schema's own literals and on everyday values.
    #[test]
    fn valid_is_never_more_lenient_than_check() {
        let mut samples: Vec<String> = [
            "",
            " ",
            "0",
            "1",
            "01",
            "-1",
            "+1",
            "1.5",
            "1.50",
            "-0.00",
            "100",
            "100.0000001",
            "12345678901234567890123",
            "1e5",
            "abc",
            " abc ",
            "a  b",
            "PL",
            "DE",
            "pl",
            "EUR",
            "2026-02-01",
            " 2026-02-01",
            "2026-02-01 ",
            "2026-02-30",
            "2005-12-31",
            "2026-02-01T10:00:00Z",
            "2026-02-01T10:00:00",
            "2026-02-01T10:00:00+01:00",
            "2021-10-01T00:00:00",
            "9999999999",
            "5265877635",
            "123456789",
            "12345678901234",
            "PL9999999999",
            "true",
            "false",
            "1-0E",
            "FA (3)",
            "VAT",
            "KOR",
            "x@y.pl",
            "\t1\n",
            "٣",
            "ż",
            "FV/2026/02/001",
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        for ty in SIMPLE_TYPES {
            for decl in ty.facets {
                match &decl.facet {
                    Facet::Enumeration(v, _) => samples.extend(v.iter().map(ToString::to_string)),
                    Facet::MinInclusive(l)
                    | Facet::MaxInclusive(l)
                    | Facet::MinExclusive(l)
                    | Facet::MaxExclusive(l) => samples.push((*l).to_string()),
                    Facet::MaxLength(n) | Facet::Length(n) => {
                        samples.push("1".repeat(*n as usize));
                        samples.push("ż".repeat(*n as usize + 1));
                    }
                    _ => {}
                }
            }
        }
        let (mut both, mut agree) = (0usize, 0usize);
        for id in 0..SIMPLE_TYPES.len() {
            let id = SimpleId::try_from(id).unwrap();
            for v in &samples {
                let full = check(id, v, &mut Vec::new());
                let fast = valid(id, v);
                assert!(
                    !fast || full,
                    "type {} value {v:?}: valid says yes, check says no",
                    simple_type(id).name
                );
                both += 1;
                agree += usize::from(fast == full);
            }
        }
        // Only value-space enumeration matches (`01` for `1`) may differ.
        assert!(agree * 100 >= both * 99, "{agree} of {both}");
    }

    #[test]
    fn length_counts_characters_after_collapse() {
        let ok = "ż".repeat(256);
        assert!(codes_of("TZnakowy", &ok).is_empty());
        assert_eq!(codes_of("TZnakowy", &"ż".repeat(257)), vec![codes::LENGTH]);
        // Collapsing makes a padded value fit.
        assert!(codes_of("TZnakowy", &format!("  {ok}  ")).is_empty());
        assert_eq!(codes_of("TZnakowy", "   "), vec![codes::LENGTH]);
        assert_eq!(codes_of("TNrRB", "123456789"), vec![codes::LENGTH]);
    }

    #[test]
    fn patterns_of_every_step_must_match() {
        assert!(codes_of("TNrNIP", "9999999999").is_empty());
        assert_eq!(codes_of("TNrNIP", " 9999999999"), vec![codes::PATTERN]);
        // TNIPIdWew: pattern AND the lengths of TZnakowy20.
        assert!(codes_of("TNIPIdWew", "5265877635-00001").is_empty());
        assert_eq!(
            codes_of("TNIPIdWew", "5265877635-0001"),
            vec![codes::PATTERN]
        );
        // TKodKrajuWydania: enumeration of TKodKraju AND one of its patterns.
        assert!(codes_of("TKodKrajuWydania", "DE").is_empty());
        assert_eq!(codes_of("TKodKrajuWydania", "PL"), vec![codes::PATTERN]);
        assert_eq!(codes_of("TKodKrajuWydania", "QQ"), vec![codes::ENUMERATION]);
    }

    #[test]
    fn enumerations_compare_values() {
        assert!(codes_of("TWybor1_2", " 02 ").is_empty());
        assert!(codes_of("TWybor1_2", "+1").is_empty());
        assert_eq!(codes_of("TWybor1_2", "3"), vec![codes::ENUMERATION]);
        assert_eq!(codes_of("TWybor1_2", "1.0"), vec![codes::LEXICAL]);
        assert_eq!(codes_of("TKodKraju", " PL"), vec![codes::ENUMERATION]);
        assert!(codes_of("TRodzajFaktury", " VAT ").is_empty());
    }

    #[test]
    fn digits_and_ranges() {
        assert!(codes_of("TKwotowy", "1234567890123456.99").is_empty());
        assert_eq!(codes_of("TKwotowy", "1.500"), vec![codes::PATTERN]);
        assert_eq!(codes_of("TProcentowy", "0.1234567"), vec![codes::DIGITS]);
        assert_eq!(
            codes_of("TProcentowy", "100.0000001"),
            vec![codes::DIGITS, codes::DIGITS, codes::RANGE]
        );
        assert!(codes_of("TProcentowy", "100.0000000").is_empty());
        assert_eq!(codes_of("TProcentowy", "-.5"), vec![codes::RANGE]);
        assert_eq!(codes_of("TNaturalny", "0"), vec![codes::RANGE]);
        assert_eq!(
            codes_of("TNaturalny", "100000000000000"),
            vec![codes::DIGITS]
        );
        assert_eq!(codes_of("TNaturalny", "-1"), vec![codes::LEXICAL]);
        assert!(codes_of("TDataT", " 2006-01-01 ").is_empty());
        assert_eq!(codes_of("TDataT", "2005-12-31"), vec![codes::RANGE]);
        assert_eq!(codes_of("TDataT", "2027-02-29"), vec![codes::LEXICAL]);
        assert_eq!(
            codes_of("TDataCzas", "2021-10-01T00:00:00"),
            vec![codes::RANGE]
        );
        assert!(codes_of("TDataCzas", "2021-10-01T14:00:00").is_empty());
    }

    #[test]
    fn unions_accept_any_member() {
        assert!(codes_of("TNrREGON", "123456789").is_empty());
        assert!(codes_of("TNrREGON", "12345678901234").is_empty());
        assert_eq!(codes_of("TNrREGON", "1234567890"), vec![codes::PATTERN]);
    }

    #[test]
    fn fixed_and_enumeration_equality() {
        assert!(equals_literal(named("TKodyKrajowUE"), "PL", "PL"));
        assert!(!equals_literal(named("TKodyKrajowUE"), "DE", "PL"));
        assert!(equals_literal(named("TWybor1"), "01", "1"));
    }
}
