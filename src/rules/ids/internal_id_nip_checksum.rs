//! `FA3-NIP-002` internal-id-nip-checksum.

use crate::domain::idwew::{IdWew, IdWewError};
use crate::facts::parties::PartyId;
use crate::model::Faktura;
use crate::rules::ids::{
    NIP_CHECKSUM_HELP, nip_checksum_problem, production_consequence, production_error,
};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The NIP part of a third party's internal identifier,
    /// `Podmiot3/DaneIdentyfikacyjne/IDWew` (`NIP-NNNNN`), has a valid check
    /// digit (the NIP algorithm of FA3-NIP-001). An error when checking for
    /// the production environment, a warning for test and demo.
    ///
    /// ## Why it matters
    /// KSeF production verifies the NIP inside the internal identifier and
    /// rejects the invoice ("Walidacja numeru NIP w identyfikatorze
    /// wewnętrznym", KSeF docs: weryfikacja-faktury; API changelog 2.0.1). The
    /// five-digit suffix has no documented checksum and is not checked; the
    /// format itself is checked by the schema.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot3>
    ///   <DaneIdentyfikacyjne>
    ///     <IDWew>5265877636-00001</IDWew> <!-- 5265877636 fails the NIP checksum -->
    /// ```
    ///
    /// ## Fix
    /// Use the internal identifier exactly as the unit's parent taxpayer
    /// received it from KSeF: its NIP followed by the five-digit unit number.
    pub static INTERNAL_ID_NIP_CHECKSUM = {
        code: "FA3-NIP-002",
        name: "internal-id-nip-checksum",
        severity: Error,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let severity = production_error(ctx);
    for party in ctx.facts().parties() {
        let PartyId::IdWew(id) = party.id else {
            continue;
        };
        let Err(IdWewError::Nip(err)) = IdWew::parse(id) else {
            continue;
        };
        if err.is_format() {
            continue;
        }
        let nip = id.split_once('-').map_or(id, |(nip, _)| nip);
        out.report_at(
            &INTERNAL_ID_NIP_CHECKSUM,
            severity,
            party.id_path("IDWew"),
            format!(
                "the NIP part {nip} of the internal identifier {id} of {} is not valid: {}; {}",
                party.label(),
                nip_checksum_problem(err),
                production_consequence(severity)
            ),
        )
        .help = Some(format!(
            "the part before `-` is the parent taxpayer's NIP; {NIP_CHECKSUM_HELP}"
        ));
    }
}
