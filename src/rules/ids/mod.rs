//! Identifier rules (`FA3-ID-*`, `FA3-NIP-*`): checksums and formats of the
//! NIP, REGON, KSeF numbers, EU VAT numbers, bank accounts and the other
//! identifiers an FA(3) invoice carries. The formats the schema already
//! enforces are left to the schema validator; these rules check what the
//! schema lets through.

use crate::diagnostic::Severity;
use crate::domain::nip::NipError;
use crate::rules::Context;
use crate::settings::Environment;

pub mod bank_account_checksum;
pub mod bank_account_spaces;
pub mod country_code_mismatch;
pub mod email_address;
pub mod eori_number;
pub mod eu_vat_number_format;
pub mod eu_vat_number_prefix;
pub mod gln_check_digit;
pub mod gtin_check_digit;
pub mod internal_id_format;
pub mod internal_id_nip_checksum;
pub mod ipksef_link_mismatch;
pub mod krs_all_zeros;
pub mod ksef_number_check_digits;
pub mod ksef_number_date;
pub mod ksef_number_seller;
pub mod nip_checksum;
pub mod nip_checksum_other_fields;
pub mod nip_format;
pub mod obsolete_currency;
pub mod phone_number;
pub mod placeholder_nip;
pub mod polish_nip_in_foreign_id;
pub mod regon_checksum;
pub mod swift_country;

/// Error on production, where KSeF verifies NIP checksums; warning on the
/// test and demo environments, where it does not (FA3-NIP-001, FA3-NIP-002).
pub fn production_error(ctx: &Context<'_>) -> Severity {
    match ctx.settings.env {
        Environment::Prd => Severity::Error,
        _ => Severity::Warning,
    }
}

/// What KSeF does with a NIP checksum failure, for messages at `severity`.
pub(crate) fn production_consequence(severity: Severity) -> &'static str {
    if severity == Severity::Error {
        "KSeF production rejects the invoice"
    } else {
        "KSeF production would reject the invoice (the test and demo environments do not check it)"
    }
}

/// What is wrong with a NIP's checksum, for messages.
pub(crate) fn nip_checksum_problem(err: NipError) -> String {
    match err {
        NipError::Checksum { expected, found } => {
            format!("its check digit is {found}, but the first nine digits call for {expected}")
        }
        NipError::RemainderTen => {
            "no NIP can start with its first nine digits (the checksum remainder is 10)".into()
        }
        other => other.to_string(),
    }
}

/// Help for a NIP with a wrong checksum.
pub(crate) const NIP_CHECKSUM_HELP: &str = "a wrong check digit means a typo somewhere in the number: copy the NIP from the taxpayer's registration (the VAT white list, CEIDG or KRS) rather than changing the last digit";
