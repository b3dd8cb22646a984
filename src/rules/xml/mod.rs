//! Document and session form rules (`FA3-XML-*`) that are not byte hygiene
//! or schema validation.

pub mod fa2_document;
pub mod session_form_code_mismatch;
