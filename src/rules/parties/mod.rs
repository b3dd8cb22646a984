//! Parties: the seller (`Podmiot1`, C.2), the authorised entity (`PodmiotUpowazniony`), the buyer (`Podmiot2`, C.3) and third parties (`Podmiot3`, C.4).
//!
//! The identifier formats and checksums of these parties are the `FA3-ID-*`
//! and `FA3-NIP-*` rules; the rules here check what the parties' roles and
//! flags say about each other and about the invoice.

use rust_decimal::Decimal;

use crate::domain::nip;
use crate::facts::Kind;
use crate::facts::money::display;
use crate::facts::parties::{Party, PartyId, Role, token};
use crate::facts::rates::RateGroup;
use crate::model::{
    FakturaPodmiot3ElementType, FakturaPodmiot3RolaChoice, TRolaPodmiotu3Type, TWybor12Type,
};
use crate::rules::Context;

pub mod additional_buyer_share;
pub mod authorised_entity_as_issuer;
pub mod authorised_entity_data;
pub mod buyer_address_missing;
pub mod buyer_flags;
pub mod buyer_id_for_eu_supply;
pub mod buyer_id_link;
pub mod buyer_is_seller;
pub mod buyer_name_missing;
pub mod duplicate_third_party;
pub mod employee_identified;
pub mod factor_without_account;
pub mod foreign_id_format;
pub mod group_member_missing;
pub mod jst_recipient_missing;
pub mod nip_in_foreign_id_spelled;
pub mod original_entity_with_podmiot1k;
pub mod recipient_not_identified;
pub mod recipient_role_unflagged;
pub mod reverse_charge_without_buyer_id;
pub mod self_billing_issuer_role;
pub mod seller_abroad;
pub mod seller_prefix_missing;
pub mod third_party_role;

/// A `Podmiot3` with its party facts.
#[derive(Clone, Copy)]
pub(crate) struct ThirdParty<'c, 'a> {
    /// The party (path, identification, address country).
    pub party: &'c Party<'a>,
    /// The element itself.
    pub element: &'a FakturaPodmiot3ElementType,
}

impl ThirdParty<'_, '_> {
    /// `Rola`, when given (not `RolaInna`).
    pub fn role(&self) -> Option<&TRolaPodmiotu3Type> {
        match &self.element.rola_choice {
            FakturaPodmiot3RolaChoice::Rola(r) => Some(r),
            FakturaPodmiot3RolaChoice::RolaInnaGroup(_) => None,
        }
    }

    /// True when `Rola` is `role`.
    pub fn has_role(&self, role: &TRolaPodmiotu3Type) -> bool {
        self.role() == Some(role)
    }

    /// `Rola` as written (`8`), or `RolaInna` with its `OpisRoli`.
    pub fn role_text(&self) -> String {
        match &self.element.rola_choice {
            FakturaPodmiot3RolaChoice::Rola(r) => format!("Rola {}", crate::facts::xsd_value(r)),
            FakturaPodmiot3RolaChoice::RolaInnaGroup(g) => {
                format!("RolaInna ({})", token(&g.opis_roli.0))
            }
        }
    }

    /// `DaneIdentyfikacyjne/Nazwa`, when given.
    pub fn name(&self) -> Option<&str> {
        self.element
            .dane_identyfikacyjne
            .nazwa_group
            .as_ref()
            .map(|g| token(&g.nazwa.0))
    }
}

/// Each `Podmiot3` with its party facts, in document order.
pub(crate) fn third_parties<'c, 'a>(
    ctx: &'c Context<'a>,
) -> impl Iterator<Item = ThirdParty<'c, 'a>> + 'c {
    ctx.facts()
        .parties()
        .iter()
        .filter(|p| p.role == Role::ThirdParty)
        .zip(ctx.facts().invoice().podmiot3.iter())
        .map(|(party, element)| ThirdParty { party, element })
}

/// The party with `role` (the first one: `Seller`, `Buyer`).
pub(crate) fn party<'c, 'a>(ctx: &'c Context<'a>, role: Role) -> Option<&'c Party<'a>> {
    ctx.facts().parties().iter().find(|p| p.role == role)
}

/// True when `a` and `b` name the same identifier: the same NIP, internal
/// identifier, EU VAT number (with its `KodUE`) or other tax number (with the
/// same `KodKraju`, or one of them without it). `BrakID` matches nothing.
pub(crate) fn same_id(a: &PartyId<'_>, b: &PartyId<'_>) -> bool {
    match (a, b) {
        (PartyId::Nip(x), PartyId::Nip(y)) | (PartyId::IdWew(x), PartyId::IdWew(y)) => {
            token(x) == token(y)
        }
        (
            PartyId::EuVat {
                kod_ue: ka,
                number: x,
            },
            PartyId::EuVat {
                kod_ue: kb,
                number: y,
            },
        ) => ka == kb && token(x) == token(y),
        (
            PartyId::Foreign {
                kod_kraju: ka,
                number: x,
            },
            PartyId::Foreign {
                kod_kraju: kb,
                number: y,
            },
        ) => {
            let countries = match (ka, kb) {
                (Some(ka), Some(kb)) => ka == kb,
                _ => true,
            };
            countries && token(x) == token(y)
        }
        _ => false,
    }
}

