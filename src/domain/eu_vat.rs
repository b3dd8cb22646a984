//! EU VAT numbers: `KodUE` + `NrVatUE` (FA3-ID-011, FA3-ID-012,
//! FA3-ID-013).
//!
//! `KodUE` is one of the 28 codes of the XSD type `TKodyKrajowUE`: the EU27
//! plus `XI` (Northern Ireland). Greece is **`EL`**, not its ISO code `GR`.
//!
//! `NrVatUE` is the number *without* the country prefix. The XSD allows
//! `(\d|[A-Z]|\+|\*){1,12}`; each country also has its own shape, taken from
//! the `NipVatUe` pattern in the KSeF OpenAPI. Checks run in this order:
//!
//! 1. separators (spaces, dots, hyphens, ...): FA3-ID-012;
//! 2. a repeated country prefix (`DE` + `DE123456789`): FA3-ID-012;
//! 3. the XSD characters and length: FA3-ID-011 (error);
//! 4. the country shape: FA3-ID-011 (warning).
//!
//! Country checksums and VIES look-ups are not done.
//!
//! ```
//! use fa3::domain::eu_vat::{self, EuCountry, EuVatError};
//!
//! let de: EuCountry = "DE".parse().unwrap();
//! assert!(eu_vat::validate(de, "123456789").is_ok());
//! assert!(matches!(
//!     eu_vat::validate(de, "12345678"),
//!     Err(EuVatError::CountryPattern { .. })
//! ));
//! assert!(matches!(
//!     eu_vat::validate(de, "DE123456789"),
//!     Err(EuVatError::RepeatedPrefix { .. })
//! ));
//! assert_eq!("GR".parse::<EuCountry>(), Err(EuVatError::GreeceIsEl));
//! ```

use std::fmt;
use std::str::FromStr;

use super::first_bad_char;
use super::pattern::{self, Class, Pattern, n, range};

/// The `KodUE` country codes (`TKodyKrajowUE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)]
pub enum EuCountry {
    Austria,
    Belgium,
    Bulgaria,
    Cyprus,
    Czechia,
    Germany,
    Denmark,
    Estonia,
    /// `EL`, not `GR`.
    Greece,
    Spain,
    Finland,
    France,
    Croatia,
    Hungary,
    Ireland,
    Italy,
    Lithuania,
    Luxembourg,
    Latvia,
    Malta,
    Netherlands,
    /// `PL`. Allowed by the XSD, but a Polish buyer's NIP belongs in `NIP`
    /// (FA3-ID-013).
    Poland,
    Portugal,
    Romania,
    Sweden,
    Slovenia,
    Slovakia,
    /// `XI`: Northern Ireland.
    NorthernIreland,
}

use Class::{Digit, Lit, Upper, UpperDigit, UpperDigitPlusStar};

// Country shapes of `NrVatUE`, from the KSeF OpenAPI `NipVatUe` pattern.
// Poland is not in that pattern; its number is a NIP (FA3-ID-013), so it
// shares Slovakia's ten digits.
const D8: &[Pattern] = &[&[n(Digit, 8)]];
const D9: &[Pattern] = &[&[n(Digit, 9)]];
const D10: &[Pattern] = &[&[n(Digit, 10)]];
const D11: &[Pattern] = &[&[n(Digit, 11)]];
const D12: &[Pattern] = &[&[n(Digit, 12)]];
const AT: &[Pattern] = &[&[n(Lit(b'U'), 1), n(Digit, 8)]];
const BE: &[Pattern] = &[
    &[n(Lit(b'0'), 1), n(Digit, 9)],
    &[n(Lit(b'1'), 1), n(Digit, 9)],
];
const BG: &[Pattern] = &[&[range(Digit, 9, 10)]];
const CY: &[Pattern] = &[&[n(Digit, 8), n(Upper, 1)]];
const CZ: &[Pattern] = &[&[range(Digit, 8, 10)]];
const ES: &[Pattern] = &[
    &[n(Upper, 1), n(Digit, 8)],
    &[n(Digit, 8), n(Upper, 1)],
    &[n(Upper, 1), n(Digit, 7), n(Upper, 1)],
];
const FR: &[Pattern] = &[&[n(UpperDigit, 2), n(Digit, 9)]];
const IE: &[Pattern] = &[
    &[n(Digit, 7), n(Upper, 2)],
    &[
        n(Digit, 1),
        n(UpperDigitPlusStar, 1),
        n(Digit, 5),
        n(Upper, 1),
    ],
];
const LT: &[Pattern] = &[&[n(Digit, 9)], &[n(Digit, 12)]];
const NL: &[Pattern] = &[&[n(UpperDigitPlusStar, 12)]];
const RO: &[Pattern] = &[&[range(Digit, 2, 10)]];
const XI: &[Pattern] = &[
    &[n(Digit, 9)],
    &[n(Digit, 12)],
    &[n(Lit(b'G'), 1), n(Lit(b'D'), 1), n(Digit, 3)],
    &[n(Lit(b'H'), 1), n(Lit(b'A'), 1), n(Digit, 3)],
];

