//! The `fa3` binary, driven as users and pipelines drive it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use predicates::prelude::*;

const NOW: &str = "2026-11-21T12:00:00Z";
const INVALID: &str = "tests/fixtures/rules/FA3-DATE-001/invalid.xml";
const VALID: &str = "tests/fixtures/base.xml";

fn fa3() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("fa3").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("NO_COLOR");
    cmd
}

fn stdout_of(args: &[&str]) -> String {
    let out = fa3().args(args).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn exit_codes() {
    fa3().args(["check", "--now", NOW, VALID]).assert().code(0);
    fa3()
        .args(["check", "--now", NOW, INVALID])
        .assert()
        .code(1);
    fa3()
        .args(["check", "--now", NOW, "--exit-zero", INVALID])
        .assert()
        .code(0);
    fa3()
        .args(["check", "--now", NOW, "no/such/file.xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.xml"));
    fa3()
        .args(["check", "--select", "FA3-NOPE", VALID])
        .assert()
        .code(2);
    fa3()
        .args(["check", "--now", "yesterday", VALID])
        .assert()
        .code(2);
    fa3().args(["check"]).assert().code(2);
}

#[test]
fn fail_on_warning() {
    // FA3-DATE-003 is a warning when the offline24 deadline has passed.
    let old = "tests/fixtures/rules/FA3-DATE-003/invalid_deadline_passed.xml";
    fa3().args(["check", "--now", NOW, old]).assert().code(0);
    fa3()
        .args(["check", "--now", NOW, "--fail-on", "warning", old])
        .assert()
        .code(1);
}

#[test]
fn severity_override_and_selection() {
    let out = stdout_of(&[
        "check",
        "--now",
        NOW,
        "--format",
        "json",
        "--severity",
        "FA3-DATE-001=warning",
        INVALID,
    ]);
    assert!(
        out.contains(r#""code":"FA3-DATE-001","severity":"warning""#),
        "{out}"
    );
    fa3()
        .args(["check", "--now", NOW, "--ignore", "FA3-DATE", INVALID])
        .assert()
        .code(0);
}

#[test]
fn human_output() {
    let out = stdout_of(&["check", "--now", NOW, INVALID]);
    insta::assert_snapshot!("human", out);
}

#[test]
fn json_output_matches_its_schema() {
    let out = stdout_of(&["check", "--now", NOW, "--format", "json", INVALID, VALID]);
    insta::assert_snapshot!("json", out);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // The schema can reject: a diagnostic without a code fails.
    let mut broken = value.clone();
    broken["files"][0]["diagnostics"][0]
        .as_object_mut()
        .unwrap()
        .remove("code");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn jsonl_github_junit_outputs() {
    insta::assert_snapshot!(
        "jsonl",
        stdout_of(&["check", "--now", NOW, "--format", "jsonl", INVALID, VALID])
    );
    insta::assert_snapshot!(
        "github",
        stdout_of(&["check", "--now", NOW, "--format", "github", INVALID, VALID])
    );
    insta::assert_snapshot!(
        "junit",
        stdout_of(&["check", "--now", NOW, "--format", "junit", INVALID, VALID])
    );
}

#[test]
fn html_output_is_one_page() {
    let out = stdout_of(&["check", "--now", NOW, "--format", "html", INVALID, VALID]);
    assert!(out.starts_with("<!DOCTYPE html>"));
    assert!(out.contains("FA3-DATE-001"));
    assert!(out.contains("2 file(s) checked"));
    assert!(!out.contains("<script"), "no external or inline scripts");
    assert!(
        !out.contains("http://") && !out.contains("https://"),
        "self-contained"
    );
}

/// The official SARIF 2.1.0 JSON schema, from the `serde-sarif` package.
fn sarif_schema() -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let meta = Command::new(cargo)
        .args(["metadata", "--format-version", "1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let meta: serde_json::Value = serde_json::from_slice(&meta.stdout).unwrap();
    let manifest = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .expect("serde-sarif is a dev-dependency")["manifest_path"]
        .as_str()
        .unwrap()
        .to_string();
    let path = Path::new(&manifest)
        .parent()
        .unwrap()
        .join("src/schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let dir = common::official_examples();
    let mut args = vec!["check", "--now", NOW, "--format", "sarif", INVALID];
    let official: Vec<String> = dir.iter().map(|p| p.display().to_string()).collect();
    args.extend(official.iter().map(String::as_str));
    let out = stdout_of(&args);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let schema = sarif_schema();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // Every rule of the registry is described, and results point into it.
    let rules = value["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), fa3::rules::RULES.len());
    let result = &value["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "FA3-DATE-001");
    let index = usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap();
    assert_eq!(rules[index]["id"], "FA3-DATE-001");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        46
    );
    // The schema check can fail: a result without a message is rejected.
    let mut broken = value.clone();
    broken["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    assert!(!validator.is_valid(&broken));
}

#[test]
fn official_examples_in_every_format() {
    let files: Vec<String> = common::official_examples()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    // Checked together, several official examples share a key (seller
    // 9999999999, VAT, "FV2026/02/150"): a real duplicate within one run.
    let mut args = vec!["check", "--now", NOW, "--format", "jsonl"];
    args.extend(files.iter().map(String::as_str));
    let out = String::from_utf8(fa3().args(&args).output().unwrap().stdout).unwrap();
    for line in out.lines().filter(|l| l.contains(r#""severity":"error""#)) {
        assert!(line.contains("FA3-DUP-002"), "unexpected error: {line}");
    }
    assert!(out.contains("FA3-DUP-002"));
    // Apart from that, no error in any format.
    for format in ["human", "json", "jsonl", "sarif", "junit", "github", "html"] {
        let mut args = vec![
            "check",
            "--now",
            NOW,
            "--ignore",
            "FA3-DUP-002",
            "--format",
            format,
        ];
        args.extend(files.iter().map(String::as_str));
        let out = fa3().args(&args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{format}: no output");
    }
}

#[test]
fn stdin_folder_and_zip_inputs() {
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(INVALID)).unwrap();
    fa3()
        .args(["check", "--now", NOW, "--format", "jsonl", "-"])
        .write_stdin(bytes.clone())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            r#""file":"-","code":"FA3-DATE-001""#,
        ));

    // A folder is searched recursively for *.xml.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
    std::fs::write(dir.path().join("a/b/x.xml"), &bytes).unwrap();
    std::fs::write(dir.path().join("a/ignored.txt"), b"not xml").unwrap();
    let out = stdout_of(&[
        "check",
        "--now",
        NOW,
        "--format",
        "json",
        dir.path().to_str().unwrap(),
    ]);
    assert!(
        out.contains("x.xml") && !out.contains("ignored.txt"),
        "{out}"
    );

    // A ZIP package: every entry is a document; duplicate keys span the run.
    let zip_path = dir.path().join("package.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&zip_path).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    let valid = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(VALID)).unwrap();
    for name in ["one.xml", "two.xml"] {
        zip.start_file(name, options).unwrap();
        zip.write_all(&valid).unwrap();
    }
    zip.finish().unwrap();
    let out = stdout_of(&[
        "check",
        "--now",
        NOW,
        "--format",
        "jsonl",
        zip_path.to_str().unwrap(),
    ]);
    assert!(out.contains("package.zip!/two.xml"), "{out}");
    assert!(out.contains("FA3-DUP-002"), "{out}");
    assert!(
        !out.contains("package.zip!/one.xml\",\"code\":\"FA3-DUP-002"),
        "{out}"
    );
}

#[test]
fn config_file_is_found_upward() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("x/y");
    std::fs::create_dir_all(&nested).unwrap();
    std::fs::write(
        dir.path().join("fa3.toml"),
        "ignore = [\"FA3-DATE-001\"]\n[severity]\n\"FA3-DATE-002\" = \"error\"\n",
    )
    .unwrap();
    let invalid = Path::new(env!("CARGO_MANIFEST_DIR")).join(INVALID);
    let mut cmd = assert_cmd::Command::cargo_bin("fa3").unwrap();
    cmd.current_dir(&nested)
        .args(["check", "--now", NOW])
        .arg(&invalid)
        .assert()
        .code(0);
    let mut cmd = assert_cmd::Command::cargo_bin("fa3").unwrap();
    cmd.current_dir(&nested)
        .args(["check", "--no-config", "--now", NOW])
        .arg(&invalid)
        .assert()
        .code(1);
    // A bad key is a usage error.
    std::fs::write(dir.path().join("fa3.toml"), "selct = []\n").unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("fa3").unwrap();
    cmd.current_dir(&nested)
        .args(["check", "--now", NOW])
        .arg(&invalid)
        .assert()
        .code(2);
}

#[test]
fn rule_and_rules() {
    let out = stdout_of(&["rule", "FA3-DATE-001"]);
    assert!(out.contains("# FA3-DATE-001 (issue-date-in-future)"));
    assert!(out.contains("## Why it matters"));
    fa3().args(["rule", "FA3-NOPE-999"]).assert().code(2);
    let list: serde_json::Value =
        serde_json::from_str(&stdout_of(&["rules", "--format", "json"])).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), fa3::rules::RULES.len());
    for entry in list {
        for key in ["code", "name", "severity", "area"] {
            assert!(entry[key].is_string(), "{entry}");
        }
    }
    let human = stdout_of(&["rules"]);
    assert_eq!(human.lines().count(), fa3::rules::RULES.len());
}

#[test]
fn link_gives_kod_i_hash_and_size() {
    let example = "examples/invoices/FA_3_Przyklad_1.xml";
    let out = stdout_of(&["link", "--format", "json", example]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(example)).unwrap();
    let digest = fa3::links::InvoiceDigest::of(&bytes);
    assert_eq!(v["invoiceSize"], bytes.len());
    assert_eq!(v["invoiceHash"], digest.to_api_base64());
    assert_eq!(
        v["kod1"],
        format!(
            "https://qr.ksef.mf.gov.pl/invoice/9999999999/15-02-2026/{}",
            digest.to_url_b64()
        )
    );
    let test = stdout_of(&["link", "--env", "test", example]);
    assert!(test.contains("https://qr-test.ksef.mf.gov.pl/invoice/9999999999/15-02-2026/"));
}

#[test]
fn registry_record_then_check() {
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("sent.sqlite");
    fa3()
        .args(["registry", "record", "--registry"])
        .arg(&db)
        .arg(VALID)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "recorded 5265877635 VAT \"FV/2026/11/001\"",
        ));
    fa3()
        .args(["check", "--now", NOW, "--format", "jsonl", "--registry"])
        .arg(&db)
        .arg(VALID)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("FA3-DUP-001"));
    // Without the registry the same file is clean.
    fa3().args(["check", "--now", NOW, VALID]).assert().code(0);
}

#[test]
fn format_round_trips() {
    let out = fa3()
        .args(["format", "examples/invoices/FA_3_Przyklad_1.xml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let again = fa3::parse(&out.stdout).unwrap();
    let original = fa3::parse(fa3::samples::EXAMPLE).unwrap();
    assert_eq!(again, original);
    fa3()
        .args(["format", INVALID.replace("invalid", "nope").as_str()])
        .assert()
        .code(2);
}

#[test]
fn convert_turns_xml_into_json_and_back() {
    let original = fa3::parse(fa3::samples::EXAMPLE).unwrap();
    let out = fa3()
        .args([
            "convert",
            "examples/invoices/FA_3_Przyklad_1.xml",
            "--to",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["fa"]["p_2"], "FV2026/02/150");
    assert!(json["fa"]["p_15"].is_string());

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("invoice.json");
    std::fs::write(&path, &out.stdout).unwrap();
    // Detected by content, and named explicitly.
    for extra in [&[][..], &["--from", "json"][..]] {
        let back = fa3()
            .args(["convert", path.to_str().unwrap(), "--to", "xml"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(back.status.code(), Some(0));
        assert_eq!(fa3::parse(&back.stdout).unwrap(), original);
    }
    // From standard input too.
    let back = fa3()
        .args(["convert", "-", "--to", "xml"])
        .write_stdin(out.stdout.clone())
        .output()
        .unwrap();
    assert_eq!(fa3::parse(&back.stdout).unwrap(), original);
}

#[test]
fn convert_reports_unreadable_input_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, r#"{"naglowek": 1}"#).unwrap();
    fa3()
        .args(["convert", broken.to_str().unwrap(), "--to", "xml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "cannot read the invoice from JSON",
        ));
    // An XML document the model cannot read: its diagnostics.
    let xml = dir.path().join("broken.xml");
    std::fs::write(
        &xml,
        "<Faktura xmlns=\"http://crd.gov.pl/wzor/2025/06/25/13775/\"/>",
    )
    .unwrap();
    fa3()
        .args(["convert", xml.to_str().unwrap(), "--to", "json"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("broken.xml:1:"));
    // JSON whose values break a facet the XML reader checks.
    let original = fa3::parse(fa3::samples::EXAMPLE).unwrap();
    let mut json: serde_json::Value =
        serde_json::from_str(&fa3::to_json(&original).unwrap()).unwrap();
    json["fa"]["p_2"] = serde_json::json!("");
    let facet = dir.path().join("facet.json");
    std::fs::write(&facet, json.to_string()).unwrap();
    fa3()
        .args(["convert", facet.to_str().unwrap(), "--to", "xml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "does not make a readable FA(3) document",
        ));
    fa3()
        .args(["convert", "examples/invoices/nope.xml", "--to", "json"])
        .assert()
        .code(2);
}

#[test]
fn help_shows_examples_and_completions_exist() {
    for sub in ["check", "format", "convert", "rule", "rules", "link"] {
        fa3()
            .args([sub, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:"));
    }
    fa3()
        .args(["registry", "record", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"));
    fa3()
        .args(["completions", "bash"])
        .assert()
        .success()
        .stdout(predicate::str::contains("_fa3"));
}

#[test]
fn rates_file_and_tolerance() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let invoice = root.join("tests/fixtures/rules/FA3-CUR-005/valid.xml");
    let check = |extra: &[&str]| {
        let mut cmd = fa3();
        cmd.args([
            "check",
            "--no-config",
            "--now",
            NOW,
            "--select",
            "FA3-CUR-005",
            "--format",
            "jsonl",
        ])
        .args(extra)
        .arg(&invoice);
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    // Without a rates file the rule is silent; with one whose mid-rate
    // differs it fires, whatever the shape (CSV or NBP JSON).
    assert!(!check(&[]).contains("FA3-CUR-005"));
    let csv = root.join("tests/fixtures/rules/FA3-CUR-005/nbp.csv");
    assert!(!check(&["--rates", csv.to_str().unwrap()]).contains("FA3-CUR-005"));
    let json = root.join("tests/fixtures/rules/FA3-CUR-005/nbp.json");
    assert!(check(&["--rates", json.to_str().unwrap()]).contains("FA3-CUR-005"));
    // A bad file or tolerance is a usage error.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "2026-02-13;EUR;four\n").unwrap();
    fa3()
        .args([
            "check",
            "--no-config",
            "--now",
            NOW,
            "--rates",
            bad.to_str().unwrap(),
            VALID,
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a positive rate"));
    fa3()
        .args([
            "check",
            "--no-config",
            "--now",
            NOW,
            "--tolerance",
            "-1",
            VALID,
        ])
        .assert()
        .code(2);

    // The tolerance, from the flag or fa3.toml: P_15 off by 0.03.
    let off = dir.path().join("off.xml");
    let base = std::fs::read_to_string(root.join(VALID)).unwrap();
    std::fs::write(
        &off,
        base.replace("<P_15>2050.99</P_15>", "<P_15>2051.02</P_15>"),
    )
    .unwrap();
    let amounts = |extra: &[&str], cwd: &Path| {
        let mut cmd = fa3();
        cmd.current_dir(cwd)
            .args([
                "check",
                "--now",
                NOW,
                "--select",
                "FA3-AMT-004",
                "--format",
                "jsonl",
            ])
            .args(extra)
            .arg(&off);
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    let plain = dir.path().join("plain");
    std::fs::create_dir_all(&plain).unwrap();
    std::fs::write(plain.join("fa3.toml"), "").unwrap();
    assert!(amounts(&[], &plain).contains("FA3-AMT-004"));
    assert!(!amounts(&["--tolerance", "0.05"], &plain).contains("FA3-AMT-004"));
    let loose = dir.path().join("loose");
    std::fs::create_dir_all(&loose).unwrap();
    std::fs::write(loose.join("fa3.toml"), "tolerance = \"0.05\"\n").unwrap();
    assert!(!amounts(&[], &loose).contains("FA3-AMT-004"));
    // The flag wins over the file.
    assert!(amounts(&["--tolerance", "0.01"], &loose).contains("FA3-AMT-004"));
}

/// Devices, FIFOs and sockets are refused before anything is read from
/// them, named on the command line or found in a folder (also behind a
/// `*.xml` symlink); a folder run reports them and checks the rest.
#[cfg(unix)]
#[test]
fn non_regular_files_are_refused_without_reading_or_blocking() {
    let out = fa3()
        .args(["check", "/dev/zero"])
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/dev/zero: not a regular file"), "{stderr}");

    let dir = tempfile::tempdir().unwrap();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base.xml");
    std::fs::copy(base, dir.path().join("a.xml")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.xml")).unwrap();
    let fifo = dir.path().join("pipe.xml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = fa3()
        .args(["check", "--now", "2026-11-21T12:00:00Z", "--format", "json"])
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    // Not killed by the timeout: the run ended by itself.
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    // A link that leaves the folder is not followed at all.
    assert!(stderr.contains("zero.xml"), "{stderr}");
    assert!(
        stderr.contains("outside the folder; not followed"),
        "{stderr}"
    );
    assert!(stderr.contains("pipe.xml: not a regular file"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 1);

    // A link to a file inside the folder is followed; one to a secret
    // outside it is not, and nothing of the secret is printed.
    let secret = tempfile::tempdir().unwrap();
    std::fs::write(secret.path().join("key.xml"), "SECRET-KEY-MATERIAL").unwrap();
    std::os::unix::fs::symlink(secret.path().join("key.xml"), dir.path().join("key.xml")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("a.xml"), dir.path().join("b.xml")).unwrap();
    let out = fa3()
        .args([
            "check",
            "--now",
            "2026-11-21T12:00:00Z",
            "--format",
            "human",
        ])
        .arg(dir.path())
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("SECRET-KEY-MATERIAL"), "{all}");
    assert!(all.contains("key.xml"), "{all}");
    assert!(
        all.contains("(2 files)") || all.contains("in 2 files"),
        "{all}"
    );
}

/// A run whose inputs hold no invoice says so and exits 2, unless told
/// that an empty input is fine.
#[test]
fn a_run_with_no_invoice_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = fa3().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no invoice to check"), "{stderr}");
    let out = fa3()
        .args(["check", "--allow-empty"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no invoice to check"));
}

/// Every read is bounded: `format` and `link` refuse a device and a file
/// larger than an invoice may be, `--config` a device, and standard input
/// is read only up to just past KSeF's largest invoice.
#[cfg(unix)]
#[test]
fn reads_are_bounded() {
    let quick = std::time::Duration::from_secs(20);
    for args in [
        vec!["format", "/dev/zero"],
        vec!["link", "/dev/zero"],
        vec!["check", "--config", "/dev/zero", "tests/fixtures/base.xml"],
    ] {
        let out = fa3().args(&args).timeout(quick).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("not a regular file"), "{args:?}: {stderr}");
    }
    // A file larger than an invoice may be gets check's size finding, for
    // its real length, from format, link and registry record alike.
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.xml");
    std::fs::write(&big, vec![b' '; 5_000_000]).unwrap();
    let db = dir.path().join("sent.sqlite");
    for args in [
        vec!["format".as_ref(), big.as_os_str()],
        vec!["link".as_ref(), big.as_os_str()],
        vec![
            "registry".as_ref(),
            "record".as_ref(),
            "--registry".as_ref(),
            db.as_os_str(),
            big.as_os_str(),
        ],
    ] {
        let out = fa3().args(&args).timeout(quick).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("FA3-SIZE-001") && stdout.contains("the file is 5,000,000 bytes"),
            "{args:?}: {stdout}"
        );
    }
    // Standard input: 3,000,001 bytes are one too many.
    let out = fa3()
        .args(["check", "-"])
        .write_stdin(vec![b' '; 3_000_001])
        .timeout(quick)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input holds more than"));
}

/// `registry record` records every readable file and reports the others
/// (exit 2), instead of stopping at the first it cannot read.
#[test]
fn registry_record_goes_on_past_an_unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("sent.sqlite");
    let missing = dir.path().join("missing.xml");
    fa3()
        .args(["registry", "record", "--registry"])
        .arg(&db)
        .arg(&missing)
        .arg(VALID)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.xml"))
        .stdout(predicate::str::contains(
            "recorded 5265877635 VAT \"FV/2026/11/001\"",
        ));
}
