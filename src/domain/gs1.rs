//! GS1 identifiers: GLN (`Adres/GLN`, FA3-ID-018) and GTIN
//! (`FaWiersz/GTIN`, FA3-ID-019).
//!
//! Both end in a mod-10 check digit: from the rightmost data digit leftwards
//! the weights alternate 3, 1, 3, …, and the check digit brings the sum to a
//! multiple of ten. The XSD types are plain tokens (`TGLN` 1–13 characters,
//! `TZnakowy20` for GTIN), so the check applies only when the value has the
//! identifier's shape: 13 digits for a GLN, 8, 12, 13 or 14 digits for a
//! GTIN. [`Gs1Error::NotApplicable`] marks the other values.
//!
//! ```
//! use fa3::domain::gs1::{self, Gs1Error, GtinFormat};
//!
//! assert_eq!(gs1::validate_gln("5901234123457"), Ok(()));
//! assert_eq!(
//!     gs1::validate_gln("5901234123458"),
//!     Err(Gs1Error::CheckDigit { expected: 7, found: 8 })
//! );
//! assert_eq!(gs1::validate_gtin("4006381333931"), Ok(GtinFormat::Gtin13));
//! ```

/// Why a GLN or GTIN is not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Gs1Error {
    /// The value does not have the identifier's shape (digits only, of a
    /// GS1 length), so the check digit is not checked. Rules treat this as
    /// "not a GS1 number", not as a defect.
    #[error("not a GS1 number (expected {expected})")]
    NotApplicable {
        /// What was expected, e.g. `"13 digits"`.
        expected: &'static str,
    },
    /// The check digit does not match.
    #[error("GS1 check digit is {found}, expected {expected}")]
    CheckDigit {
        /// The check digit the other digits call for.
        expected: u8,
        /// The last digit as written.
        found: u8,
    },
}

/// The GTIN length found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GtinFormat {
    /// 8 digits (EAN-8).
    Gtin8,
    /// 12 digits (UPC-A).
    Gtin12,
    /// 13 digits (EAN-13).
    Gtin13,
    /// 14 digits (ITF-14).
    Gtin14,
}

/// The GS1 mod-10 check digit for a string of ASCII digits (without its
/// check digit), or `None` when `data` is empty or has a non-digit.
///
/// ```
/// assert_eq!(fa3::domain::gs1::check_digit("590123412345"), Some(7));
/// assert_eq!(fa3::domain::gs1::check_digit("59012341234x"), None);
/// ```
pub fn check_digit(data: &str) -> Option<u8> {
    if data.is_empty() || !data.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = data
        .bytes()
        .rev()
        .zip([3u32, 1].into_iter().cycle())
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    u8::try_from((10 - sum % 10) % 10).ok()
}

/// Checks a 13-digit GLN.
pub fn validate_gln(s: &str) -> Result<(), Gs1Error> {
    if s.len() != 13 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Gs1Error::NotApplicable {
            expected: "13 digits",
        });
    }
    verify(s)
}

/// Checks a GTIN of 8, 12, 13 or 14 digits.
pub fn validate_gtin(s: &str) -> Result<GtinFormat, Gs1Error> {
    let not_applicable = Gs1Error::NotApplicable {
        expected: "8, 12, 13 or 14 digits",
    };
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(not_applicable);
    }
    let format = match s.len() {
        8 => GtinFormat::Gtin8,
        12 => GtinFormat::Gtin12,
        13 => GtinFormat::Gtin13,
        14 => GtinFormat::Gtin14,
        _ => return Err(not_applicable),
    };
    verify(s).map(|()| format)
}

/// Checks the last digit of an all-digit string against the others.
fn verify(s: &str) -> Result<(), Gs1Error> {
    let (data, last) = s
        .split_at_checked(s.len().saturating_sub(1))
        .unwrap_or_default();
    let found = last
        .bytes()
        .next()
        .map(|b| b.wrapping_sub(b'0'))
        .unwrap_or_default();
    match check_digit(data) {
        Some(expected) if expected == found => Ok(()),
        Some(expected) => Err(Gs1Error::CheckDigit { expected, found }),
        None => Err(Gs1Error::NotApplicable { expected: "digits" }),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn catalog_vectors() {
        // FA3-ID-018
        assert_eq!(validate_gln("5901234123457"), Ok(()));
        assert_eq!(
            validate_gln("5901234123458"),
            Err(Gs1Error::CheckDigit {
                expected: 7,
                found: 8
            })
        );
        // FA3-ID-019
        assert_eq!(validate_gtin("4006381333931"), Ok(GtinFormat::Gtin13));
        assert_eq!(
            validate_gtin("4006381333932"),
            Err(Gs1Error::CheckDigit {
                expected: 1,
                found: 2
            })
        );
    }

    #[test]
    fn gtin_lengths() {
        assert_eq!(validate_gtin("96385074"), Ok(GtinFormat::Gtin8));
        assert_eq!(validate_gtin("036000291452"), Ok(GtinFormat::Gtin12));
        assert_eq!(validate_gtin("10012345678902"), Ok(GtinFormat::Gtin14));
        assert_eq!(
            validate_gtin("036000291453"),
            Err(Gs1Error::CheckDigit {
                expected: 2,
                found: 3
            })
        );
    }

    #[test]
    fn other_shapes_are_not_checked() {
        for s in [
            "",
            "123",
            "1234567890",
            "ABC-123",
            "400638133393a",
            "4006381333931 ",
        ] {
            let r = validate_gtin(s);
            assert!(matches!(r, Err(Gs1Error::NotApplicable { .. })), "{s}");
        }
        for s in ["", "40063813339311", "400638133393", "590123412345a"] {
            let r = validate_gln(s);
            assert!(matches!(r, Err(Gs1Error::NotApplicable { .. })), "{s}");
        }
        assert_eq!(check_digit(""), None);
    }

    #[test]
    fn message() {
        assert_eq!(
            Gs1Error::CheckDigit {
                expected: 7,
                found: 8
            }
            .to_string(),
            "GS1 check digit is 8, expected 7"
        );
    }

    proptest! {
        #[test]
        fn completed_numbers_validate(data in "[0-9]{12}", delta in 1u8..10) {
            let check = check_digit(&data).unwrap();
            let gln = format!("{data}{check}");
            prop_assert_eq!(validate_gln(&gln), Ok(()));
            prop_assert_eq!(validate_gtin(&gln), Ok(GtinFormat::Gtin13));
            let wrong = format!("{data}{}", (check + delta) % 10);
            let is_check_digit_error = matches!(validate_gln(&wrong), Err(Gs1Error::CheckDigit { .. }));
            prop_assert!(is_check_digit_error);
        }

        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            if validate_gtin(&s).is_ok() {
                prop_assert!(matches!(s.len(), 8 | 12 | 13 | 14));
            }
            if validate_gln(&s).is_ok() {
                prop_assert_eq!(s.len(), 13);
            }
        }
    }
}
