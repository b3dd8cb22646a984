//! `FA3-PAY-005` transfer-without-account.

use crate::facts::payment::Status;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice still to be paid by bank transfer (`FormaPlatnosci=6`)
    /// gives an account to pay to (`RachunekBankowy` or
    /// `RachunekBankowyFaktora`) or a payment link (`LinkDoPlatnosci`).
    ///
    /// Refined: invoices already paid in full (`Zaplacono=1`, or
    /// `ZnacznikZaplatyCzesciowej=2`) are not reported; there the form says
    /// how they were paid and no account is needed (the official example 10
    /// is such an invoice).
    ///
    /// ## Why it matters
    /// A heuristic: the buyer is asked to pay by transfer but is not told
    /// where, and will have to ask, or pay to an account from an earlier
    /// invoice (the "white list" of VAT payers requires payments over 15,000
    /// PLN to a listed account).
    ///
    /// ## Example
    /// ```xml
    /// <Platnosc>
    ///   <TerminPlatnosci><Termin>2026-12-05</Termin></TerminPlatnosci>
    ///   <FormaPlatnosci>6</FormaPlatnosci>
    /// </Platnosc>
    /// ```
    ///
    /// ## Fix
    /// Add `RachunekBankowy` with the account number (`NrRB`).
    pub static TRANSFER_WITHOUT_ACCOUNT = {
        code: "FA3-PAY-005",
        name: "transfer-without-account",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let payment = ctx.facts().payment();
    let Some(element) = payment.element else {
        return;
    };
    if payment.form.as_deref() != Some("6")
        || matches!(payment.status, Status::Paid | Status::PaidInParts)
        || !element.rachunek_bankowy.is_empty()
        || !element.rachunek_bankowy_faktora.is_empty()
        || element.link_do_platnosci.is_some()
    {
        return;
    }
    out.report(
        &TRANSFER_WITHOUT_ACCOUNT,
        "/Faktura/Fa/Platnosc/FormaPlatnosci",
        "FormaPlatnosci is 6 (bank transfer), but Platnosc gives no account (RachunekBankowy, RachunekBankowyFaktora) and no LinkDoPlatnosci",
    )
    .help = Some("add RachunekBankowy with the account number (NrRB) the buyer should pay to".into());
}
