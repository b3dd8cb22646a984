//! Simplified invoices (`UPR`; catalog C.8).

pub mod simplified_excluded_transaction;
pub mod simplified_over_limit;
pub mod simplified_tax_per_rate;
