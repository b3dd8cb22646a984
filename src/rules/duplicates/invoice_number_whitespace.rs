//! `FA3-DUP-005` invoice-number-whitespace.

use std::fmt::Write as _;

use crate::diagnostic::Diagnostic;
use crate::registry::{normalize_token, whitespace_issues};
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The invoice number `Fa/P_2` has no leading, trailing or repeated
    /// whitespace, no tabs or line breaks, and no no-break spaces (U+00A0,
    /// U+2007, U+202F). The typed model trims values, so the number is read
    /// from the document's text.
    ///
    /// ## Why it matters
    /// `P_2` is an `xsd:token`: KSeF stores the number with its whitespace
    /// collapsed (ksef-api#797), so the number in KSeF no longer matches the
    /// one in the issuing system, and searches and payment matching fail. A
    /// no-break space is not whitespace to `xsd:token`; it survives into KSeF
    /// but is never what a person types when searching.
    ///
    /// ## Example
    /// ```xml
    /// <P_2>FV  1/2026</P_2>
    /// ```
    ///
    /// ## Fix
    /// Remove the extra whitespace from the number in the issuing system and
    /// use plain spaces only.
    pub static INVOICE_NUMBER_WHITESPACE = {
        code: "FA3-DUP-005",
        name: "invoice-number-whitespace",
        severity: Warning,
        since: "0.1.0",
        check: Check::Hygiene,
    }
}

/// The finding for `Fa/P_2` of the document `bytes`, if its whitespace is
/// unusual. The typed model trims the value, so it is read from the text as
/// written.
pub(crate) fn check_text(bytes: &[u8]) -> Option<Diagnostic> {
    check_raw(&crate::source::raw_text(bytes, "/Faktura/Fa/P_2")?)
}

/// The finding for the raw text of `Fa/P_2`, if its whitespace is unusual.
pub(crate) fn check_raw(raw: &str) -> Option<Diagnostic> {
    let issues = whitespace_issues(raw);
    if issues.is_empty() {
        return None;
    }
    let mut message = format!("the invoice number {raw:?} has unusual whitespace ({issues})");
    if issues.changed_by_normalisation() {
        let _ = write!(
            message,
            "; KSeF stores it as {:?}, which will not match the number in the issuing system",
            normalize_token(raw)
        );
    }
    if issues.nbsp {
        message.push_str("; KSeF keeps a no-break space, but nobody types one when searching");
    }
    let meta = &INVOICE_NUMBER_WHITESPACE.meta;
    Some(
        Diagnostic::new(meta.code, meta.severity, message)
            .with_path("/Faktura/Fa/P_2")
            .with_help("write the number with single plain spaces and nothing before or after it"),
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::check_raw;

    #[test]
    fn reports_what_normalisation_hides() {
        assert!(check_raw("FV 1/2026").is_none());
        let d = check_raw(" FV  1/2026\n").unwrap();
        assert!(
            d.message
                .contains("leading, trailing, repeated, line break"),
            "{}",
            d.message
        );
        assert!(d.message.contains("\"FV 1/2026\""), "{}", d.message);
        let d = check_raw("FV\u{a0}1/2026").unwrap();
        assert!(d.message.contains("no-break space"), "{}", d.message);
        assert!(!d.message.contains("stores it as"), "{}", d.message);
    }
}
