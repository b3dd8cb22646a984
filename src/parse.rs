//! Reading bytes into the typed [`Faktura`] and writing it back as XML.

use std::fmt;
#[cfg(test)]
use std::ops::Range;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, Event};
use xsd_parser_types::quick_xml::{DeserializeSync, SerializeSync, SliceReader};

use crate::Error;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Faktura;
use crate::rules::xml::{invalid_utf8, model_unreadable};
use crate::source::LineIndex;
#[cfg(test)]
use crate::source::SourceMap;

/// The document could not be read into the typed model; the diagnostics say
/// why and where.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseError {
    /// At least one error-level diagnostic, located.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseError {}

/// Parses an FA(3) document into the typed model.
///
/// The document is validated against the schema first (the same validator as
/// [`crate::schema::validate`], fast path first); a document with a schema
/// error is refused with those diagnostics. A valid one is read into the
/// model in one forward walk, without checking again what the validator
/// proved. The business rules are not run (see [`crate::validate`] for that).
///
/// ```
/// let xml = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/invoices/FA_3_Przyklad_1.xml")).unwrap();
/// let invoice = fa3::parse(&xml).unwrap();
/// assert_eq!(invoice.fa.p_2.0, "FV2026/02/150");
/// ```
pub fn parse(bytes: &[u8]) -> Result<Faktura, ParseError> {
    let limits = crate::schema::SchemaLimits::default();
    match crate::schema::staged(bytes, &limits, true, || true) {
        crate::schema::Staged::Checked(mut diagnostics, _)
            if diagnostics.iter().any(|d| d.severity == Severity::Error) =>
        {
            diagnostics.retain(|d| d.severity == Severity::Error);
            let index = LineIndex::new(bytes);
            for d in &mut diagnostics {
                d.locate(&index);
            }
            return Err(ParseError { diagnostics });
        }
        // Valid: read from the validator's record.
        crate::schema::Staged::Proven(Some(tags))
        | crate::schema::Staged::Checked(_, Some(tags)) => {
            return build_replayed(bytes, tags).map(|(invoice, _)| *invoice);
        }
        _ => {}
    }
    build_valid(bytes)
}

/// Reads a document the schema validator has accepted into the typed model
/// (the generated builder, see `crate::model::builder`).
pub(crate) fn build_valid(bytes: &[u8]) -> Result<Faktura, ParseError> {
    let text = utf8_text(bytes)?;
    crate::model::build(text).map_err(|e| unreadable(bytes, &e))
}

/// Parses a document with xsd-parser's own generated reader, which checks
/// every facet again at run time. Kept only so that tests can compare
/// [`parse`] with it; not part of the supported API.
#[doc(hidden)]
pub fn parse_with_generated_reader(bytes: &[u8]) -> Result<Faktura, ParseError> {
    let text = utf8_text(bytes)?;
    let mut reader = SliceReader::new(text);
    Faktura::deserialize(&mut reader).map_err(|e| unreadable(bytes, &e))
}

/// [`build_valid`], also recording where each element's start tag is.
pub(crate) fn build_valid_located(
    bytes: &[u8],
) -> Result<(Box<Faktura>, Option<crate::source::Tags>), ParseError> {
    let text = utf8_text(bytes)?;
    crate::model::build_located(text).map_err(|e| unreadable(bytes, &e))
}

/// [`build_valid`] from the record the schema fast path made of `bytes`
/// while proving them valid; returns that record (with byte offsets of
/// `bytes`).
pub(crate) fn build_replayed(
    bytes: &[u8],
    tags: crate::source::Tags,
) -> Result<(Box<Faktura>, Option<crate::source::Tags>), ParseError> {
    let text = utf8_text(bytes)?;
    crate::model::build_replayed(text, tags).map_err(|e| unreadable(bytes, &e))
}

fn utf8_text(bytes: &[u8]) -> Result<&str, ParseError> {
    // The fast check first (the document is valid UTF-8 whenever it got
    // this far), the standard one for the position of an error.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes)
        .map_err(|e| located(bytes, invalid_utf8::not_utf8_at(e.valid_up_to())))
}

