//! `fa3 generate`: valid invoices of every kind, or invoices with one known
//! defect, written to a folder (with its `manifest.json`) or a ZIP file
//! (invoices only, as a KSeF package; `NAME.manifest.json` beside it).
//!
//! Each file `i` is drawn by its own proptest runner, seeded from the seed
//! and `i` (ChaCha), so the same seed, `--now` and options give
//! byte-identical files, and the first files of a long run are those of a
//! short one.

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::json;

use fa3::Faktura;
use fa3::facts::Kind;
use fa3::strategies::{
    ALL_KINDS, InvoiceProfile, MAX_ROWS, arb_invoice_with, no_violation_reason, violating_with,
    violation_kinds,
};

use crate::commands::Failure;

/// Runs longer than this show progress on stderr even when it is not a
/// terminal (a line every tenth).
const PROGRESS_LINES_FROM: usize = 10_000;

/// What to generate.
pub struct Request {
    pub kind: Option<Kind>,
    pub count: usize,
    pub seed: u64,
    pub now: DateTime<Utc>,
    pub rows: (usize, usize),
    pub currency: Option<String>,
    pub invalid: Option<String>,
    pub out: PathBuf,
}

/// The `--kind` value: one kind, or any (`None`).
#[derive(Debug, Clone, Copy)]
pub struct KindChoice(pub Option<Kind>);

/// `VAT`, `KOR`, ... or `any`.
pub fn parse_kind(s: &str) -> Result<KindChoice, String> {
    if s.eq_ignore_ascii_case("any") {
        return Ok(KindChoice(None));
    }
    ALL_KINDS
        .iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(s))
        .map(|k| KindChoice(Some(*k)))
        .ok_or_else(|| {
            format!("expected VAT, KOR, ZAL, ROZ, UPR, KOR_ZAL, KOR_ROZ or any, not `{s}`")
        })
}

/// `MIN..MAX` (or `N`), within 1..=MAX_ROWS.
pub fn parse_rows(s: &str) -> Result<(usize, usize), String> {
    let bad =
        || format!("expected MIN..MAX (e.g. 1..20) with 1 <= MIN <= MAX <= {MAX_ROWS}, not `{s}`");
    let (lo, hi) = match s.split_once("..") {
        Some((lo, hi)) => (lo.trim(), hi.trim().trim_start_matches('=')),
        None => (s.trim(), s.trim()),
    };
    let lo: usize = lo.parse().map_err(|_| bad())?;
    let hi: usize = hi.parse().map_err(|_| bad())?;
    if lo == 0 || lo > hi || hi > MAX_ROWS {
        return Err(bad());
    }
    Ok((lo, hi))
}

/// A currency code the schema's `TKodWaluty` lists (three uppercase
/// letters, e.g. EUR): the bundled example with that `KodWaluty` is valid.
pub fn parse_currency(s: &str) -> Result<String, String> {
    let example = String::from_utf8_lossy(fa3::samples::EXAMPLE);
    let known = s.len() == 3
        && s.bytes().all(|b| b.is_ascii_uppercase())
        && fa3::is_valid(
            example
                .replacen("<KodWaluty>PLN<", &format!("<KodWaluty>{s}<"), 1)
                .as_bytes(),
        );
    if known {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "expected a currency code of the schema (ISO 4217) such as EUR, not `{s}`"
        ))
    }
}

/// The runner of file `index`: ChaCha seeded from the seed and the index.
fn runner(seed: u64, index: usize) -> TestRunner {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..16].copy_from_slice(&(index as u64).to_le_bytes());
    bytes[16..24].copy_from_slice(b"fa3-gen1");
    // A defect that fits none of the requested invoices fails fast.
    let config = Config {
        max_local_rejects: 4_096,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes))
}

fn profile(req: &Request, index: usize) -> InvoiceProfile {
    let mut p = InvoiceProfile::new()
        .with_now(req.now)
        .with_rows(req.rows.0..=req.rows.1)
        .with_number_prefix(&format!("FV/{}/{index}/", req.seed));
    if let Some(kind) = req.kind {
        p = p.with_kinds(&[kind]);
    }
    if let Some(currency) = &req.currency {
        p = p.with_currencies(&[currency.as_str()]);
    }
    p
}

fn draw(req: &Request, index: usize) -> Result<Faktura, Failure> {
    let profile = profile(req, index);
    let mut runner = runner(req.seed, index);
    let tree = match &req.invalid {
        Some(code) => violating_with(code, profile)
            .ok_or_else(|| Failure::Usage(format!("no defect generator for {code}")))?
            .new_tree(&mut runner)
            .map(|t| t.current()),
        None => arb_invoice_with(profile)
            .new_tree(&mut runner)
            .map(|t| t.current()),
    };
    tree.map_err(|e| Failure::Usage(format!("could not generate invoice {index}: {e}")))
}

