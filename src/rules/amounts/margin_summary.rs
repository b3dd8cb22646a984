//! `FA3-AMT-012` margin-summary.

use crate::facts::money::display;
use crate::facts::rates::RateGroup;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The margin procedure and its summary field go together:
    ///
    /// - `P_PMarzy=1` (margin procedure) needs `P_13_11`, the value of the
    ///   sales under the margin procedure;
    /// - `P_13_11` needs `P_PMarzy=1`;
    /// - a margin line (no `P_12` on a margin invoice) shows no tax
    ///   (`P_11Vat`).
    ///
    /// Refined: lines with a `P_12` may sit on a margin invoice (the official
    /// example 19 has a 23 % line beside the margin line), so a line with a
    /// rate is not a margin line. On a correction `P_13_11` may be left out
    /// when the margin sales do not change.
    ///
    /// ## Why it matters
    /// The XSD excludes margin sales from `P_13_1`…`P_13_5` and puts them in
    /// `P_13_11` (MF brochure §9.6, §10.2); the tax under the margin
    /// procedure is not shown on the invoice (art. 120 ust. 17 and art. 119
    /// ust. 10 of the VAT Act).
    ///
    /// ## Source
    /// XSD annotations of `P_13_1`…`P_13_5` ("z wyłączeniem procedury marży")
    /// and `P_13_11`; MF brochure §9.6, §10.2.
    ///
    /// ## Example
    /// ```xml
    /// <PMarzy><P_PMarzy>1</P_PMarzy><P_PMarzy_3_1>1</P_PMarzy_3_1></PMarzy>
    /// <!-- no P_13_11 -->
    /// ```
    ///
    /// ## Fix
    /// Put the value of the margin sales in `P_13_11` and mark the invoice
    /// with `P_PMarzy=1`; leave the tax out of margin lines.
    pub static MARGIN_SUMMARY = {
        code: "FA3-AMT-012",
        name: "margin-summary",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let rates = facts.rates();
    let summary = rates.group(RateGroup::Margin).and_then(|g| g.declared);
    match (rates.margin, summary) {
        (true, None) if !facts.kind().is_correction() => {
            out.report(
                &MARGIN_SUMMARY,
                "/Faktura/Fa/Adnotacje/PMarzy/P_PMarzy",
                "P_PMarzy is 1 (margin procedure), but the invoice gives no P_13_11, the value of the margin sales",
            )
            .help = Some("add P_13_11 with the sum of the margin lines".to_string());
        }
        (false, Some(declared)) => {
            out.report(
                &MARGIN_SUMMARY,
                "/Faktura/Fa/P_13_11",
                format!(
                    "P_13_11 is {value}, the value of margin sales, but Adnotacje says P_PMarzyN=1 (no margin procedure)",
                    value = display(declared.net)
                ),
            )
            .help = Some(
                "mark the invoice with P_PMarzy=1 and the kind of margin, or move the amount to the summary field of its rate"
                    .to_string(),
            );
        }
        _ => {}
    }
    if !rates.margin {
        return;
    }
    for line in rates
        .lines
        .iter()
        .filter(|l| l.group == Some(RateGroup::Margin))
    {
        if let Some(vat) = line.vat() {
            out.report(
                &MARGIN_SUMMARY,
                line.field("P_11Vat"),
                format!(
                    "line {number} is a margin line (no P_12), but gives the tax P_11Vat {vat}",
                    number = line.number,
                    vat = display(vat)
                ),
            )
            .help = Some(
                "leave the tax out of margin lines, or give the line its rate in P_12 if it is not a margin sale"
                    .to_string(),
            );
        }
    }
}
