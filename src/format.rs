//! Writing an invoice back from the typed model (`fa3 format`), with the
//! proof that nothing was lost.
//!
//! The typed model keeps what the FA(3) schema defines; a comment, a
//! processing instruction, an attribute the schema does not know or an
//! `xsi:` attribute has no place in it. [`format`] therefore reads the
//! document it wrote back, compares it item by item with the original
//! (elements by namespace and local name, attributes by value, text as it is,
//! comments and processing instructions) and returns a
//! finding for everything that would be lost or changed, instead of the new
//! text. The comparison is one pass over each document.

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

use crate::diagnostic::{Diagnostic, Report, clip};
use crate::rules::xml::model_unreadable;
use crate::source::LineIndex;

/// The most findings [`format`] lists for one document; one more finding
/// counts the rest.
pub const MAX_FINDINGS: usize = 20;

/// The most characters of a value, comment or name quoted in a finding.
const MAX_QUOTE: usize = 60;

/// Writes `bytes` (an FA(3) invoice) back through the typed model, indented
/// and in the model's order.
///
/// Returns the findings instead when the model cannot read the document
/// (the schema's findings, such as FA3-XSD-009 for an attribute the schema
/// does not declare, and the parser's) or would not keep all of it: an
/// `xsi:` attribute, a comment, a processing instruction, a value it would
/// change (FA3-XML-012, one finding for each, at most [`MAX_FINDINGS`]).
/// The findings are located (line and column).
///
/// This makes no size or byte-level check: run the pre-scan
/// ([`crate::run::pre_check`]) first, as `fa3 format` does.
///
/// # Errors
///
/// The report of what could not be read or kept.
pub fn format(bytes: &[u8]) -> Result<String, Report> {
    let invoice = crate::parse::parse(bytes).map_err(|e| Report {
        diagnostics: e.diagnostics,
    })?;
    let xml = crate::parse::to_xml(&invoice).map_err(|e| Report {
        diagnostics: vec![model_unreadable::not_written(&e)],
    })?;
    let lost = compare(bytes, xml.as_bytes());
    if lost.is_empty() {
        return Ok(xml);
    }
    let index = LineIndex::new(bytes);
    let mut report = Report {
        diagnostics: lost
            .into_iter()
            .map(|mut d| {
                d.locate(&index);
                d.bound();
                d
            })
            .collect(),
    };
    report.sort();
    Err(report)
}

/// One item of a document, as the comparison sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// A start tag: namespace, local name, attributes (namespace, local
    /// name, value; namespace declarations left out), sorted.
    Open {
        ns: String,
        local: String,
        attributes: Vec<(String, String, String)>,
    },
    Close,
    /// Character data between tags, as it is; never whitespace alone.
    Text(String),
    Comment(String),
    Instruction(String),
}

#[derive(Debug)]
struct Item {
    kind: Kind,
    /// Byte offset in the document.
    at: usize,
    /// The index of the enclosing `Open` item.
    parent: Option<usize>,
}

/// The items of a document, or what stopped the reading (the typed model
/// read it, so this is only for the model's own output).
fn items(bytes: &[u8]) -> Vec<Item> {
    let mut reader = NsReader::from_reader(bytes);
    let mut out: Vec<Item> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut text = String::new();
    let mut text_at = 0;
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let Ok((resolved, event)) = reader.read_resolved_event() else {
            break;
        };
        let ns = match resolved {
            ResolveResult::Bound(ns) => String::from_utf8_lossy(ns.as_ref()).into_owned(),
            _ => String::new(),
        };
        let is_text = matches!(
            event,
            Event::Text(_) | Event::CData(_) | Event::GeneralRef(_)
        );
        if !is_text && !text.is_empty() {
            push_text(&mut out, &mut text, text_at, open.last().copied());
        }
        let parent = open.last().copied();
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let mut attributes = Vec::new();
                for a in e.attributes().with_checks(false).flatten() {
                    let key = a.key.as_ref();
                    if key == b"xmlns" || key.starts_with(b"xmlns:") {
                        continue;
                    }
                    let (ans, local) = reader.resolve_attribute(a.key);
                    let ans = match ans {
                        ResolveResult::Bound(n) => String::from_utf8_lossy(n.as_ref()).into_owned(),
                        _ => String::new(),
                    };
                    let value = a.decode_and_unescape_value(reader.decoder()).map_or_else(
                        |_| String::from_utf8_lossy(&a.value).into_owned(),
                        std::borrow::Cow::into_owned,
                    );
                    attributes.push((
                        ans,
                        String::from_utf8_lossy(local.as_ref()).into_owned(),
                        value,
                    ));
                }
                attributes.sort();
                let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                out.push(Item {
                    kind: Kind::Open {
                        ns,
                        local,
                        attributes,
                    },
                    at,
                    parent,
                });
                let index = out.len() - 1;
                if empty {
                    out.push(Item {
                        kind: Kind::Close,
                        at,
                        parent: Some(index),
                    });
                } else {
                    open.push(index);
                }
            }
            Event::End(_) => {
                let index = open.pop();
                out.push(Item {
                    kind: Kind::Close,
                    at,
                    parent: index,
                });
            }
            Event::Text(t) => {
                if text.is_empty() {
                    text_at = at;
                }
                text.push_str(&String::from_utf8_lossy(&t));
            }
            Event::CData(t) => {
                if text.is_empty() {
                    text_at = at;
                }
                text.push_str(&String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(r) => {
                if text.is_empty() {
                    text_at = at;
                }
                match r.resolve_char_ref() {
                    Ok(Some(c)) => text.push(c),
                    _ => text.push_str(match r.as_ref() {
                        b"amp" => "&",
                        b"lt" => "<",
                        b"gt" => ">",
                        b"quot" => "\"",
                        b"apos" => "'",
                        _ => "\u{FFFD}",
                    }),
                }
            }
            Event::Comment(c) => out.push(Item {
                kind: Kind::Comment(String::from_utf8_lossy(&c).into_owned()),
                at,
                parent,
            }),
            Event::PI(p) => out.push(Item {
                kind: Kind::Instruction(String::from_utf8_lossy(&p).into_owned()),
                at,
                parent,
            }),
            Event::Eof => break,
            Event::Decl(_) | Event::DocType(_) => {}
        }
    }
    out
}

