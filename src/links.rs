//! KSeF verification links, the content of the QR codes printed on invoices.
//!
//! - **KOD I** (every invoice) lets the buyer check that the invoice is in
//!   KSeF: `{QR_HOST}/invoice/{SELLER_NIP}/{DD-MM-YYYY}/{FILE_HASH}`.
//! - **KOD II** (offline invoices only) proves who issued it:
//!   `{QR_HOST}/certificate/{CTX_TYPE}/{CTX_VALUE}/{SELLER_NIP}/{CERT_SERIAL}/{FILE_HASH}/{SIGNATURE}`,
//!   where the signature covers the same path without `https://`. Signing
//!   needs the issuer's KSeF offline certificate key and is left to the
//!   caller: [`kod2_string_to_sign`] gives the bytes to sign and
//!   [`kod2_url`] assembles the link around the signature.
//!
//! `FILE_HASH` is the SHA-256 of the **exact bytes** of the invoice file
//! sent to KSeF ([`InvoiceDigest::of`]). Pretty-printing, re-serialising,
//! changing line endings or a BOM changes it, and the link then points at
//! nothing. `SELLER_NIP` is `Podmiot1/DaneIdentyfikacyjne/NIP` and the date
//! is `Fa/P_1`, both taken from the document that was hashed.
//!
//! ```
//! use chrono::NaiveDate;
//! use fa3::domain::Nip;
//! use fa3::links::{kod1_url, InvoiceDigest, KsefEnv};
//!
//! let nip = Nip::parse("5265877635").unwrap();
//! let issued = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
//! let digest = InvoiceDigest::of(b"");
//! assert_eq!(
//!     kod1_url(KsefEnv::Prd, &nip, issued, &digest),
//!     "https://qr.ksef.mf.gov.pl/invoice/5265877635/21-11-2026/47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"
//! );
//! ```

use std::fmt;

use base64::Engine as _;
use base64::alphabet;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use chrono::{Datelike, NaiveDate};
use sha2::{Digest as _, Sha256};

use crate::domain::{CertSerial, EuVatNumber, IdWew, Nip, PeppolId};

/// The label printed under KOD I while the KSeF number is not yet known.
pub const KOD1_OFFLINE_LABEL: &str = "OFFLINE";

/// The label printed under KOD II.
pub const KOD2_LABEL: &str = "CERTYFIKAT";

/// A KSeF environment (defined in [`crate::ksef`]).
pub use crate::ksef::Environment as KsefEnv;
/// An environment name other than `prd`, `test` or `demo`.
pub use crate::ksef::UnknownEnv;

/// Why a Base64 string is not an invoice digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DigestError {
    /// Not Base64 or base64url.
    #[error("not a Base64 or base64url string")]
    Base64,
    /// Valid Base64, but not 32 bytes.
    #[error("a SHA-256 digest has 32 bytes, found {found}")]
    Length {
        /// Number of decoded bytes.
        found: usize,
    },
}

/// Padding optional, so both `…=` and `…` decode.
const LENIENT: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
const STANDARD_LENIENT: GeneralPurpose = GeneralPurpose::new(&alphabet::STANDARD, LENIENT);
const URL_SAFE_LENIENT: GeneralPurpose = GeneralPurpose::new(&alphabet::URL_SAFE, LENIENT);

/// The SHA-256 of the exact invoice file bytes: `invoiceHash` in the KSeF
/// API and `FILE_HASH` in both links.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct InvoiceDigest([u8; 32]);

impl InvoiceDigest {
    /// Hashes the bytes exactly as given.
    pub fn of(bytes: &[u8]) -> InvoiceDigest {
        InvoiceDigest(Sha256::digest(bytes).into())
    }

    /// Wraps a digest computed elsewhere.
    pub fn from_bytes(bytes: [u8; 32]) -> InvoiceDigest {
        InvoiceDigest(bytes)
    }

