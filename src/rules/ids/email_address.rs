//! `FA3-ID-022` email-address.

use crate::domain::email;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each e-mail address in `DaneKontaktowe` (`Email` of `Podmiot1`,
    /// `Podmiot2` and `Podmiot3`, `EmailPU` of `PodmiotUpowazniony`) has the
    /// usual shape of an address: no whitespace, exactly one `@`, a local part
    /// of letters, digits and ``!#$%&'*+-/=?^_`{|}~`` with dots only between
    /// them, and a domain with at least one dot whose labels are letters,
    /// digits and inner hyphens.
    ///
    /// ## Why it matters
    /// The schema type `TAdresEmail` only asks for `(.)+@(.)+`, so
    /// `jan @firma` passes it. An address that cannot receive mail defeats
    /// the point of giving contact data; fa3 reports it as an info since the
    /// invoice itself is unaffected.
    ///
    /// ## Example
    /// ```xml
    /// <Email>jan @firma</Email>
    /// ```
    ///
    /// ## Fix
    /// Correct the address (`jan@firma.pl`), or leave the element out.
    pub static EMAIL_ADDRESS = {
        code: "FA3-ID-022",
        name: "email-address",
        severity: Info,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for contact in ctx.facts().contacts() {
        let Some((element, value)) = contact.email else {
            continue;
        };
        if let Err(err) = email::validate(value) {
            out.report(
                &EMAIL_ADDRESS,
                crate::facts::child(&contact.path, element),
                format!("the e-mail address {value:?} does not look deliverable: {err}"),
            )
            .help = Some(
                "correct the address (name@domain.pl, without spaces) or leave the element out"
                    .into(),
            );
        }
    }
}
