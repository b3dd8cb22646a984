//! The schema validator's public API: diagnostics, paths, spans, limits,
//! the typed-model entry point and robustness on arbitrary input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use fa3::schema::{SchemaLimits, XSD_CODES, is_valid, validate, validate_model};
use fa3::{Diagnostic, Severity};
use proptest::prelude::*;
use xsd_parser_types::quick_xml::{DeserializeSync, SliceReader};

fn example(n: u32) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/official");
    let name = if [14, 17, 18, 19, 20].contains(&n) {
        format!("Fa_3_Przykład_{n}.xml")
    } else {
        format!("FA_3_Przykład_{n}.xml")
    };
    std::fs::read_to_string(dir.join(name)).unwrap()
}

fn errors(xml: &str) -> Vec<Diagnostic> {
    validate(xml.as_bytes(), &SchemaLimits::default())
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

#[test]
fn codes_are_unique_and_documented() {
    let mut seen = BTreeSet::new();
    for c in XSD_CODES {
        assert!(seen.insert(c.code), "duplicate {}", c.code);
        assert!(c.code.starts_with("FA3-XSD-") || c.code == "FA3-XML-001");
        assert!(!c.summary.is_empty() && !c.name.is_empty());
    }
    assert!(seen.len() >= 12);
}

#[test]
fn official_examples_are_valid() {
    for n in 1..=26 {
        let xml = example(n);
        assert!(errors(&xml).is_empty(), "example {n}: {:?}", errors(&xml));
        assert!(is_valid(xml.as_bytes()));
    }
}

#[test]
fn every_violation_is_collected_with_leaf_paths() {
    let xml = example(1)
        .replacen(
            "<P_2>FV2026/02/150</P_2>",
            &format!("<P_2>{}</P_2>", "ż".repeat(257)),
            1,
        )
        .replacen(
            "<KodWaluty>PLN</KodWaluty>",
            "<KodWaluty>ABC</KodWaluty>",
            1,
        )
        .replacen("kodSystemowy=\"FA (3)\"", "kodSystemowy=\"FA(3)\"", 1);
    let found: Vec<(String, String)> = errors(&xml)
        .into_iter()
        .map(|d| (d.code.to_string(), d.path))
        .collect();
    assert!(
        found.contains(&("FA3-XSD-005".into(), "/Faktura/Fa/P_2".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("FA3-XSD-004".into(), "/Faktura/Fa/KodWaluty".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "FA3-XSD-008".into(),
            "/Faktura/Naglowek/KodFormularza/@kodSystemowy".into()
        )),
        "{found:?}"
    );
    assert_eq!(found.len(), 3, "{found:?}");
}

/// Regression: a zoned date whose year does not fit a 64-bit day count
/// (`9223372036854775807-01-01Z`), compared with its type's bounds,
/// overflowed that count: a panic in debug builds. It is a violation like
/// any other bad date.
#[test]
fn a_date_with_a_huge_year_is_a_violation_not_a_panic() {
    for value in [
        "9223372036854775807-01-01Z",
        "-9223372036854775807-01-01+14:00",
        "50505469855535076-01-01Z",
    ] {
        let xml = example(1).replacen("<P_1>2026-02-15</P_1>", &format!("<P_1>{value}</P_1>"), 1);
        let found = errors(&xml);
        assert!(
            found.iter().any(|d| d.path == "/Faktura/Fa/P_1"),
            "{value}: {found:?}"
        );
        assert!(!is_valid(xml.as_bytes()));
    }
}

#[test]
fn repeated_siblings_get_positions() {
    // Example 1 has several FaWiersz; break the third one's P_12.
    let xml = example(1);
    let mut at = 0;
    for _ in 0..3 {
        at = xml[at..].find("<FaWiersz>").map(|i| at + i + 1).unwrap();
    }
    let p12 = at + xml[at..].find("<P_12>").unwrap();
    let broken = format!(
        "{}<P_12>24{}",
        &xml[..p12],
        &xml[p12 + xml[p12..].find("</P_12>").unwrap()..]
    );
    let e = errors(&broken);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].path, "/Faktura/Fa/FaWiersz[3]/P_12");
    assert_eq!(e[0].code, "FA3-XSD-004");
    assert!(e[0].message.contains("'24'"));
    // The span points at the value, the line and column are filled in.
    let span = e[0].span.clone().unwrap();
    assert_eq!(&broken[span], "24");
    assert!(e[0].line > 1 && e[0].column > 1);

    // The first of several repeated siblings is `[1]`, a single one has none.
    let first = xml.find("<FaWiersz>").unwrap();
    let nr = first + xml[first..].find("<NrWierszaFa>").unwrap();
    let broken = format!(
        "{}<NrWierszaFa>0{}",
        &xml[..nr],
        &xml[nr + xml[nr..].find("</NrWierszaFa>").unwrap()..]
    );
    let e = errors(&broken);
    assert_eq!(e[0].path, "/Faktura/Fa/FaWiersz[1]/NrWierszaFa", "{e:?}");
    assert_eq!(e[0].code, "FA3-XSD-007");
}

