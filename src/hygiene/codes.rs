//! The codes [`scan`](super::scan) reports. Each constant's documentation is
//! the rule's reference page. All of them have error severity.

/// `FA3-XML-002`: the file starts with a byte order mark.
///
/// ## What it checks
/// The first three bytes of the file are `EF BB BF`, the UTF-8 byte order
/// mark (BOM).
///
/// ## Why is this bad?
/// KSeF requires UTF-8 *without* a BOM and rejects the invoice with status
/// 450.
///
/// ## Example
/// A file saved as "UTF-8 with BOM": `EF BB BF 3C 3F 78 6D 6C …`
///
/// Use instead: save it as plain UTF-8, so it starts with `<?xml` (`3C 3F 78 6D 6C`).
///
/// ## References
/// - KSeF documentation, *Weryfikacja faktury* (UTF-8 without BOM).
pub const BOM: &str = "FA3-XML-002";

/// `FA3-XML-003`: the XML declaration names an encoding other than UTF-8.
///
/// ## What it checks
/// When the document starts with an XML declaration that has an `encoding`
/// pseudo-attribute, its value must be `UTF-8` (compared case-insensitively).
/// The declaration, and the attribute, are optional.
///
/// ## Why is this bad?
/// KSeF accepts only UTF-8 and rejects other declared encodings with status
/// 450. The finding is fatal: the rest of the document is not parsed.
///
/// ## Example
/// ```xml
/// <?xml version="1.0" encoding="windows-1250"?>
/// ```
/// Use instead (after re-encoding the file as UTF-8):
/// ```xml
/// <?xml version="1.0" encoding="UTF-8"?>
/// ```
///
/// ## References
/// - KSeF documentation, *Weryfikacja faktury*; API changelog 2.3.0.
pub const ENCODING_NOT_UTF8: &str = "FA3-XML-003";

/// `FA3-XML-004`: the bytes are not valid UTF-8.
///
/// ## What it checks
/// Every byte sequence is well-formed UTF-8: no stray continuation bytes, no
/// truncated or overlong sequences, no encoded surrogates (U+D800–U+DFFF) and
/// nothing above U+10FFFF. The message gives the byte offset and the bad
/// bytes in hex.
///
/// ## Why is this bad?
/// KSeF rejects documents that are not correct UTF-8 with status 450. The
/// usual cause is text written in windows-1250 or ISO-8859-2 into a file
/// declared as UTF-8. The finding is fatal: the rest of the document is not
/// parsed.
///
/// ## Example
/// `ł` written as the single windows-1250 byte `B3`, or the sequence `C3 28`.
///
/// Use instead: `ł` as `C5 82`.
///
/// ## References
/// - CIRFMF/ksef-api#759.
pub const INVALID_UTF8: &str = "FA3-XML-004";

/// `FA3-XML-005`: a processing instruction other than the XML declaration.
///
/// ## What it checks
/// The only processing instruction allowed is the XML declaration
/// `<?xml …?>`, and only at the very start of the file (byte 0). Processing
/// instructions inside comments and CDATA sections are text, not markup, and
/// are not reported.
///
/// ## Why is this bad?
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
/// Use instead: the same document without the `<?xml-stylesheet …?>` line.
///
/// ## References
/// - KSeF documentation, *Weryfikacja faktury*; API changelog 2.4.0;
///   CIRFMF/ksef-api#718.
pub const PROCESSING_INSTRUCTION: &str = "FA3-XML-005";

/// `FA3-XML-006`: a character the XML 1.0 specification discourages.
///
/// ## What it checks
/// No character of the 19 ranges XML 1.0 (fifth edition, section 2.2)
/// discourages: `[#x7F-#x84]`, `[#x86-#x9F]`, `[#xFDD0-#xFDEF]` and
/// `[#xnFFFE-#xnFFFF]` for n = 1 to 10 (hex), whether it is written raw or as
/// a character reference (`&#x81;`, `&#129;`). References inside comments and
/// CDATA sections are text and are not reported; raw characters are reported
/// everywhere.
///
/// ## Why is this bad?
/// KSeF rejects these characters with status 450. They are control characters
/// and permanently unassigned code points. The C1 controls usually come from
/// UTF-8 text that was read as windows-1250 and saved again: `Ł` (bytes
/// `C5 81`) turns into `Ĺ` followed by U+0081.
///
/// ## Example
/// ```xml
/// <P_7>SAMOOBSĹ&#x81;UGA</P_7>
/// ```
/// Use instead:
/// ```xml
/// <P_7>SAMOOBSŁUGA</P_7>
/// ```
///
/// ## References
/// - KSeF documentation, *Weryfikacja faktury*; API changelog 2.4.0;
///   CIRFMF/ksef-api#700.
pub const DISCOURAGED_CHAR: &str = "FA3-XML-006";

