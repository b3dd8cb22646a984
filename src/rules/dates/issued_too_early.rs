//! `FA3-DATE-009` issued-too-early.

use chrono::{Days, NaiveDate};

use crate::facts::Kind;
use crate::model::{Faktura, FakturaFaP6Choice};
use crate::rules::{Check, Context, Findings};

/// How many days before the delivery an invoice may be issued.
const DAYS_BEFORE: u64 = 60;

crate::declare_rule! {
    /// ## What it checks
    /// The issue date `Fa/P_1` is not earlier than the 60th day before the
    /// delivery: the latest of `Fa/P_6` and the lines' `FaWiersz/P_6A`. A
    /// payment received before the delivery (`DataZaplaty`,
    /// `DataZaplatyCzesciowej`) moves the limit to 60 days before the
    /// earliest payment.
    ///
    /// Refined: only `VAT`, `ROZ` and `UPR` invoices are checked. Advance
    /// invoices (`ZAL`, `KOR_ZAL`) document a payment, not a delivery;
    /// corrections carry the dates of the corrected invoice; and an invoice
    /// with a settlement period (`OkresFa`) is exempt (art. 106i ust. 8).
    ///
    /// ## Why it matters
    /// "Faktury nie mogą być wystawione wcześniej niż 60. dnia przed
    /// dokonaniem dostawy towaru lub wykonaniem usługi" or before receiving
    /// payment (art. 106i ust. 7 ustawy o VAT). An invoice issued earlier is
    /// defective, although KSeF accepts it. A date months ahead is often a
    /// typo in the year or the month.
    ///
    /// ## Example
    /// ```xml
    /// <P_1>2026-01-01</P_1>
    /// <P_6>2026-04-01</P_6>
    /// ```
    ///
    /// ## Fix
    /// Check the delivery date; issue the invoice no earlier than 60 days
    /// before the delivery, or issue an advance invoice (`ZAL`) for a payment
    /// received in advance.
    pub static ISSUED_TOO_EARLY = {
        code: "FA3-DATE-009",
        name: "issued-too-early",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// The latest delivery date with its field: `None` for `P_6`, else the
/// index of the line whose `P_6A` it is.
fn latest_delivery(invoice: &Faktura) -> Option<(NaiveDate, Option<usize>)> {
    let common = match &invoice.fa.p_6_choice {
        Some(FakturaFaP6Choice::P6(d)) => Some((d.0.date(), None)),
        Some(FakturaFaP6Choice::OkresFa(_)) => return None,
        None => None,
    };
    let lines = invoice
        .fa
        .fa_wiersz
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.p_6a.as_ref().map(|d| (d.0.date(), Some(i))));
    common.into_iter().chain(lines).fold(
        None,
        |latest: Option<(NaiveDate, Option<usize>)>, (date, field)| match latest {
            Some((d, f)) if d >= date => Some((d, f)),
            _ => Some((date, field)),
        },
    )
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    if !matches!(ctx.facts().kind(), Kind::Vat | Kind::Roz | Kind::Upr) {
        return;
    }
    let Some((delivery, line)) = latest_delivery(invoice) else {
        return;
    };
    let earliest_payment = ctx.facts().payment().payments.iter().map(|p| p.date).min();
    let (event, paid) = match earliest_payment {
        Some(paid) if paid < delivery => (paid, Some(paid)),
        _ => (delivery, None),
    };
    let Some(limit) = event.checked_sub_days(Days::new(DAYS_BEFORE)) else {
        return;
    };
    let issued = invoice.fa.p_1.0.date();
    if issued >= limit {
        return;
    }
    let days = (delivery - issued).num_days();
    let field = line.map_or_else(
        || "P_6".to_string(),
        |i| crate::facts::indexed_child("Fa", "FaWiersz", i, "P_6A"),
    );
    let what = paid.map_or_else(
        || "the delivery".to_string(),
        |paid| format!("the payment received on {paid}"),
    );
    out.report(
        &ISSUED_TOO_EARLY,
        "/Faktura/Fa/P_1",
        format!(
            "the invoice is issued on {issued}, {days} days before the delivery on {delivery} ({field}); an invoice may be issued at the earliest 60 days before {what}, here on {limit}"
        ),
    )
    .help = Some(
        "check the issue and delivery dates; for a payment received in advance issue an advance invoice (ZAL)".into(),
    );
}
