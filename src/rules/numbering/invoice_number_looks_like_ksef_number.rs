//! `FA3-NUM-002` invoice-number-looks-like-ksef-number.

use crate::domain::ksef_number::{KsefNumber, KsefNumberError};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The invoice number `Fa/P_2` is not a KSeF number
    /// (`NIP-YYYYMMDD-XXXXXXXXXXXX-CC`, or the 36-character legacy form),
    /// even with wrong check digits or lowercase hex digits.
    ///
    /// ## Why it matters
    /// `P_2` is the seller's own sequential number ("kolejny numer nadany w
    /// ramach jednej lub więcej serii", art. 106e ust. 1 pkt 2 ustawy o VAT).
    /// The MF brochure on the FA(3) structure (§ 9.2) says it is not the KSeF
    /// identification number, which KSeF assigns only after acceptance. A
    /// KSeF number here usually means a correction or a re-sent invoice
    /// copied the wrong field.
    ///
    /// ## Example
    /// ```xml
    /// <P_2>5265877635-20250826-0100001AF629-AF</P_2>
    /// ```
    ///
    /// ## Fix
    /// Put the invoice's own number in `P_2`; a corrected invoice's KSeF
    /// number belongs in `DaneFaKorygowanej/NrKSeFFaKorygowanej`.
    pub static INVOICE_NUMBER_LOOKS_LIKE_KSEF_NUMBER = {
        code: "FA3-NUM-002",
        name: "invoice-number-looks-like-ksef-number",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

/// True when `value` has the shape of a KSeF number; the check digits are
/// not required to match.
fn looks_like_ksef_number(value: &str) -> bool {
    let value = value.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'));
    // A KSeF number is 35 or 36 ASCII bytes: any other length fails
    // whatever its shape, so no uppercase copy is made for it.
    if !matches!(value.len(), 35 | 36) {
        return false;
    }
    matches!(
        KsefNumber::date_of(&value.to_ascii_uppercase()),
        Ok(_) | Err(KsefNumberError::Checksum { .. })
    )
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let number = invoice.fa.p_2.0.as_str();
    if looks_like_ksef_number(number) {
        out.report(
            &INVOICE_NUMBER_LOOKS_LIKE_KSEF_NUMBER,
            "/Faktura/Fa/P_2",
            format!(
                "the invoice number \"{number}\" looks like a KSeF number; P_2 is the seller's own number, not the one KSeF assigns"
            ),
        )
        .help = Some(
            "put the invoice's own number in P_2; a corrected invoice's KSeF number goes in DaneFaKorygowanej/NrKSeFFaKorygowanej".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::looks_like_ksef_number;

    #[test]
    fn recognises_ksef_numbers() {
        assert!(looks_like_ksef_number(
            "5265877635-20250826-0100001AF629-AF"
        ));
        // Wrong check digits, lowercase, surrounding whitespace.
        assert!(looks_like_ksef_number(
            "5265877635-20250826-0100001AF629-00"
        ));
        assert!(looks_like_ksef_number(
            " 5265877635-20250826-0100001af629-af "
        ));
        // The legacy 36-character form.
        assert!(looks_like_ksef_number(
            "5265877635-20230908-01000A-1AF629-00"
        ));
        assert!(!looks_like_ksef_number("FV/2026/11/001"));
        assert!(!looks_like_ksef_number("5265877635-20250826"));
        assert!(!looks_like_ksef_number(
            "5265877635-20251326-0100001AF629-AF"
        ));
        assert!(!looks_like_ksef_number(""));
    }
}
