//! Annotations (`Adnotacje`; catalog C.11).
