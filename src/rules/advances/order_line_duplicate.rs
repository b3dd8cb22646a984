//! `FA3-ZAL-004` order-line-duplicate.

use std::collections::HashMap;

use crate::facts::parties::token;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each `ZamowienieWiersz` has its own `NrWierszaZam`, and each `UU_IDZ`
    /// given is used once. On a correction of an advance invoice, a row
    /// before the correction (`StanPrzedZ=1`) and the row after it share the
    /// number and `UU_IDZ` of the corrected row: one before row and one after
    /// row per number are allowed.
    ///
    /// Refined: the catalog asks for unique numbers; the official `KOR_ZAL`
    /// examples (11–13) repeat the number and `UU_IDZ` of each corrected
    /// order row in its before/after pair, as the XSD annotation of
    /// `Zamowienie` prescribes.
    ///
    /// ## Why it matters
    /// `NrWierszaZam` is "the next number of the order row" (XSD annotation)
    /// and `UU_IDZ` the row's universal unique identifier. A repeated number
    /// makes `DodatkowyOpis/NrWiersza` references and later corrections of
    /// the row ambiguous.
    ///
    /// ## Example
    /// ```xml
    /// <ZamowienieWiersz><NrWierszaZam>1</NrWierszaZam>...</ZamowienieWiersz>
    /// <ZamowienieWiersz><NrWierszaZam>1</NrWierszaZam>...</ZamowienieWiersz>
    /// ```
    ///
    /// ## Fix
    /// Number the order rows 1, 2, 3, ... and give each row its own `UU_IDZ`;
    /// repeat a number only for the before/after rows of a correction.
    pub static ORDER_LINE_DUPLICATE = {
        code: "FA3-ZAL-004",
        name: "order-line-duplicate",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// How often a key was seen before and after the correction, and where
/// first.
#[derive(Default)]
struct Seen {
    before: usize,
    after: usize,
    first: usize,
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(order) = &ctx.facts().advance().order else {
        return;
    };
    let mut numbers: HashMap<usize, Seen> = HashMap::new();
    let mut ids: HashMap<&str, Seen> = HashMap::new();
    for line in &order.lines {
        let seen = numbers.entry(line.number).or_insert_with(|| Seen {
            first: line.index + 1,
            ..Seen::default()
        });
        if bump(seen, line.before) {
            let number = line.number;
            let first = seen.first;
            out.report(
                &ORDER_LINE_DUPLICATE,
                crate::facts::child(&line.path, "NrWierszaZam"),
                format!("NrWierszaZam {number} is already used by ZamowienieWiersz[{first}]"),
            )
            .help = Some(help());
        }
        let Some(id) = line.row.uu_idz.as_ref().map(|v| token(&v.0)) else {
            continue;
        };
        let seen = ids.entry(id).or_insert_with(|| Seen {
            first: line.index + 1,
            ..Seen::default()
        });
        if bump(seen, line.before) {
            let first = seen.first;
            out.report(
                &ORDER_LINE_DUPLICATE,
                crate::facts::child(&line.path, "UU_IDZ"),
                format!("UU_IDZ {id} is already used by ZamowienieWiersz[{first}]"),
            )
            .help = Some(help());
        }
    }
}

/// Counts one more row; true when that is one too many (more than one row
/// before, or more than one after, the correction).
fn bump(seen: &mut Seen, before: bool) -> bool {
    let count = if before {
        &mut seen.before
    } else {
        &mut seen.after
    };
    *count += 1;
    *count > 1
}

fn help() -> String {
    "give each order row its own NrWierszaZam and UU_IDZ; only the before (StanPrzedZ=1) and after rows of a corrected row share them".into()
}
