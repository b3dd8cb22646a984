//! `FA3-UPR-001` simplified-over-limit.

use rust_decimal::Decimal;

use crate::diagnostic::Severity;
use crate::facts::Kind;
use crate::facts::money::{display, round2};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// A simplified invoice (`RodzajFaktury` `UPR`) has a total amount due
    /// (`P_15`) of at most 450 PLN when it is in złoty, or at most 100 EUR
    /// when it is in euro. In another currency, `P_15` is converted with the
    /// invoice's exchange rate (`FaWiersz/KursWaluty`, when all lines give
    /// the same one) and compared with 450 PLN; without a rate the limit
    /// cannot be checked and the finding is information asking for the
    /// amount in złoty.
    ///
    /// ## Why it matters
    /// A simplified invoice (`UPR`, "Faktura, o której mowa w art. 106e ust.
    /// 5 pkt 3") may omit the buyer's name and address and the line details
    /// only when the amount due does not exceed 450 zł or 100 euro (art. 106e
    /// ust. 5 pkt 3 of the VAT Act). Above the limit the invoice lacks
    /// mandatory data. KSeF does not check this.
    ///
    /// ## Example
    /// ```xml
    /// <KodWaluty>PLN</KodWaluty> ... <P_15>450.01</P_15> ...
    /// <RodzajFaktury>UPR</RodzajFaktury>
    /// ```
    ///
    /// ## Fix
    /// Issue a basic invoice (`VAT`) with the buyer's data and full lines.
    pub static SIMPLIFIED_OVER_LIMIT = {
        code: "FA3-UPR-001",
        name: "simplified-over-limit",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

const PATH: &str = "/Faktura/Fa/P_15";
const HELP: &str = "above the limit, issue a basic invoice (RodzajFaktury VAT) with the buyer's name and address and full line data";

fn check(_invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    if facts.kind() != Kind::Upr {
        return;
    }
    let total = facts.rates().total;
    let currency = facts.currency();
    let code = currency.code.as_str();
    let (limit, limit_code) = match code {
        "EUR" => (Decimal::ONE_HUNDRED, "EUR"),
        _ => (Decimal::from(450), "PLN"),
    };
    if code == "PLN" || code == "EUR" {
        if round2(total) > limit {
            out.report(
                &SIMPLIFIED_OVER_LIMIT,
                PATH,
                format!(
                    "RodzajFaktury is UPR, but P_15 is {total} {code}, more than the {limit} {code} limit of a simplified invoice (art. 106e ust. 5 pkt 3 of the VAT Act)",
                    total = display(total),
                    limit = display(limit),
                ),
            )
            .help = Some(HELP.into());
        }
        return;
    }
    // Another currency: one exchange rate for every line converts P_15.
    let mut distinct: Vec<Decimal> = Vec::new();
    for r in currency.line_rates.iter().flat_map(|(_, r)| r.iter()) {
        if !distinct.contains(r) {
            distinct.push(*r);
        }
    }
    let every_line = facts
        .rates()
        .lines
        .iter()
        .all(|l| l.exchange_rate().is_some());
    let rate = match distinct.as_slice() {
        [r] if every_line => Some(*r),
        _ => None,
    };
    match rate.and_then(|r| total.checked_mul(r)) {
        Some(pln) => {
            let pln = round2(pln);
            if pln > limit {
                out.report(
                    &SIMPLIFIED_OVER_LIMIT,
                    PATH,
                    format!(
                        "RodzajFaktury is UPR, but P_15 is {total} {code}, {pln} PLN at the exchange rate of the lines, more than the {limit} {limit_code} limit of a simplified invoice (art. 106e ust. 5 pkt 3 of the VAT Act)",
                        total = display(total),
                        pln = display(pln),
                        limit = display(limit),
                    ),
                )
                .help = Some(HELP.into());
            }
        }
        None => {
            out.report_at(
                &SIMPLIFIED_OVER_LIMIT,
                Severity::Info,
                PATH,
                format!(
                    "RodzajFaktury is UPR and P_15 is {total} {code}; a simplified invoice is allowed up to 450 PLN or 100 EUR, and without one exchange rate for the lines (KursWaluty) the amount in złoty is unknown",
                    total = display(total),
                ),
            )
            .help = Some(
                "check that the amount due does not exceed 450 PLN at the exchange rate of the tax point, or give the rate in FaWiersz/KursWaluty".into(),
            );
        }
    }
}
