//! `FA3-DATE-013` due-date-before-issue.

use crate::facts::payment::Status;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// No payment term `Platnosc/TerminPlatnosci/Termin` is earlier than the
    /// issue date `Fa/P_1`.
    ///
    /// Refined: corrections (which often repeat the payment terms of the
    /// corrected invoice) and invoices paid in full by the time of issue
    /// (`Zaplacono=1`, or `ZnacznikZaplatyCzesciowej=2`) are not checked.
    ///
    /// ## Why it matters
    /// A payment term that has passed before the invoice exists is usually a
    /// typo or a date copied from another document. The law does not forbid
    /// it (some validators treat it as an error), so fa3 only mentions it.
    ///
    /// ## Example
    /// ```xml
    /// <P_1>2026-11-21</P_1>
    /// ...
    /// <TerminPlatnosci><Termin>2026-11-20</Termin></TerminPlatnosci>
    /// ```
    ///
    /// ## Fix
    /// Check the payment term; give the date by which the buyer is to pay.
    pub static DUE_DATE_BEFORE_ISSUE = {
        code: "FA3-DATE-013",
        name: "due-date-before-issue",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let payment = ctx.facts().payment();
    if ctx.facts().kind().is_correction()
        || matches!(payment.status, Status::Paid | Status::PaidInParts)
    {
        return;
    }
    let issued = invoice.fa.p_1.0.date();
    for term in &payment.terms {
        let Some(due) = term.due else { continue };
        if due >= issued {
            continue;
        }
        out.report(
            &DUE_DATE_BEFORE_ISSUE,
            crate::facts::child(&term.path, "Termin"),
            format!("the payment term {due} (Termin) is before the issue date {issued} (P_1)"),
        )
        .help = Some("check the payment term: it is usually on or after the issue date".into());
    }
}
