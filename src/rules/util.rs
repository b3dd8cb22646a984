//! Small helpers shared by rules.

pub use crate::facts::{indexed, xsd_value};
