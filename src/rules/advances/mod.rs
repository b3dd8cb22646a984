//! Advance and settlement invoices and order data (`ZAL`, `ROZ`, `Zamowienie`, `ZaliczkaCzesciowa`, `FakturaZaliczkowa`; catalog C.7).

pub mod advance_invoice_reference;
pub mod advance_line_markers;
pub mod advance_rate_on_other_kind;
pub mod advance_without_order;
pub mod invoice_without_lines;
pub mod order_line_duplicate;
pub mod order_on_other_kind;
pub mod order_value_mismatch;
pub mod partial_advances_total;
pub mod settlement_without_advances;
pub mod wdt_advance;
