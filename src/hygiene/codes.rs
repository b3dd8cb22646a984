//! The codes [`scan`](super::scan) reports, all at error severity, taken
//! from their rules' definitions in `src/rules/xml/` and `src/rules/size/`,
//! which also build the findings and hold their reference docs.

use crate::rules::{size, xml};

/// `FA3-XML-002`: the file starts with a byte order mark.
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-002`).
pub const BOM: &str = xml::bom::BOM.meta.code;

/// `FA3-XML-003`: the XML declaration names an encoding other than UTF-8.
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-003`).
pub const ENCODING_NOT_UTF8: &str = xml::encoding_not_utf8::ENCODING_NOT_UTF8.meta.code;

/// `FA3-XML-004`: the bytes are not valid UTF-8.
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-004`).
pub const INVALID_UTF8: &str = xml::invalid_utf8::INVALID_UTF8.meta.code;

/// `FA3-XML-005`: a processing instruction other than the XML declaration.
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-005`).
pub const PROCESSING_INSTRUCTION: &str = xml::processing_instruction::PROCESSING_INSTRUCTION
    .meta
    .code;

/// `FA3-XML-006`: a character the XML 1.0 specification discourages.
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-006`).
pub const DISCOURAGED_CHAR: &str = xml::discouraged_character::DISCOURAGED_CHARACTER.meta.code;

/// `FA3-XML-007`: a character that XML 1.0 does not allow at all.
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-007`).
pub const NOT_XML_CHAR: &str = xml::not_an_xml_character::NOT_AN_XML_CHARACTER.meta.code;

/// `FA3-XML-010`: a document type declaration (DTD).
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-010`).
pub const DOCTYPE: &str = xml::doctype::DOCTYPE.meta.code;

/// `FA3-SIZE-001`: an invoice without attachment is over the size limit.
/// Its reference page is the rule's docs (`fa3 rule FA3-SIZE-001`).
pub const SIZE: &str = size::too_large::TOO_LARGE.meta.code;

/// `FA3-SIZE-002`: an invoice with an attachment is over the size limit.
/// Its reference page is the rule's docs (`fa3 rule FA3-SIZE-002`).
pub const SIZE_WITH_ATTACHMENT: &str = size::too_large_with_attachment::TOO_LARGE_WITH_ATTACHMENT
    .meta
    .code;

/// Input that is not XML at all (a PDF, a ZIP package), found by its first
/// bytes: FA3-XML-001 (malformed-xml).
pub const NOT_XML: &str = xml::malformed_xml::MALFORMED_XML.meta.code;

/// Every code above, in catalog order.
pub const ALL: &[&str] = &[
    NOT_XML,
    BOM,
    ENCODING_NOT_UTF8,
    INVALID_UTF8,
    PROCESSING_INSTRUCTION,
    DISCOURAGED_CHAR,
    NOT_XML_CHAR,
    DOCTYPE,
    SIZE,
    SIZE_WITH_ATTACHMENT,
];
