//! `FA3-DATE-003` issue-date-before-acceptance-offline.

use crate::diagnostic::Severity;
use crate::facts::push_date;
use crate::model::Faktura;
use crate::rules::dates::calendar::next_business_day;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The issue date `Fa/P_1` is earlier than the acceptance date. KSeF then
    /// marks the invoice as issued in offline mode, even when it was sent with
    /// `offlineMode=false`. fa3 reports an info, and a warning when the
    /// offline24 deadline (the next business day after the issue date, Polish
    /// public holidays excluded) has already passed.
    ///
    /// ## Why it matters
    /// KSeF decides offline mode by comparing the calendar days of `P_1` and
    /// the acceptance date (docs: automatyczne-okreslanie-trybu-offline,
    /// tryby-offline). An offline invoice handed to the buyer before sending
    /// needs both QR codes (KOD I and KOD II), and offline24 invoices must be
    /// sent by the next business day.
    ///
    /// ## Example
    /// ```xml
    /// <P_1>2026-11-19</P_1> <!-- Thursday; checked on Saturday 2026-11-21 -->
    /// ```
    ///
    /// ## Fix
    /// Send invoices on their issue date; for offline invoices, print KOD I and
    /// KOD II and send them by the next business day.
    pub static ISSUE_DATE_OFFLINE = {
        code: "FA3-DATE-003",
        name: "issue-date-before-acceptance-offline",
        severity: Info,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(acc) = ctx.acceptance else { return };
    let p1 = invoice.fa.p_1.0.date();
    if p1 >= acc.local_date {
        return;
    }
    let deadline = next_business_day(p1);
    match deadline {
        Some(deadline) if acc.local_date > deadline => {
            out.report_at(&ISSUE_DATE_OFFLINE, Severity::Warning, "/Faktura/Fa/P_1", {
                let mut message = String::with_capacity(160);
                message.push_str("the issue date ");
                push_date(&mut message, p1);
                message.push_str(" is before the acceptance date ");
                push_date(&mut message, acc.local_date);
                message
                    .push_str(": KSeF will mark the invoice offline, and the offline24 deadline (");
                push_date(&mut message, deadline);
                message.push_str(") has passed");
                message
            })
            .help = Some("send offline invoices by the next business day after issue".into());
        }
        _ => {
            out.report(&ISSUE_DATE_OFFLINE, "/Faktura/Fa/P_1", {
                let mut message = String::with_capacity(120);
                message.push_str("the issue date ");
                push_date(&mut message, p1);
                message.push_str(" is before the acceptance date ");
                push_date(&mut message, acc.local_date);
                message.push_str(": KSeF will mark the invoice as issued offline");
                message
            })
            .help = Some(
                "an offline invoice given to the buyer before sending needs KOD I and KOD II"
                    .into(),
            );
        }
    }
}
