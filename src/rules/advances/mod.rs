//! Advance and settlement invoices and order data (`ZAL`, `ROZ`, `Zamowienie`, `ZaliczkaCzesciowa`, `FakturaZaliczkowa`; catalog C.7).

pub mod advance_invoice_reference;
pub mod advance_line_markers;
pub mod advance_rate_on_other_kind;
pub mod advance_without_order;
pub mod invoice_without_lines;
pub mod order_line_duplicate;
pub mod order_on_other_kind;
pub mod order_value_mismatch;
pub mod partial_advances_total;
pub mod settlement_without_advances;
pub mod wdt_advance;

use crate::rules::{Context, Findings, Rule};

/// Reports `rule` at `path` when a field of advance invoices (`what`,
/// e.g. `KursWalutyZ is the exchange rate of an advance invoice`) is
/// `present` on an invoice of another kind.
pub(crate) fn advance_only(
    ctx: &Context<'_>,
    out: &mut Findings,
    rule: &Rule,
    present: bool,
    (path, what, help): (&str, &str, &str),
) {
    let kind = ctx.facts().kind();
    if kind.is_advance() || !present {
        return;
    }
    out.report(
        rule,
        path,
        format!("{what} (ZAL, KOR_ZAL), but RodzajFaktury is {kind}"),
    )
    .help = Some(help.into());
}
