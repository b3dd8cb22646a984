//! The checking pipeline: hygiene, form, well-formedness and schema, the
//! typed model, then business rules. Each stage runs only when the previous
//! one leaves a document it can read.

use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::form::Form;
use crate::model::Faktura;
use crate::rules::duplicates::invoice_number_whitespace;
use crate::rules::header::{creation_date_range, form_code};
use crate::rules::numbering::invoice_number_length;
use crate::rules::xml::{fa2_document, model_unreadable};
use crate::rules::xsd::wrong_root;
use crate::schema::Staged;
use crate::settings::Settings;
use crate::source::{FEW_PATHS, Lines, Tags, locate_paths, path_at};

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
    /// Where the document's start tags are, when the typed model was read
    /// (to locate findings by path without another pass).
    pub tags: Option<Tags>,
}

/// Checks one document.
pub fn check(bytes: &[u8], settings: &Settings) -> Checked {
    let mut diagnostics = Vec::new();
    let (invoice, tags) = match run(bytes, settings, &mut diagnostics) {
        Some((invoice, tags)) => (Some(invoice), tags),
        None => (None, None),
    };
    let mut report = finish(bytes, tags.as_ref(), settings, diagnostics);
    report.sort();
    Checked {
        report,
        invoice,
        tags,
    }
}

/// The typed invoice, with the record of its start tags.
type Read = (Box<Faktura>, Option<Tags>);

fn run(bytes: &[u8], settings: &Settings, out: &mut Vec<Diagnostic>) -> Option<Read> {
    let before = out.len();
    if !pre_scan(bytes, settings, out) {
        return None;
    }
    // The hygiene scan ran and found nothing: the bytes are UTF-8 without a
    // character XML forbids, which the schema's fast path need not check.
    let clean = !settings.schema_only && out.len() == before;
    let limits = crate::schema::SchemaLimits {
        max_depth: settings.limits.max_depth,
        max_elements: settings.limits.max_elements,
    };
    // The fast path first; only a document it does not prove valid (an
    // FA(3) invoice with no schema finding) has its form detected, and one in
    // another form gets one clear finding instead of the full validator's.
    let staged =
        crate::schema::staged_scanned(bytes, &limits, !settings.schema_only, clean, || {
            let form = Form::detect(bytes);
            out.extend(fa2_document::check(bytes, &form));
            match wrong_root::form_problem(bytes, &form) {
                Some(problem) => {
                    out.push(problem);
                    false
                }
                None => true,
            }
        });
    let (xsd, tags) = match staged {
        Staged::Proven(_) if settings.schema_only => return None,
        Staged::Proven(tags) => return read_invoice(bytes, settings, tags, out),
        Staged::Stopped => return None,
        Staged::Checked(xsd, tags) => (xsd, tags),
    };
    let schema_valid = !xsd.iter().any(|d| d.severity == Severity::Error);
    out.extend(refine(bytes, settings, xsd));
    if !schema_valid || settings.schema_only {
        return None;
    }
    read_invoice(bytes, settings, tags, out)
}

