//! `FA3-AMT-005` lines-match-summary.

use crate::facts::money::{checked_diff, display, scaled, within};
use crate::facts::rates::Group;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The line values of each rate group add up to the group's summary
    /// field: Σ `P_11` of the lines = `P_13_x` (net method); with the gross
    /// method (every line of the group gives `P_11A` but not `P_11`),
    /// Σ `P_11A` = `P_13_x` + `P_14_x`. Groups without tax (0 %, `zw`, `np`,
    /// `oo`, margin) compare the line values with `P_13_x` alone. The group
    /// of a line follows its `P_12` (see the mapping in `fa3::facts::rates`);
    /// a margin line has no `P_12` on an invoice with `P_PMarzy=1`.
    ///
    /// On a correction a `StanPrzed` row (the state before) counts
    /// negatively, so the lines give the difference the summary fields show.
    /// Tolerance: `Settings::tolerance` × the number of lines summed. A group
    /// is compared only when every one of its lines gives the value summed.
    ///
    /// Refined: skipped on advance invoices (`ZAL`, `KOR_ZAL`: the order in
    /// `Zamowienie` holds the full order, the summary fields the advance) and
    /// on settlements (`ROZ`, `KOR_ROZ`: the lines show the full order, the
    /// summary fields what is still due).
    ///
    /// ## Why it matters
    /// The XSD annotations of `P_13_x` define them as the sum of the net
    /// values of the lines at that rate (INV_NET_SUM_MISMATCH in other
    /// validators). A summary that does not match its lines usually means a
    /// line was added, dropped or re-rated after the totals were computed.
    ///
    /// ## Source
    /// XSD annotation of `FaWiersz` (a settlement shows "pełne wartości
    /// zamówienia"); krzysztof-radzimski/KSeF INV_NET_SUM_MISMATCH.
    ///
    /// ## Example
    /// ```xml
    /// <P_13_1>150.00</P_13_1> <!-- two 23 % lines of 100.00 each -->
    /// ```
    ///
    /// ## Fix
    /// Recompute the summary fields from the lines, or correct the line that
    /// is wrong (its rate or its value).
    pub static LINES_MATCH_SUMMARY = {
        code: "FA3-AMT-005",
        name: "lines-match-summary",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let kind = facts.kind();
    if kind.is_advance() || kind.is_settlement() {
        return;
    }
    for group in &facts.rates().groups {
        check_group(ctx, group, out);
    }
}

fn check_group(ctx: &Context<'_>, group: &Group, out: &mut Findings) {
    let Some(declared) = group.declared else {
        return;
    };
    let n = group.lines.len();
    if n == 0 {
        return;
    }
    let net_field = group.group.net_field();
    let (lines_sum, what, expected, compared) = if group.net_lines == n {
        (
            group.net,
            "net values P_11",
            declared.net,
            net_field.to_string(),
        )
    } else if group.gross_lines == n {
        match (group.group.tax_field(), declared.tax) {
            (Some(tax_field), Some(tax)) => {
                let Some(total) = declared.net.checked_add(tax) else {
                    return;
                };
                (
                    group.gross,
                    "gross values P_11A",
                    total,
                    format!("{net_field} + {tax_field}"),
                )
            }
            _ => (
                group.gross,
                "gross values P_11A",
                declared.net,
                net_field.to_string(),
            ),
        }
    } else {
        return;
    };
    let Some(lines_sum) = lines_sum else { return };
    if within(lines_sum, expected, scaled(ctx.settings.tolerance, n)) {
        return;
    }
    let Some(difference) = checked_diff(expected, lines_sum) else {
        return;
    };
    let rate = if group.rates.is_empty() {
        String::new()
    } else {
        format!(" (P_12 {})", group.rates.join(", "))
    };
    let lines = if n == 1 { "line" } else { "lines" };
    let rates = ctx.facts().rates();
    let correction = if rates.lines_of(group).any(|l| l.before) {
        ", StanPrzed rows subtracted,"
    } else {
        ""
    };
    out.report(
        &LINES_MATCH_SUMMARY,
        group.group.net_path(),
        format!(
            "{compared} is {expected}, but the {what} of its {n} {lines}{rate}{correction} add up to {sum} (difference {difference})",
            expected = display(expected),
            sum = display(lines_sum),
            difference = display(difference),
        ),
    )
    .help = Some(format!(
        "recompute {compared} from the lines, or correct the line whose value or rate is wrong"
    ));
}
