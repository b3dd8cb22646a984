//! `FA3-XSD-012` wrong-root: reported by the streaming schema validator
//! ([`crate::schema`]), and before it by form detection ([`crate::form`]),
//! which names the form of a document in another one (`form_problem`).

use crate::diagnostic::Diagnostic;
use crate::form::Form;
use crate::rules::Check;
use crate::source::root_span;

crate::declare_rule! {
    /// ## What it checks
    /// The root element is not `Faktura` in the FA(3) namespace
    /// `http://crd.gov.pl/wzor/2025/06/25/13775/`: an FA(2) document, a document
    /// without namespace, a pre-release FA(3) namespace, or another document
    /// type. fa3 names what it found.
    ///
    /// ## Why it matters
    /// KSeF validates every invoice against the FA(3) schema and rejects any
    /// violation with status 450 ("Błąd weryfikacji semantyki dokumentu faktury";
    /// KSeF docs: weryfikacja-faktury, rule catalog FA3-XML-008).
    ///
    /// ## Example
    /// ```xml
    /// <Faktura xmlns="http://crd.gov.pl/wzor/2023/06/29/12648/"> <!-- FA(2) -->
    /// ```
    ///
    /// ## Fix
    /// Send FA(3) documents only; generate the invoice in the FA(3) structure.
    pub static WRONG_ROOT = {
        code: "FA3-XSD-012",
        name: "wrong-root",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}

/// This rule's one finding for a document (`bytes`) whose root says it is
/// not an FA(3) invoice (`form`): it names the form, at the root's start
/// tag, instead of the full validator's cascade of errors.
pub(crate) fn form_problem(bytes: &[u8], form: &Form) -> Option<Diagnostic> {
    let problem = form.problem()?;
    Some(
        WRONG_ROOT
            .diagnostic(problem)
            .with_path("/")
            .with_span(root_span(bytes))
            .with_help("send FA (3) documents only; convert the document to the FA (3) structure"),
    )
}
