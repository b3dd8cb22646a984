//! `FA3-PU-002` authorised-entity-as-issuer.

use crate::facts::parties::{PartyId, token};
use crate::model::{Faktura, TRolaPodmiotu3Type, TRolaPodmiotuUpowaznionegoType};
use crate::rules::parties::{describe_id, third_parties};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A bailiff, an enforcement authority or a tax representative is not
    /// listed as `Podmiot3` with `Rola=5` (the issuer acting for the
    /// taxpayer):
    ///
    /// - when `PodmiotUpowazniony` is present, no `Podmiot3` with `Rola=5`
    ///   has its NIP or its name;
    /// - when it is absent, no `Podmiot3` with `Rola=5` is named as a court
    ///   bailiff (`Komornik`) or a tax office (`Urząd Skarbowy`), the usual
    ///   enforcement authority.
    ///
    /// A tax representative cannot be recognised by name, so only the first
    /// case catches it. Role 5 used for self-billing is FA3-PM3-004.
    ///
    /// ## Why it matters
    /// Role 5 is for an entity issuing invoices on the taxpayer's behalf, and
    /// "not for a bailiff, an enforcement authority or a tax representative"
    /// (MF brochure on FA(3), the roles of `Podmiot3`): those issue under
    /// art. 106c and art. 18a–18d of the VAT Act and belong in
    /// `PodmiotUpowazniony` with `RolaPU` 1, 2 or 3, which tells KSeF and the
    /// buyer that `Podmiot1` is the debtor or the represented taxpayer.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot3>
    ///   <DaneIdentyfikacyjne><NIP>7335255579</NIP><Nazwa>Komornik Sądowy ...</Nazwa></DaneIdentyfikacyjne>
    ///   <Rola>5</Rola>
    /// </Podmiot3>
    /// <PodmiotUpowazniony> ... <NIP>7335255579</NIP> ... <RolaPU>2</RolaPU>
    /// ```
    ///
    /// ## Fix
    /// Give the bailiff, enforcement authority or tax representative only in
    /// `PodmiotUpowazniony` (with its `RolaPU`) and remove the `Podmiot3`
    /// with `Rola=5`.
    pub static AUTHORISED_ENTITY_AS_ISSUER = {
        code: "FA3-PU-002",
        name: "authorised-entity-as-issuer",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// What `RolaPU` says the authorised entity is.
fn authorised_role(role: &TRolaPodmiotuUpowaznionegoType) -> &'static str {
    match role {
        TRolaPodmiotuUpowaznionegoType::_1 => "an enforcement authority (RolaPU 1)",
        TRolaPodmiotuUpowaznionegoType::_2 => "a court bailiff (RolaPU 2)",
        TRolaPodmiotuUpowaznionegoType::_3 => "a tax representative (RolaPU 3)",
    }
}

/// What a name says the party is, when it names a bailiff or a tax office.
fn enforcement_by_name(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    if lower.contains("komornik") {
        Some("a court bailiff")
    } else if lower.contains("urząd skarbowy") || lower.contains("urzędu skarbowego") {
        Some("a tax office, an enforcement authority")
    } else {
        None
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let authorised = invoice.podmiot_upowazniony.as_ref();
    for third in third_parties(ctx).filter(|t| t.has_role(&TRolaPodmiotu3Type::_5)) {
        let label = third.party.label();
        if let Some(pu) = authorised {
            let pu_nip = token(&pu.dane_identyfikacyjne.nip.0);
            let pu_name = token(&pu.dane_identyfikacyjne.nazwa.0);
            let same_nip = matches!(third.party.id, PartyId::Nip(n) if token(n) == pu_nip);
            let same_name = third
                .name()
                .is_some_and(|n| n.to_lowercase() == pu_name.to_lowercase());
            if !(same_nip || same_name) {
                continue;
            }
            let by = if same_nip {
                format!("NIP {pu_nip}")
            } else {
                format!("name {pu_name}")
            };
            out.report(
                &AUTHORISED_ENTITY_AS_ISSUER,
                crate::facts::child(&third.party.path, "Rola"),
                format!(
                    "{label} with Rola 5 (issuer for the taxpayer) has the {by} of PodmiotUpowazniony, which is {role}; such an entity is given only as PodmiotUpowazniony",
                    role = authorised_role(&pu.rola_pu)
                ),
            )
            .help = Some(format!(
                "remove {label}: PodmiotUpowazniony already names the issuer"
            ));
        } else if let Some(name) = third.name()
            && let Some(what) = enforcement_by_name(name)
        {
            out.report(
                &AUTHORISED_ENTITY_AS_ISSUER,
                crate::facts::child(&third.party.path, "Rola"),
                format!(
                    "{label} with Rola 5 (issuer for the taxpayer) is named \"{name}\" ({id}), which looks like {what}; role 5 is not for bailiffs, enforcement authorities or tax representatives",
                    id = describe_id(&third.party.id)
                ),
            )
            .help = Some(format!(
                "give the issuer as PodmiotUpowazniony with RolaPU 1 (enforcement authority), 2 (court bailiff) or 3 (tax representative) instead of {label}"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::enforcement_by_name;

    #[test]
    fn names() {
        assert!(enforcement_by_name("Komornik Sądowy przy Sądzie Rejonowym").is_some());
        assert!(enforcement_by_name("KOMORNIK SĄDOWY Jan Nowak").is_some());
        assert!(enforcement_by_name("Naczelnik Urzędu Skarbowego Warszawa-Bemowo").is_some());
        assert!(enforcement_by_name("Biuro Rachunkowe Nowak").is_none());
    }
}
