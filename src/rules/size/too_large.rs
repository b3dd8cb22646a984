//! `FA3-SIZE-001` file-too-large: an invoice without attachment is over the size limit.
//!
//! Checked by the byte-level pre-scan in [`crate::hygiene`].

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// When the document has no `Zalacznik` element, its raw size in bytes is at
    /// most [`HygieneLimits::max_size`](crate::hygiene::HygieneLimits::max_size),
    /// 1,000,000 bytes by default (SI megabyte, not MiB). Exactly 1,000,000
    /// bytes passes.
    ///
    /// ## Why it matters
    /// KSeF rejects larger invoices. The finding is fatal and is checked before
    /// anything else: nothing else in the file is scanned.
    ///
    /// ## Example
    /// An invoice of 1,000,001 bytes with no `Zalacznik`.
    ///
    /// ## Fix
    /// Remove padding, comments or indentation, or split the
    /// invoice. A per-context limit (`maxInvoiceSizeInMB`) can be configured
    /// through the settings (`Limits::max_size`, `--config`).
    ///
    /// ## References
    /// - KSeF documentation, *Weryfikacja faktury* and *Limity*.
    pub static TOO_LARGE = {
        code: "FA3-SIZE-001",
        name: "file-too-large",
        severity: Error,
        since: "0.1.0",
        check: Check::Hygiene,
    }
}
