//! `FA3-ROW-015` uu-id-duplicate.

use std::collections::HashMap;

use crate::facts::parties::token;
use crate::model::Faktura;
use crate::rules::lines::{describe, is_correction_pair};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each line's universal unique line number (`FaWiersz/UU_ID`) is used
    /// by that line only. As for `NrWierszaFa` (FA3-ROW-001), a
    /// correction's `StanPrzed` row and its after row may share one.
    ///
    /// Refined: the official examples 2 and 18 give each before/after pair
    /// the same `UU_ID` (it identifies the corrected line), so a pair is not
    /// reported.
    ///
    /// ## Why it matters
    /// The schema calls `UU_ID` "Uniwersalny unikalny numer wiersza faktury":
    /// systems use it to match lines across invoices and corrections. A
    /// repeated value usually means a generator copied a line without a new
    /// identifier. KSeF does not check it.
    ///
    /// ## Example
    /// ```xml
    /// <FaWiersz><NrWierszaFa>1</NrWierszaFa><UU_ID>aaaa111133339990</UU_ID>...
    /// <FaWiersz><NrWierszaFa>2</NrWierszaFa><UU_ID>aaaa111133339990</UU_ID>...
    /// ```
    ///
    /// ## Fix
    /// Give each line its own `UU_ID` (e.g. a UUID).
    pub static UU_ID_DUPLICATE = {
        code: "FA3-ROW-015",
        name: "uu-id-duplicate",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let lines = &ctx.facts().rates().lines;
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    for line in lines {
        let Some(id) = line.row.uu_id.as_ref().map(|u| token(&u.0)) else {
            continue;
        };
        let earlier = seen.entry(id).or_default();
        let allowed = match earlier.as_slice() {
            [] => true,
            [single] => is_correction_pair(ctx, *single, line.index),
            _ => false,
        };
        if !allowed && let Some(&first) = earlier.first() {
            out.report(
                &UU_ID_DUPLICATE,
                line.field("UU_ID"),
                format!(
                    "{line} has the UU_ID {id}, which FaWiersz[{first}] already has",
                    line = describe(line),
                    first = first + 1
                ),
            )
            .help = Some("give each line its own UU_ID, e.g. a UUID".into());
        }
        earlier.push(line.index);
    }
}
