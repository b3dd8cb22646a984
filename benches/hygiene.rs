//! Throughput of the byte-level pre-scan (`fa3::hygiene::scan`), which runs
//! on every invoice.
//!
//! Inputs: the official example 1 as it is, and three documents of just under
//! 1,000,000 bytes (the largest invoice without attachment): example 1 with
//! its invoice lines repeated, the same with every line's text in Polish, and
//! an attachment-sized document checked against the 3,000,000-byte limit.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fa3::hygiene::{HygieneLimits, scan};

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/corpus/official/FA_3_Przykład_1.xml"
);

fn find(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len())
        .position(|w| w == needle)
        .expect("marker in example 1")
}

/// Example 1 with its first `FaWiersz` (possibly rewritten by `line`)
/// repeated until the document is just under `size` bytes.
fn grown(size: usize, line: impl Fn(&[u8]) -> Vec<u8>) -> Vec<u8> {
    let doc = std::fs::read(EXAMPLE).expect("official example 1");
    let start = find(&doc, b"<FaWiersz>");
    let end = find(&doc, b"</FaWiersz>") + b"</FaWiersz>".len();
    let row = line(&doc[start..end]);
    let mut out = doc[..end].to_vec();
    let tail = &doc[end..];
    while out.len() + row.len() + tail.len() < size {
        out.extend_from_slice(&row);
    }
    out.extend_from_slice(tail);
    assert!(out.len() <= size);
    out
}

fn polish(row: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(row.to_vec()).unwrap();
    text.replace(
        "lodówka Zimnotech mk1",
        "Łódź, żółć gęślą jaźń; zażółć gęślą jaźń — źdźbło",
    )
    .into_bytes()
}

fn bench(c: &mut Criterion) {
    let limits = HygieneLimits::default();
    let inputs = [
        ("example-1", std::fs::read(EXAMPLE).unwrap()),
        ("1MB-invoice", grown(1_000_000, <[u8]>::to_vec)),
        ("1MB-polish", grown(1_000_000, polish)),
    ];
    let mut group = c.benchmark_group("hygiene");
    for (name, doc) in &inputs {
        assert!(scan(doc, &limits).is_clean(), "{name} must be clean");
        group.throughput(Throughput::Bytes(doc.len() as u64));
        group.bench_function(*name, |b| b.iter(|| scan(black_box(doc), &limits)));
    }
    // The floor: what validating the same bytes as UTF-8 alone costs.
    let (_, doc) = &inputs[2];
    group.throughput(Throughput::Bytes(doc.len() as u64));
    group.bench_function("1MB-polish-std-from_utf8", |b| {
        b.iter(|| std::str::from_utf8(black_box(doc)).is_ok());
    });
    // Over 1,000,000 bytes the scan first looks for a Zalacznik to pick the limit.
    let mut big = grown(2_900_000, <[u8]>::to_vec);
    let close = find(&big, b"</Faktura>");
    big.splice(close..close, b"<Zalacznik/>".iter().copied());
    assert!(scan(&big, &limits).is_clean());
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("2.9MB-with-Zalacznik", |b| {
        b.iter(|| scan(black_box(&big), &limits));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
