//! `FA3-SIZE-002` file-too-large-with-attachment: an invoice with an attachment is over the size limit.
//!
//! Checked by the byte-level pre-scan in [`crate::hygiene`].

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