impl EuCountry {
    /// All 28 codes, in `KodUE` code order.
    pub const ALL: [EuCountry; 28] = [
        EuCountry::Austria,
        EuCountry::Belgium,
        EuCountry::Bulgaria,
        EuCountry::Cyprus,
        EuCountry::Czechia,
        EuCountry::Germany,
        EuCountry::Denmark,
        EuCountry::Estonia,
        EuCountry::Greece,
        EuCountry::Spain,
        EuCountry::Finland,
        EuCountry::France,
        EuCountry::Croatia,
        EuCountry::Hungary,
        EuCountry::Ireland,
        EuCountry::Italy,
        EuCountry::Lithuania,
        EuCountry::Luxembourg,
        EuCountry::Latvia,
        EuCountry::Malta,
        EuCountry::Netherlands,
        EuCountry::Poland,
        EuCountry::Portugal,
        EuCountry::Romania,
        EuCountry::Sweden,
        EuCountry::Slovenia,
        EuCountry::Slovakia,
        EuCountry::NorthernIreland,
    ];

    /// The `KodUE` code, e.g. `"EL"` for Greece.
    pub fn code(self) -> &'static str {
        match self {
            EuCountry::Austria => "AT",
            EuCountry::Belgium => "BE",
            EuCountry::Bulgaria => "BG",
            EuCountry::Cyprus => "CY",
            EuCountry::Czechia => "CZ",
            EuCountry::Germany => "DE",
            EuCountry::Denmark => "DK",
            EuCountry::Estonia => "EE",
            EuCountry::Greece => "EL",
            EuCountry::Spain => "ES",
            EuCountry::Finland => "FI",
            EuCountry::France => "FR",
            EuCountry::Croatia => "HR",
            EuCountry::Hungary => "HU",
            EuCountry::Ireland => "IE",
            EuCountry::Italy => "IT",
            EuCountry::Lithuania => "LT",
            EuCountry::Luxembourg => "LU",
            EuCountry::Latvia => "LV",
            EuCountry::Malta => "MT",
            EuCountry::Netherlands => "NL",
            EuCountry::Poland => "PL",
            EuCountry::Portugal => "PT",
            EuCountry::Romania => "RO",
            EuCountry::Sweden => "SE",
            EuCountry::Slovenia => "SI",
            EuCountry::Slovakia => "SK",
            EuCountry::NorthernIreland => "XI",
        }
    }

    /// The ISO 3166-1 code of the territory (`GR` for Greece, `GB` for
    /// Northern Ireland), for comparison with `Adres/KodKraju` (FA3-ID-020).
    pub fn iso_code(self) -> &'static str {
        match self {
            EuCountry::Greece => "GR",
            EuCountry::NorthernIreland => "GB",
            other => other.code(),
        }
    }

    /// Parses a `KodUE` code. `GR` gets its own error, since the XSD wants
    /// `EL`.
    pub fn from_code(code: &str) -> Result<EuCountry, EuVatError> {
        if code == "GR" {
            return Err(EuVatError::GreeceIsEl);
        }
        EuCountry::ALL
            .into_iter()
            .find(|c| c.code() == code)
            .ok_or_else(|| EuVatError::UnknownCountry {
                code: code.chars().take(8).collect(),
            })
    }

    /// The prefixes people write in front of the number by mistake.
    fn prefixes(self) -> &'static [&'static str] {
        match self {
            EuCountry::Greece => &["EL", "GR"],
            EuCountry::NorthernIreland => &["XI", "GB"],
            EuCountry::Austria => &["AT"],
            EuCountry::Belgium => &["BE"],
            EuCountry::Bulgaria => &["BG"],
            EuCountry::Cyprus => &["CY"],
            EuCountry::Czechia => &["CZ"],
            EuCountry::Germany => &["DE"],
            EuCountry::Denmark => &["DK"],
            EuCountry::Estonia => &["EE"],
            EuCountry::Spain => &["ES"],
            EuCountry::Finland => &["FI"],
            EuCountry::France => &["FR"],
            EuCountry::Croatia => &["HR"],
            EuCountry::Hungary => &["HU"],
            EuCountry::Ireland => &["IE"],
            EuCountry::Italy => &["IT"],
            EuCountry::Lithuania => &["LT"],
            EuCountry::Luxembourg => &["LU"],
            EuCountry::Latvia => &["LV"],
            EuCountry::Malta => &["MT"],
            EuCountry::Netherlands => &["NL"],
            EuCountry::Poland => &["PL"],
            EuCountry::Portugal => &["PT"],
            EuCountry::Romania => &["RO"],
            EuCountry::Sweden => &["SE"],
            EuCountry::Slovenia => &["SI"],
            EuCountry::Slovakia => &["SK"],
        }
    }

    fn patterns(self) -> &'static [Pattern] {
        match self {
            EuCountry::Austria => AT,
            EuCountry::Belgium => BE,
            EuCountry::Bulgaria => BG,
            EuCountry::Cyprus => CY,
            EuCountry::Czechia => CZ,
            EuCountry::Germany | EuCountry::Estonia | EuCountry::Greece | EuCountry::Portugal => D9,
            EuCountry::Denmark
            | EuCountry::Finland
            | EuCountry::Hungary
            | EuCountry::Luxembourg
            | EuCountry::Malta
            | EuCountry::Slovenia => D8,
            EuCountry::Spain => ES,
            EuCountry::France => FR,
            EuCountry::Croatia | EuCountry::Italy | EuCountry::Latvia => D11,
            EuCountry::Ireland => IE,
            EuCountry::Lithuania => LT,
            EuCountry::Netherlands => NL,
            EuCountry::Poland | EuCountry::Slovakia => D10,
            EuCountry::Romania => RO,
            EuCountry::Sweden => D12,
            EuCountry::NorthernIreland => XI,
        }
    }

    /// The expected shape of the number, in regex notation, e.g. `U\d{8}`.
    pub fn pattern(self) -> String {
        pattern::Display(self.patterns()).to_string()
    }
}

