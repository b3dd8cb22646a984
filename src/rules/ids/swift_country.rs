//! `FA3-ID-016` swift-country.

use crate::diagnostic::Severity;
use crate::domain::iban::{self, AccountNumber};
use crate::domain::swift::{Bic, BicError};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Positions 5–6 of each `SWIFT` code in `Platnosc/RachunekBankowy` and
    /// `Platnosc/RachunekBankowyFaktora` are a country code (ISO 3166-1, or
    /// `XK`). When they are, and the account's `NrRB` is a valid IBAN or NRB
    /// of another country, fa3 adds an info: the BIC usually names the
    /// country of the account.
    ///
    /// ## Why it matters
    /// The schema pattern `[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?` does not check
    /// the country, so `BREXXXPW` passes it; no bank has such a BIC, and an
    /// international transfer to it fails. A BIC from another country than
    /// the IBAN is possible (a correspondent bank) but is more often a
    /// copy-paste slip.
    ///
    /// ## Example
    /// ```xml
    /// <SWIFT>BREXXXPW</SWIFT> <!-- XX is not a country; mBank is BREXPLPW -->
    /// ```
    ///
    /// ## Fix
    /// Copy the BIC from the bank's documents.
    pub static SWIFT_COUNTRY = {
        code: "FA3-ID-016",
        name: "swift-country",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for account in ctx.facts().accounts() {
        let Some(swift) = account.swift else { continue };
        let path = crate::facts::child(&account.path, "SWIFT");
        match Bic::parse(swift) {
            Err(BicError::UnknownCountry { country }) => {
                out.report(
                    &SWIFT_COUNTRY,
                    path,
                    format!(
                        "the SWIFT/BIC code {swift} is not valid: `{country}` (positions 5-6) is not a country code"
                    ),
                )
                .help = Some("copy the BIC from the bank's documents".into());
            }
            Ok(bic) => {
                let account_country = match iban::classify_account(account.number) {
                    Ok(AccountNumber::Iban(iban) | AccountNumber::Nrb(iban)) => {
                        iban.country().to_owned()
                    }
                    _ => continue,
                };
                if bic.country() != account_country {
                    out.report_at(
                        &SWIFT_COUNTRY,
                        Severity::Info,
                        path,
                        format!(
                            "the SWIFT/BIC code {swift} is from {}, but the account {} is from {account_country}",
                            bic.country(),
                            account.number
                        ),
                    )
                    .help = Some("check that the BIC belongs to the bank that keeps the account".into());
                }
            }
            // Other problems break the schema pattern: the schema validator
            // reports them.
            Err(_) => {}
        }
    }
}
