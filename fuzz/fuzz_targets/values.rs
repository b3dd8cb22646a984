//! Values of every kind in a real invoice: the first byte picks a leaf
//! element of official example 1, the rest replaces its value. Arbitrary
//! bytes rarely get past the root element; this target puts them where the
//! value checks (lexical spaces, facets, range comparisons) see them. Neither
//! validator may panic, and the fast path's invariant must hold.
#![no_main]

use fa3::schema::{SchemaLimits, fast_path_accepts, validate_without_fast_path};
use libfuzzer_sys::fuzz_target;

const EXAMPLE: &[u8] = include_bytes!("../../tests/corpus/official/FA_3_Przykład_1.xml");

/// Leaf elements of the example, with values of every simple type it uses.
const LEAVES: &[&str] = &[
    "P_1",
    "P_2",
    "P_6",
    "P_1M",
    "KodWaluty",
    "RodzajFaktury",
    "DataWytworzeniaFa",
    "NIP",
    "REGON",
    "KRS",
    "BDO",
    "KodKraju",
    "AdresL1",
    "Nazwa",
    "Email",
    "Telefon",
    "NrWierszaFa",
    "UU_ID",
    "P_7",
    "P_8A",
    "P_8B",
    "P_9A",
    "P_11",
    "P_12",
    "P_13_1",
    "P_14_1",
    "P_15",
    "P_16",
    "P_18A",
    "P_PMarzyN",
    "FormaPlatnosci",
    "DataZaplaty",
    "Zaplacono",
    "GV",
    "JST",
    "WariantFormularza",
    "StopkaFaktury",
    "SystemInfo",
    "DataZamowienia",
    "Wartosc",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, value)) = data.split_first() else {
        return;
    };
    let name = LEAVES[usize::from(pick) % LEAVES.len()];
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let Some(start) = find(EXAMPLE, open.as_bytes()).map(|i| i + open.len()) else {
        return;
    };
    let Some(len) = EXAMPLE
        .get(start..)
        .and_then(|rest| find(rest, close.as_bytes()))
    else {
        return;
    };
    let mut doc = Vec::with_capacity(EXAMPLE.len() + value.len());
    doc.extend_from_slice(&EXAMPLE[..start]);
    doc.extend_from_slice(value);
    doc.extend_from_slice(&EXAMPLE[start + len..]);

    let limits = SchemaLimits::default();
    let full = validate_without_fast_path(&doc, &limits);
    if fast_path_accepts(&doc, &limits) {
        assert!(
            full.is_empty(),
            "the fast path accepts a value the full validator rejects: {full:?}"
        );
    }
});

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
