//! `FA3-ROW-003` line-name-missing.

use crate::model::Faktura;
use crate::rules::lines::{Exemption, describe, exemption};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each invoice line (`FaWiersz`) gives the name of the goods or service
    /// (`P_7`). Not checked on collective corrections (`OkresFaKorygowanej`
    /// given, art. 106j ust. 3), where the name is optional, nor on advance
    /// invoices (`ZAL`, `KOR_ZAL`), whose content art. 106f sets.
    ///
    /// ## Why it matters
    /// The name (rodzaj) of the goods or service is a mandatory part of an
    /// invoice (art. 106e ust. 1 pkt 7 of the VAT Act); the schema makes
    /// `P_7` optional only for the collective correction of art. 106j ust. 3
    /// ("Pole opcjonalne wyłącznie dla przypadku określonego w art 106j ust.
    /// 3 pkt 2 ustawy"). KSeF accepts the invoice without it, but it is
    /// legally defective.
    ///
    /// ## Example
    /// ```xml
    /// <FaWiersz>
    ///   <NrWierszaFa>1</NrWierszaFa>
    ///   <P_8A>szt.</P_8A> <!-- no P_7 -->
    /// ```
    ///
    /// ## Fix
    /// Add `P_7` with the name of the goods or service on each line.
    pub static LINE_NAME_MISSING = {
        code: "FA3-ROW-003",
        name: "line-name-missing",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if matches!(
        exemption(ctx),
        Some(Exemption::Collective | Exemption::Advance)
    ) {
        return;
    }
    for line in &ctx.facts().rates().lines {
        if line.row.p_7.is_some() {
            continue;
        }
        out.report(
            &LINE_NAME_MISSING,
            line.path(),
            format!(
                "{line} has no P_7, the name of the goods or service",
                line = describe(line)
            ),
        )
        .help = Some("add P_7 with the name (kind) of the goods or service".into());
    }
}
