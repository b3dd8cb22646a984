//! `FA3-ATT-011` table-cell-count.

use crate::facts::indexed;
use crate::model::Faktura;
use crate::rules::attachments::{is_heading_row, tables};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// In each table of the attachment (`Zalacznik/BlokDanych/Tabela`), every
    /// row (`Wiersz`) has one cell (`WKom`) per column of the header
    /// (`TNaglowek/Kol`), and the totals row (`Suma`) has no more cells
    /// (`SKom`) than there are columns.
    ///
    /// Refined: a row with a single cell in a table of several columns is a
    /// heading that spans the row, and is accepted. The official examples 24
    /// and 25 introduce each group of data rows this way (e.g. a one-cell
    /// row "Opłata OZE" above a nine-cell row).
    ///
    /// ## Why it matters
    /// The schema cannot tie the number of cells to the number of columns,
    /// so a row with a missing or extra cell is accepted by KSeF, but every
    /// value after the gap lands under the wrong column when the attachment
    /// is shown or read by the buyer's system (MF FA(3) brochure, §16.2).
    ///
    /// ## Example
    /// ```xml
    /// <TNaglowek><Kol Typ="txt">…</Kol><Kol Typ="int">…</Kol><Kol Typ="dec">…</Kol></TNaglowek>
    /// <Wiersz><WKom>kWh</WKom><WKom>20</WKom></Wiersz> <!-- 2 cells, 3 columns -->
    /// ```
    ///
    /// ## Fix
    /// Give every row one `WKom` per column; write an empty cell as
    /// `<WKom/>` (or `-`) rather than leaving it out.
    pub static TABLE_CELL_COUNT = {
        code: "FA3-ATT-011",
        name: "table-cell-count",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    const HELP: &str = "give every row one WKom per column of TNaglowek (an empty cell as <WKom/> or -); a single-cell row may serve as a heading";
    for (path, table) in tables(invoice) {
        let columns = table.t_naglowek.kol.len();
        for (k, row) in table.wiersz.iter().enumerate() {
            let cells = row.w_kom.len();
            if cells == columns || is_heading_row(cells, columns) {
                continue;
            }
            out.report(
                &TABLE_CELL_COUNT,
                indexed(&path, "Wiersz", k),
                format!(
                    "row {row} of the table has {cells} cell(s) (WKom), but the header has {columns} column(s) (Kol)",
                    row = k + 1
                ),
            )
            .help = Some(HELP.into());
        }
        if let Some(suma) = &table.suma
            && suma.s_kom.len() > columns
        {
            out.report(
                &TABLE_CELL_COUNT,
                format!("{path}/Suma"),
                format!(
                    "the totals row (Suma) has {cells} cells (SKom), more than the {columns} column(s) of the header",
                    cells = suma.s_kom.len()
                ),
            )
            .help = Some("give the totals row at most one SKom per column".into());
        }
    }
}
