//! `FA3-PM1-001` seller-prefix-missing.

use crate::model::Faktura;
use crate::rules::parties::eu_evidence;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// `Podmiot1/PrefiksPodatnika` (the seller's VAT-UE prefix, which the
    /// schema fixes to `PL`) is present when the invoice documents:
    ///
    /// - an intra-Community supply of goods: a line with `P_12` `0 WDT`, or a
    ///   non-zero `P_13_6_2`;
    /// - services taxed where the buyer is established (art. 100 ust. 1 pkt 4
    ///   of the VAT Act): a line with `P_12` `np II`, or a non-zero `P_13_9`;
    /// - a simplified triangular transaction invoiced by the second taxpayer:
    ///   `Adnotacje/P_23=1`.
    ///
    /// ## Why it matters
    /// In these cases the invoice must show the seller's VAT number with the
    /// `PL` prefix (art. 97 ust. 10 pkt 2 and 3 and art. 136 ust. 1 pkt 3 of
    /// the VAT Act; the schema annotation of `PrefiksPodatnika` and the MF
    /// brochure on FA(3), the seller's data). KSeF accepts the invoice without
    /// it, but the buyer's tax authority expects the seller's EU VAT number,
    /// and the invoice lacks a mandatory element.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot1>
    ///   <DaneIdentyfikacyjne>...</DaneIdentyfikacyjne> <!-- no PrefiksPodatnika -->
    /// ...
    /// <P_12>0 WDT</P_12>
    /// ```
    ///
    /// ## Fix
    /// Add `<PrefiksPodatnika>PL</PrefiksPodatnika>` as the first element of
    /// `Podmiot1`.
    pub static SELLER_PREFIX_MISSING = {
        code: "FA3-PM1-001",
        name: "seller-prefix-missing",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if invoice.podmiot1.prefiks_podatnika.is_some() {
        return;
    }
    let Some(evidence) = eu_evidence(ctx) else {
        return;
    };
    out.report(
        &SELLER_PREFIX_MISSING,
        "/Faktura/Podmiot1",
        format!(
            "Podmiot1 has no PrefiksPodatnika, but the invoice documents {what} ({why}), which needs the seller's VAT number with the PL prefix",
            what = evidence.what,
            why = evidence.why
        ),
    )
    .help = Some(
        "add <PrefiksPodatnika>PL</PrefiksPodatnika> as the first element of Podmiot1".into(),
    );
}
