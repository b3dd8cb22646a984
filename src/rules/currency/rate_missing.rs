//! `FA3-CUR-004` exchange-rate-missing.

use crate::facts::money::display;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice in a foreign currency that charges tax (a non-zero
    /// `P_14_1` … `P_14_5`) but gives no exchange rate anywhere: no
    /// `KursWaluty` on a line, no `KursWalutyZ`, `KursWalutyZW` or
    /// `KursWalutyZK`.
    ///
    /// Refined: "taxable amounts" is read as "tax charged": a 0 % intra-EU
    /// supply or export in a foreign currency (the official examples 22 and
    /// 23) needs no rate on the invoice.
    ///
    /// ## Why it matters
    /// The rate is optional in the schema, but the tax in złoty
    /// (`P_14_xW`) was computed with one; without it on the invoice the
    /// buyer cannot verify the conversion (art. 31a).
    ///
    /// ## Source
    /// XSD (`KursWaluty` is optional).
    ///
    /// ## Example
    /// ```xml
    /// <KodWaluty>EUR</KodWaluty>
    /// ...
    /// <P_14_1>23.00</P_14_1> <!-- no KursWaluty on any line -->
    /// ```
    ///
    /// ## Fix
    /// Give the rate used in `KursWaluty` on the lines (or `KursWalutyZ`
    /// on an advance invoice).
    pub static EXCHANGE_RATE_MISSING = {
        code: "FA3-CUR-004",
        name: "exchange-rate-missing",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let currency = facts.currency();
    if currency.is_pln() || currency.any_rate() {
        return;
    }
    let taxed = facts.rates().groups.iter().find_map(|g| {
        let tax = g.declared.and_then(|d| d.tax)?;
        (!tax.is_zero()).then_some((g.group.tax_field()?, tax))
    });
    let Some((field, tax)) = taxed else { return };
    out.report(
        &EXCHANGE_RATE_MISSING,
        "/Faktura/Fa/KodWaluty",
        format!(
            "the invoice is in {code} and charges tax ({field} is {tax}), but gives no exchange rate (KursWaluty, KursWalutyZ)",
            code = currency.code,
            tax = display(tax),
        ),
    )
    .help = Some(
        "give the rate used for the tax in złoty in KursWaluty on the lines (KursWalutyZ on an advance invoice)"
            .to_string(),
    );
}
