//! `FA3-PM2-006` buyer-address-missing.

use crate::model::Faktura;
use crate::rules::parties::may_be_simplified;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// `Podmiot2/Adres` is present, unless the invoice is simplified
    /// (`RodzajFaktury=UPR`).
    ///
    /// Refined: a `KOR` may correct a simplified invoice, which the correction
    /// itself cannot show; a `KOR` whose buyer is identified by `NIP` (which a
    /// simplified invoice requires) is therefore left alone.
    ///
    /// ## Why it matters
    /// An invoice states the names and addresses of the seller and the buyer
    /// (art. 106e ust. 1 pkt 3 of the VAT Act). The schema makes the buyer's
    /// address optional only "for the cases of art. 106e ust. 5 pkt 3" (its
    /// annotation of `Podmiot2/Adres`; MF brochure on FA(3), the buyer's
    /// data): invoices of at most 450 PLN, issued as simplified invoices. KSeF
    /// accepts any invoice without it, but the invoice lacks a mandatory
    /// element.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2>
    ///   <DaneIdentyfikacyjne>...</DaneIdentyfikacyjne>
    ///   <!-- no Adres -->
    ///   <JST>2</JST>
    /// ```
    ///
    /// ## Fix
    /// Add the buyer's address (`Adres` with `KodKraju` and `AdresL1`) after
    /// `DaneIdentyfikacyjne`.
    pub static BUYER_ADDRESS_MISSING = {
        code: "FA3-PM2-006",
        name: "buyer-address-missing",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if invoice.podmiot2.adres.is_some() || may_be_simplified(ctx) {
        return;
    }
    let kind = ctx.facts().kind();
    out.report(
        &BUYER_ADDRESS_MISSING,
        "/Faktura/Podmiot2",
        format!(
            "Podmiot2 has no Adres; only a simplified invoice (art. 106e ust. 5 pkt 3) may leave out the buyer's address, and this one is {kind}"
        ),
    )
    .help = Some("add the buyer's Adres (KodKraju, AdresL1) after DaneIdentyfikacyjne".into());
}
