//! The rule engine: every check has a stable code from the FA(3) rule catalog,
//! a kebab-case name, a default severity, the version it arrived in, and docs
//! that are the single source for `fa3 rule CODE` and `docs/rules.md`.
//!
//! A rule is declared once with `declare_rule!` (below) in its own file under
//! `src/rules/<area>/`. Document rules see the typed [`Faktura`] and a
//! [`Context`]; they never read the clock, the disk or the network, and they
//! report element paths, which the report resolves to line:column. Rules
//! implemented by other layers (byte hygiene, the schema validator, checks
//! across documents) are registered here too, so that selection and docs
//! cover every code.

use chrono::{DateTime, NaiveDate, Utc};

use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::facts::Facts;
use crate::model::Faktura;
use crate::settings::Settings;

pub(crate) mod advances;
pub(crate) mod amounts;
pub(crate) mod annotations;
pub(crate) mod attachments;
pub(crate) mod batch;
pub(crate) mod corrections;
pub(crate) mod currency;
pub(crate) mod dates;
pub(crate) mod duplicates;
pub(crate) mod footer;
pub(crate) mod header;
pub(crate) mod ids;
pub(crate) mod lines;
pub(crate) mod numbering;
pub(crate) mod parties;
pub(crate) mod payment;
mod registry;
pub mod schema_map;
pub(crate) mod settlement;
pub(crate) mod simplified;
pub(crate) mod size;
pub(crate) mod transaction;
pub(crate) mod util;
pub(crate) mod xml;
pub(crate) mod xsd;

pub use registry::RULES;

/// Where a rule's check lives.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub enum Check {
    /// Runs on one typed invoice.
    Document(fn(&Faktura, &Context<'_>, &mut Findings)),
    /// Implemented on the document's bytes or text rather than the typed
    /// model: the byte-level pre-scan (`hygiene`), or the raw text of a value
    /// the model trims.
    Hygiene,
    /// Implemented by the schema validator or form detection.
    Schema,
    /// A catalog rule the schema already enforces: the schema validator's
    /// failures that the mapping recognises are reported under the rule's
    /// code, with its explanation and help (see [`schema_map`]).
    SchemaMapped(&'static schema_map::SchemaMapping),
    /// Needs several documents or the registry of sent keys.
    Batch,
    /// Applies to KSeF request data the document does not carry; documented
    /// for reference, checked by the functions named in its docs.
    Reference,
}

impl std::fmt::Debug for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Check::Document(_) => "Document",
            Check::Hygiene => "Hygiene",
            Check::Schema => "Schema",
            Check::SchemaMapped(_) => "SchemaMapped",
            Check::Batch => "Batch",
            Check::Reference => "Reference",
        })
    }
}

/// Everything known about a rule except how it checks.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct RuleMeta {
    /// Stable code, e.g. `FA3-DATE-001`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `issue-date-in-future`.
    pub name: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// The version the rule arrived in.
    pub since: &'static str,
    /// Markdown docs: what it checks, why it matters, an example, the fix.
    pub docs: &'static str,
}

impl RuleMeta {
    /// The area, from the code: `FA3-DATE-001` → `DATE`.
    pub fn area(&self) -> &'static str {
        let mut parts = self.code.split('-');
        parts.next();
        parts.next().unwrap_or("")
    }

    /// The docs without the one leading space `///` comments leave.
    pub fn docs_text(&self) -> String {
        let mut s = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            s.push_str(line.strip_prefix(' ').unwrap_or(line));
            s.push('\n');
        }
        s.trim().to_string()
    }

    /// The first paragraph of "What it checks", for listings.
    pub fn summary(&self) -> String {
        let docs = self.docs_text();
        let body = docs
            .split("## What it checks")
            .nth(1)
            .unwrap_or(&docs)
            .trim_start();
        body.split("\n\n")
            .next()
            .unwrap_or("")
            .split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A registered rule.
#[derive(Debug)]
#[non_exhaustive]
pub struct Rule {
    /// Its metadata and docs.
    pub meta: RuleMeta,
    /// Its check.
    pub check: Check,
}

impl Rule {
    /// A finding of this rule at its default severity, not yet located:
    /// every finding carries its code from here, never from a literal.
    pub fn diagnostic(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.meta.code, self.meta.severity, message)
    }

    /// A finding of this rule at `severity`, for a rule whose severity
    /// depends on what was found.
    pub fn diagnostic_at(&self, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.meta.code, severity, message)
    }
}

