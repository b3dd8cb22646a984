//! The smaller subcommands: format, convert, rule, rules, link, registry record.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use serde_json::json;

use fa3::registry::{RecordOutcome, Registry, SentRecord};

/// Why a command failed: I/O (exit 2) or usage (exit 2).
pub enum Failure {
    Io(io::Error),
    Usage(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

/// The most bytes read from one invoice: KSeF's largest (with an attachment).
pub const MAX_INPUT: u64 = fa3::ksef::MAX_INVOICE_SIZE_WITH_ATTACHMENT;

/// Reads standard input, at most `cap` bytes; more is an error, found
/// after reading `cap + 1` bytes, never by reading everything.
pub fn read_stdin(cap: u64) -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    io::stdin()
        .lock()
        .take(cap.saturating_add(1))
        .read_to_end(&mut buf)?;
    if u64::try_from(buf.len()).unwrap_or(u64::MAX) > cap {
        return Err(Failure::Usage(format!(
            "-: standard input holds more than {cap} bytes, more than an invoice may have; not checked"
        )));
    }
    Ok(buf)
}

/// Reads one invoice: a regular file or standard input (`-`), at most
/// [`MAX_INPUT`] bytes.
fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    if path.as_os_str() == "-" {
        read_stdin(MAX_INPUT)
    } else {
        fa3::run::read_regular_file(path, MAX_INPUT)
            .map_err(|e| Failure::Usage(format!("{}: {e}", path.display())))
    }
}

/// Reads one invoice as `fa3 check` does: through the same cap (a larger
/// file is read only in part, and its real length kept), then the same size
/// gate and byte-level pre-scan. Findings at error level are printed and
/// `None` returned (exit 1); otherwise the bytes.
fn load(path: &Path) -> Result<Option<Vec<u8>>, Failure> {
    let settings = fa3::Settings::default();
    let document = if path.as_os_str() == "-" {
        fa3::run::ReadDocument::from_bytes(read_stdin(MAX_INPUT)?)
    } else {
        fa3::run::read_document(path, &settings).map_err(|e| {
            Failure::Usage(format!(
                "{}: {e}",
                fa3::render::printable(&path.display().to_string())
            ))
        })?
    };
    let report = fa3::run::pre_check(&document, &settings);
    if report.has_errors() {
        print_diagnostics(&path.display().to_string(), &report.diagnostics)?;
        return Ok(None);
    }
    Ok(Some(document.bytes))
}

fn print_diagnostics(name: &str, diagnostics: &[fa3::Diagnostic]) -> io::Result<()> {
    write_diagnostics(&mut io::stdout().lock(), name, diagnostics)
}

