//! `FA3-SIZE-002` file-too-large-with-attachment: an invoice with an attachment is over the size limit.
//!
//! Found by the byte-level pre-scan in [`crate::hygiene`], which reports it
//! through the functions here.

use crate::diagnostic::Diagnostic;
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// When the document has a `Zalacznik` element (a start tag with that local
    /// name, with or without a prefix, outside comments, CDATA sections,
    /// processing instructions and attribute values), its raw size in bytes is
    /// at most [`HygieneLimits::max_size_with_attachment`](crate::hygiene::HygieneLimits::max_size_with_attachment),
    /// 3,000,000 bytes by default.
    ///
    /// ## Why it matters
    /// KSeF rejects larger invoices. The finding is fatal and is checked before
    /// anything else: nothing else in the file is scanned.
    ///
    /// ## Example
    /// An invoice of 3,000,001 bytes with a `Zalacznik`.
    ///
    /// ## Fix
    /// Shorten the attachment's tables or the invoice.
    ///
    /// ## References
    /// - KSeF documentation, *Weryfikacja faktury* and *Limity*
    ///   (`maxInvoiceWithAttachmentSizeInMB`).
    pub static TOO_LARGE_WITH_ATTACHMENT = {
        code: "FA3-SIZE-002",
        name: "file-too-large-with-attachment",
        severity: Error,
        since: "0.1.0",
        check: Check::Hygiene,
    }
}

/// The finding for a file of `len` bytes with a `Zalacznik`, over the limit
/// `limit` (the caller adds the span).
pub(crate) fn finding(len: u64, limit: u64) -> Diagnostic {
    use super::thousands;
    TOO_LARGE_WITH_ATTACHMENT
        .diagnostic(format!(
            "the file is {} bytes, {} over the limit of {} bytes for an invoice with an \
             attachment (Zalacznik)",
            thousands(len),
            thousands(len.saturating_sub(limit)),
            thousands(limit)
        ))
        .with_help(
            "KSeF rejects larger invoices: shorten the Zalacznik tables or the invoice, \
             or remove padding, comments and indentation",
        )
}
