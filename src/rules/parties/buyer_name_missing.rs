//! `FA3-PM2-007` buyer-name-missing.

use crate::model::Faktura;
use crate::rules::parties::may_be_simplified;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// `Podmiot2/DaneIdentyfikacyjne/Nazwa` is present, unless the invoice is
    /// simplified (`RodzajFaktury=UPR`).
    ///
    /// Refined: a `KOR` may correct a simplified invoice, which the correction
    /// itself cannot show; a `KOR` whose buyer is identified by `NIP` (which a
    /// simplified invoice requires) is therefore left alone.
    ///
    /// ## Why it matters
    /// An invoice states the names and addresses of the seller and the buyer
    /// (art. 106e ust. 1 pkt 3 of the VAT Act). The schema makes the buyer's
    /// name optional only "for the cases of art. 106e ust. 5 pkt 3" (its
    /// annotation of the `Nazwa` sequence in `TPodmiot2`): invoices of at
    /// most 450 PLN, issued as simplified invoices. KSeF accepts any invoice
    /// without it, but the invoice lacks a mandatory element, and the buyer
    /// is named nowhere.
    ///
    /// ## Example
    /// ```xml
    /// <DaneIdentyfikacyjne>
    ///   <NIP>7335255579</NIP>
    ///   <!-- no Nazwa -->
    /// </DaneIdentyfikacyjne>
    /// ```
    ///
    /// ## Fix
    /// Add the buyer's full name or business name as `Nazwa` after the
    /// identifier.
    pub static BUYER_NAME_MISSING = {
        code: "FA3-PM2-007",
        name: "buyer-name-missing",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if invoice.podmiot2.dane_identyfikacyjne.nazwa_group.is_some() || may_be_simplified(ctx) {
        return;
    }
    let kind = ctx.facts().kind();
    out.report(
        &BUYER_NAME_MISSING,
        "/Faktura/Podmiot2/DaneIdentyfikacyjne",
        format!(
            "Podmiot2 has no Nazwa; only a simplified invoice (art. 106e ust. 5 pkt 3) may leave out the buyer's name, and this one is {kind}"
        ),
    )
    .help = Some(
        "add the buyer's full name or business name as Nazwa in DaneIdentyfikacyjne".into(),
    );
}
