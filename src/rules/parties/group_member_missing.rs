//! `FA3-PM2-003` group-member-missing.

use crate::model::{Faktura, FakturaPodmiot2GvElementType, TRolaPodmiotu3Type};
use crate::rules::parties::third_parties;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// When `Podmiot2/GV=1` (the invoice concerns a member of a VAT group), at
    /// least one `Podmiot3` has `Rola=10` (VAT group member – recipient).
    ///
    /// Whether that `Podmiot3` is identified by `NIP` or `IDWew`, as the
    /// annotation also asks, is FA3-PM3-006, for every role-10 party.
    ///
    /// ## Why it matters
    /// The schema annotation of `GV` says: "to make the invoice available to
    /// the member of the VAT group, fill in Podmiot3, in particular its NIP or
    /// ID-Wew, and set the role to 10" (likewise the MF brochure on FA(3), the
    /// buyer's data). Without it the member does not see the invoice in KSeF,
    /// although KSeF accepts it.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2> ... <JST>2</JST> <GV>1</GV> </Podmiot2>
    /// <!-- no Podmiot3 with <Rola>10</Rola> -->
    /// ```
    ///
    /// ## Fix
    /// Add the member as `Podmiot3` with its `NIP` (or `IDWew`) and
    /// `<Rola>10</Rola>`, or set `GV` to 2 if the invoice does not concern a
    /// member of a VAT group.
    pub static GROUP_MEMBER_MISSING = {
        code: "FA3-PM2-003",
        name: "group-member-missing",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if invoice.podmiot2.gv != FakturaPodmiot2GvElementType::_1 {
        return;
    }
    if third_parties(ctx).any(|t| t.has_role(&TRolaPodmiotu3Type::_10)) {
        return;
    }
    let found = match invoice.podmiot3.len() {
        0 => "there is no Podmiot3".to_string(),
        1 => "the only Podmiot3 has another role".to_string(),
        n => format!("none of the {n} Podmiot3 entries has Rola 10"),
    };
    out.report(
        &GROUP_MEMBER_MISSING,
        "/Faktura/Podmiot2/GV",
        format!(
            "GV is 1 (the invoice concerns a member of a VAT group), but {found}; without a Podmiot3 with Rola 10 (VAT group member – recipient) the member will not see the invoice in KSeF"
        ),
    )
    .help = Some(
        "add the member as Podmiot3 with its NIP or IDWew and <Rola>10</Rola>, or set GV to 2"
            .into(),
    );
}
