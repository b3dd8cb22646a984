//! PESEL, the Polish personal identification number (FA3-ID-005).
//!
//! Not an FA(3) element, but KSeF uses it in context and certificate
//! identifiers. Eleven digits `YYMMDDZZZXC`:
//!
//! - the month carries the century: `+80` for the 1800s, `+0` for the 1900s,
//!   `+20` for the 2000s, `+40` for the 2100s and `+60` for the 2200s;
//! - year, month and day must form a real calendar date;
//! - the check digit is `(10 - Σ d[i]·w[i] mod 10) mod 10` with
//!   `w = 1,3,7,9,1,3,7,9,1,3`.
//!
//! ```
//! use chrono::NaiveDate;
//! use fa3::domain::pesel::{Pesel, PeselError};
//!
//! let pesel = Pesel::parse("44051401359").unwrap();
//! assert_eq!(pesel.birth_date(), NaiveDate::from_ymd_opt(1944, 5, 14).unwrap());
//! assert_eq!(
//!     Pesel::parse("44051401358"),
//!     Err(PeselError::Checksum { expected: 9, found: 8 })
//! );
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::{ascii_digits, first_bad_char, weighted_sum};

const WEIGHTS: [u8; 10] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/// Why a string is not a valid PESEL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PeselError {
    /// A character other than an ASCII digit.
    #[error("unexpected character {found:?} at position {position}: a PESEL is 11 digits only")]
    InvalidCharacter {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// All digits, but not eleven of them.
    #[error("a PESEL has 11 digits, found {found}")]
    Length {
        /// Number of digits found.
        found: usize,
    },
    /// Digits 3–4 are not a month of any century (01–12, 21–32, 41–52,
    /// 61–72 or 81–92).
    #[error("digits 3-4 of a PESEL ({found:02}) are not a month")]
    Month {
        /// The two-digit value as written.
        found: u8,
    },
    /// The encoded date does not exist (e.g. 30 February).
    #[error(
        "a PESEL encodes a birth date, and {year:04}-{month:02}-{day:02} is not a calendar date"
    )]
    Date {
        /// Decoded year.
        year: i32,
        /// Decoded month.
        month: u8,
        /// Day as written.
        day: u8,
    },
    /// The check digit does not match.
    #[error("PESEL check digit is {found}, expected {expected}")]
    Checksum {
        /// The check digit the first ten digits call for.
        expected: u8,
        /// The last digit as written.
        found: u8,
    },
}

/// A valid PESEL.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pesel {
    text: [u8; 11],
    birth_date: NaiveDate,
}

impl Pesel {
    /// Parses a PESEL: eleven digits, a real birth date, and the checksum.
    pub fn parse(s: &str) -> Result<Pesel, PeselError> {
        if let Some((position, found)) = first_bad_char(s, |c| c.is_ascii_digit()) {
            return Err(PeselError::InvalidCharacter { position, found });
        }
        let digits: [u8; 11] = ascii_digits(s).ok_or(PeselError::Length { found: s.len() })?;
        let [y1, y0, m1, m0, d1, d0, ..] = digits;
        let birth_date = decode_date(y1 * 10 + y0, m1 * 10 + m0, d1 * 10 + d0)?;
        let [first_ten @ .., last] = digits;
        let expected = check_digit(first_ten);
        if expected != last {
            return Err(PeselError::Checksum {
                expected,
                found: last,
            });
        }
        Ok(Pesel {
            text: digits.map(|d| d + b'0'),
            birth_date,
        })
    }

    /// The eleven digits as a string.
    pub fn as_str(&self) -> &str {
        // Always ASCII digits; the fallback is never taken.
        std::str::from_utf8(&self.text).unwrap_or_default()
    }

    /// The birth date encoded in the first six digits.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }
}

impl fmt::Display for Pesel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Pesel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Pesel({})", self.as_str())
    }
}

impl FromStr for Pesel {
    type Err = PeselError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Pesel::parse(s)
    }
}

/// The check digit for the first ten digit values of a PESEL.
pub fn check_digit(first_ten: [u8; 10]) -> u8 {
    let sum = weighted_sum(&first_ten, &WEIGHTS);
    // (10 - sum mod 10) mod 10, without unsigned underflow.
    u8::try_from((10 - sum % 10) % 10).unwrap_or(0)
}

/// True when `s` is a valid PESEL.
pub fn is_valid(s: &str) -> bool {
    Pesel::parse(s).is_ok()
}

