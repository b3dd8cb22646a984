//! Generated FA(3) model.
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
