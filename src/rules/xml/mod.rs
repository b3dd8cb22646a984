//! XML, encoding and form rules (`FA3-XML-*`).

pub mod bom;
pub mod discouraged_character;
pub mod doctype;
pub mod encoding_not_utf8;
pub mod fa2_document;
pub mod invalid_utf8;
pub mod malformed_xml;
pub mod model_unreadable;
pub mod not_an_xml_character;
pub mod processing_instruction;
pub mod session_form_code_mismatch;
