//! Invoice types and corrections (`RodzajFaktury`, `DaneFaKorygowanej`, `StanPrzed`; catalog C.6).
