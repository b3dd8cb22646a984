//! EORI numbers in `NrEORI` (FA3-ID-024).
//!
//! An EORI number is a country code followed by up to 15 alphanumeric
//! characters. The schema types `NrEORI` as a plain token, so this is an
//! info-level plausibility check. A Polish EORI is usually `PL` + NIP +
//! five digits; [`Eori::nip`] extracts the NIP when it is there.
//!
//! ```
//! use fa3::domain::eori::{Eori, EoriError};
//!
//! let eori = Eori::parse("PL526587763500000").unwrap();
//! assert_eq!(eori.nip().unwrap().as_str(), "5265877635");
//! assert_eq!(Eori::parse("5265877635"), Err(EoriError::MissingCountryCode));
//! ```

use std::fmt;
use std::str::FromStr;

use super::country::is_banking_country;
use super::first_bad_char;
use super::nip::Nip;

/// Why a string is not a plausible EORI number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EoriError {
    /// A character other than an uppercase ASCII letter or digit.
    #[error(
        "unexpected character {found:?} at position {position}: an EORI number has uppercase letters and digits only"
    )]
    InvalidCharacter {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// The number does not start with two letters.
    #[error("an EORI number starts with a 2-letter country code, e.g. `PL`")]
    MissingCountryCode,
    /// The first two letters are not a country code.
    #[error("`{country}` is not a country code")]
    UnknownCountry {
        /// The two letters found.
        country: String,
    },
    /// Nothing, or more than 15 characters, after the country code.
    #[error("an EORI number has 1 to 15 characters after the country code, found {found}")]
    Length {
        /// Number of characters after the country code.
        found: usize,
    },
}

/// A plausible EORI number.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Eori {
    text: Box<str>,
}

impl Eori {
    /// Parses an EORI number. The country code may be any ISO 3166-1
    /// code, `XI` (Northern Ireland), `XK` or `EL`.
    pub fn parse(s: &str) -> Result<Eori, EoriError> {
        if let Some((position, found)) =
            first_bad_char(s, |c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            return Err(EoriError::InvalidCharacter { position, found });
        }
        // Only ASCII is left, so byte offsets are character positions.
        let (country, rest) = match (s.get(..2), s.get(2..)) {
            (Some(c), Some(r)) if c.bytes().all(|b| b.is_ascii_uppercase()) => (c, r),
            _ => return Err(EoriError::MissingCountryCode),
        };
        if !(is_banking_country(country) || matches!(country, "XI" | "EL")) {
            return Err(EoriError::UnknownCountry {
                country: country.to_owned(),
            });
        }
        if !(1..=15).contains(&rest.len()) {
            return Err(EoriError::Length { found: rest.len() });
        }
        Ok(Eori { text: s.into() })
    }

    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The country code.
    pub fn country(&self) -> &str {
        self.text.get(..2).unwrap_or_default()
    }

    /// For a Polish EORI whose first ten characters after `PL` are a valid
    /// NIP, that NIP.
    pub fn nip(&self) -> Option<Nip> {
        if self.country() != "PL" {
            return None;
        }
        Nip::parse(self.text.get(2..12)?).ok()
    }
}

impl fmt::Display for Eori {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Eori {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Eori({})", self.text)
    }
}

impl FromStr for Eori {
    type Err = EoriError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Eori::parse(s)
    }
}

/// True when `s` is a plausible EORI number.
pub fn is_valid(s: &str) -> bool {
    Eori::parse(s).is_ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn catalog_vector() {
        // FA3-ID-024: a bare NIP.
        assert_eq!(
            Eori::parse("5265877635"),
            Err(EoriError::MissingCountryCode)
        );
    }

    #[test]
    fn valid_numbers() {
        let e = Eori::parse("PL526587763500000").unwrap();
        assert_eq!(e.country(), "PL");
        assert_eq!(e.to_string(), "PL526587763500000");
        assert_eq!(e.nip().unwrap().as_str(), "5265877635");
        assert_eq!(format!("{e:?}"), "Eori(PL526587763500000)");
        let e: Eori = "DE1234567".parse().unwrap();
        assert_eq!(e.nip(), None);
        assert!(is_valid("XI123456789000"));
        assert!(is_valid("GB123456789000"));
        // A Polish EORI without a valid NIP is still plausible.
        let e = Eori::parse("PL526587763600000").unwrap();
        assert_eq!(e.nip(), None);
        assert_eq!(Eori::parse("PL12345").unwrap().nip(), None);
    }

    #[test]
    fn implausible_numbers() {
        assert_eq!(
            Eori::parse("PL 5265877635"),
            Err(EoriError::InvalidCharacter {
                position: 3,
                found: ' '
            })
        );
        assert_eq!(
            Eori::parse("pl5265877635"),
            Err(EoriError::InvalidCharacter {
                position: 1,
                found: 'p'
            })
        );
        assert_eq!(Eori::parse(""), Err(EoriError::MissingCountryCode));
        assert_eq!(Eori::parse("P1234"), Err(EoriError::MissingCountryCode));
        assert_eq!(
            Eori::parse("QQ1234"),
            Err(EoriError::UnknownCountry {
                country: "QQ".into()
            })
        );
        assert_eq!(Eori::parse("PL"), Err(EoriError::Length { found: 0 }));
        assert_eq!(
            Eori::parse("PL5265877635000001"),
            Err(EoriError::Length { found: 16 })
        );
    }

    proptest! {
        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            if let Ok(e) = Eori::parse(&s) {
                prop_assert_eq!(e.as_str(), s.as_str());
                prop_assert!((3..=17).contains(&s.len()));
            }
        }
    }
}
