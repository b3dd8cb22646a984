//! `FA3-XML-002` utf8-bom: the file starts with a byte order mark.
//!
//! Found by the byte-level pre-scan in [`crate::hygiene`], which reports it
//! through the functions here.

use crate::diagnostic::Diagnostic;
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

/// What the summary of the findings beyond the cap calls several of them.
pub(crate) const PLURAL: &str = "byte order marks";

/// The finding for the byte order mark the file starts with (the caller
/// adds its span).
pub(crate) fn finding() -> Diagnostic {
    BOM.diagnostic("the file starts with a UTF-8 byte order mark (EF BB BF)")
        .with_help(
            "KSeF accepts UTF-8 only without a byte order mark: save the file as plain \
             UTF-8 (not \"UTF-8 with BOM\") or strip its first three bytes",
        )
}
