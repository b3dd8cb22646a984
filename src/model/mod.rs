//! Generated FA(3) model.
pub mod values;
#[allow(missing_docs, unused_variables, dead_code, clippy::all, clippy::pedantic)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/fa3_model.rs"));
}
pub use generated::*;
