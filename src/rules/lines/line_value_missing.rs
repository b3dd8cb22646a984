//! `FA3-ROW-005` line-value-missing.

use crate::model::Faktura;
use crate::rules::lines::{describe, exemption, has_attachment};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each invoice line gives its value — the net value `P_11`, or the
    /// gross value `P_11A` when the invoice uses the gross method (art. 106e
    /// ust. 7–8) — and its unit price (`P_9A`, or `P_9B` with the gross
    /// method). Not checked on margin invoices (`P_PMarzy=1`, art. 106e ust.
    /// 2–3), simplified invoices (`UPR`), collective corrections
    /// (`OkresFaKorygowanej`) and advance invoices (`ZAL`, `KOR_ZAL`).
    ///
    /// Refined: the unit price is not asked for on an invoice with an
    /// attachment (`Zalacznik`): the official examples 24 and 25 give their
    /// lines only a net value and detail the unit prices in the attachment's
    /// tables.
    ///
    /// ## Why it matters
    /// The unit price and the value of each line are mandatory parts of an
    /// invoice (art. 106e ust. 1 pkt 9 and 11 of the VAT Act); the schema's
    /// annotations of `P_9A` and `P_11` make them optional only in the cases
    /// of art. 106e ust. 2, 3 and ust. 5 pkt 3. KSeF accepts the invoice
    /// without them, but it is legally defective, and the summary fields
    /// cannot be recomputed from the lines.
    ///
    /// ## Example
    /// ```xml
    /// <P_8B>1</P_8B>
    /// <P_9A>1626.01</P_9A> <!-- no P_11 -->
    /// <P_12>23</P_12>
    /// ```
    ///
    /// ## Fix
    /// Give `P_9A` and `P_11` (or `P_9B` and `P_11A` with the gross method)
    /// on every line.
    pub static LINE_VALUE_MISSING = {
        code: "FA3-ROW-005",
        name: "line-value-missing",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let rates = ctx.facts().rates();
    if rates.margin || exemption(ctx).is_some() {
        return;
    }
    let attachment = has_attachment(invoice);
    for line in &rates.lines {
        let row = line.row;
        let value = row.p_11.is_some() || row.p_11a.is_some();
        let price = attachment || row.p_9a.is_some() || row.p_9b.is_some();
        let missing = match (value, price) {
            (true, true) => continue,
            (false, false) => {
                "neither a unit price (P_9A, or P_9B with the gross method) nor a value (P_11, or P_11A with the gross method)"
            }
            (false, true) => "no value (P_11, or P_11A with the gross method)",
            (true, false) => "no unit price (P_9A, or P_9B with the gross method)",
        };
        out.report(
            &LINE_VALUE_MISSING,
            line.path(),
            format!("{line} gives {missing}", line = describe(line)),
        )
        .help = Some(
            "give the unit price and the value of the line: P_9A and P_11 (net), or P_9B and P_11A (gross method)".into(),
        );
    }
}
