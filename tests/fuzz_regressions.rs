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
