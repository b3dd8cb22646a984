//! `FA3-ZAL-006` settlement-without-advances.

use crate::facts::Kind;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A settlement invoice (`RodzajFaktury` `ROZ`) cites the advance
    /// invoices it settles (`FakturaZaliczkowa`), or documents the advances
    /// received in `ZaliczkaCzesciowa`.
    ///
    /// ## Why it matters
    /// The XSD annotation of `NrFaZaliczkowej`/`NrKSeFFaZaliczkowej` makes the
    /// advance invoice numbers mandatory on the final invoice of art. 106f
    /// ust. 3 of the VAT Act. The exception is art. 106b ust. 1a (advance and
    /// delivery in the same month, no advance invoice issued), where
    /// `ZaliczkaCzesciowa` documents the payments instead (MF brochure on
    /// FA(3), `ROZ` for art. 106b ust. 1a). With neither, the settlement
    /// does not say which advances it deducts.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>ROZ</RodzajFaktury>
    /// <!-- no FakturaZaliczkowa, no ZaliczkaCzesciowa -->
    /// ```
    ///
    /// ## Fix
    /// Add a `FakturaZaliczkowa` with the KSeF number (`NrKSeFFaZaliczkowej`)
    /// of each advance invoice settled, or `NrKSeFZN=1` and its number when
    /// it was issued outside KSeF.
    pub static SETTLEMENT_WITHOUT_ADVANCES = {
        code: "FA3-ZAL-006",
        name: "settlement-without-advances",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let advance = facts.advance();
    if facts.kind() != Kind::Roz || !advance.invoices.is_empty() || !advance.partial.is_empty() {
        return;
    }
    out.report(
        &SETTLEMENT_WITHOUT_ADVANCES,
        "/Faktura/Fa/RodzajFaktury",
        "RodzajFaktury is ROZ, but the invoice cites no advance invoice (FakturaZaliczkowa) and no advance received (ZaliczkaCzesciowa)",
    )
    .help = Some(
        "cite each advance invoice settled in FakturaZaliczkowa (its KSeF number, or NrKSeFZN=1 and its number); without advance invoices (art. 106b ust. 1a), list the advances in ZaliczkaCzesciowa".into(),
    );
}
