//! `FA3-UPR-002` simplified-tax-per-rate.

use crate::facts::Kind;
use crate::facts::rates::RateGroup;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A simplified invoice (`UPR`) may leave out the line quantities,
    /// prices, values and rates, provided the tax per rate can still be
    /// determined. That is so when the invoice gives the summary fields
    /// (`P_13_x`, and `P_14_x` for a taxed rate) of each rate it uses, or
    /// when a single rate applies to the whole invoice (every line gives the
    /// same rate group and no other summary field is given), so that the tax
    /// follows from `P_15`. Reported:
    /// - an invoice with no rate on any line and no summary field;
    /// - with several rates, a rate used on a line whose summary field is
    ///   missing;
    /// - a line without a rate when the invoice gives no summary field and
    ///   other lines have a rate.
    ///
    /// Refined: the catalog requires `P_13_x`/`P_14_x` for every rate used;
    /// the official example 16 (a `UPR` with only `P_15` and one line at 23 %)
    /// shows that a single rate on the lines is enough.
    ///
    /// ## Why it matters
    /// The XSD annotations of `P_8A`, `P_8B`, `P_9A`, `P_11` and `P_12` make
    /// them optional for the case of art. 106e ust. 5 pkt 3 of the VAT Act,
    /// which still requires the data needed to determine the amount of tax
    /// for each rate. Without it the buyer cannot deduct the tax and the
    /// seller's records cannot split it by rate.
    ///
    /// ## Example
    /// ```xml
    /// <P_15>100</P_15> ... <RodzajFaktury>UPR</RodzajFaktury>
    /// <FaWiersz><NrWierszaFa>1</NrWierszaFa><P_7>kawa</P_7></FaWiersz>
    /// <!-- no P_12 and no P_13_x/P_14_x -->
    /// ```
    ///
    /// ## Fix
    /// Give `P_12` on the lines, or the net amount and tax per rate in
    /// `P_13_x`/`P_14_x`.
    pub static SIMPLIFIED_TAX_PER_RATE = {
        code: "FA3-UPR-002",
        name: "simplified-tax-per-rate",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

const HELP: &str = "give the tax rate (P_12) on each line, or the net amount and tax of each rate in P_13_x/P_14_x";

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    if facts.kind() != Kind::Upr {
        return;
    }
    let rates = facts.rates();
    let used: Vec<RateGroup> = rates
        .groups
        .iter()
        .filter(|g| !g.lines.is_empty())
        .map(|g| g.group)
        .collect();
    if rates.no_summary {
        if used.is_empty() {
            out.report(
                &SIMPLIFIED_TAX_PER_RATE,
                "/Faktura/Fa/P_15",
                "RodzajFaktury is UPR, but no line gives a tax rate (P_12) and no P_13_x/P_14_x is given, so the tax per rate cannot be determined",
            )
            .help = Some(HELP.into());
            return;
        }
        for line in rates.lines.iter().filter(|l| l.group.is_none()) {
            out.report(
                &SIMPLIFIED_TAX_PER_RATE,
                line.path(),
                format!(
                    "RodzajFaktury is UPR and the invoice gives no P_13_x/P_14_x, but FaWiersz[{n}] has no tax rate (P_12), so its tax cannot be determined",
                    n = line.index + 1
                ),
            )
            .help = Some(HELP.into());
        }
    }
    let all_groups = rates.groups.len();
    if all_groups < 2 {
        return;
    }
    for group in rates.groups.iter().filter(|g| g.declared.is_none()) {
        let Some(first) = rates.lines_of(group).next() else {
            continue;
        };
        let rate = first.rate.unwrap_or("OSS");
        let field = group.group.net_field();
        let tax = group
            .group
            .tax_field()
            .map(|t| format!("/{t}"))
            .unwrap_or_default();
        out.report(
            &SIMPLIFIED_TAX_PER_RATE,
            first.field("P_12"),
            format!(
                "RodzajFaktury is UPR with {all_groups} tax rates, but the rate {rate} of FaWiersz[{n}] has no {field}{tax}, so its tax cannot be determined",
                n = first.index + 1
            ),
        )
        .help = Some(HELP.into());
    }
}
