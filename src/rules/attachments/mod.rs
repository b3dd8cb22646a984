//! Attachment rules (`FA3-ATT-*`): `Zalacznik`.

pub mod attachment_in_online_session;
pub mod attachment_needs_batch_session;
pub mod attachments_not_enabled;

/// The path of the attachment element.
const ZALACZNIK: &str = "/Faktura/Zalacznik";
