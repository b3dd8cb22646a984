//! `FA3-ID-015` bank-account-spaces.

use crate::domain::iban;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// `NrRB` in `Platnosc/RachunekBankowy` and
    /// `Platnosc/RachunekBankowyFaktora` contains no spaces or other
    /// whitespace.
    ///
    /// ## Why it matters
    /// `TNrRB` is an `xs:string` limited to 34 characters, so the printed form
    /// `PL61 1090 1014 0000 0712 1981 2874` passes the schema, but the
    /// electronic form of an account number has no spaces (ISO 13616; MF
    /// brochure on FA(3), payment data). Software that reads the invoice to
    /// pay it may reject or misread the number.
    ///
    /// ## Example
    /// ```xml
    /// <NrRB>PL61 1090 1014 0000 0712 1981 2874</NrRB>
    /// ```
    ///
    /// ## Fix
    /// Write the number without spaces: `PL61109010140000071219812874`.
    pub static BANK_ACCOUNT_SPACES = {
        code: "FA3-ID-015",
        name: "bank-account-spaces",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for account in ctx.facts().accounts() {
        let written = account.number;
        if !iban::contains_whitespace(written) {
            continue;
        }
        let compact: String = written.chars().filter(|c| !c.is_whitespace()).collect();
        out.report(
            &BANK_ACCOUNT_SPACES,
            crate::facts::child(&account.path, "NrRB"),
            format!("the account number {written:?} contains whitespace; an account number is written as one string"),
        )
        .help = Some(format!(
            "write NrRB as `{}`",
            iban::suggest_compact(written).unwrap_or(compact)
        ));
    }
}
