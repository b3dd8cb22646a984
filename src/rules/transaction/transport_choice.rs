//! `FA3-TRN-004` transport-choice: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// `Transport` gives the kind of transport (`RodzajTransportu` 1–5 or 7–8, or `TransportInny=1` with
    /// `OpisInnegoTransportu`) and the load (`OpisLadunku`, or `LadunekInny=1` with `OpisInnegoLadunku`).
    /// There is no `RodzajTransportu` 6.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's choices in `Transport`; MF brochure §13.2.
    ///
    /// ## Example
    /// ```xml
    /// <Transport><RodzajTransportu>6</RodzajTransportu>...
    /// ```
    ///
    /// ## Fix
    /// Use a listed transport code (1 sea, 2 rail, 3 road, 4 air, 5 post, 7 fixed installations,
    /// 8 inland waterways) or describe another in `OpisInnegoTransportu`, and describe the load.
    pub static TRANSPORT_CHOICE = {
        code: "FA3-TRN-004",
        name: "transport-choice",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    names: &[
        "RodzajTransportu",
        "TransportInny",
        "OpisInnegoTransportu",
        "OpisLadunku",
        "LadunekInny",
        "OpisInnegoLadunku",
    ],
    expected: &[
        "RodzajTransportu",
        "TransportInny",
        "OpisInnegoTransportu",
        "OpisLadunku",
        "LadunekInny",
        "OpisInnegoLadunku",
    ],
    what: "Transport gives the kind of transport and the load",
    help: "give RodzajTransportu (1-5, 7, 8) or TransportInny=1 with OpisInnegoTransportu, and OpisLadunku or LadunekInny=1 with OpisInnegoLadunku",
    ..SchemaMapping::NONE
};
