//! `FA3-ATT-012` table-cell-type.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

use crate::facts::{indexed, push_indexed};
use crate::model::{Faktura, FakturaZalacznikBlokDanychTabelaTNaglowekKolTypType as Typ};
use crate::rules::attachments::{is_heading_row, tables};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each cell of an attachment table (`Wiersz/WKom`, `Suma/SKom`) can be
    /// read as the type of its column (`Kol/@Typ`):
    /// - `date`: `YYYY-MM-DD`;
    /// - `datetime`: `YYYY-MM-DDTHH:MM[:SS[.fff]]`, optionally with `Z` or an
    ///   offset;
    /// - `time`: `HH:MM[:SS[.fff]]`;
    /// - `int`: digits with an optional sign;
    /// - `dec`: digits with an optional sign and a decimal point `.` (not a
    ///   comma, no spaces between thousands);
    /// - `txt`: anything.
    ///
    /// An empty cell, or one holding only `-`, counts as empty and is not
    /// checked. Only the first bad cell of each column of a table is
    /// reported, with the number of others.
    ///
    /// Refined: single-cell heading rows (see FA3-ATT-011) and the first
    /// cell of `Suma` (a caption such as "Razem") are not checked against
    /// the column type. The official examples 24 and 25 write empty cells
    /// as `-` or as empty elements.
    ///
    /// ## Why it matters
    /// The column type tells the buyer's system how to read the cells (MF
    /// FA(3) brochure, §16.2, "Kol/Typ"); the schema checks only the type
    /// names, not the cells. A `dec` cell `1 234,50` cannot be read as a
    /// number. KSeF accepts it.
    ///
    /// ## Example
    /// ```xml
    /// <Kol Typ="dec"><NKom>Kwota</NKom></Kol>
    /// ...
    /// <WKom>1 234,50</WKom>
    /// ```
    ///
    /// ## Fix
    /// Write numbers with a decimal point and no grouping (`1234.50`), dates
    /// as `2026-11-21`, times as `14:30`; or change the column's type to
    /// `txt`.
    pub static TABLE_CELL_TYPE = {
        code: "FA3-ATT-012",
        name: "table-cell-type",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// The column type as written, and what it expects.
fn describe(typ: &Typ) -> (&'static str, &'static str) {
    match typ {
        Typ::Date => ("date", "a date YYYY-MM-DD"),
        Typ::Datetime => ("datetime", "a date and time YYYY-MM-DDTHH:MM[:SS]"),
        Typ::Dec => (
            "dec",
            "a decimal number with a point and no grouping, e.g. 1234.50",
        ),
        Typ::Int => ("int", "a whole number"),
        Typ::Time => ("time", "a time HH:MM[:SS]"),
        Typ::Txt => ("txt", "text"),
    }
}

/// Optional sign, then digits.
fn is_int(s: &str) -> bool {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Optional sign, digits, and optionally `.` and digits.
fn is_dec(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = body.split_once('.').unwrap_or((body, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

fn is_date(s: &str) -> bool {
    if s.len() != 10 {
        return false;
    }
    // The common `YYYY-MM-DD` directly; anything else through the parser.
    if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = s.as_bytes()
        && [y1, y2, y3, y4, m1, m2, d1, d2]
            .iter()
            .all(|b| b.is_ascii_digit())
    {
        let number = |digits: &[&u8]| {
            digits
                .iter()
                .fold(0u32, |n, &&d| n * 10 + u32::from(d - b'0'))
        };
        return i32::try_from(number(&[y1, y2, y3, y4])).is_ok_and(|year| {
            NaiveDate::from_ymd_opt(year, number(&[m1, m2]), number(&[d1, d2])).is_some()
        });
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

fn is_time(s: &str) -> bool {
    ["%H:%M:%S%.f", "%H:%M"]
        .iter()
        .any(|f| NaiveTime::parse_from_str(s, f).is_ok())
}

fn is_datetime(s: &str) -> bool {
    DateTime::parse_from_rfc3339(s).is_ok()
        || ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
            .iter()
            .any(|f| NaiveDateTime::parse_from_str(s, f).is_ok())
        || ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%MZ"]
            .iter()
            .any(|f| DateTime::parse_from_str(s, f).is_ok())
}

/// True when `value` (trimmed) fits `typ`, or is an empty cell.
fn fits(typ: &Typ, value: &str) -> bool {
    // Any text fits a text column: nothing to trim or parse.
    if matches!(typ, Typ::Txt) {
        return true;
    }
    let v = value.trim();
    if v.is_empty() || v == "-" {
        return true;
    }
    match typ {
        Typ::Txt => true,
        Typ::Int => is_int(v),
        Typ::Dec => is_dec(v),
        Typ::Date => is_date(v),
        Typ::Time => is_time(v),
        Typ::Datetime => is_datetime(v),
    }
}

/// A bad cell: its path and value.
struct Bad {
    path: String,
    value: String,
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    for (path, table) in tables(invoice) {
        let columns = &table.t_naglowek.kol;
        let mut bad: Vec<Vec<Bad>> = columns.iter().map(|_| Vec::new()).collect();
        for (k, row) in table.wiersz.iter().enumerate() {
            if is_heading_row(row.w_kom.len(), columns.len()) {
                continue;
            }
            for (c, (cell, col)) in row.w_kom.iter().zip(columns).enumerate() {
                if !fits(&col.typ, &cell.0)
                    && let Some(list) = bad.get_mut(c)
                {
                    let mut cell_path = indexed(&path, "Wiersz", k);
                    push_indexed(&mut cell_path, "WKom", c);
                    list.push(Bad {
                        path: cell_path,
                        value: cell.0.trim().to_string(),
                    });
                }
            }
        }
        if let Some(suma) = &table.suma {
            for (c, (cell, col)) in suma.s_kom.iter().zip(columns).enumerate().skip(1) {
                if !fits(&col.typ, &cell.0)
                    && let Some(list) = bad.get_mut(c)
                {
                    list.push(Bad {
                        path: indexed(&format!("{path}/Suma"), "SKom", c),
                        value: cell.0.trim().to_string(),
                    });
                }
            }
        }
        for (c, (list, col)) in bad.iter().zip(columns).enumerate() {
            let Some(first) = list.first() else { continue };
            let (typ, expected) = describe(&col.typ);
            let more = match list.len() - 1 {
                0 => String::new(),
                n => format!(" ({n} more cell(s) of this column do not fit either)"),
            };
            out.report(
                &TABLE_CELL_TYPE,
                &first.path,
                format!(
                    "the cell \"{value}\" is in column {column} of type {typ}, which expects {expected}{more}",
                    value = first.value,
                    column = c + 1,
                ),
            )
            .help = Some(format!(
                "write the cells of a {typ} column as {expected}, leave a cell empty (or -) when it has no value, or make the column txt"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for ok in ["0", "-12", "+7", "1234"] {
            assert!(fits(&Typ::Int, ok), "{ok}");
        }
        for bad in ["1.5", "1 000", "x", "--1"] {
            assert!(!fits(&Typ::Int, bad), "{bad}");
        }
        for ok in ["0.9000", "18.00", "-3", "+0.5", "12"] {
            assert!(fits(&Typ::Dec, ok), "{ok}");
        }
        for bad in ["1 234,50", "12,00", ".5", "5.", "1.2.3", "1e3"] {
            assert!(!fits(&Typ::Dec, bad), "{bad}");
        }
    }

    #[test]
    fn dates_and_times() {
        assert!(fits(&Typ::Date, "2026-02-28"));
        assert!(!fits(&Typ::Date, "2026-02-30"));
        assert!(!fits(&Typ::Date, "28.02.2026"));
        assert!(fits(&Typ::Time, "14:30"));
        assert!(fits(&Typ::Time, "14:30:05"));
        assert!(!fits(&Typ::Time, "25:00"));
        assert!(fits(&Typ::Datetime, "2026-02-28T14:30:00Z"));
        assert!(fits(&Typ::Datetime, "2026-02-28T14:30:00+01:00"));
        assert!(fits(&Typ::Datetime, "2026-02-28T14:30"));
        assert!(!fits(&Typ::Datetime, "2026-02-28 14:30"));
    }

    #[test]
    fn empty_cells_fit_every_type() {
        for typ in [Typ::Int, Typ::Dec, Typ::Date, Typ::Time, Typ::Datetime] {
            assert!(fits(&typ, ""));
            assert!(fits(&typ, " - "));
        }
        assert!(fits(&Typ::Txt, "anything, 1 234,50"));
    }
}
