//! The `fa3` command-line tool: argument parsing, settings and output; the
//! checking itself is the library's.

mod commands;
mod config;
mod generate;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use fa3::render::{Format, renderer};
use fa3::run::{Input, RunOptions};
use fa3::{Selection, SessionMode, Settings, Severity};

/// The binary's allocator: a check makes many small, short-lived allocations
/// per invoice, which mimalloc serves faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const CHECK_EXAMPLES: &str = "Examples:
  fa3 check invoice.xml
  fa3 check invoices/ package.zip            # folders (recursive *.xml) and ZIP packages
  cat invoice.xml | fa3 check -              # standard input
  fa3 check --format json --now 2026-11-21T12:00:00Z invoices/
  fa3 check --schema-only --jobs 1 invoice.xml
  fa3 check --select FA3-NIP --ignore FA3-NIP-002 --severity FA3-DATE-003=warning invoice.xml
  fa3 check --registry sent.sqlite invoices/  # also report keys already sent (FA3-DUP-001)
  fa3 check --format sarif invoices/ > fa3.sarif";

/// Validate Polish KSeF e-invoices in the FA(3) structure before sending them.
#[derive(Debug, Parser)]
#[command(name = "fa3", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check invoices: hygiene, schema and business rules.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// Parse an invoice into the typed model and print it back as XML.
    #[command(after_help = "Examples:\n  fa3 format invoice.xml > normalised.xml")]
    Format {
        /// The invoice to read (`-` for standard input).
        file: PathBuf,
    },
    /// Convert an invoice between XML and JSON through the typed model.
    #[command(
        after_help = "Examples:\n  fa3 convert invoice.xml --to json > invoice.json\n  fa3 convert invoice.json --to xml > invoice.xml"
    )]
    Convert {
        /// The invoice to read (`-` for standard input).
        file: PathBuf,
        /// The representation to print.
        #[arg(long, value_enum)]
        to: Representation,
        /// The representation of FILE (default: JSON when it starts with `{`, XML otherwise).
        #[arg(long, value_enum)]
        from: Option<Representation>,
    },
    /// Print the documentation of one rule.
    #[command(after_help = "Examples:\n  fa3 rule FA3-DATE-001")]
    Rule {
        /// The rule's code, e.g. FA3-DATE-001.
        code: String,
    },
    /// List every rule with its code, name, default severity and area.
    #[command(after_help = "Examples:\n  fa3 rules\n  fa3 rules --format json")]
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: ListFormat,
    },
    /// Print the KOD I verification link, the invoice hash and size for KSeF.
    #[command(
        after_help = "Examples:\n  fa3 link invoice.xml\n  fa3 link --env test --format json invoice.xml"
    )]
    Link {
        /// The invoice file, exactly as it will be sent.
        file: PathBuf,
        /// The KSeF environment whose QR host to use.
        #[arg(long, default_value = "prd")]
        env: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: ListFormat,
    },
    /// Generate valid invoices of every kind, or invoices that break one rule.
    #[command(
        after_help = "Examples:\n  fa3 generate --count 100 --seed 7 --now 2026-11-21T12:00:00Z --out invoices/\n  fa3 generate --kind KOR --invalid FA3-AMT-004 --count 20 --out broken.zip"
    )]
    Generate {
        /// The kind of invoice: VAT, KOR, ZAL, ROZ, UPR, KOR_ZAL, KOR_ROZ or any.
        #[arg(long, default_value = "any", value_parser = generate::parse_kind)]
        kind: generate::KindChoice,
        /// How many invoices.
        #[arg(long, default_value_t = 10)]
        count: usize,
        /// The seed: the same seed, --now and options give byte-identical files.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// The moment the invoices will be checked at, RFC 3339 (default: now).
        /// Issue dates are that day; give it for reproducible output.
        #[arg(long, value_parser = parse_instant)]
        now: Option<DateTime<Utc>>,
        /// Lines per invoice, MIN..MAX.
        #[arg(long, default_value = "1..8", value_parser = generate::parse_rows)]
        rows: (usize, usize),
        /// The currency (KodWaluty) of every invoice (default: PLN and three others).
        #[arg(long, value_parser = generate::parse_currency)]
        currency: Option<String>,
        /// Make every invoice break this rule (a code from `fa3 rules`).
        #[arg(long)]
        invalid: Option<String>,
        /// A folder for the invoices and manifest.json, or FILE.zip (FILE.manifest.json beside it).
        #[arg(long)]
        out: PathBuf,
    },
    /// Record sent invoices in a registry, for duplicate checks.
    #[command(subcommand)]
    Registry(RegistryCommand),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  fa3 completions bash > /etc/bash_completion.d/fa3\n  fa3 completions zsh > ~/.zfunc/_fa3"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
