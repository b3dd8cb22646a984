//! `FA3-ZAL-002` order-on-other-kind.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// `Zamowienie` (the order data of an advance invoice) appears only on
    /// an advance invoice (`ZAL`) or its correction (`KOR_ZAL`).
    ///
    /// ## Why it matters
    /// The XSD annotation of `Zamowienie` limits it to advance invoices
    /// (art. 106f ust. 1 pkt 4 of the VAT Act). On any other kind of invoice
    /// the order rows are not read as invoice lines, and the buyer's system
    /// may ignore them or take them for the goods sold. KSeF does not check
    /// this.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>VAT</RodzajFaktury>
    /// ...
    /// <Zamowienie>...</Zamowienie>
    /// ```
    ///
    /// ## Fix
    /// Put the goods or services sold in `FaWiersz`; use `Zamowienie` only on
    /// `ZAL` and `KOR_ZAL`. For the settlement of advances (`ROZ`), cite the
    /// advance invoices in `FakturaZaliczkowa`.
    pub static ORDER_ON_OTHER_KIND = {
        code: "FA3-ZAL-002",
        name: "order-on-other-kind",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let present = ctx.facts().advance().order.is_some();
    super::advance_only(
        ctx,
        out,
        &ORDER_ON_OTHER_KIND,
        present,
        (
            "/Faktura/Fa/Zamowienie",
            "Zamowienie is for advance invoices",
            "list what is sold in FaWiersz and remove Zamowienie, or use RodzajFaktury ZAL if the invoice documents an advance",
        ),
    );
}
