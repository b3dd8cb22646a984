//! fa3: validate and model Polish KSeF e-invoices in the FA(3) structure.
#![forbid(unsafe_code)]

pub mod diagnostic;
pub mod model;
pub mod schema;
pub mod source;
