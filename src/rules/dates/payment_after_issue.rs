//! `FA3-DATE-012` payment-date-after-issue.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The payment dates `Platnosc/DataZaplaty` and
    /// `Platnosc/ZaplataCzesciowa/DataZaplatyCzesciowej` are not later than
    /// the issue date `Fa/P_1`.
    ///
    /// ## Why it matters
    /// The fields record a payment already made: `DataZaplaty` is the "Data
    /// zapłaty, jeśli do wystawienia faktury płatność została dokonana", and
    /// `Zaplacono=1` / `ZnacznikZaplatyCzesciowej` say the invoice was paid
    /// by the time it was issued (schemat_FA(3)_v1-0E.xsd). A payment dated
    /// after the issue date is a due date written in the wrong field, or a
    /// wrong issue date. KSeF does not check it.
    ///
    /// ## Example
    /// ```xml
    /// <P_1>2026-11-21</P_1>
    /// ...
    /// <Zaplacono>1</Zaplacono>
    /// <DataZaplaty>2026-11-22</DataZaplaty>
    /// ```
    ///
    /// ## Fix
    /// Give the date the payment was actually received, or, for a payment
    /// still to come, remove it and give the due date in
    /// `TerminPlatnosci/Termin`.
    pub static PAYMENT_DATE_AFTER_ISSUE = {
        code: "FA3-DATE-012",
        name: "payment-date-after-issue",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let issued = invoice.fa.p_1.0.date();
    for paid in &ctx.facts().payment().payments {
        if paid.date <= issued {
            continue;
        }
        let field = paid.path.rsplit('/').next().unwrap_or("DataZaplaty");
        out.report(
            &PAYMENT_DATE_AFTER_ISSUE,
            &paid.path,
            format!(
                "{field} is {paid_on}, after the issue date {issued} (P_1); the field records a payment made by the time the invoice was issued",
                paid_on = paid.date
            ),
        )
        .help = Some(
            "give the date the payment was received; a payment still to come belongs in TerminPlatnosci/Termin".into(),
        );
    }
}
