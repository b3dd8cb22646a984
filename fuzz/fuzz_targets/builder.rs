//! Arbitrary bytes through both readers of the typed model: neither may
//! panic, and wherever xsd-parser's generated reader reads a document that
//! `fa3::parse` accepts, both give the same invoice.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let new = fa3::parse(data);
    let old = fa3::parse_with_generated_reader(data);
    match (new, old) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "the builder and the generated reader differ"),
        (Err(_), Ok(_)) => assert!(
            !fa3::schema::is_valid(data),
            "schema-valid and read by the generated reader, refused by the builder"
        ),
        _ => {}
    }
});
