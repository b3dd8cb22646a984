//! `FA3-PM2-005` nip-in-foreign-id-spelled.

use crate::facts::parties::{PartyId, Role};
use crate::model::Faktura;
use crate::rules::parties::nip_in_nrid;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A Polish NIP given as a foreign tax number in a spelling that
    /// FA3-ID-013 does not recognise: in `Podmiot2`, each `Podmiot3` and the
    /// carriers, a `NrID` (with `KodKraju=PL` or without `KodKraju`) that is a
    /// valid NIP once separators, spaces and a `PL` prefix are removed, such
    /// as `526-587-76-35` or `PL 526 587 76 35`.
    ///
    /// Refined: the catalog's rule (a Polish NIP in `NrVatUE` with `KodUE=PL`,
    /// or in `NrID` with `KodKraju=PL` or none) is FA3-ID-013 for the plain
    /// spellings (`5265877635`, `PL5265877635`) and for every `KodUE=PL`; this
    /// rule covers only the spellings with separators, which `NrVatUE` cannot
    /// have (its schema pattern allows none). A value with a wrong NIP
    /// checksum is not taken for a NIP.
    ///
    /// ## Why it matters
    /// A Polish buyer's NIP belongs in `DaneIdentyfikacyjne/NIP` and never in
    /// `NrVatUE` or `NrID` (MF brochure on FA(3), §2.10 and the buyer's data,
    /// "critical rule"): KSeF makes the invoice available to the buyer only
    /// by the `NIP` field, so a buyer identified by `NrID` never receives it.
    ///
    /// ## Example
    /// ```xml
    /// <KodKraju>PL</KodKraju>
    /// <NrID>526-587-76-35</NrID>
    /// ```
    ///
    /// ## Fix
    /// Replace `KodKraju` and `NrID` with `<NIP>5265877635</NIP>`: ten digits,
    /// without the prefix and separators.
    pub static NIP_IN_FOREIGN_ID_SPELLED = {
        code: "FA3-PM2-005",
        name: "nip-in-foreign-id-spelled",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for party in ctx.facts().parties() {
        if !matches!(party.role, Role::Buyer | Role::ThirdParty | Role::Carrier) {
            continue;
        }
        let PartyId::Foreign { kod_kraju, number } = &party.id else {
            continue;
        };
        let Some(found) = nip_in_nrid(kod_kraju.as_deref(), number) else {
            continue;
        };
        if found.exact {
            continue; // FA3-ID-013
        }
        let who = if party.role == Role::Buyer {
            "; KSeF makes an invoice available to the buyer only by NIP, so the buyer will not receive this one"
        } else {
            ""
        };
        out.report(
            &NIP_IN_FOREIGN_ID_SPELLED,
            party.id_path("NrID"),
            format!(
                "{label} is identified by NrID \"{number}\", which is the Polish NIP {nip} written with separators{who}",
                label = party.label(),
                nip = found.nip
            ),
        )
        .help = Some(format!(
            "replace KodKraju and NrID with <NIP>{nip}</NIP> in DaneIdentyfikacyjne",
            nip = found.nip
        ));
    }
}
