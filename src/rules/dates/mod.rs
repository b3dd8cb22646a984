//! Date rules (`FA3-DATE-*`).

pub mod advance_received_after_issue;
pub mod calendar;
pub mod common_and_line_delivery_dates;
pub mod corrected_invoice_after_correction;
pub mod date_out_of_range;
pub mod due_date_before_issue;
pub mod identical_line_delivery_dates;
pub mod issue_date_in_future;
pub mod issue_date_offline;
pub mod issue_date_time_zone_window;
pub mod issued_before_ksef_obligation;
pub mod issued_too_early;
pub mod payment_after_issue;
pub mod period_order;
pub mod transport_ends_before_start;