/// Decodes `YY`, the century-shifted month and `DD`.
fn decode_date(yy: u8, encoded_month: u8, day: u8) -> Result<NaiveDate, PeselError> {
    let (century, month) = match encoded_month {
        1..=12 => (1900, encoded_month),
        21..=32 => (2000, encoded_month - 20),
        41..=52 => (2100, encoded_month - 40),
        61..=72 => (2200, encoded_month - 60),
        81..=92 => (1800, encoded_month - 80),
        _ => {
            return Err(PeselError::Month {
                found: encoded_month,
            });
        }
    };
    let year = century + i32::from(yy);
    NaiveDate::from_ymd_opt(year, u32::from(month), u32::from(day)).ok_or(PeselError::Date {
        year,
        month,
        day,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn catalog_vectors() {
        let p = Pesel::parse("44051401359").unwrap();
        assert_eq!(p.birth_date(), date(1944, 5, 14));
        assert_eq!(p.as_str(), "44051401359");
        let p = Pesel::parse("02070803628").unwrap();
        assert_eq!(p.birth_date(), date(1902, 7, 8));
        assert_eq!(
            Pesel::parse("44051401358"),
            Err(PeselError::Checksum {
                expected: 9,
                found: 8
            })
        );
        // Day 30 in February.
        assert_eq!(
            Pesel::parse("02023012345"),
            Err(PeselError::Date {
                year: 1902,
                month: 2,
                day: 30
            })
        );
    }

    #[test]
    fn centuries() {
        for (month_code, year) in [(1u32, 1902), (21, 2002), (41, 2102), (61, 2202), (81, 1802)] {
            let body = format!("02{month_code:02}081234");
            let first_ten = ascii_digits::<10>(&body).unwrap();
            let s = format!("{body}{}", check_digit(first_ten));
            assert_eq!(
                Pesel::parse(&s).unwrap().birth_date(),
                date(year, month_code % 20, 8)
            );
        }
        // 2000 is a leap year, 1900 is not.
        let leap = "0022290000";
        let s = format!("{leap}{}", check_digit(ascii_digits::<10>(leap).unwrap()));
        assert_eq!(Pesel::parse(&s).unwrap().birth_date(), date(2000, 2, 29));
        assert!(matches!(
            Pesel::parse("00022900000"),
            Err(PeselError::Date { year: 1900, .. })
        ));
    }

    #[test]
    fn format_errors() {
        assert_eq!(
            Pesel::parse("02130803628"),
            Err(PeselError::Month { found: 13 })
        );
        assert_eq!(
            Pesel::parse("02000803628"),
            Err(PeselError::Month { found: 0 })
        );
        assert_eq!(
            Pesel::parse("0207080362"),
            Err(PeselError::Length { found: 10 })
        );
        assert_eq!(
            Pesel::parse("0207080362x"),
            Err(PeselError::InvalidCharacter {
                position: 11,
                found: 'x'
            })
        );
        assert!(!is_valid(""));
        assert!(is_valid("02070803628"));
        assert_eq!(
            PeselError::Month { found: 13 }.to_string(),
            "digits 3-4 of a PESEL (13) are not a month"
        );
        assert_eq!(
            format!("{:?}", "02070803628".parse::<Pesel>().unwrap()),
            "Pesel(02070803628)"
        );
    }

    proptest! {
        #[test]
        fn generated_pesel_parses_and_decodes(
            days in 0i64..(365 * 300),
            serial in "[0-9]{4}",
            delta in 1u8..10,
        ) {
            let birth = date(1800, 1, 1) + chrono::Duration::days(days);
            let year = chrono::Datelike::year(&birth);
            let offset = match year { 1800..=1899 => 80, 1900..=1999 => 0, _ => 20 };
            let month = chrono::Datelike::month(&birth) + offset;
            let body = format!(
                "{:02}{month:02}{:02}{serial}",
                year % 100,
                chrono::Datelike::day(&birth)
            );
            let check = check_digit(ascii_digits::<10>(&body).unwrap());
            let pesel = Pesel::parse(&format!("{body}{check}")).unwrap();
            prop_assert_eq!(pesel.birth_date(), birth);
            let mutated = format!("{body}{}", (check + delta) % 10);
            let is_checksum_error = matches!(Pesel::parse(&mutated), Err(PeselError::Checksum { .. }));
            prop_assert!(is_checksum_error);
        }

        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            if let Ok(p) = Pesel::parse(&s) {
                prop_assert_eq!(p.as_str(), s.as_str());
            }
        }
    }
}
