//! `FA3-AMT-009` old-and-new-rate-mixed.

use crate::facts::rates::{Line, RateGroup};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice does not use both rates that share one summary field: 23
    /// and 22 (`P_13_1`), 8 and 7 (`P_13_2`), 4 and 3 (`P_13_4`). The lines
    /// (`FaWiersz/P_12`) and the order lines of an advance invoice
    /// (`ZamowienieWiersz/P_12Z`) are checked, each on their own.
    ///
    /// ## Why it matters
    /// The XSD annotations of `P_13_1` say "aktualnie 23% albo 22%": the
    /// field holds one rate at a time. With both on one invoice the summary
    /// cannot state the tax of either, and FA3-AMT-003 cannot be verified.
    ///
    /// ## Source
    /// XSD annotations of `P_13_1`/`P_13_2`/`P_13_4` ("aktualnie 23% albo
    /// 22%").
    ///
    /// ## Example
    /// ```xml
    /// <FaWiersz> ... <P_12>23</P_12> </FaWiersz>
    /// <FaWiersz> ... <P_12>22</P_12> </FaWiersz>
    /// ```
    ///
    /// ## Fix
    /// Use the rate in force for every line (the temporary rates 22, 7 and 3
    /// apply only while the law sets them), or issue separate invoices.
    pub static OLD_AND_NEW_RATE_MIXED = {
        code: "FA3-AMT-009",
        name: "old-and-new-rate-mixed",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

const SHARED: [RateGroup; 3] = [RateGroup::Basic, RateGroup::Reduced1, RateGroup::Taxi];

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let rates = facts.rates();
    let lines = rates.lines.iter().map(|l| (l.group, l.rate, l.number));
    let path_of = |i: usize| rates.lines.get(i).map(Line::path).unwrap_or_default();
    report_mixed(lines, path_of, "line", "P_12", out);
    if let Some(order) = &facts.advance().order {
        let lines = order.lines.iter().map(|l| (l.group, l.rate, l.number));
        let path_of = |i: usize| {
            order
                .lines
                .get(i)
                .map(|l| l.path.clone())
                .unwrap_or_default()
        };
        report_mixed(lines, path_of, "order line", "P_12Z", out);
    }
}

/// Reports the first line of each shared group whose rate differs from the
/// group's first rate; `path_of` gives the element path of the line at an
/// index of `lines`, `field` the name
/// of their rate element.
fn report_mixed(
    lines: impl Iterator<Item = (Option<RateGroup>, Option<&'static str>, usize)>,
    path_of: impl Fn(usize) -> String,
    what: &str,
    field: &str,
    out: &mut Findings,
) {
    let mut first: [Option<(&'static str, usize)>; 3] = [None; 3];
    let mut reported = [false; 3];
    for (index, (group, rate, number)) in lines.enumerate() {
        let (Some(group), Some(rate)) = (group, rate) else {
            continue;
        };
        let Some(i) = SHARED.iter().position(|g| *g == group) else {
            continue;
        };
        match first[i] {
            None => first[i] = Some((rate, number)),
            Some((seen, seen_number)) if seen != rate && !reported[i] => {
                reported[i] = true;
                let fields = format!(
                    "{}/{}",
                    group.net_field(),
                    group.tax_field().unwrap_or_default()
                );
                out.report(
                    &OLD_AND_NEW_RATE_MIXED,
                    crate::facts::child(&path_of(index), field),
                    format!(
                        "{what} {number} has rate {rate} % and {what} {seen_number} has {seen} %, but both go into {fields}, which holds one rate"
                    ),
                )
                .help = Some(format!(
                    "use one of the two rates on every {what} (the one in force), or issue separate invoices"
                ));
            }
            Some(_) => {}
        }
    }
}
