//! `FA3-ATT-014` attachment-needs-batch-session.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Reports every invoice with an attachment (`Zalacznik`): it has to be
    /// sent in a batch session, and the larger size limit for invoices with
    /// an attachment applies (3,000,000 bytes instead of 1,000,000, see
    /// FA3-SIZE-002).
    ///
    /// ## Why it matters
    /// KSeF accepts attachments only in batch sessions (KSeF docs:
    /// weryfikacja-faktury, "Ograniczenia dotyczące załączników"; checked by
    /// FA3-ATT-001 when the session is known), so a sending program has to
    /// route such invoices separately.
    ///
    /// ## Example
    /// ```xml
    /// <Zalacznik>
    ///   <BlokDanych>...</BlokDanych>
    /// </Zalacznik>
    /// ```
    ///
    /// ## Fix
    /// Nothing to fix: send the invoice in a batch session. Ignore this rule
    /// once your sending program routes such invoices to batch sessions.
    pub static ATTACHMENT_NEEDS_BATCH_SESSION = {
        code: "FA3-ATT-014",
        name: "attachment-needs-batch-session",
        severity: Info,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if invoice.zalacznik.is_some() {
        out.report(
            &ATTACHMENT_NEEDS_BATCH_SESSION,
            super::ZALACZNIK,
            format!(
                "the invoice has an attachment (Zalacznik): send it in a batch session; it may have up to {} bytes",
                ctx.settings.limits.max_size_with_attachment
            ),
        );
    }
}
