//! `FA3-TRN-003` contract-rate-foreign-invoice.

use crate::model::Faktura;
use crate::rules::transaction::KURS_UMOWNY;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The contract rate (`WarunkiTransakcji/KursUmowny` with
    /// `WalutaUmowna`) appears only on an invoice whose amounts are in złoty
    /// (`KodWaluty=PLN`).
    ///
    /// ## Why it matters
    /// The schema's annotations: the contract rate is for "kwoty wykazane na
    /// fakturze w złotych" and "Nie dotyczy przypadków, o których mowa w
    /// dziale VI ustawy" — an invoice in a foreign currency converts its tax
    /// with `KursWaluty` under art. 31a of the VAT Act instead. KSeF does not
    /// check it.
    ///
    /// ## Example
    /// ```xml
    /// <KodWaluty>EUR</KodWaluty>
    /// ...
    /// <KursUmowny>4.05</KursUmowny>
    /// <WalutaUmowna>USD</WalutaUmowna>
    /// ```
    ///
    /// ## Fix
    /// On a foreign-currency invoice, give the exchange rate of the tax in
    /// `FaWiersz/KursWaluty` and leave `KursUmowny`/`WalutaUmowna` out.
    pub static CONTRACT_RATE_FOREIGN_INVOICE = {
        code: "FA3-TRN-003",
        name: "contract-rate-foreign-invoice",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let currency = ctx.facts().currency();
    let Some((rate, contract)) = &currency.contract else {
        return;
    };
    if currency.is_pln() {
        return;
    }
    out.report(
        &CONTRACT_RATE_FOREIGN_INVOICE,
        KURS_UMOWNY,
        format!(
            "the invoice is in {code} (KodWaluty), but gives a contract rate KursUmowny {rate} {contract}; a contract rate is only for amounts shown in złoty",
            code = currency.code
        ),
    )
    .help = Some(
        "leave KursUmowny and WalutaUmowna out of a foreign-currency invoice; its tax is converted with KursWaluty".into(),
    );
}
