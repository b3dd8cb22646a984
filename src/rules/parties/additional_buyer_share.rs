//! `FA3-PM3-002` additional-buyer-share.

use rust_decimal::Decimal;

use crate::model::{Faktura, TRolaPodmiotu3Type};
use crate::rules::parties::third_parties;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The shares of additional buyers, `Podmiot3/Udzial`:
    ///
    /// - `Udzial` is given only on a `Podmiot3` with `Rola=4` (additional
    ///   buyer);
    /// - the shares of the additional buyers add up to at most 100 (percent).
    ///
    /// A missing `Udzial` is fine: the buyers' shares are then equal.
    ///
    /// ## Why it matters
    /// `Udzial` is "the percentage share of an additional buyer; the
    /// difference between 100% and the sum of the additional buyers' shares
    /// is the share of the buyer in Podmiot2" (schema annotation; MF brochure
    /// on FA(3), the third parties). A share on another role means nothing,
    /// and shares above 100% in total leave `Podmiot2` a negative share: each
    /// buyer's part of the tax to deduct is then unknown.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot3> ... <Rola>4</Rola> <Udzial>60</Udzial> </Podmiot3>
    /// <Podmiot3> ... <Rola>4</Rola> <Udzial>50</Udzial> </Podmiot3>
    /// ```
    ///
    /// ## Fix
    /// Give `Udzial` only to additional buyers, and make the shares add up to
    /// at most 100, leaving the rest to `Podmiot2`.
    pub static ADDITIONAL_BUYER_SHARE = {
        code: "FA3-PM3-002",
        name: "additional-buyer-share",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let hundred = Decimal::ONE_HUNDRED;
    let mut total = Some(Decimal::ZERO);
    let mut reported_total = false;
    for third in third_parties(ctx) {
        let Some(share) = &third.element.udzial else {
            continue;
        };
        let share = share.0.value();
        let label = third.party.label();
        let path = crate::facts::child(&third.party.path, "Udzial");
        if !third.has_role(&TRolaPodmiotu3Type::_4) {
            out.report(
                &ADDITIONAL_BUYER_SHARE,
                path,
                format!(
                    "{label} has Udzial {share} but {role}; a share belongs only to an additional buyer (Rola 4)",
                    role = third.role_text()
                ),
            )
            .help = Some(format!(
                "remove Udzial from {label}, or set its Rola to 4 if it is an additional buyer"
            ));
            continue;
        }
        total = total.and_then(|t| t.checked_add(share));
        if let Some(sum) = total
            && sum > hundred
            && !reported_total
        {
            reported_total = true;
            out.report(
                &ADDITIONAL_BUYER_SHARE,
                path,
                format!(
                    "the shares of the additional buyers add up to {sum} with {label}'s Udzial {share}, more than 100, leaving Podmiot2 a negative share"
                ),
            )
            .help = Some(
                "make the additional buyers' shares add up to at most 100; the rest is Podmiot2's share".into(),
            );
        }
    }
}
