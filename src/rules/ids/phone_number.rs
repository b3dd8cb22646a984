//! `FA3-ID-023` phone-number.

use crate::domain::phone::{self, PhoneError};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each telephone number in `DaneKontaktowe` (`Telefon` of `Podmiot1`,
    /// `Podmiot2` and `Podmiot3`, `TelefonPU` of `PodmiotUpowazniony`) uses
    /// only digits, spaces, `+`, `(`, `)` and `-`, has `+` only at the start
    /// and balanced parentheses, and holds 3 to 15 digits (E.164 allows at
    /// most 15).
    ///
    /// ## Why it matters
    /// The schema only limits the number to 16 characters (`TNumerTelefonu`),
    /// so `tel. 22 123` or an e-mail address pass it. fa3 reports such values
    /// as an info: the invoice is fine, the contact data are not.
    ///
    /// ## Example
    /// ```xml
    /// <Telefon>tel. 22 123 45</Telefon>
    /// ```
    ///
    /// ## Fix
    /// Write the number alone, e.g. `+48 22 123 45 67`.
    pub static PHONE_NUMBER = {
        code: "FA3-ID-023",
        name: "phone-number",
        severity: Info,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for contact in ctx.facts().contacts() {
        let Some((element, value)) = contact.phone else {
            continue;
        };
        match phone::validate(value) {
            Ok(()) => {}
            // Empty and over-long values break the schema: the schema
            // validator reports them.
            Err(err) if err.is_schema_error() => {}
            Err(err) => {
                let help = match err {
                    PhoneError::DigitCount { .. } => {
                        "give the full number with its country code, at most 15 digits"
                    }
                    _ => "write the number alone, e.g. +48 22 123 45 67",
                };
                out.report(
                    &PHONE_NUMBER,
                    crate::facts::child(&contact.path, element),
                    format!("the telephone number {value:?} is not plausible: {err}"),
                )
                .help = Some(help.into());
            }
        }
    }
}
