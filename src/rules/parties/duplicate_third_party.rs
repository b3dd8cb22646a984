//! `FA3-PM3-007` duplicate-third-party.

use crate::facts::parties::PartyId;
use crate::model::Faktura;
use crate::rules::parties::{ThirdParty, describe_id, same_id, third_parties};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// No two `Podmiot3` entries are the same party in the same role: the
    /// same identifier (`NIP`, `IDWew`, EU VAT number or other tax number) and
    /// the same `Rola` (or `RolaInna` with the same `OpisRoli`). Entries with
    /// `BrakID` count as the same party when their `Nazwa` is the same.
    ///
    /// ## Why it matters
    /// A party with two roles is listed once per role or once with `RolaInna`
    /// and a description of both (MF brochure on FA(3), the third parties,
    /// "dual roles"); listing the same party twice in the same role adds
    /// nothing and is usually a generator repeating a block. Only an info.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot3> ... <NIP>7335255579</NIP> ... <Rola>2</Rola> </Podmiot3>
    /// <Podmiot3> ... <NIP>7335255579</NIP> ... <Rola>2</Rola> </Podmiot3>
    /// ```
    ///
    /// ## Fix
    /// Remove the repeated `Podmiot3`.
    pub static DUPLICATE_THIRD_PARTY = {
        code: "FA3-PM3-007",
        name: "duplicate-third-party",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// True when `a` and `b` are the same party.
fn same_party(a: &ThirdParty<'_, '_>, b: &ThirdParty<'_, '_>) -> bool {
    match (&a.party.id, &b.party.id) {
        (PartyId::None, PartyId::None) => match (a.name(), b.name()) {
            (Some(x), Some(y)) => x.to_lowercase() == y.to_lowercase(),
            _ => false,
        },
        (x, y) => same_id(x, y),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let all: Vec<ThirdParty<'_, '_>> = third_parties(ctx).collect();
    for (i, third) in all.iter().enumerate() {
        let role = third.role_text();
        let Some(first) = all
            .iter()
            .take(i)
            .find(|earlier| earlier.role_text() == role && same_party(earlier, third))
        else {
            continue;
        };
        let label = third.party.label();
        let who = match &third.party.id {
            PartyId::None => format!("\"{}\"", third.name().unwrap_or_default()),
            id => describe_id(id),
        };
        out.report(
            &DUPLICATE_THIRD_PARTY,
            third.party.path.clone(),
            format!(
                "{label} repeats {first_label}: the same party ({who}) in the same role ({role})",
                first_label = first.party.label()
            ),
        )
        .help = Some(format!(
            "remove {label}; a party with two roles is listed once per role, or once with RolaInna"
        ));
    }
}
