//! `FA3-CUR-005` exchange-rate-not-nbp.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::exchange_rates::ExchangeRates;
use crate::model::{Faktura, FakturaFaP6Choice};
use crate::rules::amounts::rate_text;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The exchange rates the invoice gives are the NBP Table A mid-rates of
    /// the last business day before the tax point (art. 31a ust. 1), i.e.
    /// those of the latest table dated strictly before it:
    ///
    /// - `KursWaluty` of each line (not `StanPrzed`), against the line's
    ///   `P_6A`, else the invoice's `P_6`, else the issue date `P_1`;
    /// - `KursWalutyZ` of an advance invoice, against `P_6` (the date the
    ///   advance was received), else `P_1`;
    /// - `KursWalutyZW` of a partial advance, against its `P_6Z`.
    ///
    /// A rate of the table before the issue date `P_1` is accepted too: an
    /// invoice issued before the tax point converts at that rate (art. 31a
    /// ust. 2a).
    ///
    /// The rates come from a file the caller loads (`fa3 check --rates
    /// FILE`, or `Settings::exchange_rates`), in one of two shapes:
    ///
    /// - CSV, one rate a line: `date;code;mid`, e.g. `2026-11-20;EUR;4.2345`
    ///   (decimal comma accepted; `#` comments and a header line skipped);
    /// - JSON as the NBP API gives it: `{"table":"A","effectiveDate":
    ///   "2026-11-20","rates":[{"code":"EUR","mid":4.2345}]}`, or an array of
    ///   such tables.
    ///
    /// Without the file the rule is silent; so it is when the file has no
    /// table of that currency within 10 days before the date (the file does
    /// not cover it). Corrections are not checked: they convert at the
    /// rate of the corrected supply, whose tax point they need not state.
    ///
    /// ## Why it matters
    /// Art. 31a of the VAT Act fixes the rate for the tax base in a foreign
    /// currency; a different rate misstates the tax in złoty
    /// (CURRENCY_RATE_MISMATCH in other validators). A taxpayer who opted
    /// for the ECB rate (art. 31a ust. 2) should switch this rule off.
    ///
    /// ## Source
    /// art. 31a of the VAT Act; ksefuj CURRENCY_RATE_MISMATCH /
    /// CURRENCY_RATE_UNVERIFIABLE.
    ///
    /// ## Example
    /// ```xml
    /// <P_6>2026-11-20</P_6>
    /// ...
    /// <KursWaluty>4.3000</KursWaluty> <!-- NBP mid-rate of EUR on 2026-11-19: 4.2500 -->
    /// ```
    ///
    /// ## Fix
    /// Use the NBP Table A mid-rate of the last business day before the tax
    /// point, or correct the tax point date.
    pub static EXCHANGE_RATE_NOT_NBP = {
        code: "FA3-CUR-005",
        name: "exchange-rate-not-nbp",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// How far back a table may be and still cover a date.
const COVERAGE_DAYS: i64 = 10;

/// The table rate of `code` before `date`, when the file covers it.
fn table_rate(rates: &ExchangeRates, code: &str, date: NaiveDate) -> Option<(NaiveDate, Decimal)> {
    rates
        .mid_before(code, date)
        .filter(|(d, _)| (date - *d).num_days() <= COVERAGE_DAYS)
}

struct Checker<'a> {
    rates: &'a ExchangeRates,
    code: &'a str,
    issue: NaiveDate,
    reported: Vec<(Decimal, NaiveDate)>,
}

impl Checker<'_> {
    fn check(
        &mut self,
        out: &mut Findings,
        path: String,
        field: &str,
        rate: Decimal,
        (date, date_field): (NaiveDate, &str),
    ) {
        if self.reported.contains(&(rate, date)) {
            return;
        }
        let Some((table_date, mid)) = table_rate(self.rates, self.code, date) else {
            return;
        };
        if rate == mid {
            return;
        }
        if date > self.issue
            && table_rate(self.rates, self.code, self.issue).is_some_and(|(_, m)| m == rate)
        {
            return;
        }
        self.reported.push((rate, date));
        out.report(
            &EXCHANGE_RATE_NOT_NBP,
            path,
            format!(
                "{field} is {rate}, but the NBP Table A mid-rate of {code} on {table_date} (the last table before the tax point {date}, {date_field}) is {mid}",
                code = self.code,
                rate = rate_text(rate),
                mid = rate_text(mid),
            ),
        )
        .help = Some(format!(
            "use {mid}, the mid-rate of the last business day before the tax point (art. 31a), or correct {date_field}; if you convert at the ECB rate (art. 31a ust. 2), switch this rule off",
            mid = rate_text(mid),
        ));
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(rates) = ctx.settings.exchange_rates.as_deref() else {
        return;
    };
    let facts = ctx.facts();
    let currency = facts.currency();
    if currency.is_pln() || facts.kind().is_correction() {
        return;
    }
    let fa = &invoice.fa;
    let issue = fa.p_1.0.date();
    let invoice_point = match &fa.p_6_choice {
        Some(FakturaFaP6Choice::P6(d)) => (d.0.date(), "P_6"),
        _ => (issue, "P_1"),
    };
    let mut checker = Checker {
        rates,
        code: &currency.code,
        issue,
        reported: Vec::new(),
    };
    for line in facts.rates().lines.iter().filter(|l| !l.before) {
        let Some(rate) = line.exchange_rate() else {
            continue;
        };
        let point = line
            .row
            .p_6a
            .as_ref()
            .map_or(invoice_point, |d| (d.0.date(), "P_6A"));
        checker.check(out, line.field("KursWaluty"), "KursWaluty", rate, point);
    }
    if let Some(rate) = currency.advance_rate {
        checker.check(
            out,
            "/Faktura/Fa/KursWalutyZ".to_string(),
            "KursWalutyZ",
            rate,
            invoice_point,
        );
    }
    for partial in &facts.advance().partial {
        if let Some(rate) = partial.exchange_rate {
            checker.check(
                out,
                crate::facts::child(&partial.path, "KursWalutyZW"),
                "KursWalutyZW",
                rate,
                (partial.received, "P_6Z"),
            );
        }
    }
}
