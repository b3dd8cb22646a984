//! Invoice lines (`FaWiersz`; catalog C.12).
//!
//! The line-content rules (FA3-ROW-003 … FA3-ROW-006) share the cases in
//! which art. 106e ust. 1 does not ask for a field on every line: see
//! [`exemption`].

use crate::facts::rates::Line;
use crate::facts::{Kind, push_number};
use crate::model::Faktura;
use crate::rules::Context;

pub mod gross_net_mixed;
pub mod gtu_value;
pub mod line_name_missing;
pub mod line_number_duplicate;
pub mod line_number_sequence;
pub mod line_quantity_missing;
pub mod line_rate_missing;
pub mod line_reference_unknown;
pub mod line_value_missing;
pub mod oss_rate;
pub mod procedure_rate;
pub mod rate_value;
pub mod reverse_charge_foreign_buyer;
pub mod uu_id_duplicate;
pub mod zero_rate_buyer;

/// Why the lines of an invoice need not give every art. 106e ust. 1 field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exemption {
    /// `UPR`: a simplified invoice (art. 106e ust. 5 pkt 3).
    Simplified,
    /// A collective correction (`OkresFaKorygowanej`, art. 106j ust. 3).
    Collective,
    /// `ZAL`/`KOR_ZAL`: an advance invoice follows art. 106f, whose order
    /// data sit in `Zamowienie`.
    Advance,
}

/// The exemption that applies to every line of the invoice, if any.
pub(crate) fn exemption(ctx: &Context<'_>) -> Option<Exemption> {
    let kind = ctx.facts().kind();
    if kind == Kind::Upr {
        Some(Exemption::Simplified)
    } else if kind.is_advance() {
        Some(Exemption::Advance)
    } else if ctx.facts().correction().period.is_some() {
        Some(Exemption::Collective)
    } else {
        None
    }
}

/// True when the invoice has an attachment (`Zalacznik`), where the
/// quantities and unit prices may be detailed instead of on the lines
/// (official examples 24 and 25).
pub(crate) fn has_attachment(invoice: &Faktura) -> bool {
    invoice.zalacznik.is_some()
}

/// `FaWiersz[3] (NrWierszaFa 3)`, for messages.
pub(crate) fn describe(line: &Line<'_>) -> String {
    let mut s = String::with_capacity(40);
    push_describe(&mut s, line);
    s
}

/// Appends [`describe`]'s text to `s`.
pub(crate) fn push_describe(s: &mut String, line: &Line<'_>) {
    s.push_str("FaWiersz[");
    push_number(s, line.index.saturating_add(1));
    s.push_str("] (NrWierszaFa ");
    push_number(s, line.number);
    s.push(')');
}

/// True when rows `a` and `b` (indices, either order) are a `StanPrzed`
/// row and its after row.
pub(crate) fn is_correction_pair(ctx: &Context<'_>, a: usize, b: usize) -> bool {
    ctx.facts()
        .correction()
        .pairs
        .iter()
        .any(|&(x, y)| (x == a && y == b) || (x == b && y == a))
}
