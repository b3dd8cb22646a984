//! Exchange rates from outside the invoice: the NBP (Narodowy Bank Polski)
//! Table A mid-rates, which art. 31a of the VAT Act makes the rate for
//! converting amounts in a foreign currency (the rate of the last business
//! day before the tax point).
//!
//! No rule reads a file: the caller (the `fa3` CLI with `--rates FILE`, or
//! an application) loads the table once with [`ExchangeRates::load`] or
//! [`ExchangeRates::parse`] and passes it in
//! [`Settings::exchange_rates`](crate::Settings::exchange_rates).
//! FA3-CUR-005 stays silent without it.
//!
//! Two shapes are read:
//!
//! - **CSV**, one rate per line, `date;code;mid`, e.g.
//!   `2026-11-20;EUR;4.2345`. The separator may be `;` or `,`, the decimal
//!   mark `.` or `,` (`4,2345`, as the NBP archive writes it; with a `,`
//!   separator use `.`). Empty lines, lines starting with `#` and a header
//!   line whose first field is not a date are skipped.
//! - **JSON**, the NBP API shape (`api.nbp.pl/api/exchangerates/tables/A`):
//!   a table `{"table":"A","effectiveDate":"2026-11-20","rates":[{"code":
//!   "EUR","mid":4.2345}]}` or an array of such tables. Tables other than
//!   `A` are ignored. The numbers are read from their text, never through a
//!   floating-point value. Needs the `serde` feature (on with the CLI).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::Error;

/// The largest rates file [`ExchangeRates::load`] reads, in bytes (64 MiB:
/// the NBP's table A since 2002 is about 2 MB as CSV).
pub const MAX_FILE: u64 = 64 * 1024 * 1024;

/// Mid-rates by currency code and table date.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExchangeRates {
    rates: BTreeMap<String, BTreeMap<NaiveDate, Decimal>>,
}

fn invalid(what: impl std::fmt::Display) -> Error {
    Error::Settings(format!("exchange rates: {what}"))
}

/// A rate as written: `4.2345` or `4,2345`; positive.
fn parse_mid(text: &str) -> Option<Decimal> {
    let text = text.trim();
    let value: Decimal = if text.contains(',') {
        text.replace(',', ".").parse().ok()?
    } else {
        text.parse().ok()?
    };
    (value > Decimal::ZERO).then_some(value)
}

/// A currency code: three ASCII letters, upper-cased.
fn parse_code(text: &str) -> Option<String> {
    let text = text.trim();
    (text.len() == 3 && text.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| text.to_ascii_uppercase())
}

