//! Invoice lines (`FaWiersz`; catalog C.12).
