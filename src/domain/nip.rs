//! NIP, the Polish tax identification number (FA3-ID-001, FA3-ID-002,
//! FA3-ID-003, FA3-NIP-001).
//!
//! A NIP is exactly ten ASCII digits matching the XSD pattern
//! `[1-9]((\d[1-9])|([1-9]\d))\d{7}`: the first digit is not zero and digits
//! 2–3 (the tax-office prefix) are not both zero. The last digit is a check
//! digit: `Σ d[i]·w[i] mod 11` over the first nine digits with
//! `w = 6,5,7,2,3,4,5,6,7`. A remainder of 10 means that no check digit
//! exists, so such a number is never valid.
//!
//! ```
//! use fa3::domain::nip::{self, Nip, NipError};
//!
//! assert!(nip::is_valid("7335255579"));
//! // Remainder 10: invalid even though the last digit is 0.
//! assert_eq!(Nip::parse("1234567080"), Err(NipError::RemainderTen));
//! assert_eq!(Nip::parse("1001234567"), Err(NipError::ZeroOfficeCode));
//! ```

use std::fmt;
use std::str::FromStr;

use super::{ascii_digits, first_bad_char, weighted_sum};

/// Weights of the NIP checksum.
const WEIGHTS: [u8; 9] = [6, 5, 7, 2, 3, 4, 5, 6, 7];

/// Why a string is not a valid NIP.
///
/// [`NipError::is_format`] separates format problems (FA3-ID-001, an XSD
/// error) from checksum problems (FA3-ID-002, a KSeF error in production).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NipError {
    /// A character other than an ASCII digit (a `PL` prefix, a space, a
    /// hyphen, ...).
    #[error("unexpected character {found:?} at position {position}: a NIP is 10 digits only")]
    InvalidCharacter {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// All digits, but not ten of them.
    #[error("a NIP has 10 digits, found {found}")]
    Length {
        /// Number of digits found.
        found: usize,
    },
    /// The first digit is `0`.
    #[error("a NIP cannot start with 0")]
    LeadingZero,
    /// Digits 2–3 are `00`, which is not a tax-office prefix.
    #[error("digits 2-3 of a NIP cannot both be 0")]
    ZeroOfficeCode,
    /// The check digit does not match.
    #[error("NIP check digit is {found}, expected {expected}")]
    Checksum {
        /// The check digit the first nine digits call for.
        expected: u8,
        /// The last digit as written.
        found: u8,
    },
    /// The weighted sum leaves remainder 10, so no check digit can make the
    /// first nine digits a valid NIP.
    #[error("NIP checksum remainder is 10: no NIP starts with these nine digits")]
    RemainderTen,
}

impl NipError {
    /// True for a format problem (FA3-ID-001), false for a checksum problem
    /// (FA3-ID-002).
    pub fn is_format(&self) -> bool {
        !matches!(self, NipError::Checksum { .. } | NipError::RemainderTen)
    }
}

/// A NIP with a valid format and checksum.
///
/// Holds the ten digits exactly as written; a NIP has no other spelling.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Nip([u8; 10]);

impl Nip {
    /// Parses a NIP: exactly ten digits, the XSD pattern, and the checksum.
    ///
    /// Surrounding whitespace is an error (the XSD type is `xs:string`, so
    /// KSeF does not trim it); [`suggest_normalised`] offers the fix.
    ///
    /// ```
    /// use fa3::domain::nip::{Nip, NipError};
    ///
    /// assert_eq!(Nip::parse("5261040828").unwrap().to_string(), "5261040828");
    /// assert_eq!(
    ///     Nip::parse(" 5261040828"),
    ///     Err(NipError::InvalidCharacter { position: 1, found: ' ' })
    /// );
    /// assert_eq!(
    ///     Nip::parse("5261040829"),
    ///     Err(NipError::Checksum { expected: 8, found: 9 })
    /// );
    /// ```
    pub fn parse(s: &str) -> Result<Nip, NipError> {
        let digits = format_digits(s)?;
        let [first_nine @ .., last] = digits;
        let expected = check_digit(first_nine).ok_or(NipError::RemainderTen)?;
        if expected != last {
            return Err(NipError::Checksum {
                expected,
                found: last,
            });
        }
        Ok(Nip(digits.map(|d| d + b'0')))
    }

