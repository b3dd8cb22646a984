//! `FA3-DATE-005` period-start-after-end.

use crate::model::{Faktura, FakturaFaP6Choice};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The period of a periodic invoice, `Fa/OkresFa`, does not start after
    /// it ends: `P_6_Od` ≤ `P_6_Do`.
    ///
    /// ## Why it matters
    /// `P_6_Od` and `P_6_Do` are the first and the last day of the period
    /// the invoice covers (schemat_FA(3)_v1-0E.xsd, `OkresFa`: "Data
    /// początkowa okresu" / "Data końcowa okresu"; art. 106e ust. 1 pkt 6
    /// ustawy o VAT). A start after the end is usually a swapped pair of
    /// dates, and the invoice then names no period at all. KSeF does not
    /// check it.
    ///
    /// ## Example
    /// ```xml
    /// <OkresFa>
    ///   <P_6_Od>2026-11-30</P_6_Od>
    ///   <P_6_Do>2026-11-01</P_6_Do>
    /// </OkresFa>
    /// ```
    ///
    /// ## Fix
    /// Put the first day of the period in `P_6_Od` and the last in `P_6_Do`.
    pub static PERIOD_START_AFTER_END = {
        code: "FA3-DATE-005",
        name: "period-start-after-end",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let Some(FakturaFaP6Choice::OkresFa(period)) = &invoice.fa.p_6_choice else {
        return;
    };
    let start = period.p_6_od.0.date();
    let end = period.p_6_do.0.date();
    if start > end {
        out.report(
            &PERIOD_START_AFTER_END,
            "/Faktura/Fa/OkresFa/P_6_Od",
            format!("the period starts on {start} (P_6_Od) but ends earlier, on {end} (P_6_Do)"),
        )
        .help =
            Some("swap the dates: P_6_Od is the first day of the period, P_6_Do the last".into());
    }
}
