//! Footer (`Stopka`; catalog C.16).
//!
//! The REGON check digit of `Stopka/Rejestry` is FA3-ID-006; the lengths of
//! `KRS` and `BDO` are checked by the schema.

pub mod bdo_number;
pub mod footer_limits;
