//! `FA3-HDR-001` header-form-code: a schema failure at `KodFormularza` or
//! `WariantFormularza` gets this code and a message that says what the form
//! is (`refine`), and the fixed attributes of `KodFormularza`, which the
//! typed model does not check, are checked on the invoice (`check_typed`).

use crate::diagnostic::Diagnostic;
use crate::ksef::{FA3_SCHEMA_VERSION, FA3_SYSTEM_CODE};
use crate::model::Faktura;
use crate::rules::Check;
use crate::rules::util::at_or_inside;
use crate::source::raw_text;

crate::declare_rule! {
    /// ## What it checks
    /// The header names the FA(3) form: `KodFormularza` is `FA` with
    /// `kodSystemowy="FA (3)"` (with a space) and `wersjaSchemy="1-0E"`, and
    /// `WariantFormularza` is `3`. A root element in another namespace is
    /// reported by FA3-XML-008 (and FA3-XML-011 for FA(2)).
    ///
    /// ## Why it matters
    /// The schema fixes these values (schemat_FA(3)_v1-0E.xsd, `TNaglowek`;
    /// MF brochure on the FA(3) structure, § 4.1). KSeF validates the document
    /// against the schema and rejects it with status 450, e.g. "The value of
    /// the 'kodSystemowy' attribute does not equal its fixed value."
    /// (ksef-api#495).
    ///
    /// ## Example
    /// ```xml
    /// <KodFormularza kodSystemowy="FA (3)" wersjaSchemy="1-0E">FA</KodFormularza>
    /// <WariantFormularza>2</WariantFormularza>
    /// ```
    ///
    /// ## Fix
    /// Generate the header of the FA(3) form exactly:
    /// `<KodFormularza kodSystemowy="FA (3)" wersjaSchemy="1-0E">FA</KodFormularza>`
    /// and `<WariantFormularza>3</WariantFormularza>`.
    pub static HEADER_FORM_CODE = {
        code: "FA3-HDR-001",
        name: "header-form-code",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}

const KOD_FORMULARZA: &str = "/Faktura/Naglowek/KodFormularza";
const WARIANT_FORMULARZA: &str = "/Faktura/Naglowek/WariantFormularza";

const HELP: &str = "write <KodFormularza kodSystemowy=\"FA (3)\" wersjaSchemy=\"1-0E\">FA</KodFormularza> and <WariantFormularza>3</WariantFormularza>";

/// This rule's finding for the schema failure `failure` at `path` (without
/// indices), when `path` is `KodFormularza` or `WariantFormularza` or
/// inside them; the values are read from `bytes`.
pub(crate) fn refine(bytes: &[u8], path: &str, failure: &Diagnostic) -> Option<Diagnostic> {
    if !at_or_inside(path, KOD_FORMULARZA) && !at_or_inside(path, WARIANT_FORMULARZA) {
        return None;
    }
    let message = match raw_text(bytes, path) {
        Some(v) if path == WARIANT_FORMULARZA && v.trim() != "3" => format!(
            "WariantFormularza is {:?}; the FA (3) form has variant 3",
            v.trim()
        ),
        Some(v) if path == KOD_FORMULARZA && v.trim() != "FA" => format!(
            "KodFormularza is {:?}; the FA (3) form code is FA",
            v.trim()
        ),
        _ => format!(
            "the header does not name the FA (3) form: {}",
            failure.message
        ),
    };
    Some(
        HEADER_FORM_CODE
            .diagnostic(message)
            .with_help(HELP)
            .with_path(path),
    )
}

/// The fixed attributes of `KodFormularza`, which the typed model reads
/// without checking them.
pub(crate) fn check_typed(invoice: &Faktura) -> Option<Diagnostic> {
    let kod = &invoice.naglowek.kod_formularza;
    if kod.kod_systemowy == FA3_SYSTEM_CODE && kod.wersja_schemy == FA3_SCHEMA_VERSION {
        return None;
    }
    Some(
        HEADER_FORM_CODE
            .diagnostic(format!(
                "KodFormularza has kodSystemowy={:?} and wersjaSchemy={:?}; the schema fixes them to \"{FA3_SYSTEM_CODE}\" (with a space) and \"{FA3_SCHEMA_VERSION}\"",
                kod.kod_systemowy, kod.wersja_schemy
            ))
            .with_path(KOD_FORMULARZA)
            .with_help(HELP),
    )
}
