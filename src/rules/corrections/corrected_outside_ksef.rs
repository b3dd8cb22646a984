//! `FA3-KOR-002` corrected-outside-ksef.

use chrono::NaiveDate;

use crate::diagnostic::Severity;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

/// The first day of mandatory KSeF, for the largest taxpayers.
const OBLIGATION_START: NaiveDate = match NaiveDate::from_ymd_opt(2026, 2, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The first day after every transitional period.
const OBLIGATION_FULL: NaiveDate = match NaiveDate::from_ymd_opt(2027, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

crate::declare_rule! {
    /// ## What it checks
    /// A corrected invoice marked as issued outside KSeF
    /// (`DaneFaKorygowanej/NrKSeFN=1`) is dated on or after 2026-02-01
    /// (`DataWystFaKorygowanej`).
    ///
    /// Refined: a warning from 2027-01-01, an info for dates in 2026. The
    /// obligation was phased in: from 2026-02-01 for the largest taxpayers,
    /// from 2026-04-01 for the others, and only from 2027-01-01 for the
    /// smallest taxpayers and for invoices printed by cash registers, so an
    /// invoice of 2026 may lawfully have been issued outside KSeF.
    ///
    /// ## Why it matters
    /// Once KSeF is mandatory almost every invoice has a KSeF number,
    /// offline and emergency invoices included once they are sent, and a
    /// correction must cite it (MF brochure on FA(3), § 9.7, `NrKSeF`). A
    /// correction may be sent only after the original has its number
    /// ("Fakturę korygującą przesyła się dopiero po nadaniu numeru KSeF
    /// dokumentowi pierwotnemu", KSeF docs: tryby-offline). `NrKSeFN=1` on a
    /// recent invoice usually means the number was not looked up. Invoices
    /// that stay outside KSeF by law (for example those of sellers without a
    /// fixed establishment in Poland) are the exception.
    ///
    /// ## Example
    /// ```xml
    /// <DataWystFaKorygowanej>2027-03-01</DataWystFaKorygowanej>
    /// <NrFaKorygowanej>FV/2027/03/001</NrFaKorygowanej>
    /// <NrKSeFN>1</NrKSeFN>
    /// ```
    ///
    /// ## Fix
    /// Give the corrected invoice's KSeF number (`NrKSeF=1` +
    /// `NrKSeFFaKorygowanej`), from its KSeF acceptance confirmation (UPO);
    /// keep `NrKSeFN=1` only for an invoice that was lawfully issued outside
    /// KSeF.
    pub static CORRECTED_OUTSIDE_KSEF = {
        code: "FA3-KOR-002",
        name: "corrected-outside-ksef",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for corrected in &ctx.facts().correction().corrected {
        if !corrected.outside_ksef || corrected.issue_date < OBLIGATION_START {
            continue;
        }
        let issued = corrected.issue_date;
        let number = corrected.number;
        let path = crate::facts::child(&corrected.path, "NrKSeFN");
        let help = "give the corrected invoice's KSeF number (NrKSeF=1 and NrKSeFFaKorygowanej) from its acceptance confirmation (UPO)";
        if issued >= OBLIGATION_FULL {
            out.report(
                &CORRECTED_OUTSIDE_KSEF,
                path,
                format!(
                    "the corrected invoice {number} of {issued} is marked as issued outside KSeF (NrKSeFN=1), but since {OBLIGATION_FULL} invoices are issued in KSeF and a correction must cite the KSeF number"
                ),
            )
            .help = Some(help.into());
        } else {
            out.report_at(
                &CORRECTED_OUTSIDE_KSEF,
                Severity::Info,
                path,
                format!(
                    "the corrected invoice {number} of {issued} is marked as issued outside KSeF (NrKSeFN=1); in 2026 that is lawful only for sellers not yet bound to KSeF (the smallest taxpayers, cash-register invoices) or exempt from it"
                ),
            )
            .help = Some(help.into());
        }
    }
}
