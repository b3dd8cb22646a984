//! `FA3-ID-021` obsolete-currency.

use chrono::NaiveDate;

use crate::facts::xsd_text;
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// `Fa/KodWaluty` and `Fa/WarunkiTransakcji/WalutaUmowna` are not a
    /// currency that had been withdrawn by the issue date `P_1`, although the
    /// schema's `TKodWaluty` list still has it:
    ///
    /// | Code | Withdrawn | Replaced by |
    /// |---|---|---|
    /// | `CUC` (Cuban convertible peso) | 2021-01-01 | `CUP` |
    /// | `HRK` (Croatian kuna) | 2023-01-01 | `EUR` |
    /// | `ANG` (Netherlands Antillean guilder) | 2025-07-01 | `XCG` |
    ///
    /// ## Why it matters
    /// Nobody can pay or book an amount in a currency that no longer exists,
    /// and the NBP publishes no exchange rate for it. A correction of an old
    /// invoice issued in that currency is the one legitimate case.
    ///
    /// ## Example
    /// ```xml
    /// <KodWaluty>HRK</KodWaluty> <!-- Croatia uses the euro since 2023 -->
    /// ```
    ///
    /// ## Fix
    /// Use the replacing currency (`EUR` for Croatia).
    pub static OBSOLETE_CURRENCY = {
        code: "FA3-ID-021",
        name: "obsolete-currency",
        severity: Info,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

/// Codes still in `TKodWaluty` after their currency was withdrawn: the code,
/// the first day it no longer applied, and its successor.
const WITHDRAWN: [(&str, (i32, u32, u32), &str); 3] = [
    ("CUC", (2021, 1, 1), "CUP"),
    ("HRK", (2023, 1, 1), "EUR"),
    ("ANG", (2025, 7, 1), "XCG"),
];

/// The withdrawal date and successor of `code`, when it had been withdrawn
/// on `date`.
fn withdrawn(code: &str, date: NaiveDate) -> Option<(NaiveDate, &'static str)> {
    // The code first: the date is made only for a withdrawn one.
    WITHDRAWN.iter().find_map(|&(c, (y, m, d), successor)| {
        if c != code {
            return None;
        }
        let since = NaiveDate::from_ymd_opt(y, m, d)?;
        (date >= since).then_some((since, successor))
    })
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let issued = invoice.fa.p_1.0.date();
    // The codes as written, without copies: at most two.
    let agreed = invoice
        .fa
        .warunki_transakcji
        .as_ref()
        .and_then(|w| w.kurs_umowny_group.as_ref())
        .map(|kurs| {
            (
                "/Faktura/Fa/WarunkiTransakcji/WalutaUmowna",
                xsd_text(&kurs.waluta_umowna),
            )
        });
    let codes =
        std::iter::once(("/Faktura/Fa/KodWaluty", xsd_text(&invoice.fa.kod_waluty))).chain(agreed);
    for (path, code) in codes {
        let Some((since, successor)) = withdrawn(&code, issued) else {
            continue;
        };
        out.report(
            &OBSOLETE_CURRENCY,
            path,
            format!("the currency {code} was withdrawn on {since}, before the issue date {issued}"),
        )
        .help = Some(format!(
            "use {successor}, unless this corrects an invoice issued in {code} before {since}"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn withdrawal_dates() {
        assert_eq!(
            withdrawn("HRK", d("2026-11-21")),
            Some((d("2023-01-01"), "EUR"))
        );
        assert_eq!(withdrawn("HRK", d("2022-12-31")), None);
        assert_eq!(withdrawn("ANG", d("2025-06-30")), None);
        assert!(withdrawn("ANG", d("2025-07-01")).is_some());
        assert!(withdrawn("CUC", d("2021-01-01")).is_some());
        assert_eq!(withdrawn("EUR", d("2026-11-21")), None);
        assert_eq!(withdrawn("", d("2026-11-21")), None);
    }
}
