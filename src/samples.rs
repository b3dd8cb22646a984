//! Ready-made invoices for benchmarks, tests and generator seeds.

use crate::model::{Faktura, TNaturalnyType};
use crate::parse::{ParseError, parse};

/// The bundled example invoice (the Ministry of Finance's FA(3) example 1).
pub const EXAMPLE: &[u8] = include_bytes!("../examples/invoices/FA_3_Przyklad_1.xml");

/// The bundled example with its invoice lines repeated up to `rows` lines
/// (`NrWierszaFa` 1..=rows). FA(3) allows at most 10,000 lines.
pub fn invoice_with_rows(rows: usize) -> Result<Faktura, ParseError> {
    let mut invoice = parse(EXAMPLE)?;
    let template = invoice.fa.fa_wiersz.clone();
    invoice.fa.fa_wiersz = (0..rows)
        .filter_map(|i| {
            let mut row = template.get(i % template.len().max(1))?.clone();
            row.nr_wiersza_fa = TNaturalnyType(i + 1);
            row.uu_id = None;
            Some(row)
        })
        .collect();
    Ok(invoice)
}

#[cfg(test)]
mod tests {
    #[test]
    fn rows_are_numbered() {
        let inv = super::invoice_with_rows(7).unwrap();
        assert_eq!(inv.fa.fa_wiersz.len(), 7);
        assert_eq!(inv.fa.fa_wiersz[6].nr_wiersza_fa.0, 7);
    }
}