/// The typed model and the business rules, for a schema-valid document.
/// The model is read from `record`, the validator's record of the
/// document (the fast path's, or the full validator's), when there is one
/// (there is none only when an offset did not fit it), else from the bytes.
fn read_invoice(
    bytes: &[u8],
    settings: &Settings,
    record: Option<Tags>,
    out: &mut Vec<Diagnostic>,
) -> Option<Read> {
    let read = match record {
        Some(tags) => crate::parse::build_replayed(bytes, tags),
        None => crate::parse::build_valid_located(bytes),
    };
    match read {
        Ok((invoice, tags)) => {
            out.extend(form_code::check_typed(&invoice));
            crate::rules::run_document_rules(&invoice, settings, out);
            // The typed model trims P_2; its whitespace is read from the
            // text, found through the record of start tags.
            let raw = tags
                .as_ref()
                .and_then(|t| t.raw_text(bytes, crate::rules::duplicates::P_2));
            out.extend(match raw {
                Some(raw) => invoice_number_whitespace::check_raw(&raw),
                None => invoice_number_whitespace::check_text(bytes),
            });
            Some((invoice, tags))
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

/// The schema constraints with their own catalog code (FA3-HDR-001,
/// FA3-HDR-002, FA3-NUM-001): a schema failure at their element becomes a
/// finding of that rule, with an actionable message, unless the rule is not
/// selected. Each rule file recognises its own failures, by their element
/// path alone, so any source of schema diagnostics can be passed here.
fn refine(bytes: &[u8], settings: &Settings, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .map(|d| match refined(bytes, settings, &d) {
            Some(r) if settings.selection.is_enabled(r.code) => r,
            _ => d,
        })
        .collect()
}

fn refined(bytes: &[u8], settings: &Settings, d: &Diagnostic) -> Option<Diagnostic> {
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
    // Located at the element's start tag when the report is finished.
    form_code::refine(bytes, path, d)
        .or_else(|| creation_date_range::refine(bytes, path))
        .or_else(|| invoice_number_length::refine(bytes, path))
        .or_else(|| crate::rules::schema_map::refine(path, d, &settings.selection))
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

/// Applies selection and severity overrides, then resolves positions.
fn finish(
    bytes: &[u8],
    tags: Option<&Tags>,
    settings: &Settings,
    diagnostics: Vec<Diagnostic>,
) -> Report {
    let mut diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| settings.selection.is_enabled(d.code))
        .map(|mut d| {
            d.severity = settings.selection.severity_of(d.code, d.severity);
            d
        })
        .collect();
    locate(bytes, tags, &mut diagnostics);
    Report { diagnostics }
}

/// Up to this many findings of a document, [`locate`] orders their
/// positions without allocating.
const FEW_FINDINGS: usize = 32;

/// Gives a span to the findings located by path (from the record of start
/// tags when there is one, else in one walk for all of them), then a line
/// and column to every finding with a span.
pub(crate) fn locate(bytes: &[u8], tags: Option<&Tags>, diagnostics: &mut [Diagnostic]) {
    locate_after(bytes, tags, diagnostics, &[]);
}

/// [`locate`], counting lines from the last of the findings `located`
/// (already located in the same document) before the first of
/// `diagnostics`, not from the start of the document.
pub(crate) fn locate_after(
    bytes: &[u8],
    tags: Option<&Tags>,
    diagnostics: &mut [Diagnostic],
    located: &[Diagnostic],
) {
    let by_path = |d: &Diagnostic| d.span.is_none() && !d.path.is_empty() && d.path != "/";
    let count = diagnostics.iter().filter(|d| by_path(d)).count();
    match tags {
        // A few: found one after the other in the record, with no tree to
        // build and the elements of the document's top level passed once.
        Some(tags) if count <= FEW_PATHS && tags.is_complete() => {
            let mut finder = tags.finder();
            for d in diagnostics.iter_mut().filter(|d| by_path(d)) {
                d.span = finder.span(bytes, &d.path);
            }
        }
        _ if count > 0 => {
            let paths: Vec<&str> = diagnostics
                .iter()
                .filter(|d| by_path(d))
                .map(|d| d.path.as_str())
                .collect();
            let mut spans = locate_paths(bytes, tags, &paths).into_iter();
            for d in diagnostics.iter_mut().filter(|d| by_path(d)) {
                d.span = spans.next().flatten();
            }
        }
        _ => {}
    }
    // A document's findings are mostly few: their positions are ordered
    // on the stack.
    if diagnostics.len() <= FEW_FINDINGS {
        let mut at = [(0usize, 0usize); FEW_FINDINGS];
        let mut n = 0;
        for (i, d) in diagnostics.iter().enumerate() {
            if let (Some(span), Some(slot)) = (&d.span, at.get_mut(n)) {
                *slot = (span.start, i);
                n += 1;
            }
        }
        let at = at.get_mut(..n).unwrap_or_default();
        lines_and_columns(bytes, diagnostics, at, located);
    } else {
        let mut at: Vec<(usize, usize)> = diagnostics
            .iter()
            .enumerate()
            .filter_map(|(i, d)| Some((d.span.as_ref()?.start, i)))
            .collect();
        lines_and_columns(bytes, diagnostics, &mut at, located);
    }
}

/// Gives the finding `i` of each `(offset, i)` of `at` the line and column
/// of its offset, counted in one pass up to the last of them, from the last
/// finding of `located` not after the first of them.
fn lines_and_columns(
    bytes: &[u8],
    diagnostics: &mut [Diagnostic],
    at: &mut [(usize, usize)],
    located: &[Diagnostic],
) {
    at.sort_unstable();
    let Some(&(first, _)) = at.first() else {
        return;
    };
    let from = located
        .iter()
        .filter_map(|d| Some((d.span.as_ref()?.start, d)))
        .filter(|&(offset, _)| offset <= first)
        .max_by_key(|&(offset, _)| offset)
        .and_then(|(offset, d)| Lines::resume(bytes, offset, d.line, d.column));
    let mut lines = from.unwrap_or_else(|| Lines::new(bytes));
    for &(offset, i) in at.iter() {
        if let Some(d) = diagnostics.get_mut(i) {
            (d.line, d.column) = lines.at(offset);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::rules::xsd::{enumeration, invalid_lexical_value};

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
    fn schema_failures_get_their_catalog_code() {
        let hdr_001 = form_code::HEADER_FORM_CODE.meta.code;
        let xsd_004 = enumeration::ENUMERATION.meta.code;
        let settings = Settings::default();
        let variant = BASE.replace(
            "<WariantFormularza>3</WariantFormularza>",
            "<WariantFormularza>2</WariantFormularza>",
        );
        let report = check(variant.as_bytes(), &settings).report;
        let d = report.with_code(hdr_001).next().unwrap();
        assert_eq!(d.path, "/Faktura/Naglowek/WariantFormularza");
        assert!(d.message.contains("\"2\""), "{}", d.message);
        assert_eq!(d.line, 7);
        assert!(report.with_code(xsd_004).next().is_none());

        // Not selected: the plain schema error (an enumeration) stays.
        let mut without = Settings::default();
        without.selection.ignore = vec![hdr_001.into()];
        assert_eq!(codes(&variant, &without), vec![xsd_004]);

        // A creation time that is not a date-time at all is not a range
        // problem.
        let garbled = BASE.replace("2026-11-21T08:00:00Z</Data", "2026-11-21X08:00</Data");
        assert_eq!(
            codes(&garbled, &settings),
            vec![invalid_lexical_value::INVALID_LEXICAL_VALUE.meta.code]
        );
    }

    #[test]
    fn fa2_documents_get_both_findings() {
        use crate::ksef::{FA1_NAMESPACE, FA2_NAMESPACE, FA3_NAMESPACE};
        let xml_011 = fa2_document::FA2_DOCUMENT.meta.code;
        let xsd_012 = wrong_root::WRONG_ROOT.meta.code;
        let fa2 = BASE.replace(FA3_NAMESPACE, FA2_NAMESPACE);
        assert_eq!(codes(&fa2, &Settings::default()), vec![xml_011, xsd_012]);
        let fa1 = BASE.replace(FA3_NAMESPACE, FA1_NAMESPACE);
        assert_eq!(codes(&fa1, &Settings::default()), vec![xsd_012]);
    }

    /// The stage after the schema reports FA3-XML-012 (and runs no business
    /// rule) when the typed model cannot read a document the schema passed.
    /// No schema-valid FA(3) document is known to get there any more (a
    /// large `Ilosc` was the last case), so the stage is given a document it
    /// cannot read directly, as it would be given one the schema passed.
    #[test]
    fn a_document_the_model_cannot_read_is_reported_not_checked() {
        // An invoice with a payment term of -14 days.
        const TERM: &str = include_str!("../tests/fixtures/rules/FA3-PAY-008/invalid.xml");
        let xml_012 = model_unreadable::MODEL_UNREADABLE.meta.code;
        let unreadable = TERM.replace("<Ilosc>-14</Ilosc>", "<Ilosc>fourteen</Ilosc>");
        assert_ne!(unreadable, TERM);
        let mut out = Vec::new();
        let read = read_invoice(unreadable.as_bytes(), &Settings::default(), None, &mut out);
        assert!(read.is_none());
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].code, xml_012);
        assert_eq!(out[0].severity, Severity::Warning);
        assert!(out[0].message.contains("fourteen"), "{}", out[0].message);
        // Located in the Ilosc element (read from the bytes, the position
        // is where the reader stopped, after the end tag).
        let start = unreadable.find("<Ilosc>fourteen").unwrap();
        let end = start + "<Ilosc>fourteen</Ilosc>".len();
        let span = out[0].span.clone().unwrap();
        assert!(
            start <= span.start && span.end <= end,
            "{span:?}: {start}..{end}"
        );

        // The same stage reads the document with a large Ilosc, and runs the
        // business rules on it (FA3-PAY-008 is silent: the term is positive).
        let large = TERM.replace("<Ilosc>-14</Ilosc>", "<Ilosc>3000000000</Ilosc>");
        let mut out = Vec::new();
        let read = read_invoice(large.as_bytes(), &Settings::default(), None, &mut out);
        assert!(read.is_some(), "{out:?}");
        assert!(out.iter().all(|d| d.code != xml_012), "{out:?}");
        let mut out = Vec::new();
        let _ = read_invoice(TERM.as_bytes(), &Settings::default(), None, &mut out);
        let pay_008 = crate::rules::payment::payment_term_quantity::PAYMENT_TERM_QUANTITY
            .meta
            .code;
        assert!(out.iter().any(|d| d.code == pay_008), "{out:?}");
    }
}
