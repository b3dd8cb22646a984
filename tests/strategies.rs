//! Whole-invoice strategies: every generated invoice is valid — the schema
//! accepts it (fa3's validator, and libxml2 on a sample) and the full check
//! at the profile's `now` reports no error and no warning.
#![cfg(feature = "proptest")]
#![allow(clippy::unwrap_used, clippy::print_stdout, clippy::print_stderr)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use fa3::facts::Kind;
use fa3::strategies::{ALL_KINDS, InvoiceProfile, arb_invoice_with};
use fa3::{Faktura, Settings, Severity};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

/// The findings above info level, as `CODE message` lines.
fn problems(invoice: &Faktura, settings: &Settings) -> Vec<String> {
    let xml = fa3::to_xml(invoice).unwrap();
    let report = fa3::validate(xml.as_bytes(), settings).unwrap();
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| format!("{} {} at {}", d.code, d.message, d.path))
        .collect()
}

/// The lines of an invoice and the rows of its order.
fn rows_of(invoice: &Faktura) -> usize {
    invoice.fa.fa_wiersz.len()
        + invoice
            .fa
            .zamowienie
            .as_ref()
            .map_or(0, |z| z.zamowienie_wiersz.len())
}

fn check_kind(kind: Kind, cases: u32) {
    let profile = InvoiceProfile::new().with_kinds(&[kind]);
    let settings = Settings::at(profile.now());
    let mut runner = TestRunner::new(ProptestConfig::with_cases(cases));
    runner
        .run(&arb_invoice_with(profile), |invoice| {
            prop_assert_eq!(fa3::facts::Kind::of(&invoice), kind);
            let found = problems(&invoice, &settings);
            prop_assert!(found.is_empty(), "{}", found.join("\n"));
            Ok(())
        })
        .unwrap();
}

macro_rules! valid_per_kind {
    ($($name:ident: $kind:expr),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check_kind($kind, 48);
            }
        )*
    };
}

valid_per_kind! {
    vat_invoices_are_valid: Kind::Vat,
    kor_invoices_are_valid: Kind::Kor,
    zal_invoices_are_valid: Kind::Zal,
    roz_invoices_are_valid: Kind::Roz,
    upr_invoices_are_valid: Kind::Upr,
    kor_zal_invoices_are_valid: Kind::KorZal,
    kor_roz_invoices_are_valid: Kind::KorRoz,
}

#[test]
fn invoices_with_thousands_of_lines_are_valid() {
    let profile = InvoiceProfile::new()
        .with_kinds(&[Kind::Vat, Kind::Kor, Kind::Zal])
        .with_rows(1000..=fa3::strategies::MAX_ROWS);
    let settings = Settings::at(profile.now());
    let mut runner = TestRunner::new(ProptestConfig::with_cases(3));
    runner
        .run(&arb_invoice_with(profile), |invoice| {
            prop_assert!(rows_of(&invoice) >= 1000);
            let found = problems(&invoice, &settings);
            prop_assert!(found.is_empty(), "{}", found.join("\n"));
            Ok(())
        })
        .unwrap();
}

/// An invoice of each kind with the most lines stays within KSeF's
/// 1,000,000 bytes and passes the check (a simplified invoice keeps to its
/// 450 PLN, so to fewer lines).
#[test]
fn the_largest_invoices_are_valid() {
    for kind in ALL_KINDS {
        let profile = InvoiceProfile::new()
            .with_kinds(&[kind])
            .with_rows(fa3::strategies::MAX_ROWS..=fa3::strategies::MAX_ROWS);
        let settings = Settings::at(profile.now());
        let mut runner = TestRunner::deterministic();
        let invoice = arb_invoice_with(profile)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let xml = fa3::to_xml(&invoice).unwrap();
        assert!(xml.len() < 1_000_000, "{kind}: {} bytes", xml.len());
        let rows = rows_of(&invoice);
        if kind != Kind::Upr {
            assert!(
                rows >= fa3::strategies::MAX_ORDER_ROWS,
                "{kind}: {rows} rows"
            );
        }
        let found = problems(&invoice, &settings);
        assert!(found.is_empty(), "{kind}: {}", found.join("\n"));
    }
}

