//! Footer (`Stopka`; catalog C.16).
