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

/// `xml` with its first `FaWiersz` repeated `rows` times and numbered
/// (`NrWierszaFa` 1..=rows), the other invoice lines dropped and everything
/// else kept byte for byte: the large valid document of the benchmarks.
/// Each line keeps its own `UU_ID` as real invoices do: the row's `UU_ID`
/// with its last characters replaced by the line number, so the size stays
/// the same. Returns `xml` unchanged when it has no `FaWiersz` with a
/// `NrWierszaFa`.
pub fn xml_with_rows(xml: &str, rows: usize) -> String {
    use std::fmt::Write as _;
    const OPEN: &str = "<FaWiersz>";
    const CLOSE: &str = "</FaWiersz>";
    let (Some(start), Some(first_end)) = (xml.find(OPEN), xml.find(CLOSE)) else {
        return xml.to_string();
    };
    let end = first_end + CLOSE.len();
    let Some(row) = xml.get(start..end) else {
        return xml.to_string();
    };
    let (Some(nr_start), Some(nr_end)) = (row.find("<NrWierszaFa>"), row.find("</NrWierszaFa>"))
    else {
        return xml.to_string();
    };
    let nr_start = nr_start + "<NrWierszaFa>".len();
    // The other lines directly after the first one are dropped.
    let mut tail = end;
    while let Some(rest) = xml.get(tail..)
        && let (Some(next), Some(next_end)) = (rest.find(OPEN), rest.find(CLOSE))
        && rest.get(..next).is_some_and(|gap| gap.trim().is_empty())
    {
        tail += next_end + CLOSE.len();
    }
    let (head, body_start, body_end, rest) = (
        xml.get(..start).unwrap_or_default(),
        row.get(..nr_start).unwrap_or_default(),
        row.get(nr_end..).unwrap_or_default(),
        xml.get(tail..).unwrap_or_default(),
    );
    // The row's `UU_ID` value, if it has one after its number.
    let uu_id = body_end.find("<UU_ID>").and_then(|open| {
        let from = open + "<UU_ID>".len();
        let len = body_end.get(from..)?.find("</UU_ID>")?;
        Some((from, body_end.get(from..from + len)?))
    });
    let width = rows.to_string().len();
    let mut out = String::with_capacity(xml.len() + rows * (row.len() + 4));
    out.push_str(head);
    for n in 1..=rows {
        if n > 1 {
            out.push_str("\n\t\t");
        }
        out.push_str(body_start);
        out.push_str(&n.to_string());
        match uu_id {
            Some((from, value)) if value.is_ascii() => {
                let keep = value.len().saturating_sub(width);
                out.push_str(body_end.get(..from).unwrap_or_default());
                out.push_str(value.get(..keep).unwrap_or_default());
                let _ = write!(out, "{n:0width$}");
                out.push_str(body_end.get(from + value.len()..).unwrap_or_default());
            }
            _ => out.push_str(body_end),
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn xml_rows_are_numbered_and_the_document_valid() {
        let base = std::str::from_utf8(super::EXAMPLE).unwrap();
        let big = super::xml_with_rows(base, 25);
        assert_eq!(big.matches("<FaWiersz>").count(), 25);
        assert!(big.contains("<NrWierszaFa>25</NrWierszaFa>"));
        // Each line its own UU_ID, of the example's length.
        assert!(big.contains("<UU_ID>aaaa111133339925</UU_ID>"), "{big}");
        assert!(big.contains("<UU_ID>aaaa111133339901</UU_ID>"));
        assert!(big.contains("<UU_ID>aaaa111133339911</UU_ID>"));
        assert!(
            crate::schema::validate(big.as_bytes(), &crate::schema::SchemaLimits::default())
                .is_empty()
        );
        assert_eq!(super::xml_with_rows("<a/>", 3), "<a/>");
    }

    #[test]
    fn rows_are_numbered() {
        let inv = super::invoice_with_rows(7).unwrap();
        assert_eq!(inv.fa.fa_wiersz.len(), 7);
        assert_eq!(inv.fa.fa_wiersz[6].nr_wiersza_fa.0, 7);
    }
}
