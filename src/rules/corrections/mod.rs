//! Invoice types and corrections (`RodzajFaktury`, `DaneFaKorygowanej`, `StanPrzed`; catalog C.6).

pub mod amount_before_correction_on_kor;
pub mod before_marker_on_wrong_kind;
pub mod collective_period_on_advance_correction;
pub mod corrected_buyer_link;
pub mod corrected_ksef_number_choice;
pub mod corrected_ksef_number_date;
pub mod corrected_number_unchanged;
pub mod corrected_outside_ksef;
pub mod correction_fields_on_non_correction;
pub mod correction_type_missing;
pub mod correction_without_corrected_invoice;
pub mod nip_corrected;
