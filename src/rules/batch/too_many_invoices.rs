//! `FA3-BATCH-001` too-many-invoices.

use crate::rules::Check;

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
