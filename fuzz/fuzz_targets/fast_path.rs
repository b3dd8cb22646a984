//! The fast path's invariant on arbitrary bytes: when it proves a document
//! schema-valid, the full validator reports nothing. Neither may panic.
#![no_main]

use fa3::schema::{SchemaLimits, fast_path_accepts, validate_without_fast_path};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = SchemaLimits::default();
    let full = validate_without_fast_path(data, &limits);
    if fast_path_accepts(data, &limits) {
        assert!(
            full.is_empty(),
            "the fast path accepts a document the full validator rejects: {full:?}"
        );
    }
});