/// `FA3-XML-007`: a character that XML 1.0 does not allow at all.
///
/// ## What it checks
/// Every character is an XML 1.0 `Char`: no C0 control other than TAB, LF
/// and CR, no U+FFFE or U+FFFF, no surrogate and nothing above U+10FFFF,
/// whether written raw or as a character reference (`&#x1;`, `&#xFFFE;`).
/// References inside comments and CDATA sections are text and are not
/// reported; raw characters are reported everywhere.
///
/// ## Why is this bad?
/// Such a document is not well-formed XML, so KSeF rejects it with status 450.
///
/// ## Example
/// ```xml
/// <P_1M>Warszawa&#x1;</P_1M>
/// ```
/// Use instead:
/// ```xml
/// <P_1M>Warszawa</P_1M>
/// ```
///
/// ## References
/// - XML 1.0 (fifth edition), section 2.2 *Characters* and the *Legal
///   Character* constraint of section 4.1.
pub const NOT_XML_CHAR: &str = "FA3-XML-007";

/// `FA3-XML-010`: a document type declaration (DTD).
///
/// ## What it checks
/// The document contains no `<!DOCTYPE …>` declaration, with or without an
/// internal subset or external identifier.
///
/// ## Why is this bad?
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
/// Use instead: no DOCTYPE, and the text written out in full.
///
/// ## References
/// - OWASP, *XML External Entity Prevention Cheat Sheet*.
/// - .NET `XmlReaderSettings.DtdProcessing` (default `Prohibit`).
pub const DOCTYPE: &str = "FA3-XML-010";

/// `FA3-SIZE-001`: an invoice without attachment is over the size limit.
///
/// ## What it checks
/// When the document has no `Zalacznik` element, its raw size in bytes is at
/// most [`HygieneLimits::max_size`](super::HygieneLimits::max_size),
/// 1,000,000 bytes by default (SI megabyte, not MiB). Exactly 1,000,000
/// bytes passes.
///
/// ## Why is this bad?
/// KSeF rejects larger invoices. The finding is fatal and is checked before
/// anything else: nothing else in the file is scanned.
///
/// ## Example
/// An invoice of 1,000,001 bytes with no `Zalacznik`.
///
/// Use instead: remove padding, comments or indentation, or split the
/// invoice. A per-context limit (`maxInvoiceSizeInMB`) can be configured
/// through [`HygieneLimits`](super::HygieneLimits).
///
/// ## References
/// - KSeF documentation, *Weryfikacja faktury* and *Limity*.
pub const SIZE: &str = "FA3-SIZE-001";

/// `FA3-SIZE-002`: an invoice with an attachment is over the size limit.
///
/// ## What it checks
/// When the document has a `Zalacznik` element (a start tag with that local
/// name, with or without a prefix, outside comments, CDATA sections,
/// processing instructions and attribute values), its raw size in bytes is
/// at most [`HygieneLimits::max_size_with_attachment`](super::HygieneLimits::max_size_with_attachment),
/// 3,000,000 bytes by default.
///
/// ## Why is this bad?
/// KSeF rejects larger invoices. The finding is fatal and is checked before
/// anything else: nothing else in the file is scanned.
///
/// ## Example
/// An invoice of 3,000,001 bytes with a `Zalacznik`.
///
/// Use instead: shorten the attachment's tables or the invoice.
///
/// ## References
/// - KSeF documentation, *Weryfikacja faktury* and *Limity*
///   (`maxInvoiceWithAttachmentSizeInMB`).
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
