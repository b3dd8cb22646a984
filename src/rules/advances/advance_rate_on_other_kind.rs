//! `FA3-ZAL-005` advance-rate-on-other-kind.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// `Fa/KursWalutyZ` (the exchange rate of an advance) appears only on an
    /// advance invoice (`ZAL`) or its correction (`KOR_ZAL`).
    ///
    /// ## Why it matters
    /// The XSD annotation of `KursWalutyZ` limits it to the invoices of art.
    /// 106b ust. 1 pkt 4 of the VAT Act (advances) in the cases of dział VI
    /// (tax computed in a foreign currency). On other invoices the exchange
    /// rate belongs on the lines (`FaWiersz/KursWaluty`) or, for partial
    /// advances, in `ZaliczkaCzesciowa/KursWalutyZW`; a rate in
    /// `KursWalutyZ` there is ignored by the buyer's system.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>VAT</RodzajFaktury> <!-- with <KursWalutyZ>4.3</KursWalutyZ> -->
    /// ```
    ///
    /// ## Fix
    /// Move the rate to `FaWiersz/KursWaluty` (or `KursWalutyZW`), or use
    /// `RodzajFaktury` `ZAL` if the invoice documents an advance.
    pub static ADVANCE_RATE_ON_OTHER_KIND = {
        code: "FA3-ZAL-005",
        name: "advance-rate-on-other-kind",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let present = ctx.facts().advance().exchange_rate.is_some();
    super::advance_only(
        ctx,
        out,
        &ADVANCE_RATE_ON_OTHER_KIND,
        present,
        (
            "/Faktura/Fa/KursWalutyZ",
            "KursWalutyZ is the exchange rate of an advance invoice",
            "give the exchange rate in FaWiersz/KursWaluty (or ZaliczkaCzesciowa/KursWalutyZW) and remove KursWalutyZ",
        ),
    );
}
