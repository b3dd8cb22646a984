//! `FA3-AMT-011` zero-summary-field.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A summary field written as zero: `P_13_x` (with its `P_14_x`, when the
    /// pair is required) equal to 0.00 on an invoice that is not a
    /// correction.
    ///
    /// Refined: settlements (`ROZ`) are also left alone, where 0.00 says
    /// that nothing of that rate is still due, and so is a group that has
    /// lines (items at 0.00).
    ///
    /// ## Why it matters
    /// A summary field states that the invoice has sales at that rate; a
    /// zero one says nothing and usually comes from a template that writes
    /// every field. Omitting it keeps the invoice clean (ksefuj docs: "Omit
    /// zeros entirely"). On a correction a zero difference is meaningful.
    ///
    /// ## Source
    /// ksefuj documentation ("Omit zeros entirely").
    ///
    /// ## Example
    /// ```xml
    /// <P_13_2>0.00</P_13_2>
    /// <P_14_2>0.00</P_14_2>
    /// ```
    ///
    /// ## Fix
    /// Leave out the summary fields of rates the invoice does not use.
    pub static ZERO_SUMMARY_FIELD = {
        code: "FA3-AMT-011",
        name: "zero-summary-field",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let kind = facts.kind();
    if kind.is_correction() || kind.is_settlement() {
        return;
    }
    for group in &facts.rates().groups {
        let Some(declared) = group.declared else {
            continue;
        };
        if !group.lines.is_empty() {
            continue;
        }
        if !declared.net.is_zero() || declared.tax.is_some_and(|t| !t.is_zero()) {
            continue;
        }
        let net_field = group.group.net_field();
        let fields = match (group.group.tax_field(), declared.tax) {
            (Some(tax), Some(_)) => format!("{net_field} and {tax} are"),
            _ => format!("{net_field} is"),
        };
        out.report(
            &ZERO_SUMMARY_FIELD,
            group.group.net_path(),
            format!("{fields} 0.00: the invoice has no sales in that group"),
        )
        .help = Some(format!(
            "leave out {net_field} (and its tax field) when no line uses that rate"
        ));
    }
}
