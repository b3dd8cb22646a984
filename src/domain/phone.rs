//! Telephone numbers in `DaneKontaktowe/Telefon` (FA3-ID-023).
//!
//! The XSD type `TNumerTelefonu` is a token of at most 16 characters and
//! nothing more. [`validate`] adds a plausibility check: only digits, spaces,
//! `+`, `(`, `)` and `-`; a `+` only at the start; balanced parentheses;
//! and 3 to 15 digits (E.164 allows at most 15).
//!
//! ```
//! use fa3::domain::phone::{self, PhoneError};
//!
//! assert_eq!(phone::validate("+48 22 123 45 67"), Ok(()));
//! assert_eq!(
//!     phone::validate("+48 123 456 789 000"),
//!     Err(PhoneError::TooLong { found: 19 })
//! );
//! ```

use super::first_bad_char;

/// Why a string is not a plausible telephone number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PhoneError {
    /// The number is empty.
    #[error("the telephone number is empty")]
    Empty,
    /// More than the XSD's 16 characters.
    #[error("a telephone number has at most 16 characters, found {found}")]
    TooLong {
        /// Number of characters found.
        found: usize,
    },
    /// A character other than a digit, space, `+`, `(`, `)` or `-`.
    #[error(
        "unexpected character {found:?} at position {position}: use digits, spaces, `+`, `(`, `)` and `-`"
    )]
    InvalidCharacter {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// A `+` after the first character.
    #[error("`+` may only start the number, found one at position {position}")]
    MisplacedPlus {
        /// 1-based character position.
        position: usize,
    },
    /// `(` and `)` do not pair up.
    #[error("unbalanced parentheses in the telephone number")]
    UnbalancedParentheses,
    /// Fewer than 3 or more than 15 digits.
    #[error("a telephone number has 3 to 15 digits, found {found}")]
    DigitCount {
        /// Number of digits found.
        found: usize,
    },
}

impl PhoneError {
    /// True when the XSD already rejects the value (empty or too long).
    pub fn is_schema_error(&self) -> bool {
        matches!(self, PhoneError::Empty | PhoneError::TooLong { .. })
    }
}

/// Checks a telephone number (see the module docs).
pub fn validate(s: &str) -> Result<(), PhoneError> {
    if s.is_empty() {
        return Err(PhoneError::Empty);
    }
    // No more characters than bytes: only a longer text needs counting.
    if s.len() > 16 {
        let chars = s.chars().count();
        if chars > 16 {
            return Err(PhoneError::TooLong { found: chars });
        }
    }
    if let Some((position, found)) = first_bad_char(s, |c| {
        c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')' | '-')
    }) {
        return Err(PhoneError::InvalidCharacter { position, found });
    }
    // Only ASCII is left, so byte offsets are character positions.
    if let Some(i) = s.bytes().skip(1).position(|b| b == b'+') {
        return Err(PhoneError::MisplacedPlus { position: i + 2 });
    }
    // The parentheses and the digits in one pass.
    let mut depth = 0u32;
    let mut digits = 0usize;
    for b in s.bytes() {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth = depth
                    .checked_sub(1)
                    .ok_or(PhoneError::UnbalancedParentheses)?;
            }
            b'0'..=b'9' => digits += 1,
            _ => {}
        }
    }
    if depth != 0 {
        return Err(PhoneError::UnbalancedParentheses);
    }
    if !(3..=15).contains(&digits) {
        return Err(PhoneError::DigitCount { found: digits });
    }
    Ok(())
}

/// True when `s` passes [`validate`].
pub fn is_valid(s: &str) -> bool {
    validate(s).is_ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn catalog_vector() {
        // FA3-ID-023: 19 characters.
        let e = validate("+48 123 456 789 000").unwrap_err();
        assert_eq!(e, PhoneError::TooLong { found: 19 });
        assert!(e.is_schema_error());
    }

    #[test]
    fn valid_numbers() {
        for s in [
            "+48 22 123 45 67",
            "(22) 123-45-67",
            "601234567",
            "+48601234567",
            "112",
            "+1 (555) 0100",
        ] {
            assert_eq!(validate(s), Ok(()), "{s}");
            assert!(is_valid(s));
        }
    }

    #[test]
    fn implausible_numbers() {
        let cases = [
            ("", PhoneError::Empty),
            (
                "tel. 601234567",
                PhoneError::InvalidCharacter {
                    position: 1,
                    found: 't',
                },
            ),
            (
                "601/234/567",
                PhoneError::InvalidCharacter {
                    position: 4,
                    found: '/',
                },
            ),
            ("48+601234567", PhoneError::MisplacedPlus { position: 3 }),
            ("(22 1234567", PhoneError::UnbalancedParentheses),
            ("22) (1234567", PhoneError::UnbalancedParentheses),
            ("12", PhoneError::DigitCount { found: 2 }),
            ("1234567890123456", PhoneError::DigitCount { found: 16 }),
            ("+-()", PhoneError::DigitCount { found: 0 }),
        ];
        for (input, expected) in cases {
            let e = validate(input).unwrap_err();
            assert_eq!(e, expected, "{input:?}");
            assert_eq!(e.is_schema_error(), input.is_empty());
        }
    }

    proptest! {
        #[test]
        fn plausible_numbers_validate(s in "\\+?[0-9]{3,9}( [0-9]{1,2}){0,2}") {
            prop_assert_eq!(validate(&s), Ok(()));
        }

        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            if validate(&s).is_ok() {
                prop_assert!(s.chars().count() <= 16);
            }
        }
    }
}