    /// Decodes a digest from standard Base64 (as the API returns
    /// `invoiceHash`) or base64url (as in a link), padded or not.
    ///
    /// ```
    /// use fa3::links::InvoiceDigest;
    ///
    /// let api = InvoiceDigest::from_base64("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=").unwrap();
    /// let link = InvoiceDigest::from_base64("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU").unwrap();
    /// assert_eq!(api, link);
    /// assert_eq!(api, InvoiceDigest::of(b""));
    /// ```
    pub fn from_base64(s: &str) -> Result<InvoiceDigest, DigestError> {
        let engine = if s.contains(['-', '_']) {
            &URL_SAFE_LENIENT
        } else {
            &STANDARD_LENIENT
        };
        let bytes = engine.decode(s).map_err(|_| DigestError::Base64)?;
        let found = bytes.len();
        bytes
            .try_into()
            .map(InvoiceDigest)
            .map_err(|_| DigestError::Length { found })
    }

    /// The 32 digest bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Standard Base64 with padding, 44 characters: the `invoiceHash` of
    /// the KSeF API.
    pub fn to_api_base64(&self) -> String {
        STANDARD.encode(self.0)
    }

    /// base64url without padding, 43 characters of `[A-Za-z0-9_-]`: the
    /// `FILE_HASH` segment of KOD I and KOD II.
    pub fn to_url_b64(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    /// Lowercase hex, 64 characters.
    pub fn to_hex(&self) -> String {
        let nibble = |n: u8| char::from_digit(u32::from(n), 16).unwrap_or('0');
        let mut hex = String::with_capacity(64);
        for b in self.0 {
            hex.push(nibble(b >> 4));
            hex.push(nibble(b & 0x0F));
        }
        hex
    }
}

impl fmt::Debug for InvoiceDigest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "InvoiceDigest({})", self.to_hex())
    }
}

/// The login context of the issuer's offline certificate: the first two
/// path segments of KOD II.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ContextId {
    /// A taxpayer identified by NIP.
    Nip(Nip),
    /// An internal unit, `NIP-NNNNN`.
    InternalId(IdWew),
    /// An EU entity: a Polish NIP joined to its EU VAT number,
    /// `NIP-{KodUE}{NrVatUE}`.
    NipVatUe {
        /// The Polish NIP of the context.
        nip: Nip,
        /// The EU VAT number, rendered with its country prefix.
        vat: EuVatNumber,
    },
    /// A PEPPOL service provider.
    PeppolId(PeppolId),
}

impl ContextId {
    /// The type segment: `Nip`, `InternalId`, `NipVatUe` or `PeppolId`.
    pub fn type_name(&self) -> &'static str {
        match self {
            ContextId::Nip(_) => "Nip",
            ContextId::InternalId(_) => "InternalId",
            ContextId::NipVatUe { .. } => "NipVatUe",
            ContextId::PeppolId(_) => "PeppolId",
        }
    }

    /// The value segment.
    pub fn value(&self) -> String {
        match self {
            ContextId::Nip(nip) => nip.to_string(),
            ContextId::InternalId(id) => id.to_string(),
            ContextId::NipVatUe { nip, vat } => format!("{nip}-{vat}"),
            ContextId::PeppolId(id) => id.to_string(),
        }
    }
}

/// The KOD I link: `{QR_HOST}/invoice/{SELLER_NIP}/{DD-MM-YYYY}/{FILE_HASH}`.
///
/// `seller_nip` is `Podmiot1/DaneIdentyfikacyjne/NIP` and `issue_date` is
/// `Fa/P_1` (not the KSeF acceptance date, not `DataWytworzeniaFa`), both
/// from the document whose bytes `digest` covers.
pub fn kod1_url(
    env: KsefEnv,
    seller_nip: &Nip,
    issue_date: NaiveDate,
    digest: &InvoiceDigest,
) -> String {
    format!(
        "{}/invoice/{seller_nip}/{}/{}",
        env.qr_base_url(),
        dd_mm_yyyy(issue_date),
        digest.to_url_b64()
    )
}

