//! `FA3-FTR-001` bdo-number.

use crate::facts::parties::token;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each `Stopka/Rejestry/BDO` (the number in the waste database) is all
    /// digits. The schema allows 1 to 9 characters of any kind.
    ///
    /// The other parts of the catalog entry are checked elsewhere: the REGON
    /// check digit by FA3-ID-006, the 10 digits of `KRS` and the length of
    /// `BDO` by the schema.
    ///
    /// ## Why it matters
    /// BDO numbers (Baza danych o produktach i opakowaniach oraz o
    /// gospodarce odpadami) are numeric, up to 9 digits. Letters, spaces or
    /// a `BDO:` prefix in the field mean the number was typed by hand or
    /// copied with its label. KSeF does not check it. Source: the FA(3)
    /// schema (`BDO`, max 9 characters); the MF FA(3) brochure, §15.1.
    ///
    /// ## Example
    /// ```xml
    /// <BDO>ABC123</BDO>
    /// ```
    ///
    /// ## Fix
    /// Give only the digits of the BDO number, e.g. `000099999`.
    pub static BDO_NUMBER = {
        code: "FA3-FTR-001",
        name: "bdo-number",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let Some(content) = invoice.stopka.as_ref().and_then(|s| s.content.as_ref()) else {
        return;
    };
    for (i, rejestry) in content.rejestry.iter().enumerate() {
        let Some(bdo) = rejestry.content.as_ref().and_then(|c| c.bdo.as_ref()) else {
            continue;
        };
        let value = token(&bdo.0);
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        out.report(
            &BDO_NUMBER,
            crate::facts::indexed_child("/Faktura/Stopka", "Rejestry", i, "BDO"),
            format!("the BDO number \"{value}\" is not all digits"),
        )
        .help = Some(
            "give only the digits of the BDO number (up to 9), without a label or spaces".into(),
        );
    }
}
