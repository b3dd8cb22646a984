//! No schema-valid input makes a business rule panic.
//!
//! `tests/fuzz_regressions.rs` feeds arbitrary bytes, which almost never make
//! a schema-valid document, so the rules behind the schema check are barely
//! reached there. This property starts from schema-valid documents (the
//! official examples and the rule fixtures) and applies mutations that keep
//! most of them schema-valid while stressing the rules' arithmetic and
//! structure: extreme amounts, rates, quantities and percentages, the dates at
//! the ends of their types' ranges and leap days, duplicated and deleted
//! repeating elements, every kind of invoice and every VAT rate.
//!
//! `rules_never_panic` runs 512 cases; `rules_never_panic_many` (ignored)
//! runs `FA3_NO_PANIC_CASES` cases (default 20,000):
//!
//! ```sh
//! FA3_NO_PANIC_CASES=50000 cargo test --release --all-features --test rules_no_panic -- --ignored
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use regex::Regex;

fn settings() -> fa3::Settings {
    fa3::Settings::at("2026-11-21T12:00:00Z".parse().unwrap())
}

/// Values a type allows, from the ends of its range inwards.
struct Pool {
    names: &'static [&'static str],
    values: &'static [&'static str],
}

const POOLS: &[Pool] = &[
    // TKwotowy: 18 digits, 2 after the point.
    Pool {
        names: &[
            "P_11",
            "P_11A",
            "P_11Vat",
            "P_11NettoZ",
            "P_11VatZ",
            "P_13_1",
            "P_13_2",
            "P_13_3",
            "P_13_4",
            "P_13_5",
            "P_13_6_1",
            "P_13_6_2",
            "P_13_6_3",
            "P_13_7",
            "P_13_8",
            "P_13_9",
            "P_13_10",
            "P_13_11",
            "P_14_1",
            "P_14_1W",
            "P_14_2",
            "P_14_2W",
            "P_14_3",
            "P_14_3W",
            "P_14_4",
            "P_14_4W",
            "P_14_5",
            "P_15",
            "P_15Z",
            "P_15ZK",
            "Kwota",
            "KwotaAkcyzy",
            "KwotaAkcyzyZ",
            "KwotaZaplatyCzesciowej",
            "WartoscZamowienia",
            "SumaObciazen",
            "SumaOdliczen",
            "DoZaplaty",
            "DoRozliczenia",
        ],
        values: &[
            "9999999999999999.99",
            "-9999999999999999.99",
            "0",
            "0.01",
            "-0.01",
            "1",
            "1234567890123456",
            "-1234567.89",
        ],
    },
    // TKwotowy2: 22 digits, 8 after the point.
    Pool {
        names: &["P_9A", "P_9AZ", "P_9B", "P_10"],
        values: &[
            "99999999999999.99999999",
            "-99999999999999.99999999",
            "99999999.99999999",
            "0",
            "0.00000001",
            "-0.00000001",
            "1",
        ],
    },
    // TIlosci: 22 digits, 6 after the point.
    Pool {
        names: &[
            "P_8B",
            "P_8BZ",
            "KursWaluty",
            "KursWalutyZ",
            "KursWalutyZK",
            "KursWalutyZW",
            "KursUmowny",
        ],
        values: &[
            "9999999999999999.999999",
            "-9999999999999999.999999",
            "0",
            "0.000001",
            "-0.000001",
            "1",
        ],
    },
    // TProcentowy: 0 to 100, 6 after the point.
    Pool {
        names: &["Udzial", "P_12_XII", "P_12Z_XII"],
        values: &["0", "100", "0.000001", "99.999999", "50"],
    },
    // TDataT: 2006-01-01 to 2050-01-01.
    Pool {
        names: &[
            "P_1",
            "P_6",
            "P_6A",
            "P_6Z",
            "P_6_Od",
            "P_6_Do",
            "P_22A",
            "DataWystFaKorygowanej",
        ],
        values: &[
            "2006-01-01",
            "2050-01-01",
            "2016-07-01",
            "2024-02-29",
            "2048-02-29",
            "2026-11-21",
            "2026-11-22",
        ],
    },
    // TData: 2016-07-01 to 2050-01-01.
    Pool {
        names: &["DataZaplaty", "DataZaplatyCzesciowej", "Termin"],
        values: &["2016-07-01", "2050-01-01", "2024-02-29", "2026-11-21"],
    },
    // TDataU: 1990-01-01 to 2050-01-01.
    Pool {
        names: &["DataUmowy", "DataZamowienia"],
        values: &["1990-01-01", "2050-01-01", "1992-02-29", "2026-11-21"],
    },
    // Date and time: the creation time around `now`, with and without a zone.
    Pool {
        names: &[
            "DataWytworzeniaFa",
            "DataGodzRozpTransportu",
            "DataGodzZakTransportu",
        ],
        values: &[
            "2025-09-01T00:00:00Z",
            "2050-01-01T23:59:59Z",
            "2021-10-01T00:00:00Z",
            "2026-11-21T12:05:00Z",
            "2026-11-21T13:00:00",
            "2026-11-21T23:59:59-14:00",
            "2026-11-22T00:00:00+14:00",
            "2026-11-21T24:00:00Z",
            "2026-11-21T12:00:00.123456789Z",
            "2050-01-01T23:59:59.999999999Z",
            "2050-01-02T09:59:59+14:00",
        ],
    },
    // TNaturalny: more than 0, 14 digits.
    Pool {
        names: &["NrWierszaFa", "NrWierszaZam", "NrWiersza", "P_NrWierszaNST"],
        values: &["1", "2", "99999999999999"],
    },
    Pool {
        names: &["RodzajFaktury"],
        values: &["VAT", "KOR", "ZAL", "ROZ", "UPR", "KOR_ZAL", "KOR_ROZ"],
    },
    // TStawkaPodatku.
    Pool {
        names: &["P_12", "P_12Z"],
        values: &[
            "23", "22", "8", "7", "5", "4", "3", "0 KR", "0 WDT", "0 EX", "zw", "oo", "np I",
            "np II",
        ],
    },
    Pool {
        names: &["KodWaluty", "KodWalutyZ"],
        values: &["PLN", "EUR", "JPY", "KWD"],
    },
    // Attachment table cells (TZnakowy2), read by the column's type.
    Pool {
        names: &["WKom", "SKom"],
        values: &[
            "-",
            "1.5",
            "-0",
            "ł",
            "2024-02-29",
            "2023-02-29",
            "2024-02-29T24:00",
            "99999999999999999999999999999999999999",
            "0.000000000000000000000000000000001",
        ],
    },
    // TNrRB: 10 to 34 characters.
    Pool {
        names: &["NrRB"],
        values: &[
            "PL61109010140000071219812874",
            "61109010140000071219812874",
            "0000000000",
            "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
            "PL00000000000000000000000000",
        ],
    },
    // TWybor1_2.
    Pool {
        names: &["P_16", "P_17", "P_18", "P_18A", "P_23", "TerminPlatnosci"],
        values: &["1", "2"],
    },
];

