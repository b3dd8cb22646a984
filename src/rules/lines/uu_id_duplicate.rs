//! `FA3-ROW-015` uu-id-duplicate.

use std::collections::HashMap;

use crate::facts::parties::token;
use crate::facts::push_number;
use crate::model::Faktura;
use crate::rules::lines::{is_correction_pair, push_describe};
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
    // Per UU_ID: the first line that has it and how many lines have had it.
    let mut seen: HashMap<&str, (usize, usize)> = HashMap::with_capacity(lines.len());
    for line in lines {
        let Some(id) = line.row.uu_id.as_ref().map(|u| token(&u.0)) else {
            continue;
        };
        let (first, count) = seen.entry(id).or_insert((line.index, 0));
        let allowed = match count {
            0 => true,
            1 => is_correction_pair(ctx, *first, line.index),
            _ => false,
        };
        *count += 1;
        if !allowed {
            let mut message = String::with_capacity(80 + id.len());
            push_describe(&mut message, line);
            message.push_str(" has the UU_ID ");
            message.push_str(id);
            message.push_str(", which FaWiersz[");
            push_number(&mut message, first.saturating_add(1));
            message.push_str("] already has");
            out.report(&UU_ID_DUPLICATE, line.field("UU_ID"), message)
                .help = Some("give each line its own UU_ID, e.g. a UUID".into());
        }
    }
}
