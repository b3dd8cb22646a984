//! `FA3-AMT-017` oss-tax-absent.

use crate::facts::money::display;
use crate::facts::rates::RateGroup;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An invoice with OSS sales (`P_13_5`, the special procedure of dział
    /// XII rozdział 6a) that gives no tax for them (`P_14_5`).
    ///
    /// ## Why it matters
    /// The schema makes `P_14_5` optional, so leaving it out is allowed;
    /// but the buyer (and the seller's OSS return) then has the tax of
    /// those sales only from the lines, if at all. Worth a look, nothing
    /// more.
    ///
    /// ## Source
    /// XSD: `P_14_5` has `minOccurs=0`.
    ///
    /// ## Example
    /// ```xml
    /// <P_13_5>100.00</P_13_5> <!-- no P_14_5 -->
    /// ```
    ///
    /// ## Fix
    /// Give the tax of the OSS sales in `P_14_5` (the tax of the member
    /// state of consumption), or leave it out knowingly.
    pub static OSS_TAX_ABSENT = {
        code: "FA3-AMT-017",
        name: "oss-tax-absent",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(declared) = ctx
        .facts()
        .rates()
        .group(RateGroup::Oss)
        .and_then(|g| g.declared)
    else {
        return;
    };
    if declared.tax.is_some() || declared.net.is_zero() {
        return;
    }
    out.report(
        &OSS_TAX_ABSENT,
        "/Faktura/Fa/P_13_5",
        format!(
            "P_13_5 is {net} (OSS sales), but the invoice gives no P_14_5, the tax of those sales",
            net = display(declared.net)
        ),
    )
    .help =
        Some("add P_14_5 with the tax of the OSS sales, if you want it on the invoice".to_string());
}
