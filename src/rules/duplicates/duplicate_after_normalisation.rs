//! `FA3-DUP-003` duplicate-after-normalisation: an error when the registry
//! holds the key under a number written differently
//! (`already_sent::check`); an info when
//! another number differs only in letter case (`case_only_sent`,
//! `case_only_in_run`).

use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::DupKey;
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The invoice number `P_2` differs from a number already sent only in
    /// whitespace that `xsd:token` normalisation removes (leading, trailing,
    /// repeated spaces, tabs, line breaks): an error, since the keys are the
    /// same. A number that differs only in letter case from one already sent
    /// or earlier in the run gets an info. Checked by `fa3::run`.
    ///
    /// ## Why it matters
    /// `P_2` has the type `TZnakowy`, an `xsd:token`, and KSeF stores and
    /// compares the collapsed value (ksef-api#797; duplicate detection was
    /// redone once because numbers were not trimmed, ksef-api#703), so
    /// " FV  1 " is rejected with status 440 as a duplicate of "FV 1". Whether
    /// KSeF folds letter case is not documented.
    ///
    /// ## Example
    /// ```xml
    /// <P_2> FV/2026/11/001 </P_2> <!-- "FV/2026/11/001" was already sent -->
    /// ```
    ///
    /// ## Fix
    /// Give the invoice a new number without stray whitespace; do not reuse
    /// a number that differs only in case.
    pub static DUPLICATE_AFTER_NORMALISATION = {
        code: "FA3-DUP-003",
        name: "duplicate-after-normalisation",
        severity: Error,
        since: "0.1.0",
        check: Check::Batch,
    }
}

/// The info for a number (`key`'s) that differs only in letter case from
/// the number `sent` of an invoice already sent.
pub(crate) fn case_only_sent(key: &DupKey, sent: &str) -> Diagnostic {
    DUPLICATE_AFTER_NORMALISATION
        .diagnostic_at(
            Severity::Info,
            format!(
                "the number \"{}\" differs only in letter case from \"{sent}\", already sent; KSeF may or may not treat them as the same",
                key.number()
            ),
        )
        .with_path(super::P_2)
}

/// The info for a `number` that differs only in letter case from the
/// number `other` of the document `name` earlier in the run.
pub(crate) fn case_only_in_run(number: &str, other: &str, name: &str) -> Diagnostic {
    DUPLICATE_AFTER_NORMALISATION
        .diagnostic_at(
            Severity::Info,
            format!(
                "the number \"{number}\" differs only in letter case from \"{other}\" in {name}"
            ),
        )
        .with_path(super::P_2)
}
