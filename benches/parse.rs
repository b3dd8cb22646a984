//! Parsing benchmarks (placeholder).
fn main() {}
