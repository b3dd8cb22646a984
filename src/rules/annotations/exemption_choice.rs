//! `FA3-ADN-002` exemption-choice: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// `Adnotacje/Zwolnienie` is either `P_19=1` with exactly one legal basis (`P_19A`, `P_19B` or
    /// `P_19C`), or `P_19N=1`.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's choice in `Zwolnienie`; VAT Act art. 106e ust. 1 pkt 19.
    ///
    /// ## Example
    /// ```xml
    /// <Zwolnienie><P_19>1</P_19></Zwolnienie> <!-- no legal basis -->
    /// ```
    ///
    /// ## Fix
    /// With `P_19=1` give the legal basis of the exemption in one of `P_19A` (the act), `P_19B`
    /// (the directive) or `P_19C` (another basis); without an exemption write `<P_19N>1</P_19N>`.
    pub static EXEMPTION_CHOICE = {
        code: "FA3-ADN-002",
        name: "exemption-choice",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    inside: &["/Faktura/Fa/Adnotacje/Zwolnienie"],
    what: "Zwolnienie is P_19=1 with one legal basis (P_19A, P_19B or P_19C), or P_19N=1",
    help: "after P_19 give the exemption's legal basis in exactly one of P_19A, P_19B or P_19C, or write <P_19N>1</P_19N>",
    ..SchemaMapping::NONE
};
