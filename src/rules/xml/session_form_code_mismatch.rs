//! `FA3-XML-009` session-form-code-mismatch.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

/// The `systemCode` of the FA(3) form ([`crate::ksef::FA3_SYSTEM_CODE`]).
pub const FA3_SYSTEM_CODE: &str = crate::ksef::FA3_SYSTEM_CODE;

crate::declare_rule! {
    /// ## What it checks
    /// The form code the session is opened with (`form_code` in the settings,
    /// the `formCode.systemCode` of the KSeF session request) is `FA (3)`,
    /// the form of the document. Nothing is reported when the form code is
    /// not given.
    ///
    /// ## Why it matters
    /// A session is opened for one form, and KSeF validates every document of
    /// the session against that form's schema ("określa, którą wersję XSD
    /// system będzie stosować", KSeF docs: sesja-interaktywna,
    /// sesja-wsadowa; weryfikacja-faktury). An FA(3) invoice sent in an
    /// `FA (2)` session is rejected, and one batch cannot mix FA(2) and
    /// FA(3).
    ///
    /// ## Example
    /// ```text
    /// formCode: { systemCode: "FA (2)", schemaVersion: "1-0E", value: "FA" }
    /// ```
    ///
    /// ## Fix
    /// Open the session with `systemCode` `FA (3)`, `schemaVersion` `1-0E`
    /// and `value` `FA`.
    pub static SESSION_FORM_CODE_MISMATCH = {
        code: "FA3-XML-009",
        name: "session-form-code-mismatch",
        severity: Error,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(form_code) = ctx.settings.form_code.as_deref() else {
        return;
    };
    if form_code.trim() != FA3_SYSTEM_CODE {
        out.report(
            &SESSION_FORM_CODE_MISMATCH,
            "/Faktura/Naglowek/KodFormularza",
            format!(
                "the session's form code is {form_code:?}, but this is an {FA3_SYSTEM_CODE} document; KSeF validates it against the session's schema and will reject it"
            ),
        )
        .help = Some(format!(
            "open the session with systemCode \"{FA3_SYSTEM_CODE}\", schemaVersion \"1-0E\" and value \"FA\""
        ));
    }
}
