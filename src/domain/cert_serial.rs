//! The serial number of a KSeF offline certificate, used in KOD II links
//! (FA3-ID-025): exactly 16 uppercase hex digits, `^[0-9A-F]{16}$`.
//!
//! ```
//! use fa3::domain::cert_serial::{CertSerial, CertSerialError};
//!
//! assert_eq!(CertSerial::parse("01F20A5D352AE590").unwrap().as_str(), "01F20A5D352AE590");
//! assert_eq!(
//!     CertSerial::parse("01f20a5d352ae590"),
//!     Err(CertSerialError::Lowercase { position: 3, found: 'f' })
//! );
//! ```

use std::fmt;
use std::str::FromStr;

/// Why a string is not a valid certificate serial number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CertSerialError {
    /// Not 16 characters.
    #[error("a certificate serial number has 16 hex digits, found {found} characters")]
    Length {
        /// Number of characters found.
        found: usize,
    },
    /// A lowercase hex digit; the serial is written in uppercase.
    #[error(
        "lowercase {found:?} at position {position}: certificate serial numbers use uppercase hex digits"
    )]
    Lowercase {
        /// 1-based character position.
        position: usize,
        /// The lowercase character.
        found: char,
    },
    /// A character that is not a hex digit.
    #[error("{found:?} at position {position} is not a hex digit")]
    NotHex {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
}

/// A valid KSeF certificate serial number.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CertSerial([u8; 16]);

impl CertSerial {
    /// Parses 16 uppercase hex digits.
    pub fn parse(s: &str) -> Result<CertSerial, CertSerialError> {
        for (i, c) in s.chars().enumerate() {
            let position = i + 1;
            match c {
                '0'..='9' | 'A'..='F' => {}
                'a'..='f' => return Err(CertSerialError::Lowercase { position, found: c }),
                _ => return Err(CertSerialError::NotHex { position, found: c }),
            }
        }
        // Only ASCII hex digits are left.
        let bytes: [u8; 16] = s
            .as_bytes()
            .try_into()
            .map_err(|_| CertSerialError::Length { found: s.len() })?;
        Ok(CertSerial(bytes))
    }

    /// The serial as written.
    pub fn as_str(&self) -> &str {
        // Always ASCII hex digits; the fallback is never taken.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for CertSerial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CertSerial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CertSerial({})", self.as_str())
    }
}

impl FromStr for CertSerial {
    type Err = CertSerialError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CertSerial::parse(s)
    }
}

/// Proposes the uppercase spelling of a serial written in lowercase.
/// Returns `Some` only when that differs from the input and is valid.
///
/// ```
/// use fa3::domain::cert_serial::suggest_uppercase;
///
/// assert_eq!(suggest_uppercase("01f20a5d352ae590").as_deref(), Some("01F20A5D352AE590"));
/// assert_eq!(suggest_uppercase("01F20A5D352AE590"), None);
/// ```
pub fn suggest_uppercase(s: &str) -> Option<String> {
    let upper = s.to_ascii_uppercase();
    (upper != s && CertSerial::parse(&upper).is_ok()).then_some(upper)
}

/// True when `s` is a valid serial number.
pub fn is_valid(s: &str) -> bool {
    CertSerial::parse(s).is_ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn catalog_vector() {
        // FA3-ID-025
        assert_eq!(
            CertSerial::parse("01f20a5d352ae590"),
            Err(CertSerialError::Lowercase {
                position: 3,
                found: 'f'
            })
        );
        assert_eq!(
            suggest_uppercase("01f20a5d352ae590").as_deref(),
            Some("01F20A5D352AE590")
        );
    }

    #[test]
    fn valid_and_invalid() {
        let s = CertSerial::parse("01F20A5D352AE590").unwrap();
        assert_eq!(s.to_string(), "01F20A5D352AE590");
        assert_eq!(format!("{s:?}"), "CertSerial(01F20A5D352AE590)");
        assert_eq!("01F20A5D352AE590".parse::<CertSerial>(), Ok(s));
        assert_eq!(
            CertSerial::parse("01F20A5D352AE59"),
            Err(CertSerialError::Length { found: 15 })
        );
        assert_eq!(
            CertSerial::parse("01F20A5D352AE5900"),
            Err(CertSerialError::Length { found: 17 })
        );
        assert_eq!(
            CertSerial::parse("01F20A5D352AE59G"),
            Err(CertSerialError::NotHex {
                position: 16,
                found: 'G'
            })
        );
        assert_eq!(
            CertSerial::parse(" 01F20A5D352AE59"),
            Err(CertSerialError::NotHex {
                position: 1,
                found: ' '
            })
        );
        assert!(!is_valid(""));
        assert_eq!(suggest_uppercase("zz"), None);
    }

    proptest! {
        #[test]
        fn hex_strings_round_trip(s in "[0-9A-F]{16}") {
            let serial = CertSerial::parse(&s).unwrap();
            prop_assert_eq!(serial.as_str(), s.as_str());
            let lower = s.to_ascii_lowercase();
            if lower != s {
                prop_assert_eq!(suggest_uppercase(&lower), Some(s.clone()));
            }
        }

        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            prop_assert_eq!(CertSerial::parse(&s).is_ok(), is_valid(&s));
        }
    }
}
