//! Writes the benchmark inputs used by `scripts/bench-vs-xmllint.sh` and
//! `benches/schema.rs`:
//!
//! * `DIR/many/` — the 26 official examples copied 40 times (1,040 files), each
//!   copy with its own `P_2`;
//! * `DIR/big-10000.xml` — an official example whose single invoice line is
//!   repeated with `NrWierszaFa` 1..=10000 (the FA(3) maximum of `FaWiersz`);
//! * `DIR/big-4000.xml` — the same with 4,000 lines (0.94 MB, under KSeF's
//!   1,000,000-byte limit for an invoice without attachments).
//!
//! ```text
//! cargo run --release --example bench_corpus -- DIR
//! ```

use std::path::{Path, PathBuf};

fn main() -> std::io::Result<()> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/bench-corpus".into()),
    );
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/official");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();

    let many = out.join("many");
    std::fs::create_dir_all(&many)?;
    for copy in 0..40 {
        for (i, f) in files.iter().enumerate() {
            // Each copy gets its own invoice number, so that a full check
            // sees 1,040 distinct invoices rather than 1,014 duplicates.
            let bytes = std::fs::read(f)?;
            std::fs::write(
                many.join(format!("c{copy:02}-{i:02}.xml")),
                own_number(&bytes, copy),
            )?;
        }
    }

    let base = std::fs::read_to_string(corpus.join("FA_3_Przykład_1.xml"))?;
    std::fs::write(
        out.join("big-10000.xml"),
        fa3::samples::xml_with_rows(&base, 10_000),
    )?;
    std::fs::write(
        out.join("big-4000.xml"),
        fa3::samples::xml_with_rows(&base, 4_000),
    )?;
    Ok(())
}

/// The document with `/c<copy>` appended to its `P_2`.
fn own_number(bytes: &[u8], copy: usize) -> Vec<u8> {
    const END: &[u8] = b"</P_2>";
    match bytes.windows(END.len()).position(|w| w == END) {
        Some(at) => {
            let mut out = Vec::with_capacity(bytes.len() + 4);
            out.extend_from_slice(&bytes[..at]);
            out.extend_from_slice(format!("/c{copy:02}").as_bytes());
            out.extend_from_slice(&bytes[at..]);
            out
        }
        None => bytes.to_vec(),
    }
}
