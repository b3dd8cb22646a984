//! `FA3-AMT-016` split-payment-marker.

use rust_decimal::Decimal;

use crate::diagnostic::Severity;
use crate::facts::money::display;
use crate::model::{Faktura, TPodmiot2NipChoice, TWybor12Type};
use crate::rules::{Check, Context, Findings};

crate::declare_rule! {
    /// ## What it checks
    /// The split-payment annotation `P_18A=1` ("mechanizm podzielonej
    /// płatności") is there when the law requires it: a line (or order line)
    /// for goods or services of Annex 15 (`P_12_Zal_15=1`, `P_12Z_Zal_15=1`),
    /// a total above 15,000 PLN, and a buyer identified for tax (not
    /// `BrakID`). The total is `P_15`, on an advance invoice the order value
    /// `WartoscZamowienia`; in a foreign currency it is converted with the
    /// lowest exchange rate the invoice gives (none: not checked).
    /// Conversely, `P_18A=1` without any Annex 15 line is reported as info.
    ///
    /// Refined: corrections and settlements are not checked: their `P_15`
    /// is a difference or a remainder, not the amount due of the sale.
    ///
    /// ## Why it matters
    /// Art. 106e ust. 1 pkt 18a of the VAT Act (XSD annotation of `P_18A`):
    /// an invoice over 15,000 PLN for Annex 15 goods or services must say
    /// "mechanizm podzielonej płatności", and the buyer must pay it with the
    /// split payment; the seller risks a 30 % sanction.
    ///
    /// ## Source
    /// XSD annotation of `P_18A` ("kwota należności ogółem przekracza kwotę
    /// 15 000 zł … załączniku nr 15"); art. 106e ust. 1 pkt 18a of the VAT
    /// Act.
    ///
    /// ## Example
    /// ```xml
    /// <P_18A>2</P_18A>
    /// ...
    /// <P_15>15000.01</P_15> <!-- a line with P_12_Zal_15=1 -->
    /// ```
    ///
    /// ## Fix
    /// Write `P_18A=1` when the conditions hold; drop it (`P_18A=2`) when no
    /// line is of Annex 15.
    pub static SPLIT_PAYMENT_MARKER = {
        code: "FA3-AMT-016",
        name: "split-payment-marker",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let facts = ctx.facts();
    let kind = facts.kind();
    if kind.is_correction() || kind.is_settlement() {
        return;
    }
    let order = facts.advance().order.as_ref();
    let annex_line = invoice
        .fa
        .fa_wiersz
        .iter()
        .position(|r| r.p_12_zal_15.is_some())
        .map(|i| {
            format!(
                "line {}",
                facts.rates().lines.get(i).map_or(i + 1, |l| l.number)
            )
        })
        .or_else(|| {
            order.and_then(|o| {
                o.lines
                    .iter()
                    .find(|l| l.row.p_12z_zal_15.is_some())
                    .map(|l| format!("order line {}", l.number))
            })
        });
    let marked = invoice.fa.adnotacje.p_18a == TWybor12Type::_1;
    let has_lines = !invoice.fa.fa_wiersz.is_empty() || order.is_some_and(|o| !o.lines.is_empty());
    match (annex_line, marked) {
        (Some(line), false) => {
            let buyer = &invoice.podmiot2.dane_identyfikacyjne.nip_choice;
            if matches!(buyer, TPodmiot2NipChoice::BrakId(_)) {
                return;
            }
            let (amount, field) = match order {
                Some(o) if kind.is_advance() => (o.value, "WartoscZamowienia"),
                _ => (facts.rates().total, "P_15"),
            };
            let currency = facts.currency();
            let pln = if currency.is_pln() {
                Some(amount)
            } else {
                let lowest = currency
                    .line_rates
                    .iter()
                    .flat_map(|(_, r)| r.iter().copied())
                    .chain(currency.advance_rate)
                    .min();
                lowest.and_then(|r| amount.checked_mul(r))
            };
            let Some(pln) = pln else { return };
            if pln <= Decimal::from(15_000) {
                return;
            }
            let converted = if currency.is_pln() {
                String::new()
            } else {
                format!(" ({} PLN)", display(crate::facts::money::round2(pln)))
            };
            out.report(
                &SPLIT_PAYMENT_MARKER,
                "/Faktura/Fa/Adnotacje/P_18A",
                format!(
                    "{line} is of Annex 15 (P_12_Zal_15) and {field} is {amount} {code}{converted}, above 15,000 PLN, but P_18A is 2 (no split payment)",
                    amount = display(amount),
                    code = currency.code,
                ),
            )
            .help = Some(
                "write P_18A=1 (\"mechanizm podzielonej płatności\"); the buyer must pay with the split payment"
                    .to_string(),
            );
        }
        (None, true) if has_lines => {
            out.report_at(
                &SPLIT_PAYMENT_MARKER,
                Severity::Info,
                "/Faktura/Fa/Adnotacje/P_18A",
                "P_18A is 1 (split payment), but no line is marked as Annex 15 goods or services (P_12_Zal_15)",
            )
            .help = Some(
                "mark the Annex 15 lines with P_12_Zal_15=1, or write P_18A=2 if the split payment is voluntary"
                    .to_string(),
            );
        }
        _ => {}
    }
}