enum RegistryCommand {
    /// Record the keys (seller NIP, RodzajFaktury, P_2) of invoices that were sent.
    #[command(
        after_help = "Examples:\n  fa3 registry record --registry sent.sqlite sent/*.xml\n  fa3 check --registry sent.sqlite outbox/"
    )]
    Record {
        /// The SQLite registry file (created when missing).
        #[arg(long)]
        registry: PathBuf,
        /// The KSeF number assigned (only with a single file).
        #[arg(long)]
        ksef_number: Option<String>,
        /// When KSeF accepted the invoices, RFC 3339 (default: now).
        #[arg(long, value_parser = parse_instant)]
        accepted: Option<DateTime<Utc>>,
        /// The invoices.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Representation {
    Xml,
    Json,
}

impl From<Representation> for commands::Representation {
    fn from(r: Representation) -> Self {
        match r {
            Representation::Xml => commands::Representation::Xml,
            Representation::Json => commands::Representation::Json,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ListFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Mode {
    Online,
    Batch,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Args)]
#[allow(clippy::struct_excessive_bools)] // independent command-line switches
struct CheckArgs {
    /// Files, folders (searched for *.xml) and ZIP packages; `-` reads standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Only well-formedness and the XSD (the verdict xmllint gives).
    #[arg(long)]
    schema_only: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// The moment of checking, RFC 3339 (default: the system clock).
    #[arg(long, value_parser = parse_instant)]
    now: Option<DateTime<Utc>>,
    /// Time zone of KSeF dates (default Europe/Warsaw).
    #[arg(long)]
    tz: Option<String>,
    /// KSeF environment: prd, test or demo (default prd).
    #[arg(long)]
    env: Option<String>,
    /// Session mode (default online).
    #[arg(long, value_enum)]
    mode: Option<Mode>,
    /// When the batch session opens, RFC 3339 (with --mode batch; default: --now).
    #[arg(long, value_parser = parse_instant)]
    batch_opened: Option<DateTime<Utc>>,
    /// Only these codes or prefixes (comma-separated or repeated), e.g. FA3-NIP.
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Skip these codes or prefixes (comma-separated or repeated).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Override a rule's severity: CODE=error|warning|info (repeatable).
    #[arg(long = "severity", value_name = "CODE=LEVEL")]
    severities: Vec<String>,
    /// Read settings from this file instead of the nearest fa3.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Ignore any fa3.toml.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// SQLite registry of sent invoices: report keys already sent (FA3-DUP-001).
    #[arg(long)]
    registry: Option<PathBuf>,
    /// Exit 0 even when there are findings.
    #[arg(long)]
    exit_zero: bool,
    /// Exit 0 when the inputs hold no invoice at all (an empty folder or
    /// ZIP package); by default that is a usage problem (exit 2).
    #[arg(long)]
    allow_empty: bool,
    /// The lowest severity that makes the exit status 1 (default error).
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Never show a progress bar.
    #[arg(long)]
    no_progress: bool,
    /// Tolerance of the amount rules per compared amount (default 0.01).
    #[arg(long, value_name = "AMOUNT")]
    tolerance: Option<String>,
    /// NBP Table A mid-rates (CSV `date;code;mid` or the NBP API JSON) for
    /// checking the exchange rates (FA3-CUR-005).
    #[arg(long, value_name = "FILE")]
    rates: Option<PathBuf>,
}

fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| format!("expected an RFC 3339 instant such as 2026-11-21T12:00:00Z: {e}"))
}

