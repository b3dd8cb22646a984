//! `FA3-ZAL-010` invoice-without-lines.

use crate::facts::Kind;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A basic invoice (`VAT`), a settlement (`ROZ`) or a simplified invoice
    /// (`UPR`) has at least one line (`FaWiersz`). Lines are optional on
    /// advance invoices (`ZAL`, `KOR_ZAL`, which describe the order in
    /// `Zamowienie`) and on corrections.
    ///
    /// ## Why it matters
    /// The VAT Act requires the name, quantity, price and value of the goods
    /// or services (art. 106e ust. 1 pkt 7–11), which FA(3) carries in
    /// `FaWiersz` (XSD annotation of `FaWiersz`). KSeF accepts an invoice
    /// without lines (ksef-api#703), but it documents no sale.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>VAT</RodzajFaktury>
    /// <!-- no FaWiersz -->
    /// ```
    ///
    /// ## Fix
    /// Add a `FaWiersz` for each item sold.
    pub static INVOICE_WITHOUT_LINES = {
        code: "FA3-ZAL-010",
        name: "invoice-without-lines",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let kind = ctx.facts().kind();
    if !matches!(kind, Kind::Vat | Kind::Roz | Kind::Upr) || !invoice.fa.fa_wiersz.is_empty() {
        return;
    }
    out.report(
        &INVOICE_WITHOUT_LINES,
        "/Faktura/Fa/RodzajFaktury",
        format!("RodzajFaktury is {kind}, but the invoice has no line (FaWiersz)"),
    )
    .help = Some(
        "add a FaWiersz for each item sold, with its name, quantity, price, value and tax rate (art. 106e ust. 1 pkt 7-11 of the VAT Act)".into(),
    );
}