/// Every rule, sorted by code.
pub fn sorted() -> Vec<&'static Rule> {
    let mut rules: Vec<&'static Rule> = RULES.to_vec();
    rules.sort_by_key(|r| r.meta.code);
    rules
}

/// Looks a rule up by exact code.
pub fn find(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.meta.code == code)
}

/// Declares a rule: doc comment (the rule's docs), metadata and check.
///
/// ```text
/// declare_rule! {
///     /// ## What it checks
///     /// ...
///     pub static ISSUE_DATE_IN_FUTURE = {
///         code: "FA3-DATE-001", name: "issue-date-in-future", severity: Error,
///         since: "0.1.0", check: Check::Document(check),
///     }
/// }
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub static $NAME:ident = {
            code: $code:literal,
            name: $name:literal,
            severity: $sev:ident,
            since: $since:literal,
            check: $check:expr $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        pub static $NAME: $crate::rules::Rule = $crate::rules::Rule {
            meta: $crate::rules::RuleMeta {
                code: $code,
                name: $name,
                severity: $crate::diagnostic::Severity::$sev,
                since: $since,
                docs: concat!($($doc, "\n"),*),
            },
            check: $check,
        };
    };
}

/// The acceptance moment KSeF will use and its calendar dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Acceptance {
    /// The instant: now (online) or the batch session's opening.
    pub instant: DateTime<Utc>,
    /// Its calendar date in the configured time zone (Europe/Warsaw).
    pub local_date: NaiveDate,
    /// Its calendar date in UTC.
    pub utc_date: NaiveDate,
}

/// What a document rule may know besides the invoice.
#[derive(Debug)]
#[non_exhaustive]
pub struct Context<'a> {
    /// The settings of this check.
    pub settings: &'a Settings,
    /// The acceptance moment, when `now` (or the batch opening) is known.
    pub acceptance: Option<Acceptance>,
    facts: Facts<'a>,
}

impl<'a> Context<'a> {
    /// The derived facts of the invoice, each computed on first use and
    /// shared by every rule.
    pub fn facts(&self) -> &Facts<'a> {
        &self.facts
    }

    /// Derives the context of `invoice` from settings.
    pub fn new(settings: &'a Settings, invoice: &'a Faktura) -> Self {
        let instant = match settings.mode {
            crate::settings::SessionMode::Batch {
                opened_at: Some(opened),
            } => Some(opened),
            _ => settings.now,
        };
        let acceptance = instant.map(|instant| Acceptance {
            instant,
            local_date: local_date(&settings.tz, instant),
            utc_date: instant.date_naive(),
        });
        Self {
            settings,
            acceptance,
            facts: Facts::new(invoice),
        }
    }
}

thread_local! {
    /// The last zone, instant and calendar date [`local_date`] worked out on
    /// this thread.
    static LAST_LOCAL_DATE: std::cell::RefCell<Option<(crate::TimeZone, DateTime<Utc>, NaiveDate)>> =
        const { std::cell::RefCell::new(None) };
}

/// `tz.local_date(instant)`, remembered for the next call: every document
/// of a run has the same acceptance instant and zone, and the conversion
/// looks the instant up in the zone's transitions.
fn local_date(tz: &crate::TimeZone, instant: DateTime<Utc>) -> NaiveDate {
    LAST_LOCAL_DATE.with(|last| {
        let Ok(mut last) = last.try_borrow_mut() else {
            return tz.local_date(instant);
        };
        if let Some((zone, at, date)) = last.as_ref()
            && *at == instant
            && zone == tz
        {
            return *date;
        }
        let date = tz.local_date(instant);
        *last = Some((tz.clone(), instant, date));
        date
    })
}

/// Collects the findings of document rules.
#[derive(Debug, Default)]
pub struct Findings {
    diagnostics: Vec<Diagnostic>,
}

impl Findings {
    /// Reports `rule` at `path` with its default severity.
    pub fn report(
        &mut self,
        rule: &Rule,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.report_at(rule, rule.meta.severity, path, message)
    }

