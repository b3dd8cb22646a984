//! The rule registry and each rule's fixtures.
//!
//! Every registered rule has `tests/fixtures/rules/<CODE>/valid.xml` and at
//! least one `invalid*.xml`. The valid fixture produces no error-level finding
//! with every rule enabled; each invalid fixture fires its own code when that
//! rule runs alone (or, for the few rules listed in `OTHER_ENTRY_POINTS`,
//! when the fixture goes through the entry point that reports them). A
//! fixture's settings come from a header comment:
//! `<!-- fa3-test: now=2026-11-21T12:00:00Z; mode=batch; opened=...; env=test -->`
//! (also `tolerance=0.02`, and `rates=tests/fixtures/...` for an exchange-rates
//! file, relative to the crate root).
//!
//! Rules checked across documents (`Check::Batch`) run through `fa3::run`:
//! `valid.xml` alone fires nothing, and `valid.xml` with each `invalid*.xml`
//! in one run fires the code on the invalid document (or on the package or
//! run). Their headers may also seed the registry of sent invoices
//! (`sent=NIP|RodzajFaktury|P_2|P_1`, repeatable) and ask for a ZIP package
//! (`package=zip`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use fa3::registry::{DupKey, MemoryRegistry, Registry, SentRecord};
use fa3::rules::{Check, RULES};
use fa3::run::{FileResult, Input, RunOptions, Summary};
use fa3::{Settings, Severity};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

/// The `key=value` items of the fixture's `fa3-test:` header, in order.
fn fixture_header(bytes: &[u8]) -> Vec<(String, String)> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(600)]);
    let Some(start) = head.find("fa3-test:") else {
        return Vec::new();
    };
    let rest = &head[start + "fa3-test:".len()..];
    let header = &rest[..rest.find("-->").unwrap_or(rest.len())];
    header
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| {
            let (k, v) = item
                .split_once('=')
                .unwrap_or_else(|| panic!("bad header item {item}"));
            (k.trim().to_string(), v.trim().to_string())
        })
        .collect()
}

/// Settings from the fixture's `fa3-test:` header.
fn fixture_settings(bytes: &[u8]) -> Settings {
    let mut settings = Settings::default();
    let mut opened = None;
    let mut mode = None;
    for (k, v) in fixture_header(bytes) {
        match k.as_str() {
            "now" => settings.now = Some(v.parse().unwrap()),
            "opened" => opened = Some(v.parse().unwrap()),
            "mode" => mode = Some(v),
            "env" => settings.env = v.parse().unwrap(),
            "tz" => settings.tz = Settings::parse_tz(&v).unwrap(),
            "attachments" => {
                settings.attachments_allowed = Some(match v.as_str() {
                    "allowed" => true,
                    "forbidden" => false,
                    other => panic!("attachments={other}: expected allowed or forbidden"),
                });
            }
            "form_code" => settings.form_code = Some(v),
            "max_size" => settings.limits.max_size = v.parse().unwrap(),
            "max_depth" => settings.limits.max_depth = v.parse().unwrap(),
            "max_size_with_attachment" => {
                settings.limits.max_size_with_attachment = v.parse().unwrap();
            }
            "max_invoices" => settings.limits.max_invoices_per_session = v.parse().unwrap(),
            "max_part" => settings.limits.max_part_size = v.parse().unwrap(),
            "max_parts" => settings.limits.max_parts = v.parse().unwrap(),
            "max_package" => settings.limits.max_package_size = v.parse().unwrap(),
            "tolerance" => settings.tolerance = v.parse().unwrap(),
            // An exchange-rates file, relative to the crate root.
            "rates" => {
                let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(&v);
                let rates = fa3::exchange_rates::ExchangeRates::load(&path).unwrap();
                settings.exchange_rates = Some(std::sync::Arc::new(rates));
            }
            // Read by the batch fixtures' runner.
            "sent" | "package" => {}
            other => panic!("unknown fixture header key {other}"),
        }
    }
    match mode.as_deref() {
        None => {}
        Some("batch") => settings.mode = fa3::SessionMode::Batch { opened_at: opened },
        Some("online") => settings.mode = fa3::SessionMode::Online,
        Some(other) => panic!("mode={other}: expected online or batch"),
    }
    settings
}