/// Checks the request against the defect generators: an unknown code, a
/// rule without a generator or a kind it does not apply to is a usage
/// error (exit 2).
fn check_invalid(req: &Request) -> Result<(), Failure> {
    let Some(code) = &req.invalid else {
        return Ok(());
    };
    let Some(kinds) = violation_kinds(code) else {
        return Err(Failure::Usage(match no_violation_reason(code) {
            Some(why) => format!("--invalid {code}: this rule has no defect generator ({why})"),
            None => format!("--invalid {code}: no rule has this code (`fa3 rules` lists them)"),
        }));
    };
    if let Some(kind) = req.kind
        && !kinds.contains(&kind)
    {
        let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
        return Err(Failure::Usage(format!(
            "--invalid {code}: the defect is generated on {} invoices, not {kind}",
            names.join(", ")
        )));
    }
    Ok(())
}

/// Where the files go: a folder, or a ZIP file.
enum Sink {
    Dir(PathBuf),
    Zip(Box<zip::ZipWriter<File>>),
}

impl Sink {
    fn open(out: &Path) -> Result<Sink, Failure> {
        let is_zip = out
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("zip"));
        if is_zip {
            let file =
                File::create(out).map_err(|e| Failure::Usage(format!("{}: {e}", out.display())))?;
            Ok(Sink::Zip(Box::new(zip::ZipWriter::new(file))))
        } else {
            std::fs::create_dir_all(out)
                .map_err(|e| Failure::Usage(format!("{}: {e}", out.display())))?;
            Ok(Sink::Dir(out.to_path_buf()))
        }
    }

    fn put(&mut self, name: &str, bytes: &[u8]) -> Result<(), Failure> {
        match self {
            Sink::Dir(dir) => std::fs::write(dir.join(name), bytes)?,
            Sink::Zip(zip) => {
                let options = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated)
                    .last_modified_time(zip::DateTime::default());
                zip.start_file(name, options).map_err(io::Error::other)?;
                zip.write_all(bytes)?;
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<(), Failure> {
        if let Sink::Zip(zip) = self {
            zip.finish().map_err(io::Error::other)?;
        }
        Ok(())
    }
}

/// Reports progress on stderr: a bar on a terminal, a line every tenth for
/// long runs otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    lines: bool,
    count: usize,
}

impl Progress {
    fn new(count: usize) -> Self {
        let terminal = io::stderr().is_terminal();
        Progress {
            bar: (terminal && count > 1).then(|| indicatif::ProgressBar::new(count as u64)),
            lines: !terminal && count >= PROGRESS_LINES_FROM,
            count,
        }
    }

    fn tick(&self, done: usize) {
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
        } else if self.lines && done.is_multiple_of((self.count / 10).max(1)) {
            eprintln!("fa3 generate: {done}/{} invoices", self.count);
        }
    }

    fn finish(self) {
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Generates the files and the manifest.
pub fn run(req: &Request) -> Result<ExitCode, Failure> {
    check_invalid(req)?;
    let mut sink = Sink::open(&req.out)?;
    let progress = Progress::new(req.count);
    let mut entries = Vec::with_capacity(req.count);
    for index in 0..req.count {
        let invoice = draw(req, index)?;
        let kind = Kind::of(&invoice);
        let xml =
            fa3::to_xml(&invoice).map_err(|e| Failure::Usage(format!("invoice {index}: {e}")))?;
        let name = format!("{index:06}-{kind}.xml");
        sink.put(&name, xml.as_bytes())?;
        entries.push(json!({
            "file": name,
            "kind": kind.as_str(),
            "index": index,
            "number": invoice.fa.p_2.0,
            "expected_rule": req.invalid,
        }));
        progress.tick(index + 1);
    }
    progress.finish();
    let manifest = json!({
        "generator": format!("fa3 {}", env!("CARGO_PKG_VERSION")),
        "seed": req.seed,
        "now": req.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "count": req.count,
        "kind": req.kind.map_or("any", Kind::as_str),
        "rows": [req.rows.0, req.rows.1],
        "currency": req.currency,
        "invalid": req.invalid,
        "files": entries,
    });
    let text = serde_json::to_string_pretty(&manifest).map_err(io::Error::other)? + "\n";
    // A ZIP holds only invoices, as a KSeF package must; its manifest goes
    // beside it (`out.zip` → `out.manifest.json`).
    match sink {
        Sink::Dir(_) => sink.put("manifest.json", text.as_bytes())?,
        Sink::Zip(_) => {
            sink.finish()?;
            std::fs::write(req.out.with_extension("manifest.json"), text)?;
            return Ok(ExitCode::SUCCESS);
        }
    }
    sink.finish()?;
    Ok(ExitCode::SUCCESS)
}
