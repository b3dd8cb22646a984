//! Hostile input: each kind of input an attacker could hand to `fa3`, built
//! here at a size that keeps the suite quick, with the exit status, the code
//! and a bound on the work asserted as counts (findings, bytes of output,
//! one long line against the same content one element per line), never as
//! time. A run that hangs fails by the command's timeout.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

const BASE: &str = include_str!("fixtures/base.xml");
/// Long enough for any case in debug builds; a hang is what it catches.
const TIMEOUT: Duration = Duration::from_secs(120);

fn fa3() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("fa3").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env("NO_COLOR", "1");
    cmd.timeout(TIMEOUT);
    cmd
}

/// The base invoice without its test-header comment.
fn plain() -> String {
    BASE.replace("<!-- fa3-test: now=2026-11-21T12:00:00Z -->\n", "")
}

/// `plain()` with `extra` right after the `WariantFormularza` element.
fn with_extra(extra: &str) -> String {
    plain().replacen(
        "<WariantFormularza>3</WariantFormularza>",
        &format!("<WariantFormularza>3</WariantFormularza>{extra}"),
        1,
    )
}

struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&std::ffi::OsStr]) -> Out {
    let out = fa3().args(args).output().unwrap();
    Out {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn check(file: &Path, format: &str) -> Out {
    run(&[
        "check".as_ref(),
        "--no-config".as_ref(),
        "--format".as_ref(),
        format.as_ref(),
        file.as_os_str(),
    ])
}

/// The codes of a JSON Lines report, in order.
fn codes(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["code"].as_str().map(str::to_owned))
        .collect()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A FIFO and a device behind a `*.xml` name, as a path and inside a
/// folder: refused before they are opened for reading (no hang, no read of
/// /dev/zero), and a folder run goes on with its other files.
#[cfg(unix)]
#[test]
fn devices_and_fifos_are_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    let fifo = folder.join("pipe.xml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.xml")).unwrap();
    write(&folder, "ok.xml", plain());

    for path in [fifo.as_path(), Path::new("/dev/zero")] {
        let out = check(path, "jsonl");
        assert_eq!(out.code, Some(2), "{}: {}", path.display(), out.stderr);
        assert!(out.stderr.contains("not a regular file"), "{}", out.stderr);
        assert!(out.stdout.is_empty());
    }
    let out = check(&folder, "jsonl");
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("pipe.xml"), "{}", out.stderr);
    assert!(out.stderr.contains("zero.xml"), "{}", out.stderr);
    // The two problems are reported, and the readable file was checked.
    assert_eq!(
        out.stderr.lines().filter(|l| l.starts_with("fa3:")).count(),
        2
    );
    let files: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!files.is_empty());
    assert!(
        files
            .iter()
            .all(|v| v["file"].as_str().unwrap().ends_with("ok.xml"))
    );

    for command in ["format", "link"] {
        let out = run(&[command.as_ref(), fifo.as_os_str()]);
        assert_eq!(out.code, Some(2), "{command}");
        assert!(
            out.stderr.contains("not a regular file"),
            "{command}: {}",
            out.stderr
        );
    }
}

/// A `*.xml` link out of a scanned folder (to a key file) is not followed:
/// nothing of its target gets into the report.
#[cfg(unix)]
#[test]
fn links_out_of_a_folder_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let secret = write(
        dir.path(),
        "key.pem",
        "<k>-----BEGIN PRIVATE KEY----- SECRET-MATERIAL</k>",
    );
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    std::os::unix::fs::symlink(&secret, folder.join("key.xml")).unwrap();
    for format in ["human", "html", "json"] {
        let out = check(&folder, format);
        assert_eq!(out.code, Some(2), "{format}");
        assert!(out.stderr.contains("outside the folder"), "{}", out.stderr);
        assert!(!out.stdout.contains("SECRET-MATERIAL"), "{format}");
        assert!(!out.stderr.contains("SECRET-MATERIAL"));
    }
}

