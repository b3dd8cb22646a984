//! Attachment rules (`FA3-ATT-*`): `Zalacznik`.

use crate::facts::indexed;
use crate::model::{Faktura, FakturaZalacznikBlokDanychTabelaElementType};

pub mod attachment_in_online_session;
pub mod attachment_needs_batch_session;
pub mod attachment_structure;
pub mod attachments_not_enabled;
pub mod table_cell_count;
pub mod table_cell_type;

/// The path of the attachment element.
const ZALACZNIK: &str = "/Faktura/Zalacznik";

/// Every table of the attachment with its path
/// (`/Faktura/Zalacznik/BlokDanych[1]/Tabela[2]`), in document order.
pub(crate) fn tables(
    invoice: &Faktura,
) -> Vec<(String, &FakturaZalacznikBlokDanychTabelaElementType)> {
    let mut out = Vec::new();
    let Some(zalacznik) = &invoice.zalacznik else {
        return out;
    };
    for (i, block) in zalacznik.blok_danych.iter().enumerate() {
        let base = indexed(ZALACZNIK, "BlokDanych", i);
        for (j, table) in block
            .tabela_group
            .iter()
            .flat_map(|g| &g.tabela)
            .enumerate()
        {
            out.push((indexed(&base, "Tabela", j), table));
        }
    }
    out
}

/// True for a row with a single cell in a table of several columns: a
/// heading that spans the row (official examples 24 and 25 use them to
/// introduce each group of rows).
pub(crate) fn is_heading_row(cells: usize, columns: usize) -> bool {
    cells == 1 && columns > 1
}
