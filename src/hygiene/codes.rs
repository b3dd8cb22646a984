//! The codes [`scan`](super::scan) reports, all at error severity. Their
//! reference docs live with the rule registrations in `src/rules/xml/` and
//! `src/rules/size/`.

/// `FA3-XML-002`: the file starts with a byte order mark.
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-002`).
pub const BOM: &str = "FA3-XML-002";

/// `FA3-XML-003`: the XML declaration names an encoding other than UTF-8.
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-003`).
pub const ENCODING_NOT_UTF8: &str = "FA3-XML-003";

/// `FA3-XML-004`: the bytes are not valid UTF-8.
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-004`).
pub const INVALID_UTF8: &str = "FA3-XML-004";

/// `FA3-XML-005`: a processing instruction other than the XML declaration.
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-005`).
pub const PROCESSING_INSTRUCTION: &str = "FA3-XML-005";

/// `FA3-XML-006`: a character the XML 1.0 specification discourages.
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-006`).
pub const DISCOURAGED_CHAR: &str = "FA3-XML-006";

/// `FA3-XML-007`: a character that XML 1.0 does not allow at all.
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-007`).
pub const NOT_XML_CHAR: &str = "FA3-XML-007";

/// `FA3-XML-010`: a document type declaration (DTD).
/// Its reference page is the rule's docs (`fa3 rule FA3-XML-010`).
pub const DOCTYPE: &str = "FA3-XML-010";

/// `FA3-SIZE-001`: an invoice without attachment is over the size limit.
/// Its reference page is the rule's docs (`fa3 rule FA3-SIZE-001`).
pub const SIZE: &str = "FA3-SIZE-001";

/// `FA3-SIZE-002`: an invoice with an attachment is over the size limit.
/// Its reference page is the rule's docs (`fa3 rule FA3-SIZE-002`).
pub const SIZE_WITH_ATTACHMENT: &str = "FA3-SIZE-002";

/// Every code above, in catalog order.
pub const ALL: &[&str] = &[
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
