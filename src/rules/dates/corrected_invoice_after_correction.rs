//! `FA3-DATE-014` corrected-invoice-after-correction.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// No corrected invoice, `DaneFaKorygowanej/DataWystFaKorygowanej`, is
    /// dated after the correction's own issue date `Fa/P_1`.
    ///
    /// ## Why it matters
    /// A correction changes an invoice that already exists (art. 106j ust. 1
    /// ustawy o VAT; MF brochure on FA(3), § 9.7), so the corrected invoice
    /// cannot have been issued after it. A later date is a typo, or the date
    /// of another document. KSeF does not check it.
    ///
    /// ## Example
    /// ```xml
    /// <P_1>2026-11-21</P_1>
    /// ...
    /// <DataWystFaKorygowanej>2026-11-22</DataWystFaKorygowanej>
    /// ```
    ///
    /// ## Fix
    /// Copy the issue date (`P_1`) of the corrected invoice.
    pub static CORRECTED_INVOICE_AFTER_CORRECTION = {
        code: "FA3-DATE-014",
        name: "corrected-invoice-after-correction",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let issued = invoice.fa.p_1.0.date();
    for corrected in &ctx.facts().correction().corrected {
        if corrected.issue_date <= issued {
            continue;
        }
        out.report(
            &CORRECTED_INVOICE_AFTER_CORRECTION,
            crate::facts::child(&corrected.path, "DataWystFaKorygowanej"),
            format!(
                "the corrected invoice {number} is dated {dated} (DataWystFaKorygowanej), after the correction itself, issued on {issued} (P_1)",
                number = corrected.number,
                dated = corrected.issue_date
            ),
        )
        .help = Some("copy the issue date (P_1) of the corrected invoice".into());
    }
}
