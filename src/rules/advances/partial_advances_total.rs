//! `FA3-ZAL-008` partial-advances-total.

use crate::facts::Kind;
use crate::facts::money::{checked_diff, display, round2, within};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The partial advances (`ZaliczkaCzesciowa/P_15Z`) against the amount
    /// due `P_15`:
    /// - on an advance invoice (`ZAL`) documenting several payments, the
    ///   `P_15Z` amounts add up to `P_15`, within the tolerance (0.01 by
    ///   default);
    /// - on a settlement (`ROZ`) or any other non-correction invoice that
    ///   also documents payments received before the delivery, they add up
    ///   to no more than `P_15` (the rest, `P_15` − Σ`P_15Z`, is the amount
    ///   paid on top of them).
    ///
    /// Corrections are not checked: their `P_15Z` and `P_15` are both
    /// corrections of the amounts of the corrected invoice.
    ///
    /// ## Why it matters
    /// The XSD annotations of `ZaliczkaCzesciowa` and `P_15Z`: each `P_15Z`
    /// is a payment of art. 106b ust. 1 pkt 4 of the VAT Act "making up the
    /// amount in P_15", and on the invoice of art. 106f ust. 3 the difference
    /// `P_15` − Σ`P_15Z` is the amount remaining over the payments received
    /// (MF brochure on FA(3), partial advances). Amounts that do not add up
    /// misstate the tax point of each payment.
    ///
    /// ## Example
    /// ```xml
    /// <P_15>1230</P_15> ...
    /// <ZaliczkaCzesciowa><P_6Z>2026-11-02</P_6Z><P_15Z>1000</P_15Z></ZaliczkaCzesciowa>
    /// <ZaliczkaCzesciowa><P_6Z>2026-11-16</P_6Z><P_15Z>100</P_15Z></ZaliczkaCzesciowa>
    /// ```
    ///
    /// ## Fix
    /// Give each payment received in its own `ZaliczkaCzesciowa` with its
    /// date and amount, so that the amounts add up to `P_15` on an advance
    /// invoice and do not exceed it on a settlement.
    pub static PARTIAL_ADVANCES_TOTAL = {
        code: "FA3-ZAL-008",
        name: "partial-advances-total",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let kind = facts.kind();
    let advance = facts.advance();
    if kind.is_correction() || advance.partial.is_empty() {
        return;
    }
    let Some(sum) = advance.partial_total else {
        return;
    };
    let total = facts.rates().total;
    let Some(difference) = checked_diff(sum, total) else {
        return;
    };
    let count = advance.partial.len();
    let (sum_text, total_text) = (display(sum), display(total));
    let message = if kind == Kind::Zal {
        if within(sum, total, ctx.settings.tolerance) {
            return;
        }
        format!(
            "the {count} partial advances (ZaliczkaCzesciowa/P_15Z) add up to {sum_text}, but P_15 is {total_text} (difference {difference}); on an advance invoice they make up P_15",
            difference = display(difference.abs()),
        )
    } else {
        if round2(difference) <= ctx.settings.tolerance {
            return;
        }
        format!(
            "the {count} partial advances (ZaliczkaCzesciowa/P_15Z) add up to {sum_text}, more than P_15 ({total_text}) by {difference}; the advances received are part of P_15",
            difference = display(difference),
        )
    };
    out.report(&PARTIAL_ADVANCES_TOTAL, "/Faktura/Fa/P_15", message).help = Some(
        "give each payment received in ZaliczkaCzesciowa (P_6Z, P_15Z); on ZAL they add up to P_15, on a settlement P_15 minus their sum is the amount paid on top of them".into(),
    );
}