/// A registry holding the header's `sent=NIP|RodzajFaktury|P_2|P_1` keys.
fn fixture_registry(bytes: &[u8]) -> MemoryRegistry {
    let registry = MemoryRegistry::new();
    for (k, v) in fixture_header(bytes) {
        if k != "sent" {
            continue;
        }
        let parts: Vec<&str> = v.split('|').collect();
        let [nip, kind, number, issued] = parts.as_slice() else {
            panic!("sent={v}: expected NIP|RodzajFaktury|P_2|P_1");
        };
        let issued: NaiveDate = issued.parse().unwrap();
        let recorded_at = issued.and_hms_opt(12, 0, 0).unwrap().and_utc();
        let record = SentRecord::new(DupKey::new(nip, kind, number), issued, recorded_at);
        registry.record(&record).unwrap();
    }
    registry
}

/// True when the header asks for the documents to be checked as one ZIP
/// package (`package=zip`).
fn fixture_is_package(bytes: &[u8]) -> bool {
    fixture_header(bytes)
        .iter()
        .any(|(k, v)| k == "package" && v == "zip")
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
    matches!(
        check,
        Check::Document(_) | Check::Hygiene | Check::Schema | Check::SchemaMapped(_)
    )
}

/// The rules whose invalid fixtures no document given to `fa3::validate`
/// can fire, with the entry point that reports them instead. Their
/// `invalid*.xml` go through that entry point in
/// `invalid_fixtures_fire_their_code` (which also requires that
/// `fa3::validate` does not fire them, so that a rule leaves this list once
/// validation reaches it again), and their output is pinned through it in
/// `every_rule_output_is_pinned`: a listed rule is tested, never skipped.
///
/// - FA3-XML-012: `fa3 format` reports what the typed model would not keep
///   (here a comment). Its other case, a schema-valid document the typed
///   model cannot read, has no known document since the model reads every
///   `xsd:integer` (a large `TerminOpis/Ilosc`, now in
///   `tests/roundtrip.rs`); `src/check.rs` tests that stage directly.
const OTHER_ENTRY_POINTS: &[(&str, EntryPoint)] = &[("FA3-XML-012", EntryPoint::Format)];

/// An entry point of the library other than `fa3::validate`.
#[derive(Debug, Clone, Copy)]
enum EntryPoint {
    /// `fa3::format::format` (`fa3 format`), on the fixture without its
    /// `fa3-test:` header comment: the header holds settings for
    /// `fa3::validate`, and `fa3 format`, which takes none, would report it.
    Format,
}

impl EntryPoint {
    /// The findings of this entry point on a fixture.
    fn findings(self, fixture: &[u8]) -> Vec<fa3::Diagnostic> {
        match self {
            EntryPoint::Format => match fa3::format::format(&without_header(fixture)) {
                Ok(_) => Vec::new(),
                Err(report) => report.diagnostics,
            },
        }
    }
}

fn other_entry_point(code: &str) -> Option<EntryPoint> {
    OTHER_ENTRY_POINTS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|&(_, entry)| entry)
}

/// The fixture without its `<!-- fa3-test: ... -->` header comment; the
/// line it was on stays (empty), so that findings keep the fixture's lines.
fn without_header(bytes: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(bytes).unwrap();
    let Some(start) = text.find("<!-- fa3-test:") else {
        return bytes.to_vec();
    };
    let end = start + text[start..].find("-->").unwrap() + "-->".len();
    format!("{}{}", &text[..start], &text[end..]).into_bytes()
}

