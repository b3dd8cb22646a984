//! Annotations (`Adnotacje`; catalog C.11).

pub mod annotations_complete;
pub mod exemption_basis;
pub mod exemption_choice;
pub mod margin_choice;
pub mod new_transport_choice;
pub mod new_vehicle_supply;
pub mod triangular_supply;

/// The path of the annotations element.
const ADNOTACJE: &str = "/Faktura/Fa/Adnotacje";
