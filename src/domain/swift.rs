//! SWIFT/BIC codes (FA3-ID-016).
//!
//! The XSD pattern is `[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?`: a 4-letter
//! institution code, a 2-letter country code, a 2-character location code
//! and an optional 3-character branch code. Positions 5–6 must also be a real
//! country (ISO 3166-1 alpha-2, or `XK` for Kosovo), which the pattern does
//! not check. Whether it matches the IBAN's country is for the caller to
//! compare, through [`Bic::country`] and [`Iban::country`](super::Iban::country).
//!
//! ```
//! use fa3::domain::swift::{Bic, BicError};
//!
//! let bic = Bic::parse("BPKOPLPWXXX").unwrap();
//! assert_eq!(bic.country(), "PL");
//! assert_eq!(bic.branch(), Some("XXX"));
//! assert_eq!(
//!     Bic::parse("BREXXXPW"),
//!     Err(BicError::UnknownCountry { country: "XX".into() })
//! );
//! ```

use std::fmt;
use std::str::FromStr;

use super::country::is_banking_country;
use super::first_bad_char;

/// Why a string is not a valid BIC.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BicError {
    /// A character other than an uppercase ASCII letter or digit.
    #[error(
        "unexpected character {found:?} at position {position}: a BIC has uppercase letters and digits only"
    )]
    InvalidCharacter {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Neither 8 nor 11 characters.
    #[error("a BIC has 8 or 11 characters, found {found}")]
    Length {
        /// Number of characters found.
        found: usize,
    },
    /// A digit among the first six characters, which must be letters.
    #[error("the first 6 characters of a BIC are letters; found a digit at position {position}")]
    DigitInLetters {
        /// 1-based character position.
        position: usize,
    },
    /// Positions 5–6 are not a country code.
    #[error("`{country}` (positions 5-6 of the BIC) is not a country code")]
    UnknownCountry {
        /// The two letters found.
        country: String,
    },
}

impl BicError {
    /// True when the XSD pattern already rejects the value; false when only
    /// the country code is wrong.
    pub fn is_schema_error(&self) -> bool {
        !matches!(self, BicError::UnknownCountry { .. })
    }
}

/// A valid BIC (8 or 11 characters).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Bic {
    text: Box<str>,
}

impl Bic {
    /// Parses a BIC: the XSD pattern plus a real country code.
    pub fn parse(s: &str) -> Result<Bic, BicError> {
        if let Some((position, found)) =
            first_bad_char(s, |c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            return Err(BicError::InvalidCharacter { position, found });
        }
        // Only ASCII is left, so byte offsets are character positions.
        if !matches!(s.len(), 8 | 11) {
            return Err(BicError::Length { found: s.len() });
        }
        if let Some(i) = s.bytes().take(6).position(|b| b.is_ascii_digit()) {
            return Err(BicError::DigitInLetters { position: i + 1 });
        }
        let country = s.get(4..6).unwrap_or_default();
        if !is_banking_country(country) {
            return Err(BicError::UnknownCountry {
                country: country.to_owned(),
            });
        }
        Ok(Bic { text: s.into() })
    }

    /// The BIC as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The 4-letter institution (bank) code.
    pub fn institution(&self) -> &str {
        self.text.get(..4).unwrap_or_default()
    }

    /// The 2-letter country code (positions 5–6).
    pub fn country(&self) -> &str {
        self.text.get(4..6).unwrap_or_default()
    }

    /// The 2-character location code.
    pub fn location(&self) -> &str {
        self.text.get(6..8).unwrap_or_default()
    }

    /// The 3-character branch code of an 11-character BIC.
    pub fn branch(&self) -> Option<&str> {
        self.text.get(8..).filter(|b| !b.is_empty())
    }
}

impl fmt::Display for Bic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Bic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bic({})", self.text)
    }
}

impl FromStr for Bic {
    type Err = BicError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Bic::parse(s)
    }
}

/// True when `s` is a valid BIC.
pub fn is_valid(s: &str) -> bool {
    Bic::parse(s).is_ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::domain::Iban;

    #[test]
    fn valid_codes() {
        let bic = Bic::parse("BREXPLPW").unwrap();
        assert_eq!(bic.institution(), "BREX");
        assert_eq!(bic.country(), "PL");
        assert_eq!(bic.location(), "PW");
        assert_eq!(bic.branch(), None);
        let bic = Bic::parse("DEUTDEFF500").unwrap();
        assert_eq!(bic.branch(), Some("500"));
        assert_eq!(bic.to_string(), "DEUTDEFF500");
        assert_eq!(format!("{bic:?}"), "Bic(DEUTDEFF500)");
        assert!(is_valid("BPKOPLPW"));
        assert!(is_valid("RBKOXKPR")); // Kosovo
        assert!(is_valid("ABCDGR2A"));
    }

    #[test]
    fn catalog_vector() {
        // FA3-ID-016: `XX` is not a country.
        let e = Bic::parse("BREXXXPW").unwrap_err();
        assert_eq!(
            e,
            BicError::UnknownCountry {
                country: "XX".into()
            }
        );
        assert!(!e.is_schema_error());
    }

    #[test]
    fn schema_errors() {
        assert_eq!(
            Bic::parse("brexplpw"),
            Err(BicError::InvalidCharacter {
                position: 1,
                found: 'b'
            })
        );
        assert_eq!(Bic::parse("BREXPLPWX"), Err(BicError::Length { found: 9 }));
        assert_eq!(Bic::parse(""), Err(BicError::Length { found: 0 }));
        assert_eq!(
            Bic::parse("BR3XPLPW"),
            Err(BicError::DigitInLetters { position: 3 })
        );
        assert_eq!(
            Bic::parse("BREXP1PW"),
            Err(BicError::DigitInLetters { position: 6 })
        );
        assert!(Bic::parse("BREX PLPW").unwrap_err().is_schema_error());
    }

    #[test]
    fn country_matches_iban() {
        let bic = Bic::parse("BPKOPLPW").unwrap();
        let iban = Iban::parse("PL61109010140000071219812874").unwrap();
        assert_eq!(bic.country(), iban.country());
    }

    proptest! {
        #[test]
        fn xsd_shaped_codes_fail_only_on_the_country(s in "[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?") {
            match Bic::parse(&s) {
                Ok(bic) => prop_assert_eq!(bic.as_str(), s.as_str()),
                Err(e) => prop_assert!(!e.is_schema_error()),
            }
        }

        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            prop_assert_eq!(Bic::parse(&s).is_ok(), is_valid(&s));
        }
    }
}
