//! Byte-level checks that KSeF makes on the raw file, before any XML parsing.
//!
//! [`scan`] looks at the bytes of one invoice exactly as they would be sent
//! and reports, as [`Diagnostic`]s with byte spans:
//!
//! | Code | Finding | Fatal |
//! |---|---|---|
//! | [`FA3-SIZE-001`](codes::SIZE) | over 1,000,000 bytes, no `Zalacznik` | yes |
//! | [`FA3-SIZE-002`](codes::SIZE_WITH_ATTACHMENT) | over 3,000,000 bytes with a `Zalacznik` | yes |
//! | [`FA3-XML-002`](codes::BOM) | a UTF-8 byte order mark | no |
//! | [`FA3-XML-003`](codes::ENCODING_NOT_UTF8) | an encoding declaration other than UTF-8 | yes |
//! | [`FA3-XML-004`](codes::INVALID_UTF8) | bytes that are not UTF-8 | yes |
//! | [`FA3-XML-005`](codes::PROCESSING_INSTRUCTION) | a processing instruction other than the XML declaration | no |
//! | [`FA3-XML-006`](codes::DISCOURAGED_CHAR) | a W3C-discouraged character, raw or as a reference | no |
//! | [`FA3-XML-007`](codes::NOT_XML_CHAR) | a character XML 1.0 forbids, raw or as a reference | no |
//! | [`FA3-XML-010`](codes::DOCTYPE) | a DOCTYPE (DTDs are refused, never expanded) | yes |
//!
//! *Fatal* findings mean the document must not be handed to the XML parser.
//!
//! The size is checked first; a file over its limit gets that one finding and
//! nothing else is scanned. Otherwise a quick branch-free pass proves most
//! documents clean; the others get one linear pass that follows the markup
//! and allocates only for the findings it lists. Findings of one code are listed
//! up to [`MAX_FINDINGS_PER_CODE`] times, followed by one summary finding
//! counting the rest.
//!
//! Well-formedness (FA3-XML-001) and the schema (FA3-XML-008) are not checked
//! here; this module only makes sure the bytes are safe and sensible to parse.

mod quick;
mod scanner;

/// The XML declarations nearly every invoice starts with, written exactly
/// so: both the quick scan and the schema's fast path clear them by a
/// comparison of bytes instead of reading them part by part (the tests
/// hold the comparison to the reading).
pub(crate) const USUAL_DECLARATIONS: [&[u8]; 2] = [
    br#"<?xml version="1.0" encoding="UTF-8"?>"#,
    br#"<?xml version="1.0" encoding="utf-8"?>"#,
];
mod utf8;

pub mod codes;

use crate::diagnostic::Diagnostic;

/// How many findings of one code [`scan`] lists before summing up the rest
/// in a single finding.
pub const MAX_FINDINGS_PER_CODE: usize = scanner::MAX_PER_CODE;

/// Size limits, in bytes, as KSeF counts them (the raw length of the file).
///
/// KSeF can set other limits per context (`GET /limits/context`), so they are
/// configurable; [`Default`] gives KSeF's standard ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HygieneLimits {
    /// Largest allowed invoice without a `Zalacznik`: 1,000,000 bytes.
    pub max_size: u64,
    /// Largest allowed invoice with a `Zalacznik`: 3,000,000 bytes.
    pub max_size_with_attachment: u64,
}

impl HygieneLimits {
    /// KSeF's standard limits: 1,000,000 bytes, 3,000,000 with an attachment.
    pub const KSEF: Self = Self {
        max_size: crate::ksef::MAX_INVOICE_SIZE,
        max_size_with_attachment: crate::ksef::MAX_INVOICE_SIZE_WITH_ATTACHMENT,
    };
}

impl Default for HygieneLimits {
    fn default() -> Self {
        Self::KSEF
    }
}

