//! `FA3-BATCH-002` too-many-package-parts.

use crate::rules::Check;

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
