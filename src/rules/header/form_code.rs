//! `FA3-HDR-001` header-form-code.

use crate::rules::Check;

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
