//! Invoice number rules (`FA3-NUM-*`): `Fa/P_2`.

pub mod invoice_number_length;
pub mod invoice_number_looks_like_ksef_number;