    /// Reports `rule` at `path` with a severity that depends on the context
    /// (e.g. error in production, warning on the test environment).
    pub fn report_at(
        &mut self,
        rule: &Rule,
        severity: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::new(rule.meta.code, severity, message).with_path(path));
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    /// The collected diagnostics.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

/// Runs every enabled document rule on `invoice`, appending the findings to
/// `out` (the document's findings so far, so that they are not copied).
pub(crate) fn run_document_rules(
    invoice: &Faktura,
    settings: &Settings,
    out: &mut Vec<Diagnostic>,
) {
    let ctx = Context::new(settings, invoice);
    let mut findings = Findings {
        diagnostics: std::mem::take(out),
    };
    // The default selection enables every rule: no pattern to match.
    let every = settings.selection.select.is_empty() && settings.selection.ignore.is_empty();
    for rule in RULES {
        if let Check::Document(check) = rule.check
            && (every || settings.selection.is_enabled(rule.meta.code))
        {
            check(invoice, &ctx, &mut findings);
        }
    }
    *out = findings.into_diagnostics();
}

/// The rule reference as Markdown (`docs/rules.md` is generated from this).
pub fn reference_markdown() -> String {
    use std::fmt::Write;
    let mut s = String::from(
        "<!-- Generated from the rule registry by `UPDATE_DOCS=1 cargo test --test docs`. Do not edit. -->\n\n# fa3 rules\n\n",
    );
    s.push_str("| Code | Name | Severity | Summary |\n|---|---|---|---|\n");
    let mut sorted: Vec<&Rule> = RULES.to_vec();
    sorted.sort_by_key(|r| r.meta.code);
    for rule in &sorted {
        let m = &rule.meta;
        let _ = writeln!(
            s,
            "| [{}](#{}) | {} | {} | {} |",
            m.code,
            m.code.to_ascii_lowercase(),
            m.name,
            m.severity,
            m.summary().replace('|', "\\|")
        );
    }
    for rule in &sorted {
        let m = &rule.meta;
        let docs = m.docs_text().replace("\n## ", "\n### ");
        let docs = docs
            .strip_prefix("## ")
            .map_or(docs.clone(), |d| format!("### {d}"));
        let _ = write!(
            s,
            "\n## {}\n\n`{}` · default severity **{}** · since {}\n\n{}\n",
            m.code, m.name, m.severity, m.since, docs
        );
    }
    s
}

/// True when `pattern` (a code such as `FA3-DATE-001` or a prefix such as
/// `FA3-NIP` or `FA3`) names at least one registered rule.
pub fn is_known_selector(pattern: &str) -> bool {
    let probe = crate::settings::Selection {
        select: vec![pattern.to_string()],
        ..crate::settings::Selection::default()
    };
    RULES.iter().any(|r| probe.is_enabled(r.meta.code))
}

impl Settings {
    /// Checks the settings themselves: every entry of
    /// [`Selection::select`](crate::Selection::select) and [`Selection::ignore`](crate::Selection::ignore) must match at least
    /// one rule code (as a code or a prefix such as `FA3-NIP`), and every key
    /// of [`Selection::severity`](crate::Selection::severity) must be a rule code. [`crate::validate`]
    /// and [`crate::run::run`] call it once per call, before any document.
    ///
    /// ```
    /// let mut settings = fa3::Settings::default();
    /// settings.selection.select.push("FA3-NIP".into());
    /// assert!(settings.validate().is_ok());
    /// settings.selection.ignore.push("FA3-NOPE".into());
    /// assert!(matches!(
    ///     settings.validate(),
    ///     Err(fa3::Error::UnknownRule { setting: "ignore", .. })
    /// ));
    /// ```
    pub fn validate(&self) -> Result<(), Error> {
        let selection = &self.selection;
        for (setting, patterns) in [("select", &selection.select), ("ignore", &selection.ignore)] {
            if let Some(unknown) = patterns.iter().find(|p| !is_known_selector(p)) {
                return Err(Error::UnknownRule {
                    code: unknown.clone(),
                    setting,
                });
            }
        }
        if let Some(unknown) = selection.severity.keys().find(|code| find(code).is_none()) {
            return Err(Error::UnknownRule {
                code: unknown.clone(),
                setting: "severity",
            });
        }
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn remembered_local_dates_follow_the_zone_and_the_instant() {
        let warsaw = crate::TimeZone::warsaw();
        let new_york = crate::TimeZone::named("America/New_York").unwrap();
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 3, d).unwrap();
        let late = at("2026-03-01T23:30:00Z");
        let early = at("2026-03-02T03:30:00Z");
        for (tz, instant, expected) in [
            (&warsaw, late, day(2)),
            (&warsaw, late, day(2)),
            (&new_york, late, day(1)),
            (&new_york, early, day(1)),
            (&warsaw, early, day(2)),
            (&warsaw, late, day(2)),
            (&new_york, late, day(1)),
        ] {
            assert_eq!(local_date(tz, instant), expected, "{tz} {instant}");
            assert_eq!(tz.local_date(instant), expected, "{tz} {instant}");
        }
    }
}
