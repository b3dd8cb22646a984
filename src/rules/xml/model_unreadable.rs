//! `FA3-XML-012` typed-model-unreadable: what the typed model cannot keep
//! when `fa3 format` writes an invoice back ([`crate::format::format`]), and
//! a schema-valid document the typed model cannot read (the business rules
//! are then skipped; the typed parser, [`crate::parse()`], reports the same
//! code at error severity). No schema-valid document is known to reach the
//! second case.

use std::fmt::Display;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// fa3's typed model (generated from the FA(3) schema) cannot keep or
    /// read part of a document: `fa3 format` would lose a comment, a
    /// processing instruction or an `xsi:` attribute, or a schema-valid
    /// document cannot be read into the model (then no business rule ran).
    ///
    /// It is reported:
    ///
    /// - by `fa3 format`, for anything the model would not keep when it
    ///   writes the invoice back (a comment, a processing instruction, an
    ///   `xsi:` attribute, a value it would change), at error severity; it
    ///   then prints nothing: content is never dropped silently;
    /// - by `fa3::parse` and the commands that need the typed model (`fa3
    ///   format`, `fa3 link`, `fa3 registry record`), at error severity, for
    ///   a schema-valid document the model cannot read (a document the schema
    ///   rejects gets the schema's findings instead);
    /// - by `fa3 check` and `fa3::validate`, as a warning, for a schema-valid
    ///   document the model cannot read: no business rule ran on it.
    ///
    /// No schema-valid document is known that the model cannot read, so the
    /// last two are a safeguard. The cases there were, each read as the
    /// schema reads it now: `Ilosc` of a payment term's `TerminOpis`, an
    /// unbounded `xsd:integer` (`3000000000`) that the model held in an
    /// `i32`; a choice field of the `TWybor1_2` kind written `+02` or `02`;
    /// an empty `PrefiksPodatnika` meaning its fixed `PL`; text at its
    /// length limit in multi-byte letters.
    ///
    /// ## Why it matters
    /// `fa3 format` would otherwise drop part of the document without a
    /// word. For a schema-valid document the model cannot read, KSeF will
    /// accept it, but fa3 could not check the rules KSeF applies beyond the
    /// schema (dates, NIP checksums, duplicates) or the legal ones: the
    /// invoice is not known to be clean.
    ///
    /// ## Example
    /// ```xml
    /// <Fa>
    ///   <!-- approved by the sales team --> <!-- fa3 format cannot keep a comment -->
    ///   <KodWaluty>PLN</KodWaluty>
    /// ```
    ///
    /// ## Fix
    /// For `fa3 format`: remove the comment, processing instruction or
    /// `xsi:` attribute first, if losing it is acceptable (KSeF does not need
    /// them). For a document the model cannot read: nothing is wrong with the
    /// invoice for KSeF; check its business content by other means, and
    /// report the document to fa3.
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
