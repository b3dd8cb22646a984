//! Validates FA(3) files against the schema, one after another on one thread
//! (the `--jobs 1` behaviour of `fa3 check --schema-only`).
//!
//! ```text
//! cargo run --release --example schema_check -- [--quiet] FILE...
//! ```
//!
//! Prints `valid<TAB>file` or `invalid<TAB>file` per file, followed (unless
//! `--quiet`) by the diagnostics. Exits with 1 when any file is invalid, 2
//! when a file cannot be read.
#![allow(clippy::print_stdout)]

use std::io::Write as _;
use std::process::ExitCode;

use fa3::diagnostic::Severity;
use fa3::schema::{SchemaLimits, validate};

fn main() -> ExitCode {
    let mut quiet = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--quiet" | "-q" => quiet = true,
            "--jobs" | "-j" | "1" => {}
            _ => files.push(arg),
        }
    }
    let limits = SchemaLimits::default();
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
        let diagnostics = validate(&bytes, &limits);
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
