//! `FA3-ID-014` bank-account-checksum.

use crate::diagnostic::Severity;
use crate::domain::iban::{self, AccountNumber, IbanError};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each `NrRB` in `Platnosc/RachunekBankowy` and
    /// `Platnosc/RachunekBankowyFaktora`, with any spaces removed (spaces
    /// themselves are FA3-ID-015):
    ///
    /// - a value starting with two letters and two digits is an IBAN: it must
    ///   have its country's registered length (28 for `PL`) and pass the ISO
    ///   13616 check (the first four characters moved to the end, letters as
    ///   10–35, modulo 97 equal to 1);
    /// - 26 digits are a Polish NRB, checked as the IBAN `PL` + NRB;
    /// - anything else is a foreign account in another format, which cannot
    ///   be verified: an info.
    ///
    /// ## Why it matters
    /// The schema only limits `NrRB` to 10–34 characters, and KSeF does not
    /// validate account numbers (ksef-api#562). A wrong check digit means a
    /// typo: a payment to it bounces or, worse, reaches another account, and a
    /// split-payment transfer (MPP) needs a correct NRB.
    ///
    /// ## Example
    /// ```xml
    /// <NrRB>PL61109010140000071219812875</NrRB> <!-- fails the mod-97 check -->
    /// ```
    ///
    /// ## Fix
    /// Copy the account number from the bank's documents; for Polish accounts
    /// check it against the VAT white list.
    pub static BANK_ACCOUNT_CHECKSUM = {
        code: "FA3-ID-014",
        name: "bank-account-checksum",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for account in ctx.facts().accounts() {
        let written = account.number;
        let compact: std::borrow::Cow<'_, str> = if iban::contains_whitespace(written) {
            written.chars().filter(|c| !c.is_whitespace()).collect()
        } else {
            written.into()
        };
        let path = || crate::facts::child(&account.path, "NrRB");
        let problem = match iban::classify_account(&compact) {
            Ok(AccountNumber::Iban(_) | AccountNumber::Nrb(_)) => continue,
            Ok(AccountNumber::Other) => {
                out.report_at(
                    &BANK_ACCOUNT_CHECKSUM,
                    Severity::Info,
                    path(),
                    format!(
                        "the account number {written} is neither an IBAN nor a Polish NRB, so its check digits cannot be verified"
                    ),
                )
                .help = Some(
                    "if the bank has an IBAN for this account, give the IBAN; otherwise make sure the number is exactly as the bank states it".into(),
                );
                continue;
            }
            Err(IbanError::Checksum) => {
                let kind = if compact.len() == 26 && compact.bytes().all(|b| b.is_ascii_digit()) {
                    "NRB"
                } else {
                    "IBAN"
                };
                format!("its check digits are wrong (the {kind} mod-97 check fails)")
            }
            Err(err) => err.to_string(),
        };
        out.report(
            &BANK_ACCOUNT_CHECKSUM,
            path(),
            format!("the account number {written} is not valid: {problem}"),
        )
        .help = Some(
            "copy the account number from the bank's documents (for Polish accounts, check it against the VAT white list); a wrong check digit is a typo".into(),
        );
    }
}
