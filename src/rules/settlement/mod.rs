//! Settlement (`Rozliczenie`; catalog C.14).