/// Many findings on one long line cost what the same findings cost one per
/// line: the same findings, and output of the same order (each excerpt is a
/// window of the line, not the line).
#[test]
fn findings_on_one_long_line_cost_what_they_cost_one_per_line() {
    const N: usize = 3_000;
    let dir = tempfile::tempdir().unwrap();
    let one = write(dir.path(), "one.xml", with_extra(&"<X/>".repeat(N)));
    let per = write(
        dir.path(),
        "per.xml",
        with_extra(&vec!["<X/>"; N].join("\n")),
    );
    let (a, b) = (check(&one, "jsonl"), check(&per, "jsonl"));
    assert_eq!((a.code, b.code), (Some(1), Some(1)));
    let (ca, cb) = (codes(&a.stdout), codes(&b.stdout));
    assert_eq!(ca.len(), N, "{:?}", &ca[..3]);
    assert_eq!(ca, cb);
    for format in ["human", "html"] {
        let (a, b) = (check(&one, format), check(&per, format));
        // An excerpt is at most a 240-character window: the long line's
        // report is a few times the other's (its windows are full), not N
        // times.
        assert!(
            a.stdout.len() < b.stdout.len() * 5,
            "{format}: {} bytes on one line, {} one per line",
            a.stdout.len(),
            b.stdout.len()
        );
        assert!(a.stdout.len() < N * 1_200, "{format}: {}", a.stdout.len());
    }
}

/// 100,000 attributes on one element, and 45,000 namespace declarations,
/// under the size limit: one FA3-XSD-014 finding each, before any pairwise
/// check.
#[test]
fn attributes_and_namespace_declarations_are_capped() {
    let dir = tempfile::tempdir().unwrap();
    let mut attributes = String::new();
    for i in 0..100_000 {
        write!(attributes, " a{i:x}=\"\"").unwrap();
    }
    let mut declarations = String::new();
    for i in 0..45_000 {
        write!(declarations, " xmlns:n{i:x}=\"u\"").unwrap();
    }
    for (name, extra) in [("attributes", attributes), ("namespaces", declarations)] {
        let doc = plain().replacen("<Naglowek>", &format!("<Naglowek{extra}>"), 1);
        assert!(doc.len() < 1_000_000, "{name}: {} bytes", doc.len());
        let file = write(dir.path(), &format!("{name}.xml"), doc);
        let out = check(&file, "jsonl");
        assert_eq!(out.code, Some(1), "{name}");
        let found = codes(&out.stdout);
        assert_eq!(found, ["FA3-XSD-014"], "{name}");
        assert!(out.stdout.len() < 2_000, "{name}: {}", out.stdout.len());
    }
}

/// A ZIP of entries that inflate to 4 MB each: every entry is read only up
/// to the cap, and its finding gives its real length from the entry header.
#[cfg(feature = "zip")]
#[test]
fn zip_entries_inflating_past_the_cap_get_their_real_size() {
    use std::io::Write as _;
    const ENTRIES: usize = 12;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("package.zip");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let blanks = vec![b' '; 4_000_000];
    for i in 0..ENTRIES {
        zip.start_file(format!("{i}.xml"), options).unwrap();
        zip.write_all(&blanks).unwrap();
    }
    zip.finish().unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 1_000_000);
    let out = check(&path, "jsonl");
    assert_eq!(out.code, Some(1));
    let found = codes(&out.stdout);
    assert_eq!(found, vec!["FA3-SIZE-001"; ENTRIES]);
    assert_eq!(
        out.stdout.matches("the file is 4,000,000 bytes").count(),
        ENTRIES
    );
}

/// A file larger than any invoice is not read whole, and its finding gives
/// its real length (not the length read).
#[test]
fn a_large_file_gets_its_real_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut doc = plain().into_bytes();
    doc.resize(7_000_000, b' ');
    let file = write(dir.path(), "big.xml", doc);
    let out = check(&file, "jsonl");
    assert_eq!(out.code, Some(1));
    assert_eq!(codes(&out.stdout), ["FA3-SIZE-001"]);
    assert!(
        out.stdout.contains("the file is 7,000,000 bytes"),
        "{}",
        out.stdout
    );
}

