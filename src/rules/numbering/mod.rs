//! Invoice number rules (`FA3-NUM-*`): `Fa/P_2`; and the warehouse document
//! numbers `Fa/WZ` (`FA3-WZ-*`).

pub mod duplicate_wz_number;
pub mod invoice_number_length;
pub mod invoice_number_looks_like_ksef_number;
