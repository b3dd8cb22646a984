//! `FA3-PM2-004` recipient-role-unflagged.

use crate::model::{
    Faktura, FakturaPodmiot2GvElementType, FakturaPodmiot2JstElementType, TRolaPodmiotu3Type,
};
use crate::rules::parties::third_parties;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The inverse of FA3-PM2-002 and FA3-PM2-003: a `Podmiot3` with `Rola=8`
    /// (JST unit – recipient) while `Podmiot2/JST=2`, or with `Rola=10` (VAT
    /// group member – recipient) while `Podmiot2/GV=2`.
    ///
    /// ## Why it matters
    /// `JST=2` and `GV=2` say that the invoice concerns no subordinate unit of
    /// a local government and no member of a VAT group (schema annotations of
    /// `JST` and `GV`), which contradicts a recipient in that role. One of the
    /// two is wrong, and the flag is what the buyer's systems read.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2> ... <JST>2</JST> <GV>2</GV> </Podmiot2>
    /// <Podmiot3> ... <Rola>8</Rola> </Podmiot3>
    /// ```
    ///
    /// ## Fix
    /// Set `JST` (or `GV`) to 1 when the recipient really is such a unit or
    /// member; otherwise give the `Podmiot3` its real role (for example 2, a
    /// recipient within the buyer).
    pub static RECIPIENT_ROLE_UNFLAGGED = {
        code: "FA3-PM2-004",
        name: "recipient-role-unflagged",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let jst = invoice.podmiot2.jst == FakturaPodmiot2JstElementType::_1;
    let gv = invoice.podmiot2.gv == FakturaPodmiot2GvElementType::_1;
    for third in third_parties(ctx) {
        let (role, flag, what) = if third.has_role(&TRolaPodmiotu3Type::_8) && !jst {
            ("8", "JST", "a subordinate unit of a local government")
        } else if third.has_role(&TRolaPodmiotu3Type::_10) && !gv {
            ("10", "GV", "a member of a VAT group")
        } else {
            continue;
        };
        let label = third.party.label();
        out.report(
            &RECIPIENT_ROLE_UNFLAGGED,
            crate::facts::child(&third.party.path, "Rola"),
            format!(
                "{label} has Rola {role} (recipient that is {what}), but Podmiot2/{flag} is 2 (the invoice concerns none)"
            ),
        )
        .help = Some(format!(
            "set Podmiot2/{flag} to 1, or give {label} the role it really has"
        ));
    }
}
