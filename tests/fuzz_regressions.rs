//! No input makes fa3 panic. Arbitrary and mutated documents go through the
//! whole pipeline; each crash found by the fuzzers (`fuzz/`) becomes a named
//! test here.

#![allow(clippy::unwrap_used)]

use proptest::prelude::*;

fn settings() -> fa3::Settings {
    fa3::Settings::at("2026-11-21T12:00:00Z".parse().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let report = fa3::validate(&bytes, &settings()).unwrap();
        // Garbage is never reported as a valid invoice.
        prop_assert!(report.has_errors() || fa3::parse(&bytes).is_ok());
    }

    #[test]
    fn mutated_example_never_panics(
        pos in 0usize..fa3::samples::EXAMPLE.len(),
        len in 0usize..64,
        replacement in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut bytes = fa3::samples::EXAMPLE.to_vec();
        let end = (pos + len).min(bytes.len());
        bytes.splice(pos..end, replacement);
        let report = fa3::validate(&bytes, &settings()).unwrap();
        for d in &report.diagnostics {
            prop_assert!(!d.code.is_empty());
            prop_assert!(!d.message.is_empty());
        }
    }
}

#[test]
fn empty_input_is_a_finding_not_a_panic() {
    let report = fa3::validate(b"", &settings()).unwrap();
    assert!(report.has_errors());
}

#[test]
fn deeply_nested_input_is_a_finding_not_a_panic() {
    let mut doc = String::from("<Faktura xmlns=\"http://crd.gov.pl/wzor/2025/06/25/13775/\">");
    for _ in 0..100_000 {
        doc.push_str("<a>");
    }
    let report = fa3::validate(doc.as_bytes(), &settings()).unwrap();
    assert!(report.has_errors());
}

/// Found by the `parse` target: a parse error at the very end of a document
/// whose length is a multiple of the line index's 64-byte blocks, on a line
/// that starts more than one block earlier. The character count at the end
/// was read as 0, and the column subtraction overflowed.
#[test]
fn parse_error_at_the_end_of_a_block_multiple_document() {
    let mut doc = b"<--\r\r\r?<\r\r\r\r?".to_vec();
    doc.resize(127, b'1');
    doc.push(b'm');
    assert_eq!(doc.len(), 128);
    let err = fa3::parse(&doc).unwrap_err();
    let d = &err.diagnostics[0];
    // `parse` validates first, as the check does: the finding is the
    // unclosed tag, located where it starts. The end-of-text offset that
    // overflowed is located directly by the next test.
    assert_eq!((d.line, d.column), (1, 1), "{d}");
    assert!(d.message.contains("not closed"), "{d}");
    let report = fa3::validate(&doc, &settings()).unwrap();
    assert!(report.has_errors());
}

/// The same end-of-text offset, located directly: every offset of a
/// multi-block line gets the column a character count from its start gives.
#[test]
fn columns_at_the_end_of_a_block_multiple_text() {
    for len in [64usize, 128, 192, 256] {
        let mut text = b"<\r".to_vec();
        text.resize(len, b'x');
        let index = fa3::LineIndex::new(&text);
        for offset in [2, 3, 63, 64, len - 1, len] {
            let column = u32::try_from(offset - 2 + 1).unwrap();
            assert_eq!(
                index.line_col(offset),
                (2, column),
                "len {len}, offset {offset}"
            );
        }
    }
}

/// Found by the `structured` target: an enumeration whose base is an
/// integer type (`TWybor1_2` is `xsd:byte`, `TFormaPlatnosci` is
/// `xsd:integer`) compares values, so `02` and `+06` are schema-valid (libxml2
/// agrees); the typed model could not read them and the check reported
/// FA3-XML-012 on a valid document.
#[test]
fn integer_enumerations_are_read_by_value() {
    let base = include_str!("fixtures/base.xml");
    let doc = base
        .replacen("<P_18A>2</P_18A>", "<P_18A>02</P_18A>", 1)
        .replacen("<P_16>2</P_16>", "<P_16> +2 </P_16>", 1)
        .replacen(
            "<FormaPlatnosci>6</FormaPlatnosci>",
            "<FormaPlatnosci>0006</FormaPlatnosci>",
            1,
        );
    assert_ne!(doc, base);
    let report = fa3::validate(doc.as_bytes(), &settings()).unwrap();
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let invoice = fa3::parse(doc.as_bytes()).unwrap();
    let plain = fa3::parse(base.as_bytes()).unwrap();
    assert_eq!(invoice, plain);
}

/// Found by the `structured` target: `PrefiksPodatnika` of `Podmiot1` is
/// declared with the fixed value `PL`, so an empty element is valid and means
/// `PL` (libxml2 agrees); the typed model could not read it and the check
/// reported FA3-XML-012 on a valid document.
#[test]
fn an_empty_element_with_a_fixed_value_is_read_as_that_value() {
    let base = include_str!("fixtures/base.xml");
    let with = |prefix: &str| {
        base.replacen(
            "<Podmiot1>\n\t\t<DaneIdentyfikacyjne>",
            &format!("<Podmiot1>\n\t\t{prefix}\n\t\t<DaneIdentyfikacyjne>"),
            1,
        )
    };
    let empty = with("<PrefiksPodatnika></PrefiksPodatnika>");
    assert_ne!(empty, base);
    let report = fa3::validate(empty.as_bytes(), &settings()).unwrap();
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let written = fa3::parse(with("<PrefiksPodatnika>PL</PrefiksPodatnika>").as_bytes()).unwrap();
    assert_eq!(fa3::parse(empty.as_bytes()).unwrap(), written);
    assert_eq!(
        fa3::parse(with("<PrefiksPodatnika/>").as_bytes()).unwrap(),
        written
    );
}

/// Found by the `builder` target: a date or time with a multi-byte character
/// where a digit belongs (`2026-02-1\u{feff}9:30:47Z`) made the lexical
/// parser slice inside the character and panic; it is now an invalid value.
#[test]
fn a_multibyte_character_inside_a_date_time_is_invalid_not_a_panic() {
    use fa3::model::values::{Date, DateTime};
    for text in [
        "2026-02-1\u{feff}9:30:47Z",
        "2026-02-1\u{feff}",
        "2026-02-19T09:30:4\u{feff}Z",
        "2026-02-19T09:30:4é",
        "2026-02-ż9",
    ] {
        assert!(text.parse::<DateTime>().is_err(), "{text}");
        assert!(text.parse::<Date>().is_err(), "{text}");
    }
    let mut doc = include_str!("fixtures/base.xml").to_owned();
    let at = doc.find("<DataWytworzeniaFa>").unwrap() + "<DataWytworzeniaFa>".len() + 9;
    doc.insert(at, '\u{feff}');
    let report = fa3::validate(doc.as_bytes(), &settings()).unwrap();
    assert!(report.has_errors());
    assert!(fa3::parse(doc.as_bytes()).is_err());
    assert!(fa3::parse_with_generated_reader(doc.as_bytes()).is_err());
}
