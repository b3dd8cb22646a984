//! `FA3-TRN-002` contract-currency-pln.

use crate::model::Faktura;
use crate::rules::transaction::WALUTA_UMOWNA;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The contract currency `WarunkiTransakcji/WalutaUmowna` is not `PLN`.
    ///
    /// ## Why it matters
    /// `KursUmowny` and `WalutaUmowna` tell at what rate the amounts shown in
    /// złoty were converted from the currency of the contract (the schema's
    /// annotations). A contract "rate" from złoty to złoty says nothing; it is
    /// usually the invoice currency put in the wrong field. KSeF does not
    /// check it. Source: the MF FA(3) brochure, §13.1.
    ///
    /// ## Example
    /// ```xml
    /// <KursUmowny>1</KursUmowny>
    /// <WalutaUmowna>PLN</WalutaUmowna>
    /// ```
    ///
    /// ## Fix
    /// Give the currency the contract's prices are in (e.g. `EUR`), or leave
    /// `KursUmowny` and `WalutaUmowna` out.
    pub static CONTRACT_CURRENCY_PLN = {
        code: "FA3-TRN-002",
        name: "contract-currency-pln",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some((rate, currency)) = &ctx.facts().currency().contract else {
        return;
    };
    if currency != "PLN" {
        return;
    }
    out.report(
        &CONTRACT_CURRENCY_PLN,
        WALUTA_UMOWNA,
        format!(
            "the contract currency WalutaUmowna is PLN (with KursUmowny {rate}); a contract rate converts a foreign contract currency into złoty"
        ),
    )
    .help = Some(
        "give the foreign currency of the contract in WalutaUmowna, or leave KursUmowny and WalutaUmowna out".into(),
    );
}