/// One line per finding: the file name, message and path shown with their
/// control characters escaped, and cut to a bounded length.
fn write_diagnostics(
    out: &mut impl Write,
    name: &str,
    diagnostics: &[fa3::Diagnostic],
) -> io::Result<()> {
    use fa3::render::printable;
    let name = printable(name);
    for d in diagnostics {
        let mut d = d.clone();
        d.bound();
        write!(
            out,
            "{name}:{}:{}: {} [{}] {}",
            d.line,
            d.column,
            d.code,
            d.severity,
            printable(&d.message)
        )?;
        if !d.path.is_empty() {
            write!(out, "  at {}", printable(&d.path))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// `fa3 format FILE`.
///
/// The size gate and pre-scan of `fa3 check` come first; then the invoice is
/// written back through the typed model, and printed only when nothing of
/// the original is lost on the way (a comment, an `xsi:` attribute, a
/// changed value are findings, exit 1, and nothing is printed).
pub fn format(file: &Path) -> Result<ExitCode, Failure> {
    let Some(bytes) = load(file)? else {
        return Ok(ExitCode::from(1));
    };
    match fa3::format::format(&bytes) {
        Ok(xml) => {
            io::stdout().lock().write_all(xml.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(report) => {
            print_diagnostics(&file.display().to_string(), &report.diagnostics)?;
            Ok(ExitCode::from(1))
        }
    }
}

/// The two representations `fa3 convert` reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Representation {
    Xml,
    Json,
}

impl Representation {
    /// JSON when the first byte after whitespace (and a UTF-8 byte order
    /// mark) opens an object, XML otherwise.
    fn detect(bytes: &[u8]) -> Self {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Representation::Json,
            _ => Representation::Xml,
        }
    }
}

/// `fa3 convert FILE --to json|xml [--from json|xml]`: reads the invoice
/// into the typed model and prints it in the other representation. A
/// document that cannot be read is reported (diagnostics or a message on
/// standard error) with exit 2, and nothing is printed on standard output.
pub fn convert(
    file: &Path,
    from: Option<Representation>,
    to: Representation,
) -> Result<ExitCode, Failure> {
    let bytes = read(file)?;
    let name = file.display().to_string();
    let from = from.unwrap_or_else(|| Representation::detect(&bytes));
    let invoice = match from {
        Representation::Xml => match fa3::parse(&bytes) {
            Ok(invoice) => invoice,
            Err(e) => {
                write_diagnostics(&mut io::stderr().lock(), &name, &e.diagnostics)?;
                return Ok(ExitCode::from(2));
            }
        },
        Representation::Json => {
            let text = std::str::from_utf8(&bytes)
                .map_err(|e| Failure::Usage(format!("{name}: not UTF-8 JSON: {e}")))?;
            fa3::from_json(text).map_err(|e| Failure::Usage(format!("{name}: {e}")))?
        }
    };
    let text = match to {
        Representation::Json => {
            fa3::to_json(&invoice).map_err(|e| Failure::Usage(format!("{name}: {e}")))? + "\n"
        }
        Representation::Xml => {
            let xml = fa3::to_xml(&invoice).map_err(|e| Failure::Usage(format!("{name}: {e}")))?;
            // JSON is read without the model's facet checks (lengths,
            // patterns, digits): the XML must read back before it is printed.
            if let Err(e) = fa3::parse(xml.as_bytes()) {
                eprintln!("fa3: {name}: the invoice does not make a readable FA(3) document:");
                write_diagnostics(
                    &mut io::stderr().lock(),
                    &format!("{name} (as XML)"),
                    &e.diagnostics,
                )?;
                return Ok(ExitCode::from(2));
            }
            xml
        }
    };
    io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `fa3 rule CODE`.
pub fn rule(code: &str) -> Result<ExitCode, Failure> {
    let wanted = code.trim().to_ascii_uppercase();
    let Some(rule) = fa3::rules::find(&wanted) else {
        return Err(Failure::Usage(format!(
            "unknown rule `{code}` (see `fa3 rules`)"
        )));
    };
    let m = &rule.meta;
    let mut out = io::stdout().lock();
    writeln!(out, "# {} ({})\n", m.code, m.name)?;
    writeln!(
        out,
        "Default severity: {}. Area: {}. Since: {}.\n",
        m.severity,
        m.area(),
        m.since
    )?;
    writeln!(out, "{}", m.docs_text())?;
    Ok(ExitCode::SUCCESS)
}

/// `fa3 rules [--format json]`.
pub fn rules(as_json: bool) -> Result<ExitCode, Failure> {
    let mut out = io::stdout().lock();
    if as_json {
        let list: Vec<_> = fa3::rules::sorted()
            .into_iter()
            .map(|r| {
                json!({
                    "code": r.meta.code,
                    "name": r.meta.name,
                    "severity": r.meta.severity.as_str(),
                    "area": r.meta.area(),
                    "since": r.meta.since,
                    "summary": r.meta.summary(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &list).map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        for r in fa3::rules::sorted() {
            let m = &r.meta;
            writeln!(
                out,
                "{:<14} {:<8} {:<7} {}",
                m.code,
                m.severity.as_str(),
                m.area(),
                m.name
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `fa3 link FILE`.
pub fn link(file: &Path, env: &str, as_json: bool) -> Result<ExitCode, Failure> {
    let env: fa3::links::KsefEnv = env.parse().map_err(|_| {
        Failure::Usage(format!(
            "unknown environment `{env}` (expected prd, test or demo)"
        ))
    })?;
    let Some(bytes) = load(file)? else {
        return Ok(ExitCode::from(1));
    };
    let invoice = match fa3::parse(&bytes) {
        Ok(i) => i,
        Err(e) => {
            print_diagnostics(&file.display().to_string(), &e.diagnostics)?;
            return Ok(ExitCode::from(1));
        }
    };
    let raw_nip = &invoice.podmiot1.dane_identyfikacyjne.nip.0;
    let nip = match fa3::domain::nip::Nip::parse(raw_nip) {
        Ok(n) => n,
        Err(e) => {
            eprintln!(
                "fa3: {}: the seller NIP {} is not valid: {e}",
                fa3::render::printable(&file.display().to_string()),
                fa3::render::printable(&fa3::clip(raw_nip, 60))
            );
            return Ok(ExitCode::from(1));
        }
    };
    let issue_date = invoice.fa.p_1.0.date();
    let digest = fa3::links::InvoiceDigest::of(&bytes);
    let url = fa3::links::kod1_url(env, &nip, issue_date, &digest);
    let mut out = io::stdout().lock();
    if as_json {
        serde_json::to_writer_pretty(
            &mut out,
            &json!({
                "kod1": url,
                "sellerNip": nip.to_string(),
                "issueDate": issue_date.to_string(),
                "invoiceHash": digest.to_api_base64(),
                "invoiceSize": bytes.len(),
                "environment": env.as_str(),
            }),
        )
        .map_err(io::Error::from)?;
        writeln!(out)?;
    } else {
        writeln!(out, "KOD I:       {url}")?;
        writeln!(out, "invoiceHash: {}", digest.to_api_base64())?;
        writeln!(out, "invoiceSize: {}", bytes.len())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `fa3 registry record --registry PATH FILE...`.
pub fn record(
    registry: &Path,
    ksef_number: Option<&str>,
    accepted: Option<DateTime<Utc>>,
    files: &[PathBuf],
) -> Result<ExitCode, Failure> {
    if ksef_number.is_some() && files.len() != 1 {
        return Err(Failure::Usage(
            "--ksef-number goes with exactly one file".into(),
        ));
    }
    let reg = fa3::registry::SqliteRegistry::open(registry)
        .map_err(|e| Failure::Usage(format!("{}: {e}", registry.display())))?;
    let now = accepted.unwrap_or_else(Utc::now);
    let accepted_on = fa3::TimeZone::warsaw().local_date(now);
    let mut out = io::stdout().lock();
    let mut failed = false;
    let mut unreadable = false;
    for file in files {
        // An unreadable file is reported, and the others are still recorded.
        let bytes = match load(file) {
            Ok(Some(bytes)) => bytes,
            // Too large, or refused by the pre-scan: reported, not recorded.
            Ok(None) => {
                failed = true;
                continue;
            }
            Err(Failure::Usage(m)) => {
                eprintln!("fa3: {m}");
                unreadable = true;
                continue;
            }
            Err(e) => return Err(e),
        };
        let invoice = match fa3::parse(&bytes) {
            Ok(i) => i,
            Err(e) => {
                print_diagnostics(&file.display().to_string(), &e.diagnostics)?;
                failed = true;
                continue;
            }
        };
        let Some(key) = fa3::run::dup_key(&invoice) else {
            continue;
        };
        let mut rec = SentRecord::new(key.clone(), invoice.fa.p_1.0.date(), now)
            .with_accepted_on(accepted_on)
            .with_source(file.display().to_string());
        if let Some(n) = ksef_number {
            rec = rec.with_ksef_number(n);
        }
        // Values and names of the input, shown escaped and in part.
        let shown = |s: &str| fa3::render::printable(&fa3::clip(s, 300)).into_owned();
        let (nip, kind, number) = (
            shown(key.seller_nip()),
            shown(key.invoice_type()),
            shown(key.number()),
        );
        let name = shown(&file.display().to_string());
        match reg.record(&rec) {
            Ok(RecordOutcome::Inserted) => {
                writeln!(out, "recorded {nip} {kind} \"{number}\" ({name})")?;
            }
            Ok(RecordOutcome::AlreadyPresent(existing)) => writeln!(
                out,
                "already recorded {nip} {kind} \"{number}\"{} ({name})",
                existing
                    .source
                    .map(|s| format!(" from {}", shown(&s)))
                    .unwrap_or_default(),
            )?,
            Err(e) => {
                eprintln!("fa3: {}: {e}", registry.display());
                return Ok(ExitCode::from(2));
            }
        }
    }
    Ok(if unreadable {
        ExitCode::from(2)
    } else if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
