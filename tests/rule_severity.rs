//! Rules whose severity depends on the settings or on the branch that fired:
//! each case checks the exact severity, the element path and that the
//! finding is located in the document.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use fa3::{Diagnostic, Environment, Settings, Severity};

fn base() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base.xml"))
        .unwrap()
}

/// `base.xml` with each `(old, new)` replaced exactly once.
fn variant(subs: &[(&str, &str)]) -> String {
    let mut doc = base();
    for (old, new) in subs {
        assert_eq!(doc.matches(old).count(), 1, "{old:?} must occur once");
        doc = doc.replacen(old, new, 1);
    }
    doc
}

fn settings(env: Environment, code: &str) -> Settings {
    let mut s = Settings::at("2026-11-21T12:00:00Z".parse().unwrap()).only(code);
    s.env = env;
    s
}

/// The findings of `code` alone on `doc`; the document must be schema-valid.
fn findings(doc: &str, env: Environment, code: &str) -> Vec<Diagnostic> {
    let report = fa3::validate(doc.as_bytes(), &settings(env, code)).unwrap();
    let found: Vec<Diagnostic> = report.with_code(code).cloned().collect();
    for d in &found {
        assert!(d.line > 0, "unlocated finding {d}");
    }
    found
}

/// Exactly one finding of `code`, at `path`, with `severity`.
fn assert_one(doc: &str, env: Environment, code: &str, path: &str, severity: Severity) {
    let found = findings(doc, env, code);
    assert_eq!(found.len(), 1, "{code} on {env:?}: {found:#?}");
    assert_eq!(found[0].path, path);
    assert_eq!(
        found[0].severity, severity,
        "{code} on {env:?}: {}",
        found[0]
    );
    assert!(found[0].help.is_some(), "{code}: no help");
}

const BUYER_NIP: (&str, &str) = ("<NIP>7335255579</NIP>", "<NIP>7335255570</NIP>");

#[test]
fn nip_checksum_is_an_error_only_on_production() {
    let doc = variant(&[BUYER_NIP]);
    let path = "/Faktura/Podmiot2/DaneIdentyfikacyjne/NIP";
    assert_one(&doc, Environment::Prd, "FA3-NIP-001", path, Severity::Error);
    assert_one(
        &doc,
        Environment::Test,
        "FA3-NIP-001",
        path,
        Severity::Warning,
    );
    assert_one(
        &doc,
        Environment::Demo,
        "FA3-NIP-001",
        path,
        Severity::Warning,
    );
    let message = &findings(&doc, Environment::Prd, "FA3-NIP-001")[0].message;
    assert!(message.contains("7335255570"), "{message}");
    assert!(message.contains("call for 9"), "{message}");
}

#[test]
fn nip_checksum_covers_every_third_party_with_its_index() {
    let third = |nip: &str| {
        format!(
            "\t<Podmiot3>\n\t\t<DaneIdentyfikacyjne>\n\t\t\t<NIP>{nip}</NIP>\n\t\t</DaneIdentyfikacyjne>\n\t\t<Rola>2</Rola>\n\t</Podmiot3>\n"
        )
    };
    let blocks = format!(
        "\t</Podmiot2>\n{}{}",
        third("5261040828"),
        third("1234567080")
    );
    let doc = variant(&[("\t</Podmiot2>\n", &blocks)]);
    assert_one(
        &doc,
        Environment::Prd,
        "FA3-NIP-001",
        "/Faktura/Podmiot3[2]/DaneIdentyfikacyjne/NIP",
        Severity::Error,
    );
    // The remainder-10 NIP ends in 0 but is still invalid.
    let message = &findings(&doc, Environment::Prd, "FA3-NIP-001")[0].message;
    assert!(message.contains("remainder is 10"), "{message}");
}

#[test]
fn valid_nips_are_not_reported_anywhere() {
    for env in Environment::ALL {
        assert!(findings(&base(), env, "FA3-NIP-001").is_empty());
    }
}

#[test]
fn internal_id_checksum_is_an_error_only_on_production() {
    let doc = variant(&[(
        "\t</Podmiot2>\n",
        "\t</Podmiot2>\n\t<Podmiot3>\n\t\t<DaneIdentyfikacyjne>\n\t\t\t<IDWew>5265877636-00001</IDWew>\n\t\t</DaneIdentyfikacyjne>\n\t\t<Rola>2</Rola>\n\t</Podmiot3>\n",
    )]);
    let path = "/Faktura/Podmiot3[1]/DaneIdentyfikacyjne/IDWew";
    assert_one(&doc, Environment::Prd, "FA3-NIP-002", path, Severity::Error);
    assert_one(
        &doc,
        Environment::Test,
        "FA3-NIP-002",
        path,
        Severity::Warning,
    );
    assert_one(
        &doc,
        Environment::Demo,
        "FA3-NIP-002",
        path,
        Severity::Warning,
    );
    // A NIP checksum in IDWew is not FA3-NIP-001's business.
    assert!(findings(&doc, Environment::Prd, "FA3-NIP-001").is_empty());
}

