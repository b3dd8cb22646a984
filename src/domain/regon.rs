//! REGON, the Polish statistical business number (FA3-ID-006).
//!
//! The XSD only checks `\d{9}|\d{14}`. The GUS check digits:
//!
//! - 9 digits: weights `8,9,2,3,4,5,6,7` over the first eight digits,
//!   `mod 11`, and a remainder of 10 becomes 0.
//! - 14 digits: weights `2,4,8,5,0,9,7,3,6,1,2,4,8` over the first thirteen,
//!   `mod 11`, 10 becomes 0; **and** the first nine digits must be a valid
//!   9-digit REGON (the 14-digit number identifies a local unit of it).
//!
//! ```
//! use fa3::domain::regon::{Regon, RegonError};
//!
//! assert!(Regon::parse("123456785").is_ok());
//! assert!(Regon::parse("12345678512347").is_ok());
//! assert_eq!(
//!     Regon::parse("123456786"),
//!     Err(RegonError::Checksum { expected: 5, found: 6 })
//! );
//! ```

use std::fmt;
use std::str::FromStr;

use super::{ascii_digits, first_bad_char, weighted_sum};

const WEIGHTS_9: [u8; 8] = [8, 9, 2, 3, 4, 5, 6, 7];
const WEIGHTS_14: [u8; 13] = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

/// Why a string is not a valid REGON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegonError {
    /// A character other than an ASCII digit.
    #[error("unexpected character {found:?} at position {position}: a REGON is digits only")]
    InvalidCharacter {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Neither 9 nor 14 digits.
    #[error("a REGON has 9 or 14 digits, found {found}")]
    Length {
        /// Number of digits found.
        found: usize,
    },
    /// The last digit is not the check digit.
    #[error("REGON check digit is {found}, expected {expected}")]
    Checksum {
        /// The check digit the other digits call for.
        expected: u8,
        /// The last digit as written.
        found: u8,
    },
    /// A 14-digit REGON whose first nine digits are not a valid REGON.
    #[error(
        "the first 9 digits of a 14-digit REGON must be a valid REGON: check digit 9 is {found}, expected {expected}"
    )]
    BaseChecksum {
        /// The check digit (position 9) the first eight digits call for.
        expected: u8,
        /// Digit 9 as written.
        found: u8,
    },
}

/// Which of the two REGON lengths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RegonKind {
    /// 9 digits: an entity.
    Nine,
    /// 14 digits: a local unit of an entity.
    Fourteen,
}

/// A REGON with a valid format and check digit(s).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Regon {
    /// ASCII digits; only the first `kind.digit_count()` are used.
    text: [u8; 14],
    kind: RegonKind,
}

impl RegonKind {
    /// 9 or 14.
    pub fn digit_count(self) -> usize {
        match self {
            RegonKind::Nine => 9,
            RegonKind::Fourteen => 14,
        }
    }
}

impl Regon {
    /// Parses a 9- or 14-digit REGON and checks its check digit(s).
    pub fn parse(s: &str) -> Result<Regon, RegonError> {
        if let Some((position, found)) = first_bad_char(s, |c| c.is_ascii_digit()) {
            return Err(RegonError::InvalidCharacter { position, found });
        }
        if let Some(digits) = ascii_digits::<9>(s) {
            let [first_eight @ .., last] = digits;
            let expected = check_digit9(first_eight);
            if expected != last {
                return Err(RegonError::Checksum {
                    expected,
                    found: last,
                });
            }
            return Ok(Regon::from_ascii(s.as_bytes(), RegonKind::Nine));
        }
        if let Some(digits) = ascii_digits::<14>(s) {
            let [first_thirteen @ .., last] = digits;
            let [b0, b1, b2, b3, b4, b5, b6, b7, b8, ..] = digits;
            let base_expected = check_digit9([b0, b1, b2, b3, b4, b5, b6, b7]);
            if base_expected != b8 {
                return Err(RegonError::BaseChecksum {
                    expected: base_expected,
                    found: b8,
                });
            }
            let expected = check_digit14(first_thirteen);
            if expected != last {
                return Err(RegonError::Checksum {
                    expected,
                    found: last,
                });
            }
            return Ok(Regon::from_ascii(s.as_bytes(), RegonKind::Fourteen));
        }
        Err(RegonError::Length { found: s.len() })
    }

    /// Completes 8 digits (giving a 9-digit REGON) or 13 digits (giving a
    /// 14-digit one) with the check digit. For 13 digits the first nine must
    /// already be a valid REGON.
    ///
    /// ```
    /// use fa3::domain::regon::Regon;
    ///
    /// assert_eq!(Regon::with_check_digit("12345678").unwrap().as_str(), "123456785");
    /// assert_eq!(
    ///     Regon::with_check_digit("1234567851234").unwrap().as_str(),
    ///     "12345678512347"
    /// );
    /// ```
    pub fn with_check_digit(body: &str) -> Result<Regon, RegonError> {
        if let Some((position, found)) = first_bad_char(body, |c| c.is_ascii_digit()) {
            return Err(RegonError::InvalidCharacter { position, found });
        }
        let check = if let Some(digits) = ascii_digits::<8>(body) {
            check_digit9(digits)
        } else if let Some(digits) = ascii_digits::<13>(body) {
            check_digit14(digits)
        } else {
            return Err(RegonError::Length {
                found: body.len() + 1,
            });
        };
        Regon::parse(&format!("{body}{check}"))
    }

    fn from_ascii(bytes: &[u8], kind: RegonKind) -> Regon {
        let mut text = [0u8; 14];
        for (slot, &b) in text.iter_mut().zip(bytes) {
            *slot = b;
        }
        Regon { text, kind }
    }

