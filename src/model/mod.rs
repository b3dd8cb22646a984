//! The typed FA(3) model, generated at build time from the official schemas
//! in `schemas/fa3/` (never edited, never committed), plus the value types it
//! uses for decimals, dates and date-times.
//!
//! Names follow the schema: types keep xsd-parser's names
//! (`FakturaFaFaWierszElementType`), fields are the XSD names in snake case
//! with their underscores kept (`p_1` is `P_1`, the issue date; `p_2` is
//! `P_2`, the invoice number; `p_13_1` is `P_13_1`), and anonymous groups are
//! named after their first element (`p_6_choice`, `p_13_1_group`).

pub(crate) mod builder;
pub mod values;

#[allow(
    missing_docs,
    unused_variables,
    dead_code,
    clippy::all,
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/fa3_model.rs"));
    include!(concat!(env!("OUT_DIR"), "/fa3_builder.rs"));
}

/// Builds the typed model from a document the schema validator accepts
/// (see [`builder`]): no second check of what the validator proved.
pub(crate) fn build(text: &str) -> Result<Faktura, xsd_parser_types::quick_xml::Error> {
    build_with(text, Walk::Read).map(|(invoice, _)| invoice)
}

/// [`build`] from the record of start tags and values that the schema fast
/// path made of `text` while proving it valid (offsets without the byte
/// order mark): no byte is parsed again. Returns the record, for locating
/// findings.
pub(crate) fn build_replayed(
    text: &str,
    tags: crate::source::Tags,
) -> Result<(Faktura, Option<crate::source::Tags>), xsd_parser_types::quick_xml::Error> {
    build_with(text, Walk::Replay(tags))
}

/// How [`build_with`] walks the document.
enum Walk {
    /// Reads the bytes.
    Read,
    /// Reads the bytes, recording the start tags.
    Record,
    /// Replays a record of the fast path.
    Replay(crate::source::Tags),
}

/// [`build`], also recording where each element's start tag is (so that
/// findings located by path need no further pass over the document).
pub(crate) fn build_located(
    text: &str,
) -> Result<(Faktura, Option<crate::source::Tags>), xsd_parser_types::quick_xml::Error> {
    build_with(text, Walk::Record)
}

fn build_with(
    text: &str,
    walk: Walk,
) -> Result<(Faktura, Option<crate::source::Tags>), xsd_parser_types::quick_xml::Error> {
    use builder::{Cursor, Element};
    // A byte order mark is not part of the document; positions stay those
    // of the bytes given.
    let bom = text.strip_prefix('\u{feff}');
    let skipped: usize = if bom.is_some() { 3 } else { 0 };
    let run = |text: &str| {
        let mut c = match walk {
            Walk::Read => Cursor::new(text),
            Walk::Record => Cursor::recording(text),
            Walk::Replay(tags) => Cursor::replaying(text, tags),
        };
        let start = c.open(b"Faktura")?;
        let invoice = <Faktura as Element>::element(&mut c, &start)?;
        c.finish()?;
        let mut tags = c.into_tags();
        if let Some(tags) = &mut tags {
            tags.shift(skipped);
        }
        Ok((invoice, tags))
    };
    run(bom.unwrap_or(text)).map_err(|mut e: xsd_parser_types::quick_xml::Error| {
        e.position = e.position.map(|p| p + skipped as u64);
        e
    })
}

pub use generated::*;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::schema::{SchemaLimits, Staged, staged};

    /// Every document of the repository the fast path proves valid.
    fn proven_documents() -> Vec<(String, Vec<u8>)> {
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

    /// The model replayed from the fast path's record equals the one read
    /// from the bytes, and the record's start tags are the reader's, on
    /// every document of the repository the fast path takes (with and
    /// without a byte order mark).
    #[test]
    fn replaying_the_fast_path_record_equals_reading_the_bytes() {
        let mut replayed = 0;
        for (name, bytes) in proven_documents() {
            let mut with_bom = b"\xEF\xBB\xBF".to_vec();
            with_bom.extend_from_slice(&bytes);
            for doc in [bytes, with_bom] {
                let Staged::Proven(Some(record)) =
                    staged(&doc, &SchemaLimits::default(), true, || true)
                else {
                    continue;
                };
                let text = std::str::from_utf8(&doc).unwrap();
                let read = build_located(text);
                let replay = crate::parse::build_replayed(&doc, record);
                match (read, replay) {
                    (Ok((a, read_tags)), Ok((b, replay_tags))) => {
                        assert_eq!(a, b, "{name}");
                        let spans = |t: &crate::source::Tags| {
                            (0..t.len())
                                .map(|i| t.get(i).map(|t| (t.depth, t.start, t.end)))
                                .collect::<Vec<_>>()
                        };
                        let replay_tags = replay_tags.unwrap();
                        assert_eq!(spans(&read_tags.unwrap()), spans(&replay_tags), "{name}");
                        // Values read from the record are the reader's.
                        for path in [
                            "/Faktura/Fa/P_2",
                            "/Faktura/Podmiot1/DaneIdentyfikacyjne/Nazwa",
                            "/Faktura/Fa/FaWiersz/P_7",
                            "/Faktura/Fa",
                        ] {
                            assert_eq!(
                                replay_tags.raw_text(&doc, path),
                                crate::source::raw_text(&doc, path),
                                "{name} {path}"
                            );
                        }
                        replayed += 1;
                    }
                    (Err(_), Err(_)) => {}
                    (a, b) => panic!("{name}: read {:?}, replayed {:?}", a.is_ok(), b.is_ok()),
                }
            }
        }
        // The official examples and the valid rule fixtures, twice each.
        assert!(replayed > 300, "{replayed}");
    }

    /// A value with references or line ends is read as the reader reads
    /// it, from the record too.
    #[test]
    fn recorded_values_with_references_and_line_ends_read_as_the_bytes() {
        let base = include_str!("../../tests/fixtures/base.xml");
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
            let (invoice, tags) = crate::parse::build_replayed(&doc, record).unwrap();
            assert_eq!(invoice, crate::parse::build_valid(&doc).unwrap(), "{value}");
            let expected = crate::source::raw_text(&doc, p_2);
            assert!(expected.is_some());
            assert_eq!(tags.unwrap().raw_text(&doc, p_2), expected, "{value}");
            proven += 1;
        }
        assert!(proven >= 5, "{proven}");
    }
}
