//! `FA3-ROW-002` line-number-sequence.

use std::collections::HashSet;

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// On an invoice that is not a correction, the lines are numbered 1, 2,
    /// 3, … in document order (`NrWierszaFa`). Only the first line out of
    /// sequence is reported. Invoices that reuse a number are left to
    /// FA3-ROW-001.
    ///
    /// Refined: corrections (`KOR`, `KOR_ZAL`, `KOR_ROZ`) are not checked,
    /// since their lines may keep the numbers of the corrected invoice's
    /// lines (a correction of line 3 only may number its row 3) and before/after
    /// pairs share a number (official examples 2 and 18).
    ///
    /// ## Why it matters
    /// The schema describes `NrWierszaFa` as "Kolejny numer wiersza faktury"
    /// (the next line number). Gaps or a jumbled order usually mean lines
    /// were dropped or merged by the generator, and later corrections refer
    /// to lines by these numbers. Source: the FA(3) schema's annotation of
    /// `NrWierszaFa`.
    ///
    /// ## Example
    /// ```xml
    /// <NrWierszaFa>1</NrWierszaFa> ... <NrWierszaFa>2</NrWierszaFa> ...
    /// <NrWierszaFa>5</NrWierszaFa> <!-- expected 3 -->
    /// ```
    ///
    /// ## Fix
    /// Number the lines consecutively from 1.
    pub static LINE_NUMBER_SEQUENCE = {
        code: "FA3-ROW-002",
        name: "line-number-sequence",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if ctx.facts().kind().is_correction() {
        return;
    }
    let lines = &ctx.facts().rates().lines;
    // Lines numbered 1, 2, 3, … need no more; only a gap asks whether the
    // numbers are distinct (duplicates are FA3-ROW-001's).
    let Some((position, line)) = (1usize..).zip(lines).find(|(p, l)| l.number != *p) else {
        return;
    };
    let distinct: HashSet<usize> = lines.iter().map(|l| l.number).collect();
    if distinct.len() != lines.len() {
        return;
    }
    out.report(
        &LINE_NUMBER_SEQUENCE,
        line.field("NrWierszaFa"),
        format!(
            "NrWierszaFa of FaWiersz[{position}] is {number}, expected {position}: the lines are numbered 1, 2, 3, … in document order",
            number = line.number,
        ),
    )
    .help = Some(format!("number this line {position} and the lines after it consecutively"));
}