/// The outcome of [`scan`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hygiene {
    /// The findings, each with a byte span; line and column are left at 0
    /// for the caller to fill with [`Diagnostic::locate`].
    pub diagnostics: Vec<Diagnostic>,
    /// True when the document must not be parsed further: it is too large,
    /// not UTF-8, declares another encoding, or has a DOCTYPE.
    pub fatal: bool,
}

impl Hygiene {
    /// True when there are no findings.
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// Checks the raw bytes of one invoice.
///
/// Never panics, whatever the input, and never expands entities: the cost is
/// linear in `bytes.len()`.
///
/// # Example
///
/// ```
/// use fa3::hygiene::{HygieneLimits, scan};
///
/// let xml = "<?xml version=\"1.0\" encoding=\"windows-1250\"?>\n<Faktura/>";
/// let hygiene = scan(xml.as_bytes(), &HygieneLimits::default());
/// assert!(hygiene.fatal);
/// assert_eq!(hygiene.diagnostics.len(), 1);
/// let finding = &hygiene.diagnostics[0];
/// assert_eq!(finding.code, fa3::hygiene::codes::ENCODING_NOT_UTF8); // FA3-XML-003
/// // The span covers the declared encoding.
/// assert_eq!(&xml[finding.span.clone().unwrap()], "windows-1250");
///
/// let clean = scan(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Faktura/>", &HygieneLimits::default());
/// assert!(clean.is_clean() && !clean.fatal);
/// ```
pub fn scan(bytes: &[u8], limits: &HygieneLimits) -> Hygiene {
    scan_read(
        bytes,
        u64::try_from(bytes.len()).unwrap_or(u64::MAX),
        limits,
    )
}

/// [`scan`] for a document read through a cap: `bytes` are the bytes read
/// (the whole document, or only its first bytes when it is larger than the
/// cap) and `len` is the document's real length (from the file system or a
/// ZIP entry's header). A document longer than `bytes` gets the size finding
/// for its real length; its `Zalacznik` is looked for in the bytes read.
pub fn scan_read(bytes: &[u8], len: u64, limits: &HygieneLimits) -> Hygiene {
    let len = len.max(u64::try_from(bytes.len()).unwrap_or(u64::MAX));
    if let Some(finding) = size(bytes, len, limits) {
        return Hygiene {
            diagnostics: vec![finding],
            fatal: true,
        };
    }
    if let Some(finding) = not_utf8_xml(bytes) {
        return Hygiene {
            diagnostics: vec![finding],
            fatal: true,
        };
    }
    if quick::clean(bytes) {
        return Hygiene::default();
    }
    let sink = scanner::check(bytes);
    Hygiene {
        diagnostics: sink.diagnostics,
        fatal: sink.fatal,
    }
}

/// One finding for a document in UTF-16 or UTF-32, or for input that is not
/// XML at all, instead of a finding for each of its bytes.
fn not_utf8_xml(bytes: &[u8]) -> Option<Diagnostic> {
    // A byte order mark, or the zero bytes around `<?` of an XML declaration.
    let wide = match bytes {
        [0, 0, 0xFE, 0xFF, ..] | [0, 0, 0, b'<', 0, 0, 0, b'?', ..] => Some(("UTF-32BE", 4)),
        [0xFF, 0xFE, 0, 0, ..] | [b'<', 0, 0, 0, b'?', 0, 0, 0, ..] => Some(("UTF-32LE", 4)),
        [0xFE, 0xFF, ..] | [0, b'<', 0, b'?', ..] => Some(("UTF-16BE", 2)),
        [0xFF, 0xFE, ..] | [b'<', 0, b'?', 0, ..] => Some(("UTF-16LE", 2)),
        _ => None,
    };
    if let Some((encoding, unit)) = wide {
        let end = unit.min(bytes.len());
        return Some(
            crate::rules::xml::encoding_not_utf8::wide_finding(encoding).with_span(0..end),
        );
    }
    // Files that are plainly something else, by their signature.
    let what = if bytes.starts_with(b"%PDF-") {
        "a PDF file"
    } else if bytes.starts_with(b"PK\x03\x04") {
        "a ZIP package; give the package itself to fa3 check, which reads its entries"
    } else {
        return None;
    };
    let shown: String = String::from_utf8_lossy(&bytes[..bytes.len().min(8)])
        .chars()
        .map(|c| if c.is_control() { '.' } else { c })
        .collect();
    let at = 0;
    Some(
        crate::rules::xml::malformed_xml::not_xml_finding(&shown, what)
            .with_span(at..(at + 1).min(bytes.len())),
    )
}

/// The size finding, if the file is over its limit. Looks for a `Zalacznik`
/// only when the file is over the smaller limit.
fn size(bytes: &[u8], len: u64, limits: &HygieneLimits) -> Option<Diagnostic> {
    if len <= limits.max_size.min(limits.max_size_with_attachment) {
        return None;
    }
    let attachment = scanner::has_attachment(bytes);
    let limit = if attachment {
        limits.max_size_with_attachment
    } else {
        limits.max_size
    };
    if len <= limit {
        return None;
    }
    let start = usize::try_from(limit)
        .unwrap_or(bytes.len())
        .min(bytes.len());
    let finding = if attachment {
        crate::rules::size::too_large_with_attachment::finding(len, limit)
    } else {
        crate::rules::size::too_large::finding(len, limit, limits.max_size_with_attachment)
    };
    Some(finding.with_span(start..bytes.len()))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn wide_encodings_get_one_finding() {
        let limits = HygieneLimits::default();
        let text = "<?xml version=\"1.0\"?><Faktura/>";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be_no_bom: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, name) in [(le, "UTF-16LE"), (be_no_bom, "UTF-16BE")] {
            let h = scan(&bytes, &limits);
            assert!(h.fatal);
            assert_eq!(h.diagnostics.len(), 1, "{:#?}", h.diagnostics);
            assert_eq!(h.diagnostics[0].code, codes::ENCODING_NOT_UTF8);
            assert!(
                h.diagnostics[0].message.contains(name),
                "{}",
                h.diagnostics[0].message
            );
        }
    }