fn located(bytes: &[u8], mut d: Diagnostic) -> ParseError {
    d.locate(&LineIndex::new(bytes));
    ParseError {
        diagnostics: vec![d],
    }
}

fn unreadable(bytes: &[u8], e: &xsd_parser_types::quick_xml::Error) -> ParseError {
    let at = e
        .position
        .and_then(|p| usize::try_from(p).ok())
        .unwrap_or(0)
        .min(bytes.len());
    let path = e
        .elements
        .as_ref()
        .map(|els| {
            let mut p = String::new();
            for el in els {
                p.push('/');
                p.push_str(el.rsplit(':').next().unwrap_or(el));
            }
            p
        })
        .unwrap_or_default();
    located(bytes, model_unreadable::parse_failure(&e.kind, path, at))
}

/// Serializes an invoice as FA(3) XML (UTF-8, with an XML declaration,
/// indented by two spaces, default namespace on the root).
///
/// ```
/// let xml = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/invoices/FA_3_Przyklad_1.xml")).unwrap();
/// let invoice = fa3::parse(&xml).unwrap();
/// let out = fa3::to_xml(&invoice).unwrap();
/// assert!(out.contains(r#"xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/""#));
/// assert_eq!(fa3::parse(out.as_bytes()).unwrap(), invoice);
/// ```
pub fn to_xml(invoice: &Faktura) -> Result<String, Error> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(|e| Error::Serialize(e.to_string()))?;
    invoice
        .serialize("Faktura", &mut writer)
        .map_err(|e| Error::Serialize(e.to_string()))?;
    let mut out = writer.into_inner();
    out.push(b'\n');
    String::from_utf8(out).map_err(|e| Error::Serialize(e.to_string()))
}

/// Serializes an invoice as pretty-printed JSON (feature `serde`): objects
/// keyed by the model's field names (`p_2`, `fa`, ...), enumeration values as
/// written in the XML (`"PL"`, `"VAT"`), decimals, dates and date-times as their lexical
/// strings (`"2051"`, never a float). [`from_json`] reads it back.
///
/// ```
/// let xml = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/invoices/FA_3_Przyklad_1.xml")).unwrap();
/// let invoice = fa3::parse(&xml).unwrap();
/// let json = fa3::to_json(&invoice).unwrap();
/// assert_eq!(fa3::from_json(&json).unwrap(), invoice);
/// ```
#[cfg(feature = "serde")]
pub fn to_json(invoice: &Faktura) -> Result<String, Error> {
    serde_json::to_string_pretty(invoice).map_err(|e| Error::Serialize(e.to_string()))
}

/// Reads an invoice from the JSON that [`to_json`] writes (feature `serde`).
///
/// The JSON is read into the model's types as they are: the facets the XML
/// reader checks (lengths, patterns, digits) are not checked here, so parse
/// the result of [`to_xml`] (or run [`crate::validate`] on it) before
/// trusting it.
#[cfg(feature = "serde")]
pub fn from_json(json: &str) -> Result<Faktura, Error> {
    serde_json::from_str(json).map_err(|e| Error::Json(e.to_string()))
}