impl fmt::Display for EuCountry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for EuCountry {
    type Err = EuVatError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EuCountry::from_code(s)
    }
}

/// Why a `KodUE` / `NrVatUE` pair is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EuVatError {
    /// `KodUE` is not one of the 28 codes.
    #[error("`{code}` is not an EU VAT country code (EU member states and XI)")]
    UnknownCountry {
        /// The code as written (at most 8 characters kept).
        code: String,
    },
    /// `KodUE=GR`: the EU VAT code for Greece is `EL`.
    #[error("the EU VAT country code for Greece is `EL`, not `GR`")]
    GreeceIsEl,
    /// The number is empty.
    #[error("the EU VAT number is empty")]
    Empty,
    /// The number contains a space, dot, hyphen or similar (FA3-ID-012).
    #[error("the EU VAT number must be one continuous string: {found:?} at position {position}")]
    Separator {
        /// 1-based character position.
        position: usize,
        /// The separator.
        found: char,
    },
    /// The number repeats the country prefix, which belongs in `KodUE`
    /// (FA3-ID-012).
    #[error("the EU VAT number repeats the country prefix `{prefix}`; the prefix belongs in KodUE")]
    RepeatedPrefix {
        /// The repeated prefix as written.
        prefix: String,
    },
    /// A character outside `[0-9A-Z+*]` (XSD `TNrVatUE`).
    #[error(
        "unexpected character {found:?} at position {position}: an EU VAT number has digits, uppercase letters, `+` and `*` only"
    )]
    InvalidCharacter {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
    /// More than 12 characters (XSD `TNrVatUE`).
    #[error("an EU VAT number has at most 12 characters, found {found}")]
    TooLong {
        /// Number of characters found.
        found: usize,
    },
    /// The number does not have the country's shape (FA3-ID-011).
    #[error("the EU VAT number does not match the {country} format `{}`", .country.pattern())]
    CountryPattern {
        /// The country whose shape was expected.
        country: EuCountry,
    },
}

impl EuVatError {
    /// True when the XSD already rejects the value (unknown or `GR` country
    /// code, characters or length); false for the checks the XSD does not
    /// make (separators are also XSD errors, but are reported as FA3-ID-012).
    pub fn is_schema_error(&self) -> bool {
        matches!(
            self,
            EuVatError::UnknownCountry { .. }
                | EuVatError::GreeceIsEl
                | EuVatError::Empty
                | EuVatError::Separator { .. }
                | EuVatError::InvalidCharacter { .. }
                | EuVatError::TooLong { .. }
        )
    }
}