    #[test]
    fn input_that_is_not_xml_gets_one_finding() {
        let limits = HygieneLimits::default();
        let h = scan(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", &limits);
        assert!(h.fatal);
        assert_eq!(h.diagnostics.len(), 1);
        assert!(
            h.diagnostics[0].message.contains("a PDF file"),
            "{}",
            h.diagnostics[0].message
        );
        // XML after a BOM and white space is left to the scanner.
        assert!(
            scan(b"\xEF\xBB\xBF \n<a/>", &limits)
                .diagnostics
                .iter()
                .all(|d| !d.message.contains("not an XML"))
        );
        // Empty input is the parser's to report.
        assert!(scan(b"", &limits).diagnostics.is_empty());
    }

    #[test]
    fn size_is_checked_before_anything_else() {
        let limits = HygieneLimits {
            max_size: 10,
            max_size_with_attachment: 20,
        };
        // Invalid UTF-8 and a DOCTYPE, but too large: only the size is reported.
        let h = scan(b"<!DOCTYPE a>\xFF\xFF", &limits);
        assert!(h.fatal);
        assert_eq!(h.diagnostics.len(), 1);
        assert_eq!(h.diagnostics[0].code, codes::SIZE);
        assert_eq!(h.diagnostics[0].span, Some(10..14));
    }

    #[test]
    fn smaller_attachment_limit_is_honoured() {
        let limits = HygieneLimits {
            max_size: 100,
            max_size_with_attachment: 10,
        };
        let h = scan(b"<a><Zalacznik/></a>", &limits);
        assert_eq!(h.diagnostics.len(), 1);
        assert_eq!(h.diagnostics[0].code, codes::SIZE_WITH_ATTACHMENT);
        assert!(scan(b"<a><Zalacznikx/></a>", &limits).is_clean());
    }
}
