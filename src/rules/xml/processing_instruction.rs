//! `FA3-XML-005` processing-instruction: a processing instruction other than the XML declaration.
//!
//! Found by the byte-level pre-scan in [`crate::hygiene`], which reports it
//! through the functions here.

use crate::diagnostic::Diagnostic;
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The only processing instruction allowed is the XML declaration
    /// `<?xml …?>`, and only at the very start of the file (byte 0). Processing
    /// instructions inside comments and CDATA sections are text, not markup, and
    /// are not reported.
    ///
    /// ## Why it matters
    /// KSeF rejects processing instructions such as `<?xml-stylesheet …?>` with
    /// status 450. An XML declaration after leading whitespace is not an XML
    /// declaration at all and makes the document malformed.
    ///
    /// ## Example
    /// ```xml
    /// <?xml version="1.0" encoding="UTF-8"?>
    /// <?xml-stylesheet type="text/xsl" href="faktura.xsl"?>
    /// <Faktura xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/">…</Faktura>
    /// ```
    ///
    /// ## Fix
    /// The same document without the `<?xml-stylesheet …?>` line.
    ///
    /// ## References
    /// - KSeF documentation, *Weryfikacja faktury*; API changelog 2.4.0;
    ///   CIRFMF/ksef-api#718.
    pub static PROCESSING_INSTRUCTION = {
        code: "FA3-XML-005",
        name: "processing-instruction",
        severity: Error,
        since: "0.1.0",
        check: Check::Hygiene,
    }
}

/// What the summary of the findings beyond the cap calls several of them.
pub(crate) const PLURAL: &str = "processing instructions";

/// The finding for the processing instruction `<?{target} …?>` (its target
/// as shown, already cut to length) at byte offset `start`. `is_decl`: the
/// target is `xml` in any case; `at_start`: it is where an XML declaration
/// may be (the caller adds the span).
pub(crate) fn finding(target: &str, start: usize, is_decl: bool, at_start: bool) -> Diagnostic {
    let (message, help) = if is_decl && at_start {
        (
            format!(
                "`<?{target} …?>` is not an XML declaration: the target `xml` must be in lower case"
            ),
            "write the declaration as <?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        )
    } else if is_decl {
        (
            format!(
                "an XML declaration `<?{target} …?>` at byte offset {start}: it is allowed only at the very start of the file"
            ),
            "move the XML declaration to the very start of the file (remove \
             anything before it, even whitespace), or remove it",
        )
    } else {
        (
            format!(
                "a processing instruction `<?{target} …?>`: KSeF allows none besides the XML declaration"
            ),
            "remove the processing instruction (a stylesheet is chosen by the \
             program that displays the invoice, not by the invoice)",
        )
    };
    PROCESSING_INSTRUCTION.diagnostic(message).with_help(help)
}