#[test]
fn other_moments_and_currencies_are_valid() {
    for (now, currency) in [
        ("2026-02-01T00:30:00Z", "EUR"),
        ("2026-07-15T23:59:00Z", "PLN"),
        ("2027-01-04T06:00:00Z", "GBP"),
    ] {
        let profile = InvoiceProfile::new()
            .with_now(now.parse().unwrap())
            .with_currencies(&[currency])
            .with_rows(1..=3);
        let settings = Settings::at(profile.now());
        let mut runner = TestRunner::new(ProptestConfig::with_cases(32));
        runner
            .run(&arb_invoice_with(profile), |invoice| {
                let found = problems(&invoice, &settings);
                prop_assert!(found.is_empty(), "{now} {currency}: {}", found.join("\n"));
                Ok(())
            })
            .unwrap();
    }
}

/// Every scenario shows up: the rate groups, the methods and the optional
/// parts the strategies promise.
#[test]
fn generated_invoices_cover_the_catalog() {
    let profile = InvoiceProfile::new();
    let strategy = arb_invoice_with(profile);
    let mut runner = TestRunner::deterministic();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for _ in 0..1500 {
        let invoice = strategy.new_tree(&mut runner).unwrap().current();
        let xml = fa3::to_xml(&invoice).unwrap();
        for (label, needle) in FEATURES {
            if xml.contains(needle) {
                *seen.entry(label).or_default() += 1;
            }
        }
    }
    let missing: Vec<&str> = FEATURES
        .iter()
        .map(|(l, _)| *l)
        .filter(|l| !seen.contains_key(l))
        .collect();
    assert!(missing.is_empty(), "never generated: {missing:?}");
}

const FEATURES: [(&str, &str); 36] = [
    ("VAT", "<RodzajFaktury>VAT<"),
    ("KOR", "<RodzajFaktury>KOR<"),
    ("ZAL", "<RodzajFaktury>ZAL<"),
    ("ROZ", "<RodzajFaktury>ROZ<"),
    ("UPR", "<RodzajFaktury>UPR<"),
    ("KOR_ZAL", "<RodzajFaktury>KOR_ZAL<"),
    ("KOR_ROZ", "<RodzajFaktury>KOR_ROZ<"),
    ("23", "<P_12>23<"),
    ("22", "<P_12>22<"),
    ("8", "<P_12>8<"),
    ("7", "<P_12>7<"),
    ("5", "<P_12>5<"),
    ("4", "<P_12>4<"),
    ("3", "<P_12>3<"),
    ("0 KR", "<P_12>0 KR<"),
    ("0 WDT", "<P_12>0 WDT<"),
    ("0 EX", "<P_12>0 EX<"),
    ("zw", "<P_12>zw<"),
    ("np I", "<P_12>np I<"),
    ("np II", "<P_12>np II<"),
    ("oo", "<P_12>oo<"),
    ("margin", "<P_13_11>"),
    ("OSS", "<P_12_XII>"),
    ("gross method", "<P_11A>"),
    ("foreign currency with rate", "<KursWaluty>"),
    ("advance rate", "<KursWalutyZ>"),
    ("tax in PLN", "<P_14_1W>"),
    ("reverse charge", "<P_18>1<"),
    ("split payment", "<P_18A>1<"),
    ("exemption", "<P_19>1<"),
    ("JST", "<Rola>8<"),
    ("GV", "<Rola>10<"),
    ("several buyers", "<Udzial>"),
    ("partial payments", "<ZaplataCzesciowa>"),
    ("transport", "<Transport>"),
    ("attachment", "<Zalacznik>"),
];

fn xmllint_available() -> bool {
    Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success() || !o.stderr.is_empty())
}

