//! `FA3-ID-003` placeholder-nip.

use crate::diagnostic::Severity;
use crate::domain::nip;
use crate::facts::concat;
use crate::facts::parties::PartyId;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};
use crate::settings::Environment;

crate::declare_rule! {
    /// ## What it checks
    /// A `NIP` made of one repeated digit, such as `9999999999` or
    /// `1111111111`, in any party: the seller, the buyer, third parties, the
    /// authorised entity, the parties as on the corrected invoice and the
    /// carriers. An info, and a warning when checking for the production
    /// environment.
    ///
    /// ## Why it matters
    /// These numbers pass the NIP checksum (every one-digit repetition except
    /// `0000000000` does), so KSeF accepts them, but they are test data: the
    /// Ministry of Finance's sample invoices use `9999999999` and the KSeF
    /// documentation's QR examples `1111111111`. On production such an invoice
    /// names no real taxpayer, and the buyer never receives it in KSeF.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot1>
    ///   <DaneIdentyfikacyjne>
    ///     <NIP>9999999999</NIP>
    /// ```
    ///
    /// ## Fix
    /// Replace test data with the parties' real NIPs before sending to
    /// production.
    pub static PLACEHOLDER_NIP = {
        code: "FA3-ID-003",
        name: "placeholder-nip",
        severity: Info,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let production = ctx.settings.env == Environment::Prd;
    let severity = if production {
        Severity::Warning
    } else {
        PLACEHOLDER_NIP.meta.severity
    };
    for party in ctx.facts().parties() {
        let PartyId::Nip(value) = party.id else {
            continue;
        };
        if !nip::is_placeholder(value) {
            continue;
        }
        let context = if production {
            "it names no real taxpayer on production"
        } else {
            "fine on the test environment, but not on production"
        };
        out.report_at(
            &PLACEHOLDER_NIP,
            severity,
            party.id_path("NIP"),
            concat(&[
                "the NIP ",
                value,
                " of ",
                party.label(),
                " is a test placeholder: ",
                context,
            ]),
        )
        .help = Some("use the party's real NIP".into());
    }
}