/// Builds the map from element paths to start-tag spans in one pass (the
/// reference the ways of locating findings are tested against).
#[cfg(test)]
///
/// Every step is recorded with its same-name sibling index (`FaWiersz[3]`);
/// [`SourceMap::resolve`] accepts paths with or without `[1]`.
pub fn source_map(bytes: &[u8]) -> SourceMap {
    use quick_xml::Reader;
    use std::collections::HashMap;

    let mut map = SourceMap::default();
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    // Stack of (path so far, counters of child names).
    let mut stack: Vec<(String, HashMap<Vec<u8>, usize>)> = vec![(String::new(), HashMap::new())];
    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let end = usize::try_from(reader.buffer_position()).unwrap_or(start);
                let path = push_step(&mut stack, e.local_name().as_ref());
                map.insert(path.clone(), start..end);
                stack.push((path, HashMap::new()));
            }
            Ok(Event::Empty(e)) => {
                let end = usize::try_from(reader.buffer_position()).unwrap_or(start);
                let path = push_step(&mut stack, e.local_name().as_ref());
                map.insert(path, start..end);
            }
            Ok(Event::End(_)) => {
                if stack.len() > 1 {
                    stack.pop();
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    map
}

/// The span [`source_map`] followed by [`SourceMap::resolve`] gives for
/// `path`, found by one walk that stops as soon as it is known: nothing is
/// recorded for the elements off the path, so locating a finding near the
/// start of a large document costs almost nothing. The reference for
/// [`crate::source::locate_paths`].
#[cfg(test)]
fn locate_path(bytes: &[u8], path: &str) -> Option<Range<usize>> {
    use quick_xml::Reader;

    let steps: Vec<(&[u8], usize)> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .take_while(|s| !s.starts_with('@'))
        .map(
            |step| match step.strip_suffix(']').and_then(|s| s.split_once('[')) {
                Some((name, n)) => (name.as_bytes(), n.parse().unwrap_or(0)),
                None => (step.as_bytes(), 1),
            },
        )
        .collect();
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    // The open elements `0..matched` are the first `matched` steps; `seen`
    // counts the children of the last of them named as the next step.
    let (mut depth, mut matched, mut seen) = (0usize, 0usize, 0usize);
    let mut found = None;
    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let (element, empty) = match reader.read_event() {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(_)) => {
                depth = depth.saturating_sub(1);
                if depth < matched {
                    return found;
                }
                continue;
            }
            Ok(Event::Eof) | Err(_) => return found,
            Ok(_) => continue,
        };
        if depth == matched
            && let Some(&(name, index)) = steps.get(matched)
            && element.local_name().as_ref() == name
        {
            seen += 1;
            if seen == index {
                let end = usize::try_from(reader.buffer_position()).unwrap_or(start);
                found = Some(start..end);
                matched += 1;
                seen = 0;
                if matched == steps.len() || empty {
                    return found;
                }
            }
        }
        if !empty {
            depth += 1;
        }
    }
}

