//! `FA3-PM3-008` factor-without-account.

use crate::model::{Faktura, TRolaPodmiotu3Type};
use crate::rules::parties::third_parties;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// When a `Podmiot3` has `Rola=1` (factor), `Fa/Platnosc` gives at least
    /// one `RachunekBankowyFaktora`, the factor's account.
    ///
    /// ## Why it matters
    /// A factored invoice is paid to the factor, and the schema has
    /// `RachunekBankowyFaktora` for "the factor's bank account" (official
    /// example 4 gives both). Without it the buyer sees only the seller's
    /// account, if any, and may pay the wrong party. Only an info: the
    /// payment instructions may be agreed elsewhere.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot3> ... <Rola>1</Rola> </Podmiot3>
    /// ...
    /// <Platnosc> <!-- no RachunekBankowyFaktora --> </Platnosc>
    /// ```
    ///
    /// ## Fix
    /// Add the factor's account as `Platnosc/RachunekBankowyFaktora`.
    pub static FACTOR_WITHOUT_ACCOUNT = {
        code: "FA3-PM3-008",
        name: "factor-without-account",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let has_account = invoice
        .fa
        .platnosc
        .as_ref()
        .is_some_and(|p| !p.rachunek_bankowy_faktora.is_empty());
    if has_account {
        return;
    }
    if let Some(third) = third_parties(ctx).find(|t| t.has_role(&TRolaPodmiotu3Type::_1)) {
        let label = third.party.label();
        out.report(
            &FACTOR_WITHOUT_ACCOUNT,
            crate::facts::child(&third.party.path, "Rola"),
            format!(
                "{label} is a factor (Rola 1), but Platnosc gives no RachunekBankowyFaktora, so the buyer is not told where to pay the factor"
            ),
        )
        .help = Some("add the factor's account as Platnosc/RachunekBankowyFaktora".into());
    }
}
