//! Simplified invoices (`UPR`; catalog C.8).
