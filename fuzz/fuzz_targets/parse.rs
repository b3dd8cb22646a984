//! Arbitrary bytes into the typed parser: it must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(invoice) = fa3::parse(data) {
        // Whatever parses must also serialize.
        let _ = fa3::to_xml(&invoice);
    }
});