    /// Completes nine leading digits with their check digit.
    ///
    /// Fails with a format error when `first_nine` is not nine digits
    /// matching the start of the NIP pattern, and with
    /// [`NipError::RemainderTen`] when no check digit exists.
    ///
    /// ```
    /// use fa3::domain::nip::Nip;
    ///
    /// assert_eq!(Nip::with_check_digit("526587763").unwrap().as_str(), "5265877635");
    /// ```
    pub fn with_check_digit(first_nine: &str) -> Result<Nip, NipError> {
        if let Some((position, found)) = first_bad_char(first_nine, |c| c.is_ascii_digit()) {
            return Err(NipError::InvalidCharacter { position, found });
        }
        let body: [u8; 9] = ascii_digits(first_nine).ok_or(NipError::Length {
            found: first_nine.len(),
        })?;
        check_prefix(body)?;
        let check = check_digit(body).ok_or(NipError::RemainderTen)?;
        let mut out = [0u8; 10];
        for (slot, d) in out.iter_mut().zip(body.iter().chain(Some(&check))) {
            *slot = d + b'0';
        }
        Ok(Nip(out))
    }

    /// The ten digits as a string.
    pub fn as_str(&self) -> &str {
        // Always ASCII digits; the fallback is never taken.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    /// The digit values 0–9.
    pub fn digits(&self) -> [u8; 10] {
        self.0.map(|b| b.wrapping_sub(b'0'))
    }

    /// True for an all-same-digit test NIP such as `9999999999` or
    /// `1111111111` (FA3-ID-003). These pass the checksum but are not real
    /// taxpayers.
    pub fn is_placeholder(&self) -> bool {
        is_placeholder(self.as_str())
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nip({})", self.as_str())
    }
}

impl AsRef<str> for Nip {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl FromStr for Nip {
    type Err = NipError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Nip::parse(s)
    }
}

impl TryFrom<&str> for Nip {
    type Error = NipError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Nip::parse(s)
    }
}

/// The check digit for nine digit values (each 0–9), or `None` when the
/// remainder is 10 or a value is larger than 9.
///
/// ```
/// assert_eq!(fa3::domain::nip::check_digit([5, 2, 6, 5, 8, 7, 7, 6, 3]), Some(5));
/// assert_eq!(fa3::domain::nip::check_digit([1, 2, 3, 4, 5, 6, 7, 0, 8]), None);
/// ```
pub fn check_digit(first_nine: [u8; 9]) -> Option<u8> {
    if first_nine.iter().any(|&d| d > 9) {
        return None;
    }
    let remainder = weighted_sum(&first_nine, &WEIGHTS) % 11;
    if remainder == 10 {
        None
    } else {
        u8::try_from(remainder).ok()
    }
}

/// True when `s` is a valid NIP (format and checksum).
pub fn is_valid(s: &str) -> bool {
    Nip::parse(s).is_ok()
}

/// Checks only the format (FA3-ID-001): ten digits matching the XSD pattern.
/// The checksum is not looked at.
///
/// ```
/// use fa3::domain::nip;
///
/// assert!(nip::check_format("5265877636").is_ok()); // bad checksum, good format
/// assert!(nip::check_format("PL5265877635").is_err());
/// ```
pub fn check_format(s: &str) -> Result<(), NipError> {
    format_digits(s).map(|_| ())
}

/// True for an all-same-digit ten-digit string such as `9999999999`,
/// `1111111111` or `0000000000` (FA3-ID-003). The MF samples use
/// `9999999999` and the KSeF docs `1111111111`; every all-same-digit string
/// except `0000000000` passes the checksum.
pub fn is_placeholder(s: &str) -> bool {
    let mut bytes = s.bytes();
    match bytes.next() {
        Some(first) if first.is_ascii_digit() => s.len() == 10 && bytes.all(|b| b == first),
        _ => false,
    }
}

