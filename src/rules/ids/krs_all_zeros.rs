//! `FA3-ID-007` krs-all-zeros.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A `Stopka/Rejestry/KRS` of `0000000000`.
    ///
    /// ## Why it matters
    /// The schema asks for ten digits and a KRS number has no check digit, so
    /// `0000000000` passes every check, but no entity has it: it is a filler
    /// for "no KRS number".
    ///
    /// ## Example
    /// ```xml
    /// <Rejestry>
    ///   <KRS>0000000000</KRS>
    /// ```
    ///
    /// ## Fix
    /// Give the company's real KRS number, or leave `KRS` out when it has none
    /// (sole traders are not in the KRS).
    pub static KRS_ALL_ZEROS = {
        code: "FA3-ID-007",
        name: "krs-all-zeros",
        severity: Info,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let Some(content) = invoice.stopka.as_ref().and_then(|s| s.content.as_ref()) else {
        return;
    };
    for (i, rejestry) in content.rejestry.iter().enumerate() {
        let Some(krs) = rejestry.content.as_ref().and_then(|c| c.krs.as_ref()) else {
            continue;
        };
        if krs.0.bytes().all(|b| b == b'0') && !krs.0.is_empty() {
            out.report(
                &KRS_ALL_ZEROS,
                crate::facts::indexed_child("/Faktura/Stopka", "Rejestry", i, "KRS"),
                format!("the KRS number {} belongs to no entity", krs.0),
            )
            .help = Some("give the real KRS number, or leave KRS out when there is none".into());
        }
    }
}
