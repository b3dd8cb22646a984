//! `FA3-AMT-015` reverse-charge-unused.

use crate::facts::rates::RateGroup;
use crate::model::{Faktura, TWybor12Type};
use crate::rules::amounts::{group_evidence, states_rates};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// `P_18=1` (reverse charge) on an invoice with no `oo` or `np` line (or
    /// order line) and no `P_13_8`, `P_13_9` or `P_13_10`.
    ///
    /// Refined: silent on an invoice that states no rate at all (a
    /// correction of the buyer's data only, for instance).
    ///
    /// ## Why it matters
    /// Reverse-charge sales are reported without tax in `P_13_8`…`P_13_10`
    /// (KSeF JSON rule R30 in other validators). A `P_18=1` on an invoice
    /// that charges tax at a Polish rate says the buyer settles a tax the
    /// seller also charges.
    ///
    /// ## Source
    /// ksefuj semantic rule R30.
    ///
    /// ## Example
    /// ```xml
    /// <P_18>1</P_18> <!-- but every line is 23 % -->
    /// ```
    ///
    /// ## Fix
    /// Give the reverse-charge lines `P_12` `oo` (or `np I`/`np II`) with
    /// their summary field, or write `P_18=2`.
    pub static REVERSE_CHARGE_UNUSED = {
        code: "FA3-AMT-015",
        name: "reverse-charge-unused",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if invoice.fa.adnotacje.p_18 != TWybor12Type::_1 || !states_rates(ctx) {
        return;
    }
    let used = [
        RateGroup::ReverseCharge,
        RateGroup::OutsideII,
        RateGroup::OutsideI,
    ]
    .into_iter()
    .any(|g| group_evidence(ctx, g).is_some());
    if used {
        return;
    }
    out.report(
        &REVERSE_CHARGE_UNUSED,
        "/Faktura/Fa/Adnotacje/P_18",
        "P_18 is 1 (reverse charge), but no line has P_12 oo, np I or np II and there is no P_13_8, P_13_9 or P_13_10",
    )
    .help = Some(
        "give the reverse-charge lines their rate (oo, np I, np II) and summary field, or write P_18=2".to_string(),
    );
}
