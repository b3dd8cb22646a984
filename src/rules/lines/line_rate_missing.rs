//! `FA3-ROW-006` line-rate-missing.

use crate::model::{Faktura, TWybor12Type};
use crate::rules::lines::{describe, exemption};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each invoice line gives its tax rate: `P_12`, or `P_12_XII` under the
    /// OSS procedure. Not checked on margin invoices (`P_PMarzy=1`, art.
    /// 106e ust. 2–3), simplified invoices (`UPR`), collective corrections
    /// (`OkresFaKorygowanej`) and advance invoices (`ZAL`, `KOR_ZAL`), nor
    /// where art. 106e ust. 4 pkt 3 lets the rate be left out — recognised
    /// by reverse charge (`P_18=1`) or a supply taxed outside Poland
    /// (`P_13_8` or `P_13_9` given).
    ///
    /// ## Why it matters
    /// The tax rate is a mandatory part of an invoice (art. 106e ust. 1 pkt
    /// 12 of the VAT Act); the schema's annotation of `P_12` makes it
    /// optional only in the cases of art. 106e ust. 2, 3, ust. 4 pkt 3 and
    /// ust. 5 pkt 3. Without it, no one can tell which summary field
    /// (`P_13_x`) the line belongs to. KSeF does not check it.
    ///
    /// ## Example
    /// ```xml
    /// <P_11>1626.01</P_11> <!-- no P_12 -->
    /// ```
    ///
    /// ## Fix
    /// Give `P_12` (`23`, `8`, `5`, `0 KR`, `zw`, `np I`, …) on every line, or
    /// `P_12_XII` for OSS supplies.
    pub static LINE_RATE_MISSING = {
        code: "FA3-ROW-006",
        name: "line-rate-missing",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let rates = ctx.facts().rates();
    let fa = &invoice.fa;
    let outside_poland = fa.p_13_8.is_some() || fa.p_13_9.is_some();
    let reverse_charge = matches!(fa.adnotacje.p_18, TWybor12Type::_1);
    if rates.margin || exemption(ctx).is_some() || outside_poland || reverse_charge {
        return;
    }
    for line in &rates.lines {
        if line.row.p_12.is_some() || line.row.p_12_xii.is_some() {
            continue;
        }
        out.report(
            &LINE_RATE_MISSING,
            line.path(),
            format!(
                "{line} gives no tax rate (P_12, or P_12_XII under OSS)",
                line = describe(line)
            ),
        )
        .help = Some(
            "give the rate of the line in P_12 (23, 8, 5, 0 KR, 0 WDT, 0 EX, zw, oo, np I, np II) or P_12_XII".into(),
        );
    }
}
