//! `FA3-DATE-011` issued-before-ksef-obligation.

use chrono::{Datelike, NaiveDate};

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

/// The first day of the KSeF obligation and of the FA(3) structure.
const KSEF_OBLIGATION: NaiveDate = match NaiveDate::from_ymd_opt(2026, 2, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// How many full calendar years KSeF keeps a duplicate key blocked.
const HORIZON_YEARS: i32 = 10;

crate::declare_rule! {
    /// ## What it checks
    /// The issue date `Fa/P_1` is before 2026-02-01, the day the KSeF
    /// obligation began (for the largest taxpayers; the others followed on
    /// 2026-04-01) and FA(3) replaced the FA(2) structure, or (when the acceptance date is
    /// known) so old that its year ended more than 10 full years before the
    /// acceptance date, beyond the horizon of KSeF's duplicate check.
    ///
    /// ## Why it matters
    /// KSeF accepts any past issue date; it rejects only future ones. An
    /// invoice issued before the obligation is sent now only by mistake (an
    /// ERP re-sending its history) or as a late offline invoice. Such
    /// invoices did reach KSeF: an invoice of 2025-04-16 was accepted on
    /// 2026-02-01 (ksef-api#657). KSeF marks it offline, and past the
    /// 10-year horizon ("przez okres 10 pełnych lat", KSeF docs:
    /// weryfikacja-faktury) it no longer detects a duplicate of it. MF
    /// brochure on FA(3), § 1.2.
    ///
    /// ## Example
    /// ```xml
    /// <P_1>2025-04-16</P_1>
    /// ```
    ///
    /// ## Fix
    /// Check that the invoice is meant to be sent now. An invoice issued
    /// outside KSeF before the obligation stays outside it.
    pub static ISSUED_BEFORE_KSEF_OBLIGATION = {
        code: "FA3-DATE-011",
        name: "issued-before-ksef-obligation",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let issued = invoice.fa.p_1.0.date();
    if issued < KSEF_OBLIGATION {
        out.report(
            &ISSUED_BEFORE_KSEF_OBLIGATION,
            "/Faktura/Fa/P_1",
            format!(
                "the issue date {issued} is before {KSEF_OBLIGATION}, when the KSeF obligation began and FA(3) replaced FA(2); KSeF accepts it, but an invoice this old is rarely meant to be sent now"
            ),
        )
        .help = Some(
            "check that this old invoice is meant to be sent; an invoice issued outside KSeF before the obligation stays outside it".into(),
        );
        return;
    }
    let Some(acc) = ctx.acceptance else { return };
    let last_year = issued.year().saturating_add(HORIZON_YEARS);
    if last_year < acc.local_date.year() {
        out.report(
            &ISSUED_BEFORE_KSEF_OBLIGATION,
            "/Faktura/Fa/P_1",
            format!(
                "the issue date {issued} is beyond KSeF's duplicate horizon: invoices of {year} are checked for duplicates until the end of {last_year}, and the acceptance date is {accepted}",
                year = issued.year(),
                accepted = acc.local_date
            ),
        )
        .help = Some(
            "check that this old invoice is meant to be sent; KSeF will not notice if it was sent before".into(),
        );
    }
}
