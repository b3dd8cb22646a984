//! `FA3-NUM-001` invoice-number-length: a schema failure at `P_2` whose
//! normalised length is not 1 to 256 characters gets this code and a message
//! that says the length (`refine`).

use crate::diagnostic::Diagnostic;
use crate::registry::normalize_token;
use crate::rules::Check;
use crate::rules::util::at_or_inside;
use crate::source::raw_text;

crate::declare_rule! {
    /// ## What it checks
    /// The invoice number `Fa/P_2` has 1 to 256 characters after
    /// `xsd:token` normalisation (leading and trailing whitespace removed,
    /// inner runs collapsed to one space): it is neither empty, nor blank, nor
    /// too long.
    ///
    /// ## Why it matters
    /// `P_2` has the type `TZnakowy` (schemat_FA(3)_v1-0E.xsd: `xsd:token`,
    /// `minLength` 1, `maxLength` 256), so KSeF rejects a blank or overlong
    /// number with status 450. The number is also part of the duplicate key
    /// (KSeF docs: weryfikacja-faktury, "Unikalność faktury").
    ///
    /// ## Example
    /// ```xml
    /// <P_2>   </P_2>
    /// ```
    ///
    /// ## Fix
    /// Write the invoice's own number, as assigned by the issuing system,
    /// with at most 256 characters.
    pub static INVOICE_NUMBER_LENGTH = {
        code: "FA3-NUM-001",
        name: "invoice-number-length",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}

const P_2: &str = "/Faktura/Fa/P_2";

/// The length of `P_2` (`TZnakowy`), in characters after normalisation.
const P2_MAX_CHARS: usize = 256;

/// This rule's finding for a schema failure at `path` (without indices),
/// when `path` is `P_2` (or inside it) and its value, read from `bytes`, is
/// blank or longer than the schema allows.
pub(crate) fn refine(bytes: &[u8], path: &str) -> Option<Diagnostic> {
    if !at_or_inside(path, P_2) {
        return None;
    }
    let raw = raw_text(bytes, path)?;
    let chars = normalize_token(&raw).chars().count();
    let message = if chars == 0 {
        "the invoice number P_2 is empty or blank".to_string()
    } else if chars > P2_MAX_CHARS {
        format!(
            "the invoice number P_2 has {chars} characters; the schema allows at most {P2_MAX_CHARS}"
        )
    } else {
        return None;
    };
    Some(
        INVOICE_NUMBER_LENGTH
            .diagnostic(message)
            .with_help("write the invoice's own number, 1 to 256 characters")
            .with_path(path),
    )
}
