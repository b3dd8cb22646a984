//! Amounts and tax arithmetic (`P_11`, `P_13_x`, `P_14_x`, `P_15`; catalog C.9), on the rate groups of `crate::facts::rates`.
