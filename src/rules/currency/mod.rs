//! Currency (`KodWaluty`, `KursWaluty`, `P_14_xW`; catalog C.10).

pub mod nbp_rate;
pub mod rate_missing;
pub mod rate_on_pln;
pub mod tax_pln_conversion;
pub mod tax_pln_missing;
pub mod tax_pln_on_pln;
