//! `FA3-AMT-014` reverse-charge-marker.

use crate::diagnostic::Severity;
use crate::facts::rates::RateGroup;
use crate::model::{Faktura, TWybor12Type};
use crate::rules::amounts::group_evidence;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Sales where the buyer settles the tax carry the reverse-charge
    /// annotation `P_18=1` ("odwrotne obciążenie"):
    ///
    /// - domestic reverse charge: an `oo` line or `P_13_10` (warning);
    /// - services taxed where the buyer is (art. 100 ust. 1 pkt 4): an
    ///   `np II` line or `P_13_9` (warning);
    /// - other supplies outside Poland: an `np I` line or `P_13_8` (info:
    ///   whether the buyer settles the tax depends on the transaction).
    ///
    /// Lines, order lines (advance invoices) and summary fields count.
    ///
    /// ## Why it matters
    /// Art. 106e ust. 1 pkt 18 of the VAT Act requires the words "odwrotne
    /// obciążenie" where the buyer is liable for the tax (XSD annotation of
    /// `P_18`); without them the buyer may not know it has to account for
    /// the tax.
    ///
    /// ## Source
    /// XSD annotation of `P_18`; art. 106e ust. 1 pkt 18 of the VAT Act;
    /// ksefuj semantic rule R30 (which also requires `P_18=1` for `P_13_8`).
    ///
    /// ## Example
    /// ```xml
    /// <P_18>2</P_18>
    /// ...
    /// <P_12>oo</P_12>
    /// ```
    ///
    /// ## Fix
    /// Write `P_18=1` when the buyer settles the tax.
    pub static REVERSE_CHARGE_MARKER = {
        code: "FA3-AMT-014",
        name: "reverse-charge-marker",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if invoice.fa.adnotacje.p_18 == TWybor12Type::_1 {
        return;
    }
    for (group, severity, what) in [
        (
            RateGroup::ReverseCharge,
            Severity::Warning,
            "the buyer settles the tax (domestic reverse charge), but P_18 is 2 (no reverse charge)",
        ),
        (
            RateGroup::OutsideII,
            Severity::Warning,
            "the buyer settles the tax (services of art. 100 ust. 1 pkt 4), but P_18 is 2 (no reverse charge)",
        ),
        (
            RateGroup::OutsideI,
            Severity::Info,
            "the supply is taxed outside Poland and P_18 is 2 (no reverse charge): right only if the buyer does not settle the tax",
        ),
    ] {
        let Some(evidence) = group_evidence(ctx, group) else {
            continue;
        };
        out.report_at(
            &REVERSE_CHARGE_MARKER,
            severity,
            "/Faktura/Fa/Adnotacje/P_18",
            format!("{evidence}: {what}"),
        )
        .help = Some(
            "write P_18=1 (\"odwrotne obciążenie\") when the buyer settles the tax".to_string(),
        );
    }
}
