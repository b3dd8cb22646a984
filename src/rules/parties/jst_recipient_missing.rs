//! `FA3-PM2-002` jst-recipient-missing.

use crate::model::{Faktura, FakturaPodmiot2JstElementType, TRolaPodmiotu3Type};
use crate::rules::parties::third_parties;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// When `Podmiot2/JST=1` (the invoice concerns a subordinate unit of a
    /// local government), at least one `Podmiot3` has `Rola=8` (JST unit –
    /// recipient).
    ///
    /// Whether that `Podmiot3` is identified by `NIP` or `IDWew`, as the
    /// annotation also asks, is FA3-PM3-006, for every role-8 party.
    ///
    /// ## Why it matters
    /// The schema annotation of `JST` says: "to make the invoice available to
    /// the subordinate unit, fill in Podmiot3, in particular its NIP or
    /// ID-Wew, and set the role to 8" (likewise the MF brochure on FA(3), the
    /// buyer's data). Without it the unit (a school, a municipal office) does
    /// not see the invoice in KSeF, although KSeF accepts it.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2> ... <JST>1</JST> <GV>2</GV> </Podmiot2>
    /// <!-- no Podmiot3 with <Rola>8</Rola> -->
    /// ```
    ///
    /// ## Fix
    /// Add the unit as `Podmiot3` with its `NIP` (or `IDWew`) and
    /// `<Rola>8</Rola>`, or set `JST` to 2 if the invoice does not concern a
    /// subordinate unit.
    pub static JST_RECIPIENT_MISSING = {
        code: "FA3-PM2-002",
        name: "jst-recipient-missing",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if invoice.podmiot2.jst != FakturaPodmiot2JstElementType::_1 {
        return;
    }
    if third_parties(ctx).any(|t| t.has_role(&TRolaPodmiotu3Type::_8)) {
        return;
    }
    let found = match invoice.podmiot3.len() {
        0 => "there is no Podmiot3".to_string(),
        1 => "the only Podmiot3 has another role".to_string(),
        n => format!("none of the {n} Podmiot3 entries has Rola 8"),
    };
    out.report(
        &JST_RECIPIENT_MISSING,
        "/Faktura/Podmiot2/JST",
        format!(
            "JST is 1 (the invoice concerns a subordinate unit of a local government), but {found}; without a Podmiot3 with Rola 8 (JST unit – recipient) the unit will not see the invoice in KSeF"
        ),
    )
    .help = Some(
        "add the unit as Podmiot3 with its NIP or IDWew and <Rola>8</Rola>, or set JST to 2".into(),
    );
}
