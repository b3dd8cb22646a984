//! Everything a check depends on besides the document, passed in from
//! outside: no rule reads the clock, the disk, the environment or the network.

use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::{DateTime, Utc};

use crate::Error;
use crate::diagnostic::Severity;
use crate::ksef;

/// The KSeF environment the invoice is meant for (`prd`, `test`, `demo`).
pub use crate::ksef::Environment;

/// An IANA time zone from the bundled database.
pub use crate::zone::TimeZone;

/// How the invoice will be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum SessionMode {
    /// Not given: the acceptance date is `now`, as for an interactive
    /// session, and the rules that depend on the kind of session (such as
    /// FA3-ATT-001) stay silent.
    #[default]
    Unspecified,
    /// An interactive session: the acceptance date is the moment of sending.
    Online,
    /// A batch session: the acceptance date is the moment the session opened.
    Batch {
        /// When the batch session was (or will be) opened; `None` means `now`.
        opened_at: Option<DateTime<Utc>>,
    },
}

impl SessionMode {
    /// True for batch sessions.
    pub fn is_batch(self) -> bool {
        matches!(self, SessionMode::Batch { .. })
    }

    /// True when the session is known to be interactive.
    pub fn is_online(self) -> bool {
        self == SessionMode::Online
    }
}

impl FromStr for SessionMode {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "online" | "interactive" => Ok(SessionMode::Online),
            "batch" => Ok(SessionMode::Batch { opened_at: None }),
            other => Err(Error::Settings(format!(
                "unknown session mode `{other}` (expected online or batch)"
            ))),
        }
    }
}

/// Size, depth and count limits, enforced before the work they protect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest invoice without an attachment, in bytes (FA3-SIZE-001).
    pub max_size: u64,
    /// Largest invoice with a `Zalacznik`, in bytes (FA3-SIZE-002).
    pub max_size_with_attachment: u64,
    /// Deepest element nesting read.
    pub max_depth: usize,
    /// Most elements read in one document.
    pub max_elements: usize,
    /// Most invoices in one session or package (FA3-BATCH-001).
    pub max_invoices_per_session: usize,
    /// Largest package part before encryption, in bytes (FA3-BATCH-003).
    pub max_part_size: u64,
    /// Largest whole package, in bytes (FA3-BATCH-004).
    pub max_package_size: u64,
    /// Most parts one package may be split into (FA3-BATCH-002).
    pub max_parts: u64,
}

impl Default for Limits {
    /// KSeF's limits and fa3's bounds on the work for one document, all
    /// from [`crate::ksef`].
    fn default() -> Self {
        Self {
            max_size: ksef::MAX_INVOICE_SIZE,
            max_size_with_attachment: ksef::MAX_INVOICE_SIZE_WITH_ATTACHMENT,
            max_depth: ksef::MAX_DEPTH,
            max_elements: ksef::MAX_ELEMENTS,
            max_invoices_per_session: ksef::MAX_INVOICES_PER_SESSION,
            max_part_size: ksef::MAX_PART_SIZE,
            max_package_size: ksef::MAX_PACKAGE_SIZE,
            max_parts: ksef::MAX_PARTS,
        }
    }
}

/// Which rules run, and at what severity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Selection {
    /// Codes or prefixes to run (`FA3-NIP`, `FA3-DATE-001`); empty means all.
    pub select: Vec<String>,
    /// Codes or prefixes to skip; wins over `select`.
    pub ignore: Vec<String>,
    /// Severity overrides by exact code.
    pub severity: BTreeMap<String, Severity>,
}

fn matches_prefix(code: &str, pattern: &str) -> bool {
    code == pattern
        || (code.starts_with(pattern)
            && (pattern.ends_with('-') || code.as_bytes().get(pattern.len()) == Some(&b'-')))
}

impl Selection {
    /// True when `code` is selected and not ignored.
    pub fn is_enabled(&self, code: &str) -> bool {
        let selected =
            self.select.is_empty() || self.select.iter().any(|p| matches_prefix(code, p));
        selected && !self.ignore.iter().any(|p| matches_prefix(code, p))
    }

    /// The severity to report `code` at.
    pub fn severity_of(&self, code: &str, default: Severity) -> Severity {
        self.severity.get(code).copied().unwrap_or(default)
    }
}

/// The settings of one check.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Settings {
    /// The moment of checking; date rules compare against it. `None` skips
    /// the rules that need it (the library never reads the clock).
    pub now: Option<DateTime<Utc>>,
    /// The time zone of KSeF dates (default Europe/Warsaw).
    pub tz: TimeZone,
    /// The target environment.
    pub env: Environment,
    /// Interactive or batch.
    pub mode: SessionMode,
    /// Whether the sender may send attachments; `None` when unknown.
    pub attachments_allowed: Option<bool>,
    /// The form code (`systemCode`) the session was or will be opened with,
    /// e.g. `FA (3)` or `FA (2)`; `None` when unknown (FA3-XML-009).
    pub form_code: Option<String>,
    /// Size, depth and count limits.
    pub limits: Limits,
    /// Only well-formedness and the XSD (the verdict to compare with xmllint).
    pub schema_only: bool,
    /// Rule selection and severity overrides.
    pub selection: Selection,
    /// Tolerance for amount comparisons (default 0.01).
    pub tolerance: rust_decimal::Decimal,
    /// The NBP Table A mid-rates, loaded by the caller (the CLI's
    /// `--rates FILE`); `None` leaves FA3-CUR-005 silent.
    pub exchange_rates: Option<std::sync::Arc<crate::exchange_rates::ExchangeRates>>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            now: None,
            tz: TimeZone::warsaw(),
            env: Environment::Prd,
            mode: SessionMode::Unspecified,
            attachments_allowed: None,
            form_code: None,
            limits: Limits::default(),
            schema_only: false,
            selection: Selection::default(),
            tolerance: rust_decimal::Decimal::new(1, 2),
            exchange_rates: None,
        }
    }
}

impl Settings {
    /// Default settings checking as of `now`.
    pub fn at(now: DateTime<Utc>) -> Self {
        Self {
            now: Some(now),
            ..Self::default()
        }
    }

    /// Settings that run only the rule `code` (as a rule's fixture test does).
    #[must_use]
    pub fn only(mut self, code: &str) -> Self {
        self.selection.select = vec![code.to_string()];
        self.selection.ignore.clear();
        self
    }

    /// Parses a time zone name such as `Europe/Warsaw` (see
    /// [`TimeZone::named`]).
    pub fn parse_tz(name: &str) -> Result<TimeZone, Error> {
        TimeZone::named(name)
    }
}
