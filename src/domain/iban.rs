//! IBAN (ISO 13616) and the Polish NRB, for `RachunekBankowy/NrRB`
//! (FA3-ID-014, FA3-ID-015).
//!
//! An IBAN in electronic format is a country code, two check digits and a
//! country-specific BBAN, uppercase and without spaces. It is valid when its
//! length is the one registered for the country and, with the first four
//! characters moved to the end and letters replaced by 10–35, it is `1 mod
//! 97`. A 26-digit Polish NRB is the IBAN without its `PL` prefix, so it is
//! validated as `PL` + NRB.
//!
//! The XSD type `TNrRB` only limits the length (10–34), so `NrRB` may also
//! hold a foreign non-IBAN account: [`classify_account`] tells the cases
//! apart.
//!
//! ```
//! use fa3::domain::iban::{self, AccountNumber, Iban, IbanError};
//!
//! let iban = Iban::parse("PL61109010140000071219812874").unwrap();
//! assert_eq!(iban.country(), "PL");
//! assert_eq!(Iban::parse("PL61109010140000071219812875"), Err(IbanError::Checksum));
//!
//! // A 26-digit NRB is checked as a Polish IBAN.
//! assert!(matches!(
//!     iban::classify_account("61109010140000071219812874"),
//!     Ok(AccountNumber::Nrb(_))
//! ));
//! // Spaces are never fine in NrRB (FA3-ID-015).
//! assert!(iban::contains_whitespace("PL61 1090 1014 0000 0712 1981 2874"));
//! ```

use std::fmt;
use std::str::FromStr;

use super::first_bad_char;

/// IBAN lengths per country, from the SWIFT IBAN registry, sorted by code.
const LENGTHS: [(&str, usize); 87] = [
    ("AD", 24),
    ("AE", 23),
    ("AL", 28),
    ("AT", 20),
    ("AZ", 28),
    ("BA", 20),
    ("BE", 16),
    ("BG", 22),
    ("BH", 22),
    ("BI", 27),
    ("BR", 29),
    ("BY", 28),
    ("CH", 21),
    ("CR", 22),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DJ", 27),
    ("DK", 18),
    ("DO", 28),
    ("EE", 20),
    ("EG", 29),
    ("ES", 24),
    ("FI", 18),
    ("FK", 18),
    ("FO", 18),
    ("FR", 27),
    ("GB", 22),
    ("GE", 22),
    ("GI", 23),
    ("GL", 18),
    ("GR", 27),
    ("GT", 28),
    ("HN", 28),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IL", 23),
    ("IQ", 23),
    ("IS", 26),
    ("IT", 27),
    ("JO", 30),
    ("KW", 30),
    ("KZ", 20),
    ("LB", 28),
    ("LC", 32),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("LY", 25),
    ("MC", 27),
    ("MD", 24),
    ("ME", 22),
    ("MK", 19),
    ("MN", 20),
    ("MR", 27),
    ("MT", 31),
    ("MU", 30),
    ("NI", 28),
    ("NL", 18),
    ("NO", 15),
    ("PK", 24),
    ("PL", 28),
    ("PS", 29),
    ("PT", 25),
    ("QA", 29),
    ("RO", 24),
    ("RS", 22),
    ("RU", 33),
    ("SA", 24),
    ("SC", 31),
    ("SD", 18),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
    ("SO", 23),
    ("ST", 25),
    ("SV", 28),
    ("TL", 23),
    ("TN", 24),
    ("TR", 26),
    ("UA", 29),
    ("VA", 22),
    ("VG", 24),
    ("XK", 20),
];

/// The registered IBAN length for a country code, or `None` when the
/// country is not in the table.
///
/// ```
/// assert_eq!(fa3::domain::iban::registered_length("PL"), Some(28));
/// assert_eq!(fa3::domain::iban::registered_length("US"), None);
/// ```
pub fn registered_length(country: &str) -> Option<usize> {
    // The table is sorted by code.
    LENGTHS
        .binary_search_by(|&(code, _)| code.cmp(country))
        .ok()
        .and_then(|i| LENGTHS.get(i))
        .map(|&(_, len)| len)
}

