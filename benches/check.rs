//! The default check (`fa3::validate` with default settings: hygiene,
//! schema, typed model and every rule) on an in-memory document.
//!
//! * `check/official/<name>` — each official example;
//! * `check/fawiersz-<n>` — example 1 with its invoice line repeated n times
//!   (n = 100, 1000, 4000, 10000): the cost per line should stay flat;
//! * `check/parse-<n>` — `fa3::parse` alone (schema, then the typed model)
//!   on the same documents.
//!
//! `cargo bench --bench check`
#![allow(missing_docs)] // criterion's macros generate undocumented functions

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fa3::Settings;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/official");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(&p).ok()?))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let settings = Settings::default();
    let docs = corpus();
    let mut group = c.benchmark_group("check");
    for (name, doc) in &docs {
        group.throughput(Throughput::Bytes(doc.len() as u64));
        group.bench_function(format!("official/{name}"), |b| {
            b.iter(|| fa3::validate(black_box(doc), &settings));
        });
    }
    let base = docs
        .iter()
        .find(|(n, _)| n.ends_with("_1"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    // 10,000 lines (2.4 MB) are over KSeF's size limit for an invoice: the
    // limit is raised so that every size runs the same full check.
    let mut settings = Settings::default();
    settings.limits.max_size = 10_000_000;
    for rows in [100, 1000, 4000, 10_000] {
        let doc = fa3::samples::xml_with_rows(&base, rows).into_bytes();
        assert!(
            fa3::validate(&doc, &settings).is_ok_and(|r| !r.has_errors()),
            "the {rows}-line invoice must pass the check"
        );
        group.throughput(Throughput::Elements(rows as u64));
        group.sample_size(if rows >= 4000 { 20 } else { 50 });
        group.bench_function(format!("fawiersz-{rows}"), |b| {
            b.iter(|| fa3::validate(black_box(&doc), &settings));
        });
        group.bench_function(format!("parse-{rows}"), |b| {
            b.iter(|| fa3::parse(black_box(&doc)));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
