//! Session and package rules (`FA3-BATCH-*`), checked by [`crate::run`] over
//! the documents and ZIP packages of a run.

pub mod package_part_too_large;
pub mod package_too_large;
pub mod too_many_invoices;
pub mod too_many_parts;
