//! `FA3-KOR-008` collective-period-on-advance-correction.

use crate::facts::Kind;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// `Fa/OkresFaKorygowanej`, the period of a collective correction, is
    /// given on a correction of an advance invoice (`KOR_ZAL`).
    ///
    /// Refined: the field on an invoice that is not a correction at all is
    /// reported by FA3-TYPE-002; `KOR` (the collective corrections of the
    /// Ministry of Finance's examples 6 and 7) and `KOR_ROZ` are not
    /// reported.
    ///
    /// ## Why it matters
    /// The field belongs to the correction "o której mowa w art. 106j ust. 3
    /// ustawy": a rebate or price reduction granted for all the deliveries
    /// or services made to one buyer in a period (schemat_FA(3)_v1-0E.xsd).
    /// An advance invoice documents a payment received before a delivery,
    /// not a delivery, so a period of rebated deliveries does not fit its
    /// correction. For a collective correction `FaWiersz` may be left out or
    /// carry only the names of the goods.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>KOR_ZAL</RodzajFaktury>
    /// ...
    /// <OkresFaKorygowanej>2026-10</OkresFaKorygowanej>
    /// ```
    ///
    /// ## Fix
    /// Issue a collective rebate as a `KOR` of the delivery invoices; remove
    /// `OkresFaKorygowanej` from the correction of the advance invoice.
    pub static COLLECTIVE_PERIOD_ON_ADVANCE_CORRECTION = {
        code: "FA3-KOR-008",
        name: "collective-period-on-advance-correction",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let correction = ctx.facts().correction();
    if correction.kind != Kind::KorZal {
        return;
    }
    let Some(period) = correction.period else {
        return;
    };
    out.report(
        &COLLECTIVE_PERIOD_ON_ADVANCE_CORRECTION,
        "/Faktura/Fa/OkresFaKorygowanej",
        format!(
            "the correction of an advance invoice (KOR_ZAL) gives the period of a collective correction, OkresFaKorygowanej \"{period}\"; collective rebate corrections (art. 106j ust. 3) are KOR corrections of delivery invoices"
        ),
    )
    .help = Some(
        "issue a collective rebate as a KOR of the delivery invoices; remove OkresFaKorygowanej here".into(),
    );
}
