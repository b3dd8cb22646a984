//! Streaming XSD validation against the FA(3) schema.
mod tables;

#[allow(clippy::all, clippy::pedantic, dead_code, missing_docs)]
mod generated {
    use super::tables::*;
    include!(concat!(env!("OUT_DIR"), "/fa3_validator.rs"));
}