#[test]
fn content_model_messages_name_what_was_expected() {
    let xml = example(1).replacen("<P_2>FV2026/02/150</P_2>", "", 1);
    let e = errors(&xml);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].code, "FA3-XSD-002");
    assert!(e[0].message.contains("P_2"), "{}", e[0].message);

    let xml = example(1).replacen(
        "<P_2>FV2026/02/150</P_2>",
        "<P_2>FV2026/02/150</P_2><Nope/>",
        1,
    );
    let e = errors(&xml);
    assert_eq!(e[0].code, "FA3-XSD-001");
    assert_eq!(e[0].path, "/Faktura/Fa/Nope");
    assert!(
        e[0].message.contains("expected one of: WZ, P_6, OkresFa"),
        "{}",
        e[0].message
    );
}

#[test]
fn namespaces_and_roots() {
    let fa2 = example(1).replacen(
        "xmlns=\"http://crd.gov.pl/wzor/2025/06/25/13775/\"",
        "xmlns=\"http://crd.gov.pl/wzor/2023/06/29/12648/\"",
        1,
    );
    let e = errors(&fa2);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code, "FA3-XSD-012");
    assert!(e[0].message.contains("FA(2)"));
}

#[test]
fn malformed_xml_stops_with_a_located_error() {
    let xml = example(1).replacen("</P_2>", "</P_3>", 1);
    let e = errors(&xml);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].code, "FA3-XML-001");
    assert!(e[0].line > 1);
    assert!(!is_valid(b"<Faktura"));
    assert!(!is_valid(b""));
    assert!(!is_valid(b"\xff\xfe"));
}

#[test]
fn limits_are_enforced_while_reading() {
    let deep = format!("{}{}", "<a>".repeat(100), "</a>".repeat(100));
    let limits = SchemaLimits {
        max_depth: 10,
        max_elements: 1_000_000,
    };
    let d = validate(deep.as_bytes(), &limits);
    assert!(d.iter().any(|d| d.code == "FA3-XSD-014"), "{d:?}");
    let xml = example(1);
    let limits = SchemaLimits {
        max_depth: 64,
        max_elements: 20,
    };
    let d = validate(xml.as_bytes(), &limits);
    assert_eq!(d.iter().filter(|d| d.code == "FA3-XSD-014").count(), 1);
}

#[test]
fn typed_model_is_validated_through_its_serialization() {
    let xml = example(1);
    let mut reader = SliceReader::new(&xml);
    let mut faktura = fa3::model::Faktura::deserialize(&mut reader).unwrap();
    let clean = validate_model(&faktura);
    assert!(
        clean.iter().all(|d| d.severity != Severity::Error),
        "{clean:?}"
    );

    faktura.fa.p_2 = fa3::model::TZnakowyType("x".repeat(300));
    faktura.naglowek.kod_formularza.kod_systemowy = "FA(3)".into();
    let d = validate_model(&faktura);
    let found: Vec<(&str, &str)> = d.iter().map(|d| (d.code, d.path.as_str())).collect();
    assert!(
        found.contains(&("FA3-XSD-005", "/Faktura/Fa/P_2")),
        "{found:?}"
    );
    assert!(
        found.contains(&(
            "FA3-XSD-008",
            "/Faktura/Naglowek/KodFormularza/@kodSystemowy"
        )),
        "{found:?}"
    );
    assert!(d.iter().all(|d| d.span.is_none()));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Arbitrary edits of a valid invoice never panic and always give a
    /// verdict; the spans stay inside the document.
    #[test]
    fn never_panics_on_edited_invoices(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0usize..6, any::<u8>()), 1..8)
    ) {
        let mut bytes = example(4).into_bytes();
        for (at, len, byte) in edits {
            let i = at.index(bytes.len());
            let end = (i + len).min(bytes.len());
            bytes.splice(i..end, [byte]);
        }
        let d = validate(&bytes, &SchemaLimits::default());
        for diag in &d {
            if let Some(span) = &diag.span {
                prop_assert!(span.start <= span.end && span.end <= bytes.len() + 1);
            }
        }
    }

    /// Arbitrary bytes never panic.
    #[test]
    fn never_panics_on_random_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = validate(&bytes, &SchemaLimits::default());
    }
}

