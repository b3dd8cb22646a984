//! The KSeF number that KSeF assigns to an accepted invoice (FA3-ID-008,
//! FA3-ID-009, FA3-ID-010).
//!
//! The current form has 35 characters, `NIP-YYYYMMDD-XXXXXXXXXXXX-CC`:
//!
//! - `NIP`: the seller's NIP. The XSD type `TNumerKSeF` also allows
//!   `M\d{9}` and `[A-Z]{3}\d{7}` in this place;
//! - `YYYYMMDD`: a real calendar date, year 2020 or later;
//! - twelve uppercase hex digits;
//! - `CC`: CRC-8 (polynomial `0x07`, init `0x00`, no reflection, no final
//!   XOR) over the first 32 characters, hyphens included, as two uppercase
//!   hex digits.
//!
//! The legacy KSeF 1.0 form has 36 characters, with a hyphen between two
//! groups of six hex digits. The XSD and the API still accept it, so its
//! format is checked; its check digits used another algorithm and are not
//! verified.
//!
//! ```
//! use fa3::domain::ksef_number::{KsefNumber, KsefNumberError};
//!
//! let n = KsefNumber::parse("5265877635-20250826-0100001AF629-AF").unwrap();
//! assert_eq!(n.prefix(), "5265877635");
//! assert_eq!(n.nip().unwrap().as_str(), "5265877635");
//! assert_eq!(n.date().to_string(), "2025-08-26");
//!
//! assert_eq!(
//!     KsefNumber::parse("5265877635-20250826-0100001AF629-00"),
//!     Err(KsefNumberError::Checksum { expected: 0xAF, found: 0x00 })
//! );
//! ```

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::first_bad_char;
use super::nip::{self, Nip, NipError};

/// Why a string is not a valid KSeF number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum KsefNumberError {
    /// A character other than an ASCII letter, digit or hyphen.
    #[error("unexpected character {found:?} at position {position} in a KSeF number")]
    InvalidCharacter {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Neither 35 (current) nor 36 (legacy) characters.
    #[error("a KSeF number has 35 characters (36 in the legacy form), found {found}")]
    Length {
        /// Number of characters found.
        found: usize,
    },
    /// The hyphen-separated groups do not have the expected lengths.
    #[error("a KSeF number has the form NIP-YYYYMMDD-XXXXXXXXXXXX-CC")]
    Layout,
    /// The first group is neither a NIP, `M` + 9 digits, nor 3 letters + 7
    /// digits.
    #[error("the first group of a KSeF number must be a NIP")]
    Prefix,
    /// The date group is before 2020.
    #[error("the date in a KSeF number cannot be before 2020, found year {year}")]
    YearBefore2020 {
        /// The year as written.
        year: u16,
    },
    /// The date group is not a calendar date (e.g. `20270229`).
    #[error("the date in a KSeF number is not a calendar date: {year:04}-{month:02}-{day:02}")]
    InvalidDate {
        /// The year as written.
        year: u16,
        /// The month as written.
        month: u8,
        /// The day as written.
        day: u8,
    },
    /// A lowercase hex digit; KSeF numbers use `0-9A-F` only.
    #[error("lowercase {found:?} at position {position}: KSeF numbers use uppercase hex digits")]
    Lowercase {
        /// 1-based character position.
        position: usize,
        /// The lowercase character.
        found: char,
    },
    /// A letter that is not a hex digit where hex digits are expected.
    #[error("{found:?} at position {position} is not a hex digit")]
    NotHex {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// The CRC-8 check digits do not match the first 32 characters.
    #[error("KSeF number check digits are {found:02X}, expected {expected:02X}")]
    Checksum {
        /// CRC-8 of the first 32 characters.
        expected: u8,
        /// The last two hex digits as written.
        found: u8,
    },
}

impl KsefNumberError {
    /// True for a format problem (FA3-ID-008); false for a CRC mismatch
    /// (FA3-ID-009), which KSeF does not check inside invoices.
    pub fn is_format(&self) -> bool {
        !matches!(self, KsefNumberError::Checksum { .. })
    }
}

/// A KSeF number with a valid format, a real date, and (for the current
/// 35-character form) valid CRC-8 check digits.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct KsefNumber {
    text: Box<str>,
    date: NaiveDate,
}

/// What the first group of a KSeF number holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PrefixKind {
    /// Ten digits with a NIP format (the checksum is not implied).
    Nip,
    /// `M` followed by nine digits.
    M,
    /// Three uppercase letters followed by seven digits.
    Letters,
}

