//! Parse → serialize → re-parse over the 26 official examples: the output is
//! valid FA(3) for libxml2, re-parses to an equal value, and carries every
//! element, attribute and text value of the original, lexical forms included.

#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

/// (path with namespace, attributes without xmlns, trimmed text) per element.
type Node = (String, Vec<(String, String)>, String);

fn flatten(xml: &[u8]) -> Vec<Node> {
    let mut reader = NsReader::from_reader(xml);
    let mut stack: Vec<String> = Vec::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    loop {
        match reader.read_resolved_event().unwrap() {
            (ns, Event::Start(e)) => {
                let name = qualified(&ns, e.local_name().as_ref());
                stack.push(name);
                nodes.push((stack.join("/"), attributes(&e), String::new()));
                open.push(nodes.len() - 1);
            }
            (ns, Event::Empty(e)) => {
                let name = qualified(&ns, e.local_name().as_ref());
                stack.push(name);
                nodes.push((stack.join("/"), attributes(&e), String::new()));
                stack.pop();
            }
            (_, Event::Text(t)) => {
                if let Some(&i) = open.last() {
                    let text = t.decode().unwrap();
                    let text = quick_xml::escape::unescape(&text).unwrap();
                    nodes[i].2.push_str(&text);
                }
            }
            (_, Event::CData(t)) => {
                if let Some(&i) = open.last() {
                    nodes[i].2.push_str(&String::from_utf8_lossy(&t));
                }
            }
            (_, Event::End(_)) => {
                stack.pop();
                open.pop();
            }
            (_, Event::Eof) => break,
            _ => {}
        }
    }
    for n in &mut nodes {
        n.2 = n.2.trim().to_string();
    }
    nodes
}

fn qualified(ns: &ResolveResult<'_>, local: &[u8]) -> String {
    let local = String::from_utf8_lossy(local);
    match ns {
        ResolveResult::Bound(n) => format!("{{{}}}{local}", String::from_utf8_lossy(n.as_ref())),
        _ => local.into_owned(),
    }
}

fn reader_decoder() -> quick_xml::encoding::Decoder {
    quick_xml::Reader::from_reader(&b""[..]).decoder()
}

fn attributes(e: &quick_xml::events::BytesStart<'_>) -> Vec<(String, String)> {
    let mut attrs: Vec<(String, String)> = e
        .attributes()
        .map(|a| a.unwrap())
        .filter(|a| {
            let k = a.key.as_ref();
            k != b"xmlns" && !k.starts_with(b"xmlns:")
        })
        .map(|a| {
            (
                String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                a.decode_and_unescape_value(reader_decoder())
                    .unwrap()
                    .into_owned(),
            )
        })
        .collect();
    attrs.sort();
    attrs
}

#[test]
fn official_examples_round_trip() {
    let files = common::official_examples();
    assert_eq!(files.len(), 26, "expected the 26 official examples");
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for file in &files {
        let original = std::fs::read(file).unwrap();
        let invoice = fa3::parse(&original).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let xml = fa3::to_xml(&invoice).unwrap();
        // (b) re-parsing gives an equal value
        let again =
            fa3::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert_eq!(
            again,
            invoice,
            "{}: re-parsed value differs",
            file.display()
        );
        // (c) every element, attribute and text value equals the original
        let before = flatten(&original);
        let after = flatten(xml.as_bytes());
        assert_eq!(
            before.len(),
            after.len(),
            "{}: element count differs",
            file.display()
        );
        for (b, a) in before.iter().zip(&after) {
            assert_eq!(b, a, "{}: element differs", file.display());
        }
        let out = dir.path().join(file.file_name().unwrap());
        std::fs::write(&out, xml).unwrap();
        outputs.push(out);
    }
    // (a) libxml2 validates every output against FA(3)
    if common::xmllint_available() {
        let verdicts = common::libxml2_verdicts(&outputs);
        for (f, ok) in outputs.iter().zip(verdicts) {
            assert!(
                ok,
                "{}: libxml2 rejects the re-serialized invoice",
                f.display()
            );
        }
    }
}

#[test]
fn flatten_sees_a_changed_value() {
    // The comparison used above can fail: a changed text value is noticed.
    let a = flatten(b"<a xmlns='u'><b>1.00</b></a>");
    let b = flatten(b"<a xmlns='u'><b>1.0</b></a>");
    assert_ne!(a, b);
}

/// `Ilosc` of the invoice's first `TerminPlatnosci/TerminOpis`.
fn first_term_quantity(invoice: &fa3::Faktura) -> &fa3::model::values::Integer {
    let term = &invoice.fa.platnosc.as_ref().unwrap().termin_platnosci[0];
    let description = term.content.as_ref().unwrap().termin_opis.as_ref();
    &description.unwrap().ilosc
}

