//! Helpers shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository's root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The test corpus kept in the repository (`tests/corpus`).
pub fn corpus() -> PathBuf {
    repo().join("tests/corpus")
}

/// The 26 official FA(3) examples, sorted by name.
pub fn official_examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join("official"))
        .expect("tests/corpus/official must exist")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
}

/// The FA(2) documents of the test corpus.
pub fn fa2_documents() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus().join("fa2"))
        .expect("tests/corpus/fa2 must exist")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
}

/// True when xmllint can be run. Under CI (`CI=true`) a missing xmllint is a
/// test failure, never a skip.
pub fn xmllint_available() -> bool {
    let ok = Command::new("xmllint").arg("--version").output().is_ok();
    assert!(
        ok || !std::env::var("CI").is_ok_and(|v| v == "true"),
        "xmllint is required under CI (apt-get install libxml2-utils)"
    );
    if !ok {
        eprintln!("note: xmllint not found; oracle comparison skipped outside CI");
    }
    ok
}

/// libxml2's verdict (true = valid against FA(3)) for each file, from one
/// xmllint process, offline, through the repository's catalog
/// (`schemas/catalog.xml`).
pub fn libxml2_verdicts(files: &[PathBuf]) -> Vec<bool> {
    let schema = repo().join("schemas/fa3/schemat_FA(3)_v1-0E.xsd");
    let mut verdicts = Vec::with_capacity(files.len());
    // Keep command lines short enough.
    for chunk in files.chunks(500) {
        let out = Command::new("xmllint")
            .env("XML_CATALOG_FILES", repo().join("schemas/catalog.xml"))
            .args(["--nonet", "--noout", "--schema"])
            .arg(&schema)
            .args(chunk)
            .output()
            .expect("run xmllint");
        let stderr = String::from_utf8_lossy(&out.stderr);
        for f in chunk {
            let name = f.display().to_string();
            let valid = stderr.lines().any(|l| l == format!("{name} validates"));
            let invalid = stderr
                .lines()
                .any(|l| l == format!("{name} fails to validate"));
            // A file that could not even be parsed gets neither line.
            verdicts.push(valid && !invalid);
        }
    }
    verdicts
}
