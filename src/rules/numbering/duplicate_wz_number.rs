//! `FA3-WZ-001` duplicate-wz-number.

use std::collections::HashMap;

use crate::facts::indexed;
use crate::facts::parties::token;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each warehouse issue document number, `Fa/WZ` (up to 1000), is listed
    /// once. Values are compared as the schema reads them (whitespace at the
    /// ends removed); that they are not empty is checked by the schema.
    ///
    /// ## Why it matters
    /// `WZ` lists the "Numery dokumentów magazynowych WZ (wydanie na
    /// zewnątrz) związane z fakturą" (schemat_FA(3)_v1-0E.xsd). A number
    /// listed twice adds nothing and usually means a document was merged
    /// twice, or another number was meant.
    ///
    /// ## Example
    /// ```xml
    /// <WZ>WZ/2026/11/7</WZ>
    /// <WZ>WZ/2026/11/7</WZ>
    /// ```
    ///
    /// ## Fix
    /// List each WZ document once; check whether another number was meant.
    pub static DUPLICATE_WZ_NUMBER = {
        code: "FA3-WZ-001",
        name: "duplicate-wz-number",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let mut first_seen: HashMap<&str, usize> = HashMap::new();
    for (i, wz) in invoice.fa.wz.iter().enumerate() {
        let number = token(&wz.0);
        let Some(&first) = first_seen.get(number) else {
            first_seen.insert(number, i);
            continue;
        };
        out.report(
            &DUPLICATE_WZ_NUMBER,
            indexed("/Faktura/Fa", "WZ", i),
            format!(
                "the WZ document {number} is listed twice: as WZ[{again}] and already as WZ[{first}]",
                again = i + 1,
                first = first + 1
            ),
        )
        .help = Some("list each WZ document once".into());
    }
}