#[cfg(test)]
fn push_step(
    stack: &mut [(String, std::collections::HashMap<Vec<u8>, usize>)],
    name: &[u8],
) -> String {
    let Some((parent, counters)) = stack.last_mut() else {
        return String::new();
    };
    let n = counters.entry(name.to_vec()).or_insert(0);
    *n += 1;
    format!("{parent}/{}[{n}]", String::from_utf8_lossy(name))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// Every element path of `map`, mutilated: without `[1]`, one step too
    /// deep, an attribute step, an index too far; and two paths of no
    /// element.
    fn probe_paths(map: &SourceMap) -> Vec<String> {
        let mut paths: Vec<String> = Vec::new();
        for path in map.spans_for_tests() {
            paths.push(path.clone());
            paths.push(path.replace("[1]", ""));
            paths.push(format!("{path}/Nowhere"));
            paths.push(format!("{path}/@attr"));
            paths.push(path.replace("[1]", "[7]"));
        }
        paths.push("/".into());
        paths.push("/Other".into());
        paths
    }

    /// Every element path of the official examples and of mutilated copies
    /// (with and without `[1]`, one step too deep, an index too far, an
    /// attribute step, cut short) is located as the full map locates it.
    #[test]
    fn locate_path_agrees_with_the_source_map() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/official");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            for doc in [&bytes[..], &bytes[..bytes.len() / 2]] {
                let map = source_map(doc);
                let paths = probe_paths(&map);
                for path in &paths {
                    assert_eq!(locate_path(doc, path), map.resolve(path), "{path}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    /// All the paths of a document located together (from the builder's
    /// record of start tags, and in one walk without it) land where each
    /// located alone lands; the raw text of P_2 found through the record is
    /// the one read from the text.
    #[test]
    fn locating_many_paths_at_once_agrees_with_one_at_a_time() {
        use crate::source::{locate_paths, raw_text};
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/official");
        let mut recorded = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            let (_, tags) = build_valid_located(&bytes).unwrap();
            let tags = tags.unwrap();
            let with_bom = [&b"\xEF\xBB\xBF"[..], &bytes].concat();
            let (_, bom_tags) = build_valid_located(&with_bom).unwrap();
            let bom_tags = bom_tags.unwrap();
            for doc in [&bytes[..], &bytes[..bytes.len() / 2]] {
                let map = source_map(doc);
                let mut paths = probe_paths(&map);
                paths.sort();
                let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
                let alone: Vec<_> = paths.iter().map(|p| locate_path(doc, p)).collect();
                assert_eq!(locate_paths(doc, None, &paths), alone);
                // Any few of them together, too.
                for few in paths.chunks(7) {
                    let alone: Vec<_> = few.iter().map(|p| locate_path(doc, p)).collect();
                    assert_eq!(locate_paths(doc, None, few), alone);
                    if doc.len() == bytes.len() {
                        assert_eq!(locate_paths(doc, Some(&tags), few), alone);
                        let shifted: Vec<_> = alone
                            .iter()
                            .map(|s| s.clone().map(|s| s.start + 3..s.end + 3))
                            .collect();
                        assert_eq!(locate_paths(&with_bom, Some(&bom_tags), few), shifted);
                        recorded += few.len();
                    }
                }
            }
            let p_2 = crate::rules::duplicates::P_2;
            assert_eq!(tags.raw_text(&bytes, p_2), raw_text(&bytes, p_2));
            assert!(tags.raw_text(&bytes, p_2).is_some());
            assert_eq!(bom_tags.raw_text(&with_bom, p_2), raw_text(&bytes, p_2));
        }
        assert!(recorded > 5_000, "{recorded}");
    }

    /// On every document of tests/corpus and tests/fixtures, in each record
    /// the validators make of it (the fast path's, and the full
    /// validator's, complete or cut short by an error), one finder
    /// ([`crate::source::Tags::finder`]) asked for each element path in turn
    /// (with and without `[1]`, with another index, a step too deep, an
    /// attribute step, another root) finds the start tag the tree of all
    /// the paths ([`crate::source::locate_paths`] with more than
    /// [`crate::source::FEW_PATHS`]) finds.
    #[test]
    fn the_finder_agrees_with_the_tree_of_paths_on_every_document() {
        let limits = crate::schema::SchemaLimits::default();
        let (mut records, mut checked) = (0, 0);
        for (file, doc) in &super::replay_tests::repository_documents() {
            let map = source_map(doc);
            let mut paths = probe_paths(&map);
            for path in map.spans_for_tests() {
                paths.push(path.replace("[1]", "[2]"));
                paths.push(path.replacen("/Faktura", "/Other", 1));
                paths.push(path.replacen("/Faktura[1]", "/Faktura[2]", 1));
            }
            paths.extend(["", "//Faktura//Fa", "/Faktura[x]/Fa"].map(String::from));
            let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
            let fast = match crate::schema::staged(doc, &limits, true, || true) {
                crate::schema::Staged::Proven(tags) | crate::schema::Staged::Checked(_, tags) => {
                    tags
                }
                crate::schema::Staged::Stopped => None,
            };
            let full = crate::schema::full_with_record(doc).1;
            for record in [fast, full].iter().flatten().filter(|r| r.is_complete()) {
                let mut all = paths.clone();
                while all.len() <= crate::source::FEW_PATHS {
                    all.push("/");
                }
                let tree = crate::source::locate_paths(doc, Some(record), &all);
                let mut finder = record.finder();
                for (path, expected) in all.iter().zip(&tree) {
                    assert_eq!(&finder.span(doc, path), expected, "{file} {path}");
                    checked += 1;
                }
                records += 1;
            }
        }
        assert!(records > 300, "{records}");
        assert!(checked > 100_000, "{checked}");
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod replay_tests {
    use crate::model::build_located;
    use crate::schema::{SchemaLimits, Staged, staged};
    use crate::source::Tags;

    /// Every document of the repository (tests/corpus and tests/fixtures),
    /// with its path.
    pub(super) fn repository_documents() -> Vec<(String, Vec<u8>)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        let mut stack = vec![root.join("tests/corpus"), root.join("tests/fixtures")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "xml") {
                    out.push((path.display().to_string(), std::fs::read(&path).unwrap()));
                }
            }
        }
        out
    }

    /// Reads `doc` from the bytes and replays `record`: the models are equal,
    /// the record's start tags are the reader's, and so are the values read
    /// at `paths` through it. True when both read the document (both failing
    /// is allowed: a schema-valid document neither reads).
    fn replays_as_read(what: &str, doc: &[u8], record: Tags, paths: &[&str]) -> bool {
        let read = build_located(std::str::from_utf8(doc).unwrap());
        let replay = super::build_replayed(doc, record);
        let ((a, read_tags), (b, replay_tags)) = match (read, replay) {
            (Ok(read), Ok(replay)) => (read, replay),
            (Err(_), Err(_)) => return false,
            (a, b) => panic!("{what}: read {:?}, replayed {:?}", a.is_ok(), b.is_ok()),
        };
        assert_eq!(a, b, "{what}");
        let spans = |t: &Tags| {
            (0..t.len())
                .map(|i| t.get(i).map(|t| (t.depth, t.start, t.end)))
                .collect::<Vec<_>>()
        };
        let replay_tags = replay_tags.unwrap();
        assert_eq!(spans(&read_tags.unwrap()), spans(&replay_tags), "{what}");
        for path in paths {
            assert_eq!(
                replay_tags.raw_text(doc, path),
                crate::source::raw_text(doc, path),
                "{what} {path}"
            );
        }
        true
    }

    /// Paths whose values are compared between the record and the reader.
    const PATHS: [&str; 4] = [
        "/Faktura/Fa/P_2",
        "/Faktura/Podmiot1/DaneIdentyfikacyjne/Nazwa",
        "/Faktura/Fa/FaWiersz/P_7",
        "/Faktura/Fa",
    ];

    /// The model replayed from the fast path's record equals the one read
    /// from the bytes, and the record's start tags are the reader's, on
    /// every document of the repository the fast path takes (with and
    /// without a byte order mark).
    #[test]
    fn replaying_the_fast_path_record_equals_reading_the_bytes() {
        let mut replayed = 0;
        for (name, bytes) in repository_documents() {
            let mut with_bom = b"\xEF\xBB\xBF".to_vec();
            with_bom.extend_from_slice(&bytes);
            for doc in [bytes, with_bom] {
                let Staged::Proven(Some(record)) =
                    staged(&doc, &SchemaLimits::default(), true, || true)
                else {
                    continue;
                };
                if replays_as_read(&name, &doc, record, &PATHS) {
                    replayed += 1;
                }
            }
        }
        // The official examples and the valid rule fixtures, twice each.
        assert!(replayed > 300, "{replayed}");
    }

    /// `text` with every element in a prefixed namespace (`tns:`) instead
    /// of the default one.
    fn prefixed(text: &str) -> String {
        let mut out = String::with_capacity(text.len() * 11 / 10);
        let mut rest = text;
        while let Some(at) = rest.find('<') {
            let (before, tag) = rest.split_at(at + 1);
            out.push_str(before);
            let close = tag.starts_with('/');
            let name = &tag[usize::from(close)..];
            if name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                out.push_str(if close { "/tns:" } else { "tns:" });
                rest = name;
            } else {
                rest = tag;
            }
        }
        out.push_str(rest);
        out.replacen(
            "xmlns=\"http://crd.gov.pl/wzor/2025/06/25/13775/\"",
            "xmlns:tns=\"http://crd.gov.pl/wzor/2025/06/25/13775/\"",
            1,
        )
    }

    /// Forms of `text` outside the fast path's subset that are as valid:
    /// prefixed names, `xsi:` attributes, markup inside values.
    fn outside_the_fast_path(text: &str) -> Vec<(&'static str, String)> {
        let mut out = vec![("prefixed", prefixed(text))];
        if let Some(root) = text.find("<Faktura ") {
            let mut doc = text.to_string();
            doc.insert_str(
                root + "<Faktura ".len(),
                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
                 xsi:schemaLocation=\"http://crd.gov.pl/wzor/2025/06/25/13775/ schemat.xsd\" ",
            );
            out.push(("xsi", doc));
        }
        for (kind, open, close) in [
            ("cdata", "<![CDATA[", "]]>"),
            ("comment", "<!--a-->", ""),
            ("pi", "<?x y?>", ""),
        ] {
            // The first character of every value of a simple type with
            // pattern-free text (names, numbers) moved into markup.
            let mut doc = String::with_capacity(text.len() * 2);
            for (i, piece) in text.split("<P_2>").enumerate() {
                if i > 0 {
                    doc.push_str("<P_2>");
                    doc.push_str(open);
                    doc.push_str(close);
                }
                doc.push_str(piece);
            }
            doc = doc.replace("<Nazwa>", &format!("<Nazwa>{open}&amp;{close}"));
            out.push((kind, doc));
        }
        out
    }

    /// The model replayed from the full validator's record equals the one
    /// read from the bytes, and the record's start tags are the reader's:
    /// on every document of the repository, and on forms of them that only
    /// the full validator takes (prefixed names, `xsi:` attributes, CDATA
    /// sections, comments and processing instructions inside values).
    #[test]
    fn replaying_the_full_validator_record_equals_reading_the_bytes() {
        let mut replayed = 0;
        let mut outside = 0;
        for (name, bytes) in repository_documents() {
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            let mut docs = vec![("as it is", text.to_string())];
            docs.extend(outside_the_fast_path(text));
            for (form, doc) in docs {
                let doc = doc.into_bytes();
                let (diagnostics, record) = crate::schema::full_with_record(&doc);
                if diagnostics
                    .iter()
                    .any(|d| d.severity == crate::diagnostic::Severity::Error)
                {
                    continue;
                }
                // Values read through the record are compared in a document
                // read as the UTF-8 it declares (the reader decodes by the
                // declared encoding; the record, like the model, reads UTF-8).
                let declared = doc.get(..100).unwrap_or(&doc).to_ascii_lowercase();
                let other_encoding = declared.windows(9).any(|w| w == b"encoding=")
                    && !declared.windows(5).any(|w| w == b"utf-8");
                let paths: &[&str] = if other_encoding { &[] } else { &PATHS };
                if !replays_as_read(&format!("{name} ({form})"), &doc, record.unwrap(), paths) {
                    continue;
                }
                replayed += 1;
                if form != "as it is" {
                    outside += 1;
                    assert!(
                        !crate::schema::fast_path_accepts(&doc, &SchemaLimits::default()),
                        "{name} ({form})"
                    );
                }
            }
        }
        assert!(replayed > 300, "{replayed}");
        assert!(outside > 500, "{outside}");
    }

    /// A value with references or line ends is read as the reader reads
    /// it, from the record too.
    #[test]
    fn recorded_values_with_references_and_line_ends_read_as_the_bytes() {
        let base = include_str!("../tests/fixtures/base.xml");
        let p_2 = "/Faktura/Fa/P_2";
        let mut proven = 0;
        for value in [
            " FV 1 ",
            "FV &amp; 1",
            "FV&#x20;1",
            "FV\r\n1",
            "FV\r1",
            "FV\u{2028}1",
            "FV\u{85}1",
        ] {
            let doc = base.replacen(
                "<P_2>FV/2026/11/001</P_2>",
                &format!("<P_2>{value}</P_2>"),
                1,
            );
            assert_ne!(doc, base);
            let doc = doc.into_bytes();
            let Staged::Proven(Some(record)) =
                staged(&doc, &SchemaLimits::default(), true, || true)
            else {
                continue;
            };
            let (invoice, tags) = super::build_replayed(&doc, record).unwrap();
            assert_eq!(*invoice, super::build_valid(&doc).unwrap(), "{value}");
            let expected = crate::source::raw_text(&doc, p_2);
            assert!(expected.is_some());
            assert_eq!(tags.unwrap().raw_text(&doc, p_2), expected, "{value}");
            proven += 1;
        }
        assert!(proven >= 5, "{proven}");
    }
}