/// The UTF-8 string the issuer signs for KOD II: the link path without
/// `https://` and without a trailing slash,
/// `{QR_HOST}/certificate/{CTX_TYPE}/{CTX_VALUE}/{SELLER_NIP}/{CERT_SERIAL}/{FILE_HASH}`.
///
/// Sign it with the key of the KSeF certificate of type *Offline* whose
/// serial is `cert_serial`: RSASSA-PSS (SHA-256, MGF1-SHA-256, 32-byte
/// salt) for RSA keys, ECDSA P-256 with SHA-256 (IEEE P1363 `r‖s`
/// preferred) for EC keys.
///
/// ```
/// use fa3::domain::{CertSerial, Nip};
/// use fa3::links::{kod2_string_to_sign, ContextId, InvoiceDigest, KsefEnv};
///
/// let nip = Nip::parse("1111111111").unwrap();
/// let serial = CertSerial::parse("01F20A5D352AE590").unwrap();
/// let digest = InvoiceDigest::from_base64("UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE").unwrap();
/// assert_eq!(
///     kod2_string_to_sign(KsefEnv::Test, &ContextId::Nip(nip), &nip, &serial, &digest),
///     "qr-test.ksef.mf.gov.pl/certificate/Nip/1111111111/1111111111/01F20A5D352AE590/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE"
/// );
/// ```
pub fn kod2_string_to_sign(
    env: KsefEnv,
    context: &ContextId,
    seller_nip: &Nip,
    cert_serial: &CertSerial,
    digest: &InvoiceDigest,
) -> String {
    format!(
        "{}/certificate/{}/{}/{seller_nip}/{cert_serial}/{}",
        env.qr_host(),
        context.type_name(),
        context.value(),
        digest.to_url_b64()
    )
}

/// The KOD II link: `https://` + [`kod2_string_to_sign`] + `/` + the
/// signature in base64url without padding.
pub fn kod2_url(
    env: KsefEnv,
    context: &ContextId,
    seller_nip: &Nip,
    cert_serial: &CertSerial,
    digest: &InvoiceDigest,
    signature: &[u8],
) -> String {
    format!(
        "https://{}/{}",
        kod2_string_to_sign(env, context, seller_nip, cert_serial, digest),
        URL_SAFE_NO_PAD.encode(signature)
    )
}

