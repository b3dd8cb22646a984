//! `FA3-ADN-004` new-transport-choice: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// `Adnotacje/NoweSrodkiTransportu` is either `P_22=1` with `P_42_5` and at least one
    /// `NowySrodekTransportu` (land, water or air vehicle data), or `P_22N=1`.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's choice in `NoweSrodkiTransportu`; MF brochure §9.6.
    ///
    /// ## Example
    /// ```xml
    /// <NoweSrodkiTransportu><P_22>1</P_22></NoweSrodkiTransportu>
    /// ```
    ///
    /// ## Fix
    /// For an intra-Community supply of new means of transport give `P_42_5` and the vehicle data;
    /// otherwise write `<P_22N>1</P_22N>`.
    pub static NEW_TRANSPORT_CHOICE = {
        code: "FA3-ADN-004",
        name: "new-transport-choice",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    inside: &["/Faktura/Fa/Adnotacje/NoweSrodkiTransportu"],
    what: "NoweSrodkiTransportu is P_22=1 with P_42_5 and the vehicles, or P_22N=1",
    help: "give P_42_5 and each NowySrodekTransportu after P_22=1, or write <P_22N>1</P_22N> when no new means of transport is supplied",
    ..SchemaMapping::NONE
};
