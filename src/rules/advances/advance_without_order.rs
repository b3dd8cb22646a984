//! `FA3-ZAL-001` advance-without-order.

use rust_decimal::Decimal;

use crate::facts::Kind;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An advance invoice (`RodzajFaktury` `ZAL`) has `Zamowienie`: the order
    /// or contract, with `WartoscZamowienia` and at least one
    /// `ZamowienieWiersz` (the schema requires both inside `Zamowienie`). A
    /// correction of an advance invoice (`KOR_ZAL`) needs it when it changes
    /// amounts: when `P_15` or any `P_13_x`/`P_14_x` is not zero.
    ///
    /// Refined: the catalog requires `Zamowienie` on every `KOR_ZAL`; the
    /// schema's annotation asks for the order rows only when the correction
    /// changes the order value or the tax base or tax, so a `KOR_ZAL` that
    /// corrects, say, only the buyer's data is not reported.
    ///
    /// ## Why it matters
    /// An invoice documenting an advance must state the order or contract
    /// and its value (art. 106f ust. 1 pkt 4 of the VAT Act; the XSD
    /// annotation of `Zamowienie`; the MF brochure on FA(3), order data).
    /// KSeF accepts the invoice without it, but it is legally defective.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>ZAL</RodzajFaktury>
    /// <!-- no <Zamowienie> at the end of Fa -->
    /// ```
    ///
    /// ## Fix
    /// Add `Zamowienie` with the order's value including tax
    /// (`WartoscZamowienia`) and its lines (`ZamowienieWiersz`).
    pub static ADVANCE_WITHOUT_ORDER = {
        code: "FA3-ZAL-001",
        name: "advance-without-order",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let kind = facts.kind();
    if !kind.is_advance() || facts.advance().order.is_some() {
        return;
    }
    if kind == Kind::KorZal {
        let rates = facts.rates();
        let changes_amounts = !rates.total.is_zero()
            || rates.groups.iter().any(|g| {
                g.declared
                    .is_some_and(|d| !d.net.is_zero() || !d.tax.unwrap_or(Decimal::ZERO).is_zero())
            });
        if !changes_amounts {
            return;
        }
    }
    out.report(
        &ADVANCE_WITHOUT_ORDER,
        "/Faktura/Fa/RodzajFaktury",
        format!(
            "RodzajFaktury is {kind}, but the invoice has no Zamowienie (the order or contract with WartoscZamowienia and its ZamowienieWiersz lines)"
        ),
    )
    .help = Some(
        "add Zamowienie at the end of Fa with the order's value including tax and its lines (art. 106f ust. 1 pkt 4 of the VAT Act)".into(),
    );
}
