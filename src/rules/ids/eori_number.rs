//! `FA3-ID-024` eori-number.

use crate::domain::eori::{Eori, EoriError};
use crate::domain::nip;
use crate::facts::parties::eori_numbers;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each `NrEORI` (of `Podmiot1`, `Podmiot2`, `Podmiot3` and
    /// `PodmiotUpowazniony`) is plausible: a two-letter country code followed
    /// by 1 to 15 uppercase letters or digits.
    ///
    /// ## Why it matters
    /// The schema types `NrEORI` as free text. An EORI number always starts
    /// with the code of the country that issued it; a Polish one is usually
    /// `PL` + NIP + five digits. A number without its country code, such as a
    /// bare NIP, is not an EORI number, and customs cannot use it. This is a
    /// plausibility check only, hence an info.
    ///
    /// ## Example
    /// ```xml
    /// <NrEORI>5265877635</NrEORI>
    /// ```
    ///
    /// ## Fix
    /// Copy the EORI number from the customs registration (it can be checked
    /// in the EU EORI validation service).
    pub static EORI_NUMBER = {
        code: "FA3-ID-024",
        name: "eori-number",
        severity: Info,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    for field in eori_numbers(invoice) {
        let Err(err) = Eori::parse(field.value) else {
            continue;
        };
        let help = if matches!(err, EoriError::MissingCountryCode) && nip::is_valid(field.value) {
            format!(
                "{} is a NIP, not an EORI number; a Polish EORI number is usually PL + NIP + five digits (e.g. PL{}00000): copy it from the customs registration",
                field.value, field.value
            )
        } else {
            "copy the EORI number from the customs registration".into()
        };
        out.report(
            &EORI_NUMBER,
            field.path,
            format!("the EORI number {} is not plausible: {err}", field.value),
        )
        .help = Some(help);
    }
}
