//! `FA3-AMT-008` summary-field-for-rate.

use crate::facts::Kind;
use crate::facts::money::display;
use crate::facts::rates::{Group, RateGroup, Rates};
use crate::model::Faktura;
use crate::rules::amounts::group_rates_text;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The lines and the summary fields agree on the rates used:
    ///
    /// - every rate used on a line has its summary field (`P_12=8` needs
    ///   `P_13_2`/`P_14_2`, `0 WDT` needs `P_13_6_2`, ...; the mapping is in
    ///   `fa3::facts::rates`);
    /// - every non-zero summary field has at least one line with a rate of
    ///   its group.
    ///
    /// Refined: the first direction is skipped on a simplified invoice or a
    /// settlement that gives no summary field at all (the official example
    /// 16 gives only `P_15`), and where the group's lines add up to zero (a
    /// correction's `StanPrzed` row and its unchanged after row, or free
    /// items at 0.00, whose zero summary FA3-AMT-011 asks to omit). The second
    /// is skipped on advance invoices (`ZAL`, `KOR_ZAL`: no `FaWiersz`), on
    /// simplified invoices (the rate of a line is optional there), on
    /// collective corrections (`OkresFaKorygowanej`), and when no line states
    /// a rate at all. Margin lines are left to FA3-AMT-012; zero fields to
    /// FA3-AMT-011.
    ///
    /// ## Why it matters
    /// The summary fields are the invoice's tax per rate, which the buyer
    /// books and the JPK reports; a rate used on a line but missing from the
    /// summary (or the other way round) means the tax of that rate is lost
    /// or invented. KSeF does not compare them.
    ///
    /// ## Source
    /// the rate-to-summary-field mapping of the XSD annotations of
    /// `P_13_x`/`P_14_x` and `TStawkaPodatku` (MF brochure §9.3–9.4, §10.3).
    ///
    /// ## Example
    /// ```xml
    /// <FaWiersz> ... <P_12>oo</P_12> </FaWiersz> <!-- no P_13_10 -->
    /// ```
    ///
    /// ## Fix
    /// Add the summary field of every rate the lines use, with the sum of
    /// those lines, and drop (or re-rate) the summary fields no line uses.
    pub static SUMMARY_FIELD_FOR_RATE = {
        code: "FA3-AMT-008",
        name: "summary-field-for-rate",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn fields(group: RateGroup) -> String {
    match group.tax_field() {
        Some(tax) => format!("{}/{tax}", group.net_field()),
        None => group.net_field().to_string(),
    }
}

/// True when the signed line values of `group` add up to zero (or the
/// lines give no value): a correction that leaves the group unchanged, or
/// items given free of charge.
fn cancels_out(group: &Group) -> bool {
    let zero = |v: Option<rust_decimal::Decimal>| v.is_none_or(|v| v.is_zero());
    zero(group.net) && zero(group.gross)
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let kind = facts.kind();
    let rates = facts.rates();
    let itemised = rates.lines.iter().any(|l| l.group.is_some());
    let collective = facts.correction().period.is_some();
    for group in &rates.groups {
        if group.group == RateGroup::Margin {
            continue;
        }
        if group.declared.is_none() {
            missing_summary(kind, rates, group, out);
        } else if group.lines.is_empty()
            && itemised
            && !kind.is_advance()
            && kind != Kind::Upr
            && !collective
        {
            missing_lines(group, out);
        }
    }
}

fn missing_summary(kind: Kind, rates: &Rates<'_>, group: &Group, out: &mut Findings) {
    if (kind == Kind::Upr || kind.is_settlement()) && rates.no_summary {
        return;
    }
    if cancels_out(group) {
        return;
    }
    let Some(line) = rates.lines_of(group).next() else {
        return;
    };
    let (field, rate) = match line.rate {
        Some(rate) => ("P_12", rate.to_string()),
        None => (
            "P_12_XII",
            line.percent
                .map(|p| format!("{} (OSS)", p.normalize()))
                .unwrap_or_default(),
        ),
    };
    let fields = fields(group.group);
    let n = group.lines.len();
    let others = if n > 1 {
        format!(" (and {} more line{})", n - 1, if n > 2 { "s" } else { "" })
    } else {
        String::new()
    };
    out.report(
        &SUMMARY_FIELD_FOR_RATE,
        line.field(field),
        format!(
            "line {number}{others} has {field} {rate}, but the invoice gives no {fields} for that rate",
            number = line.number,
        ),
    )
    .help = Some(format!(
        "add {fields} with the sum of the lines at that rate, or correct the rate of the line"
    ));
}

fn missing_lines(group: &Group, out: &mut Findings) {
    let Some(declared) = group.declared else {
        return;
    };
    let nonzero = !declared.net.is_zero() || declared.tax.is_some_and(|t| !t.is_zero());
    if !nonzero {
        return;
    }
    let net_field = group.group.net_field();
    out.report(
        &SUMMARY_FIELD_FOR_RATE,
        group.group.net_path(),
        format!(
            "{net_field} is {net}, but no line has {rates}",
            net = display(declared.net),
            rates = group_rates_text(group.group),
        ),
    )
    .help = Some(format!(
        "give the lines taxed in {net_field} their rate in P_12, or drop {fields} if no line belongs there",
        fields = fields(group.group),
    ));
}