/// Text between tags as it is, whitespace included (a value's spaces may
/// matter, as around an invoice number); only whitespace alone (the
/// indentation between elements) is left out.
fn push_text(out: &mut Vec<Item>, text: &mut String, at: usize, parent: Option<usize>) {
    if text.trim_ascii().is_empty() {
        text.clear();
        return;
    }
    out.push(Item {
        kind: Kind::Text(std::mem::take(text)),
        at,
        parent,
    });
}

/// The element path of an item (`/Faktura/Fa/P_2`).
fn path_of(items: &[Item], item: &Item) -> String {
    let mut steps = Vec::new();
    let mut at = match item.kind {
        Kind::Open { .. } => Some(item),
        _ => item.parent.and_then(|i| items.get(i)),
    };
    while let Some(open) = at {
        if let Kind::Open { local, .. } = &open.kind {
            steps.push(local.as_str());
        }
        at = open.parent.and_then(|i| items.get(i));
    }
    steps.reverse();
    let mut path = String::new();
    for step in steps {
        path.push('/');
        path.push_str(step);
    }
    path
}

/// `text` quoted in part.
fn quote(text: &str) -> String {
    let shown: String = clip(text, MAX_QUOTE)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!("`{shown}`")
}

fn describe(kind: &Kind) -> String {
    match kind {
        Kind::Open { local, .. } => format!("the element <{}>", clip(local, MAX_QUOTE)),
        Kind::Close => "the end of an element".into(),
        Kind::Text(t) => format!("the text {}", quote(t)),
        Kind::Comment(c) => format!("the comment {}", quote(c.trim())),
        Kind::Instruction(p) => format!("the processing instruction {}", quote(p)),
    }
}

