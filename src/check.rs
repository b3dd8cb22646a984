//! The checking pipeline: hygiene, form, well-formedness and schema, the
//! typed model, then business rules. Each stage runs only when the previous
//! one leaves a document it can read.

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::form::Form;
use crate::model::Faktura;
use crate::rules::duplicates::invoice_number_whitespace;
use crate::rules::xml::model_unreadable;
use crate::settings::Settings;
use crate::source::LineIndex;

/// The outcome of checking one document: its report and, when the document
/// could be read, the typed invoice (used for checks across documents, such
/// as duplicates in one run).
#[derive(Debug, Clone)]
pub struct Checked {
    /// Every finding, located and sorted.
    pub report: Report,
    /// The typed invoice, when the document could be read into the model
    /// (boxed: the model is large, and a result is moved more than once).
    pub invoice: Option<Box<Faktura>>,
}

/// Checks one document.
pub fn check(bytes: &[u8], settings: &Settings) -> Checked {
    let mut diagnostics = Vec::new();
    let invoice = run(bytes, settings, &mut diagnostics);
    let mut report = finish(bytes, settings, diagnostics);
    report.sort();
    Checked { report, invoice }
}

fn run(bytes: &[u8], settings: &Settings, out: &mut Vec<Diagnostic>) -> Option<Box<Faktura>> {
    if !pre_scan(bytes, settings, out) {
        return None;
    }
    let limits = crate::schema::SchemaLimits {
        max_depth: settings.limits.max_depth,
        max_elements: settings.limits.max_elements,
    };
    // A document the fast path proves valid is an FA(3) invoice with no
    // schema finding: the form and the full validator have nothing to say.
    if crate::schema::fast_path_accepts(bytes, &limits) {
        return if settings.schema_only {
            None
        } else {
            read_invoice(bytes, settings, out)
        };
    }
    let form = Form::detect(bytes);
    if form.is_fa2() {
        out.push(
            Diagnostic::new(
                "FA3-XML-011",
                Severity::Warning,
                "this is an FA (2) document; FA (3) is the only structure for invoices issued from 2026-02-01",
            )
            .with_path("/")
            .with_span(root_span(bytes))
            .with_help("generate the invoice in the FA (3) structure"),
        );
    }
    if let Some(problem) = form.problem() {
        out.push(
            Diagnostic::new("FA3-XSD-012", Severity::Error, problem)
                .with_path("/")
                .with_span(root_span(bytes))
                .with_help(
                    "send FA (3) documents only; convert the document to the FA (3) structure",
                ),
        );
        return None;
    }
    let xsd = crate::schema::validate_without_fast_path(bytes, &limits);
    let schema_valid = !xsd.iter().any(|d| d.severity == Severity::Error);
    out.extend(schema_rules::refine(bytes, settings, xsd));
    if !schema_valid || settings.schema_only {
        return None;
    }
    read_invoice(bytes, settings, out)
}

/// The typed model and the business rules, for a schema-valid document.
fn read_invoice(
    bytes: &[u8],
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) -> Option<Box<Faktura>> {
    match crate::parse::parse(bytes) {
        Ok(invoice) => {
            out.extend(schema_rules::typed(&invoice));
            out.extend(crate::rules::run_document_rules(&invoice, settings));
            // The typed model trims P_2; its whitespace is read from the text.
            if let Some(raw) = raw_text(bytes, "/Faktura/Fa/P_2") {
                out.extend(invoice_number_whitespace::check_raw(&raw));
            }
            Some(Box::new(invoice))
        }
        Err(e) => {
            // Schema-valid, but the generated model cannot read it: the
            // business rules cannot run on this document.
            let reason = e
                .diagnostics
                .first()
                .map(|d| d.message.clone())
                .unwrap_or_default();
            let span = e.diagnostics.first().and_then(|d| d.span.clone());
            out.push(model_unreadable::schema_valid_but_unreadable(
                &reason,
                span.unwrap_or(0..0),
            ));
            None
        }
    }
}

