//! `FA3-XML-002` utf8-bom: the file starts with a byte order mark.
//!
//! Checked by the byte-level pre-scan in [`crate::hygiene`].

use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The first three bytes of the file are `EF BB BF`, the UTF-8 byte order
    /// mark (BOM).
    ///
    /// ## Why it matters
    /// KSeF requires UTF-8 *without* a BOM and rejects the invoice with status
    /// 450.
    ///
    /// ## Example
    /// A file saved as "UTF-8 with BOM": `EF BB BF 3C 3F 78 6D 6C …`
    ///
    /// ## Fix
    /// Save it as plain UTF-8, so it starts with `<?xml` (`3C 3F 78 6D 6C`).
    ///
    /// ## References
    /// - KSeF documentation, *Weryfikacja faktury* (UTF-8 without BOM).
    pub static BOM = {
        code: "FA3-XML-002",
        name: "utf8-bom",
        severity: Error,
        since: "0.1.0",
        check: Check::Hygiene,
    }
}
