//! Schema rules (`FA3-XSD-*`): each refines the catalog's FA3-XML-008,
//! "valid against the FA(3) schema".

pub mod attribute;
pub mod digits;
pub mod enumeration;
pub mod fixed_value;
pub mod invalid_lexical_value;
pub mod length;
pub mod limit_exceeded;
pub mod missing_element;
pub mod pattern;
pub mod range;
pub mod text_not_allowed;
pub mod unexpected_element;
pub mod wrong_root;
pub mod xsi_attribute;