/// Runs xmllint (offline, the schemas through a catalog) over `files`;
/// returns the files it did not validate, with its messages.
fn xmllint(dir: &Path, files: &[PathBuf]) -> Vec<String> {
    let schemas = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("schemas")
        .join("fa3");
    let prefix = "http://crd.gov.pl/xml/schematy/dziedzinowe/mf/2022/01/05/eD/DefinicjeTypy/";
    let target = format!("file://{}/", schemas.display());
    let mut catalog = String::from(
        "<?xml version=\"1.0\"?>\n<catalog xmlns=\"urn:oasis:names:tc:entity:xmlns:xml:catalog\" prefer=\"system\">\n",
    );
    let _ = writeln!(
        catalog,
        "  <rewriteSystem systemIdStartString=\"{prefix}\" rewritePrefix=\"{target}\"/>\n  <rewriteURI uriStartString=\"{prefix}\" rewritePrefix=\"{target}\"/>\n</catalog>"
    );
    let catalog_path = dir.join("catalog.xml");
    std::fs::write(&catalog_path, catalog).unwrap();
    let output = Command::new("xmllint")
        .env("XML_CATALOG_FILES", &catalog_path)
        .arg("--nonet")
        .arg("--noout")
        .arg("--schema")
        .arg(schemas.join("schemat_FA(3)_v1-0E.xsd"))
        .args(files)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    files
        .iter()
        .filter(|f| !stderr.contains(&format!("{} validates", f.display())))
        .map(|f| {
            let name = f.display().to_string();
            let why: Vec<&str> = stderr
                .lines()
                .filter(|l| l.starts_with(&name))
                .take(3)
                .collect();
            format!("{name}: {}", why.join(" | "))
        })
        .collect()
}

/// True when xmllint runs; outside CI its absence skips the check of
/// `what` with a note, in CI it fails the test.
fn xmllint_or_skip(what: &str) -> bool {
    if xmllint_available() {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "xmllint (libxml2-utils) is required for this test in CI"
    );
    eprintln!("note: xmllint not found; skipping the libxml2 check of {what}");
    false
}

#[test]
fn libxml2_accepts_a_sample() {
    if !xmllint_or_skip("generated invoices") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for kind in ALL_KINDS {
        let strategy = arb_invoice_with(InvoiceProfile::new().with_kinds(&[kind]));
        write_samples(dir.path(), &kind.to_string(), &strategy, 20, &mut files);
    }
    let rejected = xmllint(dir.path(), &files);
    assert!(rejected.is_empty(), "{}", rejected.join("\n"));
}

/// Writes `count` invoices of `strategy` to `dir` as `name-i.xml`.
fn write_samples(
    dir: &Path,
    name: &str,
    strategy: &impl Strategy<Value = Faktura>,
    count: usize,
    files: &mut Vec<PathBuf>,
) {
    let mut runner = TestRunner::deterministic();
    for i in 0..count {
        let invoice = strategy.new_tree(&mut runner).unwrap().current();
        let path = dir.join(format!("{name}-{i}.xml"));
        std::fs::write(&path, fa3::to_xml(&invoice).unwrap()).unwrap();
        files.push(path);
    }
}

/// The invoices of the defects break a rule, not the schema: libxml2
/// accepts two of each.
#[test]
fn libxml2_accepts_the_defects() {
    use fa3::strategies::{violating, violation_codes};
    if !xmllint_or_skip("defects") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for code in violation_codes() {
        write_samples(dir.path(), code, &violating(code).unwrap(), 2, &mut files);
    }
    let rejected = xmllint(dir.path(), &files);
    assert!(rejected.is_empty(), "{}", rejected.join("\n"));
}

