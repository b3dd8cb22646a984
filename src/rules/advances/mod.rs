//! Advance and settlement invoices and order data (`ZAL`, `ROZ`, `Zamowienie`, `ZaliczkaCzesciowa`, `FakturaZaliczkowa`; catalog C.7).