/// `DD-MM-YYYY`, the date format of KOD I.
fn dd_mm_yyyy(date: NaiveDate) -> String {
    format!("{:02}-{:02}-{:04}", date.day(), date.month(), date.year())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::domain::EuCountry;

    const DOCS_HASH_HEX: &str = "52d429f46a5ce75cbebb7c40a598c88e0929674d63b3e27c29f9523d6f16cc81";
    const DOCS_HASH_URL: &str = "UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE";
    const DOCS_SIGNATURE: &str = "mSkm_XmM9fq7PgAJwiL32L9ujhyguOEV48cDB0ncemD2r9TMGa3lr0iRoFk588agCi8QPsOuscUY1rZ7ff76STbGquO-gZtQys5_fHdf2HUfDqPqVTnUS6HknBu0zLkyf9ygoW7WbH06Ty_8BgQTlOmJFzNWSt9WZa7tAGuAE9JOooNps-KG2PYkkIP4q4jPMp3FKypAygHVnXtS0RDGgOxhhM7LWtFP7D-dWINbh5yXD8Lr-JVbeOpyQjHa6WmMYavCDQJ3X_Z-iS01LZu2s1B3xuOykl1h0sLObCdADrbxOONsXrvQa61Xt_rxyprVraj2Uf9pANQgR4-12HEcMw";

    fn from_hex(hex: &str) -> InvoiceDigest {
        let bytes: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
        InvoiceDigest::from_bytes(bytes.try_into().unwrap())
    }

    fn nip(s: &str) -> Nip {
        Nip::parse(s).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn environments() {
        assert_eq!(KsefEnv::Prd.qr_base_url(), "https://qr.ksef.mf.gov.pl");
        assert_eq!(
            KsefEnv::Test.qr_base_url(),
            "https://qr-test.ksef.mf.gov.pl"
        );
        assert_eq!(
            KsefEnv::Demo.qr_base_url(),
            "https://qr-demo.ksef.mf.gov.pl"
        );
        for env in KsefEnv::ALL {
            assert_eq!(env.to_string().parse::<KsefEnv>(), Ok(env));
            assert_eq!(env.as_str().to_uppercase().parse::<KsefEnv>(), Ok(env));
        }
        assert_eq!("prd".parse(), Ok(KsefEnv::Prd));
        assert_eq!("test".parse(), Ok(KsefEnv::Test));
        assert_eq!("demo".parse(), Ok(KsefEnv::Demo));
        let err = "prod".parse::<KsefEnv>().unwrap_err();
        assert_eq!(err.found, "prod");
        assert_eq!(
            err.to_string(),
            "unknown KSeF environment `prod` (expected prd, test or demo)"
        );
        assert!("".parse::<KsefEnv>().is_err());
    }

    #[test]
    fn digest_vectors() {
        let empty = InvoiceDigest::of(b"");
        assert_eq!(
            empty.to_api_base64(),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
        assert_eq!(
            empty.to_url_b64(),
            "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"
        );
        let abc = InvoiceDigest::of(b"abc");
        assert_eq!(
            abc.to_api_base64(),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert_eq!(
            abc.to_url_b64(),
            "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0"
        );
        assert_eq!(
            abc.to_hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            format!("{abc:?}"),
            "InvoiceDigest(ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad)"
        );
    }

    #[test]
    fn docs_hash_decodes_in_every_spelling() {
        let digest = from_hex(DOCS_HASH_HEX);
        assert_eq!(digest.to_url_b64(), DOCS_HASH_URL);
        assert_eq!(
            digest.to_api_base64(),
            "UtQp9Gpc51y+u3xApZjIjgkpZ01js+J8KflSPW8WzIE="
        );
        for s in [
            DOCS_HASH_URL,
            "UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE=",
            "UtQp9Gpc51y+u3xApZjIjgkpZ01js+J8KflSPW8WzIE=",
            "UtQp9Gpc51y+u3xApZjIjgkpZ01js+J8KflSPW8WzIE",
        ] {
            assert_eq!(InvoiceDigest::from_base64(s), Ok(digest), "{s}");
        }
        assert_eq!(digest.as_bytes()[0], 0x52);
    }

    #[test]
    fn bad_digests() {
        assert_eq!(
            InvoiceDigest::from_base64("YWJj"),
            Err(DigestError::Length { found: 3 })
        );
        assert_eq!(
            InvoiceDigest::from_base64("not base64!"),
            Err(DigestError::Base64)
        );
        // Both alphabets at once.
        assert_eq!(
            InvoiceDigest::from_base64("UtQp9Gpc51y-u3xApZjIjgkpZ01js+J8KflSPW8WzIE"),
            Err(DigestError::Base64)
        );
        assert_eq!(
            InvoiceDigest::from_base64(""),
            Err(DigestError::Length { found: 0 })
        );
    }

    #[test]
    fn kod1_prd_example() {
        assert_eq!(
            kod1_url(
                KsefEnv::Prd,
                &nip("5265877635"),
                date(2026, 11, 21),
                &InvoiceDigest::of(b"")
            ),
            "https://qr.ksef.mf.gov.pl/invoice/5265877635/21-11-2026/47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"
        );
    }

    #[test]
    fn kod1_docs_test_example() {
        assert_eq!(
            kod1_url(
                KsefEnv::Test,
                &nip("1111111111"),
                date(2026, 2, 1),
                &from_hex(DOCS_HASH_HEX)
            ),
            "https://qr-test.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE"
        );
    }

    #[test]
    fn kod1_demo_host_and_date_padding() {
        let url = kod1_url(
            KsefEnv::Demo,
            &nip("5261040828"),
            date(2026, 1, 5),
            &InvoiceDigest::of(b"abc"),
        );
        assert_eq!(
            url,
            "https://qr-demo.ksef.mf.gov.pl/invoice/5261040828/05-01-2026/ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0"
        );
    }

    #[test]
    fn kod2_docs_test_example() {
        let seller = nip("1111111111");
        let serial = CertSerial::parse("01F20A5D352AE590").unwrap();
        let digest = InvoiceDigest::from_base64(DOCS_HASH_URL).unwrap();
        let context = ContextId::Nip(seller);
        let to_sign = kod2_string_to_sign(KsefEnv::Test, &context, &seller, &serial, &digest);
        assert_eq!(
            to_sign,
            "qr-test.ksef.mf.gov.pl/certificate/Nip/1111111111/1111111111/01F20A5D352AE590/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE"
        );
        let signature = URL_SAFE_NO_PAD.decode(DOCS_SIGNATURE).unwrap();
        assert_eq!(signature.len(), 256); // RSA-2048
        let url = kod2_url(
            KsefEnv::Test,
            &context,
            &seller,
            &serial,
            &digest,
            &signature,
        );
        assert_eq!(
            url,
            format!(
                "https://qr-test.ksef.mf.gov.pl/certificate/Nip/1111111111/1111111111/01F20A5D352AE590/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE/{DOCS_SIGNATURE}"
            )
        );
    }

    #[test]
    fn kod2_string_binds_the_environment() {
        let seller = nip("5265877635");
        let serial = CertSerial::parse("01F20A5D352AE590").unwrap();
        let digest = InvoiceDigest::of(b"");
        let context = ContextId::Nip(seller);
        let prd = kod2_string_to_sign(KsefEnv::Prd, &context, &seller, &serial, &digest);
        let test = kod2_string_to_sign(KsefEnv::Test, &context, &seller, &serial, &digest);
        assert!(prd.starts_with("qr.ksef.mf.gov.pl/certificate/"));
        assert_ne!(prd, test);
        assert!(!prd.ends_with('/'));
    }

    #[test]
    fn context_identifiers() {
        let seller = nip("5265877635");
        let cases = [
            (ContextId::Nip(seller), "Nip", "5265877635"),
            (
                ContextId::InternalId(IdWew::parse("5265877635-00001").unwrap()),
                "InternalId",
                "5265877635-00001",
            ),
            (
                ContextId::NipVatUe {
                    nip: seller,
                    vat: EuVatNumber::new(EuCountry::Germany, "123456789").unwrap(),
                },
                "NipVatUe",
                "5265877635-DE123456789",
            ),
            (
                ContextId::PeppolId(PeppolId::parse("PPL123456").unwrap()),
                "PeppolId",
                "PPL123456",
            ),
        ];
        let serial = CertSerial::parse("01F20A5D352AE590").unwrap();
        let digest = InvoiceDigest::of(b"");
        for (context, type_name, value) in cases {
            assert_eq!(context.type_name(), type_name);
            assert_eq!(context.value(), value);
            let s = kod2_string_to_sign(KsefEnv::Prd, &context, &seller, &serial, &digest);
            assert_eq!(
                s,
                format!(
                    "qr.ksef.mf.gov.pl/certificate/{type_name}/{value}/5265877635/01F20A5D352AE590/{}",
                    digest.to_url_b64()
                )
            );
        }
    }

    #[test]
    fn labels() {
        assert_eq!(KOD1_OFFLINE_LABEL, "OFFLINE");
        assert_eq!(KOD2_LABEL, "CERTYFIKAT");
    }

    proptest! {
        #[test]
        fn encodings_have_fixed_shapes_and_round_trip(bytes in any::<Vec<u8>>()) {
            let digest = InvoiceDigest::of(&bytes);
            let api = digest.to_api_base64();
            let url = digest.to_url_b64();
            prop_assert_eq!(api.len(), 44);
            prop_assert!(api.ends_with('='));
            prop_assert_eq!(url.len(), 43);
            prop_assert!(url.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            prop_assert_eq!(InvoiceDigest::from_base64(&api), Ok(digest));
            prop_assert_eq!(InvoiceDigest::from_base64(&url), Ok(digest));
            prop_assert_eq!(digest.to_hex().len(), 64);
        }

        #[test]
        fn kod1_date_is_day_month_year(days in 0i64..40_000) {
            let d = date(2000, 1, 1) + chrono::Duration::days(days);
            let url = kod1_url(KsefEnv::Prd, &nip("5265877635"), d, &InvoiceDigest::of(b""));
            let segment = url.split('/').nth(5).unwrap();
            prop_assert_eq!(NaiveDate::parse_from_str(segment, "%d-%m-%Y").unwrap(), d);
            prop_assert_eq!(segment.len(), 10);
        }

        #[test]
        fn any_base64_input_is_handled(s in any::<String>()) {
            if let Ok(digest) = InvoiceDigest::from_base64(&s) {
                prop_assert_eq!(digest.as_bytes().len(), 32);
            }
        }
    }
}
