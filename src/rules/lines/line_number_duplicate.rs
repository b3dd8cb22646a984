//! `FA3-ROW-001` line-number-duplicate.

use std::collections::HashMap;

use crate::facts::push_number;
use crate::model::Faktura;
use crate::rules::lines::is_correction_pair;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each `FaWiersz/NrWierszaFa` is used by one line only. The one
    /// exception is a correction's before/after pair: a `StanPrzed` row (the
    /// state before) and the row that follows it with the state after may
    /// share a number.
    ///
    /// Refined: the catalog asks for unique numbers on corrections too (the
    /// `StanPrzed` annotation speaks of "osobnych wierszy z odrębną
    /// numeracją"), but the official examples 2 and 18 number each before
    /// row and its after row alike, so a pair may share its number; any
    /// third line with it, or two rows that are not a pair, still count.
    ///
    /// ## Why it matters
    /// `NrWierszaFa` is "Kolejny numer wiersza faktury": other fields point
    /// at lines by it (`DodatkowyOpis/NrWiersza`, `P_NrWierszaNST`), and a
    /// later correction names the line it corrects by its number. Two lines
    /// with one number make those references ambiguous. KSeF does not check
    /// it. Sources: the FA(3) schema's annotations of `NrWierszaFa` and
    /// `StanPrzed`.
    ///
    /// ## Example
    /// ```xml
    /// <FaWiersz><NrWierszaFa>1</NrWierszaFa>...</FaWiersz>
    /// <FaWiersz><NrWierszaFa>1</NrWierszaFa>...</FaWiersz> <!-- again 1 -->
    /// ```
    ///
    /// ## Fix
    /// Number the lines 1, 2, 3, … in order.
    pub static LINE_NUMBER_DUPLICATE = {
        code: "FA3-ROW-001",
        name: "line-number-duplicate",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let lines = &ctx.facts().rates().lines;
    // Increasing numbers (the usual 1, 2, 3, …) cannot repeat.
    if lines.windows(2).all(|w| match w {
        [a, b] => a.number < b.number,
        _ => true,
    }) {
        return;
    }
    // Per number: the first line that has it and how many lines have had it.
    let mut seen: HashMap<usize, (usize, usize)> = HashMap::with_capacity(lines.len());
    for line in lines {
        let (first, count) = seen.entry(line.number).or_insert((line.index, 0));
        let allowed = match count {
            0 => true,
            1 => is_correction_pair(ctx, *first, line.index),
            _ => false,
        };
        *count += 1;
        if !allowed && let Some(first) = lines.get(*first) {
            let mut message = String::with_capacity(80);
            message.push_str("FaWiersz[");
            push_number(&mut message, line.index.saturating_add(1));
            message.push_str("] has NrWierszaFa ");
            push_number(&mut message, line.number);
            message.push_str(", which FaWiersz[");
            push_number(&mut message, first.index.saturating_add(1));
            message.push_str("] already uses");
            out.report(&LINE_NUMBER_DUPLICATE, line.field("NrWierszaFa"), message)
                .help = Some(
                "give every line its own number (1, 2, 3, …); only a StanPrzed row and its after row may share one".into(),
            );
        }
    }
}