/// Why a string is not a valid IBAN or NRB.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IbanError {
    /// A space or other whitespace (FA3-ID-015). The electronic format has
    /// none; [`suggest_compact`] removes it.
    #[error("whitespace at position {position}: an account number is written without spaces")]
    Whitespace {
        /// 1-based character position.
        position: usize,
    },
    /// A character other than an uppercase ASCII letter or digit.
    #[error(
        "unexpected character {found:?} at position {position}: an IBAN has uppercase letters and digits only"
    )]
    InvalidCharacter {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Too short to hold a country code, check digits and a BBAN.
    #[error("an IBAN has at least 15 characters, found {found}")]
    TooShort {
        /// Number of characters found.
        found: usize,
    },
    /// The first two characters are not letters, or the next two not digits.
    #[error("an IBAN starts with a 2-letter country code and 2 check digits")]
    Prefix,
    /// A country without a registered IBAN format.
    #[error("`{country}` has no registered IBAN format")]
    UnknownCountry {
        /// The country code as written.
        country: String,
    },
    /// Not the registered length for the country.
    #[error("an IBAN from {country} has {expected} characters, found {found}")]
    Length {
        /// The country code.
        country: String,
        /// The registered length.
        expected: usize,
        /// The length found.
        found: usize,
    },
    /// The mod-97 check fails.
    #[error("the IBAN check digits are wrong (mod 97 check failed)")]
    Checksum,
    /// A Polish NRB that is not 26 digits.
    #[error("a Polish NRB has 26 digits, found {found} characters")]
    NrbLength {
        /// Number of characters found.
        found: usize,
    },
}

/// An IBAN in electronic format, with a registered length and valid check
/// digits.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Iban {
    text: Box<str>,
}

impl Iban {
    /// Parses an IBAN in electronic format (no spaces, uppercase).
    pub fn parse(s: &str) -> Result<Iban, IbanError> {
        // Only uppercase letters and digits (the usual case): neither error
        // below can apply, so one pass decides it.
        if !s
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            if let Some((position, _)) = first_bad_char(s, |c| !c.is_whitespace()) {
                return Err(IbanError::Whitespace { position });
            }
            if let Some((position, found)) =
                first_bad_char(s, |c| c.is_ascii_uppercase() || c.is_ascii_digit())
            {
                return Err(IbanError::InvalidCharacter { position, found });
            }
        }
        // Only ASCII is left, so byte offsets are character positions.
        let bytes = s.as_bytes();
        if bytes.len() < 15 {
            return Err(IbanError::TooShort { found: bytes.len() });
        }
        if !starts_like_iban(bytes) {
            return Err(IbanError::Prefix);
        }
        let country = s.get(..2).unwrap_or_default();
        let expected = registered_length(country).ok_or_else(|| IbanError::UnknownCountry {
            country: country.to_owned(),
        })?;
        if bytes.len() != expected {
            return Err(IbanError::Length {
                country: country.to_owned(),
                expected,
                found: bytes.len(),
            });
        }
        if mod97_rotated(bytes) != 1 {
            return Err(IbanError::Checksum);
        }
        Ok(Iban { text: s.into() })
    }

    /// Parses a 26-digit Polish NRB as the IBAN `PL` + NRB.
    pub fn from_nrb(nrb: &str) -> Result<Iban, IbanError> {
        if let Some((position, _)) = first_bad_char(nrb, |c| !c.is_whitespace()) {
            return Err(IbanError::Whitespace { position });
        }
        if let Some((position, found)) = first_bad_char(nrb, |c| c.is_ascii_digit()) {
            return Err(IbanError::InvalidCharacter { position, found });
        }
        if nrb.len() != 26 {
            return Err(IbanError::NrbLength { found: nrb.len() });
        }
        let mut iban = String::with_capacity(2 + nrb.len());
        iban.push_str("PL");
        iban.push_str(nrb);
        Iban::parse(&iban)
    }

    /// Builds an IBAN from a country code and a BBAN, computing the check
    /// digits.
    ///
    /// ```
    /// use fa3::domain::iban::Iban;
    ///
    /// let iban = Iban::compose("PL", "109010140000071219812874").unwrap();
    /// assert_eq!(iban.as_str(), "PL61109010140000071219812874");
    /// ```
    pub fn compose(country: &str, bban: &str) -> Result<Iban, IbanError> {
        let probe = format!("{country}00{bban}");
        let bytes = probe.as_bytes();
        let check = 98 - mod97_rotated(bytes);
        Iban::parse(&format!("{country}{check:02}{bban}"))
    }

    /// The IBAN as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The two-letter country code.
    pub fn country(&self) -> &str {
        self.text.get(..2).unwrap_or_default()
    }

    /// The two check digits.
    pub fn check_digits(&self) -> &str {
        self.text.get(2..4).unwrap_or_default()
    }

    /// The country-specific part after the check digits.
    pub fn bban(&self) -> &str {
        self.text.get(4..).unwrap_or_default()
    }

    /// For a Polish IBAN, the 26-digit NRB (the IBAN without `PL`).
    pub fn nrb(&self) -> Option<&str> {
        (self.country() == "PL")
            .then(|| self.text.get(2..))
            .flatten()
    }
}

