//! `FA3-NIP-001` nip-checksum.

use crate::domain::nip::Nip;
use crate::facts::parties::PartyId;
use crate::model::Faktura;
use crate::rules::ids::{
    NIP_CHECKSUM_HELP, nip_checksum_problem, production_consequence, production_error,
};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The check digit of `DaneIdentyfikacyjne/NIP` in `Podmiot1` (seller),
    /// `Podmiot2` (buyer), every `Podmiot3` (third party) and
    /// `PodmiotUpowazniony` (authorised entity). The weighted sum of the first
    /// nine digits (weights 6, 5, 7, 2, 3, 4, 5, 6, 7) modulo 11 must equal the
    /// tenth digit; a remainder of 10 means no valid NIP starts with those
    /// nine digits. An error when checking for the production environment, a
    /// warning for test and demo.
    ///
    /// ## Why it matters
    /// KSeF production rejects the invoice ("Walidacja numeru NIP … Dotyczy
    /// tylko środowiska produkcyjnego", KSeF docs: weryfikacja-faktury; API
    /// changelog 2.0.1). The test and demo environments accept it unless the
    /// sender opts in with the `X-KSeF-Feature: subject-identifier-validation`
    /// header (API 2.8.0), so an invoice that passes on test can still be
    /// rejected on production. The format (ten digits, no `PL` prefix) is
    /// checked by the schema.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2>
    ///   <DaneIdentyfikacyjne>
    ///     <NIP>7335255570</NIP> <!-- the check digit should be 9 -->
    /// ```
    ///
    /// ## Fix
    /// Copy the NIP from the taxpayer's registration (the VAT white list,
    /// CEIDG or KRS). A wrong check digit is a typo somewhere in the number,
    /// not necessarily in its last digit.
    pub static NIP_CHECKSUM = {
        code: "FA3-NIP-001",
        name: "nip-checksum",
        severity: Error,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let severity = production_error(ctx);
    for party in ctx.facts().parties() {
        if !party.role.nip_checked_by_ksef() {
            continue;
        }
        let PartyId::Nip(nip) = party.id else {
            continue;
        };
        // Format problems are schema errors, reported by the schema validator.
        let Err(err) = Nip::parse(nip) else { continue };
        if err.is_format() {
            continue;
        }
        let consequence = production_consequence(severity);
        out.report_at(
            &NIP_CHECKSUM,
            severity,
            party.id_path("NIP"),
            format!(
                "the NIP {nip} of {} is not valid: {}; {consequence}",
                party.label(),
                nip_checksum_problem(err)
            ),
        )
        .help = Some(NIP_CHECKSUM_HELP.into());
    }
}