impl KsefNumber {
    /// Parses a KSeF number: format, date, and the CRC of the 35-character
    /// form.
    pub fn parse(s: &str) -> Result<KsefNumber, KsefNumberError> {
        let date = Self::date_of(s)?;
        Ok(KsefNumber {
            text: s.into(),
            date,
        })
    }

    /// Checks `s` exactly as [`KsefNumber::parse`] does and returns the
    /// date inside it, without keeping a copy of the text (for the rules
    /// that only need the verdict or the date).
    pub fn date_of(s: &str) -> Result<NaiveDate, KsefNumberError> {
        // One pass over the bytes: the first character that is neither an
        // ASCII letter or digit nor `-`, and where the hyphens sit.
        let bytes = s.as_bytes();
        let mut hyphens = [0usize; 4];
        let mut count = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'-' {
                if let Some(slot) = hyphens.get_mut(count) {
                    *slot = i;
                }
                count += 1;
            } else if !b.is_ascii_alphanumeric() {
                // Every earlier character is ASCII, so the byte offset is
                // the character position.
                let found = s.get(i..).and_then(|t| t.chars().next());
                return Err(KsefNumberError::InvalidCharacter {
                    position: i + 1,
                    found: found.unwrap_or(char::REPLACEMENT_CHARACTER),
                });
            }
        }
        // Only ASCII is left, so byte offsets are character positions.
        let legacy = match s.len() {
            35 => false,
            36 => true,
            found => return Err(KsefNumberError::Length { found }),
        };
        // The groups are `prefix(10)-date(8)-hex(12)-crc(2)`, or
        // `prefix(10)-date(8)-hex(6)-hex(6)-crc(2)` in the legacy form: with
        // the length known, the layout holds exactly when the hyphens sit
        // where those groups end.
        let layout: &[usize] = if legacy {
            &[10, 19, 26, 33]
        } else {
            &[10, 19, 32]
        };
        if hyphens.get(..count) != Some(layout) {
            return Err(KsefNumberError::Layout);
        }
        let group = |from: usize, to: usize| s.get(from..to).unwrap_or_default();
        let prefix = group(0, 10);
        let date = group(11, 19);
        let crc = group(s.len() - 2, s.len());
        let hex_groups: &[&str] = if legacy {
            &[group(20, 26), group(27, 33)]
        } else {
            &[group(20, 32)]
        };
        if prefix_kind(prefix).is_none() {
            return Err(KsefNumberError::Prefix);
        }
        let date = parse_date(date)?;
        // Every hex group starts after the prefix, the date and their hyphens.
        let mut offset = 20;
        for group in hex_groups.iter().copied().chain(Some(crc)) {
            check_hex(group, offset)?;
            offset += group.len() + 1;
        }
        if !legacy {
            let found = hex_byte(crc);
            let expected = crc8(s.as_bytes().get(..32).unwrap_or_default());
            if found != Some(expected) {
                return Err(KsefNumberError::Checksum {
                    expected,
                    found: found.unwrap_or_default(),
                });
            }
        }
        Ok(date)
    }

    /// Builds a current-form number from a NIP, a date and the 48-bit
    /// unique part (higher bits of `unique` are ignored), computing the
    /// check digits.
    ///
    /// Fails when the date is before 2020 or after 9999.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use fa3::domain::{ksef_number::KsefNumber, nip::Nip};
    ///
    /// let nip = Nip::parse("5265877635").unwrap();
    /// let date = NaiveDate::from_ymd_opt(2025, 8, 26).unwrap();
    /// let n = KsefNumber::compose(&nip, date, 0x0100_001A_F629).unwrap();
    /// assert_eq!(n.as_str(), "5265877635-20250826-0100001AF629-AF");
    /// ```
    pub fn compose(nip: &Nip, date: NaiveDate, unique: u64) -> Result<KsefNumber, KsefNumberError> {
        let body = format!(
            "{nip}-{:04}{:02}{:02}-{:012X}",
            date.year(),
            date.month(),
            date.day(),
            unique & 0xFFFF_FFFF_FFFF
        );
        let crc = crc8(body.as_bytes());
        KsefNumber::parse(&format!("{body}-{crc:02X}"))
    }

    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The date in the number (the day KSeF accepted the invoice).
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// True for the 36-character KSeF 1.0 form, whose check digits are not
    /// verified.
    pub fn is_legacy(&self) -> bool {
        self.text.len() == 36
    }

    /// The first group: normally the seller's NIP.
    pub fn prefix(&self) -> &str {
        self.text.get(..10).unwrap_or_default()
    }

    /// What the first group holds.
    pub fn prefix_kind(&self) -> PrefixKind {
        // The prefix was checked by `parse`; the fallback is never taken.
        prefix_kind(self.prefix()).unwrap_or(PrefixKind::Nip)
    }

    /// The seller NIP in the first group, with its checksum verified
    /// (FA3-ID-010). Fails for the `M…` and letter prefixes, and for a
    /// NIP-shaped prefix with a wrong check digit.
    pub fn nip(&self) -> Result<Nip, NipError> {
        Nip::parse(self.prefix())
    }
}