/// Proposes a corrected spelling of a NIP written with a `PL` prefix,
/// separators or surrounding whitespace, e.g. `PL5265877635`,
/// `526-587-76-35`, `526 587 76 35` or `" 5265877635 "`.
///
/// Returns `Some` only when the cleaned string differs from the input and
/// has a valid NIP *format* (FA3-ID-001). The checksum is not required: a
/// suggestion fixes the spelling, and a wrong checksum is reported on its
/// own. The input is never modified: rewriting it would change the invoice
/// hash.
///
/// ```
/// use fa3::domain::nip::suggest_normalised;
///
/// assert_eq!(suggest_normalised("PL5265877635").as_deref(), Some("5265877635"));
/// assert_eq!(suggest_normalised("526-587-76-35").as_deref(), Some("5265877635"));
/// assert_eq!(suggest_normalised("526 587 76 35").as_deref(), Some("5265877635"));
/// assert_eq!(suggest_normalised(" 5265877635\t").as_deref(), Some("5265877635"));
/// assert_eq!(suggest_normalised("5265877635"), None); // nothing to fix
/// assert_eq!(suggest_normalised("DE5265877635"), None); // not a NIP spelling
/// ```
pub fn suggest_normalised(s: &str) -> Option<String> {
    let trimmed = s.trim();
    let body = match (trimmed.get(..2), trimmed.get(2..)) {
        (Some(prefix), Some(rest)) if prefix.eq_ignore_ascii_case("PL") => rest,
        _ => trimmed,
    };
    let candidate: String = body.chars().filter(|&c| !is_separator(c)).collect();
    if candidate == s || check_format(&candidate).is_err() {
        return None;
    }
    Some(candidate)
}

/// Characters people put between NIP digits.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '/' | '\u{2010}'..='\u{2015}')
}

/// The digit values of a string with a valid NIP format.
fn format_digits(s: &str) -> Result<[u8; 10], NipError> {
    // Ten ASCII digits (the usual case): no character to report.
    if let Some(digits) = ascii_digits::<10>(s) {
        let [d0, d1, d2, ..] = digits;
        check_prefix([d0, d1, d2])?;
        return Ok(digits);
    }
    if let Some((position, found)) = first_bad_char(s, |c| c.is_ascii_digit()) {
        return Err(NipError::InvalidCharacter { position, found });
    }
    // Only ASCII digits are left, so the byte length is the digit count.
    let digits: [u8; 10] = ascii_digits(s).ok_or(NipError::Length { found: s.len() })?;
    let [d0, d1, d2, ..] = digits;
    check_prefix([d0, d1, d2])?;
    Ok(digits)
}

