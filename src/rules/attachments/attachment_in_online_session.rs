//! `FA3-ATT-001` attachment-in-online-session.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice with an attachment (`Zalacznik`) is not sent in an
    /// interactive (online) session. Nothing is reported for a batch session,
    /// or when the kind of session is not given (FA3-ATT-014 then reminds
    /// you).
    ///
    /// ## Why it matters
    /// KSeF accepts invoices with an attachment only in batch sessions (KSeF
    /// docs: weryfikacja-faktury, "Ograniczenia dotyczące załączników"); an
    /// interactive session rejects them. The one exception is the technical
    /// correction of an offline invoice, which may be sent interactively.
    ///
    /// ## Example
    /// ```xml
    /// <Zalacznik>
    ///   <BlokDanych>...</BlokDanych>
    /// </Zalacznik> <!-- checked for an interactive session -->
    /// ```
    ///
    /// ## Fix
    /// Send the invoice in a batch session, or move the data into the
    /// invoice itself and drop the attachment.
    pub static ATTACHMENT_IN_ONLINE_SESSION = {
        code: "FA3-ATT-001",
        name: "attachment-in-online-session",
        severity: Error,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if invoice.zalacznik.is_some() && ctx.settings.mode.is_online() {
        out.report(
            &ATTACHMENT_IN_ONLINE_SESSION,
            super::ZALACZNIK,
            "the invoice has an attachment (Zalacznik), which KSeF accepts only in a batch session",
        )
        .help = Some("send the invoice in a batch session".into());
    }
}
