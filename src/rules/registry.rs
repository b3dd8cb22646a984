//! The one list of every rule. A test checks that each rule file is listed
//! here exactly once.

use super::Rule;
use super::{dates, size, xml};

/// Every registered rule, ordered by code.
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
];
