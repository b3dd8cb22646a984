//! Payment (`Platnosc`; catalog C.13).