/// Repeating elements that may be duplicated or deleted whole.
const REPEATING: &[&str] = &[
    "FaWiersz",
    "Podmiot3",
    "ZamowienieWiersz",
    "ZaliczkaCzesciowa",
    "ZaplataCzesciowa",
    "DaneFaKorygowanej",
    "FakturaZaliczkowa",
    "Obciazenia",
    "Odliczenia",
    "Wiersz",
    "Kol",
    "Tabela",
    "BlokDanych",
    "Podmiot2K",
    "OkresFaKorygowanej",
    "Platnosc",
    "Rozliczenie",
    "Zamowienie",
    "Zalacznik",
    "Adnotacje",
];

#[derive(Clone, Debug)]
enum Mutation {
    /// One simple-content element of a known type gets a value of its pool.
    Value { pick: usize, value: usize },
    /// Every element of one pool gets the same value.
    AllOfPool { pool: usize, value: usize },
    /// One repeating element is copied `times` times in place.
    Duplicate {
        element: usize,
        pick: usize,
        times: usize,
    },
    /// One repeating element is deleted.
    Delete { element: usize, pick: usize },
    /// One simple-content element of a known type is deleted (many are optional).
    DeleteValue { pick: usize },
    /// `StanPrzed` is removed from a row that has it, or added to one that has not.
    FlipStanPrzed { pick: usize },
}

#[derive(Clone)]
struct Case {
    seed: usize,
    mutations: Vec<Mutation>,
}

impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Case")
            .field("seed", &seeds()[self.seed].name)
            .field("mutations", &self.mutations)
            .finish()
    }
}

struct Seed {
    name: String,
    text: String,
}

fn is_schema_valid(report: &fa3::Report) -> bool {
    !report
        .diagnostics
        .iter()
        .any(|d| d.code.starts_with("FA3-XSD") || d.code == "FA3-XML-001")
}

