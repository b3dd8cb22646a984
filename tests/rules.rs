//! The rule registry and each rule's fixtures.
//!
//! Every registered rule has `tests/fixtures/rules/<CODE>/valid.xml` and at
//! least one `invalid*.xml`. The valid fixture produces no error-level finding
//! with every rule enabled; each invalid fixture fires its own code when that
//! rule runs alone. A fixture's settings come from a header comment:
//! `<!-- fa3-test: now=2026-11-21T12:00:00Z; mode=batch; opened=...; env=test -->`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fa3::rules::{Check, RULES};
use fa3::{Settings, Severity};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// Settings from the fixture's `fa3-test:` header.
fn fixture_settings(bytes: &[u8]) -> Settings {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(600)]);
    let mut settings = Settings::default();
    let Some(start) = head.find("fa3-test:") else {
        return settings;
    };
    let rest = &head[start + "fa3-test:".len()..];
    let header = &rest[..rest.find("-->").unwrap_or(rest.len())];
    let mut opened = None;
    let mut batch = false;
    for item in header.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let (k, v) = item
            .split_once('=')
            .unwrap_or_else(|| panic!("bad header item {item}"));
        match k.trim() {
            "now" => settings.now = Some(v.trim().parse().unwrap()),
            "opened" => opened = Some(v.trim().parse().unwrap()),
            "mode" => batch = v.trim() == "batch",
            "env" => settings.env = v.trim().parse().unwrap(),
            "tz" => settings.tz = Settings::parse_tz(v.trim()).unwrap(),
            "attachments" => settings.attachments_allowed = Some(v.trim() == "allowed"),
            "max_size" => settings.limits.max_size = v.trim().parse().unwrap(),
            "max_size_with_attachment" => {
                settings.limits.max_size_with_attachment = v.trim().parse().unwrap();
            }
            other => panic!("unknown fixture header key {other}"),
        }
    }
    if batch {
        settings.mode = fa3::SessionMode::Batch { opened_at: opened };
    }
    settings
}

fn fixture_files(code: &str) -> (Option<PathBuf>, Vec<PathBuf>) {
    let dir = fixtures_dir().join(code);
    let mut invalid = Vec::new();
    let mut valid = None;
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if name == "valid.xml" {
                valid = Some(p);
            } else if name.starts_with("invalid")
                && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("xml"))
            {
                invalid.push(p);
            }
        }
    }
    invalid.sort();
    (valid, invalid)
}

fn document_level(check: Check) -> bool {
    matches!(check, Check::Document(_) | Check::Hygiene | Check::Schema)
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = BTreeSet::new();
    let mut names = BTreeSet::new();
    for rule in RULES {
        let m = &rule.meta;
        assert!(codes.insert(m.code), "duplicate code {}", m.code);
        assert!(names.insert(m.name), "duplicate name {}", m.name);
        // `FA3-<AREA>-<NNN>`: the area in capitals (`ID`, `NIP`, `DATE`, ...).
        let parts: Vec<&str> = m.code.split('-').collect();
        assert!(
            matches!(parts.as_slice(), ["FA3", area, number]
                if area.len() >= 2 && area.bytes().all(|b| b.is_ascii_uppercase())
                    && number.len() == 3 && number.bytes().all(|b| b.is_ascii_digit())),
            "bad code {}",
            m.code
        );
        assert!(
            m.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "name {} is not kebab-case",
            m.name
        );
        assert!(!m.since.is_empty());
    }
}

#[test]
fn every_rule_is_documented() {
    for rule in RULES {
        let docs = rule.meta.docs_text();
        for section in [
            "## What it checks",
            "## Why it matters",
            "## Example",
            "## Fix",
        ] {
            assert!(
                docs.contains(section),
                "{}: docs lack `{section}`",
                rule.meta.code
            );
        }
        assert!(
            !rule.meta.summary().is_empty(),
            "{}: empty summary",
            rule.meta.code
        );
    }
}

#[test]
fn every_rule_file_is_registered() {
    // Count `declare_rule!` invocations in src/rules and compare with RULES.
    fn walk(dir: &Path, found: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, found);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for (i, _) in text.match_indices("crate::declare_rule!") {
                    let after = &text[i..];
                    let code_at = after.find("code: \"").unwrap() + 7;
                    let code = &after[code_at..code_at + after[code_at..].find('"').unwrap()];
                    found.push(code.to_string());
                }
            }
        }
    }
    let mut declared = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules"),
        &mut declared,
    );
    declared.sort();
    let mut registered: Vec<String> = RULES.iter().map(|r| r.meta.code.to_string()).collect();
    registered.sort();
    assert_eq!(declared, registered, "declared rules and RULES differ");
}

#[test]
fn every_rule_has_fixtures() {
    for rule in RULES {
        let (valid, invalid) = fixture_files(rule.meta.code);
        assert!(valid.is_some(), "{}: no valid.xml", rule.meta.code);
        assert!(!invalid.is_empty(), "{}: no invalid*.xml", rule.meta.code);
    }
}

#[test]
fn valid_fixtures_have_no_errors() {
    for rule in RULES.iter().filter(|r| document_level(r.check)) {
        let (Some(valid), _) = fixture_files(rule.meta.code) else {
            continue;
        };
        let bytes = std::fs::read(&valid).unwrap();
        let report = fa3::check(&bytes, &fixture_settings(&bytes)).report;
        let errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", valid.display());
    }
}

#[test]
fn invalid_fixtures_fire_their_code() {
    for rule in RULES.iter().filter(|r| document_level(r.check)) {
        let code = rule.meta.code;
        let (valid, invalid) = fixture_files(code);
        for file in &invalid {
            let bytes = std::fs::read(file).unwrap();
            let settings = fixture_settings(&bytes).only(code);
            let report = fa3::check(&bytes, &settings).report;
            assert!(
                report.with_code(code).next().is_some(),
                "{} does not fire {code}; got {:#?}",
                file.display(),
                report.diagnostics
            );
            // A finding always says where: a path or a position.
            for d in report.with_code(code) {
                assert!(
                    d.line > 0 || !d.path.is_empty(),
                    "{}: unlocated {d}",
                    file.display()
                );
            }
        }
        // The valid fixture does not fire the rule at error level alone either.
        if let Some(valid) = valid {
            let bytes = std::fs::read(&valid).unwrap();
            let report = fa3::check(&bytes, &fixture_settings(&bytes).only(code)).report;
            assert!(
                !report
                    .with_code(code)
                    .any(|d| d.severity == Severity::Error),
                "{}: valid fixture fires {code}",
                valid.display()
            );
        }
    }
}

#[test]
fn official_examples_have_no_errors() {
    let now = "2026-11-21T12:00:00Z".parse().unwrap();
    for file in common::official_examples() {
        let bytes = std::fs::read(&file).unwrap();
        let report = fa3::check(&bytes, &Settings::at(now)).report;
        let errors: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}
