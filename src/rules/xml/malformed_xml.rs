//! `FA3-XML-001` malformed-xml: reported by the streaming schema validator
//! ([`crate::schema`]).

use crate::diagnostic::Diagnostic;
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The document is not well-formed XML 1.0 with namespaces: a syntax error,
    /// an undefined entity, an invalid character or byte sequence, an unclosed or
    /// mismatched tag, or an undeclared prefix. Checking stops at the first such
    /// error.
    ///
    /// ## Why it matters
    /// KSeF requires a well-formed XML 1.0 document and rejects anything else
    /// with status 450 ("Nieprawidłowy XML"; KSeF docs: weryfikacja-faktury).
    ///
    /// ## Example
    /// ```xml
    /// <P_2>FV/1</P_3>
    /// ```
    ///
    /// ## Fix
    /// Fix the markup at the reported position; generate XML with a real XML
    /// library rather than by string concatenation.
    pub static MALFORMED_XML = {
        code: "FA3-XML-001",
        name: "malformed-xml",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}

/// The finding for input that is not XML at all: it does not start with `<`
/// (after an optional byte order mark and white space). `what` names the
/// kind of file when its first bytes tell (`a PDF file`), else is empty; the
/// caller adds its span.
pub(crate) fn not_xml_finding(start: &str, what: &str) -> Diagnostic {
    let kind = if what.is_empty() {
        String::new()
    } else {
        format!(" ({what})")
    };
    MALFORMED_XML
        .diagnostic(format!(
            "this is not an XML document: it starts with {start:?}{kind}, not with `<`"
        ))
        .with_help("send the FA(3) XML file of the invoice, not a printout or another format")
}
