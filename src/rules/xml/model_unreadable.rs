//! `FA3-XML-012` typed-model-unreadable: a schema-valid document the typed
//! model cannot read, so the business rules were skipped. The typed parser
//! ([`crate::parse()`]) reports the same code, at error severity, for any
//! document it cannot read.

use std::fmt::Display;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The document passes the FA(3) schema, but fa3's typed model (generated
    /// from the same schema) cannot read it, so no business rule ran on it.
    /// The known case is `Ilosc` of a payment term's `TerminOpis`: the schema
    /// types it `xsd:integer` (any size libxml2 reads, e.g. `3000000000`),
    /// the model `i32`. (A choice field of the `TWybor1_2` kind written `+02`
    /// or `02`, an empty `PrefiksPodatnika` meaning its fixed `PL`, and text
    /// at its length limit in multi-byte letters were cases until the model
    /// read them as the schema does.)
    ///
    /// `fa3::parse` and the commands that need the typed model (`fa3 format`,
    /// `fa3 link`, `fa3 registry record`) validate first: a document the
    /// schema rejects gets the schema's findings, and a schema-valid one the
    /// model cannot read gets this code at error severity. `fa3 format` also
    /// reports it for anything the model would not keep when it writes the
    /// invoice back (a comment, a processing instruction, an `xsi:`
    /// attribute, a value it would change), and then prints nothing: content
    /// is never dropped silently.
    ///
    /// ## Why it matters
    /// KSeF will accept the document (it is schema-valid), but fa3 could not
    /// check the rules KSeF applies beyond the schema (dates, NIP checksums,
    /// duplicates) or the legal ones. The invoice is not known to be clean.
    ///
    /// ## Example
    /// ```xml
    /// <Ilosc>3000000000</Ilosc> <!-- an xsd:integer, beyond the model's i32 -->
    /// ```
    ///
    /// ## Fix
    /// Nothing is wrong with the invoice for KSeF. Check its business content
    /// by other means, or keep the value within what the model reads.
    pub static MODEL_UNREADABLE = {
        code: "FA3-XML-012",
        name: "typed-model-unreadable",
        severity: Warning,
        since: "0.1.0",
        check: Check::Schema,
    }
}

/// The finding of the checking pipeline for a schema-valid document the
/// typed model cannot read: `reason` is the typed parser's message, `span`
/// where it stopped.
pub(crate) fn schema_valid_but_unreadable(reason: &str, span: Range<usize>) -> Diagnostic {
    let reason = clipped(reason);
    MODEL_UNREADABLE
        .diagnostic(format!(
            "the document is schema-valid, but the typed model cannot read it, so the business rules were skipped ({reason})"
        ))
        .with_span(span)
}

/// The typed parser's error for a document it cannot read, whether or not
/// it is schema-valid: why (`reason`), at which element (`path`) and byte
/// offset (`at`). At error severity: the parser has no invoice to return.
pub(crate) fn parse_failure(reason: &dyn Display, path: String, at: usize) -> Diagnostic {
    let full = reason.to_string();
    let reason = clipped(&full);
    MODEL_UNREADABLE
        .diagnostic_at(
            Severity::Error,
            format!("the typed FA(3) model cannot read this document: {reason}"),
        )
        .with_path(path)
        .with_span(at..at)
}

/// What `fa3 format` would drop or change when it writes the invoice back
/// from the typed model (`what`, e.g. ``the comment `…` ``), at the element
/// `path` and byte offset `at`. At error severity: `fa3 format` prints
/// nothing rather than lose it.
pub(crate) fn not_kept(what: &str, path: String, at: usize) -> Diagnostic {
    MODEL_UNREADABLE
        .diagnostic_at(
            Severity::Error,
            format!(
                "the typed FA(3) model cannot keep {what}: writing the invoice back would lose it"
            ),
        )
        .with_path(path)
        .with_span(at..at)
}

/// The typed model could not write the invoice back (`reason`).
pub(crate) fn not_written(reason: &dyn Display) -> Diagnostic {
    let full = reason.to_string();
    MODEL_UNREADABLE.diagnostic_at(
        Severity::Error,
        format!(
            "the typed FA(3) model cannot write this invoice back: {}",
            clipped(&full)
        ),
    )
}

/// The most characters of the typed parser's message a finding quotes: the
/// message may hold a whole value of the document.
const MAX_REASON: usize = 200;

/// `reason`, cut to [`MAX_REASON`] characters with `…` and its full length.
fn clipped(reason: &str) -> std::borrow::Cow<'_, str> {
    crate::diagnostic::clip(reason, MAX_REASON)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_reasons_are_quoted_in_part() {
        let long = "v".repeat(5_000);
        let d = parse_failure(&long, "/Faktura".into(), 0);
        assert!(d.message.len() < 400, "{}", d.message.len());
        assert!(
            d.message.ends_with("… (5000 characters in all)"),
            "{}",
            d.message
        );
        let short = parse_failure(&"short", "/Faktura".into(), 0);
        assert!(short.message.ends_with("short"));
    }
}
