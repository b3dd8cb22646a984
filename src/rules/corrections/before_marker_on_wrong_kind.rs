//! `FA3-KOR-009` before-marker-on-wrong-kind.

use crate::facts::Kind;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The "state before the correction" markers are used only where they
    /// belong: `FaWiersz/StanPrzed=1` on `KOR` and `KOR_ROZ`, and
    /// `Zamowienie/ZamowienieWiersz/StanPrzedZ=1` on `KOR_ZAL`. One finding
    /// per kind of marker, at its first row.
    ///
    /// ## Why it matters
    /// `StanPrzed` marks an invoice line as it was before the correction "w
    /// przypadku faktury korygującej lub faktury korygującej fakturę
    /// wystawioną w związku z art. 106f ust. 3"; `StanPrzedZ` marks an order
    /// line "w przypadku faktury korygującej fakturę dokumentującą otrzymanie
    /// zapłaty … (faktura korygująca fakturę zaliczkową)"
    /// (schemat_FA(3)_v1-0E.xsd). Elsewhere the marked rows are read as the
    /// old state and left out of the totals, so the invoice's lines no
    /// longer add up to what it charges. KSeF does not check it.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>VAT</RodzajFaktury>
    /// ...
    /// <FaWiersz> ... <StanPrzed>1</StanPrzed></FaWiersz>
    /// ```
    ///
    /// ## Fix
    /// Remove the marker, or set `RodzajFaktury` to the correction it
    /// belongs to (`KOR`/`KOR_ROZ` for `StanPrzed`, `KOR_ZAL` for
    /// `StanPrzedZ`).
    pub static BEFORE_MARKER_ON_WRONG_KIND = {
        code: "FA3-KOR-009",
        name: "before-marker-on-wrong-kind",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// "`FaWiersz[2]` is" or "3 rows are (the first: `FaWiersz[2]`)".
fn counted(rows: usize, element: &str, first: usize) -> String {
    let first = first + 1;
    if rows == 1 {
        format!("{element}[{first}] is")
    } else {
        format!("{rows} rows are (the first: {element}[{first}])")
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let kind = ctx.facts().kind();
    if !matches!(kind, Kind::Kor | Kind::KorRoz) {
        let marked = &ctx.facts().correction().before_rows;
        if let Some(&first) = marked.first() {
            out.report(
                &BEFORE_MARKER_ON_WRONG_KIND,
                crate::facts::indexed_child("/Faktura/Fa", "FaWiersz", first, "StanPrzed"),
                format!(
                    "{rows} marked StanPrzed (the state before a correction), which belongs only on KOR and KOR_ROZ, but the invoice is {kind}",
                    rows = counted(marked.len(), "FaWiersz", first)
                ),
            )
            .help = Some(
                "remove StanPrzed, or use RodzajFaktury KOR (KOR_ROZ for a settlement); a KOR_ZAL marks order lines with StanPrzedZ".into(),
            );
        }
    }
    if kind != Kind::KorZal {
        let Some(order) = &invoice.fa.zamowienie else {
            return;
        };
        let marked: Vec<usize> = order
            .zamowienie_wiersz
            .iter()
            .enumerate()
            .filter(|(_, r)| r.stan_przed_z.is_some())
            .map(|(i, _)| i)
            .collect();
        if let Some(&first) = marked.first() {
            out.report(
                &BEFORE_MARKER_ON_WRONG_KIND,
                crate::facts::indexed_child("/Faktura/Fa/Zamowienie", "ZamowienieWiersz", first, "StanPrzedZ"),
                format!(
                    "{rows} marked StanPrzedZ (the state before a correction), which belongs only on KOR_ZAL, but the invoice is {kind}",
                    rows = counted(marked.len(), "ZamowienieWiersz", first)
                ),
            )
            .help = Some("remove StanPrzedZ, or use RodzajFaktury KOR_ZAL".into());
        }
    }
}
