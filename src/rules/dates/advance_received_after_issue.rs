//! `FA3-DATE-015` advance-received-after-issue.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// No partial advance, `ZaliczkaCzesciowa/P_6Z`, is received after the
    /// issue date `Fa/P_1`.
    ///
    /// ## Why it matters
    /// `P_6Z` is the "Data otrzymania płatności, o której mowa w art. 106b
    /// ust. 1 pkt 4 ustawy" (schemat_FA(3)_v1-0E.xsd): the day a payment
    /// received before the delivery was received. An advance invoice
    /// documents a payment already received, so a later date is a typo or a
    /// payment that does not belong on this invoice yet. KSeF does not check
    /// it.
    ///
    /// ## Example
    /// ```xml
    /// <P_1>2026-11-21</P_1>
    /// ...
    /// <ZaliczkaCzesciowa><P_6Z>2026-11-24</P_6Z><P_15Z>1000</P_15Z></ZaliczkaCzesciowa>
    /// ```
    ///
    /// ## Fix
    /// Give the date the payment was received; document a payment received
    /// later on a later invoice.
    pub static ADVANCE_RECEIVED_AFTER_ISSUE = {
        code: "FA3-DATE-015",
        name: "advance-received-after-issue",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let issued = invoice.fa.p_1.0.date();
    for partial in &ctx.facts().advance().partial {
        if partial.received <= issued {
            continue;
        }
        out.report(
            &ADVANCE_RECEIVED_AFTER_ISSUE,
            crate::facts::child(&partial.path, "P_6Z"),
            format!(
                "the advance payment is received on {received} (P_6Z), after the issue date {issued} (P_1); an invoice documents payments already received",
                received = partial.received
            ),
        )
        .help = Some(
            "give the date the payment was received; a payment received later goes on a later invoice".into(),
        );
    }
}
