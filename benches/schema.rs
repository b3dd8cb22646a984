//! Schema validation throughput.
//!
//! * `schema/official/<name>` — each official example;
//! * `schema/official-all` — all 26 examples, one after another;
//! * `schema/fawiersz-<n>` — example 1 with its invoice line repeated n
//!   times (n = 100, 1000, 10000; 10000 is FA(3)'s maximum of `FaWiersz`);
//! * `schema/full-validator/…` — the same documents through the full
//!   validator alone (`validate_without_fast_path`), which is what an invalid
//!   document costs on top of the fast path's attempt;
//! * `schema/quick-xml-events-10000` — only reading the events of the
//!   10,000-line invoice with quick-xml, the floor of the full validator.
//!
//! `cargo bench --bench schema`
#![allow(missing_docs)] // criterion's macros generate undocumented functions

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fa3::schema::{SchemaLimits, validate, validate_without_fast_path};

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
    let limits = SchemaLimits::default();
    let docs = corpus();
    let mut group = c.benchmark_group("schema");
    for (name, bytes) in docs.iter().take(4) {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("official/{name}"), |b| {
            b.iter(|| validate(black_box(bytes), &limits));
        });
    }
    let total: usize = docs.iter().map(|(_, b)| b.len()).sum();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("official-all", |b| {
        b.iter(|| {
            for (_, bytes) in &docs {
                black_box(validate(black_box(bytes), &limits));
            }
        });
    });
    group.bench_function("full-validator/official-all", |b| {
        b.iter(|| {
            for (_, bytes) in &docs {
                black_box(validate_without_fast_path(black_box(bytes), &limits));
            }
        });
    });
    let base = docs
        .iter()
        .find(|(n, _)| n.ends_with("_1"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .unwrap_or_default();
    for rows in [100, 1000, 10_000] {
        let doc = fa3::samples::xml_with_rows(&base, rows).into_bytes();
        assert!(
            validate(&doc, &limits).is_empty(),
            "the {rows}-line invoice must be valid"
        );
        group.throughput(Throughput::Bytes(doc.len() as u64));
        group.sample_size(if rows == 10_000 { 20 } else { 50 });
        group.bench_function(format!("fawiersz-{rows}"), |b| {
            b.iter(|| validate(black_box(&doc), &limits));
        });
        if rows == 10_000 {
            group.bench_function("full-validator/fawiersz-10000", |b| {
                b.iter(|| validate_without_fast_path(black_box(&doc), &limits));
            });
            group.bench_function("quick-xml-events-10000", |b| {
                b.iter(|| {
                    let mut reader =
                        quick_xml::reader::Reader::from_reader(black_box(doc.as_slice()));
                    let mut n = 0usize;
                    while !matches!(
                        reader.read_event(),
                        Ok(quick_xml::events::Event::Eof) | Err(_)
                    ) {
                        n += 1;
                    }
                    n
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
