//! Size rules (`FA3-SIZE-*`).

pub mod too_large;
pub mod too_large_with_attachment;
