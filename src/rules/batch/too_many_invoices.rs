//! `FA3-BATCH-001` too-many-invoices: `check` is called by [`crate::run`]
//! with the number of documents in a package or in the whole run.

use crate::diagnostic::Diagnostic;
use crate::rules::Check;
use crate::settings::Limits;

crate::declare_rule! {
    /// ## What it checks
    /// A session holds at most 10,000 invoices (configurable as
    /// `limits.max_invoices_per_session`): each ZIP package, or, without
    /// packages, all the documents of a run. Checked by `fa3::run`; the
    /// finding is reported for the package or for the run as a whole.
    ///
    /// ## Why it matters
    /// KSeF limits the invoices per session, interactive and batch alike
    /// (KSeF docs: weryfikacja-faktury, "Ograniczenia ilościowe"; limity).
    /// An interactive session answers HTTP 400 with code 21155, a batch
    /// session ends with status 420.
    ///
    /// ## Example
    /// ```text
    /// invoices.zip: 10,001 XML files
    /// ```
    ///
    /// ## Fix
    /// Split the invoices into sessions of at most 10,000.
    pub static TOO_MANY_INVOICES = {
        code: "FA3-BATCH-001",
        name: "too-many-invoices",
        severity: Error,
        since: "0.1.0",
        check: Check::Batch,
    }
}

/// This rule's finding when `count` invoices in one session (a package, or
/// the whole run) are more than the limit.
pub(crate) fn check(count: usize, limits: &Limits) -> Option<Diagnostic> {
    let max = limits.max_invoices_per_session;
    if count <= max {
        return None;
    }
    Some(
        TOO_MANY_INVOICES
            .diagnostic(format!(
                "{count} invoices in one session; KSeF accepts at most {max}"
            ))
            .with_help(format!(
                "split the invoices into sessions of at most {max} invoices"
            )),
    )
}
