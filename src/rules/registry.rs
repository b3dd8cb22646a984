//! The one list of every rule. A test checks that each rule file is listed
//! here exactly once.

use super::Rule;
#[allow(unused_imports)] // areas are filled rule by rule
use super::{
    advances, amounts, annotations, attachments, batch, corrections, currency, dates, duplicates,
    footer, header, ids, lines, numbering, parties, payment, settlement, simplified, size,
    transaction, xml, xsd,
};

/// Every registered rule (listings sort them by code).
pub static RULES: &[&Rule] = &[
    &attachments::attachment_in_online_session::ATTACHMENT_IN_ONLINE_SESSION,
    &attachments::attachments_not_enabled::ATTACHMENTS_NOT_ENABLED,
    &attachments::attachment_needs_batch_session::ATTACHMENT_NEEDS_BATCH_SESSION,
    &batch::too_many_invoices::TOO_MANY_INVOICES,
    &batch::too_many_parts::TOO_MANY_PARTS,
    &batch::package_part_too_large::PACKAGE_PART_TOO_LARGE,
    &batch::package_too_large::PACKAGE_TOO_LARGE,
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
    &xml::malformed_xml::MALFORMED_XML,
    &xsd::unexpected_element::UNEXPECTED_ELEMENT,
    &xsd::missing_element::MISSING_ELEMENT,
    &xsd::pattern::PATTERN,
    &xsd::enumeration::ENUMERATION,
    &xsd::length::LENGTH,
    &xsd::digits::DIGITS,
    &xsd::range::RANGE,
    &xsd::fixed_value::FIXED_VALUE,
    &xsd::attribute::ATTRIBUTE,
    &xsd::text_not_allowed::TEXT_NOT_ALLOWED,
    &xsd::invalid_lexical_value::INVALID_LEXICAL_VALUE,
    &xsd::wrong_root::WRONG_ROOT,
    &xsd::xsi_attribute::XSI_ATTRIBUTE,
    &xsd::limit_exceeded::LIMIT_EXCEEDED,
    &xml::model_unreadable::MODEL_UNREADABLE,
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
    &duplicates::already_sent::ALREADY_SENT,
    &duplicates::duplicate_in_run::DUPLICATE_IN_RUN,
    &duplicates::duplicate_after_normalisation::DUPLICATE_AFTER_NORMALISATION,
    &duplicates::duplicate_within_horizon::DUPLICATE_WITHIN_HORIZON,
    &duplicates::invoice_number_whitespace::INVOICE_NUMBER_WHITESPACE,
    &header::form_code::HEADER_FORM_CODE,
    &header::creation_date_range::CREATION_DATE_OUT_OF_RANGE,
    &header::creation_date_in_future::CREATION_DATE_IN_FUTURE,
    &header::creation_date_format::CREATION_DATE_FORMAT,
    &header::system_info_missing::SYSTEM_INFO_MISSING,
    &numbering::invoice_number_length::INVOICE_NUMBER_LENGTH,
    &numbering::invoice_number_looks_like_ksef_number::INVOICE_NUMBER_LOOKS_LIKE_KSEF_NUMBER,
    &xml::session_form_code_mismatch::SESSION_FORM_CODE_MISMATCH,
    &xml::fa2_document::FA2_DOCUMENT,
    // ---- parties (C.2-C.4) ----
    // ---- end of parties (C.2-C.4) ----
    // ---- dates, numbering and corrections (C.5-C.6) ----
    // ---- end of dates, numbering and corrections (C.5-C.6) ----
    // ---- amounts and currency (C.9-C.10) ----
    &amounts::tax_matches_rate::TAX_MATCHES_RATE,
    &amounts::total_matches_summary::TOTAL_MATCHES_SUMMARY,
    &amounts::lines_match_summary::LINES_MATCH_SUMMARY,
    &amounts::line_arithmetic::LINE_VALUE_ARITHMETIC,
    &amounts::line_tax::LINE_TAX_MATCHES,
    &amounts::summary_for_rate::SUMMARY_FIELD_FOR_RATE,
    &amounts::old_and_new_rate::OLD_AND_NEW_RATE_MIXED,
    &amounts::negative_amount::NEGATIVE_AMOUNT,
    &amounts::zero_summary_field::ZERO_SUMMARY_FIELD,
    &amounts::margin_summary::MARGIN_SUMMARY,
    &amounts::exemption_marker::EXEMPTION_MARKER,
    &amounts::reverse_charge_marker::REVERSE_CHARGE_MARKER,
    &amounts::reverse_charge_unused::REVERSE_CHARGE_UNUSED,
    &amounts::split_payment_marker::SPLIT_PAYMENT_MARKER,
    &amounts::oss_tax_absent::OSS_TAX_ABSENT,
    &currency::tax_pln_missing::TAX_IN_PLN_MISSING,
    &currency::tax_pln_on_pln::TAX_IN_PLN_ON_PLN_INVOICE,
    &currency::tax_pln_conversion::TAX_IN_PLN_CONVERSION,
    &currency::rate_missing::EXCHANGE_RATE_MISSING,
    &currency::nbp_rate::EXCHANGE_RATE_NOT_NBP,
    &currency::rate_on_pln::EXCHANGE_RATE_ON_PLN_INVOICE,
    // ---- end of amounts and currency (C.9-C.10) ----
    // ---- advances, simplified invoices, settlement and payment (C.7, C.8, C.13, C.14) ----
    // ---- end of advances, simplified invoices, settlement and payment (C.7, C.8, C.13, C.14) ----
    // ---- annotations, lines, transaction terms, footer and attachments (C.11, C.12, C.15-C.17) ----
    // ---- end of annotations, lines, transaction terms, footer and attachments (C.11, C.12, C.15-C.17) ----
    // ---- schema rules under their catalog codes ----
    // ---- end of schema rules under their catalog codes ----
];
