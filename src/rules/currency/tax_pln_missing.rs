//! `FA3-CUR-001` tax-in-pln-missing.

use crate::facts::money::display;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice in a foreign currency (`KodWaluty` other than PLN) gives,
    /// for each non-zero tax field `P_14_1` … `P_14_4`, the tax converted to
    /// złoty in `P_14_1W` … `P_14_4W`. `P_14_5` (OSS) has no such field.
    ///
    /// ## Why it matters
    /// Art. 106e ust. 11 of the VAT Act: an invoice in a foreign currency
    /// states the tax in złoty (XSD annotations of `P_14_xW`: "W przypadku
    /// gdy faktura jest wystawiona w walucie obcej"). The buyer deducts, and
    /// the seller reports, the złoty amount.
    ///
    /// ## Source
    /// XSD annotations of `P_14_xW`; MF brochure §9.3; ksefuj semantic rule
    /// R13.
    ///
    /// ## Example
    /// ```xml
    /// <KodWaluty>EUR</KodWaluty>
    /// ...
    /// <P_14_1>23.00</P_14_1> <!-- no P_14_1W -->
    /// ```
    ///
    /// ## Fix
    /// Add `P_14_xW`: the tax converted at the rate of art. 31a (or the tax
    /// base converted, then taxed).
    pub static TAX_IN_PLN_MISSING = {
        code: "FA3-CUR-001",
        name: "tax-in-pln-missing",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let currency = facts.currency();
    if currency.is_pln() {
        return;
    }
    for group in &facts.rates().groups {
        let (Some(declared), Some(tax_field), Some(w_field)) = (
            group.declared,
            group.group.tax_field(),
            group.group.tax_pln_field(),
        ) else {
            continue;
        };
        let Some(tax) = declared.tax else { continue };
        if tax.is_zero() || declared.tax_pln.is_some() {
            continue;
        }
        out.report(
            &TAX_IN_PLN_MISSING,
            crate::facts::child("/Faktura/Fa", tax_field),
            format!(
                "KodWaluty is {code} and {tax_field} is {tax}, but {w_field}, the tax in złoty, is missing",
                code = currency.code,
                tax = display(tax),
            ),
        )
        .help = Some(format!(
            "add {w_field} after {tax_field}: the tax converted to złoty at the exchange rate of art. 31a"
        ));
    }
}