/// The text of the first element at `path` (`/Faktura/Fa/P_2`, without
/// indices) exactly as a parser reports it: entity and character references
/// resolved, line ends normalised, nothing trimmed. The typed model trims
/// simple values, so whitespace around them is only visible here. `None`
/// when there is no such element or the document cannot be read that far.
pub(crate) fn raw_text(bytes: &[u8], path: &str) -> Option<String> {
    let want: Vec<&[u8]> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::as_bytes)
        .collect();
    if want.is_empty() || want.iter().any(|s| s.contains(&b'[')) {
        return None;
    }
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    // `matched` leading steps of `want` are the open elements `0..matched`.
    let (mut depth, mut matched) = (0usize, 0usize);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if depth == matched && want.get(depth) == Some(&e.local_name().as_ref()) {
                    matched += 1;
                    if matched == want.len() {
                        return element_content(&mut reader);
                    }
                }
                depth += 1;
            }
            Ok(Event::Empty(e)) => {
                if depth == matched
                    && depth + 1 == want.len()
                    && want.get(depth) == Some(&e.local_name().as_ref())
                {
                    return Some(String::new());
                }
            }
            Ok(Event::End(_)) => {
                if depth == matched {
                    matched = matched.saturating_sub(1);
                }
                depth = depth.saturating_sub(1);
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// The character data directly inside the element just opened.
fn element_content(reader: &mut Reader<&[u8]>) -> Option<String> {
    let mut text = String::new();
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Text(t)) if depth == 0 => text.push_str(&t.xml_content().ok()?),
            Ok(Event::CData(c)) if depth == 0 => text.push_str(&c.decode().ok()?),
            Ok(Event::GeneralRef(r)) if depth == 0 => match r.resolve_char_ref().ok()? {
                Some(c) => text.push(c),
                None => text.push_str(quick_xml::escape::resolve_predefined_entity(
                    &r.decode().ok()?,
                )?),
            },
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) if depth == 0 => return Some(text),
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// The schema constraints with their own catalog code (FA3-HDR-001,
/// FA3-HDR-002, FA3-NUM-001): a schema failure at their element becomes a
/// finding with that code and an actionable message, and the fixed
/// attributes of `KodFormularza`, which the typed model does not check, are
/// checked on the invoice.
///
/// Failures are recognised by their element path alone, so any source of
/// schema diagnostics can be passed through [`refine`].
mod schema_rules {
    use crate::diagnostic::{Diagnostic, Severity};
    use crate::model::Faktura;
    use crate::model::values::DateTime;
    use crate::registry::normalize_token;
    use crate::settings::Settings;

    const KOD_FORMULARZA: &str = "/Faktura/Naglowek/KodFormularza";
    const WARIANT_FORMULARZA: &str = "/Faktura/Naglowek/WariantFormularza";
    const DATA_WYTWORZENIA: &str = "/Faktura/Naglowek/DataWytworzeniaFa";
    const P_2: &str = "/Faktura/Fa/P_2";

    /// The `kodSystemowy` and `wersjaSchemy` the schema fixes.
    const SYSTEM_CODE: &str = "FA (3)";
    const SCHEMA_VERSION: &str = "1-0E";
    /// The range of `DataWytworzeniaFa` (`minInclusive`, `maxInclusive`).
    const CREATED_MIN: &str = "2025-09-01T00:00:00Z";
    const CREATED_MAX: &str = "2050-01-01T23:59:59Z";
    /// The length of `P_2` (`TZnakowy`), in characters after normalisation.
    const P2_MAX_CHARS: usize = 256;

    const HEADER_HELP: &str = "write <KodFormularza kodSystemowy=\"FA (3)\" wersjaSchemy=\"1-0E\">FA</KodFormularza> and <WariantFormularza>3</WariantFormularza>";

