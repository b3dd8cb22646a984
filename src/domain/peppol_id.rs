//! The identifier of a PEPPOL service provider, one of the KSeF context
//! identifier types that a KOD II link can carry: `P[A-Z]{2}\d{6}`.
//!
//! ```
//! use fa3::domain::peppol_id::PeppolId;
//!
//! assert_eq!(PeppolId::parse("PPL123456").unwrap().as_str(), "PPL123456");
//! assert!(PeppolId::parse("XPL123456").is_err());
//! ```

use std::fmt;
use std::str::FromStr;

/// Why a string is not a valid PEPPOL provider identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PeppolIdError {
    /// Not of the form `P`, two uppercase letters, six digits.
    #[error("a PEPPOL provider id is `P`, 2 uppercase letters and 6 digits, e.g. `PPL123456`")]
    Format,
}

/// A valid PEPPOL provider identifier.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PeppolId([u8; 9]);

impl PeppolId {
    /// Parses `P[A-Z]{2}\d{6}`.
    pub fn parse(s: &str) -> Result<PeppolId, PeppolIdError> {
        let bytes: [u8; 9] = s.as_bytes().try_into().map_err(|_| PeppolIdError::Format)?;
        match bytes {
            [b'P', a, b, digits @ ..]
                if a.is_ascii_uppercase()
                    && b.is_ascii_uppercase()
                    && digits.iter().all(u8::is_ascii_digit) =>
            {
                Ok(PeppolId(bytes))
            }
            _ => Err(PeppolIdError::Format),
        }
    }

    /// The identifier as written.
    pub fn as_str(&self) -> &str {
        // Always ASCII; the fallback is never taken.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for PeppolId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for PeppolId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PeppolId({})", self.as_str())
    }
}

impl FromStr for PeppolId {
    type Err = PeppolIdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PeppolId::parse(s)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn valid_and_invalid() {
        let id = PeppolId::parse("PPL123456").unwrap();
        assert_eq!(id.to_string(), "PPL123456");
        assert_eq!(format!("{id:?}"), "PeppolId(PPL123456)");
        assert_eq!("PPL123456".parse::<PeppolId>(), Ok(id));
        for s in [
            "",
            "PPL12345",
            "PPL1234567",
            "Ppl123456",
            "PP1123456",
            "PPL12345A",
            "XPL123456",
        ] {
            assert_eq!(PeppolId::parse(s), Err(PeppolIdError::Format), "{s}");
        }
    }

    proptest! {
        #[test]
        fn pattern_strings_parse(s in "P[A-Z]{2}[0-9]{6}") {
            let id = PeppolId::parse(&s).unwrap();
            prop_assert_eq!(id.as_str(), s.as_str());
        }

        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            if let Ok(id) = PeppolId::parse(&s) {
                prop_assert_eq!(id.as_str(), s.as_str());
            }
        }
    }
}
