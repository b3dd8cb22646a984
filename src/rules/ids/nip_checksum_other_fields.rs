//! `FA3-ID-002` nip-checksum-other-fields.

use crate::domain::nip::{self, Nip};
use crate::facts::parties::{PartyId, Role};
use crate::model::Faktura;
use crate::rules::ids::{NIP_CHECKSUM_HELP, nip_checksum_problem};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The NIP check digit (weights 6, 5, 7, 2, 3, 4, 5, 6, 7, modulo 11; a
    /// remainder of 10 is never valid) where KSeF does not verify it: the NIP
    /// of `Fa/Podmiot1K` and `Fa/Podmiot2K` (the parties as on the corrected
    /// invoice), of each carrier (`Transport/Przewoznik`), and the NIP that
    /// starts each KSeF number in `DaneFaKorygowanej/NrKSeFFaKorygowanej` and
    /// `FakturaZaliczkowa/NrKSeFFaZaliczkowej`. The NIPs that KSeF does verify
    /// are FA3-NIP-001.
    ///
    /// ## Why it matters
    /// KSeF accepts these invoices, but a NIP that fails its checksum is a
    /// typo: the corrected data do not match the original invoice, the
    /// carrier cannot be identified, or the KSeF number points to no invoice.
    /// The algorithm is the one KSeF applies to the main parties (KSeF docs:
    /// weryfikacja-faktury).
    ///
    /// ## Example
    /// ```xml
    /// <NrKSeFFaKorygowanej>5265877636-20250826-0100001AF629-63</NrKSeFFaKorygowanej>
    /// <!-- 5265877636 fails the NIP checksum -->
    /// ```
    ///
    /// ## Fix
    /// Copy the NIP from the original invoice or the taxpayer's registration,
    /// and KSeF numbers from the KSeF acceptance confirmation (UPO).
    pub static NIP_CHECKSUM_OTHER_FIELDS = {
        code: "FA3-ID-002",
        name: "nip-checksum-other-fields",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for party in ctx.facts().parties() {
        if !matches!(
            party.role,
            Role::CorrectedSeller | Role::CorrectedBuyer | Role::Carrier
        ) {
            continue;
        }
        let PartyId::Nip(value) = party.id else {
            continue;
        };
        let Err(err) = Nip::parse(value) else {
            continue;
        };
        if err.is_format() {
            continue;
        }
        out.report(
            &NIP_CHECKSUM_OTHER_FIELDS,
            party.id_path("NIP"),
            format!(
                "the NIP {value} of {} is not valid: {}",
                party.label(),
                nip_checksum_problem(err)
            ),
        )
        .help = Some(NIP_CHECKSUM_HELP.into());
    }
    for field in ctx.facts().ksef_numbers() {
        let Some(prefix) = field.value.get(..10) else {
            continue;
        };
        // Only a NIP-shaped prefix; `M…` and letter prefixes are not NIPs.
        if nip::check_format(prefix).is_err() {
            continue;
        }
        let Err(err) = Nip::parse(prefix) else {
            continue;
        };
        out.report(
            &NIP_CHECKSUM_OTHER_FIELDS,
            &field.path,
            format!(
                "the KSeF number {} starts with {prefix}, which is not a valid NIP: {}",
                field.value,
                nip_checksum_problem(err)
            ),
        )
        .help = Some(
            "a KSeF number starts with the seller's NIP: copy the number from the KSeF acceptance confirmation (UPO) of the referenced invoice".into(),
        );
    }
}
