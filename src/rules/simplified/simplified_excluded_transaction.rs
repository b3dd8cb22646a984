//! `FA3-UPR-003` simplified-excluded-transaction.

use crate::facts::Kind;
use crate::facts::rates::RateGroup;
use crate::model::{Faktura, TOznaczenieProceduryType, TWybor12Type};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A simplified invoice (`UPR`) documents none of the transactions the
    /// simplified form is excluded for: an intra-Community supply (`0 WDT`,
    /// `P_13_6_2`), services taxed where the buyer is (`np II`, `P_13_9`),
    /// reverse charge (`oo`, `P_13_10`), the simplified triangular procedure
    /// (`Adnotacje/P_23=1`), or intra-Community distance sales
    /// (`Procedura` `WSTO_EE`). Each is reported once, at the first field
    /// that shows it.
    ///
    /// ## Why it matters
    /// Art. 106e ust. 6 of the VAT Act excludes the simplified invoice of
    /// ust. 5 pkt 3 for intra-Community supplies, distance sales, and the
    /// supplies and services for which the buyer accounts for the tax.
    /// Such an invoice must carry the full data (the buyer's VAT number,
    /// line details). KSeF does not check this.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>UPR</RodzajFaktury> ...
    /// <FaWiersz>... <P_12>0 WDT</P_12></FaWiersz>
    /// ```
    ///
    /// ## Fix
    /// Issue a basic invoice (`VAT`) with the buyer's data and full lines.
    pub static SIMPLIFIED_EXCLUDED_TRANSACTION = {
        code: "FA3-UPR-003",
        name: "simplified-excluded-transaction",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

const HELP: &str = "issue a basic invoice (RodzajFaktury VAT) with the buyer's data and full lines; the simplified form is excluded for this transaction (art. 106e ust. 6 of the VAT Act)";

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    if facts.kind() != Kind::Upr {
        return;
    }
    let rates = facts.rates();
    for (group, what) in [
        (RateGroup::ZeroWdt, "an intra-Community supply (0 WDT)"),
        (
            RateGroup::OutsideII,
            "services taxed where the buyer is (np II)",
        ),
        (RateGroup::ReverseCharge, "reverse charge (oo)"),
    ] {
        let Some(g) = rates.group(group) else {
            continue;
        };
        let path = rates
            .lines_of(g)
            .next()
            .map_or_else(|| group.net_path(), |l| l.field("P_12"));
        let field = path
            .strip_prefix("/Faktura/Fa/")
            .unwrap_or(&path)
            .to_string();
        out.report(
            &SIMPLIFIED_EXCLUDED_TRANSACTION,
            &path,
            format!("RodzajFaktury is UPR, but {field} shows {what}, for which a simplified invoice is not allowed"),
        )
        .help = Some(HELP.into());
    }
    if invoice.fa.adnotacje.p_23 == TWybor12Type::_1 {
        out.report(
            &SIMPLIFIED_EXCLUDED_TRANSACTION,
            "/Faktura/Fa/Adnotacje/P_23",
            "RodzajFaktury is UPR, but P_23=1 marks the simplified triangular procedure, for which a simplified invoice is not allowed",
        )
        .help = Some(HELP.into());
    }
    if let Some(line) = rates
        .lines
        .iter()
        .find(|l| l.row.procedura == Some(TOznaczenieProceduryType::WstoEe))
    {
        out.report(
            &SIMPLIFIED_EXCLUDED_TRANSACTION,
            line.field("Procedura"),
            "RodzajFaktury is UPR, but Procedura WSTO_EE marks an intra-Community distance sale, for which a simplified invoice is not allowed",
        )
        .help = Some(HELP.into());
    }
}
