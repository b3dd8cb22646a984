//! The typed FA(3) model, generated at build time from the official schemas
//! in `schemas/fa3/` (never edited, never committed), plus the value types it
//! uses for decimals, dates and date-times.
//!
//! Names follow the schema: types keep xsd-parser's names
//! (`FakturaFaFaWierszElementType`), fields are the XSD names in snake case
//! with their underscores kept (`p_1` is `P_1`, the issue date; `p_2` is
//! `P_2`, the invoice number; `p_13_1` is `P_13_1`), and anonymous groups are
//! named after their first element (`p_6_choice`, `p_13_1_group`).

pub mod values;

#[allow(
    missing_docs,
    unused_variables,
    dead_code,
    clippy::all,
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/fa3_model.rs"));
}

pub use generated::*;
