//! The one list of every rule. A test checks that each rule file is listed
//! here exactly once.

use super::Rule;
use super::dates;
use super::{attachments, batch};
use super::{duplicates, header, numbering, xml};

/// Every registered rule, ordered by code.
pub static RULES: &[&Rule] = &[
    &attachments::attachment_in_online_session::ATTACHMENT_IN_ONLINE_SESSION,
    &attachments::attachments_not_enabled::ATTACHMENTS_NOT_ENABLED,
    &attachments::attachment_needs_batch_session::ATTACHMENT_NEEDS_BATCH_SESSION,
    &batch::too_many_invoices::TOO_MANY_INVOICES,
    &batch::package_part_too_large::PACKAGE_PART_TOO_LARGE,
    &batch::package_too_large::PACKAGE_TOO_LARGE,
    &dates::issue_date_in_future::ISSUE_DATE_IN_FUTURE,
    &dates::issue_date_time_zone_window::ISSUE_DATE_TIME_ZONE_WINDOW,
    &dates::issue_date_offline::ISSUE_DATE_OFFLINE,
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
];
