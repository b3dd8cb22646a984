//! `FA3-SIZE-001` file-too-large: an invoice without attachment is over the size limit.
//!
//! Found by the byte-level pre-scan in [`crate::hygiene`], which reports it
//! through the functions here.

use crate::diagnostic::Diagnostic;
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

/// The finding for a file of `len` bytes without a `Zalacznik`, over the
/// limit `limit`; `limit_with_attachment` is named in the help (the caller
/// adds the span).
pub(crate) fn finding(len: u64, limit: u64, limit_with_attachment: u64) -> Diagnostic {
    use super::thousands;
    TOO_LARGE
        .diagnostic(format!(
            "the file is {} bytes, {} over the limit of {} bytes for an invoice without an \
             attachment (Zalacznik)",
            thousands(len),
            thousands(len.saturating_sub(limit)),
            thousands(limit)
        ))
        .with_help(format!(
            "KSeF rejects larger invoices: remove padding, comments and indentation, or \
             split the invoice (an invoice with a Zalacznik may have up to {} bytes, but \
             only in a batch session)",
            thousands(limit_with_attachment)
        ))
}
