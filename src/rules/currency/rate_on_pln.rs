//! `FA3-CUR-006` exchange-rate-on-pln-invoice.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice in złoty (`KodWaluty=PLN`) gives no exchange rate:
    /// `KursWaluty` on a line, `KursWalutyZ` (advance invoice),
    /// `KursWalutyZW` (a partial advance) or `KursWalutyZK` (the rate before
    /// a correction of an advance).
    ///
    /// ## Why it matters
    /// The XSD annotations reserve these fields for the cases of dział VI of
    /// the VAT Act, i.e. amounts in a foreign currency. On a złoty invoice a
    /// rate means nothing, or the currency code is wrong.
    ///
    /// ## Source
    /// XSD annotations of `KursWaluty`, `KursWalutyZ`, `KursWalutyZW` (the
    /// cases of dział VI: a foreign currency).
    ///
    /// ## Example
    /// ```xml
    /// <KodWaluty>PLN</KodWaluty>
    /// ...
    /// <KursWaluty>4.3000</KursWaluty>
    /// ```
    ///
    /// ## Fix
    /// Drop the rate, or set `KodWaluty` to the currency of the invoice.
    pub static EXCHANGE_RATE_ON_PLN_INVOICE = {
        code: "FA3-CUR-006",
        name: "exchange-rate-on-pln-invoice",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    if !facts.currency().is_pln() || !facts.currency().any_rate() {
        return;
    }
    let help = "drop the exchange rate, or set KodWaluty to the currency of the invoice";
    let mut report = |path: String, field: &str, rate: rust_decimal::Decimal| {
        out.report(
            &EXCHANGE_RATE_ON_PLN_INVOICE,
            path,
            format!(
                "{field} is {rate}, but the invoice is in złoty (KodWaluty PLN)",
                rate = crate::rules::amounts::rate_text(rate)
            ),
        )
        .help = Some(help.to_string());
    };
    for line in &facts.rates().lines {
        if let Some(rate) = line.exchange_rate() {
            report(line.field("KursWaluty"), "KursWaluty", rate);
        }
    }
    if let Some(rate) = facts.currency().advance_rate {
        report("/Faktura/Fa/KursWalutyZ".to_string(), "KursWalutyZ", rate);
    }
    for (i, z) in invoice.fa.zaliczka_czesciowa.iter().enumerate() {
        if let Some(rate) = z.kurs_waluty_zw.as_ref() {
            report(
                format!(
                    "{}/KursWalutyZW",
                    crate::facts::indexed("/Faktura/Fa", "ZaliczkaCzesciowa", i)
                ),
                "KursWalutyZW",
                rate.0.value(),
            );
        }
    }
    if let Some(rate) = facts.currency().corrected_rate {
        report("/Faktura/Fa/KursWalutyZK".to_string(), "KursWalutyZK", rate);
    }
}
