//! `FA3-ID-010` ksef-number-seller.

use crate::domain::nip;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each KSeF number the invoice refers to
    /// (`DaneFaKorygowanej/NrKSeFFaKorygowanej`,
    /// `FakturaZaliczkowa/NrKSeFFaZaliczkowej`) starts with the seller's NIP,
    /// `Podmiot1/DaneIdentyfikacyjne/NIP`. Numbers whose first group is not a
    /// NIP (`M…` or three letters and seven digits, which the schema also
    /// allows) are not compared. Whether that NIP passes its checksum is
    /// FA3-ID-002.
    ///
    /// ## Why it matters
    /// A KSeF number begins with the NIP of the seller of the invoice it
    /// identifies, self-billed invoices included (KSeF docs: numer-ksef). A
    /// correction or a settlement refers to the seller's own earlier invoices,
    /// and a seller's NIP cannot be corrected (MF brochure on FA(3)), so
    /// another NIP means the wrong number was copied.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot1><DaneIdentyfikacyjne><NIP>5265877635</NIP> ...
    /// <NrKSeFFaKorygowanej>7335255579-20250826-0100001AF629-E9</NrKSeFFaKorygowanej>
    /// ```
    ///
    /// ## Fix
    /// Copy the KSeF number of the seller's referenced invoice from its KSeF
    /// acceptance confirmation (UPO).
    pub static KSEF_NUMBER_SELLER = {
        code: "FA3-ID-010",
        name: "ksef-number-seller",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let seller = invoice.podmiot1.dane_identyfikacyjne.nip.0.as_str();
    for field in ctx.facts().ksef_numbers() {
        let Some(prefix) = field.value.get(..10) else {
            continue;
        };
        if nip::check_format(prefix).is_err() || prefix == seller {
            continue;
        }
        out.report(
            &KSEF_NUMBER_SELLER,
            &field.path,
            format!(
                "the KSeF number {} starts with the NIP {prefix}, not with the seller's NIP {seller} (Podmiot1): a KSeF number carries the NIP of its invoice's seller",
                field.value
            ),
        )
        .help = Some(
            "check that the number belongs to one of the seller's own invoices and copy it from its KSeF acceptance confirmation (UPO)".into(),
        );
    }
}
