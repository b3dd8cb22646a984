//! `FA3-XML-011` fa2-document: found by form detection ([`crate::form`])
//! before the full schema validator runs.

use crate::diagnostic::Diagnostic;
use crate::form::Form;
use crate::rules::Check;
use crate::source::root_span;

crate::declare_rule! {
    /// ## What it checks
    /// The document is in the FA(2) structure (namespace
    /// `http://crd.gov.pl/wzor/2023/06/29/12648/`). fa3 reports it in
    /// addition to the FA3-XML-008 error that every non-FA(3) document gets,
    /// and does not check it further.
    ///
    /// ## Why it matters
    /// FA(3) is the only structure for invoices issued from 2026-02-01 (MF
    /// brochure on the FA(3) structure, § 1.2). The KSeF API still lists the
    /// `FA (2)` form code for sessions, so an FA(2) session may accept the
    /// document, but the invoice does not follow the current structure.
    ///
    /// ## Example
    /// ```xml
    /// <Faktura xmlns="http://crd.gov.pl/wzor/2023/06/29/12648/">
    /// ```
    ///
    /// ## Fix
    /// Generate the invoice in the FA(3) structure
    /// (`http://crd.gov.pl/wzor/2025/06/25/13775/`).
    pub static FA2_DOCUMENT = {
        code: "FA3-XML-011",
        name: "fa2-document",
        severity: Warning,
        since: "0.1.0",
        check: Check::Schema,
    }
}

/// This rule's finding for a document (`bytes`) whose root says it is in
/// the FA(2) structure (`form`), at the root's start tag.
pub(crate) fn check(bytes: &[u8], form: &Form) -> Option<Diagnostic> {
    if !form.is_fa2() {
        return None;
    }
    Some(
        FA2_DOCUMENT
            .diagnostic(
                "this is an FA (2) document; FA (3) is the only structure for invoices issued from 2026-02-01",
            )
            .with_path("/")
            .with_span(root_span(bytes))
            .with_help("generate the invoice in the FA (3) structure"),
    )
}
