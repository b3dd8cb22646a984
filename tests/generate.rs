//! `fa3 generate`: reproducible valid invoices, one known defect on demand.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::Path;

use predicates::prelude::*;

const NOW: &str = "2026-11-21T12:00:00Z";

fn fa3() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("fa3").unwrap();
    cmd.env_remove("NO_COLOR").env("FA3_NO_CONFIG", "1");
    cmd
}

fn generate(out: &Path, extra: &[&str]) {
    fa3()
        .args(["generate", "--now", NOW, "--out"])
        .arg(out)
        .args(extra)
        .assert()
        .success();
}

/// Every file of a folder, by name.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

#[test]
fn the_same_seed_gives_byte_identical_files() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("c"),
    );
    generate(&a, &["--count", "21", "--seed", "42"]);
    generate(&b, &["--count", "21", "--seed", "42"]);
    generate(&c, &["--count", "21", "--seed", "43"]);
    let (fa, fb, fc) = (files(&a), files(&b), files(&c));
    assert_eq!(fa.len(), 22, "21 invoices and the manifest");
    assert_eq!(fa, fb);
    assert_ne!(fa, fc);
    // A shorter run gives the first files of a longer one.
    let d = tmp.path().join("d");
    generate(&d, &["--count", "5", "--seed", "42"]);
    for (name, bytes) in files(&d) {
        if name != "manifest.json" {
            assert_eq!(fa.get(&name), Some(&bytes), "{name}");
        }
    }
}

#[test]
fn every_file_has_its_own_number_and_passes_check() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    generate(&out, &["--count", "70", "--seed", "7"]);
    let m = manifest(&out);
    let entries = m["files"].as_array().unwrap();
    assert_eq!(entries.len(), 70);
    let numbers: BTreeSet<&str> = entries
        .iter()
        .map(|e| e["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers.len(), 70, "duplicate P_2 within a run");
    let kinds: BTreeSet<&str> = entries
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.len(), 7, "{kinds:?}");
    assert!(entries.iter().all(|e| e["expected_rule"].is_null()));
    fa3()
        .args(["check", "--now", NOW, "--fail-on", "warning"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 errors, 0 warnings"));
}

#[test]
fn options_shape_the_invoices() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    generate(
        &out,
        &[
            "--count",
            "6",
            "--kind",
            "KOR",
            "--rows",
            "2..3",
            "--currency",
            "EUR",
        ],
    );
    for (name, bytes) in files(&out) {
        if name == "manifest.json" {
            continue;
        }
        let invoice = fa3::parse(&bytes).unwrap();
        assert_eq!(
            fa3::facts::Kind::of(&invoice),
            fa3::facts::Kind::Kor,
            "{name}"
        );
        assert_eq!(fa3::facts::xsd_value(&invoice.fa.kod_waluty), "EUR");
        let rows = invoice.fa.fa_wiersz.len();
        assert!((2..=6).contains(&rows), "{name}: {rows} rows");
    }
    fa3()
        .args(["check", "--now", NOW, "--fail-on", "warning"])
        .arg(&out)
        .assert()
        .success();
}

#[test]
fn invalid_files_trip_the_named_rule() {
    let tmp = tempfile::tempdir().unwrap();
    let settings = fa3::Settings::at(NOW.parse().unwrap());
    for code in [
        "FA3-AMT-004",
        "FA3-DATE-001",
        "FA3-KOR-007",
        "FA3-ZAL-003",
        "FA3-NIP-001",
        "FA3-SET-001",
        "FA3-KOR-005",
        "FA3-ROW-004",
    ] {
        let out = tmp.path().join(code);
        generate(&out, &["--count", "8", "--invalid", code]);
        let m = manifest(&out);
        for entry in m["files"].as_array().unwrap() {
            assert_eq!(entry["expected_rule"], code);
            let bytes = std::fs::read(out.join(entry["file"].as_str().unwrap())).unwrap();
            let report = fa3::validate(&bytes, &settings).unwrap();
            assert!(
                report.diagnostics.iter().any(|d| d.code == code),
                "{code}: {} does not trip it",
                entry["file"]
            );
        }
    }
}

#[test]
fn zip_output_holds_the_invoices_and_the_manifest() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a.zip"), tmp.path().join("b.zip"));
    generate(&a, &["--count", "9", "--seed", "5"]);
    generate(&b, &["--count", "9", "--seed", "5"]);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&a).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    assert_eq!(names.len(), 9);
    let is_xml = |n: &String| Path::new(n).extension().is_some_and(|e| e == "xml");
    assert!(names.iter().all(is_xml), "{names:?}");
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("a.manifest.json")).unwrap())
            .unwrap();
    assert_eq!(m["files"].as_array().unwrap().len(), 9);
    let settings = fa3::Settings::at(NOW.parse().unwrap());
    for name in &names {
        let mut bytes = Vec::new();
        zip.by_name(name).unwrap().read_to_end(&mut bytes).unwrap();
        let report = fa3::validate(&bytes, &settings).unwrap();
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.severity == fa3::Severity::Info),
            "{name}: {:?}",
            report.diagnostics
        );
    }
    fa3()
        .args(["check", "--now", NOW, "--fail-on", "warning"])
        .arg(&a)
        .assert()
        .success();
}

#[test]
fn a_rule_without_a_generator_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    fa3()
        .args(["generate", "--invalid", "FA3-NOPE-999", "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no rule has this code"));
    fa3()
        .args(["generate", "--invalid", "FA3-XML-002", "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no defect generator"));
    // A rule that only a setting makes fire names the setting.
    fa3()
        .args(["generate", "--invalid", "FA3-ATT-001", "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "Settings::mode is SessionMode::Online",
        ));
    fa3()
        .args([
            "generate",
            "--kind",
            "VAT",
            "--invalid",
            "FA3-KOR-007",
            "--out",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("KOR"));
    fa3()
        .args(["generate", "--currency", "XYZ", "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("currency"));
    fa3()
        .args(["generate", "--rows", "5..2", "--out"])
        .arg(&out)
        .assert()
        .code(2);
    assert!(!out.exists(), "nothing written on a usage error");
}