    /// The digits as a string (9 or 14 characters).
    pub fn as_str(&self) -> &str {
        let used = self.text.get(..self.kind.digit_count()).unwrap_or_default();
        // Always ASCII digits; the fallback is never taken.
        std::str::from_utf8(used).unwrap_or_default()
    }

    /// 9 or 14 digits.
    pub fn kind(&self) -> RegonKind {
        self.kind
    }

    /// The 9-digit REGON of the entity: the number itself, or the first nine
    /// digits of a 14-digit local-unit REGON.
    #[must_use]
    pub fn base(&self) -> Regon {
        Regon::from_ascii(self.text.get(..9).unwrap_or_default(), RegonKind::Nine)
    }
}

impl fmt::Display for Regon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Regon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Regon({})", self.as_str())
    }
}

impl FromStr for Regon {
    type Err = RegonError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Regon::parse(s)
    }
}

/// The check digit of a 9-digit REGON from its first eight digit values.
pub fn check_digit9(first_eight: [u8; 8]) -> u8 {
    mod11_ten_is_zero(weighted_sum(&first_eight, &WEIGHTS_9))
}

/// The check digit of a 14-digit REGON from its first thirteen digit values.
pub fn check_digit14(first_thirteen: [u8; 13]) -> u8 {
    mod11_ten_is_zero(weighted_sum(&first_thirteen, &WEIGHTS_14))
}

fn mod11_ten_is_zero(sum: u32) -> u8 {
    match u8::try_from(sum % 11) {
        Ok(10) | Err(_) => 0,
        Ok(r) => r,
    }
}

/// True when `s` is a valid 9- or 14-digit REGON.
pub fn is_valid(s: &str) -> bool {
    Regon::parse(s).is_ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn catalog_vectors() {
        let r = Regon::parse("123456785").unwrap();
        assert_eq!(r.kind(), RegonKind::Nine);
        assert_eq!(r.as_str(), "123456785");
        let r = Regon::parse("12345678512347").unwrap();
        assert_eq!(r.kind(), RegonKind::Fourteen);
        assert_eq!(r.to_string(), "12345678512347");
        assert_eq!(r.base().as_str(), "123456785");
        assert_eq!(
            Regon::parse("123456786"),
            Err(RegonError::Checksum {
                expected: 5,
                found: 6
            })
        );
    }

    #[test]
    fn fourteen_digits_need_a_valid_base() {
        // Base 123456786 is invalid even if the last digit were right.
        let body = "1234567861234";
        let last = check_digit14(ascii_digits::<13>(body).unwrap());
        assert_eq!(
            Regon::parse(&format!("{body}{last}")),
            Err(RegonError::BaseChecksum {
                expected: 5,
                found: 6
            })
        );
        assert_eq!(
            Regon::parse("12345678512348"),
            Err(RegonError::Checksum {
                expected: 7,
                found: 8
            })
        );
        assert_eq!(
            Regon::with_check_digit("1234567861234"),
            Err(RegonError::BaseChecksum {
                expected: 5,
                found: 6
            })
        );
    }

    #[test]
    fn remainder_ten_becomes_zero() {
        // Find an 8-digit body with remainder 10 and check it ends in 0.
        let body = (0..100_000_000u32)
            .map(|n| format!("{n:08}"))
            .find(|b| weighted_sum(&ascii_digits::<8>(b).unwrap(), &WEIGHTS_9) % 11 == 10)
            .unwrap();
        let regon = Regon::with_check_digit(&body).unwrap();
        assert!(regon.as_str().ends_with('0'), "{regon}");
    }

    #[test]
    fn format_errors() {
        assert_eq!(Regon::parse(""), Err(RegonError::Length { found: 0 }));
        assert_eq!(
            Regon::parse("1234567850"),
            Err(RegonError::Length { found: 10 })
        );
        assert_eq!(
            Regon::parse("12345678 5"),
            Err(RegonError::InvalidCharacter {
                position: 9,
                found: ' '
            })
        );
        assert_eq!(
            Regon::with_check_digit("123"),
            Err(RegonError::Length { found: 4 })
        );
        assert!(!is_valid("abc"));
        assert!(is_valid("123456785"));
    }

    #[test]
    fn ordering_and_debug() {
        let a = Regon::parse("123456785").unwrap();
        assert_eq!(format!("{a:?}"), "Regon(123456785)");
        assert!(RegonKind::Nine < RegonKind::Fourteen);
        assert_eq!("123456785".parse::<Regon>().unwrap(), a);
    }

    proptest! {
        #[test]
        fn completed_regon9_always_parses(body in "[0-9]{8}", delta in 1u8..10) {
            let regon = Regon::with_check_digit(&body).unwrap();
            prop_assert_eq!(Regon::parse(regon.as_str()), Ok(regon));
            // Changing the check digit always fails.
            let last = regon.as_str().as_bytes()[8] - b'0';
            let mutated = format!("{body}{}", (last + delta) % 10);
            let is_checksum_error = matches!(Regon::parse(&mutated), Err(RegonError::Checksum { .. }));
            prop_assert!(is_checksum_error);
        }

        #[test]
        fn completed_regon14_always_parses(body in "[0-9]{8}", unit in "[0-9]{4}") {
            let base = Regon::with_check_digit(&body).unwrap();
            let regon = Regon::with_check_digit(&format!("{base}{unit}")).unwrap();
            prop_assert_eq!(regon.kind(), RegonKind::Fourteen);
            prop_assert_eq!(regon.base(), base);
        }

        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            if let Ok(r) = Regon::parse(&s) {
                prop_assert_eq!(r.as_str(), s.as_str());
            }
        }
    }
}
