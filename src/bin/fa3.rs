//! The `fa3` command-line tool (placeholder).
fn main() {}
