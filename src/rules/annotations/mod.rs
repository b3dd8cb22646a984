//! Annotations (`Adnotacje`; catalog C.11).

pub mod exemption_basis;
pub mod new_vehicle_supply;
pub mod triangular_supply;

/// The path of the annotations element.
const ADNOTACJE: &str = "/Faktura/Fa/Adnotacje";
