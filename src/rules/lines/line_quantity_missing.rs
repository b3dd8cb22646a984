//! `FA3-ROW-004` line-quantity-missing.

use crate::model::Faktura;
use crate::rules::lines::{describe, exemption, has_attachment};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each invoice line gives the unit (`P_8A`) and the quantity (`P_8B`).
    /// Not checked on simplified invoices (`UPR`), collective corrections
    /// (`OkresFaKorygowanej`), advance invoices (`ZAL`, `KOR_ZAL`), nor on
    /// invoices with an attachment (`Zalacznik`).
    ///
    /// Refined: the official examples 24 and 25 (a utility bill) give their
    /// lines only a name, a net value and a rate, and detail the quantities
    /// and unit prices in the attachment's tables; an invoice with an
    /// attachment is therefore not asked for `P_8A`/`P_8B` on its lines.
    ///
    /// ## Why it matters
    /// The unit and quantity of the goods, or the scope of the services, are
    /// mandatory parts of an invoice (art. 106e ust. 1 pkt 8 of the VAT
    /// Act). The schema makes them optional only for the simplified invoice
    /// of art. 106e ust. 5 pkt 3 (its annotations of `P_8A` and `P_8B`). KSeF
    /// accepts the invoice without them, but it is legally defective.
    ///
    /// ## Example
    /// ```xml
    /// <P_7>lodówka</P_7>
    /// <P_8A>szt.</P_8A> <!-- no P_8B -->
    /// <P_9A>1626.01</P_9A>
    /// ```
    ///
    /// ## Fix
    /// Give the unit in `P_8A` and the quantity in `P_8B` (for a service, its
    /// scope, e.g. `usługa` and 1).
    pub static LINE_QUANTITY_MISSING = {
        code: "FA3-ROW-004",
        name: "line-quantity-missing",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if exemption(ctx).is_some() || has_attachment(invoice) {
        return;
    }
    for line in &ctx.facts().rates().lines {
        let missing = match (line.row.p_8a.is_some(), line.row.p_8b.is_some()) {
            (true, true) => continue,
            (false, false) => "neither the unit (P_8A) nor the quantity (P_8B)",
            (false, true) => "no unit (P_8A)",
            (true, false) => "no quantity (P_8B)",
        };
        out.report(
            &LINE_QUANTITY_MISSING,
            line.path(),
            format!("{line} gives {missing}", line = describe(line)),
        )
        .help = Some(
            "give the unit in P_8A and the quantity in P_8B (for a service, its scope)".into(),
        );
    }
}
