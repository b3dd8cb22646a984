//! `FA3-ID-009` ksef-number-check-digits.

use crate::domain::ksef_number::crc8;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The last two characters of each 35-character KSeF number the invoice
    /// refers to (`DaneFaKorygowanej/NrKSeFFaKorygowanej`,
    /// `FakturaZaliczkowa/NrKSeFFaZaliczkowej`) are the CRC-8 of its first 32
    /// characters, hyphens included (polynomial `0x07`, initial value `0x00`,
    /// no reflection, no final XOR), as two uppercase hex digits. The
    /// 36-character KSeF 1.0 numbers used another algorithm and are not
    /// checked.
    ///
    /// ## Why it matters
    /// KSeF computes these check digits for every number it assigns (KSeF
    /// docs: numer-ksef; the official C# and Java clients validate them the
    /// same way), but it does not verify the numbers written inside an
    /// invoice. A mismatch means the number was mistyped or made up, and the
    /// correction or settlement refers to no invoice. (The Ministry of
    /// Finance's own sample invoices use made-up numbers that fail this
    /// check.)
    ///
    /// ## Example
    /// ```xml
    /// <NrKSeFFaKorygowanej>5265877635-20250826-0100001AF629-00</NrKSeFFaKorygowanej>
    /// <!-- the check digits should be AF -->
    /// ```
    ///
    /// ## Fix
    /// Copy the KSeF number from the KSeF acceptance confirmation (UPO) of the
    /// referenced invoice.
    pub static KSEF_NUMBER_CHECK_DIGITS = {
        code: "FA3-ID-009",
        name: "ksef-number-check-digits",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

/// The expected and the written check digits of a 35-character number,
/// when they differ.
fn mismatch(number: &str) -> Option<(String, &str)> {
    if number.len() != 35 || !number.is_ascii() {
        return None;
    }
    let (body, tail) = number.split_at_checked(32)?;
    let found = tail.strip_prefix('-')?;
    let crc = crc8(body.as_bytes());
    // The check digits as written: two uppercase hex digits.
    let hex = |nibble: u8| char::from_digit(u32::from(nibble), 16).map(|c| c.to_ascii_uppercase());
    let mut written = found.chars();
    let same = written.next() == hex(crc >> 4)
        && written.next() == hex(crc & 0x0F)
        && written.next().is_none();
    (!same).then(|| (format!("{crc:02X}"), found))
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for field in ctx.facts().ksef_numbers() {
        let Some((expected, found)) = mismatch(field.value) else {
            continue;
        };
        out.report(
            &KSEF_NUMBER_CHECK_DIGITS,
            &field.path,
            crate::facts::concat(&[
                "the KSeF number ",
                field.value,
                " ends in check digits ",
                found,
                ", but its first 32 characters give ",
                &expected,
                ": the number is mistyped or made up",
            ]),
        )
        .help = Some(
            "copy the KSeF number from the KSeF acceptance confirmation (UPO) of the referenced invoice; KSeF does not verify references, so a wrong one goes unnoticed".into(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::mismatch;

    #[test]
    fn check_digits() {
        assert_eq!(mismatch("5265877635-20250826-0100001AF629-AF"), None);
        assert_eq!(
            mismatch("5265877635-20250826-0100001AF629-00"),
            Some(("AF".into(), "00"))
        );
        // The brochure's example 14.
        assert_eq!(
            mismatch("9999999999-20260714-D5FB0C9ED490-9A"),
            Some(("19".into(), "9A"))
        );
        // Lowercase check digits are not the rendering KSeF uses.
        assert_eq!(
            mismatch("5265877635-20250826-0100001AF629-af"),
            Some(("AF".into(), "af"))
        );
        // KSeF 1.0 numbers (36 characters) and malformed input are skipped.
        assert_eq!(mismatch("5265877635-20250826-010000-1AF629-00"), None);
        assert_eq!(mismatch(""), None);
        assert_eq!(mismatch("ż265877635-20250826-0100001AF629-0"), None);
    }
}
