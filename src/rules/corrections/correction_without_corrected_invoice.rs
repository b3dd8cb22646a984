//! `FA3-TYPE-001` correction-without-corrected-invoice.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A correction (`RodzajFaktury` `KOR`, `KOR_ZAL` or `KOR_ROZ`) names the
    /// invoices it corrects: at least one `Fa/DaneFaKorygowanej`, one per
    /// corrected invoice (up to 50,000).
    ///
    /// ## Why it matters
    /// The schema makes the whole correction group optional, although it is
    /// the "Dane dla przypadków, gdy pole RodzajFaktury przyjmuje wartości
    /// KOR, KOR_ZAL lub KOR_ROZ" (schemat_FA(3)_v1-0E.xsd). A correction must
    /// identify the corrected invoice: its issue date, number and KSeF number
    /// (art. 106j ust. 2 ustawy o VAT; MF brochure on FA(3), § 9.7). KSeF
    /// accepts a correction without them, but it corrects nothing anyone can
    /// identify.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>KOR</RodzajFaktury>
    /// <!-- no DaneFaKorygowanej -->
    /// ```
    ///
    /// ## Fix
    /// Add a `DaneFaKorygowanej` for each corrected invoice, with
    /// `DataWystFaKorygowanej`, `NrFaKorygowanej` and its KSeF number
    /// (`NrKSeF=1` + `NrKSeFFaKorygowanej`), or `NrKSeFN=1` for an invoice
    /// issued outside KSeF.
    pub static CORRECTION_WITHOUT_CORRECTED_INVOICE = {
        code: "FA3-TYPE-001",
        name: "correction-without-corrected-invoice",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let correction = ctx.facts().correction();
    if !correction.is_correction() || !correction.corrected.is_empty() {
        return;
    }
    out.report(
        &CORRECTION_WITHOUT_CORRECTED_INVOICE,
        "/Faktura/Fa/RodzajFaktury",
        format!(
            "the invoice is a correction ({kind}) but names no corrected invoice (DaneFaKorygowanej)",
            kind = correction.kind
        ),
    )
    .help = Some(
        "add a DaneFaKorygowanej with the issue date, number and KSeF number of each corrected invoice".into(),
    );
}
