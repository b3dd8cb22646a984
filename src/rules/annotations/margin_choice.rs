//! `FA3-ADN-006` margin-choice: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// `Adnotacje/PMarzy` is either `P_PMarzy=1` with exactly one of `P_PMarzy_2`, `P_PMarzy_3_1`,
    /// `P_PMarzy_3_2` or `P_PMarzy_3_3` (which margin procedure), or `P_PMarzyN=1`.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's choice in `PMarzy`; VAT Act art. 119, 120.
    ///
    /// ## Example
    /// ```xml
    /// <PMarzy><P_PMarzy>1</P_PMarzy></PMarzy> <!-- which procedure? -->
    /// ```
    ///
    /// ## Fix
    /// Name the procedure after `P_PMarzy=1` (travel agencies `P_PMarzy_2`, second-hand goods
    /// `P_PMarzy_3_1`, works of art `P_PMarzy_3_2`, collectors' items and antiques `P_PMarzy_3_3`), or
    /// write `<P_PMarzyN>1</P_PMarzyN>`.
    pub static MARGIN_CHOICE = {
        code: "FA3-ADN-006",
        name: "margin-choice",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    inside: &["/Faktura/Fa/Adnotacje/PMarzy"],
    what: "PMarzy is P_PMarzy=1 with one procedure (P_PMarzy_2, P_PMarzy_3_1, P_PMarzy_3_2 or P_PMarzy_3_3), or P_PMarzyN=1",
    help: "after P_PMarzy give exactly one of P_PMarzy_2, P_PMarzy_3_1, P_PMarzy_3_2, P_PMarzy_3_3, or write <P_PMarzyN>1</P_PMarzyN>",
    ..SchemaMapping::NONE
};
