//! The `fa3` command-line tool: a thin layer over the library.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use fa3::{Report, Settings};

/// Validate Polish KSeF e-invoices in the FA(3) structure.
#[derive(Debug, Parser)]
#[command(name = "fa3", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check invoices: hygiene, schema and business rules.
    #[command(
        after_help = "Examples:\n  fa3 check invoice.xml\n  fa3 check --format json --now 2026-11-21T12:00:00Z invoices/*.xml\n  fa3 check --schema-only invoice.xml"
    )]
    Check(CheckArgs),
    /// Parse an invoice into the typed model and print it back as XML.
    #[command(after_help = "Examples:\n  fa3 format invoice.xml > normalised.xml")]
    Format {
        /// The invoice to read.
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Files to check (`-` reads standard input).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Only well-formedness and the XSD (the verdict xmllint would give).
    #[arg(long)]
    schema_only: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// The moment of checking, RFC 3339 (default: the system clock).
    #[arg(long, value_parser = parse_now)]
    now: Option<DateTime<Utc>>,
}

fn parse_now(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| format!("expected an RFC 3339 instant such as 2026-11-21T12:00:00Z: {e}"))
}

/// One file's result.
struct FileResult {
    path: String,
    report: Report,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(&args),
        Command::Format { file } => run_format(&file),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fa3: {e}");
            ExitCode::from(2)
        }
    }
}

fn read_input(path: &Path) -> io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

fn run_check(args: &CheckArgs) -> io::Result<ExitCode> {
    let settings = Settings {
        now: Some(args.now.unwrap_or_else(Utc::now)),
        schema_only: args.schema_only,
        ..Settings::default()
    };
    let mut results = Vec::new();
    let mut io_failed = false;
    for path in &args.paths {
        match read_input(path) {
            Ok(bytes) => {
                let report = fa3::check(&bytes, &settings).report;
                results.push(FileResult {
                    path: path.display().to_string(),
                    report,
                });
            }
            Err(e) => {
                eprintln!("fa3: {}: {e}", path.display());
                io_failed = true;
            }
        }
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Human => render_human(&mut out, &results)?,
        Format::Json => render_json(&mut out, &results)?,
    }
    out.flush()?;
    let errors = results.iter().any(|r| r.report.has_errors());
    Ok(if io_failed {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn render_human(out: &mut impl Write, results: &[FileResult]) -> io::Result<()> {
    let mut total = 0;
    for r in results {
        for d in &r.report.diagnostics {
            total += 1;
            write!(
                out,
                "{}:{}:{}: {} [{}] {}",
                r.path, d.line, d.column, d.code, d.severity, d.message
            )?;
            if !d.path.is_empty() {
                write!(out, "  at {}", d.path)?;
            }
            writeln!(out)?;
        }
    }
    if total == 0 {
        writeln!(out, "All checks passed ({} file(s)).", results.len())?;
    } else {
        writeln!(
            out,
            "Found {total} finding(s) in {} file(s).",
            results.len()
        )?;
    }
    Ok(())
}

fn render_json(out: &mut impl Write, results: &[FileResult]) -> io::Result<()> {
    let files: Vec<serde_json::Value> = results
        .iter()
        .map(|r| serde_json::json!({ "path": r.path, "diagnostics": r.report.diagnostics }))
        .collect();
    serde_json::to_writer(&mut *out, &serde_json::json!({ "files": files }))?;
    writeln!(out)
}

fn run_format(file: &Path) -> io::Result<ExitCode> {
    let bytes = read_input(file)?;
    match fa3::parse(&bytes) {
        Ok(invoice) => match fa3::to_xml(&invoice) {
            Ok(xml) => {
                io::stdout().lock().write_all(xml.as_bytes())?;
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("fa3: {e}");
                Ok(ExitCode::from(1))
            }
        },
        Err(e) => {
            let stdout = io::stdout();
            let mut out = stdout.lock();
            render_human(
                &mut out,
                &[FileResult {
                    path: file.display().to_string(),
                    report: Report {
                        diagnostics: e.diagnostics,
                    },
                }],
            )?;
            Ok(ExitCode::from(1))
        }
    }
}
