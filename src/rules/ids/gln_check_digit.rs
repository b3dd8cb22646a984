//! `FA3-ID-018` gln-check-digit.

use crate::domain::gs1::{self, Gs1Error};
use crate::facts::parties::addresses;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each `GLN` of an address (the parties' `Adres` and `AdresKoresp`, the
    /// carrier's address and the shipping addresses of `Transport`) that has
    /// 13 digits ends in the right GS1 check digit: from the right, the other
    /// digits are weighted 3, 1, 3, …, and the check digit brings the sum to a
    /// multiple of ten. Values that are not 13 digits are not GLNs and are
    /// left alone.
    ///
    /// ## Why it matters
    /// The schema allows any 1–13 characters (`TGLN`). A GLN with a wrong
    /// check digit identifies no location, so EDI and logistics systems that
    /// route by GLN cannot use it.
    ///
    /// ## Example
    /// ```xml
    /// <GLN>5901234123458</GLN> <!-- the check digit should be 7 -->
    /// ```
    ///
    /// ## Fix
    /// Copy the GLN from the GS1 registry (GEPIR) or the partner's master
    /// data.
    pub static GLN_CHECK_DIGIT = {
        code: "FA3-ID-018",
        name: "gln-check-digit",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    for address in addresses(invoice) {
        let Some(gln) = address.gln else { continue };
        if let Err(Gs1Error::CheckDigit { expected, found }) = gs1::validate_gln(gln) {
            out.report(
                &GLN_CHECK_DIGIT,
                crate::facts::child(&address.path, "GLN"),
                format!(
                    "the GLN {gln} is not valid: its check digit is {found}, but the other digits call for {expected}"
                ),
            )
            .help = Some("copy the GLN from the GS1 registry or the partner's master data".into());
        }
    }
}
