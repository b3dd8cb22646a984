//! Arbitrary bytes through the whole check pipeline: it must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let now = chrono_now();
    let _ = fa3::validate(data, &fa3::Settings::at(now));
});

fn chrono_now() -> chrono::DateTime<chrono::Utc> {
    // A fixed instant keeps runs reproducible.
    chrono::DateTime::from_timestamp(1_795_262_400, 0).unwrap_or_default()
}
