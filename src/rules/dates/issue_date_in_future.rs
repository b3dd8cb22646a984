//! `FA3-DATE-001` issue-date-in-future.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The issue date `Fa/P_1` is not later than the date KSeF accepts the
    /// invoice: the calendar date, in Europe/Warsaw (configurable), of the
    /// moment of sending (interactive session) or of the moment the batch
    /// session was opened (batch session).
    ///
    /// ## Why it matters
    /// KSeF rejects an invoice whose issue date is after its acceptance date
    /// ("Data wystawienia faktury (P_1) nie może być późniejsza niż data
    /// przyjęcia dokumentu do systemu KSeF", KSeF docs: weryfikacja-faktury).
    /// In a batch session the acceptance date is the session's opening, so a
    /// batch opened at 23:59 and uploaded after midnight still counts as the
    /// earlier day.
    ///
    /// ## Example
    /// ```xml
    /// <P_1>2026-11-22</P_1> <!-- checked on 2026-11-21 -->
    /// ```
    ///
    /// ## Fix
    /// Use the real issue date, or send the invoice on or after its issue date.
    pub static ISSUE_DATE_IN_FUTURE = {
        code: "FA3-DATE-001",
        name: "issue-date-in-future",
        severity: Error,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(acc) = ctx.acceptance else { return };
    let p1 = invoice.fa.p_1.0.date();
    if p1 > acc.local_date {
        let when = if ctx.settings.mode.is_batch() {
            "the batch session's opening date"
        } else {
            "the acceptance date"
        };
        out.report(
            &ISSUE_DATE_IN_FUTURE,
            "/Faktura/Fa/P_1",
            format!(
                "the issue date {p1} is after {when} {} ({}); KSeF will reject the invoice",
                acc.local_date, ctx.settings.tz
            ),
        )
        .help = Some(format!("use an issue date on or before {}", acc.local_date));
    }
}
