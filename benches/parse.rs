//! Parse and serialize throughput on the official examples and on a
//! 10,000-line invoice.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn official() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/official");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

fn bench(c: &mut Criterion) {
    let docs = official();
    let bytes: usize = docs.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("official-26");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("parse", |b| {
        b.iter(|| {
            for d in &docs {
                let _ = black_box(fa3::parse(black_box(d)));
            }
        });
    });
    let parsed: Vec<_> = docs.iter().filter_map(|d| fa3::parse(d).ok()).collect();
    group.bench_function("serialize", |b| {
        b.iter(|| {
            for inv in &parsed {
                let _ = black_box(fa3::to_xml(black_box(inv)));
            }
        });
    });
    group.finish();

    let Ok(large) = fa3::samples::invoice_with_rows(10_000) else {
        return;
    };
    let Ok(large_xml) = fa3::to_xml(&large) else {
        return;
    };
    let mut group = c.benchmark_group("rows-10000");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(large_xml.len() as u64));
    group.bench_function("parse", |b| {
        b.iter(|| black_box(fa3::parse(black_box(large_xml.as_bytes()))));
    });
    group.bench_function("serialize", |b| {
        b.iter(|| black_box(fa3::to_xml(black_box(&large))));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