/// Validates `NrVatUE` for a `KodUE` country (see the module docs for the
/// order of the checks).
pub fn validate(country: EuCountry, number: &str) -> Result<(), EuVatError> {
    if number.is_empty() {
        return Err(EuVatError::Empty);
    }
    if let Some((position, found)) = first_bad_char(number, |c| !is_separator(c)) {
        return Err(EuVatError::Separator { position, found });
    }
    if !pattern::matches_any(country.patterns(), number.as_bytes())
        && let Some(prefix) = repeated_prefix(country, number)
    {
        return Err(EuVatError::RepeatedPrefix {
            prefix: prefix.to_owned(),
        });
    }
    if let Some((position, found)) = first_bad_char(number, |c| {
        c.is_ascii_digit() || c.is_ascii_uppercase() || c == '+' || c == '*'
    }) {
        return Err(EuVatError::InvalidCharacter { position, found });
    }
    if number.len() > 12 {
        return Err(EuVatError::TooLong {
            found: number.len(),
        });
    }
    if !pattern::matches_any(country.patterns(), number.as_bytes()) {
        return Err(EuVatError::CountryPattern { country });
    }
    Ok(())
}

/// True when `number` is a valid `NrVatUE` for `country`.
pub fn is_valid(country: EuCountry, number: &str) -> bool {
    validate(country, number).is_ok()
}

/// Proposes a cleaned `NrVatUE`: separators and a repeated country prefix
/// removed, letters uppercased. Returns `Some` only when the result differs
/// from the input and passes [`validate`].
///
/// ```
/// use fa3::domain::eu_vat::{suggest, EuCountry};
///
/// assert_eq!(suggest(EuCountry::Germany, "DE 123 456 789").as_deref(), Some("123456789"));
/// assert_eq!(suggest(EuCountry::Netherlands, "nl8534.85.764.b01").as_deref(), Some("853485764B01"));
/// assert_eq!(suggest(EuCountry::Germany, "123456789"), None);
/// ```
pub fn suggest(country: EuCountry, number: &str) -> Option<String> {
    let compact: String = number
        .chars()
        .filter(|&c| !is_separator(c))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let candidate = if pattern::matches_any(country.patterns(), compact.as_bytes()) {
        compact
    } else {
        let prefix = repeated_prefix(country, &compact).map_or(0, str::len);
        compact.get(prefix..).unwrap_or_default().to_owned()
    };
    (candidate != number && is_valid(country, &candidate)).then_some(candidate)
}

/// A validated `KodUE` + `NrVatUE` pair, e.g. for the `NipVatUe` context
/// identifier of a KOD II link.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EuVatNumber {
    country: EuCountry,
    number: Box<str>,
}

impl EuVatNumber {
    /// Validates the pair with [`validate`].
    pub fn new(country: EuCountry, number: &str) -> Result<EuVatNumber, EuVatError> {
        validate(country, number)?;
        Ok(EuVatNumber {
            country,
            number: number.into(),
        })
    }

    /// The `KodUE` country.
    pub fn country(&self) -> EuCountry {
        self.country
    }

    /// The number without the prefix (`NrVatUE`).
    pub fn number(&self) -> &str {
        &self.number
    }
}

/// Prefix and number run together, e.g. `DE123456789`.
impl fmt::Display for EuVatNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.country, self.number)
    }
}

/// Characters that split a number into groups.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '.' | '/' | ',' | '_' | '\u{2010}'..='\u{2015}')
}