impl ExchangeRates {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) the mid-rate of `code` in the table of `date`.
    pub fn insert(&mut self, code: &str, date: NaiveDate, mid: Decimal) {
        self.rates
            .entry(code.to_ascii_uppercase())
            .or_default()
            .insert(date, mid);
    }

    /// The number of rates held.
    pub fn len(&self) -> usize {
        self.rates.values().map(BTreeMap::len).sum()
    }

    /// True when no rate is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The mid-rate of `code` from the latest table dated strictly before
    /// `date` (the last business day before the tax point), with that
    /// table's date.
    pub fn mid_before(&self, code: &str, date: NaiveDate) -> Option<(NaiveDate, Decimal)> {
        self.rates
            .get(code)?
            .range(..date)
            .next_back()
            .map(|(d, m)| (*d, *m))
    }

    /// Reads a rates file (CSV or JSON, see the module docs) of at most
    /// [`MAX_FILE`] bytes; a larger file, or one that is not a regular file
    /// (a device, a FIFO), is an error and is not read.
    pub fn load(path: &Path) -> Result<Self, Error> {
        use std::io::Read as _;
        let io = |e| Error::io(path, e);
        // Asked before opening: opening a FIFO would wait for a writer.
        let regular = |m: &std::fs::Metadata| m.is_file() && m.len() <= MAX_FILE;
        if !regular(&std::fs::metadata(path).map_err(io)?) {
            return Err(Error::Settings(format!(
                "{}: not a regular file of at most {MAX_FILE} bytes; not read",
                path.display()
            )));
        }
        let file = std::fs::File::open(path).map_err(io)?;
        if !regular(&file.metadata().map_err(io)?) {
            return Err(Error::Settings(format!(
                "{}: not a regular file of at most {MAX_FILE} bytes; not read",
                path.display()
            )));
        }
        let mut text = String::new();
        file.take(MAX_FILE + 1)
            .read_to_string(&mut text)
            .map_err(io)?;
        if text.len() as u64 > MAX_FILE {
            return Err(Error::Settings(format!(
                "{}: more than {MAX_FILE} bytes; not read",
                path.display()
            )));
        }
        Self::parse(&text).map_err(|e| match e {
            Error::Settings(m) => Error::Settings(format!("{}: {m}", path.display())),
            other => other,
        })
    }

    /// Parses CSV or JSON text, told apart by the first character.
    pub fn parse(text: &str) -> Result<Self, Error> {
        let text = text.trim_start_matches('\u{feff}');
        if text.trim_start().starts_with(['{', '[']) {
            Self::parse_json(text)
        } else {
            Self::parse_csv(text)
        }
    }

    /// Parses `date;code;mid` lines.
    pub fn parse_csv(text: &str) -> Result<Self, Error> {
        let mut table = Self::new();
        let mut header_allowed = true;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let separator = if line.contains(';') { ';' } else { ',' };
            let mut fields = line.split(separator);
            let (Some(date), Some(code), Some(mid), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(invalid(format!(
                    "line {}: expected date;code;mid, got `{line}`",
                    i + 1
                )));
            };
            let Ok(date) = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d") else {
                if std::mem::take(&mut header_allowed) {
                    continue; // a header line, before any rate
                }
                return Err(invalid(format!(
                    "line {}: `{}` is not a date (YYYY-MM-DD)",
                    i + 1,
                    date.trim()
                )));
            };
            let code = parse_code(code).ok_or_else(|| {
                invalid(format!(
                    "line {}: `{}` is not a currency code",
                    i + 1,
                    code.trim()
                ))
            })?;
            let mid = parse_mid(mid).ok_or_else(|| {
                invalid(format!(
                    "line {}: `{}` is not a positive rate",
                    i + 1,
                    mid.trim()
                ))
            })?;
            table.insert(&code, date, mid);
            header_allowed = false;
        }
        Ok(table)
    }

    /// Parses the NBP API JSON shape: one table or an array of tables.
    #[cfg(feature = "serde")]
    pub fn parse_json(text: &str) -> Result<Self, Error> {
        use serde::Deserialize;
        use serde_json::value::RawValue;

        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Table<'a> {
            table: Option<String>,
            effective_date: String,
            #[serde(borrow)]
            rates: Vec<Rate<'a>>,
        }
        #[derive(Deserialize)]
        struct Rate<'a> {
            code: String,
            #[serde(borrow)]
            mid: Option<&'a RawValue>,
        }

        // An array of tables or one table (told apart by the first
        // character: a raw value cannot sit in an untagged enum).
        let tables: Vec<Table<'_>> = if text.trim_start().starts_with('[') {
            serde_json::from_str(text).map_err(invalid)?
        } else {
            vec![serde_json::from_str(text).map_err(invalid)?]
        };
        let mut out = Self::new();
        for t in tables {
            if t.table
                .as_deref()
                .is_some_and(|n| !n.eq_ignore_ascii_case("A"))
            {
                continue;
            }
            let date = NaiveDate::parse_from_str(&t.effective_date, "%Y-%m-%d").map_err(|_| {
                invalid(format!("`{}` is not a date (YYYY-MM-DD)", t.effective_date))
            })?;
            for r in t.rates {
                let Some(raw) = r.mid else { continue };
                let code = parse_code(&r.code)
                    .ok_or_else(|| invalid(format!("`{}` is not a currency code", r.code)))?;
                let text = raw.get().trim_matches('"');
                let mid = parse_mid(text).ok_or_else(|| {
                    invalid(format!("{code} {date}: `{text}` is not a positive rate"))
                })?;
                out.insert(&code, date, mid);
            }
        }
        Ok(out)
    }

    /// JSON needs the `serde` feature.
    #[cfg(not(feature = "serde"))]
    pub fn parse_json(_text: &str) -> Result<Self, Error> {
        Err(invalid(
            "reading JSON needs the `serde` feature; use the CSV shape",
        ))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn load_reads_regular_files_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("rates.csv");
        std::fs::write(&file, "date;code;mid\n2026-11-20;EUR;4,2345\n").unwrap();
        let rates = ExchangeRates::load(&file).unwrap();
        assert_eq!(
            rates.mid_before("EUR", d("2026-11-21")),
            Some((d("2026-11-20"), dec("4.2345")))
        );
        // A folder and a FIFO are refused before anything is read (a FIFO
        // without a writer would otherwise block here forever).
        let err = ExchangeRates::load(dir.path()).unwrap_err();
        assert!(err.to_string().contains("not a regular file"), "{err}");
        let fifo = dir.path().join("rates.fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = ExchangeRates::load(&fifo).unwrap_err();
            assert!(err.to_string().contains("not a regular file"), "{err}");
        }
    }

    #[test]
    fn reads_csv_with_header_comments_and_decimal_commas() {
        let t = ExchangeRates::parse(
            "date;code;mid\n# NBP table A\n2026-11-19;EUR;4,2345\n2026-11-20;eur;4.2400\n\n2026-11-20;USD;3.9000\n",
        )
        .unwrap();
        assert_eq!(t.len(), 3);
        assert_eq!(
            t.mid_before("EUR", d("2026-11-20")),
            Some((d("2026-11-19"), dec("4.2345")))
        );
        assert_eq!(
            t.mid_before("EUR", d("2026-11-23")),
            Some((d("2026-11-20"), dec("4.24")))
        );
        assert_eq!(t.mid_before("EUR", d("2026-11-19")), None);
        assert_eq!(t.mid_before("GBP", d("2026-11-23")), None);
        let later_header =
            ExchangeRates::parse("# NBP\ndata;kod;kurs\n2026-11-19;EUR;4,2345\n").unwrap();
        assert_eq!(later_header.len(), 1);
        assert!(ExchangeRates::parse("date;code;mid\ndate;code;mid\n").is_err());
        let comma = ExchangeRates::parse("2026-11-19,EUR,4.2345\n").unwrap();
        assert_eq!(
            comma.mid_before("EUR", d("2026-11-20")),
            Some((d("2026-11-19"), dec("4.2345")))
        );
    }

    #[test]
    fn rejects_bad_csv_lines() {
        assert!(ExchangeRates::parse("2026-11-19;EUR\n").is_err());
        assert!(ExchangeRates::parse("2026-11-19;EUR;4.2\n2026-13-01;EUR;4.3\n").is_err());
        assert!(ExchangeRates::parse("2026-11-19;EURO;4.2\n").is_err());
        assert!(ExchangeRates::parse("2026-11-19;EUR;-4.2\n").is_err());
        assert!(ExchangeRates::parse("2026-11-19;EUR;abc\n").is_err());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn reads_nbp_json_tables() {
        let one = r#"{"table":"A","no":"225/A/NBP/2026","effectiveDate":"2026-11-20","rates":[{"currency":"euro","code":"EUR","mid":4.2345},{"currency":"dolar amerykański","code":"USD","mid":3.9012}]}"#;
        let t = ExchangeRates::parse(one).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(
            t.mid_before("EUR", d("2026-11-21")),
            Some((d("2026-11-20"), dec("4.2345")))
        );
        let many = r#"[{"table":"A","effectiveDate":"2026-11-19","rates":[{"code":"EUR","mid":4.2}]},
                       {"table":"B","effectiveDate":"2026-11-19","rates":[{"code":"AFN","mid":0.05}]},
                       {"table":"A","effectiveDate":"2026-11-20","rates":[{"code":"EUR","mid":4.2345}]}]"#;
        let t = ExchangeRates::parse(many).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(
            t.mid_before("EUR", d("2026-11-20")),
            Some((d("2026-11-19"), dec("4.2")))
        );
        assert!(ExchangeRates::parse(r#"{"table":"A","effectiveDate":"x","rates":[]}"#).is_err());
        assert!(ExchangeRates::parse("[1,2").is_err());
    }
}