/// The identifier of a party for messages: `NIP 5265877635`,
/// `KodUE DE + NrVatUE 123456789`, `NrID 123 (KodKraju US)`, `BrakID`.
pub(crate) fn describe_id(id: &PartyId<'_>) -> String {
    match id {
        PartyId::Nip(n) => format!("NIP {}", token(n)),
        PartyId::IdWew(n) => format!("IDWew {}", token(n)),
        PartyId::EuVat { kod_ue, number } => format!("KodUE {kod_ue} + NrVatUE {number}"),
        PartyId::Foreign {
            kod_kraju: Some(k),
            number,
        } => format!("NrID {number} (KodKraju {k})"),
        PartyId::Foreign {
            kod_kraju: None,
            number,
        } => format!("NrID {number}"),
        PartyId::None => "BrakID".into(),
    }
}

/// The element of `DaneIdentyfikacyjne` that carries `id` (`NIP`, `IDWew`,
/// `KodUE`, `NrID`, `BrakID`).
pub(crate) fn id_element(id: &PartyId<'_>) -> &'static str {
    match id {
        PartyId::Nip(_) => "NIP",
        PartyId::IdWew(_) => "IDWew",
        PartyId::EuVat { .. } => "KodUE",
        PartyId::Foreign { .. } => "NrID",
        PartyId::None => "BrakID",
    }
}

/// The valid NIP hidden in a `NrID` of a Polish (or unnamed) country, in any
/// spelling: plain, after `PL`, with separators or surrounding spaces.
/// `exact` tells whether it is written plain or after `PL` only, the
/// spellings FA3-ID-013 reports.
pub(crate) struct NipInNrId {
    /// The NIP, ten digits.
    pub nip: String,
    /// True for `5265877635` and `PL5265877635`, false for `526-587-76-35`.
    pub exact: bool,
}

/// See [`NipInNrId`]. `None` when `kod_kraju` names another country or the
/// value is no valid NIP.
pub(crate) fn nip_in_nrid(kod_kraju: Option<&str>, number: &str) -> Option<NipInNrId> {
    if kod_kraju.is_some_and(|k| k != "PL") {
        return None;
    }
    let plain = match number.get(..2) {
        Some(p) if p.eq_ignore_ascii_case("PL") => number.get(2..).unwrap_or(""),
        _ => number,
    };
    if nip::is_valid(plain) {
        return Some(NipInNrId {
            nip: plain.to_string(),
            exact: true,
        });
    }
    nip::suggest_normalised(number)
        .filter(|n| nip::is_valid(n))
        .map(|nip| NipInNrId { nip, exact: false })
}

/// What makes an invoice an EU transaction that needs the VAT-UE prefixes of
/// both parties (art. 97 ust. 10 pkt 2 and 3, art. 106e ust. 1 pkt 24,
/// art. 136 ust. 1 pkt 3 and 4 of the VAT Act).
pub(crate) struct EuEvidence {
    /// `an intra-Community supply of goods (0 WDT)` and the like.
    pub what: &'static str,
    /// `FaWiersz[2] has P_12 0 WDT`, `P_13_6_2 is 4,000.00`, `P_23 is 1`.
    pub why: String,
}

/// The first reason, if any, why the invoice documents an intra-Community
/// supply (a `0 WDT` line or a non-zero `P_13_6_2`), an art. 100 ust. 1
/// pkt 4 service (an `np II` line or a non-zero `P_13_9`) or a simplified
/// triangular transaction by the second taxpayer (`Adnotacje/P_23=1`).
pub(crate) fn eu_evidence(ctx: &Context<'_>) -> Option<EuEvidence> {
    let rates = ctx.facts().rates();
    let groups = [
        (
            RateGroup::ZeroWdt,
            "an intra-Community supply of goods (WDT)",
        ),
        (
            RateGroup::OutsideII,
            "services taxed where the buyer is established (art. 100 ust. 1 pkt 4, np II)",
        ),
    ];
    for (group, what) in groups {
        let Some(g) = rates.group(group) else {
            continue;
        };
        if let Some(line) = rates.lines_of(g).next() {
            let rate = line.rate.unwrap_or_default();
            let path = line.path();
            let label = path.strip_prefix("/Faktura/Fa/").unwrap_or(&path);
            return Some(EuEvidence {
                what,
                why: format!("{label} has P_12 {rate}"),
            });
        }
        if let Some(d) = g.declared
            && d.net != Decimal::ZERO
        {
            return Some(EuEvidence {
                what,
                why: format!("{} is {}", group.net_field(), display(d.net)),
            });
        }
    }
    if ctx.facts().invoice().fa.adnotacje.p_23 == TWybor12Type::_1 {
        return Some(EuEvidence {
            what: "a simplified triangular transaction by the second taxpayer",
            why: "Adnotacje/P_23 is 1".into(),
        });
    }
    None
}

/// True when the invoice may be simplified (art. 106e ust. 5 pkt 3 of the VAT
/// Act) or the correction of one: a `UPR`, or a `KOR` whose buyer is
/// identified by `NIP` (a simplified invoice needs the buyer's NIP, and a
/// correction does not say what kind of invoice it corrects).
pub(crate) fn may_be_simplified(ctx: &Context<'_>) -> bool {
    match ctx.facts().kind() {
        Kind::Upr => true,
        Kind::Kor => party(ctx, Role::Buyer).is_some_and(|b| matches!(b.id, PartyId::Nip(_))),
        _ => false,
    }
}