/// The country prefix at the start of `number`, compared case-insensitively.
fn repeated_prefix(country: EuCountry, number: &str) -> Option<&'static str> {
    let head = number.get(..2)?;
    country
        .prefixes()
        .iter()
        .copied()
        .find(|p| head.eq_ignore_ascii_case(p))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn codes_round_trip() {
        assert_eq!(EuCountry::ALL.len(), 28);
        for c in EuCountry::ALL {
            assert_eq!(EuCountry::from_code(c.code()), Ok(c));
            assert_eq!(c.to_string(), c.code());
        }
        let mut codes: Vec<&str> = EuCountry::ALL.iter().map(|c| c.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 28);
        assert_eq!(EuCountry::Greece.iso_code(), "GR");
        assert_eq!(EuCountry::NorthernIreland.iso_code(), "GB");
        assert_eq!(EuCountry::Poland.iso_code(), "PL");
    }

    #[test]
    fn matches_the_schema_enumeration() {
        let xsd = include_str!("../../schemas/fa3/schemat_FA(3)_v1-0E.xsd");
        let start = xsd.find("name=\"TKodyKrajowUE\"").unwrap();
        let end = start + xsd[start..].find("</xsd:simpleType>").unwrap();
        let mut from_schema: Vec<&str> = xsd[start..end]
            .split("enumeration value=\"")
            .skip(1)
            .map(|rest| &rest[..2])
            .collect();
        from_schema.sort_unstable();
        let mut ours: Vec<&str> = EuCountry::ALL.iter().map(|c| c.code()).collect();
        ours.sort_unstable();
        assert_eq!(from_schema, ours);
    }

    #[test]
    fn unknown_codes() {
        assert_eq!(EuCountry::from_code("GR"), Err(EuVatError::GreeceIsEl));
        assert_eq!(
            EuCountry::from_code("GB"),
            Err(EuVatError::UnknownCountry { code: "GB".into() })
        );
        assert_eq!(
            EuCountry::from_code("de"),
            Err(EuVatError::UnknownCountry { code: "de".into() })
        );
        assert!(EuVatError::GreeceIsEl.is_schema_error());
    }

    #[test]
    fn catalog_vectors() {
        // FA3-ID-011: 8 digits for Germany.
        let e = validate(EuCountry::Germany, "12345678").unwrap_err();
        assert_eq!(
            e,
            EuVatError::CountryPattern {
                country: EuCountry::Germany
            }
        );
        assert!(!e.is_schema_error());
        assert_eq!(
            e.to_string(),
            "the EU VAT number does not match the DE format `\\d{9}`"
        );
        // FA3-ID-012: repeated prefix.
        assert_eq!(
            validate(EuCountry::Germany, "DE123456789"),
            Err(EuVatError::RepeatedPrefix {
                prefix: "DE".into()
            })
        );
        // FA3-ID-012: separators.
        assert_eq!(
            validate(EuCountry::Germany, "123 456 789"),
            Err(EuVatError::Separator {
                position: 4,
                found: ' '
            })
        );
        assert_eq!(
            validate(EuCountry::Netherlands, "8534.85.764.B01"),
            Err(EuVatError::Separator {
                position: 5,
                found: '.'
            })
        );
    }

    #[test]
    fn one_valid_and_one_invalid_number_per_country() {
        let cases: [(EuCountry, &str, &str); 28] = [
            (EuCountry::Austria, "U12345678", "12345678"),
            (EuCountry::Belgium, "0123456789", "2123456789"),
            (EuCountry::Bulgaria, "1234567890", "12345678"),
            (EuCountry::Cyprus, "12345678L", "123456789"),
            (EuCountry::Czechia, "12345678", "1234567"),
            (EuCountry::Germany, "123456789", "1234567890"),
            (EuCountry::Denmark, "12345678", "123456789"),
            (EuCountry::Estonia, "123456789", "12345678"),
            (EuCountry::Greece, "123456789", "12345678A"),
            (EuCountry::Spain, "X1234567L", "123456789"),
            (EuCountry::Finland, "12345678", "1234567"),
            (EuCountry::France, "AB123456789", "123456789"),
            (EuCountry::Croatia, "12345678901", "1234567890"),
            (EuCountry::Hungary, "12345678", "123456789"),
            (EuCountry::Ireland, "1234567WA", "12345678"),
            (EuCountry::Italy, "12345678901", "123456789"),
            (EuCountry::Lithuania, "123456789012", "1234567890"),
            (EuCountry::Luxembourg, "12345678", "1234567"),
            (EuCountry::Latvia, "12345678901", "123456789"),
            (EuCountry::Malta, "12345678", "123456789"),
            (EuCountry::Netherlands, "123456789B01", "123456789B0"),
            (EuCountry::Poland, "5265877635", "526587763"),
            (EuCountry::Portugal, "123456789", "12345678"),
            (EuCountry::Romania, "12", "1"),
            (EuCountry::Sweden, "123456789012", "12345678901"),
            (EuCountry::Slovenia, "12345678", "123456789"),
            (EuCountry::Slovakia, "1234567890", "123456789"),
            (EuCountry::NorthernIreland, "GD123", "GD1234"),
        ];
        for (country, good, bad) in cases {
            assert_eq!(validate(country, good), Ok(()), "{country} {good}");
            assert_eq!(
                validate(country, bad),
                Err(EuVatError::CountryPattern { country }),
                "{country} {bad}"
            );
        }
    }

    #[test]
    fn alternatives() {
        assert!(is_valid(EuCountry::Spain, "A12345678"));
        assert!(is_valid(EuCountry::Spain, "12345678Z"));
        assert!(is_valid(EuCountry::Ireland, "1+23456A"));
        assert!(is_valid(EuCountry::Ireland, "1A23456B"));
        assert!(is_valid(EuCountry::Lithuania, "123456789"));
        assert!(is_valid(EuCountry::NorthernIreland, "123456789012"));
        assert!(is_valid(EuCountry::NorthernIreland, "HA123"));
        assert!(is_valid(EuCountry::Netherlands, "12345678+*AB"));
        assert!(is_valid(EuCountry::Romania, "1234567890"));
        assert!(!is_valid(EuCountry::Romania, "12345678901"));
    }

    #[test]
    fn prefixes_that_are_part_of_the_shape_are_not_repeats() {
        // France's two-character key can itself be `FR`.
        assert_eq!(validate(EuCountry::France, "FR123456789"), Ok(()));
        // ... but `FR` + a full French number is a repeat.
        assert_eq!(
            validate(EuCountry::France, "FRAB123456789"),
            Err(EuVatError::RepeatedPrefix {
                prefix: "FR".into()
            })
        );
        assert_eq!(
            validate(EuCountry::Greece, "GR123456789"),
            Err(EuVatError::RepeatedPrefix {
                prefix: "GR".into()
            })
        );
        assert_eq!(
            validate(EuCountry::Greece, "el123456789"),
            Err(EuVatError::RepeatedPrefix {
                prefix: "EL".into()
            })
        );
        assert_eq!(
            validate(EuCountry::NorthernIreland, "GB123456789"),
            Err(EuVatError::RepeatedPrefix {
                prefix: "GB".into()
            })
        );
    }

    #[test]
    fn schema_errors() {
        assert_eq!(validate(EuCountry::Germany, ""), Err(EuVatError::Empty));
        assert_eq!(
            validate(EuCountry::Netherlands, "123456789b01"),
            Err(EuVatError::InvalidCharacter {
                position: 10,
                found: 'b'
            })
        );
        assert_eq!(
            validate(EuCountry::Netherlands, "123456789B012"),
            Err(EuVatError::TooLong { found: 13 })
        );
        assert!(EuVatError::TooLong { found: 13 }.is_schema_error());
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            suggest(EuCountry::Germany, "DE123456789").as_deref(),
            Some("123456789")
        );
        assert_eq!(
            suggest(EuCountry::Greece, "GR 123 456 789").as_deref(),
            Some("123456789")
        );
        assert_eq!(
            suggest(EuCountry::Austria, "atu12345678").as_deref(),
            Some("U12345678")
        );
        assert_eq!(suggest(EuCountry::France, "FR123456789"), None);
        assert_eq!(suggest(EuCountry::Germany, "12345678"), None);
        assert_eq!(suggest(EuCountry::Germany, ""), None);
    }

    #[test]
    fn vat_number_pair() {
        let v = EuVatNumber::new(EuCountry::Germany, "123456789").unwrap();
        assert_eq!(v.to_string(), "DE123456789");
        assert_eq!(v.country(), EuCountry::Germany);
        assert_eq!(v.number(), "123456789");
        assert!(EuVatNumber::new(EuCountry::Germany, "DE123456789").is_err());
    }

    proptest! {
        #[test]
        fn any_input_is_handled(
            country in prop::sample::select(EuCountry::ALL.to_vec()),
            s in any::<String>(),
        ) {
            let result = validate(country, &s);
            prop_assert_eq!(result.is_ok(), is_valid(country, &s));
            if result.is_ok() {
                prop_assert!(s.len() <= 12);
            }
            if let Some(fixed) = suggest(country, &s) {
                prop_assert!(is_valid(country, &fixed));
            }
        }

        #[test]
        fn valid_numbers_with_a_prefix_are_flagged_and_fixed(
            country in prop::sample::select(EuCountry::ALL.to_vec()),
            s in "[0-9A-Z+*]{1,12}",
        ) {
            if is_valid(country, &s) {
                let prefixed = format!("{}{s}", country.code());
                if !is_valid(country, &prefixed) {
                    prop_assert_eq!(suggest(country, &prefixed), Some(s.clone()));
                }
            }
        }
    }
}
