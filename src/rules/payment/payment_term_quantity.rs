//! `FA3-PAY-008` payment-term-quantity.

use crate::facts::indexed;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The number of units of a described payment term
    /// (`TerminPlatnosci/TerminOpis/Ilosc`) is positive. Reported as
    /// information.
    ///
    /// The schema part of the catalog entry (`Ilosc`, `Jednostka` and
    /// `ZdarzeniePoczatkowe` all or none) is enforced by the schema
    /// validator.
    ///
    /// ## Why it matters
    /// `TerminOpis` describes a term such as "30 days from receipt of the
    /// invoice" (XSD). The schema accepts any integer; a zero or negative
    /// count describes no term, and is most likely a sign error or a
    /// placeholder.
    ///
    /// ## Example
    /// ```xml
    /// <TerminOpis>
    ///   <Ilosc>-14</Ilosc><Jednostka>Dzień</Jednostka>
    ///   <ZdarzeniePoczatkowe>Otrzymanie faktury</ZdarzeniePoczatkowe>
    /// </TerminOpis>
    /// ```
    ///
    /// ## Fix
    /// Give the number of units as a positive number, or a date in
    /// `Termin`.
    pub static PAYMENT_TERM_QUANTITY = {
        code: "FA3-PAY-008",
        name: "payment-term-quantity",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let Some(platnosc) = &invoice.fa.platnosc else {
        return;
    };
    for (i, term) in platnosc.termin_platnosci.iter().enumerate() {
        let Some(description) = term.content.as_ref().and_then(|c| c.termin_opis.as_ref()) else {
            continue;
        };
        let quantity = &description.ilosc;
        if quantity.is_positive() {
            continue;
        }
        out.report(
            &PAYMENT_TERM_QUANTITY,
            format!(
                "{}/TerminOpis/Ilosc",
                indexed("/Faktura/Fa/Platnosc", "TerminPlatnosci", i)
            ),
            format!(
                "the payment term's Ilosc is {quantity}; a term of {quantity} units after the starting event describes no time to pay"
            ),
        )
        .help = Some("give the number of units as a positive number, or the due date in Termin".into());
    }
}
