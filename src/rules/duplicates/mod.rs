//! Duplicate rules (`FA3-DUP-*`): the KSeF duplicate key (seller NIP,
//! `RodzajFaktury`, `P_2`). FA3-DUP-005 runs on one document; the others
//! need the registry of sent invoices or the other documents of a run and
//! are checked by [`crate::run`].

pub mod already_sent;
pub mod duplicate_after_normalisation;
pub mod duplicate_in_run;
pub mod duplicate_within_horizon;
pub mod invoice_number_whitespace;

/// The element the duplicate rules report at: the invoice number.
pub(crate) const P_2: &str = "/Faktura/Fa/P_2";