/// A usage problem: message, exit 2.
struct Usage(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(&args),
        Command::Format { file } => commands::format(&file),
        Command::Convert { file, to, from } => {
            commands::convert(&file, from.map(Into::into), to.into())
        }
        Command::Rule { code } => commands::rule(&code),
        Command::Rules { format } => commands::rules(matches!(format, ListFormat::Json)),
        Command::Link { file, env, format } => {
            commands::link(&file, &env, matches!(format, ListFormat::Json))
        }
        Command::Generate {
            kind,
            count,
            seed,
            now,
            rows,
            currency,
            invalid,
            out,
        } => generate::run(&generate::Request {
            kind: kind.0,
            count,
            seed,
            now: now.unwrap_or_else(Utc::now),
            rows,
            currency,
            invalid,
            out,
        }),
        Command::Registry(RegistryCommand::Record {
            registry,
            ksef_number,
            accepted,
            files,
        }) => commands::record(&registry, ksef_number.as_deref(), accepted, &files),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "fa3", &mut io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(commands::Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(commands::Failure::Io(e)) => {
            eprintln!("fa3: {e}");
            ExitCode::from(2)
        }
        Err(commands::Failure::Usage(msg)) => {
            eprintln!("fa3: {msg}");
            ExitCode::from(2)
        }
    }
}

fn severity_of(level: FailOn) -> Severity {
    match level {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    }
}

/// Settings from the config file and the flags (flags win).
fn settings(args: &CheckArgs) -> Result<(Settings, Option<PathBuf>, Severity), Usage> {
    let config = if args.no_config {
        config::Config::default()
    } else {
        let path = match &args.config {
            Some(p) => Some(p.clone()),
            None => std::env::current_dir()
                .ok()
                .and_then(|d| config::discover(&d)),
        };
        match path {
            Some(p) => config::load(&p).map_err(Usage)?,
            None => config::Config::default(),
        }
    };

    let mut s = Settings::at(args.now.unwrap_or_else(Utc::now));
    s.schema_only = args.schema_only;
    if let Some(tz) = args.tz.as_ref().or(config.tz.as_ref()) {
        s.tz = Settings::parse_tz(tz).map_err(|e| Usage(e.to_string()))?;
    }
    if let Some(env) = args.env.as_ref().or(config.env.as_ref()) {
        s.env = env.parse().map_err(|_| {
            Usage(format!(
                "unknown environment `{env}` (expected prd, test or demo)"
            ))
        })?;
    }
    let batch = match (args.mode, config.mode.as_deref()) {
        (Some(m), _) => m == Mode::Batch,
        (None, Some(m)) => {
            let mode: SessionMode = m.parse().map_err(|e: fa3::Error| Usage(e.to_string()))?;
            mode.is_batch()
        }
        (None, None) => false,
    };
    if batch {
        s.mode = SessionMode::Batch {
            opened_at: args.batch_opened,
        };
    } else if args.batch_opened.is_some() {
        return Err(Usage("--batch-opened needs --mode batch".into()));
    }

    let mut selection = Selection::default();
    selection.select = if args.select.is_empty() {
        config.select.clone()
    } else {
        args.select.clone()
    };
    selection.ignore.clone_from(&config.ignore);
    selection.ignore.extend(args.ignore.iter().cloned());
    for (code, level) in &config.severity {
        let level: Severity = level.parse().map_err(Usage)?;
        selection.severity.insert(code.clone(), level);
    }
    for item in &args.severities {
        let (code, level) = item
            .split_once('=')
            .ok_or_else(|| Usage(format!("--severity takes CODE=LEVEL, got `{item}`")))?;
        let level: Severity = level.parse().map_err(Usage)?;
        selection.severity.insert(code.trim().to_string(), level);
    }
    s.selection = selection;
    // An unknown code or prefix is a usage error, as the library reports it.
    s.validate().map_err(|e| Usage(e.to_string()))?;

    let tolerance = args
        .tolerance
        .clone()
        .or_else(|| config.tolerance.as_ref().map(config::Tolerance::as_text));
    if let Some(text) = tolerance {
        s.tolerance = text
            .parse::<rust_decimal::Decimal>()
            .ok()
            .filter(|t| !t.is_sign_negative())
            .ok_or_else(|| {
                Usage(format!(
                    "tolerance: `{text}` is not a non-negative amount such as 0.01"
                ))
            })?;
    }
    if let Some(path) = args.rates.as_ref().or(config.rates.as_ref()) {
        let bytes = fa3::run::read_regular_file(path, fa3::exchange_rates::MAX_FILE)
            .map_err(|e| Usage(format!("{}: {e}", path.display())))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| Usage(format!("{}: not UTF-8: {e}", path.display())))?;
        let rates = fa3::exchange_rates::ExchangeRates::parse(&text)
            .map_err(|e| Usage(format!("{}: {e}", path.display())))?;
        s.exchange_rates = Some(std::sync::Arc::new(rates));
    }

    let fail_on = match (args.fail_on, config.fail_on.as_deref()) {
        (Some(f), _) => severity_of(f),
        (None, Some(level)) => level.parse().map_err(Usage)?,
        (None, None) => Severity::Error,
    };
    let registry = args.registry.clone().or(config.registry);
    Ok((s, registry, fail_on))
}

