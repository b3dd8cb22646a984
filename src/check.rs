//! The checking pipeline: hygiene, form, well-formedness and schema, the
//! typed model, then business rules. Each stage runs only when the previous
//! one leaves a document it can read.

use quick_xml::Reader;
use quick_xml::events::Event;

use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::form::Form;
use crate::model::Faktura;
use crate::settings::Settings;
use crate::source::LineIndex;

/// The outcome of checking one document: its report and, when the document
/// could be read, the typed invoice (used for checks across documents, such
/// as duplicates in one run).
#[derive(Debug, Clone)]
pub struct Checked {
    /// Every finding, located and sorted.
    pub report: Report,
    /// The typed invoice, when the document could be read into the model.
    pub invoice: Option<Faktura>,
}

/// Checks one document.
pub fn check(bytes: &[u8], settings: &Settings) -> Checked {
    let mut diagnostics = Vec::new();
    let invoice = run(bytes, settings, &mut diagnostics);
    let mut report = finish(bytes, settings, diagnostics);
    report.sort();
    Checked { report, invoice }
}

fn run(bytes: &[u8], settings: &Settings, out: &mut Vec<Diagnostic>) -> Option<Faktura> {
    if !pre_scan(bytes, settings, out) {
        return None;
    }
    let form = Form::detect(bytes);
    if let Some(problem) = form.problem() {
        out.push(
            Diagnostic::new("FA3-XML-008", Severity::Error, problem)
                .with_path("/")
                .with_span(root_span(bytes))
                .with_help(
                    "send FA (3) documents only; convert the document to the FA (3) structure",
                ),
        );
        return None;
    }
    if !well_formed(bytes, out) {
        return None;
    }
    match crate::parse::parse(bytes) {
        Ok(invoice) => {
            if !settings.schema_only {
                out.extend(crate::rules::run_document_rules(&invoice, settings));
            }
            Some(invoice)
        }
        Err(e) => {
            out.extend(e.diagnostics);
            None
        }
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

/// XML 1.0 well-formedness (FA3-XML-001).
fn well_formed(bytes: &[u8], out: &mut Vec<Diagnostic>) -> bool {
    let mut reader = Reader::from_reader(bytes);
    let mut depth = 0usize;
    let mut seen_root = false;
    loop {
        let pos = usize::try_from(reader.buffer_position()).unwrap_or(0);
        match reader.read_event() {
            Ok(Event::Start(_)) => {
                if depth == 0 && seen_root {
                    out.push(malformed("content after the root element", pos));
                    return false;
                }
                depth += 1;
                seen_root = true;
            }
            Ok(Event::Empty(_)) => {
                if depth == 0 && seen_root {
                    out.push(malformed("content after the root element", pos));
                    return false;
                }
                seen_root = true;
            }
            Ok(Event::End(_)) => depth = depth.saturating_sub(1),
            Ok(Event::Eof) => {
                if !seen_root {
                    out.push(malformed("the document has no root element", pos));
                    return false;
                }
                if depth > 0 {
                    out.push(malformed(
                        "the document ends before its root element is closed",
                        pos,
                    ));
                    return false;
                }
                return true;
            }
            Ok(_) => {}
            Err(e) => {
                let at = usize::try_from(reader.error_position()).unwrap_or(pos);
                out.push(malformed(&e.to_string(), at));
                return false;
            }
        }
    }
}

fn malformed(what: &str, at: usize) -> Diagnostic {
    Diagnostic::new(
        "FA3-XML-001",
        Severity::Error,
        format!("the document is not well-formed XML: {what}"),
    )
    .with_span(at..at)
}

/// Applies selection and severity overrides, then resolves positions.
fn finish(bytes: &[u8], settings: &Settings, diagnostics: Vec<Diagnostic>) -> Report {
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
