//! Header rules (`FA3-HDR-*`): `Naglowek`.

pub mod creation_date_format;
pub mod creation_date_in_future;
pub mod creation_date_range;
pub mod form_code;
pub mod system_info_missing;