/// The large run: `cargo test --release --all-features --test strategies
/// -- --ignored`. Prints the count per kind and the time taken.
#[test]
#[ignore = "large run (100,000 invoices); run with --release -- --ignored"]
fn large_run_is_valid() {
    let profile = InvoiceProfile::new();
    let settings = Settings::at(profile.now());
    let strategy = arb_invoice_with(profile);
    let mut runner = TestRunner::deterministic();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let start = Instant::now();
    // FA3_LARGE_RUN sets another count (e.g. for a quick look).
    let total: usize = std::env::var("FA3_LARGE_RUN")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    for i in 1..=total {
        let invoice = strategy.new_tree(&mut runner).unwrap().current();
        let found = problems(&invoice, &settings);
        assert!(found.is_empty(), "{}", found.join("\n"));
        *counts.entry(Kind::of(&invoice).to_string()).or_default() += 1;
        if i % 5_000 == 0 {
            println!(
                "{i} invoices valid after {:.1?}: {counts:?}",
                start.elapsed()
            );
        }
    }
    println!(
        "{total} invoices valid in {:.1?}: {counts:?}",
        start.elapsed()
    );
    assert_eq!(counts.values().sum::<usize>(), total);
    assert_eq!(counts.len(), ALL_KINDS.len());
}

/// Each defect generator makes invoices that its rule reports; the test
/// also counts how often the rule is the only error or warning.
#[test]
fn every_defect_trips_its_rule() {
    use fa3::strategies::{violating, violation_codes};
    let settings = Settings::at(InvoiceProfile::new().now());
    let mut failures = Vec::new();
    let mut report_lines = Vec::new();
    // FA3_DEFECT_CASES sets another count per rule (e.g. for a larger run).
    let cases: usize = std::env::var("FA3_DEFECT_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(24);
    for code in violation_codes() {
        let strategy = violating(code).unwrap();
        let mut runner = TestRunner::deterministic();
        let (mut tripped, mut alone) = (0, 0);
        let mut others: BTreeMap<String, usize> = BTreeMap::new();
        for _ in 0..cases {
            let Ok(tree) = strategy.new_tree(&mut runner) else {
                failures.push(format!(
                    "{code}: the strategy finds no invoice the defect fits"
                ));
                break;
            };
            let xml = fa3::to_xml(&tree.current()).unwrap();
            let report = fa3::validate(xml.as_bytes(), &settings).unwrap();
            if report.diagnostics.iter().any(|d| d.code == code) {
                tripped += 1;
            }
            let extra: Vec<String> = report
                .diagnostics
                .iter()
                .filter(|d| d.code != code && d.severity != Severity::Info)
                .map(|d| d.code.to_string())
                .collect();
            if extra.is_empty() {
                alone += 1;
            }
            for e in extra {
                *others.entry(e).or_default() += 1;
            }
        }
        if tripped < cases {
            failures.push(format!("{code}: tripped {tripped} of {cases}"));
        }
        report_lines.push(format!(
            "{code}: tripped {tripped}/{cases}, alone {alone}/{cases} {others:?}"
        ));
    }
    println!("{}", report_lines.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every rule has a defect generator or a stated reason for having none.
#[test]
fn every_rule_has_a_defect_or_a_reason() {
    use fa3::strategies::{no_violation_reason, violation_codes};
    let codes = violation_codes();
    for rule in fa3::rules::RULES {
        let code = rule.meta.code;
        assert!(
            codes.contains(&code) != no_violation_reason(code).is_some(),
            "{code}: exactly one of a defect and a reason"
        );
    }
    assert!(codes.len() >= 133, "{} defects", codes.len());
    assert_eq!(no_violation_reason("no such rule"), None);
}

/// A document rule without a defect says why in its own words: no two
/// share a reason, and none gets the answer for a rule nobody looked at.
#[test]
fn document_rules_without_a_defect_have_their_own_reason() {
    use fa3::rules::Check;
    use fa3::strategies::no_violation_reason;
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for rule in fa3::rules::RULES {
        if !matches!(rule.check, Check::Document(_)) {
            continue;
        }
        let code = rule.meta.code;
        let Some(reason) = no_violation_reason(code) else {
            continue;
        };
        assert!(
            reason != "no defect generator",
            "{code}: no defect and no reason of its own"
        );
        assert!(reason.contains("Settings::"), "{code}: {reason}");
        if let Some(other) = seen.insert(reason, code) {
            panic!("{code} and {other} share a reason");
        }
    }
}