impl fmt::Display for KsefNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for KsefNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KsefNumber({})", self.text)
    }
}

impl FromStr for KsefNumber {
    type Err = KsefNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        KsefNumber::parse(s)
    }
}

/// True when `s` is a valid KSeF number.
pub fn is_valid(s: &str) -> bool {
    KsefNumber::parse(s).is_ok()
}

/// CRC-8 with polynomial `0x07`, initial value `0x00`, no reflection and no
/// final XOR (CRC-8/SMBUS), as used for KSeF number check digits.
///
/// ```
/// use fa3::domain::ksef_number::crc8;
///
/// assert_eq!(crc8(b"5265877635-20250826-0100001AF629"), 0xAF);
/// assert_eq!(crc8(b"123456789"), 0xF4); // the standard CRC-8 check value
/// ```
pub fn crc8(data: &[u8]) -> u8 {
    data.iter()
        .fold(0u8, |crc, &byte| CRC8_TABLE[usize::from(crc ^ byte)])
}

/// The CRC-8 of every single byte value: one lookup per byte instead of
/// eight shifts.
const CRC8_TABLE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        #[allow(clippy::cast_possible_truncation)] // i < 256
        let mut crc = i as u8;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 0x80 == 0 {
                crc << 1
            } else {
                (crc << 1) ^ 0x07
            };
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

fn prefix_kind(prefix: &str) -> Option<PrefixKind> {
    let bytes = prefix.as_bytes();
    if nip::check_format(prefix).is_ok() {
        return Some(PrefixKind::Nip);
    }
    match bytes {
        [b'M', rest @ ..] if rest.len() == 9 && rest.iter().all(u8::is_ascii_digit) => {
            Some(PrefixKind::M)
        }
        [a, b, c, rest @ ..]
            if [a, b, c].iter().all(|x| x.is_ascii_uppercase())
                && rest.len() == 7
                && rest.iter().all(u8::is_ascii_digit) =>
        {
            Some(PrefixKind::Letters)
        }
        _ => None,
    }
}

/// Parses the `YYYYMMDD` group, which starts at character 12.
fn parse_date(group: &str) -> Result<NaiveDate, KsefNumberError> {
    if let Some((position, found)) = first_bad_char(group, |c| c.is_ascii_digit()) {
        return Err(KsefNumberError::InvalidCharacter {
            position: 11 + position,
            found,
        });
    }
    // Only ASCII digits are left: at most four of them fit a `u16`.
    let number = |range: std::ops::Range<usize>| -> u16 {
        group.as_bytes().get(range).map_or(0, |digits| {
            digits
                .iter()
                .fold(0u16, |n, &d| n * 10 + u16::from(d - b'0'))
        })
    };
    let year = number(0..4);
    let month = u8::try_from(number(4..6)).unwrap_or_default();
    let day = u8::try_from(number(6..8)).unwrap_or_default();
    if year < 2020 {
        return Err(KsefNumberError::YearBefore2020 { year });
    }
    NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))
        .ok_or(KsefNumberError::InvalidDate { year, month, day })
}

/// Checks an uppercase hex group whose first character is at 0-based
/// `offset`.
fn check_hex(group: &str, offset: usize) -> Result<(), KsefNumberError> {
    for (i, c) in group.bytes().map(char::from).enumerate() {
        let position = offset + i + 1;
        match c {
            '0'..='9' | 'A'..='F' => {}
            'a'..='f' => return Err(KsefNumberError::Lowercase { position, found: c }),
            _ => return Err(KsefNumberError::NotHex { position, found: c }),
        }
    }
    Ok(())
}