impl fmt::Display for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Iban({})", self.text)
    }
}

impl FromStr for Iban {
    type Err = IbanError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Iban::parse(s)
    }
}

/// What an `NrRB` value holds.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AccountNumber {
    /// A valid IBAN.
    Iban(Iban),
    /// A valid 26-digit Polish NRB, with its IBAN form.
    Nrb(Iban),
    /// Neither IBAN-shaped (`[A-Z]{2}\d{2}…`) nor 26 digits: a foreign
    /// account in some other format, which gets no further check.
    Other,
}

/// Classifies and validates an `NrRB` value (FA3-ID-014):
///
/// - whitespace anywhere is an error (FA3-ID-015);
/// - a value starting with `[A-Z]{2}\d{2}` must be a valid IBAN;
/// - 26 digits must be a valid NRB;
/// - anything else is [`AccountNumber::Other`].
pub fn classify_account(s: &str) -> Result<AccountNumber, IbanError> {
    if let Some((position, _)) = first_bad_char(s, |c| !c.is_whitespace()) {
        return Err(IbanError::Whitespace { position });
    }
    let bytes = s.as_bytes();
    if starts_like_iban(bytes) {
        Iban::parse(s).map(AccountNumber::Iban)
    } else if bytes.len() == 26 && bytes.iter().all(u8::is_ascii_digit) {
        Iban::from_nrb(s).map(AccountNumber::Nrb)
    } else {
        Ok(AccountNumber::Other)
    }
}

/// `[A-Z]{2}\d{2}` at the start.
fn starts_like_iban(bytes: &[u8]) -> bool {
    matches!(
        bytes,
        [a, b, c, d, ..] if a.is_ascii_uppercase() && b.is_ascii_uppercase()
            && c.is_ascii_digit() && d.is_ascii_digit()
    )
}

/// True when `s` contains whitespace (FA3-ID-015). `TNrRB` is `xs:string`,
/// so the schema accepts `PL61 1090 …` as long as it is at most 34
/// characters.
pub fn contains_whitespace(s: &str) -> bool {
    s.chars().any(char::is_whitespace)
}

/// Proposes the account number without whitespace, and uppercased when it
/// then starts like an IBAN. Returns `Some` only when the result differs
/// from the input and [`classify_account`] accepts it.
///
/// ```
/// use fa3::domain::iban::suggest_compact;
///
/// assert_eq!(
///     suggest_compact("PL61 1090 1014 0000 0712 1981 2874").as_deref(),
///     Some("PL61109010140000071219812874")
/// );
/// assert_eq!(suggest_compact("PL61109010140000071219812874"), None);
/// ```
pub fn suggest_compact(s: &str) -> Option<String> {
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let candidate = if starts_like_iban(compact.to_ascii_uppercase().as_bytes()) {
        compact.to_ascii_uppercase()
    } else {
        compact
    };
    (candidate != s && classify_account(&candidate).is_ok()).then_some(candidate)
}

