//! `FA3-DATE-006` common-and-line-delivery-dates.

use crate::model::{Faktura, FakturaFaP6Choice};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The invoice does not give both a delivery date common to all lines,
    /// `Fa/P_6`, and delivery dates per line, `FaWiersz/P_6A`. (`P_6` and the
    /// period `OkresFa` already exclude each other in the schema.)
    ///
    /// ## Why it matters
    /// The schema describes `P_6` as the field to fill "w przypadku, gdy dla
    /// wszystkich pozycji faktury data jest wspólna" and `P_6A` as the one to
    /// fill "w przypadku gdy dla poszczególnych pozycji faktury występują
    /// różne daty" (schemat_FA(3)_v1-0E.xsd; MF brochure on FA(3), § 9.2).
    /// With both, the invoice says two things about the date of delivery
    /// (art. 106e ust. 1 pkt 6 ustawy o VAT), which decides the tax point.
    /// KSeF does not check it.
    ///
    /// ## Example
    /// ```xml
    /// <P_6>2026-11-20</P_6>
    /// ...
    /// <FaWiersz><NrWierszaFa>1</NrWierszaFa><P_6A>2026-11-18</P_6A> ...
    /// ```
    ///
    /// ## Fix
    /// Keep `P_6` when every line has the same date, or remove `P_6` and give
    /// each line its own `P_6A`.
    pub static COMMON_AND_LINE_DELIVERY_DATES = {
        code: "FA3-DATE-006",
        name: "common-and-line-delivery-dates",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let Some(FakturaFaP6Choice::P6(common)) = &invoice.fa.p_6_choice else {
        return;
    };
    let common = common.0.date();
    let mut dated = invoice
        .fa
        .fa_wiersz
        .iter()
        .enumerate()
        .filter_map(|(i, row)| row.p_6a.as_ref().map(|d| (i, d.0.date())));
    let Some((first, first_date)) = dated.next() else {
        return;
    };
    let others = dated.count();
    let line = first + 1;
    let lines = if others == 0 {
        format!("FaWiersz[{line}] also gives its own date {first_date} in P_6A")
    } else {
        format!(
            "{count} lines also give their own dates in P_6A (the first: FaWiersz[{line}], {first_date})",
            count = others + 1
        )
    };
    let path = crate::facts::indexed_child("/Faktura/Fa", "FaWiersz", first, "P_6A");
    out.report(
        &COMMON_AND_LINE_DELIVERY_DATES,
        path,
        format!("P_6 gives {common} as the delivery date of all lines, but {lines}"),
    )
    .help = Some(
        "use either P_6 (one date for every line) or P_6A on the lines (dates that differ per line), not both".into(),
    );
}
