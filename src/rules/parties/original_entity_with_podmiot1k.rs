//! `FA3-PM3-005` original-entity-with-podmiot1k.

use crate::model::{Faktura, TRolaPodmiotu3Type};
use crate::rules::parties::third_parties;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A correction (`KOR`, `KOR_ZAL`, `KOR_ROZ`) that fills `Fa/Podmiot1K`
    /// (the seller as on the corrected invoice) and also lists a `Podmiot3`
    /// with `Rola=3` (original entity: an entity taken over or transformed).
    ///
    /// ## Why it matters
    /// Role 3 is for the data of an entity taken over or transformed that
    /// made the supply, "except in the cases of art. 106j ust. 2 pkt 3, when
    /// these data are given in Podmiot1K" (schema enumeration of
    /// `TRolaPodmiotu3`). On a correction that already gives the earlier
    /// seller in `Podmiot1K`, the same data as `Podmiot3` with role 3 is
    /// usually a duplicate. Only an info: both may be right when the original
    /// entity is not the seller named on the corrected invoice.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot3> ... <Rola>3</Rola> </Podmiot3>
    /// ...
    /// <RodzajFaktury>KOR</RodzajFaktury>
    /// <Podmiot1K> ... </Podmiot1K>
    /// ```
    ///
    /// ## Fix
    /// Give the earlier seller's data only in `Podmiot1K`, and remove the
    /// `Podmiot3` with `Rola=3` unless it is another entity.
    pub static ORIGINAL_ENTITY_WITH_PODMIOT1K = {
        code: "FA3-PM3-005",
        name: "original-entity-with-podmiot1k",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let kind = ctx.facts().kind();
    if !kind.is_correction() {
        return;
    }
    let has_podmiot1k = invoice
        .fa
        .przyczyna_korekty_group
        .as_ref()
        .is_some_and(|g| g.podmiot1k.is_some());
    if !has_podmiot1k {
        return;
    }
    for third in third_parties(ctx).filter(|t| t.has_role(&TRolaPodmiotu3Type::_3)) {
        let label = third.party.label();
        out.report(
            &ORIGINAL_ENTITY_WITH_PODMIOT1K,
            crate::facts::child(&third.party.path, "Rola"),
            format!(
                "{label} has Rola 3 (original entity) on a {kind} that also gives Podmiot1K; in a correction under art. 106j ust. 2 pkt 3 the earlier seller's data belong only in Podmiot1K"
            ),
        )
        .help = Some(format!(
            "remove {label} if it repeats Podmiot1K; keep it only for another entity"
        ));
    }
}
