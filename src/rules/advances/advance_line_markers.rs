//! `FA3-ZAL-011` advance-line-markers.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// On an advance invoice (`ZAL`, `KOR_ZAL`), the GTU codes and procedure
    /// markers are given on the order rows (`ZamowienieWiersz/GTUZ`,
    /// `ProceduraZ`), not on invoice lines (`FaWiersz/GTU`, `Procedura`).
    /// Each `FaWiersz` with `GTU` or `Procedura` is reported as information.
    ///
    /// The schema part of the catalog entry (`ProceduraZ` has no `I_42` or
    /// `I_63`) is enforced by the schema validator.
    ///
    /// ## Why it matters
    /// The MF brochure on FA(3) (GTU codes and procedure markers) places
    /// these markers of an advance invoice in the order data; the JPK_VAT
    /// records of the advance are derived from there. Markers on `FaWiersz`
    /// of an advance invoice may be missed.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>ZAL</RodzajFaktury> ...
    /// <FaWiersz>... <GTU>GTU_06</GTU></FaWiersz>
    /// ```
    ///
    /// ## Fix
    /// Give the markers in `ZamowienieWiersz/GTUZ` and `ProceduraZ` of the
    /// order rows concerned.
    pub static ADVANCE_LINE_MARKERS = {
        code: "FA3-ZAL-011",
        name: "advance-line-markers",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let kind = facts.kind();
    if !kind.is_advance() {
        return;
    }
    for line in &facts.rates().lines {
        for (field, present, target) in [
            ("GTU", line.row.gtu.is_some(), "ZamowienieWiersz/GTUZ"),
            (
                "Procedura",
                line.row.procedura.is_some(),
                "ZamowienieWiersz/ProceduraZ",
            ),
        ] {
            if !present {
                continue;
            }
            out.report(
                &ADVANCE_LINE_MARKERS,
                line.field(field),
                format!(
                    "RodzajFaktury is {kind}: the {field} marker of an advance invoice goes on the order row ({target}), not on FaWiersz"
                ),
            )
            .help = Some(format!(
                "move the marker to {target} of the order row it applies to"
            ));
        }
    }
}
