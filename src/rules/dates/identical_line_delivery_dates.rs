//! `FA3-DATE-008` identical-line-delivery-dates.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Every line gives the same delivery date in `FaWiersz/P_6A`, so the
    /// date is common to the invoice and belongs in `Fa/P_6`. Only invoices
    /// with two or more lines, each with a `P_6A`, and with neither `P_6` nor
    /// `OkresFa`, are considered.
    ///
    /// Refined: a single line with `P_6A` is not reported. The Ministry of
    /// Finance's own examples (22 and 23) date their one line that way, and
    /// with one line both forms say the same thing.
    ///
    /// ## Why it matters
    /// The schema reserves `P_6A` for invoices whose lines have different
    /// dates ("w przypadku gdy dla poszczególnych pozycji faktury występują
    /// różne daty") and `P_6` for a date common to all lines
    /// (schemat_FA(3)_v1-0E.xsd). The invoice is still valid; one `P_6` is
    /// simpler to read and to process.
    ///
    /// ## Example
    /// ```xml
    /// <FaWiersz><NrWierszaFa>1</NrWierszaFa><P_6A>2026-11-20</P_6A> ...
    /// <FaWiersz><NrWierszaFa>2</NrWierszaFa><P_6A>2026-11-20</P_6A> ...
    /// ```
    ///
    /// ## Fix
    /// Remove `P_6A` from the lines and give the date once in `Fa/P_6`.
    pub static IDENTICAL_LINE_DELIVERY_DATES = {
        code: "FA3-DATE-008",
        name: "identical-line-delivery-dates",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let rows = &invoice.fa.fa_wiersz;
    if invoice.fa.p_6_choice.is_some() || rows.len() < 2 {
        return;
    }
    let mut dates = rows.iter().map(|r| r.p_6a.as_ref().map(|d| d.0.date()));
    let Some(Some(first)) = dates.next() else {
        return;
    };
    if dates.all(|d| d == Some(first)) {
        out.report(
            &IDENTICAL_LINE_DELIVERY_DATES,
            "/Faktura/Fa/FaWiersz[1]/P_6A",
            format!(
                "all {lines} lines give the same delivery date {first} in P_6A; a date common to every line belongs in Fa/P_6",
                lines = rows.len()
            ),
        )
        .help = Some("remove P_6A from the lines and give the date once in Fa/P_6".into());
    }
}
