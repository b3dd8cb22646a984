//! `FA3-CUR-002` tax-in-pln-on-pln-invoice.

use crate::facts::money::display;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice in złoty (`KodWaluty=PLN`) gives no `P_14_1W` … `P_14_4W`.
    ///
    /// ## Why it matters
    /// The `P_14_xW` fields are for invoices in a foreign currency (XSD
    /// annotations; art. 106e ust. 11). On a złoty invoice they repeat or
    /// contradict `P_14_x`, and usually show a currency code set wrongly.
    ///
    /// ## Source
    /// XSD annotations of `P_14_xW`; ksefuj semantic rule R13.
    ///
    /// ## Example
    /// ```xml
    /// <KodWaluty>PLN</KodWaluty>
    /// ...
    /// <P_14_1W>230.00</P_14_1W>
    /// ```
    ///
    /// ## Fix
    /// Drop `P_14_xW`, or set `KodWaluty` to the currency of the invoice.
    pub static TAX_IN_PLN_ON_PLN_INVOICE = {
        code: "FA3-CUR-002",
        name: "tax-in-pln-on-pln-invoice",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    if !facts.currency().is_pln() {
        return;
    }
    for group in &facts.rates().groups {
        let (Some(w), Some(w_field)) = (
            group.declared.and_then(|d| d.tax_pln),
            group.group.tax_pln_field(),
        ) else {
            continue;
        };
        out.report(
            &TAX_IN_PLN_ON_PLN_INVOICE,
            format!("/Faktura/Fa/{w_field}"),
            format!(
                "{w_field} is {w}, but the invoice is in złoty (KodWaluty PLN): the field is for invoices in a foreign currency",
                w = display(w)
            ),
        )
        .help = Some(format!(
            "drop {w_field}, or set KodWaluty to the currency of the invoice"
        ));
    }
}
