//! `FA3-BATCH-002` too-many-package-parts: `check` is called by
//! [`crate::run`] with the size of each ZIP package.

use crate::diagnostic::Diagnostic;
use crate::rules::Check;
use crate::settings::Limits;

crate::declare_rule! {
    /// ## What it checks
    /// A ZIP package fits in at most 50 parts (configurable as
    /// `limits.max_parts`). KSeF takes a package as byte ranges of one ZIP,
    /// each at most 100,000,000 bytes before encryption, so the package needs
    /// `ceil(size / 100,000,000)` parts. Checked by `fa3::run` for each ZIP
    /// it reads.
    ///
    /// ## Why it matters
    /// KSeF rejects the opening of a batch session that declares more than 50
    /// parts with HTTP 400 code 21161 (KSeF docs: weryfikacja-faktury; OpenAPI
    /// `BatchFileInfo.fileParts`, maxItems 50).
    ///
    /// ## Example
    /// ```text
    /// invoices.zip: 5,000,000,001 bytes (51 parts)
    /// ```
    ///
    /// ## Fix
    /// Send the invoices in more than one package (batch session).
    pub static TOO_MANY_PARTS = {
        code: "FA3-BATCH-002",
        name: "too-many-package-parts",
        severity: Error,
        since: "0.1.0",
        check: Check::Batch,
    }
}

/// This rule's finding when a package of `size` bytes needs more parts
/// than the limit: a package is sent as byte ranges of one ZIP, each at
/// most one part.
pub(crate) fn check(size: u64, limits: &Limits) -> Option<Diagnostic> {
    let parts = size.div_ceil(limits.max_part_size.max(1));
    if parts <= limits.max_parts {
        return None;
    }
    Some(
        TOO_MANY_PARTS
            .diagnostic(format!(
                "the package has {size} bytes and needs {parts} parts of at most {} bytes; KSeF accepts at most {} parts",
                limits.max_part_size, limits.max_parts
            ))
            .with_help("send the invoices in more than one package"),
    )
}
