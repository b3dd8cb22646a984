//! The `FA3-XSD-*` diagnostic codes. Each refines the catalogue's
//! FA3-XML-008 ("valid against the FA(3) schema"); malformed XML is
//! FA3-XML-001.

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
pub const XML_MALFORMED: &str = "FA3-XML-001";
/// An element the content model does not allow here.
pub const UNEXPECTED_ELEMENT: &str = "FA3-XSD-001";
/// A required element is missing.
pub const MISSING_ELEMENT: &str = "FA3-XSD-002";
/// Pattern facet.
pub const PATTERN: &str = "FA3-XSD-003";
/// Enumeration facet.
pub const ENUMERATION: &str = "FA3-XSD-004";
/// Length facets.
pub const LENGTH: &str = "FA3-XSD-005";
/// Digit facets.
pub const DIGITS: &str = "FA3-XSD-006";
/// Range facets.
pub const RANGE: &str = "FA3-XSD-007";
/// Fixed value constraint.
pub const FIXED: &str = "FA3-XSD-008";
/// Attribute not allowed or missing.
pub const ATTRIBUTE: &str = "FA3-XSD-009";
/// Text where only elements (or nothing) may appear.
pub const TEXT_NOT_ALLOWED: &str = "FA3-XSD-010";
/// Not a literal of the built-in type.
pub const LEXICAL: &str = "FA3-XSD-011";
/// Wrong root element or namespace.
pub const ROOT: &str = "FA3-XSD-012";
/// Misused `xsi:type` or `xsi:nil`.
pub const XSI: &str = "FA3-XSD-013";
/// A resource limit stopped the validation.
pub const LIMIT: &str = "FA3-XSD-014";

/// Every code the schema validator emits, with its meaning.
pub const XSD_CODES: &[XsdCode] = &[
    XsdCode {
        code: XML_MALFORMED,
        name: "malformed-xml",
        summary: "The document is not well-formed XML 1.0 with namespaces (syntax error, undefined entity, invalid character or UTF-8, unclosed or mismatched tag, undeclared prefix). Validation stops at the first fatal error.",
    },
    XsdCode {
        code: UNEXPECTED_ELEMENT,
        name: "unexpected-element",
        summary: "An element that the content model does not allow at this point: unknown name, wrong order, more occurrences than maxOccurs, or a child of an element with simple content.",
    },
    XsdCode {
        code: MISSING_ELEMENT,
        name: "missing-element",
        summary: "A required element is missing: another element appears where it was expected, or its parent ends before it.",
    },
    XsdCode {
        code: PATTERN,
        name: "pattern",
        summary: "The value does not match the pattern facet of its type (all derivation steps must match; within one step any pattern may).",
    },
    XsdCode {
        code: ENUMERATION,
        name: "enumeration",
        summary: "The value is not one of the enumerated values (compared in the type's value space, e.g. `01` equals `1` for integers).",
    },
    XsdCode {
        code: LENGTH,
        name: "length",
        summary: "The value violates length, minLength or maxLength, counted in characters after whitespace normalisation.",
    },
    XsdCode {
        code: DIGITS,
        name: "digits",
        summary: "The decimal value has more significant digits than totalDigits or more fraction digits than fractionDigits.",
    },
    XsdCode {
        code: RANGE,
        name: "range",
        summary: "The value is outside minInclusive/maxInclusive/minExclusive/maxExclusive (typed comparison of decimals, dates and date-times).",
    },
    XsdCode {
        code: FIXED,
        name: "fixed-value",
        summary: "An element or attribute with a fixed value constraint has a different value (e.g. kodSystemowy must be `FA (3)`).",
    },
    XsdCode {
        code: ATTRIBUTE,
        name: "attribute",
        summary: "An attribute that the element's type does not declare, or a required attribute that is missing.",
    },
    XsdCode {
        code: TEXT_NOT_ALLOWED,
        name: "text-not-allowed",
        summary: "Character data (other than whitespace) in an element that may only contain child elements, or any content in an element that must be empty.",
    },
    XsdCode {
        code: LEXICAL,
        name: "invalid-lexical-value",
        summary: "The value is not a valid literal of its built-in type (decimal, integer, byte, date, dateTime, ...) or of any member of a union type.",
    },
    XsdCode {
        code: ROOT,
        name: "wrong-root",
        summary: "The root element is not `Faktura` in the FA(3) namespace (an FA(2) document, a document without namespace, a pre-release namespace, or another document type).",
    },
    XsdCode {
        code: XSI,
        name: "xsi-attribute",
        summary: "`xsi:type` names no type derived from the declared one, or `xsi:nil` appears on an element that is not nillable.",
    },
    XsdCode {
        code: LIMIT,
        name: "limit-exceeded",
        summary: "The document nests deeper or has more elements than the configured limits; validation stopped there.",
    },
];