#[test]
fn hostile_documents_are_bounded() {
    // Many distinct sibling names: positions are tracked for a bounded
    // number of names, so this stays linear.
    let mut fanout = String::from("<r>");
    for i in 0..20_000 {
        let _ = write!(fanout, "<a{i}/>");
    }
    fanout.push_str("</r>");
    let d = validate(fanout.as_bytes(), &SchemaLimits::default());
    assert_eq!(d.len(), 1, "only the wrong root is reported");

    // Far more violations than the report keeps: the run stops with a
    // limit diagnostic, and a single-line document is located in one pass.
    let mut many = String::from("<Faktura xmlns=\"http://crd.gov.pl/wzor/2025/06/25/13775/\">");
    many.push_str(&"<x/>".repeat(150_000));
    many.push_str("</Faktura>");
    let d = validate(many.as_bytes(), &SchemaLimits::default());
    assert_eq!(d.len(), 100_001);
    let last = d.last().unwrap();
    assert_eq!(last.code, "FA3-XSD-014");
    assert_eq!(d[99_999].path, "/Faktura/x[100000]");
    assert_eq!(d[99_999].line, 1);
    assert!(d[99_999].column > 400_000);
}

/// `fa3::is_valid` (through `Settings::limits`) and `fa3::schema::is_valid`
/// (through `SchemaLimits`) read documents under the same bounds, and the
/// pre-scan under the same sizes: every default comes from `fa3::ksef`.
#[test]
fn default_limits_agree() {
    let limits = fa3::Limits::default();
    let schema = SchemaLimits::default();
    assert_eq!(limits.max_depth, schema.max_depth);
    assert_eq!(limits.max_elements, schema.max_elements);
    assert_eq!(schema.max_elements, fa3::ksef::MAX_ELEMENTS);
    assert_eq!(schema.max_depth, fa3::ksef::MAX_DEPTH);
    let hygiene = fa3::hygiene::HygieneLimits::default();
    assert_eq!(limits.max_size, hygiene.max_size);
    assert_eq!(
        limits.max_size_with_attachment,
        hygiene.max_size_with_attachment
    );
    assert_eq!(limits.max_part_size, fa3::run::MAX_PART_BYTES);
    assert_eq!(limits.max_package_size, fa3::run::MAX_PACKAGE_BYTES);
}

/// Attributes and namespace declarations per element are bounded before
/// they are compared pairwise: 100,000 of either on the root stop the
/// validation with one limit finding (FA3-XSD-014), at the root's tag.
#[test]
fn many_attributes_stop_at_the_bound() {
    let base = include_str!("fixtures/base.xml");
    let root = "<Faktura ";
    assert!(base.contains(root));
    for (what, attr) in [("attributes", "a"), ("declarations", "xmlns:p")] {
        let mut extra = String::new();
        for i in 0..100_000 {
            let _ = write!(extra, "{attr}{i}=\"x\" ");
        }
        let xml = base.replacen(root, &format!("{root}{extra}"), 1);
        let found = validate(xml.as_bytes(), &SchemaLimits::default());
        let limit: Vec<&Diagnostic> = found.iter().filter(|d| d.code == "FA3-XSD-014").collect();
        assert_eq!(limit.len(), 1, "{what}: {found:#?}");
        assert!(
            limit[0].message.contains("more than 64 attributes"),
            "{}",
            limit[0].message
        );
        assert!(!is_valid(xml.as_bytes()));
    }
    // The bound itself is no problem: 60 declarations of unused prefixes.
    let mut extra = String::new();
    for i in 0..60 {
        let _ = write!(extra, "xmlns:p{i}=\"urn:x:{i}\" ");
    }
    let xml = base.replacen(root, &format!("{root}{extra}"), 1);
    assert!(is_valid(xml.as_bytes()));
}