    /// True when `path` is `element` or inside it.
    fn at(path: &str, element: &str) -> bool {
        path.strip_prefix(element)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '[']))
    }

    /// Replaces schema failures at the header and `P_2` by their catalog
    /// rule, unless that rule is not selected.
    pub(super) fn refine(
        bytes: &[u8],
        settings: &Settings,
        diagnostics: Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .map(|d| match refined(bytes, &d) {
                Some(r) if settings.selection.is_enabled(r.code) => r,
                _ => d,
            })
            .collect()
    }

    fn refined(bytes: &[u8], d: &Diagnostic) -> Option<Diagnostic> {
        if d.severity != Severity::Error {
            return None;
        }
        // The typed parser reports a position; the path is derived from it.
        let located;
        let path = if d.path.is_empty() {
            located = path_at(bytes, d.span.as_ref()?.start)?;
            located.as_str()
        } else {
            d.path.as_str()
        };
        let value = || super::raw_text(bytes, path);
        let found = if at(path, KOD_FORMULARZA) || at(path, WARIANT_FORMULARZA) {
            let message = match value() {
                Some(v) if path == WARIANT_FORMULARZA && v.trim() != "3" => format!(
                    "WariantFormularza is {:?}; the FA (3) form has variant 3",
                    v.trim()
                ),
                Some(v) if path == KOD_FORMULARZA && v.trim() != "FA" => format!(
                    "KodFormularza is {:?}; the FA (3) form code is FA",
                    v.trim()
                ),
                _ => format!("the header does not name the FA (3) form: {}", d.message),
            };
            Diagnostic::new("FA3-HDR-001", Severity::Error, message).with_help(HEADER_HELP)
        } else if at(path, DATA_WYTWORZENIA) {
            let raw = value()?;
            // Only a well-formed date-time outside the range; any other
            // failure stays a plain schema error.
            let created: DateTime = raw.parse().ok()?;
            let min = DateTime::from_schema_literal(CREATED_MIN);
            let max = DateTime::from_schema_literal(CREATED_MAX);
            if created.to_utc() >= min.to_utc() && created.to_utc() <= max.to_utc() {
                return None;
            }
            Diagnostic::new(
                "FA3-HDR-002",
                Severity::Error,
                format!(
                    "the creation time {} is outside the range the schema allows ({CREATED_MIN} to {CREATED_MAX})",
                    created.lexical()
                ),
            )
            .with_help("write the real moment the file was generated, in UTC with a Z")
        } else if at(path, P_2) {
            let raw = value()?;
            number_length(&raw)?
        } else {
            return None;
        };
        // Located at the element's start tag when the report is finished.
        Some(found.with_path(path))
    }

    /// The path (without indices) of the innermost element whose markup,
    /// from its start tag to its end tag, contains or ends at `offset`.
    fn path_at(bytes: &[u8], offset: usize) -> Option<String> {
        use quick_xml::Reader;
        use quick_xml::events::Event;

        let mut reader = Reader::from_reader(bytes);
        reader.config_mut().check_end_names = false;
        let mut stack: Vec<(Vec<u8>, usize)> = Vec::new();
        let path = |stack: &[(Vec<u8>, usize)], last: &[u8]| {
            let mut p = String::new();
            for name in stack.iter().map(|(n, _)| n.as_slice()).chain([last]) {
                p.push('/');
                p.push_str(&String::from_utf8_lossy(name));
            }
            p
        };
        loop {
            let start = usize::try_from(reader.buffer_position()).ok()?;
            let event = reader.read_event();
            let end = usize::try_from(reader.buffer_position()).ok()?;
            match event {
                Ok(Event::Start(e)) => stack.push((e.local_name().as_ref().to_vec(), start)),
                Ok(Event::Empty(e)) if start < offset && offset <= end => {
                    return Some(path(&stack, e.local_name().as_ref()));
                }
                Ok(Event::End(_)) => {
                    let (name, open) = stack.pop()?;
                    // Children close first, so the first match is the innermost.
                    if open < offset && offset <= end {
                        return Some(path(&stack, &name));
                    }
                }
                Ok(Event::Eof) | Err(_) => return None,
                Ok(_) => {}
            }
        }
    }

    /// FA3-NUM-001 for a `P_2` value whose normalised length is not 1–256.
    fn number_length(raw: &str) -> Option<Diagnostic> {
        let chars = normalize_token(raw).chars().count();
        let message = if chars == 0 {
            "the invoice number P_2 is empty or blank".to_string()
        } else if chars > P2_MAX_CHARS {
            format!(
                "the invoice number P_2 has {chars} characters; the schema allows at most {P2_MAX_CHARS}"
            )
        } else {
            return None;
        };
        Some(
            Diagnostic::new("FA3-NUM-001", Severity::Error, message)
                .with_help("write the invoice's own number, 1 to 256 characters"),
        )
    }

    /// Schema constraints the typed model does not enforce.
    pub(super) fn typed(invoice: &Faktura) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let kod = &invoice.naglowek.kod_formularza;
        if kod.kod_systemowy != SYSTEM_CODE || kod.wersja_schemy != SCHEMA_VERSION {
            out.push(
                Diagnostic::new(
                    "FA3-HDR-001",
                    Severity::Error,
                    format!(
                        "KodFormularza has kodSystemowy={:?} and wersjaSchemy={:?}; the schema fixes them to \"{SYSTEM_CODE}\" (with a space) and \"{SCHEMA_VERSION}\"",
                        kod.kod_systemowy, kod.wersja_schemy
                    ),
                )
                .with_path(KOD_FORMULARZA)
                .with_help(HEADER_HELP),
            );
        }
        out
    }
}

