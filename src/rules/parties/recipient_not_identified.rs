//! `FA3-PM3-006` recipient-not-identified.

use crate::facts::parties::PartyId;
use crate::model::{Faktura, TRolaPodmiotu3Type};
use crate::rules::parties::{describe_id, id_element, third_parties};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each `Podmiot3` with `Rola=8` (JST unit – recipient) or `Rola=10` (VAT
    /// group member – recipient) is identified by `NIP` or `IDWew`, not by an
    /// EU VAT number, another tax number or `BrakID`.
    ///
    /// Roles 7 and 9 (the unit or member as issuer) are not checked: the
    /// schema annotations ask for the identifier only for the recipients. A
    /// missing role-8 or role-10 party is FA3-PM2-002 or FA3-PM2-003.
    ///
    /// ## Why it matters
    /// The annotations of `JST` and `GV` ask for "in particular the NIP or
    /// ID-Wew" of the unit or member: KSeF gives access to the invoice by
    /// those identifiers, so a recipient identified otherwise does not see it.
    /// The units of a local government and the members of a VAT group are
    /// Polish entities with a NIP.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot3>
    ///   <DaneIdentyfikacyjne><BrakID>1</BrakID><Nazwa>Szkoła Podstawowa nr 1</Nazwa></DaneIdentyfikacyjne>
    ///   <Rola>8</Rola>
    /// </Podmiot3>
    /// ```
    ///
    /// ## Fix
    /// Identify the recipient by its `NIP`, or by the `IDWew` generated for it
    /// in KSeF.
    pub static RECIPIENT_NOT_IDENTIFIED = {
        code: "FA3-PM3-006",
        name: "recipient-not-identified",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for third in third_parties(ctx) {
        let what = if third.has_role(&TRolaPodmiotu3Type::_8) {
            "8 (JST unit – recipient)"
        } else if third.has_role(&TRolaPodmiotu3Type::_10) {
            "10 (VAT group member – recipient)"
        } else {
            continue;
        };
        let id = &third.party.id;
        if matches!(id, PartyId::Nip(_) | PartyId::IdWew(_)) {
            continue;
        }
        let label = third.party.label();
        out.report(
            &RECIPIENT_NOT_IDENTIFIED,
            third.party.id_path(id_element(id)),
            format!(
                "{label} has Rola {what} but is identified by {id}, not by NIP or IDWew, so KSeF cannot give it access to the invoice",
                id = describe_id(id)
            ),
        )
        .help = Some(format!(
            "identify {label} by its NIP or its KSeF internal identifier (IDWew)"
        ));
    }
}