/// Every rule in [`OTHER_ENTRY_POINTS`] is registered and checks single
/// documents, so that `invalid_fixtures_fire_their_code` reaches it; and the
/// header is the only thing [`without_header`] removes.
#[test]
fn other_entry_points_are_document_rules() {
    for (code, _) in OTHER_ENTRY_POINTS {
        let rule = RULES.iter().find(|r| r.meta.code == *code);
        let rule = rule.unwrap_or_else(|| panic!("{code} is not a registered rule"));
        assert!(
            document_level(rule.check),
            "{code} is not checked per document"
        );
    }
    let fixture =
        b"<?xml version=\"1.0\"?>\n<!-- fa3-test: now=2026-11-21T12:00:00Z -->\n<a><!-- b --></a>";
    assert_eq!(
        without_header(fixture),
        b"<?xml version=\"1.0\"?>\n\n<a><!-- b --></a>"
    );
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = BTreeSet::new();
    let mut names = BTreeSet::new();
    for rule in RULES {
        let m = &rule.meta;
        assert!(codes.insert(m.code), "duplicate code {}", m.code);
        assert!(names.insert(m.name), "duplicate name {}", m.name);
        // `FA3-<AREA>-<NNN>`: the area in capitals (`ID`, `NIP`, `DATE`, ...),
        // digits allowed after the first letter (`PM1`, `PM2`: the catalog's
        // seller and buyer areas).
        let parts: Vec<&str> = m.code.split('-').collect();
        assert!(
            matches!(parts.as_slice(), ["FA3", area, number]
                if area.len() >= 2 && area.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
                    && area.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
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

/// `select` and `ignore` take codes and prefixes that end at a `-`
/// (moved here from `src/settings.rs`, which names no code).
#[test]
fn prefix_selection() {
    let mut sel = fa3::Selection::default();
    sel.select = vec!["FA3-NIP".into(), "FA3-DATE-001".into()];
    sel.ignore = vec!["FA3-NIP-002".into()];
    assert!(sel.is_enabled("FA3-NIP-001"));
    assert!(!sel.is_enabled("FA3-NIP-002"));
    assert!(sel.is_enabled("FA3-DATE-001"));
    assert!(!sel.is_enabled("FA3-DATE-0010"));
    assert!(!sel.is_enabled("FA3-DATE-002"));
    assert!(!sel.is_enabled("FA3-NIPX-001"));
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
        let report = fa3::validate(&bytes, &fixture_settings(&bytes)).unwrap();
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
        let entry = other_entry_point(code);
        for file in &invalid {
            let bytes = std::fs::read(file).unwrap();
            let settings = fixture_settings(&bytes).only(code);
            let report = fa3::validate(&bytes, &settings).unwrap();
            let found: Vec<fa3::Diagnostic> = match entry {
                None => report.diagnostics,
                Some(entry) => {
                    assert!(
                        report.with_code(code).next().is_none(),
                        "{}: fa3::validate fires {code}; take it off OTHER_ENTRY_POINTS",
                        file.display()
                    );
                    entry.findings(&bytes)
                }
            };
            let fired: Vec<&fa3::Diagnostic> = found.iter().filter(|d| d.code == code).collect();
            assert!(
                !fired.is_empty(),
                "{} does not fire {code} ({entry:?}); got {found:#?}",
                file.display(),
            );
            // A finding always says where: a path or a position.
            for d in fired {
                assert!(
                    d.line > 0 || !d.path.is_empty(),
                    "{}: unlocated {d}",
                    file.display()
                );
            }
        }
        // The valid fixture does not fire the rule alone, at any severity.
        if let Some(valid) = valid {
            let bytes = std::fs::read(&valid).unwrap();
            let report = fa3::validate(&bytes, &fixture_settings(&bytes).only(code)).unwrap();
            assert!(
                report.with_code(code).next().is_none(),
                "{}: valid fixture fires {code}: {:#?}",
                valid.display(),
                report.diagnostics
            );
            if let Some(entry) = entry {
                let found = entry.findings(&bytes);
                assert!(
                    found.iter().all(|d| d.code != code),
                    "{}: valid fixture fires {code} ({entry:?}): {found:#?}",
                    valid.display()
                );
            }
        }
    }
}

#[test]
fn official_examples_have_no_errors() {
    let now = "2026-11-21T12:00:00Z".parse().unwrap();
    for file in common::official_examples() {
        let bytes = std::fs::read(&file).unwrap();
        let report = fa3::validate(&bytes, &Settings::at(now)).unwrap();
        let errors: Vec<String> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
    }
}

/// Runs `fa3::run` over `files` with the settings and registry of
/// `header_from`'s header, as separate files or as one ZIP package, and
/// returns every result.
fn run_fixtures(files: &[&Path], header_from: &Path, only: &str) -> Vec<FileResult> {
    run_with(files, header_from, only, false).0
}

/// [`run_fixtures`], also returning the run's summary and the folder that
/// holds a package; `keep_bytes` keeps the documents for source excerpts.
fn run_with(
    files: &[&Path],
    header_from: &Path,
    only: &str,
    keep_bytes: bool,
) -> (Vec<FileResult>, Summary, tempfile::TempDir) {
    let header = std::fs::read(header_from).unwrap();
    let settings = fixture_settings(&header).only(only);
    let registry = fixture_registry(&header);
    let dir = tempfile::tempdir().unwrap();
    let inputs = if fixture_is_package(&header) {
        vec![Input::Path(zip_package(dir.path(), files))]
    } else {
        files.iter().map(|f| Input::Path(f.to_path_buf())).collect()
    };
    let mut options = RunOptions::new(&settings);
    options.jobs = 1;
    options.registry = Some(&registry);
    options.keep_bytes = keep_bytes;
    let mut results = Vec::new();
    let (summary, problems) = fa3::run::run(inputs, &options, |r| results.push(r));
    assert!(
        problems.is_empty(),
        "{}: {:?}",
        header_from.display(),
        problems
            .iter()
            .map(|p| format!("{}: {}", p.name, p.error))
            .collect::<Vec<_>>()
    );
    (results, summary, dir)
}

#[cfg(feature = "zip")]
fn zip_package(dir: &Path, files: &[&Path]) -> PathBuf {
    use std::io::Write;
    let path = dir.join("package.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (i, f) in files.iter().enumerate() {
        let name = format!("{i}-{}", f.file_name().unwrap().to_string_lossy());
        zip.start_file(name, options).unwrap();
        zip.write_all(&std::fs::read(f).unwrap()).unwrap();
    }
    zip.finish().unwrap();
    path
}

#[cfg(not(feature = "zip"))]
fn zip_package(_dir: &Path, _files: &[&Path]) -> PathBuf {
    panic!("package fixtures need the `zip` feature")
}

/// The names of the results that carry `code`.
fn firing(results: &[FileResult], code: &str) -> Vec<String> {
    results
        .iter()
        .filter(|r| r.report.with_code(code).next().is_some())
        .map(|r| r.name.clone())
        .collect()
}

#[test]
fn batch_rules_fire_across_documents() {
    let (mut checked, mut skipped, mut total) = (0, 0, 0);
    for rule in RULES.iter().filter(|r| matches!(r.check, Check::Batch)) {
        let code = rule.meta.code;
        let (Some(valid), invalid) = fixture_files(code) else {
            panic!("{code}: no valid.xml");
        };
        total += invalid.len();
        let valid_bytes = std::fs::read(&valid).unwrap();
        if fixture_is_package(&valid_bytes) && !cfg!(feature = "zip") {
            skipped += invalid.len();
            continue;
        }
        let alone = run_fixtures(&[&valid], &valid, code);
        assert!(
            firing(&alone, code).is_empty(),
            "{}: fires {code} alone: {alone:#?}",
            valid.display()
        );
        for file in &invalid {
            if fixture_is_package(&std::fs::read(file).unwrap()) && !cfg!(feature = "zip") {
                skipped += 1;
                continue;
            }
            let results = run_fixtures(&[&valid, file], file, code);
            let fired = firing(&results, code);
            assert!(
                !fired.is_empty(),
                "{} with valid.xml does not fire {code}: {results:#?}",
                file.display()
            );
            // valid.xml is `…/valid.xml`, or `package.zip!/0-valid.xml`.
            let is_valid =
                |name: &str| matches!(name.rsplit('/').next(), Some("valid.xml" | "0-valid.xml"));
            assert!(
                fired.iter().all(|name| !is_valid(name)),
                "{}: {code} fires on valid.xml: {fired:?}",
                file.display()
            );
            // A finding on a document says where; package and run findings
            // are about the whole input.
            for r in &results {
                for d in r.report.with_code(code) {
                    let is_document = Path::new(&r.name)
                        .extension()
                        .is_some_and(|x| x.eq_ignore_ascii_case("xml"));
                    if is_document {
                        assert!(
                            d.line > 0 && !d.path.is_empty(),
                            "{}: unlocated {d}",
                            r.name
                        );
                    }
                }
            }
            checked += 1;
        }
    }
    // Only package fixtures are skipped, and only without the zip feature.
    assert!(checked > 0);
    assert_eq!(checked + skipped, total);
    assert!(skipped == 0 || !cfg!(feature = "zip"));
}

/// Builds a base invoice with another `RodzajFaktury` into `dir`.
fn base_with_type(dir: &Path, name: &str, kind: &str) -> PathBuf {
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base.xml"),
    )
    .unwrap();
    let from = "<RodzajFaktury>VAT</RodzajFaktury>";
    assert!(base.contains(from));
    let path = dir.join(name);
    std::fs::write(
        &path,
        base.replace(from, &format!("<RodzajFaktury>{kind}</RodzajFaktury>")),
    )
    .unwrap();
    path
}

#[test]
fn duplicate_key_includes_the_invoice_type() {
    let dir = tempfile::tempdir().unwrap();
    let vat = base_with_type(dir.path(), "a-vat.xml", "VAT");
    let roz = base_with_type(dir.path(), "b-roz.xml", "ROZ");
    let vat_again = base_with_type(dir.path(), "c-vat.xml", "VAT");
    let settings = Settings::at("2026-11-21T12:00:00Z".parse().unwrap()).only("FA3-DUP");
    let mut options = RunOptions::new(&settings);
    options.jobs = 1;
    let check = |files: &[&PathBuf]| {
        let mut results = Vec::new();
        let inputs = files.iter().map(|f| Input::Path((*f).clone())).collect();
        let (summary, problems) = fa3::run::run(inputs, &options, |r| results.push(r));
        assert!(problems.is_empty());
        assert_eq!(summary.files, files.len());
        firing(&results, "FA3-DUP-002")
    };
    // Same number, VAT and ROZ: two keys.
    assert!(check(&[&vat, &roz]).is_empty());
    // Same number and type: the second one is reported.
    let fired = check(&[&vat, &roz, &vat_again]);
    assert_eq!(fired, vec![vat_again.display().to_string()]);
}

/// The human rendering of each rule's invalid fixtures with only that rule
/// selected (message, help, path, line:column), pinned as a snapshot in
/// `tests/snapshots/rules/`. Document rules run on the fixture alone; rules
/// across documents run on `valid.xml` and the fixture together.
#[cfg(feature = "serde")]
#[test]
fn every_rule_output_is_pinned() {
    use std::fmt::Write;
    let root = format!("{}/", env!("CARGO_MANIFEST_DIR"));
    let mut pinned = 0;
    for rule in RULES {
        let code = rule.meta.code;
        let (valid, invalid) = fixture_files(code);
        for file in &invalid {
            let bytes = std::fs::read(file).unwrap();
            if fixture_is_package(&bytes) && !cfg!(feature = "zip") {
                continue;
            }
            let text = if let Some(entry) = other_entry_point(code) {
                // One line per finding, as `fa3 format` prints them.
                let name = file.display().to_string().replace(&root, "");
                let mut text = format!("{entry:?}:\n");
                for d in entry.findings(&bytes) {
                    writeln!(text, "{name}:{d}").unwrap();
                }
                text
            } else {
                let files: Vec<&Path> = match (&valid, rule.check) {
                    (Some(v), Check::Batch) => vec![v.as_path(), file.as_path()],
                    _ => vec![file.as_path()],
                };
                let (results, summary, dir) = run_with(&files, file, code, true);
                let mut out = Vec::new();
                {
                    let mut human = fa3::render::Human::new(Box::new(&mut out), false);
                    for r in &results {
                        fa3::render::Renderer::file(&mut human, r).unwrap();
                    }
                    fa3::render::Renderer::finish(&mut human, &summary).unwrap();
                }
                String::from_utf8(out)
                    .unwrap()
                    .replace(&format!("{}/", dir.path().display()), "<tmp>/")
                    .replace(&root, "")
            };
            assert!(
                text.contains(code),
                "{}: the rendering does not name {code}:\n{text}",
                file.display()
            );
            let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
            insta::with_settings!({
                snapshot_path => "snapshots/rules",
                prepend_module_to_snapshot => false,
                omit_expression => true,
            }, {
                insta::assert_snapshot!(format!("{code}__{stem}"), text);
            });
            pinned += 1;
        }
    }
    assert!(pinned >= RULES.len());
}

/// Every finding on the 26 official examples (all rules, every severity,
/// `now` = 2026-11-21T12:00:00Z), pinned: a new rule that fires on them, or
/// a change of code, path or position, shows here. The official examples
/// are ground truth, so a new error or warning on them is a false alarm.
#[test]
fn official_example_findings_are_pinned() {
    use std::fmt::Write;
    let now = "2026-11-21T12:00:00Z".parse().unwrap();
    let mut text = String::new();
    for file in common::official_examples() {
        let bytes = std::fs::read(&file).unwrap();
        let report = fa3::validate(&bytes, &Settings::at(now)).unwrap();
        let name = file.file_name().unwrap().to_string_lossy();
        let _ = writeln!(text, "{name}: {}", report.diagnostics.len());
        for d in &report.diagnostics {
            let _ = writeln!(
                text,
                "  {}:{} {} [{}] {}",
                d.line, d.column, d.code, d.severity, d.path
            );
        }
    }
    insta::assert_snapshot!(text);
}
