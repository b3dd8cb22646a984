//! `FA3-ROW-015` uu-id-duplicate.

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
    let id_of = |i: usize| {
        lines
            .get(i)
            .and_then(|l| l.row.uu_id.as_ref())
            .map(|u| token(&u.0))
    };
    // The lines with a UU_ID, ordered by it (and by position among equals):
    // each run of equal ones is a UU_ID with the lines that have it. (A
    // sorted list of indices: a few bytes per line, where a map of
    // thousands of identifiers would hold far more.)
    let mut by_id: Vec<usize> = (0..lines.len()).filter(|&i| id_of(i).is_some()).collect();
    by_id.sort_unstable_by(|&a, &b| id_of(a).cmp(&id_of(b)).then(a.cmp(&b)));
    // Each line that repeats an earlier line's UU_ID, with that first line.
    let mut repeats = Vec::new();
    for run in by_id.chunk_by(|&a, &b| id_of(a) == id_of(b)) {
        if let [first, rest @ ..] = run {
            for (count, &index) in rest.iter().enumerate() {
                // A second line may be the corrected state of the first.
                if count > 0 || !is_correction_pair(ctx, *first, index) {
                    repeats.push((index, *first));
                }
            }
        }
    }
    repeats.sort_unstable();
    for (index, first) in repeats {
        let (Some(line), Some(id)) = (lines.get(index), id_of(index)) else {
            continue;
        };
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
