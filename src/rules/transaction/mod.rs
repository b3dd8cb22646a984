//! Transaction terms (`WarunkiTransakcji`; catalog C.15).
//!
//! The carrier's NIP checksum (catalog FA3-TRN-005) is checked by
//! FA3-ID-002 with the other NIPs KSeF does not verify.

pub mod contract_currency_pln;
pub mod contract_rate_foreign_invoice;
pub mod contract_rate_pair;
pub mod transport_choice;

/// The path of the contract rate's currency.
const WALUTA_UMOWNA: &str = "/Faktura/Fa/WarunkiTransakcji/WalutaUmowna";
/// The path of the contract rate.
const KURS_UMOWNY: &str = "/Faktura/Fa/WarunkiTransakcji/KursUmowny";
