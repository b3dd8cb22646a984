//! `FA3-PM3-004` self-billing-issuer-role.

use crate::facts::parties::Role;
use crate::model::{Faktura, TRolaPodmiotu3Type, TWybor12Type};
use crate::rules::parties::{describe_id, party, same_id, third_parties};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// No `Podmiot3` with `Rola=5` (issuer acting for the taxpayer) is the
    /// buyer: its identifier (`NIP`, EU VAT number or other tax number) is not
    /// that of `Podmiot2`.
    ///
    /// With `Adnotacje/P_17=1` this is self-billing written twice; with
    /// `P_17=2` the buyer issuing the invoice also means self-billing that is
    /// not declared. A role-5 party other than the buyer is not judged. Role 5
    /// given to a bailiff, an enforcement authority or a tax representative is
    /// FA3-PU-002.
    ///
    /// ## Why it matters
    /// Role 5 "does not apply where the buyer issues the invoice" (schema
    /// enumeration of `TRolaPodmiotu3`). For self-billing the buyer stays in
    /// `Podmiot2` and `P_17=1` says that the buyer issued the invoice (MF
    /// brochure on FA(3), the third parties, "critical rule — self-billing";
    /// art. 106d ust. 1 of the VAT Act).
    ///
    /// ## Example
    /// ```xml
    /// <Podmiot2><DaneIdentyfikacyjne><NIP>7335255579</NIP> ...
    /// <Podmiot3><DaneIdentyfikacyjne><NIP>7335255579</NIP> ... <Rola>5</Rola></Podmiot3>
    /// ...
    /// <P_17>1</P_17>
    /// ```
    ///
    /// ## Fix
    /// Remove the `Podmiot3` with `Rola=5` and mark self-billing with
    /// `Adnotacje/P_17=1`.
    pub static SELF_BILLING_ISSUER_ROLE = {
        code: "FA3-PM3-004",
        name: "self-billing-issuer-role",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(buyer) = party(ctx, Role::Buyer) else {
        return;
    };
    let self_billing = invoice.fa.adnotacje.p_17 == TWybor12Type::_1;
    for third in third_parties(ctx).filter(|t| t.has_role(&TRolaPodmiotu3Type::_5)) {
        if !same_id(&third.party.id, &buyer.id) {
            continue;
        }
        let label = third.party.label();
        let id = describe_id(&buyer.id);
        let (message, help) = if self_billing {
            (
                format!(
                    "{label} with Rola 5 (issuer for the taxpayer) is the buyer ({id}); in self-billing (P_17 1) the buyer stays only in Podmiot2, and role 5 does not apply"
                ),
                format!("remove {label}: P_17 1 already says that the buyer issued the invoice"),
            )
        } else {
            (
                format!(
                    "{label} with Rola 5 (issuer for the taxpayer) is the buyer ({id}): an invoice issued by the buyer is self-billing, which P_17 1 declares, and role 5 does not apply"
                ),
                format!("remove {label} and set Adnotacje/P_17 to 1 (self-billing)"),
            )
        };
        out.report(
            &SELF_BILLING_ISSUER_ROLE,
            crate::facts::child(&third.party.path, "Rola"),
            message,
        )
        .help = Some(help);
    }
}