/// Everything of `original` that `written` lost or changed, as findings
/// (at most [`MAX_FINDINGS`], then one that counts the rest).
fn compare(original: &[u8], written: &[u8]) -> Vec<Diagnostic> {
    let a = items(original);
    let b = items(written);
    let mut lost: Vec<(String, &Item)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while let Some(x) = a.get(i) {
        let y = b.get(j);
        if y.is_some_and(|y| y.kind == x.kind) {
            i += 1;
            j += 1;
            continue;
        }
        match (&x.kind, y.map(|y| &y.kind)) {
            (
                Kind::Open {
                    ns,
                    local,
                    attributes,
                },
                Some(Kind::Open {
                    ns: ns2,
                    local: local2,
                    attributes: kept,
                }),
            ) if ns == ns2 && local == local2 => {
                for (ans, alocal, value) in attributes {
                    let same = kept.iter().find(|(n, l, _)| n == ans && l == alocal);
                    let name = clip(alocal, MAX_QUOTE);
                    match same {
                        None => lost.push((
                            format!("the attribute {name}={} of <{local}>", quote(value)),
                            x,
                        )),
                        Some((_, _, v)) if v != value => lost.push((
                            format!(
                                "the value {} of the attribute {name} of <{local}> (written as {})",
                                quote(value),
                                quote(v)
                            ),
                            x,
                        )),
                        Some(_) => {}
                    }
                }
                i += 1;
                j += 1;
            }
            (Kind::Text(t), Some(Kind::Text(u))) => {
                lost.push((
                    format!("the text {} (written as {})", quote(t), quote(u)),
                    x,
                ));
                i += 1;
                j += 1;
            }
            (Kind::Open { .. }, _) => {
                lost.push((describe(&x.kind), x));
                // The element and everything in it.
                let mut depth = 0usize;
                while let Some(z) = a.get(i) {
                    match z.kind {
                        Kind::Open { .. } => depth += 1,
                        Kind::Close => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                    i += 1;
                    if depth == 0 {
                        break;
                    }
                }
            }
            // Something the model added (a default it writes): nothing lost.
            (Kind::Close, Some(_)) => j += 1,
            (_, _) => {
                lost.push((describe(&x.kind), x));
                i += 1;
            }
        }
    }
    let total = lost.len();
    let mut out: Vec<Diagnostic> = lost
        .into_iter()
        .take(MAX_FINDINGS)
        .map(|(what, item)| model_unreadable::not_kept(&what, path_of(&a, item), item.at))
        .collect();
    if total > MAX_FINDINGS {
        out.push(model_unreadable::not_kept(
            &format!(
                "{} more items (only the first {MAX_FINDINGS} are listed)",
                total - MAX_FINDINGS
            ),
            String::new(),
            0,
        ));
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    const BASE: &str = include_str!("../tests/fixtures/base.xml");

    fn messages(xml: &str) -> Vec<String> {
        match format(xml.as_bytes()) {
            Ok(_) => Vec::new(),
            Err(report) => report.diagnostics.into_iter().map(|d| d.message).collect(),
        }
    }

    #[test]
    fn a_plain_invoice_is_written_back() {
        // The fixture's header comment is the one thing the model drops.
        let plain = BASE.replace("<!-- fa3-test: now=2026-11-21T12:00:00Z -->\n", "");
        let out = format(plain.as_bytes()).unwrap();
        assert_eq!(
            crate::parse::parse(out.as_bytes()).unwrap(),
            crate::parse::parse(plain.as_bytes()).unwrap()
        );
        // The official examples lose nothing either.
        for entry in std::fs::read_dir("tests/corpus/official").unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            if let Err(report) = format(&bytes) {
                panic!("{}: {:?}", path.display(), report.diagnostics);
            }
        }
    }

    #[test]
    fn what_the_model_cannot_keep_is_reported() {
        let plain = BASE.replace("<!-- fa3-test: now=2026-11-21T12:00:00Z -->\n", "");
        let attribute = plain.replace(
            "<WariantFormularza>3</WariantFormularza>",
            "<WariantFormularza foo=\"1\">3</WariantFormularza>",
        );
        // An undeclared attribute is a schema error: nothing is written.
        let found = format(attribute.as_bytes()).unwrap_err();
        assert_eq!(found.diagnostics.len(), 1, "{found:?}");
        let d = &found.diagnostics[0];
        assert_eq!(
            d.code,
            crate::rules::xsd::attribute::ATTRIBUTE.meta.code,
            "{d:?}"
        );
        assert!(d.message.contains("foo"), "{}", d.message);
        assert_eq!(d.path, "/Faktura/Naglowek/WariantFormularza/@foo");
        assert_eq!(d.line, 6);

        let m = messages(BASE);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].contains("the comment `fa3-test"), "{}", m[0]);

        let pi = plain.replace("<Naglowek>", "<?app keep me?><Naglowek>");
        let m = messages(&pi);
        assert!(
            m[0].contains("processing instruction `app keep me`"),
            "{m:?}"
        );

        let xsi = plain.replace(
            "<Naglowek>",
            "<Naglowek xsi:schemaLocation=\"urn:x schema.xsd\">",
        );
        let m = messages(&xsi);
        assert!(m[0].contains("attribute schemaLocation"), "{m:?}");

        // Spaces around an invoice number matter (KSeF compares numbers as
        // written); the model trims them, so that is a change, not kept.
        let spaced = plain.replace("<P_2>FV/2026/11/001</P_2>", "<P_2> FV/2026/11/001 </P_2>");
        assert_ne!(spaced, plain);
        let m = messages(&spaced);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].contains("the text ` FV/2026/11/001 ` (written as `FV/2026/11/001`)"),
            "{m:?}"
        );
    }

    #[test]
    fn findings_and_quotes_are_bounded() {
        let plain = BASE.replace("<!-- fa3-test: now=2026-11-21T12:00:00Z -->\n", "");
        let long = "x".repeat(20_000);
        let many: String = (0..500)
            .map(|k| format!("<!-- {k} {long} -->"))
            .take(50)
            .collect();
        let doc = plain.replacen("<Naglowek>", &format!("{many}<Naglowek>"), 1);
        let found = format(doc.as_bytes()).unwrap_err();
        assert_eq!(found.diagnostics.len(), MAX_FINDINGS + 1);
        let bytes: usize = found.diagnostics.iter().map(|d| d.message.len()).sum();
        assert!(bytes < 300 * (MAX_FINDINGS + 1), "{bytes}");
        let quoted = found
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("characters in all)"))
            .count();
        assert_eq!(quoted, MAX_FINDINGS);
        assert!(
            found
                .diagnostics
                .iter()
                .any(|d| d.message.contains("30 more items"))
        );
    }
}