/// The pattern's constraints on the first three digits.
fn check_prefix<const N: usize>(digits: [u8; N]) -> Result<(), NipError> {
    match digits.as_slice() {
        [0, ..] => Err(NipError::LeadingZero),
        [_, 0, 0, ..] => Err(NipError::ZeroOfficeCode),
        _ => Ok(()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn catalog_valid_vectors() {
        // FA3-ID-002
        for s in ["5265877635", "5261040828", "7335255579"] {
            let nip = Nip::parse(s).unwrap();
            assert_eq!(nip.as_str(), s);
            assert_eq!(nip.to_string(), s);
            assert!(is_valid(s));
        }
    }

    #[test]
    fn catalog_invalid_vectors() {
        // FA3-ID-002: 1234567890 has remainder 10, so no last digit helps.
        assert_eq!(Nip::parse("1234567890"), Err(NipError::RemainderTen));
        assert_eq!(
            Nip::parse("5265877636"),
            Err(NipError::Checksum {
                expected: 5,
                found: 6
            })
        );
        // Remainder 10 with a final 0 must still fail.
        assert_eq!(Nip::parse("1234567080"), Err(NipError::RemainderTen));
        // FA3-ID-001
        assert_eq!(
            Nip::parse("PL5265877635"),
            Err(NipError::InvalidCharacter {
                position: 1,
                found: 'P'
            })
        );
        assert_eq!(
            Nip::parse(" 5265877635"),
            Err(NipError::InvalidCharacter {
                position: 1,
                found: ' '
            })
        );
        assert_eq!(
            Nip::parse("5265877635 "),
            Err(NipError::InvalidCharacter {
                position: 11,
                found: ' '
            })
        );
        assert_eq!(
            Nip::parse("526-587-76-35"),
            Err(NipError::InvalidCharacter {
                position: 4,
                found: '-'
            })
        );
        assert_eq!(Nip::parse("1001234567"), Err(NipError::ZeroOfficeCode));
        assert_eq!(Nip::parse("0265877635"), Err(NipError::LeadingZero));
        assert_eq!(Nip::parse("526587763"), Err(NipError::Length { found: 9 }));
        assert_eq!(Nip::parse(""), Err(NipError::Length { found: 0 }));
        assert_eq!(
            Nip::parse("52658776355"),
            Err(NipError::Length { found: 11 })
        );
        // Non-ASCII digits are not digits.
        assert_eq!(
            Nip::parse("٥265877635"),
            Err(NipError::InvalidCharacter {
                position: 1,
                found: '٥'
            })
        );
    }

    #[test]
    fn office_code_allows_one_zero() {
        // `(\d[1-9])|([1-9]\d)`: one zero among digits 2-3 is fine.
        assert!(check_format("1011234567").is_ok());
        assert!(check_format("1101234567").is_ok());
        assert_eq!(check_format("1001234567"), Err(NipError::ZeroOfficeCode));
    }

    #[test]
    fn format_and_checksum_are_classified() {
        assert!(Nip::parse("PL5265877635").unwrap_err().is_format());
        assert!(Nip::parse("1001234567").unwrap_err().is_format());
        assert!(!Nip::parse("5265877636").unwrap_err().is_format());
        assert!(!Nip::parse("1234567080").unwrap_err().is_format());
    }

    #[test]
    fn placeholders() {
        // FA3-ID-003
        for s in ["9999999999", "1111111111"] {
            let nip = Nip::parse(s).unwrap();
            assert!(nip.is_placeholder(), "{s}");
        }
        assert!(is_placeholder("0000000000"));
        assert!(!is_placeholder("5265877635"));
        assert!(!is_placeholder("999999999"));
        assert!(!is_placeholder("99999999999"));
        assert!(!is_placeholder("aaaaaaaaaa"));
        assert!(!is_placeholder(""));
        assert!(!Nip::parse("5265877635").unwrap().is_placeholder());
    }

    #[test]
    fn suggestions() {
        let cases = [
            ("PL5265877635", Some("5265877635")),
            ("pl5265877635", Some("5265877635")),
            ("PL 5265877635", Some("5265877635")),
            ("PL-526-587-76-35", Some("5265877635")),
            ("526-587-76-35", Some("5265877635")),
            ("526 587 76 35", Some("5265877635")),
            ("52 65 87 76 35", Some("5265877635")),
            (" 5265877635", Some("5265877635")),
            ("5265877635 ", Some("5265877635")),
            ("\u{a0}5265877635\u{a0}", Some("5265877635")),
            ("526.587.76.35", Some("5265877635")),
            // A spelling fix does not need a valid checksum.
            ("PL5265877636", Some("5265877636")),
            // Nothing to fix.
            ("5265877635", None),
            // Not fixable into a NIP format.
            ("DE5265877635", None),
            ("PL1001234567", None),
            ("PL526587763", None),
            ("", None),
            ("PL", None),
            ("ż", None),
        ];
        for (input, expected) in cases {
            assert_eq!(suggest_normalised(input).as_deref(), expected, "{input:?}");
        }
    }

    #[test]
    fn with_check_digit_completes_or_explains() {
        assert_eq!(
            Nip::with_check_digit("526104082").unwrap().as_str(),
            "5261040828"
        );
        assert_eq!(
            Nip::with_check_digit("123456708"),
            Err(NipError::RemainderTen)
        );
        assert_eq!(
            Nip::with_check_digit("100123456"),
            Err(NipError::ZeroOfficeCode)
        );
        assert_eq!(
            Nip::with_check_digit("52610408"),
            Err(NipError::Length { found: 8 })
        );
        assert_eq!(
            Nip::with_check_digit("52610408x"),
            Err(NipError::InvalidCharacter {
                position: 9,
                found: 'x'
            })
        );
    }

    #[test]
    fn accessors_and_traits() {
        let nip: Nip = "5265877635".parse().unwrap();
        assert_eq!(nip.digits(), [5, 2, 6, 5, 8, 7, 7, 6, 3, 5]);
        assert_eq!(format!("{nip:?}"), "Nip(5265877635)");
        assert_eq!(Nip::try_from("5265877635").unwrap(), nip);
        assert_eq!(AsRef::<str>::as_ref(&nip), "5265877635");
    }

    #[test]
    fn check_digit_rejects_non_digit_values() {
        assert_eq!(check_digit([5, 2, 6, 5, 8, 7, 7, 6, 10]), None);
    }

    #[test]
    fn error_messages_name_the_problem() {
        assert_eq!(
            NipError::Checksum {
                expected: 5,
                found: 6
            }
            .to_string(),
            "NIP check digit is 6, expected 5"
        );
        assert_eq!(
            NipError::InvalidCharacter {
                position: 1,
                found: 'P'
            }
            .to_string(),
            "unexpected character 'P' at position 1: a NIP is 10 digits only"
        );
    }

    /// Nine leading digits with a valid NIP format.
    fn first_nine() -> impl Strategy<Value = String> {
        "[1-9]([0-9][1-9]|[1-9][0-9])[0-9]{6}"
    }

    proptest! {
        #[test]
        fn completed_nip_always_parses(body in first_nine()) {
            match Nip::with_check_digit(&body) {
                Ok(nip) => {
                    prop_assert!(nip.as_str().starts_with(&body));
                    prop_assert_eq!(Nip::parse(nip.as_str()), Ok(nip));
                }
                Err(e) => prop_assert_eq!(e, NipError::RemainderTen),
            }
        }

        #[test]
        fn changing_the_last_digit_always_fails(body in first_nine(), delta in 1u8..10) {
            if let Ok(nip) = Nip::with_check_digit(&body) {
                let [.., last] = nip.digits();
                let other = (last + delta) % 10;
                let mutated = format!("{body}{other}");
                let is_checksum_error =
                    matches!(Nip::parse(&mutated), Err(NipError::Checksum { .. }));
                prop_assert!(is_checksum_error);
            }
        }

        #[test]
        fn remainder_ten_bodies_never_validate(body in first_nine(), last in 0u8..10) {
            if Nip::with_check_digit(&body) == Err(NipError::RemainderTen) {
                prop_assert_eq!(Nip::parse(&format!("{body}{last}")), Err(NipError::RemainderTen));
            }
        }

        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            let parsed = Nip::parse(&s);
            prop_assert_eq!(parsed.is_ok(), is_valid(&s));
            if let Ok(nip) = parsed {
                prop_assert_eq!(nip.as_str(), s.as_str());
            }
            if let Some(suggestion) = suggest_normalised(&s) {
                prop_assert!(check_format(&suggestion).is_ok());
                prop_assert_ne!(suggestion, s);
            }
        }

        #[test]
        fn decorated_nips_are_suggested_back(
            body in first_nine(),
            prefix in prop::sample::select(vec!["", "PL", "pl", "PL ", " "]),
            sep in prop::sample::select(vec!["", " ", "-"]),
        ) {
            if let Ok(nip) = Nip::with_check_digit(&body) {
                let s = nip.as_str();
                let decorated = format!(
                    "{prefix}{}{sep}{}{sep}{}{sep}{}",
                    &s[..3], &s[3..6], &s[6..8], &s[8..]
                );
                let expected = if decorated == s { None } else { Some(s.to_owned()) };
                prop_assert_eq!(suggest_normalised(&decorated), expected);
            }
        }
    }
}
