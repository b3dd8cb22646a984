//! `FA3-DATE-002` issue-date-time-zone-window.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The issue date `Fa/P_1` equals today's date in Warsaw but is later
    /// than today's date in UTC: the window after local midnight (00:00–01:00
    /// in winter, 00:00–02:00 in summer).
    ///
    /// ## Why it matters
    /// KSeF does not document the time zone of its "P_1 not in the future"
    /// check. Its dates are Polish local dates (ksef-api#637), which fa3
    /// follows, but a UTC-based comparison would reject this invoice. Sending
    /// it a little later removes the doubt.
    ///
    /// ## Example
    /// ```xml
    /// <P_1>2026-11-22</P_1> <!-- checked at 2026-11-21T23:30:00Z, 00:30 in Warsaw -->
    /// ```
    ///
    /// ## Fix
    /// Send after 01:00 (02:00 in summer) Warsaw time, or accept the small risk.
    pub static ISSUE_DATE_TIME_ZONE_WINDOW = {
        code: "FA3-DATE-002",
        name: "issue-date-time-zone-window",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(acc) = ctx.acceptance else { return };
    let p1 = invoice.fa.p_1.0.date();
    if p1 == acc.local_date && p1 > acc.utc_date {
        out.report(
            &ISSUE_DATE_TIME_ZONE_WINDOW,
            "/Faktura/Fa/P_1",
            format!(
                "the issue date {p1} is today in {} but still {} in UTC; a UTC-based check would reject it",
                ctx.settings.tz, acc.utc_date
            ),
        )
        .help = Some("send the invoice after the first hours of the day (Warsaw time)".into());
    }
}
