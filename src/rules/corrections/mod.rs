//! Invoice types and corrections (`RodzajFaktury`, `DaneFaKorygowanej`, `StanPrzed`; catalog C.6).

pub mod correction_fields_on_non_correction;
pub mod correction_type_missing;
pub mod correction_without_corrected_invoice;
