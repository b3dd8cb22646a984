//! `FA3-ROW-014` line-reference-unknown.

use std::collections::HashSet;

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each `Fa/DodatkowyOpis/NrWiersza` names a line that exists: a
    /// `FaWiersz/NrWierszaFa` or an order line's `Zamowienie/ZamowienieWiersz/NrWierszaZam`.
    /// (The lengths of `Klucz` and `Wartosc`, at most 256 characters, are
    /// checked by the schema.)
    ///
    /// ## Why it matters
    /// The schema's annotation of `NrWiersza`: "Numer wiersza podany w polu
    /// NrWierszaFa lub NrWierszaZam, jeśli informacja odnosi się wyłącznie do
    /// danej pozycji faktury". A number that matches no line attaches the
    /// extra information to nothing. KSeF does not check it.
    ///
    /// ## Example
    /// ```xml
    /// <DodatkowyOpis>
    ///   <NrWiersza>42</NrWiersza> <!-- the invoice has 3 lines -->
    ///   <Klucz>kolor</Klucz>
    ///   <Wartosc>biały</Wartosc>
    /// </DodatkowyOpis>
    /// ```
    ///
    /// ## Fix
    /// Give the number of the line the information is about, or leave
    /// `NrWiersza` out when it is about the whole invoice.
    pub static LINE_REFERENCE_UNKNOWN = {
        code: "FA3-ROW-014",
        name: "line-reference-unknown",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let fa = &invoice.fa;
    if fa.dodatkowy_opis.iter().all(|o| o.nr_wiersza.is_none()) {
        return;
    }
    let mut known: HashSet<usize> = ctx.facts().rates().lines.iter().map(|l| l.number).collect();
    let order_lines = fa
        .zamowienie
        .iter()
        .flat_map(|z| &z.zamowienie_wiersz)
        .map(|w| w.nr_wiersza_zam.0);
    known.extend(order_lines);
    for (i, opis) in fa.dodatkowy_opis.iter().enumerate() {
        let Some(number) = opis.nr_wiersza.as_ref().map(|n| n.0) else {
            continue;
        };
        if known.contains(&number) {
            continue;
        }
        out.report(
            &LINE_REFERENCE_UNKNOWN,
            crate::facts::indexed_child("/Faktura/Fa", "DodatkowyOpis", i, "NrWiersza"),
            format!(
                "DodatkowyOpis[{position}] refers to line {number}, but no FaWiersz/NrWierszaFa or ZamowienieWiersz/NrWierszaZam has that number",
                position = i + 1
            ),
        )
        .help = Some(
            "give the NrWierszaFa (or NrWierszaZam) of the line the information is about, or leave NrWiersza out for the whole invoice".into(),
        );
    }
}
