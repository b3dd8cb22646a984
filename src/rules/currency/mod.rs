//! Currency (`KodWaluty`, `KursWaluty`, `P_14_xW`; catalog C.10).
