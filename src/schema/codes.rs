//! The `FA3-XSD-*` diagnostic codes. Each refines the catalogue's
//! FA3-XML-008 ("valid against the FA(3) schema"); malformed XML is
//! FA3-XML-001. Codes and names come from the rules' definitions in
//! `src/rules/xsd/` and `src/rules/xml/`: a constant taken from a static
//! costs the validator nothing.

use crate::rules::{xml, xsd};

/// A schema-validation diagnostic code, for the rule registry and docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct XsdCode {
    /// Stable code, e.g. `FA3-XSD-004`.
    pub code: &'static str,
    /// Kebab-case name.
    pub name: &'static str,
    /// What the code means.
    pub summary: &'static str,
}

/// Malformed XML (not well-formed, or not namespace-well-formed).
pub const XML_MALFORMED: &str = xml::malformed_xml::MALFORMED_XML.meta.code;
/// An element the content model does not allow here.
pub const UNEXPECTED_ELEMENT: &str = xsd::unexpected_element::UNEXPECTED_ELEMENT.meta.code;
/// A required element is missing.
pub const MISSING_ELEMENT: &str = xsd::missing_element::MISSING_ELEMENT.meta.code;
/// Pattern facet.
pub const PATTERN: &str = xsd::pattern::PATTERN.meta.code;
/// Enumeration facet.
pub const ENUMERATION: &str = xsd::enumeration::ENUMERATION.meta.code;
/// Length facets.
pub const LENGTH: &str = xsd::length::LENGTH.meta.code;
/// Digit facets.
pub const DIGITS: &str = xsd::digits::DIGITS.meta.code;
/// Range facets.
pub const RANGE: &str = xsd::range::RANGE.meta.code;
/// Fixed value constraint.
pub const FIXED: &str = xsd::fixed_value::FIXED_VALUE.meta.code;
/// Attribute not allowed or missing.
pub const ATTRIBUTE: &str = xsd::attribute::ATTRIBUTE.meta.code;
/// Text where only elements (or nothing) may appear.
pub const TEXT_NOT_ALLOWED: &str = xsd::text_not_allowed::TEXT_NOT_ALLOWED.meta.code;
/// Not a literal of the built-in type.
pub const LEXICAL: &str = xsd::invalid_lexical_value::INVALID_LEXICAL_VALUE.meta.code;
/// Wrong root element or namespace.
pub const ROOT: &str = xsd::wrong_root::WRONG_ROOT.meta.code;
/// Misused `xsi:type` or `xsi:nil`.
pub const XSI: &str = xsd::xsi_attribute::XSI_ATTRIBUTE.meta.code;
/// A resource limit stopped the validation.
pub const LIMIT: &str = xsd::limit_exceeded::LIMIT_EXCEEDED.meta.code;

/// Every code the schema validator emits, with its meaning.
pub const XSD_CODES: &[XsdCode] = &[
    XsdCode {
        code: XML_MALFORMED,
        name: xml::malformed_xml::MALFORMED_XML.meta.name,
        summary: "The document is not well-formed XML 1.0 with namespaces (syntax error, undefined entity, invalid character or UTF-8, unclosed or mismatched tag, undeclared prefix). Validation stops at the first fatal error.",
    },
    XsdCode {
        code: UNEXPECTED_ELEMENT,
        name: xsd::unexpected_element::UNEXPECTED_ELEMENT.meta.name,
        summary: "An element that the content model does not allow at this point: unknown name, wrong order, more occurrences than maxOccurs, or a child of an element with simple content.",
    },
    XsdCode {
        code: MISSING_ELEMENT,
        name: xsd::missing_element::MISSING_ELEMENT.meta.name,
        summary: "A required element is missing: another element appears where it was expected, or its parent ends before it.",
    },
    XsdCode {
        code: PATTERN,
        name: xsd::pattern::PATTERN.meta.name,
        summary: "The value does not match the pattern facet of its type (all derivation steps must match; within one step any pattern may).",
    },
    XsdCode {
        code: ENUMERATION,
        name: xsd::enumeration::ENUMERATION.meta.name,
        summary: "The value is not one of the enumerated values (compared in the type's value space, e.g. `01` equals `1` for integers).",
    },
    XsdCode {
        code: LENGTH,
        name: xsd::length::LENGTH.meta.name,
        summary: "The value violates length, minLength or maxLength, counted in characters after whitespace normalisation.",
    },
    XsdCode {
        code: DIGITS,
        name: xsd::digits::DIGITS.meta.name,
        summary: "The decimal value has more significant digits than totalDigits or more fraction digits than fractionDigits.",
    },
    XsdCode {
        code: RANGE,
        name: xsd::range::RANGE.meta.name,
        summary: "The value is outside minInclusive/maxInclusive/minExclusive/maxExclusive (typed comparison of decimals, dates and date-times).",
    },
    XsdCode {
        code: FIXED,
        name: xsd::fixed_value::FIXED_VALUE.meta.name,
        summary: "An element or attribute with a fixed value constraint has a different value (e.g. kodSystemowy must be `FA (3)`).",
    },
    XsdCode {
        code: ATTRIBUTE,
        name: xsd::attribute::ATTRIBUTE.meta.name,
        summary: "An attribute that the element's type does not declare, or a required attribute that is missing.",
    },
    XsdCode {
        code: TEXT_NOT_ALLOWED,
        name: xsd::text_not_allowed::TEXT_NOT_ALLOWED.meta.name,
        summary: "Character data (other than whitespace) in an element that may only contain child elements, or any content in an element that must be empty.",
    },
    XsdCode {
        code: LEXICAL,
        name: xsd::invalid_lexical_value::INVALID_LEXICAL_VALUE.meta.name,
        summary: "The value is not a valid literal of its built-in type (decimal, integer, byte, date, dateTime, ...) or of any member of a union type.",
    },
    XsdCode {
        code: ROOT,
        name: xsd::wrong_root::WRONG_ROOT.meta.name,
        summary: "The root element is not `Faktura` in the FA(3) namespace (an FA(2) document, a document without namespace, a pre-release namespace, or another document type).",
    },
    XsdCode {
        code: XSI,
        name: xsd::xsi_attribute::XSI_ATTRIBUTE.meta.name,
        summary: "`xsi:type` names no type derived from the declared one, or `xsi:nil` appears on an element that is not nillable.",
    },
    XsdCode {
        code: LIMIT,
        name: xsd::limit_exceeded::LIMIT_EXCEEDED.meta.name,
        summary: "The document nests deeper or has more elements than the configured limits; validation stopped there.",
    },
];
