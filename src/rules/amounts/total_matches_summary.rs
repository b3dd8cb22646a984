//! `FA3-AMT-004` total-matches-summary.

use crate::facts::money::{checked_diff, display, scaled, within};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The total amount due `P_15` equals the sum of the net summary fields
    /// (`P_13_1` … `P_13_11`, including `P_13_6_1`…`P_13_6_3`) and the tax
    /// fields `P_14_1` … `P_14_5`. The tax in złoty (`P_14_1W` … `P_14_4W`)
    /// is not part of the sum. On a correction the fields are differences,
    /// and so is `P_15`.
    ///
    /// Tolerance: `Settings::tolerance` (default 0.01) for each tax field in
    /// the sum, at least one, since every tax field is rounded on its own.
    ///
    /// Refined: skipped on a settlement (`ROZ`, `KOR_ROZ`), where `P_15` is
    /// the amount still due after the advances, and on an invoice that gives
    /// no summary field at all (a simplified invoice may give only `P_15`, as
    /// the official example 16 does).
    ///
    /// ## Why it matters
    /// The XSD annotation of `P_15` defines it as the total amount due, and
    /// the MF brochure (§9.4) builds it from the summary fields. KSeF accepts
    /// a mismatch (ksef-api#716), so an ERP that sums the wrong fields learns
    /// of it only from the buyer.
    ///
    /// ## Source
    /// XSD annotation of `P_15`; MF brochure §9.4; CIRFMF/ksef-api#716 (KSeF
    /// accepts a mismatch).
    ///
    /// ## Example
    /// ```xml
    /// <P_13_1>1000.00</P_13_1>
    /// <P_14_1>230.00</P_14_1>
    /// <P_15>1200.00</P_15> <!-- 1,230.00 expected -->
    /// ```
    ///
    /// ## Fix
    /// Compute `P_15` as the sum of the `P_13_x` and `P_14_x` fields the
    /// invoice gives, or correct the summary field that is wrong.
    pub static TOTAL_MATCHES_SUMMARY = {
        code: "FA3-AMT-004",
        name: "total-matches-summary",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    if facts.kind().is_settlement() {
        return;
    }
    let rates = facts.rates();
    if rates.no_summary {
        return;
    }
    let Some(sum) = rates.summary_total else {
        return;
    };
    let taxed = rates
        .groups
        .iter()
        .filter(|g| g.declared.is_some_and(|d| d.tax.is_some()))
        .count();
    let tolerance = scaled(ctx.settings.tolerance, taxed.max(1));
    if within(rates.total, sum, tolerance) {
        return;
    }
    let Some(difference) = checked_diff(rates.total, sum) else {
        return;
    };
    out.report(
        &TOTAL_MATCHES_SUMMARY,
        "/Faktura/Fa/P_15",
        format!(
            "P_15 is {total}, but the net amounts and the tax add up to {sum} (difference {difference})",
            total = display(rates.total),
            sum = display(sum),
            difference = display(difference),
        ),
    )
    .help = Some(format!(
        "set P_15 to {sum}, the sum of the P_13_x and P_14_x fields (P_14_xW excluded), or correct the summary field that is wrong",
        sum = display(sum),
    ));
}