/// The official examples and the rule fixtures that pass the schema.
fn seeds() -> &'static [Seed] {
    static SEEDS: OnceLock<Vec<Seed>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
        let mut paths = Vec::new();
        for entry in std::fs::read_dir(root.join("corpus/official")).unwrap() {
            paths.push(entry.unwrap().path());
        }
        for dir in std::fs::read_dir(root.join("fixtures/rules")).unwrap() {
            let dir = dir.unwrap().path();
            if !dir.is_dir() {
                continue;
            }
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                let xml = path.extension().is_some_and(|e| e == "xml");
                if name == "valid.xml" || (xml && name.starts_with("invalid")) {
                    paths.push(path);
                }
            }
        }
        paths.sort();
        let mut seeds = Vec::new();
        for path in paths {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let report = fa3::validate(text.as_bytes(), &settings()).unwrap();
            if is_schema_valid(&report) {
                let name = path.strip_prefix(&root).unwrap().display().to_string();
                seeds.push(Seed { name, text });
            }
        }
        assert!(
            seeds.len() >= 100,
            "only {} schema-valid seeds",
            seeds.len()
        );
        seeds
    })
}

fn leaf_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"<((?:[\w.-]+:)?)([\w.-]+)>([^<]*)</").unwrap())
}

fn pool_of(local: &str) -> Option<&'static Pool> {
    POOLS.iter().find(|p| p.names.contains(&local))
}

/// Byte ranges of the whole elements named `local` (any prefix), in order.
fn element_spans(text: &str, local: &str) -> Vec<std::ops::Range<usize>> {
    let open = Regex::new(&format!(r"<((?:[\w.-]+:)?){local}[\s>]")).unwrap();
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(m) = open.captures_at(text, from) {
        let whole = m.get(0).unwrap();
        let close = format!("</{}{local}>", &m[1]);
        let Some(end) = text[whole.end()..].find(&close) else {
            break;
        };
        let end = whole.end() + end + close.len();
        spans.push(whole.start()..end);
        from = end;
    }
    spans
}

fn apply(text: &str, mutation: &Mutation) -> String {
    match *mutation {
        Mutation::Value { pick, value } => {
            let leaves: Vec<_> = leaf_re()
                .captures_iter(text)
                .filter_map(|c| pool_of(&c[2]).map(|p| (c.get(3).unwrap().range(), p)))
                .collect();
            if leaves.is_empty() {
                return text.to_owned();
            }
            let (range, pool) = &leaves[pick % leaves.len()];
            let mut out = text.to_owned();
            out.replace_range(range.clone(), pool.values[value % pool.values.len()]);
            out
        }
        Mutation::DeleteValue { pick } => {
            let leaves: Vec<_> = leaf_re()
                .captures_iter(text)
                .filter(|c| pool_of(&c[2]).is_some())
                .map(|c| {
                    let start = c.get(0).unwrap().start();
                    let close = format!("{}{}>", &c[1], &c[2]);
                    start..c.get(0).unwrap().end() + close.len()
                })
                .collect();
            if leaves.is_empty() {
                return text.to_owned();
            }
            let mut out = text.to_owned();
            out.replace_range(leaves[pick % leaves.len()].clone(), "");
            out
        }
        Mutation::AllOfPool { pool, value } => {
            let pool = &POOLS[pool % POOLS.len()];
            let value = pool.values[value % pool.values.len()];
            leaf_re()
                .replace_all(text, |c: &regex::Captures<'_>| {
                    if pool.names.contains(&&c[2]) {
                        format!("<{}{}>{value}</", &c[1], &c[2])
                    } else {
                        c[0].to_owned()
                    }
                })
                .into_owned()
        }
        Mutation::Duplicate {
            element,
            pick,
            times,
        } => {
            let spans = element_spans(text, REPEATING[element % REPEATING.len()]);
            if spans.is_empty() {
                return text.to_owned();
            }
            let span = spans[pick % spans.len()].clone();
            let mut out = text.to_owned();
            out.insert_str(span.end, &text[span].repeat(times));
            out
        }
        Mutation::Delete { element, pick } => {
            let spans = element_spans(text, REPEATING[element % REPEATING.len()]);
            if spans.is_empty() {
                return text.to_owned();
            }
            let mut out = text.to_owned();
            out.replace_range(spans[pick % spans.len()].clone(), "");
            out
        }
        Mutation::FlipStanPrzed { pick } => {
            let rows = element_spans(text, "FaWiersz");
            if rows.is_empty() {
                return text.to_owned();
            }
            let row = rows[pick % rows.len()].clone();
            let body = &text[row.clone()];
            let stan =
                Regex::new(r"<((?:[\w.-]+:)?)StanPrzed>1</(?:[\w.-]+:)?StanPrzed>\s*").unwrap();
            let new_body = if stan.is_match(body) {
                stan.replace(body, "").into_owned()
            } else {
                let close = body.rfind("</").unwrap();
                let prefix = body[close + 2..]
                    .strip_suffix("FaWiersz>")
                    .unwrap_or_default();
                format!(
                    "{}<{prefix}StanPrzed>1</{prefix}StanPrzed>{}",
                    &body[..close],
                    &body[close..]
                )
            };
            let mut out = text.to_owned();
            out.replace_range(row, &new_body);
            out
        }
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        6 => (any::<usize>(), any::<usize>()).prop_map(|(pick, value)| Mutation::Value { pick, value }),
        2 => (any::<usize>(), any::<usize>())
            .prop_map(|(pool, value)| Mutation::AllOfPool { pool, value }),
        2 => (any::<usize>(), any::<usize>(), 1usize..4)
            .prop_map(|(element, pick, times)| Mutation::Duplicate { element, pick, times }),
        1 => (any::<usize>(), any::<usize>())
            .prop_map(|(element, pick)| Mutation::Delete { element, pick }),
        1 => any::<usize>().prop_map(|pick| Mutation::DeleteValue { pick }),
        1 => any::<usize>().prop_map(|pick| Mutation::FlipStanPrzed { pick }),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    (
        0..seeds().len(),
        proptest::collection::vec(mutation(), 1..6),
    )
        .prop_map(|(seed, mutations)| Case { seed, mutations })
}

