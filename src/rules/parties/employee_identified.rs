//! `FA3-PM3-003` employee-identified.

use crate::facts::parties::PartyId;
use crate::model::{Faktura, TRolaPodmiotu3Type};
use crate::rules::parties::{describe_id, id_element, third_parties};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// Each `Podmiot3` with `Rola=11` (employee) has `BrakID=1`, not a `NIP`,
    /// `IDWew`, EU VAT or other tax number, and gives the employee's name in
    /// `Nazwa`.
    ///
    /// ## Why it matters
    /// For role 11, `DaneIdentyfikacyjne/BrakID` is 1 and `Nazwa` is the
    /// employee's full name (MF brochure on FA(3), the third parties,
    /// "critical rule — employee"). The role marks purchases an employee made
    /// for the employer; an identifier would give the employee (or the
    /// employee's own business) access to the employer's invoice in KSeF, and
    /// without a name the employee is not identified at all.
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot3>
    ///   <DaneIdentyfikacyjne><NIP>7335255579</NIP><Nazwa>Jan Nowak</Nazwa></DaneIdentyfikacyjne>
    ///   <Rola>11</Rola>
    /// </Podmiot3>
    /// ```
    ///
    /// ## Fix
    /// Use `<BrakID>1</BrakID>` and the employee's first name and surname in
    /// `Nazwa`.
    pub static EMPLOYEE_IDENTIFIED = {
        code: "FA3-PM3-003",
        name: "employee-identified",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    for third in third_parties(ctx).filter(|t| t.has_role(&TRolaPodmiotu3Type::_11)) {
        let label = third.party.label();
        let id = &third.party.id;
        if !matches!(id, PartyId::None) {
            out.report(
                &EMPLOYEE_IDENTIFIED,
                third.party.id_path(id_element(id)),
                format!(
                    "{label} has Rola 11 (employee) but is identified by {id}; an employee is given with BrakID 1",
                    id = describe_id(id)
                ),
            )
            .help = Some(format!(
                "replace the identifier of {label} with <BrakID>1</BrakID>"
            ));
        }
        if third.name().is_none() {
            out.report(
                &EMPLOYEE_IDENTIFIED,
                crate::facts::child(&third.party.path, "DaneIdentyfikacyjne"),
                format!(
                    "{label} has Rola 11 (employee) but no Nazwa, so the employee is not named"
                ),
            )
            .help = Some(format!(
                "give the employee's first name and surname as Nazwa of {label}"
            ));
        }
    }
}
