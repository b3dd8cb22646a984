//! The typed model that `fa3::parse` builds (the generated builder, after
//! the schema validator) equals the one xsd-parser's own generated reader
//! builds, on every document the tests have: the official examples, the
//! example invoices, the base fixture (and the one with a large
//! `TerminOpis/Ilosc`), every rule's fixtures, and mutations
//! of the official examples (each element deleted, duplicated, emptied, its
//! text doubled).

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use std::path::PathBuf;

/// Every document kept in the repository for the tests.
fn documents() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<PathBuf> = common::official_examples();
    files.extend(common::fa2_documents());
    files.push(common::repo().join("tests/fixtures/base.xml"));
    files.push(common::repo().join("tests/fixtures/large_ilosc.xml"));
    for dir in ["examples/invoices", "tests/fixtures/rules"] {
        let mut stack = vec![common::repo().join(dir)];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let p = entry.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "xml") {
                    files.push(p);
                }
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read(&f).unwrap();
            (f.display().to_string(), text)
        })
        .collect()
}

/// The element ranges of a document: (start of the start tag, end of the
/// start tag, end of the end tag), found with a plain scan (the documents
/// here have no CDATA or comments with `<` in them).
fn elements(xml: &str) -> Vec<(usize, usize, usize)> {
    let b = xml.as_bytes();
    let mut out = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while let Some(k) = xml[i..].find('<') {
        let s = i + k;
        let Some(e) = xml[s..].find('>') else { break };
        let e = s + e + 1;
        match b.get(s + 1) {
            Some(b'/') => {
                if let Some(idx) = open.pop() {
                    let (st, se, _) = out[idx];
                    out[idx] = (st, se, e);
                }
            }
            Some(b'?' | b'!') => {}
            _ => {
                out.push((s, e, e));
                if b[e - 2] != b'/' {
                    open.push(out.len() - 1);
                }
            }
        }
        i = e;
    }
    out
}

/// Mutations of one document: each element deleted, duplicated, emptied of
/// its content, its content doubled.
fn mutations(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, &(s, se, e)) in elements(xml).iter().enumerate().skip(1) {
        let whole = &xml[s..e];
        out.push(format!("{}{}", &xml[..s], &xml[e..]));
        out.push(format!("{}{whole}{}", &xml[..e], &xml[e..]));
        if se < e {
            let end_tag = xml[se..e].rfind("</").map_or(e, |k| se + k);
            let inner = &xml[se..end_tag];
            if i % 2 == 0 {
                out.push(format!("{}{}", &xml[..se], &xml[end_tag..]));
            }
            out.push(format!("{}{inner}{}", &xml[..end_tag], &xml[end_tag..]));
        }
    }
    out
}

/// Compares the two readers on one document; counts what it saw.
fn compare(name: &str, xml: &[u8], seen: &mut [usize; 3]) {
    let new = fa3::parse(xml);
    let old = fa3::parse_with_generated_reader(xml);
    match (&new, &old) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "{name}: the builder and the generated reader differ");
            seen[0] += 1;
        }
        (Err(e), Ok(_)) => {
            // The generated reader checks less than the schema: it may
            // read a schema-invalid document. Never a valid one.
            assert!(
                !fa3::schema::is_valid(xml),
                "{name}: schema-valid, read by the generated reader, refused by the builder: {e}"
            );
            seen[1] += 1;
        }
        (_, Err(_)) => seen[2] += 1,
    }
}

#[test]
fn builder_equals_the_generated_reader_on_every_document() {
    let mut seen = [0usize; 3];
    for (name, xml) in documents() {
        compare(&name, &xml, &mut seen);
    }
    // Every official example, example invoice and valid rule fixture is
    // read by both.
    assert!(seen[0] >= 26 + 150, "{seen:?}");
}

#[test]
fn builder_equals_the_generated_reader_on_mutations() {
    let mut seen = [0usize; 3];
    for file in common::official_examples() {
        let xml = std::fs::read_to_string(&file).unwrap();
        for (k, m) in mutations(&xml).iter().enumerate() {
            compare(&format!("{} #{k}", file.display()), m.as_bytes(), &mut seen);
        }
    }
    // Both readers succeed on many mutations (optional elements deleted,
    // repeatable ones duplicated), and refuse many others.
    assert!(seen[0] > 500, "{seen:?}");
    assert!(seen[1] + seen[2] > 500, "{seen:?}");
}