/// A value of 900,000 characters (the same shape as 100 MB, scaled to the
/// size limit): every command's output quotes it in part, with its length.
#[test]
fn a_huge_value_is_quoted_in_part_by_every_command() {
    const LEN: usize = 900_000;
    let dir = tempfile::tempdir().unwrap();
    let value = "V".repeat(LEN);
    let doc = plain().replacen(
        "<SystemInfo>SamploFaktur</SystemInfo>",
        &format!("<SystemInfo>{value}</SystemInfo>"),
        1,
    );
    let file = write(dir.path(), "long.xml", doc);
    // The same finding for a value of 300 characters: the reports differ
    // by a few bytes, not by the value.
    let short = write(
        dir.path(),
        "short.xml",
        plain().replacen(
            "<SystemInfo>SamploFaktur</SystemInfo>",
            &format!("<SystemInfo>{}</SystemInfo>", "V".repeat(300)),
            1,
        ),
    );
    for format in ["human", "json", "github", "junit", "html", "sarif"] {
        let out = check(&file, format);
        let baseline = check(&short, format);
        assert_eq!(out.code, Some(1), "{format}");
        assert!(
            out.stdout.len() < baseline.stdout.len() + 200,
            "{format}: {} bytes, {} for the short value",
            out.stdout.len(),
            baseline.stdout.len()
        );
        assert!(
            out.stdout.contains(&format!("({LEN} characters)")),
            "{format}: {}",
            out.stdout
        );
    }
    let db = dir.path().join("sent.sqlite");
    for args in [
        vec!["format".as_ref(), file.as_os_str()],
        vec!["link".as_ref(), file.as_os_str()],
        vec![
            "registry".as_ref(),
            "record".as_ref(),
            "--registry".as_ref(),
            db.as_os_str(),
            file.as_os_str(),
        ],
    ] {
        let out = run(&args);
        let printed = out.stdout.len() + out.stderr.len();
        // Whatever the command says about the value, it does not print it
        // whole (format would print the invoice itself only if it kept all).
        assert!(
            !out.stdout.contains(&value) || out.code == Some(0),
            "{args:?}"
        );
        if out.code != Some(0) {
            assert!(printed < 20_000, "{args:?}: {printed} bytes");
        }
    }
}

/// Control characters of an invoice (ESC, BEL) and a file name with a line
/// end and a workflow command cannot steer the terminal or the CI runner.
#[cfg(unix)]
#[test]
fn control_characters_and_file_names_cannot_steer_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let doc = plain().replacen(
        "<SystemInfo>SamploFaktur</SystemInfo>",
        "<SystemInfo>\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}</SystemInfo>",
        1,
    );
    let file = write(dir.path(), "a\n::error file=x::owned.xml", doc);
    for format in ["human", "html", "junit", "github", "json", "sarif"] {
        let out = check(&file, format);
        assert_eq!(out.code, Some(1), "{format}: {}", out.stderr);
        assert!(
            !out.stdout.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "{format}: {:?}",
            out.stdout
        );
        assert!(
            !out.stdout.lines().any(|l| l.starts_with("::error file=x")),
            "{format}"
        );
    }
    let out = check(&file, "github");
    let commands: Vec<&str> = out.stdout.lines().collect();
    assert!(!commands.is_empty());
    assert!(commands.iter().all(|l| l.starts_with("::")), "{commands:?}");
    assert!(
        commands
            .iter()
            .all(|l| l.contains("%0A%3A%3Aerror file=x%3A%3Aowned.xml"))
    );
    // JUnit: well-formed XML whatever the name and the message hold.
    let out = check(&file, "junit");
    let mut reader = quick_xml::Reader::from_str(&out.stdout);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("junit output is not XML: {e}"),
        }
    }
    // The other commands show the name escaped as well.
    let out = run(&["format".as_ref(), file.as_os_str()]);
    assert!(!out.stdout.lines().any(|l| l.starts_with("::error")));
    assert!(!out.stdout.contains('\u{1b}'));
}

