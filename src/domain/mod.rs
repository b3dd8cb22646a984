//! Identifier primitives: the formats and checksums of the numbers that appear
//! in FA(3) invoices and in KSeF references.
//!
//! Everything here is a pure function of its input: no I/O, no clock, and no
//! panic on any input, however malformed. The rules and the proptest
//! strategies both build on these functions, so a generator and the check it
//! must satisfy share one definition.
//!
//! **Validation never rewrites its input.** The KOD I link carries the SHA-256
//! of the exact invoice bytes, so an automatic fix would change the hash.
//! Where the fix is obvious (a `PL` prefix on a NIP, spaces in an account
//! number), a separate `suggest_*` function proposes it and leaves the choice
//! to the user.
//!
//! | Module | Identifier | Catalog rules |
//! |---|---|---|
//! | [`nip`] | NIP (Polish tax id) | FA3-ID-001, FA3-ID-002, FA3-ID-003, FA3-NIP-001 |
//! | [`idwew`] | internal id `NIP-NNNNN` | FA3-ID-004, FA3-NIP-002 |
//! | [`pesel`] | PESEL | FA3-ID-005 |
//! | [`regon`] | REGON (9 and 14 digits) | FA3-ID-006 |
//! | [`ksef_number`] | KSeF invoice number | FA3-ID-008, FA3-ID-009, FA3-ID-010 |
//! | [`eu_vat`] | `KodUE` + `NrVatUE` | FA3-ID-011, FA3-ID-012, FA3-ID-013 |
//! | [`iban`] | IBAN and Polish NRB | FA3-ID-014, FA3-ID-015 |
//! | [`swift`] | SWIFT/BIC | FA3-ID-016 |
//! | [`gs1`] | GLN and GTIN | FA3-ID-018, FA3-ID-019 |
//! | [`country`] | ISO 3166-1 alpha-2 | FA3-ID-016 (BIC country) |
//! | [`email`] | e-mail address | FA3-ID-022 |
//! | [`phone`] | telephone number | FA3-ID-023 |
//! | [`eori`] | EORI | FA3-ID-024 |
//! | [`cert_serial`] | KSeF offline certificate serial | FA3-ID-025 |
//! | [`peppol_id`] | PEPPOL provider id (KOD II context) | — |
//!
//! Positions in error values are 1-based and count characters, not bytes.
//!
//! # Example
//!
//! ```
//! use fa3::domain::nip::{Nip, NipError};
//!
//! let nip = Nip::parse("5265877635").unwrap();
//! assert_eq!(nip.as_str(), "5265877635");
//!
//! // A wrong check digit is a checksum error, not a format error.
//! let err = Nip::parse("5265877636").unwrap_err();
//! assert!(matches!(err, NipError::Checksum { expected: 5, found: 6 }));
//! assert!(!err.is_format());
//!
//! // Fix hints are only suggestions; the input is never rewritten.
//! assert_eq!(
//!     fa3::domain::nip::suggest_normalised("PL 526-587-76-35").as_deref(),
//!     Some("5265877635")
//! );
//! ```

pub mod cert_serial;
pub mod country;
pub mod email;
pub mod eori;
pub mod eu_vat;
pub mod gs1;
pub mod iban;
pub mod idwew;
pub mod ksef_number;
pub mod nip;
pub mod peppol_id;
pub mod pesel;
pub mod phone;
pub mod regon;
pub mod swift;

mod pattern;

pub use cert_serial::{CertSerial, CertSerialError};
pub use eori::{Eori, EoriError};
pub use eu_vat::{EuCountry, EuVatError, EuVatNumber};
pub use gs1::{Gs1Error, GtinFormat};
pub use iban::{AccountNumber, Iban, IbanError};
pub use idwew::{IdWew, IdWewError};
pub use ksef_number::{KsefNumber, KsefNumberError};
pub use nip::{Nip, NipError};
pub use peppol_id::{PeppolId, PeppolIdError};
pub use pesel::{Pesel, PeselError};
pub use regon::{Regon, RegonError};
pub use swift::{Bic, BicError};

/// The first character of `s` that fails `ok`, as a 1-based character
/// position and the character itself.
pub(crate) fn first_bad_char(s: &str, ok: impl Fn(char) -> bool) -> Option<(usize, char)> {
    // ASCII text (nearly every identifier): bytes are characters.
    if s.is_ascii() {
        return s
            .bytes()
            .map(char::from)
            .enumerate()
            .find(|&(_, c)| !ok(c))
            .map(|(i, c)| (i + 1, c));
    }
    s.chars()
        .enumerate()
        .find(|&(_, c)| !ok(c))
        .map(|(i, c)| (i + 1, c))
}

/// The values (0–9) of exactly `N` ASCII digits, or `None` when `s` has a
/// different length or a non-digit.
pub(crate) fn ascii_digits<const N: usize>(s: &str) -> Option<[u8; N]> {
    let bytes: &[u8; N] = s.as_bytes().try_into().ok()?;
    let mut out = [0u8; N];
    for (slot, &b) in out.iter_mut().zip(bytes) {
        if !b.is_ascii_digit() {
            return None;
        }
        *slot = b - b'0';
    }
    Some(out)
}

/// `Σ digits[i] * weights[i]` over the shorter of the two slices.
pub(crate) fn weighted_sum(digits: &[u8], weights: &[u8]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&d, &w)| u32::from(d) * u32::from(w))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_bad_char_counts_characters_from_one() {
        assert_eq!(
            first_bad_char("12a4", |c| c.is_ascii_digit()),
            Some((3, 'a'))
        );
        assert_eq!(first_bad_char("żx", |c| c == 'x'), Some((1, 'ż')));
        assert_eq!(first_bad_char("xż", |c| c == 'x'), Some((2, 'ż')));
        assert_eq!(first_bad_char("123", |c| c.is_ascii_digit()), None);
    }

    #[test]
    fn ascii_digits_requires_exact_length_and_digits() {
        assert_eq!(ascii_digits::<3>("042"), Some([0, 4, 2]));
        assert_eq!(ascii_digits::<3>("0421"), None);
        assert_eq!(ascii_digits::<3>("04"), None);
        assert_eq!(ascii_digits::<3>("0a2"), None);
        // Three bytes, but not three ASCII digits.
        assert_eq!(ascii_digits::<3>("ż1"), None);
    }

    #[test]
    fn weighted_sum_multiplies_pairwise() {
        assert_eq!(weighted_sum(&[1, 2, 3], &[4, 5, 6]), 4 + 10 + 18);
        assert_eq!(weighted_sum(&[1, 2, 3], &[1]), 1);
    }
}