/// Byte-level checks that must pass before any parsing (encoding, size,
/// characters, DTDs). Skipped in schema-only mode, which gives exactly the
/// schema verdict.
fn pre_scan(bytes: &[u8], settings: &Settings, out: &mut Vec<Diagnostic>) -> bool {
    if settings.schema_only {
        return true;
    }
    let limits = crate::hygiene::HygieneLimits {
        max_size: settings.limits.max_size,
        max_size_with_attachment: settings.limits.max_size_with_attachment,
    };
    let scan = crate::hygiene::scan(bytes, &limits);
    out.extend(scan.diagnostics);
    !scan.fatal
}

/// The span of the root start tag, for document-level findings.
fn root_span(bytes: &[u8]) -> std::ops::Range<usize> {
    let mut reader = Reader::from_reader(bytes);
    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(0);
        match reader.read_event() {
            Ok(Event::Start(_) | Event::Empty(_)) => {
                let end = usize::try_from(reader.buffer_position()).unwrap_or(start);
                return start..end;
            }
            Ok(Event::Eof) | Err(_) => return 0..0,
            Ok(_) => {}
        }
    }
}

/// Applies selection and severity overrides, then resolves positions.
fn finish(bytes: &[u8], settings: &Settings, diagnostics: Vec<Diagnostic>) -> Report {
    if diagnostics.is_empty() {
        // The common case: nothing to locate, so no line index to build.
        return Report { diagnostics };
    }
    let index = LineIndex::new(bytes);
    let mut map = None;
    let diagnostics = diagnostics
        .into_iter()
        .filter(|d| settings.selection.is_enabled(d.code))
        .map(|mut d| {
            d.severity = settings.selection.severity_of(d.code, d.severity);
            if d.span.is_none() && !d.path.is_empty() && d.path != "/" {
                let m = map.get_or_insert_with(|| crate::parse::source_map(bytes));
                d.span = m.resolve(&d.path);
            }
            d.locate(&index);
            d
        })
        .collect();
    Report { diagnostics }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const BASE: &str = include_str!("../tests/fixtures/base.xml");

    fn codes(xml: &str, settings: &Settings) -> Vec<&'static str> {
        check(xml.as_bytes(), settings)
            .report
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn raw_text_keeps_whitespace_and_resolves_references() {
        let xml = "<a><b><c>x</c></b><c> 1 &amp;&#x9;<![CDATA[<2>]]>\r\n</c><d/></a>";
        let raw = |p| raw_text(xml.as_bytes(), p);
        assert_eq!(raw("/a/c").as_deref(), Some(" 1 &\t<2>\n"));
        assert_eq!(raw("/a/b/c").as_deref(), Some("x"));
        assert_eq!(raw("/a/d").as_deref(), Some(""));
        assert_eq!(raw("/a/e"), None);
        assert_eq!(raw("/a/c[2]"), None);
        assert_eq!(raw(""), None);
        assert_eq!(raw_text(b"<a><c>unclosed", "/a/c"), None);
    }

    #[test]
    fn schema_failures_get_their_catalog_code() {
        let settings = Settings::default();
        let variant = BASE.replace(
            "<WariantFormularza>3</WariantFormularza>",
            "<WariantFormularza>2</WariantFormularza>",
        );
        let report = check(variant.as_bytes(), &settings).report;
        let d = report.with_code("FA3-HDR-001").next().unwrap();
        assert_eq!(d.path, "/Faktura/Naglowek/WariantFormularza");
        assert!(d.message.contains("\"2\""), "{}", d.message);
        assert_eq!(d.line, 7);
        assert!(report.with_code("FA3-XSD-004").next().is_none());

        // Not selected: the plain schema error (an enumeration) stays.
        let mut without = Settings::default();
        without.selection.ignore = vec!["FA3-HDR-001".into()];
        assert_eq!(codes(&variant, &without), vec!["FA3-XSD-004"]);

        // A creation time that is not a date-time at all is not a range
        // problem.
        let garbled = BASE.replace("2026-11-21T08:00:00Z</Data", "2026-11-21X08:00</Data");
        assert_eq!(codes(&garbled, &settings), vec!["FA3-XSD-011"]);
    }

    #[test]
    fn fa2_documents_get_both_findings() {
        let fa2 = BASE.replace(
            crate::form::FA3_NAMESPACE,
            "http://crd.gov.pl/wzor/2023/06/29/12648/",
        );
        assert_eq!(
            codes(&fa2, &Settings::default()),
            vec!["FA3-XML-011", "FA3-XSD-012"]
        );
        let fa1 = BASE.replace(
            crate::form::FA3_NAMESPACE,
            "http://crd.gov.pl/wzor/2021/11/29/11089/",
        );
        assert_eq!(codes(&fa1, &Settings::default()), vec!["FA3-XSD-012"]);
    }
}