#[test]
fn placeholder_nip_is_a_warning_on_production_and_an_info_elsewhere() {
    let doc = variant(&[("<NIP>5265877635</NIP>", "<NIP>9999999999</NIP>")]);
    let path = "/Faktura/Podmiot1/DaneIdentyfikacyjne/NIP";
    assert_one(
        &doc,
        Environment::Prd,
        "FA3-ID-003",
        path,
        Severity::Warning,
    );
    assert_one(&doc, Environment::Test, "FA3-ID-003", path, Severity::Info);
    assert_one(&doc, Environment::Demo, "FA3-ID-003", path, Severity::Info);
    // A placeholder passes the checksum, so FA3-NIP-001 stays quiet.
    assert!(findings(&doc, Environment::Prd, "FA3-NIP-001").is_empty());
}

#[test]
fn bank_account_checksum_is_a_warning_and_other_formats_an_info() {
    let account = |nr: &str| {
        format!(
            "<FormaPlatnosci>6</FormaPlatnosci>\n\t\t\t<RachunekBankowy>\n\t\t\t\t<NrRB>{nr}</NrRB>\n\t\t\t</RachunekBankowy>"
        )
    };
    let path = "/Faktura/Fa/Platnosc/RachunekBankowy[1]/NrRB";
    let bad = account("PL61109010140000071219812875");
    let doc = variant(&[("<FormaPlatnosci>6</FormaPlatnosci>", &bad)]);
    assert_one(
        &doc,
        Environment::Prd,
        "FA3-ID-014",
        path,
        Severity::Warning,
    );
    let other = account("123456789012");
    let doc = variant(&[("<FormaPlatnosci>6</FormaPlatnosci>", &other)]);
    assert_one(&doc, Environment::Prd, "FA3-ID-014", path, Severity::Info);
    let good = account("61109010140000071219812874");
    let doc = variant(&[("<FormaPlatnosci>6</FormaPlatnosci>", &good)]);
    assert!(findings(&doc, Environment::Prd, "FA3-ID-014").is_empty());
}

#[test]
fn swift_country_is_a_warning_and_a_country_mismatch_an_info() {
    let account = |swift: &str| {
        format!(
            "<FormaPlatnosci>6</FormaPlatnosci>\n\t\t\t<RachunekBankowy>\n\t\t\t\t<NrRB>PL61109010140000071219812874</NrRB>\n\t\t\t\t<SWIFT>{swift}</SWIFT>\n\t\t\t</RachunekBankowy>"
        )
    };
    let path = "/Faktura/Fa/Platnosc/RachunekBankowy[1]/SWIFT";
    let bad = account("BREXXXPW");
    let doc = variant(&[("<FormaPlatnosci>6</FormaPlatnosci>", &bad)]);
    assert_one(
        &doc,
        Environment::Prd,
        "FA3-ID-016",
        path,
        Severity::Warning,
    );
    let german = account("COBADEFFXXX");
    let doc = variant(&[("<FormaPlatnosci>6</FormaPlatnosci>", &german)]);
    assert_one(&doc, Environment::Prd, "FA3-ID-016", path, Severity::Info);
    let polish = account("BPKOPLPWXXX");
    let doc = variant(&[("<FormaPlatnosci>6</FormaPlatnosci>", &polish)]);
    assert!(findings(&doc, Environment::Prd, "FA3-ID-016").is_empty());
}

#[test]
fn settings_overrides_still_apply() {
    let doc = variant(&[BUYER_NIP]);
    let mut s = settings(Environment::Prd, "FA3-NIP-001");
    s.selection
        .severity
        .insert("FA3-NIP-001".into(), Severity::Info);
    let report = fa3::validate(doc.as_bytes(), &s).unwrap();
    let found: Vec<_> = report.with_code("FA3-NIP-001").collect();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Info);
}

/// The official examples use placeholder NIPs and made-up KSeF numbers: the
/// identifier rules may warn about those (and the placeholder REGON), but no
/// identifier rule reports an error, and nothing else fires.
#[test]
fn official_examples_get_only_the_expected_identifier_findings() {
    let expected: BTreeSet<&str> = ["FA3-ID-003", "FA3-ID-006", "FA3-ID-009"]
        .into_iter()
        .collect();
    let now = "2026-11-21T12:00:00Z".parse().unwrap();
    let mut seen = BTreeSet::new();
    for file in common::official_examples() {
        let bytes = std::fs::read(&file).unwrap();
        let report = fa3::validate(&bytes, &Settings::at(now)).unwrap();
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("FA3-ID-") || d.code.starts_with("FA3-NIP-"))
        {
            assert_ne!(d.severity, Severity::Error, "{}: {d}", file.display());
            assert!(
                expected.contains(d.code),
                "{}: unexpected {d}",
                file.display()
            );
            seen.insert(d.code);
        }
    }
    // Each expected finding does occur: the examples' quirks are detected.
    assert_eq!(seen, expected);
}
