//! Date rules (`FA3-DATE-*`).

pub mod calendar;
pub mod issue_date_in_future;
pub mod issue_date_offline;
pub mod issue_date_time_zone_window;
