//! `FA3-ROW-013` procedure-rate.

use crate::model::{Faktura, TOznaczenieProceduryType};
use crate::rules::lines::describe;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A line marked with the distance-selling procedures `WSTO_EE`
    /// (intra-Community distance sales of goods) or `IED` (supplies through
    /// an electronic interface) gives the OSS rate `P_12_XII`, or one of the
    /// rates for supplies outside Poland, `np I` or `np II`.
    ///
    /// That the `Procedura` value is one the schema allows is checked by the
    /// schema (FA3-XSD-004); this rule is the informational part of the
    /// catalog entry.
    ///
    /// ## Why it matters
    /// `WSTO_EE` and `IED` mark supplies whose place of taxation is, as a
    /// rule, the member state of consumption: they are taxed there (under
    /// OSS, `P_12_XII`) or shown as outside Poland. A Polish rate on such a
    /// line is possible (below the EUR 10,000 threshold) but worth a look.
    /// Source: the FA(3) schema's `TOznaczenieProcedury` and `P_12_XII`
    /// annotations; the MF FA(3) brochure, §10.2.
    ///
    /// ## Example
    /// ```xml
    /// <P_12>23</P_12>
    /// <Procedura>WSTO_EE</Procedura>
    /// ```
    ///
    /// ## Fix
    /// Check the place of supply: give `P_12_XII` with the rate of the state
    /// of consumption (OSS) or `np I`, or keep the Polish rate when the
    /// supply is taxed in Poland.
    pub static PROCEDURE_RATE = {
        code: "FA3-ROW-013",
        name: "procedure-rate",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for line in &ctx.facts().rates().lines {
        let procedure = match line.row.procedura {
            Some(TOznaczenieProceduryType::WstoEe) => "WSTO_EE",
            Some(TOznaczenieProceduryType::Ied) => "IED",
            _ => continue,
        };
        if line.row.p_12_xii.is_some() || matches!(line.rate, Some("np I" | "np II")) {
            continue;
        }
        let rate = line
            .rate
            .map_or_else(|| "no rate".to_string(), |r| format!("the rate P_12 {r}"));
        out.report(
            &PROCEDURE_RATE,
            line.field("Procedura"),
            format!(
                "{line} is marked {procedure}, but gives {rate} rather than an OSS rate (P_12_XII) or np I/np II",
                line = describe(line)
            ),
        )
        .help = Some(
            "a distance sale is usually taxed in the state of consumption: give P_12_XII (OSS) or np I, unless it is taxed in Poland".into(),
        );
    }
}
