//! `FA3-PAY-007` bank-own-account.

use crate::facts::xsd_value;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// `RachunekWlasnyBanku` on the seller's account (`RachunekBankowy`).
    /// Reported as information: the mark is for accounts of a bank or a
    /// cooperative savings and credit union (SKOK) itself.
    ///
    /// Refined: on the factor's account (`RachunekBankowyFaktora`) the mark
    /// is not reported; a factor that is a bank collects there (value 2),
    /// as in the official examples 4, 20 and 21.
    ///
    /// ## Why it matters
    /// `TRachunekWlasnyBanku` (XSD) marks an account of the bank or SKOK
    /// itself: 1 an account for settling receivables the bank bought, 2 an
    /// account the bank uses to collect payments for goods or services and
    /// pass them on to the supplier, 3 an account of its own economy, not a
    /// settlement account. Such accounts are exempt from some split-payment
    /// and white-list consequences; an ordinary seller marking its own
    /// account this way misstates it.
    ///
    /// ## Example
    /// ```xml
    /// <RachunekBankowy>
    ///   <NrRB>73111111111111111111111111</NrRB>
    ///   <RachunekWlasnyBanku>3</RachunekWlasnyBanku>
    /// </RachunekBankowy>
    /// ```
    ///
    /// ## Fix
    /// Remove `RachunekWlasnyBanku` unless the seller is the bank or SKOK
    /// whose own account this is.
    pub static BANK_OWN_ACCOUNT = {
        code: "FA3-PAY-007",
        name: "bank-own-account",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let Some(platnosc) = &invoice.fa.platnosc else {
        return;
    };
    for (i, account) in platnosc.rachunek_bankowy.iter().enumerate() {
        let Some(mark) = &account.rachunek_wlasny_banku else {
            continue;
        };
        let value = xsd_value(mark);
        out.report(
            &BANK_OWN_ACCOUNT,
            crate::facts::indexed_child("/Faktura/Fa/Platnosc", "RachunekBankowy", i, "RachunekWlasnyBanku"),
            format!(
                "RachunekWlasnyBanku={value} marks the account as an own account of a bank or SKOK; it is not for an ordinary seller's account"
            ),
        )
        .help = Some(
            "remove RachunekWlasnyBanku unless the seller is the bank or SKOK whose own account this is".into(),
        );
    }
}
