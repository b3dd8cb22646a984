//! `FA3-ROW-009` reverse-charge-foreign-buyer.

use crate::facts::parties::{Party, PartyId, Role};
use crate::model::Faktura;
use crate::rules::lines::describe;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Lines at the domestic reverse-charge rate `oo` are sold to a buyer
    /// (`Podmiot2`) identified in Poland: the rule fires when the buyer is
    /// identified by an EU VAT number (`KodUE`/`NrVatUE`) or a foreign
    /// identifier (`NrID`), or has no Polish NIP and an address outside
    /// Poland. A buyer with a Polish NIP is taken as registered in Poland,
    /// wherever its address is. Reported once, at the first `oo` line.
    ///
    /// ## Why it matters
    /// `oo` is the domestic reverse charge of art. 17 ust. 1 pkt 7–8 of the
    /// VAT Act, where a Polish taxpayer buyer settles the tax. A supply to a
    /// foreign buyer whose place of supply is outside Poland is `np I` or
    /// `np II` (`P_13_8`/`P_13_9`) instead; using `oo` puts it in the wrong
    /// JPK field. KSeF does not check it. Source: the MF FA(3) brochure, §10.3.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2><DaneIdentyfikacyjne><KodUE>DE</KodUE><NrVatUE>123456789</NrVatUE>...
    /// <P_12>oo</P_12>
    /// ```
    ///
    /// ## Fix
    /// Use `np I` (supply outside Poland) or `np II` (services of art. 100
    /// ust. 1 pkt 4) for a foreign buyer, or correct the buyer's data.
    pub static REVERSE_CHARGE_FOREIGN_BUYER = {
        code: "FA3-ROW-009",
        name: "reverse-charge-foreign-buyer",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// Why the buyer looks foreign, if it does.
fn foreign_buyer(buyer: &Party<'_>) -> Option<String> {
    match &buyer.id {
        PartyId::EuVat { kod_ue, number } => Some(format!(
            "is identified by the EU VAT number {kod_ue}{number}"
        )),
        PartyId::Foreign { number, .. } => Some(format!(
            "is identified by the foreign number {number} (NrID)"
        )),
        // A Polish NIP identifies a buyer registered in Poland, wherever
        // its address is.
        PartyId::Nip(_) => None,
        _ => buyer
            .country
            .as_deref()
            .filter(|c| *c != "PL")
            .map(|c| format!("has its address in {c}")),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(buyer) = ctx.facts().parties().iter().find(|p| p.role == Role::Buyer) else {
        return;
    };
    let Some(why) = foreign_buyer(buyer) else {
        return;
    };
    let lines = &ctx.facts().rates().lines;
    let mut oo = lines.iter().filter(|l| l.rate == Some("oo"));
    let Some(first) = oo.next() else { return };
    let count = 1 + oo.count();
    out.report(
        &REVERSE_CHARGE_FOREIGN_BUYER,
        first.field("P_12"),
        format!(
            "{count} line(s) use the domestic reverse-charge rate oo, the first {line}, but the buyer {why}",
            line = describe(first)
        ),
    )
    .help = Some(
        "oo is for a Polish taxpayer buyer; for a foreign buyer use np I (supply outside Poland) or np II (art. 100 ust. 1 pkt 4 services)".into(),
    );
}
