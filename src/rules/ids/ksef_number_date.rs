//! `FA3-ID-008` ksef-number-date.

use crate::domain::ksef_number::{KsefNumber, KsefNumberError};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each KSeF number the invoice refers to
    /// (`DaneFaKorygowanej/NrKSeFFaKorygowanej`,
    /// `FakturaZaliczkowa/NrKSeFFaZaliczkowej`) has the form
    /// `NIP-YYYYMMDD-XXXXXXXXXXXX-CC` (or the 36-character KSeF 1.0 form), and
    /// its `YYYYMMDD` part is a real calendar date.
    ///
    /// ## Why it matters
    /// The schema pattern `TNumerKSeF` checks the shape and the ranges of
    /// month and day separately, so `20260229` or `20260431` pass it. KSeF
    /// assigns numbers only on real days (the date is the day it accepted
    /// the invoice, KSeF docs: numer-ksef), so such a number was mistyped or
    /// made up and refers to no invoice. KSeF does not check references
    /// inside the XML.
    ///
    /// ## Example
    /// ```xml
    /// <NrKSeFFaKorygowanej>5265877635-20260229-0100001AF629-4D</NrKSeFFaKorygowanej>
    /// ```
    ///
    /// ## Fix
    /// Copy the KSeF number from the KSeF acceptance confirmation (UPO) of the
    /// referenced invoice.
    pub static KSEF_NUMBER_DATE = {
        code: "FA3-ID-008",
        name: "ksef-number-date",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for field in ctx.facts().ksef_numbers() {
        let err = match KsefNumber::date_of(field.value) {
            // A CRC mismatch alone is FA3-ID-009.
            Ok(_) | Err(KsefNumberError::Checksum { .. }) => continue,
            Err(err) => err,
        };
        let problem = match err {
            KsefNumberError::InvalidDate { year, month, day } => format!(
                "its date {year:04}-{month:02}-{day:02} is not a calendar date, so KSeF cannot have assigned it"
            ),
            other => other.to_string(),
        };
        out.report(
            &KSEF_NUMBER_DATE,
            &field.path,
            format!("the KSeF number {} is not valid: {problem}", field.value),
        )
        .help = Some(
            "copy the KSeF number from the KSeF acceptance confirmation (UPO) of the referenced invoice".into(),
        );
    }
}
