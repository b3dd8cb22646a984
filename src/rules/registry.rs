//! The one list of every rule. A test checks that each rule file is listed
//! here exactly once.

use super::Rule;
use super::{dates, ids, size, xml};

/// Every registered rule (listings sort them by code).
pub static RULES: &[&Rule] = &[
    &dates::issue_date_in_future::ISSUE_DATE_IN_FUTURE,
    &dates::issue_date_time_zone_window::ISSUE_DATE_TIME_ZONE_WINDOW,
    &dates::issue_date_offline::ISSUE_DATE_OFFLINE,
    &size::too_large::TOO_LARGE,
    &size::too_large_with_attachment::TOO_LARGE_WITH_ATTACHMENT,
    &xml::bom::BOM,
    &xml::encoding_not_utf8::ENCODING_NOT_UTF8,
    &xml::invalid_utf8::INVALID_UTF8,
    &xml::processing_instruction::PROCESSING_INSTRUCTION,
    &xml::discouraged_character::DISCOURAGED_CHARACTER,
    &xml::not_an_xml_character::NOT_AN_XML_CHARACTER,
    &xml::doctype::DOCTYPE,
    &ids::nip_checksum_other_fields::NIP_CHECKSUM_OTHER_FIELDS,
    &ids::placeholder_nip::PLACEHOLDER_NIP,
    &ids::regon_checksum::REGON_CHECKSUM,
    &ids::krs_all_zeros::KRS_ALL_ZEROS,
    &ids::ksef_number_date::KSEF_NUMBER_DATE,
    &ids::ksef_number_check_digits::KSEF_NUMBER_CHECK_DIGITS,
    &ids::ksef_number_seller::KSEF_NUMBER_SELLER,
    &ids::eu_vat_number_format::EU_VAT_NUMBER_FORMAT,
    &ids::eu_vat_number_prefix::EU_VAT_NUMBER_PREFIX,
    &ids::polish_nip_in_foreign_id::POLISH_NIP_IN_FOREIGN_ID,
    &ids::bank_account_checksum::BANK_ACCOUNT_CHECKSUM,
    &ids::bank_account_spaces::BANK_ACCOUNT_SPACES,
    &ids::swift_country::SWIFT_COUNTRY,
    &ids::ipksef_link_mismatch::IPKSEF_LINK_MISMATCH,
    &ids::gln_check_digit::GLN_CHECK_DIGIT,
    &ids::gtin_check_digit::GTIN_CHECK_DIGIT,
    &ids::country_code_mismatch::COUNTRY_CODE_MISMATCH,
    &ids::obsolete_currency::OBSOLETE_CURRENCY,
    &ids::email_address::EMAIL_ADDRESS,
    &ids::phone_number::PHONE_NUMBER,
    &ids::eori_number::EORI_NUMBER,
    &ids::nip_checksum::NIP_CHECKSUM,
    &ids::internal_id_nip_checksum::INTERNAL_ID_NIP_CHECKSUM,
];
