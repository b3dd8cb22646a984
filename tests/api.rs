//! The public API as a user sees it: the chosen entry points and types are
//! reachable from outside the crate, and the library refuses settings that
//! name no rule instead of silently selecting nothing.

#![allow(clippy::unwrap_used, clippy::panic)]

use fa3::rules::{Check, RULES, Rule, RuleMeta};
use fa3::run::{FileResult, Input, RunOptions};
use fa3::{
    Diagnostic, Environment, Error, Faktura, Limits, LineIndex, ParseError, Report, Selection,
    SessionMode, Settings, Severity, TimeZone,
};

const EXAMPLE: &[u8] = fa3::samples::EXAMPLE;

fn now() -> Settings {
    Settings::at("2026-11-21T12:00:00Z".parse().unwrap())
}

/// The unknown entry `validate` reports for `settings`.
fn refused(settings: &Settings) -> (String, &'static str) {
    match fa3::validate(EXAMPLE, settings) {
        Err(Error::UnknownRule { code, setting }) => (code, setting),
        other => panic!("expected Error::UnknownRule, got {other:?}"),
    }
}

#[test]
fn the_chosen_api_is_reachable() {
    // Entry points.
    let report: Report = fa3::validate(EXAMPLE, &now()).unwrap();
    assert!(report.is_valid());
    assert!(fa3::is_valid(EXAMPLE));
    let invoice: Faktura = fa3::parse(EXAMPLE).unwrap();
    assert_eq!(
        fa3::parse(fa3::to_xml(&invoice).unwrap().as_bytes()),
        Ok(invoice)
    );
    let bad: ParseError = fa3::parse(b"<Faktura/>").unwrap_err();
    assert!(!bad.diagnostics.is_empty());

    // Settings and their parts, built from their defaults.
    let mut settings = Settings::default();
    settings.env = Environment::Test;
    settings.mode = SessionMode::Online;
    settings.tz = TimeZone::warsaw();
    settings.limits = Limits::default();
    settings.selection = Selection::default();
    assert!(settings.validate().is_ok());

    // Diagnostics, located through the public line index.
    let d = Diagnostic::new("FA3-DATE-001", Severity::Error, "m").with_span(2..3);
    let mut located = d.clone();
    located.locate(&LineIndex::new(b"a\nbc"));
    assert_eq!((located.line, located.column), (2, 1));

    // The rule list and metadata.
    let rule: &Rule = fa3::rules::find("FA3-DATE-001").unwrap();
    let meta: &RuleMeta = &rule.meta;
    assert_eq!(meta.code, "FA3-DATE-001");
    assert_eq!(fa3::rules::sorted().len(), RULES.len());
    assert!(RULES.iter().any(|r| matches!(r.check, Check::Document(_))));

    // The stages usable alone: byte hygiene and the XSD validator.
    let hygiene = fa3::hygiene::scan(EXAMPLE, &fa3::hygiene::HygieneLimits::default());
    assert!(hygiene.is_clean());
    assert!(fa3::schema::is_valid(EXAMPLE));
}

#[test]
fn unknown_select_code_is_an_error() {
    let settings = now().only("FA3-NOPE-001");
    assert_eq!(refused(&settings), ("FA3-NOPE-001".into(), "select"));
}

#[test]
fn prefix_that_matches_no_rule_is_an_error() {
    let mut settings = now();
    settings.selection.select.push("FA3-NIPX".into());
    assert_eq!(refused(&settings), ("FA3-NIPX".into(), "select"));
    // A prefix must end at a `-`: `FA3-NI` is no prefix of `FA3-NIP-001`.
    let mut settings = now();
    settings.selection.ignore.push("FA3-NI".into());
    assert_eq!(refused(&settings), ("FA3-NI".into(), "ignore"));
}

#[test]
fn unknown_ignore_code_is_an_error() {
    let mut settings = now();
    settings.selection.ignore.push("FA3-DATE-999".into());
    assert_eq!(refused(&settings), ("FA3-DATE-999".into(), "ignore"));
}

#[test]
fn severity_overrides_take_exact_codes() {
    let mut settings = now();
    settings
        .selection
        .severity
        .insert("FA3-NOPE-001".into(), Severity::Info);
    assert_eq!(refused(&settings), ("FA3-NOPE-001".into(), "severity"));
    // A prefix selects rules, but an override names one rule.
    let mut settings = now();
    settings
        .selection
        .severity
        .insert("FA3-NIP".into(), Severity::Info);
    assert_eq!(refused(&settings), ("FA3-NIP".into(), "severity"));
    let err = fa3::validate(EXAMPLE, &settings).unwrap_err();
    assert_eq!(
        err.to_string(),
        "severity: `FA3-NIP` is not a rule code (see `fa3 rules`)"
    );
}

#[test]
fn known_codes_and_prefixes_are_accepted() {
    for pattern in ["FA3-NIP-001", "FA3-NIP", "FA3-NIP-", "FA3", "FA3-XSD-002"] {
        let mut settings = now();
        settings.selection.select.push(pattern.into());
        settings.selection.ignore.push(pattern.into());
        assert!(fa3::validate(EXAMPLE, &settings).is_ok(), "{pattern}");
    }
    let mut settings = now();
    settings
        .selection
        .severity
        .insert("FA3-NIP-001".into(), Severity::Info);
    assert!(fa3::validate(EXAMPLE, &settings).is_ok());
}

#[test]
fn the_error_names_the_setting_and_the_code() {
    let err = fa3::validate(EXAMPLE, &now().only("FA3-NOPE")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "select: `FA3-NOPE` is not a rule code or prefix (see `fa3 rules`)"
    );
}

#[test]
fn run_refuses_unknown_codes_before_reading_anything() {
    let settings = now().only("FA3-NOPE");
    let options = RunOptions::new(&settings);
    let inputs = vec![Input::Path("no/such/file.xml".into())];
    let mut emitted: Vec<FileResult> = Vec::new();
    let (summary, problems) = fa3::run::run(inputs, &options, |r| emitted.push(r));
    assert!(emitted.is_empty());
    assert_eq!(summary.files, 0);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].name.is_empty());
    assert!(
        matches!(&problems[0].error, Error::UnknownRule { code, setting: "select" } if code == "FA3-NOPE"),
        "{:?}",
        problems[0].error
    );
}

#[test]
fn run_with_valid_settings_checks_the_inputs() {
    let settings = now().only("FA3-NIP");
    let mut options = RunOptions::new(&settings);
    options.jobs = 1;
    let inputs = vec![Input::Bytes {
        name: "example.xml".into(),
        bytes: EXAMPLE.to_vec(),
    }];
    let mut emitted: Vec<FileResult> = Vec::new();
    let (summary, problems) = fa3::run::run(inputs, &options, |r| emitted.push(r));
    assert!(problems.is_empty());
    assert_eq!(summary.files, 1);
    assert_eq!(emitted.len(), 1);
    assert!(emitted[0].report.is_valid());
}