fn run(cases: u32) {
    let settings = settings();
    let total = AtomicUsize::new(0);
    let valid = AtomicUsize::new(0);
    let codes = Mutex::new(BTreeSet::new());
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let result = runner.run(&case(), |case| {
        let mut text = seeds()[case.seed].text.clone();
        for m in &case.mutations {
            text = apply(&text, m);
        }
        let report = fa3::validate(text.as_bytes(), &settings)
            .map_err(|e| TestCaseError::fail(format!("validate failed: {e}")))?;
        for d in &report.diagnostics {
            prop_assert!(!d.code.is_empty(), "a finding without a code: {d:?}");
            prop_assert!(
                !d.path.is_empty() || d.line > 0,
                "a finding with neither path nor line: {d:?}"
            );
        }
        codes
            .lock()
            .unwrap()
            .extend(report.diagnostics.iter().map(|d| d.code));
        total.fetch_add(1, Ordering::Relaxed);
        if is_schema_valid(&report) {
            valid.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let total = total.into_inner();
    let valid = valid.into_inner();
    let codes = codes.into_inner().unwrap();
    eprintln!(
        "{total} cases from {} seeds, {valid} schema-valid, {} distinct codes: {codes:?}",
        seeds().len(),
        codes.len()
    );
    assert!(
        valid * 2 >= total,
        "only {valid} of {total} mutated documents were schema-valid: the rules were barely reached"
    );
}

/// Every seed with every field of a known type set at once to the same end
/// of its range (the first four values of each pool: the maximum, the
/// minimum, then values near zero), so that the sums and products of the
/// rules see the largest values on every line together.
#[test]
fn extreme_values_everywhere_never_panic() {
    let settings = settings();
    let (mut total, mut valid) = (0, 0);
    for seed in seeds() {
        for value in 0..4 {
            let mut text = seed.text.clone();
            for pool in 0..POOLS.len() {
                text = apply(&text, &Mutation::AllOfPool { pool, value });
            }
            let report = fa3::validate(text.as_bytes(), &settings).unwrap();
            for d in &report.diagnostics {
                assert!(
                    !d.path.is_empty() || d.line > 0,
                    "{}: a finding with neither path nor line: {d:?}",
                    seed.name
                );
            }
            total += 1;
            valid += usize::from(is_schema_valid(&report));
        }
    }
    eprintln!("{total} documents with extreme values, {valid} schema-valid");
    assert!(
        valid * 2 >= total,
        "only {valid} of {total} documents with extreme values were schema-valid"
    );
}

#[test]
fn rules_never_panic() {
    run(512);
}

#[test]
#[ignore = "long: FA3_NO_PANIC_CASES cases (default 20,000), best in release"]
fn rules_never_panic_many() {
    let cases = std::env::var("FA3_NO_PANIC_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    run(cases);
}
