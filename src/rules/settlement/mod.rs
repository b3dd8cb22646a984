//! Settlement (`Rozliczenie`; catalog C.14).

pub mod settlement_amount_due;
pub mod settlement_sums;
