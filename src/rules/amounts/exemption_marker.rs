//! `FA3-AMT-013` exemption-marker.

use crate::facts::rates::RateGroup;
use crate::model::{Faktura, FakturaFaAdnotacjeZwolnienieElementType};
use crate::rules::amounts::{group_evidence, states_rates};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Exempt sales and the exemption annotation go together: a `zw` line
    /// (or order line) or a non-zero `P_13_7` needs `Zwolnienie/P_19=1` with
    /// the legal basis (`P_19A`, `P_19B` or `P_19C`); `P_19=1` needs an
    /// exempt line or `P_13_7`.
    ///
    /// Refined: the second direction is not checked on corrections (a
    /// correction of some lines of a mixed invoice keeps its annotations) nor
    /// on an invoice that states no rate at all.
    ///
    /// ## Why it matters
    /// Art. 106e ust. 1 pkt 19 of the VAT Act requires an invoice for exempt
    /// sales to name the legal basis of the exemption (XSD annotations of
    /// `P_19`/`P_19N`). Without it the exemption is undocumented; with it but
    /// without exempt sales, the invoice contradicts itself.
    ///
    /// ## Source
    /// XSD annotations of `P_19`/`P_19N`; art. 106e ust. 1 pkt 19 of the VAT
    /// Act; GOBL (invopop/gobl addons/pl/favat) exemption-note rule.
    ///
    /// ## Example
    /// ```xml
    /// <Zwolnienie><P_19N>1</P_19N></Zwolnienie>
    /// ...
    /// <P_12>zw</P_12>
    /// ```
    ///
    /// ## Fix
    /// For exempt sales write `P_19=1` and the basis in `P_19A` (Polish act),
    /// `P_19B` (the directive) or `P_19C` (other); otherwise `P_19N=1`.
    pub static EXEMPTION_MARKER = {
        code: "FA3-AMT-013",
        name: "exemption-marker",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let exempt = matches!(
        invoice.fa.adnotacje.zwolnienie,
        FakturaFaAdnotacjeZwolnienieElementType::P19Group(_)
    );
    let evidence = group_evidence(ctx, RateGroup::Exempt);
    match (exempt, evidence) {
        (false, Some(evidence)) => {
            out.report(
                &EXEMPTION_MARKER,
                "/Faktura/Fa/Adnotacje/Zwolnienie/P_19N",
                format!("{evidence} (exempt), but Zwolnienie says P_19N=1 (no exemption)"),
            )
            .help = Some(
                "write P_19=1 with the legal basis of the exemption in P_19A, P_19B or P_19C"
                    .to_string(),
            );
        }
        (true, None) if !ctx.facts().kind().is_correction() && states_rates(ctx) => {
            out.report(
                &EXEMPTION_MARKER,
                "/Faktura/Fa/Adnotacje/Zwolnienie/P_19",
                "P_19 is 1 (exempt sales), but no line has P_12 zw and there is no P_13_7",
            )
            .help = Some(
                "give the exempt lines P_12 zw and their sum in P_13_7, or write P_19N=1"
                    .to_string(),
            );
        }
        _ => {}
    }
}
