//! `FA3-XML-010` doctype-refused: a document type declaration (DTD).
//!
//! Found by the byte-level pre-scan in [`crate::hygiene`], which reports it
//! through the functions here.

use crate::diagnostic::Diagnostic;
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The document contains no `<!DOCTYPE …>` declaration, with or without an
    /// internal subset or external identifier.
    ///
    /// ## Why it matters
    /// fa3 refuses DTDs and never processes them: no entity is expanded and no
    /// external file is read, so a "billion laughs" document or an external
    /// entity costs nothing and leaks nothing. The finding is fatal: the rest of
    /// the document is not parsed.
    ///
    /// **Severity deviation:** the rule catalog lists this rule as *info*
    /// because the KSeF documentation does not mention DTDs. fa3 reports it as an
    /// *error*, because KSeF parses invoices with .NET's `XmlReader`, whose
    /// default settings prohibit DTDs, so such a document cannot be accepted.
    ///
    /// ## Example
    /// ```xml
    /// <?xml version="1.0" encoding="UTF-8"?>
    /// <!DOCTYPE Faktura [<!ENTITY firma "Firma sp. z o.o.">]>
    /// ```
    ///
    /// ## Fix
    /// No DOCTYPE, and the text written out in full.
    ///
    /// ## References
    /// - OWASP, *XML External Entity Prevention Cheat Sheet*.
    /// - .NET `XmlReaderSettings.DtdProcessing` (default `Prohibit`).
    pub static DOCTYPE = {
        code: "FA3-XML-010",
        name: "doctype-refused",
        severity: Error,
        since: "0.1.0",
        check: Check::Hygiene,
    }
}

/// What the summary of the findings beyond the cap calls several of them.
pub(crate) const PLURAL: &str = "DOCTYPE declarations";

/// The finding for a DOCTYPE declaration (the caller adds its span).
pub(crate) fn finding() -> Diagnostic {
    DOCTYPE
        .diagnostic(
            "a DOCTYPE declaration: DTDs are refused and not processed (no entity \
             is expanded, no external file is read)",
        )
        .with_help(
            "remove the <!DOCTYPE …> declaration and write any entities out; KSeF's \
             XML parser prohibits DTDs, so the invoice would be rejected",
        )
}
