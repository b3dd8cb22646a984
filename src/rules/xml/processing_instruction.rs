//! `FA3-XML-005` processing-instruction: a processing instruction other than the XML declaration.
//!
//! Checked by the byte-level pre-scan in [`crate::hygiene`].

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
