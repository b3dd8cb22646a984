//! Payment (`Platnosc`; catalog C.13).

pub mod bank_own_account;
pub mod ipksef_reused;
pub mod partial_payments_total;
pub mod payment_date_pair;
pub mod payment_form_choice;
pub mod payment_term_quantity;
pub mod transfer_without_account;
