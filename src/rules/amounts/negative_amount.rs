//! `FA3-AMT-010` negative-amount.

use crate::diagnostic::Severity;
use crate::facts::money::display;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice that is not a correction has no negative total `P_15`, no
    /// negative summary field (`P_13_x`, `P_14_x`) and no line with a
    /// negative quantity `P_8B` (warnings). A line with a negative value
    /// (`P_11`, `P_11A`) but a positive quantity is a discount line: legal,
    /// but unusual on a basic invoice, so it is reported as info.
    ///
    /// Refined: on a settlement (`ROZ`) the total and the summary fields are
    /// what is still due after the advances, which may be negative when the
    /// advances exceeded the final price, so only the lines are checked.
    ///
    /// ## Why it matters
    /// Negative amounts document a decrease, which is what a correction
    /// (`KOR`) is for (MF brochure §2.7; other validators reject a negative
    /// `P_8B` outright). A negative total on a basic invoice usually means a
    /// correction was issued as `VAT`.
    ///
    /// ## Source
    /// MF brochure §2.7 (the sign of amounts); ksefuj semantic rule R42
    /// (`P_8B`).
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>VAT</RodzajFaktury>
    /// ...
    /// <P_8B>-1</P_8B>
    /// ```
    ///
    /// ## Fix
    /// Issue a correction (`KOR`) for a decrease or a return; give a discount
    /// in `P_10` or in the unit price rather than as a negative line.
    pub static NEGATIVE_AMOUNT = {
        code: "FA3-AMT-010",
        name: "negative-amount",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let kind = facts.kind();
    if kind.is_correction() {
        return;
    }
    let rates = facts.rates();
    let help = "issue a correction (KOR) for a decrease or a return, or correct the sign";
    if !kind.is_settlement() {
        if rates.total.is_sign_negative() && !rates.total.is_zero() {
            out.report(
                &NEGATIVE_AMOUNT,
                "/Faktura/Fa/P_15",
                format!(
                    "P_15 is {total}, negative on a {kind} invoice",
                    total = display(rates.total)
                ),
            )
            .help = Some(help.to_string());
        }
        for group in &rates.groups {
            let Some(declared) = group.declared else {
                continue;
            };
            let (field, path, value) = if declared.net < rust_decimal::Decimal::ZERO {
                (
                    group.group.net_field(),
                    group.group.net_path(),
                    declared.net,
                )
            } else if let (Some(tax), Some(field), Some(path)) = (
                declared.tax,
                group.group.tax_field(),
                group.group.tax_path(),
            ) && tax < rust_decimal::Decimal::ZERO
            {
                (field, path, tax)
            } else {
                continue;
            };
            out.report(
                &NEGATIVE_AMOUNT,
                path,
                format!(
                    "{field} is {value}, negative on a {kind} invoice",
                    value = display(value)
                ),
            )
            .help = Some(help.to_string());
        }
    }
    for line in &rates.lines {
        let number = line.number;
        if let Some(q) = line.row.p_8b.as_ref().map(|v| v.0.value())
            && q < rust_decimal::Decimal::ZERO
        {
            out.report(
                &NEGATIVE_AMOUNT,
                line.field("P_8B"),
                format!("line {number}: the quantity P_8B is {q}, negative on a {kind} invoice"),
            )
            .help = Some(help.to_string());
            continue;
        }
        let negative = [("P_11", line.net()), ("P_11A", line.gross())]
            .into_iter()
            .find_map(|(f, v)| {
                v.filter(|v| *v < rust_decimal::Decimal::ZERO)
                    .map(|v| (f, v))
            });
        if let Some((field, value)) = negative {
            out.report_at(
                &NEGATIVE_AMOUNT,
                Severity::Info,
                line.field(field),
                format!(
                    "line {number}: {field} is {value}, a discount line on a {kind} invoice",
                    value = display(value)
                ),
            )
            .help = Some(
                "a discount may stay a negative line, but is clearer in P_10 or in the unit price; a decrease after the sale needs a correction (KOR)"
                    .to_string(),
            );
        }
    }
}
