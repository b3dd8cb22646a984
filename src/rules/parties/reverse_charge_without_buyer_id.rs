//! `FA3-PM2-011` reverse-charge-without-buyer-id.

use rust_decimal::Decimal;

use crate::facts::money::display;
use crate::facts::parties::{PartyId, Role};
use crate::facts::rates::RateGroup;
use crate::model::{Faktura, TWybor12Type};
use crate::rules::parties::party;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A buyer with `BrakID=1` (no tax identifier) on an invoice that
    /// documents a reverse charge: a line with `P_12` `oo`, a non-zero
    /// `P_13_10`, or `Adnotacje/P_18=1`.
    ///
    /// ## Why it matters
    /// Under the reverse charge the buyer settles the tax, so the buyer must
    /// be a taxpayer, identified on the invoice (art. 17 ust. 1 pkt 7 and 8,
    /// art. 28b and art. 106e ust. 1 pkt 5 of the VAT Act). A buyer without a
    /// tax identifier, such as a consumer, cannot settle it: either the
    /// identifier is missing or the seller owes the tax.
    ///
    /// ## Example
    /// ```xml
    /// <DaneIdentyfikacyjne><BrakID>1</BrakID><Nazwa>Jan Kowalski</Nazwa></DaneIdentyfikacyjne>
    /// ...
    /// <P_12>oo</P_12>
    /// ```
    ///
    /// ## Fix
    /// Identify the buyer by its `NIP` (or EU VAT number or other tax
    /// number). If the buyer really is not a taxpayer, the supply is not
    /// reverse-charged: charge the tax at the applicable rate.
    pub static REVERSE_CHARGE_WITHOUT_BUYER_ID = {
        code: "FA3-PM2-011",
        name: "reverse-charge-without-buyer-id",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// Why the invoice documents a reverse charge.
fn reverse_charge(invoice: &Faktura, ctx: &Context<'_>) -> Option<String> {
    let rates = ctx.facts().rates();
    if let Some(g) = rates.group(RateGroup::ReverseCharge) {
        if let Some(line) = rates.lines_of(g).next() {
            let path = line.path();
            let label = path.strip_prefix("/Faktura/Fa/").unwrap_or(&path);
            return Some(format!("{label} has P_12 oo"));
        }
        if let Some(d) = g.declared
            && d.net != Decimal::ZERO
        {
            return Some(format!("P_13_10 is {}", display(d.net)));
        }
    }
    (invoice.fa.adnotacje.p_18 == TWybor12Type::_1).then(|| "Adnotacje/P_18 is 1".into())
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(buyer) = party(ctx, Role::Buyer) else {
        return;
    };
    if !matches!(buyer.id, PartyId::None) {
        return;
    }
    let Some(why) = reverse_charge(invoice, ctx) else {
        return;
    };
    out.report(
        &REVERSE_CHARGE_WITHOUT_BUYER_ID,
        buyer.id_path("BrakID"),
        format!(
            "the buyer has BrakID 1 (no tax identifier), but the invoice documents a reverse charge ({why}), which the buyer can settle only as an identified taxpayer"
        ),
    )
    .help = Some(
        "identify the buyer by NIP (or EU VAT or other tax number); if the buyer is not a taxpayer, charge the tax instead of reverse-charging it".into(),
    );
}