/// Input in UTF-16 and a PDF get one named finding each, not one a byte.
#[test]
fn wide_encodings_and_pdf_get_one_named_finding() {
    let dir = tempfile::tempdir().unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(plain().encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let file = write(dir.path(), "utf16.xml", utf16);
    let out = check(&file, "jsonl");
    assert_eq!(out.code, Some(1));
    assert_eq!(codes(&out.stdout), ["FA3-XML-003"]);
    assert!(out.stdout.contains("UTF-16"), "{}", out.stdout);

    let file = write(
        dir.path(),
        "scan.xml",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
    );
    let out = check(&file, "jsonl");
    assert_eq!(out.code, Some(1));
    assert_eq!(codes(&out.stdout).len(), 1, "{}", out.stdout);
    assert!(out.stdout.contains("PDF"), "{}", out.stdout);
}

/// A folder with no invoice is said so, with exit 2 unless allowed.
#[test]
fn an_empty_folder_is_not_a_silent_success() {
    let dir = tempfile::tempdir().unwrap();
    let out = check(dir.path(), "human");
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("no invoice to check"));
}

/// `fa3 format` keeps everything or prints nothing: an `xsi:` attribute
/// and a comment, which the typed model has no place for, are findings with
/// a code and exit 1; an attribute the schema does not declare is the
/// schema's finding, and nothing is printed either.
#[test]
fn format_never_drops_content_silently() {
    let dir = tempfile::tempdir().unwrap();
    let doc = plain().replacen(
        "<Naglowek>",
        "<Naglowek xsi:schemaLocation=\"urn:x schema.xsd\"><!-- note -->",
        1,
    );
    let file = write(dir.path(), "lossy.xml", doc);
    let out = run(&["format".as_ref(), file.as_os_str()]);
    assert_eq!(out.code, Some(1));
    assert!(!out.stdout.contains("<Faktura"), "printed the invoice");
    let findings: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert!(findings.iter().all(|l| l.contains("FA3-XML-012")));
    assert!(
        findings.iter().any(|l| l.contains("comment `note`")),
        "{findings:?}"
    );
    assert!(
        findings
            .iter()
            .any(|l| l.contains("attribute schemaLocation")),
        "{findings:?}"
    );

    let undeclared = plain().replacen(
        "<WariantFormularza>3</WariantFormularza>",
        "<WariantFormularza unknown=\"kept?\">3</WariantFormularza>",
        1,
    );
    let file = write(dir.path(), "undeclared.xml", undeclared);
    let out = run(&["format".as_ref(), file.as_os_str()]);
    assert_eq!(out.code, Some(1));
    assert!(!out.stdout.contains("<Faktura"), "printed the invoice");
    assert!(out.stdout.contains("FA3-XSD-009"), "{}", out.stdout);

    let clean = write(dir.path(), "clean.xml", plain());
    let out = run(&["format".as_ref(), clean.as_os_str()]);
    assert_eq!(out.code, Some(0));
    assert!(out.stdout.contains("<Faktura"));
}

/// The fuzz seeds (one for each hostile shape above, small) go through the
/// library without a panic, each with at least one finding or a clean
/// report that `fa3 format` can write back.
#[test]
fn fuzz_seeds_are_handled() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let settings = fa3::Settings::at("2026-11-21T12:00:00Z".parse().unwrap());
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() < 10_000, "{}: seeds stay small", path.display());
        let report = fa3::validate(&bytes, &settings).unwrap();
        assert!(
            !report.diagnostics.is_empty() || fa3::format::format(&bytes).is_ok(),
            "{}",
            path.display()
        );
        seen += 1;
    }
    assert!(seen >= 15, "{seen} seeds");
}
