//! `FA3-ID-019` gtin-check-digit.

use crate::domain::gs1::{self, Gs1Error};
use crate::facts::parties::gtins;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each `FaWiersz/GTIN` and `Zamowienie/ZamowienieWiersz/GTINZ` of 8, 12,
    /// 13 or 14 digits ends in the right GS1 check digit (from the right, the
    /// other digits are weighted 3, 1, 3, …, and the check digit brings the
    /// sum to a multiple of ten). Other values are not GTINs and are left
    /// alone.
    ///
    /// ## Why it matters
    /// The schema allows any text of up to 20 characters. A GTIN with a wrong
    /// check digit identifies no product, so the buyer's system cannot match
    /// the line to its catalogue.
    ///
    /// ## Example
    /// ```xml
    /// <GTIN>4006381333932</GTIN> <!-- the check digit should be 1 -->
    /// ```
    ///
    /// ## Fix
    /// Copy the GTIN from the product's barcode or master data.
    pub static GTIN_CHECK_DIGIT = {
        code: "FA3-ID-019",
        name: "gtin-check-digit",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    for field in gtins(invoice) {
        if let Err(Gs1Error::CheckDigit { expected, found }) = gs1::validate_gtin(field.value) {
            out.report(
                &GTIN_CHECK_DIGIT,
                field.path,
                format!(
                    "the GTIN {} is not valid: its check digit is {found}, but the other digits call for {expected}",
                    field.value
                ),
            )
            .help = Some("copy the GTIN from the product's barcode or master data".into());
        }
    }
}
