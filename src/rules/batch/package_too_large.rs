//! `FA3-BATCH-004` package-too-large: `check` is called by [`crate::run`]
//! with the size of each ZIP package.

use crate::diagnostic::Diagnostic;
use crate::rules::Check;
use crate::settings::Limits;

crate::declare_rule! {
    /// ## What it checks
    /// A whole ZIP package has at most 5,000,000,000 bytes (configurable as
    /// `limits.max_package_size`). Checked by `fa3::run`.
    ///
    /// ## Why it matters
    /// The KSeF API limits the declared package size (`BatchFileInfo.fileSize`,
    /// maximum 5000000000; KSeF docs: weryfikacja-faktury), so a larger
    /// package cannot even be announced when opening the batch session.
    ///
    /// ## Example
    /// ```text
    /// invoices.zip: 5,000,000,001 bytes
    /// ```
    ///
    /// ## Fix
    /// Send the invoices in several batch sessions.
    pub static PACKAGE_TOO_LARGE = {
        code: "FA3-BATCH-004",
        name: "package-too-large",
        severity: Error,
        since: "0.1.0",
        check: Check::Batch,
    }
}

/// This rule's finding when a package of `size` bytes is over the limit.
pub(crate) fn check(size: u64, limits: &Limits) -> Option<Diagnostic> {
    let max = limits.max_package_size;
    if size <= max {
        return None;
    }
    Some(PACKAGE_TOO_LARGE.diagnostic(format!(
        "the package has {size} bytes; KSeF accepts at most {max} bytes"
    )))
}
