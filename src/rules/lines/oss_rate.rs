//! `FA3-ROW-008` oss-rate.

use crate::model::Faktura;
use crate::rules::lines::describe;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A line with an OSS rate (`P_12_XII`, the VAT rate of the member state
    /// of consumption) does not also give a Polish rate `P_12`, and an
    /// invoice with such lines gives their sum in `P_13_5` (reported once,
    /// at the first OSS line).
    ///
    /// ## Why it matters
    /// Under the OSS procedure (dział XII rozdział 6a of the VAT Act) the
    /// supply is taxed at the rate of another member state: the schema's
    /// `P_12_XII` replaces `P_12`, and the net amount of those supplies goes
    /// to `P_13_5` (with `P_14_5`). A line with both rates, or OSS lines with
    /// no `P_13_5`, is contradictory. KSeF does not check it. Source: the
    /// FA(3) schema's annotations of `P_12_XII` and `P_13_5`.
    ///
    /// ## Example
    /// ```xml
    /// <P_12>23</P_12>
    /// <P_12_XII>19</P_12_XII> <!-- both rates -->
    /// ```
    ///
    /// ## Fix
    /// Give an OSS supply only `P_12_XII` and sum it in `P_13_5`; give a
    /// domestic supply only `P_12`.
    pub static OSS_RATE = {
        code: "FA3-ROW-008",
        name: "oss-rate",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// A line with `P_12_XII` and no `P_12`.
fn oss_only(line: &crate::facts::rates::Line<'_>) -> bool {
    line.row.p_12_xii.is_some() && line.row.p_12.is_none()
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let lines = &ctx.facts().rates().lines;
    for line in lines {
        if line.row.p_12_xii.is_some()
            && let Some(rate) = line.rate
        {
            out.report(
                &OSS_RATE,
                line.field("P_12_XII"),
                format!(
                    "{line} gives both the OSS rate P_12_XII and the rate P_12 {rate}",
                    line = describe(line)
                ),
            )
            .help = Some(
                "keep P_12_XII for a supply under the OSS procedure, or P_12 for a domestic one, not both".into(),
            );
        }
    }
    if invoice.fa.p_13_5_group.is_none()
        && let Some(first) = lines.iter().find(|l| oss_only(l))
    {
        let count = lines.iter().filter(|l| oss_only(l)).count();
        out.report(
            &OSS_RATE,
            first.field("P_12_XII"),
            format!(
                "{count} line(s) use an OSS rate (P_12_XII), the first {line}, but the invoice gives no P_13_5 for them",
                line = describe(first)
            ),
        )
        .help = Some("sum the net amounts of the OSS lines in P_13_5 and their tax in P_14_5".into());
    }
}
