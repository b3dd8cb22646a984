//! `FA3-ATT-002` attachments-not-enabled.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice with an attachment (`Zalacznik`) is sent only by a taxpayer
    /// who may send attachments. Checked when the settings say so
    /// (`attachments_allowed = false`, from KSeF's
    /// `GET /permissions/attachments/status`); nothing is reported when it is
    /// unknown.
    ///
    /// ## Why it matters
    /// Sending invoices with attachments requires a prior notification
    /// through e-Urząd Skarbowy (MF brochure on the FA(3) structure, § 16;
    /// KSeF docs: weryfikacja-faktury). Without it KSeF rejects the invoice
    /// with status 415 "Brak możliwości wysyłania faktury z załącznikiem".
    ///
    /// ## Example
    /// ```xml
    /// <Zalacznik>
    ///   <BlokDanych>...</BlokDanych>
    /// </Zalacznik> <!-- the seller has not enabled attachments -->
    /// ```
    ///
    /// ## Fix
    /// Notify the tax office through e-Urząd Skarbowy that you will send
    /// attachments, or drop the attachment.
    pub static ATTACHMENTS_NOT_ENABLED = {
        code: "FA3-ATT-002",
        name: "attachments-not-enabled",
        severity: Error,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if invoice.zalacznik.is_some() && ctx.settings.attachments_allowed == Some(false) {
        out.report(
            &ATTACHMENTS_NOT_ENABLED,
            super::ZALACZNIK,
            "the invoice has an attachment (Zalacznik), but attachments are not enabled for this taxpayer; KSeF will reject it with status 415",
        )
        .help = Some(
            "notify the tax office through e-Urząd Skarbowy that you will send attachments, or remove the attachment".into(),
        );
    }
}
