//! `FA3-HDR-005` system-info-missing.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// `Naglowek/SystemInfo`, the name of the system that generated the
    /// invoice, is present.
    ///
    /// ## Why it matters
    /// The element is optional, but the MF brochure on the FA(3) structure
    /// (§ 4.1) recommends filling it: it tells the buyer and the tax office
    /// which program produced the file, which helps when an invoice has to
    /// be investigated or corrected.
    ///
    /// ## Example
    /// ```xml
    /// <Naglowek>
    ///   <KodFormularza kodSystemowy="FA (3)" wersjaSchemy="1-0E">FA</KodFormularza>
    ///   <WariantFormularza>3</WariantFormularza>
    ///   <DataWytworzeniaFa>2026-11-21T08:00:00Z</DataWytworzeniaFa>
    /// </Naglowek>
    /// ```
    ///
    /// ## Fix
    /// Add `<SystemInfo>` with the program's name and version after
    /// `DataWytworzeniaFa`.
    pub static SYSTEM_INFO_MISSING = {
        code: "FA3-HDR-005",
        name: "system-info-missing",
        severity: Info,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    if invoice.naglowek.system_info.is_none() {
        out.report(
            &SYSTEM_INFO_MISSING,
            "/Faktura/Naglowek",
            "the header has no SystemInfo naming the system that generated the invoice",
        )
        .help = Some("add <SystemInfo> with the program's name and version".into());
    }
}
