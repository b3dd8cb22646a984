//! `FA3-ZAL-009` wdt-advance.

use crate::facts::rates::RateGroup;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// An advance invoice (`ZAL`, `KOR_ZAL`) with an order row taxed `0 WDT`
    /// (`ZamowienieWiersz/P_12Z`), an invoice line taxed `0 WDT`, or
    /// `P_13_6_2` (the intra-Community supply total). Reported as
    /// information, once per invoice.
    ///
    /// ## Why it matters
    /// The MF brochure on FA(3) notes that `P_12Z` = `0 WDT` "will not be used
    /// in practice": an advance received for an intra-Community supply of
    /// goods creates no tax point (art. 20 ust. 1 and 2 of the VAT Act tie
    /// the WDT tax point to the issue of the invoice or the 15th of the next
    /// month), so no advance invoice is due for it.
    ///
    /// ## Example
    /// ```xml
    /// <RodzajFaktury>ZAL</RodzajFaktury> ...
    /// <ZamowienieWiersz>... <P_12Z>0 WDT</P_12Z></ZamowienieWiersz>
    /// ```
    ///
    /// ## Fix
    /// Check whether an advance invoice is needed at all; for an
    /// intra-Community supply, invoice the supply itself.
    pub static WDT_ADVANCE = {
        code: "FA3-ZAL-009",
        name: "wdt-advance",
        severity: Info,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let kind = facts.kind();
    if !kind.is_advance() {
        return;
    }
    let order_row = facts.advance().order.as_ref().and_then(|o| {
        o.lines
            .iter()
            .find(|l| l.group == Some(RateGroup::ZeroWdt))
            .map(|l| crate::facts::child(&l.path, "P_12Z"))
    });
    let rates = facts.rates();
    let line = || {
        rates
            .lines
            .iter()
            .find(|l| l.group == Some(RateGroup::ZeroWdt))
            .map(|l| l.field("P_12"))
    };
    let total = || {
        rates
            .group(RateGroup::ZeroWdt)
            .and_then(|g| g.declared)
            .map(|_| RateGroup::ZeroWdt.net_path())
    };
    let Some(path) = order_row.or_else(line).or_else(total) else {
        return;
    };
    let field = path
        .strip_prefix("/Faktura/Fa/")
        .unwrap_or(&path)
        .to_string();
    out.report(
        &WDT_ADVANCE,
        &path,
        format!(
            "RodzajFaktury is {kind} and {field} is for an intra-Community supply (0 WDT); an advance for such a supply creates no tax point, so no advance invoice is due"
        ),
    )
    .help = Some(
        "check whether the advance invoice is needed; an intra-Community supply is invoiced when it takes place (art. 20 of the VAT Act)".into(),
    );
}