fn hex_byte(s: &str) -> Option<u8> {
    u8::from_str_radix(s, 16).ok()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn catalog_passing_vectors() {
        // FA3-ID-009
        for s in [
            "5265877635-20250826-0100001AF629-AF",
            "5265877635-20250626-010080DD2B5E-26",
            "1111111111-20251121-010000300339-20",
            "4188479938-20260212-5B26A1000000-36",
        ] {
            let n = KsefNumber::parse(s).unwrap();
            assert_eq!(n.as_str(), s);
            assert!(!n.is_legacy());
            assert_eq!(n.prefix_kind(), PrefixKind::Nip);
            assert!(n.nip().is_ok(), "{s}");
        }
    }

    #[test]
    fn catalog_failing_vectors() {
        // FA3-ID-009
        let e = KsefNumber::parse("5265877635-20250826-0100001AF629-00").unwrap_err();
        assert_eq!(
            e,
            KsefNumberError::Checksum {
                expected: 0xAF,
                found: 0
            }
        );
        assert!(!e.is_format());
        // The MF brochure's example 14 has a wrong CRC; the right one is 19.
        assert_eq!(
            KsefNumber::parse("9999999999-20260714-D5FB0C9ED490-9A"),
            Err(KsefNumberError::Checksum {
                expected: 0x19,
                found: 0x9A
            })
        );
        assert!(is_valid("9999999999-20260714-D5FB0C9ED490-19"));
        // FA3-ID-008: 2027 is not a leap year.
        let e = KsefNumber::parse("5265877635-20270229-0100001AF629-XX").unwrap_err();
        assert_eq!(
            e,
            KsefNumberError::InvalidDate {
                year: 2027,
                month: 2,
                day: 29
            }
        );
        assert!(e.is_format());
        // FA3-ID-008: lowercase hex.
        assert_eq!(
            KsefNumber::parse("5265877635-20250826-0100001AF629-af"),
            Err(KsefNumberError::Lowercase {
                position: 34,
                found: 'a'
            })
        );
        assert_eq!(
            KsefNumber::parse("5265877635-20250826-0100001af629-AF"),
            Err(KsefNumberError::Lowercase {
                position: 28,
                found: 'a'
            })
        );
    }

    #[test]
    fn format_errors() {
        assert_eq!(
            KsefNumber::parse(""),
            Err(KsefNumberError::Length { found: 0 })
        );
        assert_eq!(
            KsefNumber::parse("5265877635-20250826-0100001AF629-AF "),
            Err(KsefNumberError::InvalidCharacter {
                position: 36,
                found: ' '
            })
        );
        assert_eq!(
            KsefNumber::parse("5265877635-20250826-0100001AF629AF1"),
            Err(KsefNumberError::Layout)
        );
        assert_eq!(
            KsefNumber::parse("5265877635-2025082-60100001AF629-AF"),
            Err(KsefNumberError::Layout)
        );
        assert_eq!(
            KsefNumber::parse("0265877635-20250826-0100001AF629-AF"),
            Err(KsefNumberError::Prefix)
        );
        assert_eq!(
            KsefNumber::parse("5265877635-20191231-0100001AF629-AF"),
            Err(KsefNumberError::YearBefore2020 { year: 2019 })
        );
        assert_eq!(
            KsefNumber::parse("5265877635-2025O826-0100001AF629-AF"),
            Err(KsefNumberError::InvalidCharacter {
                position: 16,
                found: 'O'
            })
        );
        assert_eq!(
            KsefNumber::parse("5265877635-20251301-0100001AF629-AF"),
            Err(KsefNumberError::InvalidDate {
                year: 2025,
                month: 13,
                day: 1
            })
        );
        assert_eq!(
            KsefNumber::parse("5265877635-20250826-0100001AG629-AF"),
            Err(KsefNumberError::NotHex {
                position: 29,
                found: 'G'
            })
        );
    }

    #[test]
    fn other_prefixes() {
        let body = "M123456789-20250826-0100001AF629";
        let s = format!("{body}-{:02X}", crc8(body.as_bytes()));
        let n = KsefNumber::parse(&s).unwrap();
        assert_eq!(n.prefix_kind(), PrefixKind::M);
        assert!(n.nip().is_err());
        let body = "ABC1234567-20250826-0100001AF629";
        let s = format!("{body}-{:02X}", crc8(body.as_bytes()));
        assert_eq!(
            KsefNumber::parse(&s).unwrap().prefix_kind(),
            PrefixKind::Letters
        );
        // FA3-ID-010: a NIP-shaped prefix with a bad checksum parses, but
        // its NIP does not.
        let body = "5265877636-20250826-0100001AF629";
        let s = format!("{body}-{:02X}", crc8(body.as_bytes()));
        let n = KsefNumber::parse(&s).unwrap();
        assert_eq!(n.prefix_kind(), PrefixKind::Nip);
        assert!(matches!(n.nip(), Err(NipError::Checksum { .. })));
    }

    #[test]
    fn legacy_form() {
        let n = KsefNumber::parse("5265877635-20230105-0100001A-F629-AB");
        assert_eq!(n, Err(KsefNumberError::Layout));
        let n = KsefNumber::parse("5265877635-20230105-01000A-1AF629-AB").unwrap();
        assert!(n.is_legacy());
        assert_eq!(n.date(), NaiveDate::from_ymd_opt(2023, 1, 5).unwrap());
        // Legacy check digits are not verified, so any hex pair is accepted.
        assert!(is_valid("5265877635-20230105-01000A-1AF629-00"));
        assert_eq!(
            KsefNumber::parse("5265877635-20230105-01000a-1AF629-00"),
            Err(KsefNumberError::Lowercase {
                position: 26,
                found: 'a'
            })
        );
        assert_eq!(
            KsefNumber::parse("5265877635-20230105-01000A-1AF629-0x"),
            Err(KsefNumberError::NotHex {
                position: 36,
                found: 'x'
            })
        );
    }

    #[test]
    fn crc8_reference_values() {
        assert_eq!(crc8(b""), 0);
        assert_eq!(crc8(b"123456789"), 0xF4);
        assert_eq!(crc8(b"5265877635-20250626-010080DD2B5E"), 0x26);
    }

    #[test]
    fn compose_rejects_out_of_range_dates() {
        let nip = Nip::parse("5265877635").unwrap();
        let d = NaiveDate::from_ymd_opt(2019, 12, 31).unwrap();
        assert_eq!(
            KsefNumber::compose(&nip, d, 1),
            Err(KsefNumberError::YearBefore2020 { year: 2019 })
        );
        let d = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
        assert!(KsefNumber::compose(&nip, d, 1).is_err());
        let d = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        let n = KsefNumber::compose(&nip, d, u64::MAX).unwrap();
        assert_eq!(n.as_str(), "5265877635-20261121-FFFFFFFFFFFF-81");
        assert_eq!(
            format!("{n:?}"),
            "KsefNumber(5265877635-20261121-FFFFFFFFFFFF-81)"
        );
        assert_eq!(n.to_string().parse::<KsefNumber>().unwrap(), n);
    }

    fn arb_nip() -> impl Strategy<Value = Nip> {
        "[1-9]([0-9][1-9]|[1-9][0-9])[0-9]{6}"
            .prop_filter_map("remainder 10", |body| Nip::with_check_digit(&body).ok())
    }

    proptest! {
        #[test]
        fn composed_numbers_round_trip(
            nip in arb_nip(),
            days in 0i64..(366 * 80),
            unique in any::<u64>(),
        ) {
            let date = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Duration::days(days);
            let n = KsefNumber::compose(&nip, date, unique).unwrap();
            prop_assert_eq!(n.as_str().len(), 35);
            prop_assert_eq!(n.date(), date);
            prop_assert_eq!(n.nip(), Ok(nip));
            prop_assert_eq!(KsefNumber::parse(n.as_str()), Ok(n.clone()));
        }

        #[test]
        fn any_other_check_digits_fail(
            nip in arb_nip(),
            unique in any::<u64>(),
            wrong in any::<u8>(),
        ) {
            let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
            let n = KsefNumber::compose(&nip, date, unique).unwrap();
            let (body, crc) = n.as_str().split_at(33);
            let right = u8::from_str_radix(crc, 16).unwrap();
            prop_assume!(wrong != right);
            let mutated = format!("{body}{wrong:02X}");
            prop_assert_eq!(
                KsefNumber::parse(&mutated),
                Err(KsefNumberError::Checksum { expected: right, found: wrong })
            );
        }

        #[test]
        fn a_changed_body_character_is_detected(
            nip in arb_nip(),
            unique in any::<u64>(),
            index in 20usize..32,
            replacement in prop::sample::select(b"0123456789ABCDEF".to_vec()),
        ) {
            let date = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
            let n = KsefNumber::compose(&nip, date, unique).unwrap();
            let mut bytes = n.as_str().as_bytes().to_vec();
            prop_assume!(bytes[index] != replacement);
            bytes[index] = replacement;
            let mutated = String::from_utf8(bytes).unwrap();
            // CRC-8 detects every single-byte change.
            let is_checksum_error = matches!(KsefNumber::parse(&mutated), Err(KsefNumberError::Checksum { .. }));
            prop_assert!(is_checksum_error);
        }

        #[test]
        fn any_input_is_handled(s in any::<String>()) {
            if let Ok(n) = KsefNumber::parse(&s) {
                prop_assert_eq!(n.as_str(), s.as_str());
            }
        }

        #[test]
        fn near_miss_inputs_are_handled(s in "[0-9A-Fa-f-]{30,40}") {
            prop_assert_eq!(KsefNumber::parse(&s).is_ok(), is_valid(&s));
        }
    }
}
