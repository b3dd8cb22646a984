//! A tiny, panic-free matcher for the fixed-shape patterns that identifier
//! formats use (`U\d{8}`, `[A-Z]\d{7}[A-Z]`, `\d{9}|\d{12}`, ...).
//!
//! A pattern is a sequence of segments, each a character class with a
//! repetition range; an alternation is a slice of patterns. Matching is
//! anchored at both ends and backtracks over the repetition counts, which is
//! cheap because the patterns are short and the inputs are at most a few
//! dozen bytes (longer inputs are rejected before matching).

use std::fmt;

/// A character class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// `\d` (ASCII only).
    Digit,
    /// `[A-Z]`.
    Upper,
    /// `[A-Z0-9]`.
    UpperDigit,
    /// `[A-Z0-9+*]`.
    UpperDigitPlusStar,
    /// One literal ASCII character.
    Lit(u8),
}

impl Class {
    fn matches(self, b: u8) -> bool {
        match self {
            Class::Digit => b.is_ascii_digit(),
            Class::Upper => b.is_ascii_uppercase(),
            Class::UpperDigit => b.is_ascii_uppercase() || b.is_ascii_digit(),
            Class::UpperDigitPlusStar => {
                b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'+' || b == b'*'
            }
            Class::Lit(l) => b == l,
        }
    }
}

impl fmt::Display for Class {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Class::Digit => f.write_str("\\d"),
            Class::Upper => f.write_str("[A-Z]"),
            Class::UpperDigit => f.write_str("[A-Z0-9]"),
            Class::UpperDigitPlusStar => f.write_str("[A-Z0-9+*]"),
            Class::Lit(l) => write!(f, "{}", char::from(*l)),
        }
    }
}

/// A class repeated `min..=max` times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Seg {
    pub(crate) class: Class,
    pub(crate) min: usize,
    pub(crate) max: usize,
}

/// `class{n}`.
pub(crate) const fn n(class: Class, count: usize) -> Seg {
    Seg {
        class,
        min: count,
        max: count,
    }
}

/// `class{min,max}`.
pub(crate) const fn range(class: Class, min: usize, max: usize) -> Seg {
    Seg { class, min, max }
}

/// One alternative: segments matched in order.
pub(crate) type Pattern = &'static [Seg];

/// True when the whole of `s` matches `segs`.
pub(crate) fn matches(segs: &[Seg], s: &[u8]) -> bool {
    let Some((seg, rest)) = segs.split_first() else {
        return s.is_empty();
    };
    let max = seg.max.min(s.len());
    // Longest first: the patterns put variable segments last, so this finds a
    // match without backtracking in practice.
    (seg.min..=max).rev().any(|count| {
        s.split_at_checked(count).is_some_and(|(head, tail)| {
            head.iter().all(|&b| seg.class.matches(b)) && matches(rest, tail)
        })
    })
}

/// True when the whole of `s` matches any of `alternatives`.
pub(crate) fn matches_any(alternatives: &[Pattern], s: &[u8]) -> bool {
    alternatives.iter().any(|p| matches(p, s))
}

/// Renders alternatives in regex notation, e.g. `\d{9}|\d{12}`.
pub(crate) struct Display<'a>(pub(crate) &'a [Pattern]);

impl fmt::Display for Display<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, alt) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("|")?;
            }
            for seg in *alt {
                write!(f, "{}", seg.class)?;
                match (seg.min, seg.max) {
                    (1, 1) => {}
                    (a, b) if a == b => write!(f, "{{{a}}}")?,
                    (a, b) => write!(f, "{{{a},{b}}}")?,
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Class::{Digit, Lit, Upper, UpperDigit};
    use super::*;

    const AT: &[Pattern] = &[&[n(Lit(b'U'), 1), n(Digit, 8)]];
    const LT: &[Pattern] = &[&[n(Digit, 9)], &[n(Digit, 12)]];
    const RO: &[Pattern] = &[&[range(Digit, 2, 10)]];
    const FR: &[Pattern] = &[&[n(UpperDigit, 2), n(Digit, 9)]];
    const ES: &[Pattern] = &[&[n(Upper, 1), n(Digit, 7), n(Upper, 1)]];

    #[test]
    fn fixed_patterns() {
        assert!(matches_any(AT, b"U12345678"));
        assert!(!matches_any(AT, b"U1234567"));
        assert!(!matches_any(AT, b"U123456789"));
        assert!(!matches_any(AT, b"X12345678"));
        assert!(matches_any(ES, b"X1234567L"));
        assert!(!matches_any(ES, b"X12345678"));
    }

    #[test]
    fn alternatives_and_ranges() {
        assert!(matches_any(LT, b"123456789"));
        assert!(matches_any(LT, b"123456789012"));
        assert!(!matches_any(LT, b"1234567890"));
        assert!(matches_any(RO, b"12"));
        assert!(matches_any(RO, b"1234567890"));
        assert!(!matches_any(RO, b"1"));
        assert!(!matches_any(RO, b"12345678901"));
        assert!(matches_any(FR, b"AB123456789"));
        assert!(matches_any(FR, b"12123456789"));
        assert!(!matches_any(FR, b"ab123456789"));
    }

    #[test]
    fn backtracks_over_variable_segments() {
        const P: &[Pattern] = &[&[range(Digit, 1, 5), n(Digit, 2)]];
        assert!(matches_any(P, b"123"));
        assert!(matches_any(P, b"1234567"));
        assert!(!matches_any(P, b"12"));
        assert!(!matches_any(P, b"12345678"));
    }

    #[test]
    fn empty_input() {
        assert!(!matches_any(AT, b""));
        assert!(matches(&[], b""));
        assert!(!matches(&[], b"1"));
    }

    #[test]
    fn renders_regex_notation() {
        assert_eq!(Display(AT).to_string(), "U\\d{8}");
        assert_eq!(Display(LT).to_string(), "\\d{9}|\\d{12}");
        assert_eq!(Display(RO).to_string(), "\\d{2,10}");
        assert_eq!(Display(ES).to_string(), "[A-Z]\\d{7}[A-Z]");
    }
}
