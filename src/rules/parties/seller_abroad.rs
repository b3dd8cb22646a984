//! `FA3-PM1-002` seller-abroad.

use crate::facts::xsd_text;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The seller's address country, `Podmiot1/Adres/KodKraju`, is `PL`.
    /// Another country is reported as an info.
    ///
    /// ## Why it matters
    /// A foreign taxpayer registered for VAT in Poland has a Polish NIP and may
    /// give its address abroad (MF brochure on FA(3), the seller's address), so
    /// this is not an error. More often, though, a foreign `KodKraju` on the
    /// seller is a slip (a default country in the ERP, the buyer's country
    /// copied into the seller's address), and the printed invoice then shows
    /// the wrong country.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot1>
    ///   ...
    ///   <Adres>
    ///     <KodKraju>DE</KodKraju>
    /// ```
    ///
    /// ## Fix
    /// Nothing to do when the seller really is established abroad; otherwise
    /// set `KodKraju` to `PL`.
    pub static SELLER_ABROAD = {
        code: "FA3-PM1-002",
        name: "seller-abroad",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let country = xsd_text(&invoice.podmiot1.adres.kod_kraju);
    if country == "PL" {
        return;
    }
    out.report(
        &SELLER_ABROAD,
        "/Faktura/Podmiot1/Adres/KodKraju",
        format!(
            "the seller's address is in {country} (Podmiot1/Adres/KodKraju), not in Poland; that is right only for a foreign taxpayer with a Polish NIP"
        ),
    )
    .help = Some(format!(
        "check the seller's address; keep {country} only if the seller is established there"
    ));
}
