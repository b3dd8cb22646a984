//! `FA3-ROW-007` gross-net-mixed.

use crate::facts::rates::Line;
use crate::model::Faktura;
use crate::rules::lines::describe;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The gross method (art. 106e ust. 7–8: unit price `P_9B`, value
    /// `P_11A`) is used consistently:
    /// - a line with a gross unit price `P_9B` also gives the gross value
    ///   `P_11A`;
    /// - a line with a gross value `P_11A` does not give a net unit price
    ///   `P_9A` in place of `P_9B`;
    /// - lines that give only net values (`P_11`) and lines that give only
    ///   gross values (`P_11A`) are not mixed on one invoice (reported once,
    ///   at the first line that differs from the first line).
    ///
    /// ## Why it matters
    /// The schema's annotations of `P_9B` and `P_11A` tie them to art. 106e
    /// ust. 7 and 8, where the invoice shows gross prices and values instead
    /// of net ones, and the tax is computed from the gross sum per rate. An
    /// invoice that mixes the methods cannot be recomputed either way, and
    /// KSeF does not check it.
    ///
    /// ## Example
    /// ```xml
    /// <P_9B>123.00</P_9B> <!-- no P_11A -->
    /// <P_11>100.00</P_11>
    /// ```
    ///
    /// ## Fix
    /// Pick one method for the whole invoice: `P_9A`/`P_11` (net) or
    /// `P_9B`/`P_11A` (gross) on every line.
    pub static GROSS_NET_MIXED = {
        code: "FA3-ROW-007",
        name: "gross-net-mixed",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// The method a line's values follow, when it gives only one kind.
fn method(line: &Line<'_>) -> Option<&'static str> {
    match (line.row.p_11.is_some(), line.row.p_11a.is_some()) {
        (true, false) => Some("net values (P_11)"),
        (false, true) => Some("gross values (P_11A)"),
        _ => None,
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    const HELP: &str = "use one method on every line: P_9A and P_11 (net), or P_9B and P_11A (gross, art. 106e ust. 7-8)";
    let lines = &ctx.facts().rates().lines;
    for line in lines {
        let row = line.row;
        if row.p_9b.is_some() && row.p_11a.is_none() {
            out.report(
                &GROSS_NET_MIXED,
                line.field("P_9B"),
                format!(
                    "{line} gives a gross unit price (P_9B) but no gross value (P_11A)",
                    line = describe(line)
                ),
            )
            .help = Some(HELP.into());
        } else if row.p_11a.is_some() && row.p_9a.is_some() && row.p_9b.is_none() {
            out.report(
                &GROSS_NET_MIXED,
                line.field("P_9A"),
                format!(
                    "{line} gives a gross value (P_11A) with a net unit price (P_9A) instead of a gross one (P_9B)",
                    line = describe(line)
                ),
            )
            .help = Some(HELP.into());
        }
    }
    let mut methods = lines.iter().filter_map(|l| method(l).map(|m| (l, m)));
    let Some((first, first_method)) = methods.next() else {
        return;
    };
    if let Some((other, other_method)) = methods.find(|(_, m)| *m != first_method) {
        out.report(
            &GROSS_NET_MIXED,
            other.path(),
            format!(
                "{other} gives {other_method}, but {first} gives {first_method}; the invoice mixes the net and the gross method",
                other = describe(other),
                first = describe(first),
            ),
        )
        .help = Some(HELP.into());
    }
}
