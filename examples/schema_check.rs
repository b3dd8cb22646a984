//! Validates FA(3) files against the schema, one after another on one thread
//! (the `--jobs 1` behaviour of `fa3 check --schema-only`).
//!
//! ```text
//! cargo run --release --example schema_check -- [--quiet] [--time N] FILE...
//! ```
//!
//! Prints `valid<TAB>file` or `invalid<TAB>file` per file, followed (unless
//! `--quiet`) by the diagnostics. With `--time N` each file is validated N
//! more times and the fastest in-process validation time (the file already
//! in memory) is printed to stderr. Exits with 1 when any file is invalid, 2
//! when a file cannot be read.
#![allow(clippy::print_stdout)]

use std::io::Write as _;
use std::process::ExitCode;

use fa3::Severity;
use fa3::schema::{SchemaLimits, SchemaValidator};

fn main() -> ExitCode {
    let mut quiet = false;
    let mut repeat = 0usize;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quiet" | "-q" => quiet = true,
            "--time" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            "--jobs" | "-j" => {
                let _ = args.next();
            }
            _ => files.push(arg),
        }
    }
    let mut validator = SchemaValidator::new(SchemaLimits::default());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut status = 0u8;
    for file in &files {
        let bytes = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                let _ = writeln!(out, "error\t{file}\t{e}");
                status = 2;
                continue;
            }
        };
        let diagnostics = validator.validate(&bytes);
        if repeat > 0 {
            let mut best = std::time::Duration::MAX;
            for _ in 0..repeat {
                let start = std::time::Instant::now();
                std::hint::black_box(validator.validate(std::hint::black_box(&bytes)));
                best = best.min(start.elapsed());
            }
            eprintln!(
                "validate {file}: {:.3} ms (fastest of {repeat}; {} bytes)",
                best.as_secs_f64() * 1e3,
                bytes.len()
            );
        }
        let valid = !diagnostics.iter().any(|d| d.severity == Severity::Error);
        let _ = writeln!(out, "{}\t{file}", if valid { "valid" } else { "invalid" });
        if !valid && status == 0 {
            status = 1;
        }
        if !quiet {
            for d in &diagnostics {
                let _ = writeln!(
                    out,
                    "  {}:{}: {} [{}] {}  at {}",
                    d.line, d.column, d.code, d.severity, d.message, d.path
                );
            }
        }
    }
    let _ = out.flush();
    ExitCode::from(status)
}