/// `TerminOpis/Ilosc` is an unbounded `xsd:integer`. The typed model held it
/// in an `i32`, so `<Ilosc>3000000000</Ilosc>` was schema-valid but
/// unreadable (FA3-XML-012, and no business rule ran). Every schema-valid
/// value is now read exactly, keeps its lexical form, and is written back as
/// it was; libxml2 agrees the documents are valid.
#[test]
fn large_integers_are_read_exactly_and_written_back() {
    let doc = include_str!("fixtures/large_ilosc.xml");
    let settings = fa3::Settings::at("2026-11-21T12:00:00Z".parse().unwrap());
    // (lexical form, value when it fits an i128, FA3-PAY-008 expected).
    let cases = [
        ("3000000000", Some(3_000_000_000), false),
        ("+0003000000000", Some(3_000_000_000), false),
        (
            "9223372036854775808",
            Some(9_223_372_036_854_775_808),
            false,
        ),
        // The most digits the schema validator (and libxml2) accept.
        (
            "123456789012345678901234",
            Some(123_456_789_012_345_678_901_234),
            false,
        ),
        (
            "-123456789012345678901234",
            Some(-123_456_789_012_345_678_901_234),
            true,
        ),
        ("-0", Some(0), true),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut written = Vec::new();
    for (k, (lexical, value, non_positive)) in cases.into_iter().enumerate() {
        let xml = doc.replacen(
            "<Ilosc>3000000000</Ilosc>",
            &format!("<Ilosc>{lexical}</Ilosc>"),
            1,
        );
        assert!(xml.contains(&format!("<Ilosc>{lexical}</Ilosc>")));
        let report = fa3::validate(xml.as_bytes(), &settings).unwrap();
        assert!(
            report.with_code("FA3-XML-012").next().is_none(),
            "{lexical}: {:#?}",
            report.diagnostics
        );
        assert!(!report.has_errors(), "{lexical}: {:#?}", report.diagnostics);
        // The business rules ran: FA3-PAY-008 sees the value.
        let pay_008: Vec<_> = report.with_code("FA3-PAY-008").collect();
        assert_eq!(!pay_008.is_empty(), non_positive, "{lexical}: {pay_008:?}");
        for d in pay_008 {
            assert!(d.message.contains(&format!("Ilosc is {lexical};")), "{d}");
        }

        let invoice = fa3::parse(xml.as_bytes()).unwrap();
        let ilosc = first_term_quantity(&invoice);
        assert_eq!(ilosc.lexical(), lexical);
        assert_eq!(ilosc.to_i128(), value, "{lexical}");
        assert_eq!(
            *ilosc,
            lexical.parse::<fa3::model::values::Integer>().unwrap()
        );
        assert_eq!(
            fa3::parse_with_generated_reader(xml.as_bytes()).unwrap(),
            invoice,
            "{lexical}: the generated reader differs"
        );
        let out = fa3::to_xml(&invoice).unwrap();
        assert!(out.contains(&format!("<Ilosc>{lexical}</Ilosc>")), "{out}");
        let again = fa3::parse(out.as_bytes()).unwrap();
        assert_eq!(again, invoice);
        assert_eq!(
            flatten(xml.as_bytes()),
            flatten(out.as_bytes()),
            "{lexical}"
        );
        let path = dir.path().join(format!("ilosc-{k}.xml"));
        std::fs::write(&path, &out).unwrap();
        written.push(path);
    }
    if common::xmllint_available() {
        for (f, ok) in written.iter().zip(common::libxml2_verdicts(&written)) {
            assert!(ok, "{}: libxml2 rejects the written invoice", f.display());
        }
    }
}

/// Beyond 24 significant digits `xsd:integer` is invalid for the schema
/// validator, as for libxml2 (docs/xsd-disagreements.md): a 40-digit `Ilosc`
/// is a schema finding, not FA3-XML-012. The typed model still holds it
/// exactly (the generated reader, which does not validate, reads it) and
/// writes it back unchanged.
#[test]
fn a_forty_digit_integer_is_a_schema_finding_but_the_model_holds_it() {
    let forty = "1234567890123456789012345678901234567890";
    let xml = include_str!("fixtures/large_ilosc.xml").replacen(
        "<Ilosc>3000000000</Ilosc>",
        &format!("<Ilosc>{forty}</Ilosc>"),
        1,
    );
    assert!(xml.contains(forty));
    let settings = fa3::Settings::at("2026-11-21T12:00:00Z".parse().unwrap());
    let report = fa3::validate(xml.as_bytes(), &settings).unwrap();
    assert!(report.has_errors(), "{:#?}", report.diagnostics);
    assert!(
        report.diagnostics.iter().all(|d| d.code != "FA3-XML-012"
            && (d.severity != fa3::Severity::Error || d.code.starts_with("FA3-XSD"))),
        "{:#?}",
        report.diagnostics
    );
    let invoice = fa3::parse_with_generated_reader(xml.as_bytes()).unwrap();
    let ilosc = first_term_quantity(&invoice);
    assert_eq!(ilosc.digits(), forty);
    assert_eq!(ilosc.to_i128(), None);
    assert!(ilosc.is_positive());
    let out = fa3::to_xml(&invoice).unwrap();
    assert!(out.contains(&format!("<Ilosc>{forty}</Ilosc>")), "{out}");
    assert_eq!(
        fa3::parse_with_generated_reader(out.as_bytes()).unwrap(),
        invoice
    );
}
