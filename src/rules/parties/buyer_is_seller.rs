//! `FA3-PM2-009` buyer-is-seller.

use crate::facts::parties::{PartyId, Role, token};
use crate::model::Faktura;
use crate::rules::parties::party;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The buyer's NIP, `Podmiot2/DaneIdentyfikacyjne/NIP`, differs from the
    /// seller's, `Podmiot1/DaneIdentyfikacyjne/NIP`.
    ///
    /// ## Why it matters
    /// A taxpayer does not invoice itself: a supply needs two parties. The
    /// same NIP on both sides is usually the seller's data copied into the
    /// buyer by mistake (a template, a default customer), and the real buyer
    /// then never receives the invoice in KSeF. Transfers between branches of
    /// one taxpayer are not supplies and need no invoice. Only an info: the
    /// schema and KSeF allow it.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot1><DaneIdentyfikacyjne><NIP>5265877635</NIP> ...
    /// <Podmiot2><DaneIdentyfikacyjne><NIP>5265877635</NIP> ...
    /// ```
    ///
    /// ## Fix
    /// Enter the buyer's own NIP in `Podmiot2`.
    pub static BUYER_IS_SELLER = {
        code: "FA3-PM2-009",
        name: "buyer-is-seller",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let seller = token(&invoice.podmiot1.dane_identyfikacyjne.nip.0);
    let Some(buyer) = party(ctx, Role::Buyer) else {
        return;
    };
    let PartyId::Nip(nip) = buyer.id else {
        return;
    };
    if token(nip) != seller {
        return;
    }
    out.report(
        &BUYER_IS_SELLER,
        buyer.id_path("NIP"),
        format!("the buyer's NIP {seller} is the seller's NIP (Podmiot1): the invoice is issued to the seller itself"),
    )
    .help = Some("enter the buyer's own NIP in Podmiot2".into());
}
