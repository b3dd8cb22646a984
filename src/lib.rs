//! fa3: validate and model Polish KSeF e-invoices in the FA(3) structure.
//!
//! - [`model`]: the FA(3) document types generated from the official schemas.
//! - [`diagnostic`]: findings about a document and the per-document report.
//! - [`source`]: byte offsets, line/column and element-path spans.
//! - [`registry`]: a record of invoices already sent to KSeF, for the
//!   duplicate-invoice checks (FA3-DUP-*).
#![forbid(unsafe_code)]

pub mod diagnostic;
pub mod model;
pub mod registry;
pub mod source;