fn run_check(args: &CheckArgs) -> Result<ExitCode, commands::Failure> {
    let (settings, registry_path, fail_on) =
        settings(args).map_err(|Usage(m)| commands::Failure::Usage(m))?;
    let registry = match &registry_path {
        Some(path) => Some(
            // A check only looks keys up: the registry is opened read-only,
            // so a read-only file or folder can be read and nothing is written.
            fa3::registry::SqliteRegistry::open_read_only(path)
                .map_err(|e| commands::Failure::Usage(format!("{}: {e}", path.display())))?,
        ),
        None => None,
    };

    let mut inputs = Vec::new();
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let bytes = commands::read_stdin(commands::MAX_INPUT)?;
            inputs.push(Input::Bytes {
                name: "-".into(),
                bytes,
            });
        } else {
            inputs.push(Input::Path(path.clone()));
        }
    }

    let format = args.format;
    let stdout = io::stdout();
    let color = matches!(format, Format::Human)
        && stdout.is_terminal()
        && std::env::var_os("NO_COLOR").is_none();
    // Large writes: a run's output is written in a few system calls.
    let out: Box<dyn Write> = Box::new(io::BufWriter::with_capacity(64 * 1024, stdout.lock()));
    let mut render = renderer(format, out, color);

    let progress = (!args.no_progress && io::stderr().is_terminal()).then(|| {
        // Hidden until the run turns out to be long.
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        bar
    });

    let mut options = RunOptions::new(&settings);
    options.jobs = args.jobs.unwrap_or(0);
    options.registry = registry.as_ref().map(|r| r as &dyn fa3::registry::Registry);
    options.keep_bytes = format.needs_source();
    let mut failed = false;
    let mut write_error = None;
    let (summary, problems) = fa3::run::run(inputs, &options, |result| {
        if let Some(bar) = &progress {
            bar.inc(1);
            if bar.position() == 200 {
                bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                bar.enable_steady_tick(std::time::Duration::from_millis(120));
            }
            bar.set_message(format!("{} files checked", bar.position()));
        }
        if result
            .report
            .diagnostics
            .iter()
            .any(|d| d.severity >= fail_on)
        {
            failed = true;
        }
        if write_error.is_none()
            && let Err(e) = render.file(&result)
        {
            write_error = Some(e);
        }
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if let Some(e) = write_error {
        return Err(e.into());
    }
    for p in &problems {
        eprintln!("fa3: {}", p.error);
    }
    render.finish(&summary)?;
    let nothing_checked = summary.files == 0 && problems.is_empty();
    if nothing_checked {
        eprintln!(
            "fa3: no invoice to check: the inputs hold no *.xml file{}",
            if args.allow_empty {
                ""
            } else {
                " (--allow-empty accepts that)"
            }
        );
    }
    Ok(
        if !problems.is_empty() || (nothing_checked && !args.allow_empty) {
            ExitCode::from(2)
        } else if failed && !args.exit_zero {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        },
    )
}
