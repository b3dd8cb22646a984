//! `FA3-BATCH-003` package-part-too-large: `check` is called by
//! [`crate::run`] with the size of each ZIP package.

use crate::diagnostic::Diagnostic;
use crate::rules::Check;
use crate::settings::Limits;

crate::declare_rule! {
    /// ## What it checks
    /// A ZIP package sent as one part has at most 100,000,000 bytes
    /// (configurable as `limits.max_part_size`). The limit applies to each
    /// part before encryption; fa3 reads a package as a single part. Checked
    /// by `fa3::run`.
    ///
    /// ## Why it matters
    /// KSeF rejects a larger part with HTTP 400 code 21157 (KSeF docs:
    /// weryfikacja-faktury; sesja-wsadowa). Sizes are SI: 100 MB is
    /// 100,000,000 bytes, not 100 MiB.
    ///
    /// ## Example
    /// ```text
    /// invoices.zip: 100,000,001 bytes
    /// ```
    ///
    /// ## Fix
    /// Split the package into parts of at most 100,000,000 bytes (up to 50
    /// parts) before encrypting them.
    pub static PACKAGE_PART_TOO_LARGE = {
        code: "FA3-BATCH-003",
        name: "package-part-too-large",
        severity: Error,
        since: "0.1.0",
        check: Check::Batch,
    }
}

/// This rule's finding when a package part of `size` bytes is over the
/// limit.
pub(crate) fn check(size: u64, limits: &Limits) -> Option<Diagnostic> {
    let max = limits.max_part_size;
    if size <= max {
        return None;
    }
    Some(
        PACKAGE_PART_TOO_LARGE
            .diagnostic(format!(
                "the package part has {size} bytes; KSeF accepts parts of at most {max} bytes before encryption"
            ))
            .with_help(format!(
                "split the package into parts of at most {max} bytes"
            )),
    )
}
