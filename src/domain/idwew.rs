//! `IDWew`, the internal identifier of a VAT payer's organisational unit
//! (FA3-ID-004, FA3-NIP-002).
//!
//! The format is `NIP-NNNNN` (16 characters), XSD pattern
//! `[1-9]((\d[1-9])|([1-9]\d))\d{7}-\d{5}`. In production KSeF checks the
//! NIP part's checksum. A checksum on the five-digit suffix is not
//! documented, so none is checked.
//!
//! ```
//! use fa3::domain::idwew::{IdWew, IdWewError};
//! use fa3::domain::nip::NipError;
//!
//! let id = IdWew::parse("5265877635-00001").unwrap();
//! assert_eq!(id.nip().as_str(), "5265877635");
//! assert_eq!(id.suffix(), "00001");
//!
//! // FA3-NIP-002: the NIP part has a wrong check digit.
//! assert!(matches!(
//!     IdWew::parse("5265877636-00001"),
//!     Err(IdWewError::Nip(NipError::Checksum { .. }))
//! ));
//! ```

use std::fmt;
use std::str::FromStr;

use super::nip::{self, Nip, NipError};
use super::{ascii_digits, first_bad_char};

/// Why a string is not a valid internal identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdWewError {
    /// There is no `-` between the NIP and the suffix.
    #[error("an internal identifier is `NIP-NNNNN`; the `-` is missing")]
    MissingHyphen,
    /// The suffix has a character other than a digit.
    #[error(
        "unexpected character {found:?} at position {position}: the suffix after `-` is 5 digits"
    )]
    InvalidSuffixCharacter {
        /// 1-based character position in the whole identifier.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// The suffix is not five digits long.
    #[error("the suffix after `-` has 5 digits, found {found}")]
    SuffixLength {
        /// Number of digits found.
        found: usize,
    },
    /// The NIP part is malformed or fails its checksum.
    #[error("NIP part: {0}")]
    Nip(#[source] NipError),
}

impl IdWewError {
    /// True for a format problem (FA3-ID-004, an XSD error); false when only
    /// the NIP part's checksum fails (FA3-NIP-002).
    pub fn is_format(&self) -> bool {
        match self {
            IdWewError::Nip(e) => e.is_format(),
            _ => true,
        }
    }
}

/// A valid internal identifier `NIP-NNNNN`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IdWew {
    nip: Nip,
    suffix: [u8; 5],
}

impl IdWew {
    /// Parses `NIP-NNNNN`. Format problems are reported before the NIP
    /// checksum, so a message never asks to fix a checksum in a string that
    /// is malformed anyway.
    pub fn parse(s: &str) -> Result<IdWew, IdWewError> {
        let (nip_part, suffix) = s.split_once('-').ok_or(IdWewError::MissingHyphen)?;
        nip::check_format(nip_part).map_err(IdWewError::Nip)?;
        let offset = nip_part.chars().count() + 1;
        if let Some((position, found)) = first_bad_char(suffix, |c| c.is_ascii_digit()) {
            return Err(IdWewError::InvalidSuffixCharacter {
                position: offset + position,
                found,
            });
        }
        let digits: [u8; 5] = ascii_digits(suffix).ok_or(IdWewError::SuffixLength {
            found: suffix.len(),
        })?;
        let nip = Nip::parse(nip_part).map_err(IdWewError::Nip)?;
        Ok(IdWew {
            nip,
            suffix: digits.map(|d| d + b'0'),
        })
    }

    /// Builds an identifier from a NIP and a suffix of five digits.
    pub fn new(nip: Nip, suffix: &str) -> Result<IdWew, IdWewError> {
        IdWew::parse(&format!("{nip}-{suffix}"))
    }

    /// The NIP part.
    pub fn nip(&self) -> Nip {
        self.nip
    }

    /// The five-digit suffix.
    pub fn suffix(&self) -> &str {
        // Always ASCII digits; the fallback is never taken.
        std::str::from_utf8(&self.suffix).unwrap_or_default()
    }
}

impl fmt::Display for IdWew {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.nip, self.suffix())
    }
}

impl fmt::Debug for IdWew {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdWew({self})")
    }
}

impl FromStr for IdWew {
    type Err = IdWewError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        IdWew::parse(s)
    }
}

/// True when `s` is a valid internal identifier.
pub fn is_valid(s: &str) -> bool {
    IdWew::parse(s).is_ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn valid() {
        let id = IdWew::parse("5265877635-00001").unwrap();
        assert_eq!(id.to_string(), "5265877635-00001");
        assert_eq!(id.nip().as_str(), "5265877635");
        assert_eq!(id.suffix(), "00001");
        assert_eq!(format!("{id:?}"), "IdWew(5265877635-00001)");
        assert_eq!(
            "5265877635-99999".parse::<IdWew>().unwrap().suffix(),
            "99999"
        );
        assert_eq!(
            IdWew::new(Nip::parse("7335255579").unwrap(), "12345")
                .unwrap()
                .to_string(),
            "7335255579-12345"
        );
    }

    #[test]
    fn catalog_invalid_vectors() {
        // FA3-NIP-002: NIP part checksum.
        let e = IdWew::parse("5265877636-00001").unwrap_err();
        assert_eq!(
            e,
            IdWewError::Nip(NipError::Checksum {
                expected: 5,
                found: 6
            })
        );
        assert!(!e.is_format());
        // FA3-ID-004: 4-digit suffix.
        let e = IdWew::parse("5265877635-1234").unwrap_err();
        assert_eq!(e, IdWewError::SuffixLength { found: 4 });
        assert!(e.is_format());
    }

    #[test]
    fn format_errors() {
        assert_eq!(
            IdWew::parse("526587763500001"),
            Err(IdWewError::MissingHyphen)
        );
        assert_eq!(
            IdWew::parse("5265877635-0000a"),
            Err(IdWewError::InvalidSuffixCharacter {
                position: 16,
                found: 'a'
            })
        );
        assert_eq!(
            IdWew::parse("5265877635-00001-1"),
            Err(IdWewError::InvalidSuffixCharacter {
                position: 17,
                found: '-'
            })
        );
        assert_eq!(
            IdWew::parse("5265877635-000001"),
            Err(IdWewError::SuffixLength { found: 6 })
        );
        assert_eq!(
            IdWew::parse("PL5265877635-00001"),
            Err(IdWewError::Nip(NipError::InvalidCharacter {
                position: 1,
                found: 'P'
            }))
        );
        assert!(IdWew::parse("1001234567-00001").unwrap_err().is_format());
        // A format problem in the suffix wins over a NIP checksum problem.
        assert_eq!(
            IdWew::parse("5265877636-001"),
            Err(IdWewError::SuffixLength { found: 3 })
        );
        assert!(!is_valid(""));
        assert!(is_valid("5261040828-00000"));
    }

    proptest! {
        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            let parsed = IdWew::parse(&s);
            if let Ok(id) = parsed {
                prop_assert_eq!(id.to_string(), s);
            }
        }

        #[test]
        fn nip_and_suffix_round_trip(body in "[1-9][0-9][1-9][0-9]{6}", suffix in "[0-9]{5}") {
            if let Ok(nip) = Nip::with_check_digit(&body) {
                let id = IdWew::new(nip, &suffix).unwrap();
                prop_assert_eq!(IdWew::parse(&id.to_string()), Ok(id));
                prop_assert_eq!(id.nip(), nip);
                prop_assert_eq!(id.suffix(), suffix.as_str());
            }
        }
    }
}