/// True when `s` is a valid IBAN in electronic format.
pub fn is_valid(s: &str) -> bool {
    Iban::parse(s).is_ok()
}

/// ISO 7064 MOD 97-10 over digits and uppercase letters (A = 10 … Z = 35),
/// one character more of the number taken modulo 97. Any other byte is
/// skipped (callers pass validated input).
fn mod97_step(acc: u32, b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (acc * 10 + u32::from(b - b'0')) % 97,
        b'A'..=b'Z' => (acc * 100 + u32::from(b - b'A') + 10) % 97,
        _ => acc,
    }
}

/// The IBAN check: `bytes` with its first four characters moved to the
/// end, modulo 97 (the two parts folded one after the other).
fn mod97_rotated(bytes: &[u8]) -> u32 {
    let (head, tail) = bytes.split_at_checked(4).unwrap_or_default();
    head.iter()
        .copied()
        .fold(tail.iter().copied().fold(0, mod97_step), mod97_step)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(LENGTHS.windows(2).all(|w| w[0].0 < w[1].0));
        for (code, len) in LENGTHS {
            assert_eq!(registered_length(code), Some(len), "{code}");
        }
        assert_eq!(registered_length("XX"), None);
        assert_eq!(registered_length(""), None);
    }

    #[test]
    fn rotated_mod97_moves_the_first_four_characters_to_the_end() {
        for s in [
            "PL61109010140000071219812874",
            "GB82WEST12345698765432",
            "NO9386011117947",
        ] {
            let b = s.as_bytes();
            let rotated: Vec<u8> = b.iter().skip(4).chain(b.iter().take(4)).copied().collect();
            let expected = rotated.iter().fold(0, |acc, &b| mod97_step(acc, b));
            assert_eq!(mod97_rotated(b), expected, "{s}");
        }
        assert_eq!(mod97_rotated(b"PL61109010140000071219812874"), 1);
    }

    #[test]
    fn table_is_unique_and_well_formed() {
        let mut codes: Vec<&str> = LENGTHS.iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), LENGTHS.len());
        for (code, len) in LENGTHS {
            assert!(super::super::country::is_banking_country(code), "{code}");
            assert!((15..=34).contains(&len), "{code}");
        }
    }

    #[test]
    fn catalog_vectors() {
        // FA3-ID-014
        let iban = Iban::parse("PL61109010140000071219812874").unwrap();
        assert_eq!(iban.country(), "PL");
        assert_eq!(iban.check_digits(), "61");
        assert_eq!(iban.bban(), "109010140000071219812874");
        assert_eq!(iban.nrb(), Some("61109010140000071219812874"));
        assert_eq!(
            Iban::parse("PL61109010140000071219812875"),
            Err(IbanError::Checksum)
        );
        // A 26-digit NRB with wrong check digits.
        assert_eq!(
            classify_account("62109010140000071219812874"),
            Err(IbanError::Checksum)
        );
        assert_eq!(
            classify_account("61109010140000071219812874"),
            Ok(AccountNumber::Nrb(iban.clone()))
        );
        assert_eq!(
            classify_account("PL61109010140000071219812874"),
            Ok(AccountNumber::Iban(iban))
        );
        // FA3-ID-015
        let spaced = "PL61 1090 1014 0000 0712 1981 2874";
        assert!(contains_whitespace(spaced));
        assert_eq!(
            classify_account(spaced),
            Err(IbanError::Whitespace { position: 5 })
        );
        assert_eq!(
            suggest_compact(spaced).as_deref(),
            Some("PL61109010140000071219812874")
        );
    }

    #[test]
    fn registry_examples() {
        for s in [
            "DE89370400440532013000",
            "GB29NWBK60161331926819",
            "NL91ABNA0417164300",
            "NO9386011117947",
            "BE68539007547034",
            "FR1420041010050500013M02606",
            "MT84MALT011000012345MTLCAST001S",
            "SC18SSCB11010000000000001497USD",
            "AT611904300234573201",
            "CZ6508000000192000145399",
            "LT121000011101001000",
            "SK3112000000198742637541",
            "XK051212012345678906",
        ] {
            let iban = Iban::parse(s).unwrap();
            assert_eq!(iban.to_string(), s);
            assert_eq!(iban.nrb(), None);
            assert_eq!(Iban::compose(iban.country(), iban.bban()), Ok(iban));
        }
        // The registry's Dutch example with wrong check digits.
        assert_eq!(Iban::parse("NL92ABNA0417164300"), Err(IbanError::Checksum));
    }

    #[test]
    fn format_errors() {
        assert_eq!(
            Iban::parse("pl61109010140000071219812874"),
            Err(IbanError::InvalidCharacter {
                position: 1,
                found: 'p'
            })
        );
        assert_eq!(
            Iban::parse("PL6110901014000007121981287"),
            Err(IbanError::Length {
                country: "PL".into(),
                expected: 28,
                found: 27
            })
        );
        assert_eq!(
            Iban::parse("US61109010140000071219812874"),
            Err(IbanError::UnknownCountry {
                country: "US".into()
            })
        );
        assert_eq!(Iban::parse("PL61"), Err(IbanError::TooShort { found: 4 }));
        assert_eq!(
            Iban::parse("P161109010140000071219812874"),
            Err(IbanError::Prefix)
        );
        assert_eq!(
            Iban::parse("PLX1109010140000071219812874"),
            Err(IbanError::Prefix)
        );
        assert_eq!(
            Iban::from_nrb("6110901014000007121981287"),
            Err(IbanError::NrbLength { found: 25 })
        );
        assert_eq!(
            Iban::from_nrb("61 109010140000071219812874"),
            Err(IbanError::Whitespace { position: 3 })
        );
        assert_eq!(
            Iban::from_nrb("6110901014000007121981287A"),
            Err(IbanError::InvalidCharacter {
                position: 26,
                found: 'A'
            })
        );
        assert_eq!(
            Iban::from_nrb("61109010140000071219812874")
                .unwrap()
                .as_str(),
            "PL61109010140000071219812874"
        );
        assert!(!is_valid(""));
    }

    #[test]
    fn other_accounts() {
        assert_eq!(classify_account("123456789012"), Ok(AccountNumber::Other));
        assert_eq!(classify_account("ABCD1234567"), Ok(AccountNumber::Other));
        assert_eq!(
            classify_account("12345678901234567890123456"),
            Err(IbanError::Checksum)
        );
        assert!(!contains_whitespace("123"));
        assert_eq!(suggest_compact("123 456"), Some("123456".into()));
        assert_eq!(suggest_compact("PL62 1090"), None);
        assert_eq!(
            suggest_compact("pl61 1090 1014 0000 0712 1981 2874").as_deref(),
            Some("PL61109010140000071219812874")
        );
    }

    proptest! {
        #[test]
        fn composed_polish_ibans_validate(bban in "[0-9]{24}", position in 4usize..28, delta in 1u8..10) {
            let iban = Iban::compose("PL", &bban).unwrap();
            prop_assert_eq!(Iban::parse(iban.as_str()), Ok(iban.clone()));
            let nrb = iban.nrb().unwrap();
            prop_assert_eq!(Iban::from_nrb(nrb), Ok(iban.clone()));
            // Mod 97 detects every single-digit change.
            let mut bytes = iban.as_str().as_bytes().to_vec();
            bytes[position] = b'0' + (bytes[position] - b'0' + delta) % 10;
            let mutated = String::from_utf8(bytes).unwrap();
            prop_assert_eq!(Iban::parse(&mutated), Err(IbanError::Checksum));
        }

        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            prop_assert_eq!(Iban::parse(&s).is_ok(), is_valid(&s));
            let _ = classify_account(&s);
            if let Some(fixed) = suggest_compact(&s) {
                prop_assert!(!contains_whitespace(&fixed));
                prop_assert!(classify_account(&fixed).is_ok());
            }
        }
    }
}
