//! Defects in the parts of an invoice that valid generated invoices leave
//! out ([`Extra`](super::super::invoice::Extra) and the line's
//! [`LineExtra`](super::super::invoice::LineExtra)): each defect writes one
//! such part wrongly, or drops one element of a line.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::ksef_number::crc8;
use crate::facts::Kind;
use crate::facts::money::round2;
use crate::facts::rates::RateGroup;
use crate::rules::{
    advances, amounts, annotations, attachments, corrections, currency, dates, footer, header, ids,
    lines, parties, payment, settlement, simplified, transaction,
};

use super::super::invoice::{
    PartyId, Payment, Plan, PlanLine, Rate, Settlement, Summary, Third, Transport, german_address,
    polish_address, summarize,
};
use super::{
    ANY, CORRECTIONS, Defect, NET_LINES, NOT_CORRECTIONS, OTHER_NIP, VAT, WITH_KSEF_REFERENCE,
    cited_ksef, corrupt_digit, days, fx, retotal,
};

/// A valid Polish account number (NRB).
const NRB: &str = "61109010140000071219812874";

/// A 13-digit GS1 number whose check digit should be 7.
const BAD_GS1: &str = "5901234123450";

/// Invoices with lines of their own (not order rows).
const WITH_LINES: &[Kind] = &[Kind::Vat, Kind::Upr, Kind::Roz];

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A payment due in 14 days to a valid account.
fn due_to_account(p: &mut Plan) {
    p.payment = Some(Payment::Due(days(p.issue, 14)));
    p.account = Some(NRB.to_owned());
}

/// A transport of the goods from the seller to the buyer, starting on the
/// delivery date.
fn ensure_transport(p: &mut Plan) {
    if p.transport.is_some() {
        return;
    }
    let start = p
        .delivery
        .unwrap_or(p.issue)
        .and_hms_opt(8, 0, 0)
        .map_or(p.created, |d| d.and_utc());
    let to = p.buyer_address.clone().unwrap_or_else(|| polish_address(2));
    p.transport = Some(Transport {
        start,
        end: start + chrono::TimeDelta::hours(4),
        from: polish_address(1),
        to,
    });
}

/// Moves the issue date to `issue`, keeping the payment and delivery dates
/// from falling after it.
fn reissue(p: &mut Plan, issue: NaiveDate) {
    p.issue = issue;
    p.period = None;
    p.delivery = Some(issue);
    p.transport = None;
    p.payment = None;
    p.account = None;
}

/// Edits the first line; false when the invoice has none.
fn on_first_line(p: &mut Plan, edit: impl FnOnce(&mut PlanLine)) -> bool {
    p.lines.first_mut().map(edit).is_some()
}

/// True when the first line has a Polish rate in percent (not 0 %, not
/// an OSS rate).
fn first_line_taxed_in_poland(p: &Plan) -> bool {
    p.lines
        .first()
        .is_some_and(|l| matches!(l.rate, Rate::Pl(_)) && l.rate.percent().is_some())
}

fn has_rate(p: &Plan, rate: &'static str) -> bool {
    p.lines.iter().any(|l| l.rate == Rate::Pl(rate))
}

/// The defects of the parts valid invoices leave out.
pub(super) const PART_DEFECTS: &[Defect] = &[
    Defect {
        rule: &annotations::exemption_basis::EXEMPTION_BASIS,
        kinds: NET_LINES,
        apply: |p| {
            p.extra.exemption_basis = Some("zwolnienie podmiotowe".to_owned());
            p.exemption
        },
    },
    Defect {
        rule: &annotations::new_vehicle_supply::NEW_VEHICLE_SUPPLY,
        kinds: VAT,
        apply: |p| {
            p.extra.new_vehicle_line = p.lines.first().map(|l| l.number);
            p.extra.new_vehicle_line.is_some() && !has_rate(p, "0 WDT")
        },
    },
    Defect {
        rule: &annotations::triangular_supply::TRIANGULAR_SUPPLY,
        kinds: VAT,
        apply: |p| {
            p.extra.triangular = true;
            p.extra.intermediary = true;
            has_rate(p, "0 WDT")
        },
    },
    Defect {
        rule: &amounts::line_tax::LINE_TAX_MATCHES,
        kinds: VAT,
        apply: |p| {
            if p.gross {
                return false;
            }
            let Some(l) = p.lines.first_mut() else {
                return false;
            };
            let Some(percent) = l.rate.percent() else {
                return false;
            };
            // One złoty more than the line's value at its rate.
            l.extra.vat = l
                .value
                .checked_mul(percent)
                .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
                .and_then(|v| round2(v).checked_add(Decimal::ONE));
            l.extra.vat.is_some()
        },
    },
    Defect {
        rule: &attachments::attachment_needs_batch_session::ATTACHMENT_NEEDS_BATCH_SESSION,
        kinds: ANY,
        apply: |p| {
            p.attachment = true;
            true
        },
    },
    Defect {
        rule: &attachments::table_cell_count::TABLE_CELL_COUNT,
        kinds: ANY,
        apply: |p| {
            p.attachment = true;
            let rows = vec![
                vec!["paleta".to_owned(), "4".to_owned()],
                vec!["karton".to_owned(), "12".to_owned(), "szt.".to_owned()],
            ];
            p.extra.table = Some((vec!["txt", "int"], rows));
            true
        },
    },
    Defect {
        rule: &attachments::table_cell_type::TABLE_CELL_TYPE,
        kinds: ANY,
        apply: |p| {
            p.attachment = true;
            let rows = vec![vec!["paleta".to_owned(), "cztery".to_owned()]];
            p.extra.table = Some((vec!["txt", "int"], rows));
            true
        },
    },
    Defect {
        rule: &currency::rate_missing::EXCHANGE_RATE_MISSING,
        kinds: ANY,
        apply: |p| {
            if p.currency == "PLN" || !p.summaries.iter().any(|s| s.tax.is_some_and(|t| !t.is_zero())) {
                return false;
            }
            for l in &mut p.lines {
                l.exchange_rate = None;
            }
            p.advance_rate = None;
            true
        },
    },
    Defect {
        rule: &dates::issue_date_offline::ISSUE_DATE_OFFLINE,
        kinds: &[Kind::Vat, Kind::Upr],
        apply: |p| {
            reissue(p, days(p.issue, -1));
            true
        },
    },
    Defect {
        rule: &dates::common_and_line_delivery_dates::COMMON_AND_LINE_DELIVERY_DATES,
        kinds: VAT,
        apply: |p| {
            let (Some(date), None) = (p.delivery, p.period) else {
                return false;
            };
            on_first_line(p, |l| l.extra.delivery = Some(date))
        },
    },
    Defect {
        rule: &dates::identical_line_delivery_dates::IDENTICAL_LINE_DELIVERY_DATES,
        kinds: VAT,
        apply: |p| {
            let Some(date) = p.delivery.or(p.period.map(|(_, to)| to)) else {
                return false;
            };
            if p.lines.len() < 2 {
                return false;
            }
            p.delivery = None;
            p.period = None;
            for l in &mut p.lines {
                l.extra.delivery = Some(date);
            }
            true
        },
    },
    Defect {
        rule: &dates::issued_before_ksef_obligation::ISSUED_BEFORE_KSEF_OBLIGATION,
        kinds: &[Kind::Vat, Kind::Upr],
        apply: |p| match ymd(2026, 1, 15) {
            Some(date) => {
                reissue(p, date);
                true
            }
            None => false,
        },
    },
    Defect {
        rule: &dates::advance_received_after_issue::ADVANCE_RECEIVED_AFTER_ISSUE,
        kinds: &[Kind::Zal],
        apply: |p| {
            p.extra.partial_advances = vec![(days(p.issue, 1), p.total)];
            p.currency == "PLN"
        },
    },
    Defect {
        rule: &advances::partial_advances_total::PARTIAL_ADVANCES_TOTAL,
        kinds: &[Kind::Zal],
        apply: |p| {
            let Some(more) = p.total.checked_add(Decimal::TEN) else {
                return false;
            };
            p.extra.partial_advances = vec![(p.issue, more)];
            p.currency == "PLN"
        },
    },
    Defect {
        rule: &footer::bdo_number::BDO_NUMBER,
        kinds: ANY,
        apply: |p| {
            if p.footer.is_none() {
                p.footer = Some(("0000099999".to_owned(), "123456785".to_owned()));
            }
            p.extra.bdo = Some("BDO12345".to_owned());
            true
        },
    },
    Defect {
        rule: &header::creation_date_format::CREATION_DATE_FORMAT,
        kinds: ANY,
        apply: |p| {
            p.extra.created_text = Some(p.created.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string());
            true
        },
    },
    Defect {
        rule: &ids::nip_checksum_other_fields::NIP_CHECKSUM_OTHER_FIELDS,
        kinds: VAT,
        apply: |p| {
            ensure_transport(p);
            p.extra.carrier_nip = Some(corrupt_digit(OTHER_NIP, 9));
            true
        },
    },
    Defect {
        rule: &ids::ksef_number_date::KSEF_NUMBER_DATE,
        kinds: WITH_KSEF_REFERENCE,
        apply: |p| {
            // 30 February: the right shape and check digits, no such day.
            let body = format!("{}-20260230-0000ABCDEF01", p.seller_nip);
            let number = format!("{body}-{:02X}", crc8(body.as_bytes()));
            match cited_ksef(p) {
                Some(k) => {
                    *k = number;
                    true
                }
                None => false,
            }
        },
    },
    Defect {
        rule: &ids::bank_account_spaces::BANK_ACCOUNT_SPACES,
        kinds: NOT_CORRECTIONS,
        apply: |p| {
            due_to_account(p);
            p.account = Some("61 1090 1014 0000 0712 1981 2874".to_owned());
            true
        },
    },
    Defect {
        rule: &ids::swift_country::SWIFT_COUNTRY,
        kinds: NOT_CORRECTIONS,
        apply: |p| {
            due_to_account(p);
            p.extra.swift = Some("WBKPQQPP".to_owned());
            true
        },
    },
    Defect {
        rule: &ids::ipksef_link_mismatch::IPKSEF_LINK_MISMATCH,
        kinds: NOT_CORRECTIONS,
        apply: |p| {
            due_to_account(p);
            p.extra.payment_link = Some((
                "https://platnosci.example.pl/zaplac?IPKSeF=123ABCDEFGHIJ".to_owned(),
                "123ABCDEFGHIK".to_owned(),
            ));
            true
        },
    },
    Defect {
        rule: &ids::gln_check_digit::GLN_CHECK_DIGIT,
        kinds: ANY,
        apply: |p| {
            p.extra.seller_gln = Some(BAD_GS1.to_owned());
            true
        },
    },
    Defect {
        rule: &ids::gtin_check_digit::GTIN_CHECK_DIGIT,
        kinds: WITH_LINES,
        apply: |p| on_first_line(p, |l| l.extra.gtin = Some(BAD_GS1.to_owned())),
    },
    Defect {
        rule: &ids::obsolete_currency::OBSOLETE_CURRENCY,
        kinds: ANY,
        apply: |p| {
            if p.currency == "PLN" {
                return false;
            }
            "HRK".clone_into(&mut p.currency);
            true
        },
    },
    Defect {
        rule: &ids::phone_number::PHONE_NUMBER,
        kinds: ANY,
        apply: |p| {
            p.extra.seller_phone = Some("12".to_owned());
            true
        },
    },
    Defect {
        rule: &ids::eori_number::EORI_NUMBER,
        kinds: ANY,
        apply: |p| {
            p.extra.seller_eori = Some(p.seller_nip.clone());
            true
        },
    },
    Defect {
        rule: &ids::internal_id_nip_checksum::INTERNAL_ID_NIP_CHECKSUM,
        kinds: ANY,
        apply: |p| {
            let id = format!("{}-00001", corrupt_digit(OTHER_NIP, 9));
            p.thirds
                .push(Third::new(PartyId::Internal(id), "Oddział Gdańsk", 2));
            true
        },
    },
    Defect {
        rule: &corrections::corrected_outside_ksef::CORRECTED_OUTSIDE_KSEF,
        kinds: CORRECTIONS,
        apply: |p| {
            p.corrected
                .as_mut()
                .is_some_and(|c| c.ksef.take().is_some())
        },
    },
    Defect {
        rule: &corrections::nip_corrected::NIP_CORRECTED,
        kinds: &[Kind::Kor],
        apply: |p| {
            p.extra.corrected_seller = Some(OTHER_NIP.to_owned());
            p.seller_nip != OTHER_NIP
        },
    },
    Defect {
        rule: &corrections::corrected_buyer_link::CORRECTED_BUYER_LINK,
        kinds: &[Kind::Kor],
        apply: |p| {
            let PartyId::Nip(nip) = &p.buyer else {
                return false;
            };
            p.extra.corrected_buyers = vec![(nip.clone(), None), (nip.clone(), None)];
            true
        },
    },
    Defect {
        rule: &corrections::collective_period_on_advance_correction::COLLECTIVE_PERIOD_ON_ADVANCE_CORRECTION,
        kinds: &[Kind::KorZal],
        apply: |p| {
            p.extra.corrected_period = Some("październik 2026".to_owned());
            true
        },
    },
    Defect {
        rule: &corrections::before_marker_on_wrong_kind::BEFORE_MARKER_ON_WRONG_KIND,
        kinds: &[Kind::Zal],
        apply: |p| {
            // The marked row counts against the order: its value follows.
            let total = p.total;
            let Some((value, rows)) = p.order.as_mut() else {
                return false;
            };
            let Some(first) = rows.first() else {
                return false;
            };
            let rest = first
                .value
                .checked_add(first.vat.unwrap_or_default())
                .and_then(|row| row.checked_mul(Decimal::TWO))
                .and_then(|twice| value.checked_sub(twice));
            let Some(rest) = rest else {
                return false;
            };
            *value = rest;
            p.extra.order_row_before = true;
            rows.len() > 1 && rest >= total
        },
    },
    Defect {
        rule: &payment::bank_own_account::BANK_OWN_ACCOUNT,
        kinds: NOT_CORRECTIONS,
        apply: |p| {
            due_to_account(p);
            p.extra.own_bank_account = true;
            true
        },
    },
    Defect {
        rule: &payment::payment_term_quantity::PAYMENT_TERM_QUANTITY,
        kinds: NOT_CORRECTIONS,
        apply: |p| {
            due_to_account(p);
            p.extra.term_quantity = Some(0);
            true
        },
    },
    Defect {
        rule: &parties::seller_abroad::SELLER_ABROAD,
        kinds: ANY,
        apply: |p| {
            p.extra.seller_country = Some("DE".to_owned());
            true
        },
    },
    Defect {
        rule: &parties::nip_in_foreign_id_spelled::NIP_IN_FOREIGN_ID_SPELLED,
        kinds: ANY,
        apply: |p| {
            let id = PartyId::Other("PL".to_owned(), "526-587-76-35".to_owned());
            p.thirds.push(Third::new(id, "Odbiorca sp. z o.o.", 2));
            p.seller_nip != OTHER_NIP
        },
    },
    Defect {
        rule: &parties::foreign_id_format::FOREIGN_ID_FORMAT,
        kinds: ANY,
        apply: |p| {
            let id = PartyId::Other("US".to_owned(), "12-3456789".to_owned());
            p.thirds.push(Third::new(id, "Receiver Inc.", 2));
            true
        },
    },
    Defect {
        rule: &parties::buyer_id_link::BUYER_ID_LINK,
        kinds: ANY,
        apply: |p| {
            p.extra.buyer_key = Some("N1".to_owned());
            let mut third = Third::new(PartyId::Nip(OTHER_NIP.to_owned()), "Odbiorca sp. z o.o.", 2);
            third.key = Some("N1".to_owned());
            p.thirds.push(third);
            true
        },
    },
    Defect {
        rule: &parties::original_entity_with_podmiot1k::ORIGINAL_ENTITY_WITH_PODMIOT1K,
        kinds: &[Kind::Kor],
        apply: |p| {
            p.extra.corrected_seller = Some(p.seller_nip.clone());
            let id = PartyId::Nip(OTHER_NIP.to_owned());
            p.thirds.push(Third::new(id, "Spółka przejmowana sp. z o.o.", 3));
            true
        },
    },
    Defect {
        rule: &parties::factor_without_account::FACTOR_WITHOUT_ACCOUNT,
        kinds: ANY,
        apply: |p| {
            let id = PartyId::Nip(OTHER_NIP.to_owned());
            p.thirds.push(Third::new(id, "Faktor SA", 1));
            true
        },
    },
    Defect {
        rule: &parties::authorised_entity_as_issuer::AUTHORISED_ENTITY_AS_ISSUER,
        kinds: ANY,
        apply: |p| {
            let id = PartyId::Nip(OTHER_NIP.to_owned());
            let name = "Komornik Sądowy przy Sądzie Rejonowym Jan Nowak";
            p.thirds.push(Third::new(id, name, 5));
            true
        },
    },
    Defect {
        rule: &lines::line_quantity_missing::LINE_QUANTITY_MISSING,
        kinds: VAT,
        apply: |p| {
            p.attachment = false;
            on_first_line(p, |l| l.extra.omit = Some("P_8A"))
        },
    },
    Defect {
        rule: &lines::line_value_missing::LINE_VALUE_MISSING,
        kinds: VAT,
        apply: |p| {
            let price = if p.gross { "P_9B" } else { "P_9A" };
            p.attachment = false;
            !p.margin && on_first_line(p, |l| l.extra.omit = Some(price))
        },
    },
    Defect {
        rule: &lines::line_rate_missing::LINE_RATE_MISSING,
        kinds: VAT,
        apply: |p| {
            if p.margin || p.reverse_charge || p.exemption || p.lines.len() < 2 {
                return false;
            }
            if !p.lines.first().is_some_and(|l| matches!(l.rate, Rate::Pl(_))) {
                return false;
            }
            if p
                .lines
                .iter()
                .any(|l| matches!(l.rate, Rate::Pl("np I" | "np II")))
            {
                return false;
            }
            // The line without a rate belongs to no rate group: the
            // summaries are of the other lines.
            let rest = p.lines.get(1..).unwrap_or_default().to_vec();
            p.summaries = summarize(&rest, p.gross, fx(p));
            retotal(p);
            on_first_line(p, |l| {
                l.extra.omit = Some("P_12");
                l.annex15 = false;
            })
        },
    },
    Defect {
        rule: &lines::gross_net_mixed::GROSS_NET_MIXED,
        kinds: VAT,
        apply: |p| {
            if !p.gross {
                return false;
            }
            on_first_line(p, |l| l.extra.rename = Some(("P_9B", "P_9A")))
        },
    },
    Defect {
        rule: &lines::oss_rate::OSS_RATE,
        kinds: VAT,
        apply: |p| {
            // P_12 decides the line's rate group: the summaries stay right.
            first_line_taxed_in_poland(p) && on_first_line(p, |l| l.extra.oss_beside = Some(19))
        },
    },
    Defect {
        rule: &lines::procedure_rate::PROCEDURE_RATE,
        kinds: VAT,
        apply: |p| {
            first_line_taxed_in_poland(p) && on_first_line(p, |l| l.extra.procedure = Some("WSTO_EE"))
        },
    },
    Defect {
        rule: &lines::line_reference_unknown::LINE_REFERENCE_UNKNOWN,
        kinds: VAT,
        apply: |p| {
            let line = p.lines.len() + 5;
            p.extra
                .notes
                .push((Some(line), "kolor".to_owned(), "biały".to_owned()));
            true
        },
    },
    Defect {
        rule: &settlement::settlement_sums::SETTLEMENT_SUMS,
        kinds: VAT,
        apply: |p| {
            // SumaObciazen is twice the one charge; DoZaplaty is right
            // for the charge.
            let Some(due) = p.total.checked_add(Decimal::TEN) else {
                return false;
            };
            p.extra.settlement = Some(Settlement {
                charge: Decimal::TEN,
                charges_sum: Decimal::from(20),
                due,
            });
            true
        },
    },
    Defect {
        rule: &settlement::settlement_amount_due::SETTLEMENT_AMOUNT_DUE,
        kinds: VAT,
        apply: |p| {
            // DoZaplaty is ten złoty more than P_15 plus the charge.
            let Some(due) = p.total.checked_add(Decimal::from(20)) else {
                return false;
            };
            p.extra.settlement = Some(Settlement {
                charge: Decimal::TEN,
                charges_sum: Decimal::TEN,
                due,
            });
            true
        },
    },
    Defect {
        rule: &transaction::contract_currency_pln::CONTRACT_CURRENCY_PLN,
        kinds: VAT,
        apply: |p| {
            p.extra.contract_rate = Some((Decimal::new(43_000, 4), "PLN".to_owned()));
            p.currency == "PLN"
        },
    },
    Defect {
        rule: &transaction::contract_rate_foreign_invoice::CONTRACT_RATE_FOREIGN_INVOICE,
        kinds: VAT,
        apply: |p| {
            p.extra.contract_rate = Some((Decimal::new(43_000, 4), "USD".to_owned()));
            p.currency != "PLN"
        },
    },
    Defect {
        rule: &simplified::simplified_tax_per_rate::SIMPLIFIED_TAX_PER_RATE,
        kinds: &[Kind::Upr],
        apply: |p| {
            // No line gives a rate and no P_13_x/P_14_x is given; P_15
            // stays the amount due.
            for l in &mut p.lines {
                l.extra.omit = Some("P_12");
                l.annex15 = false;
            }
            p.split_payment = false;
            p.summaries.clear();
            true
        },
    },
    Defect {
        rule: &advances::wdt_advance::WDT_ADVANCE,
        kinds: &[Kind::Zal],
        apply: |p| {
            let Some((value, rows)) = p.order.as_mut() else {
                return false;
            };
            for r in rows.iter_mut() {
                r.rate = Rate::Pl("0 WDT");
                r.vat = None;
                r.annex15 = false;
            }
            let Some(sum) = rows
                .iter()
                .try_fold(Decimal::ZERO, |acc, r| acc.checked_add(r.value))
            else {
                return false;
            };
            *value = sum;
            // The advance: half the order, no tax.
            let net = round2(sum / Decimal::TWO);
            p.summaries = vec![Summary {
                group: RateGroup::ZeroWdt,
                net,
                tax: None,
                tax_pln: None,
            }];
            retotal(p);
            p.buyer = PartyId::Eu("DE".to_owned(), "123456789".to_owned());
            p.buyer_address = Some(german_address());
            p.seller_prefix = true;
            p.jst = false;
            p.gv = false;
            p.thirds.clear();
            p.split_payment = false;
            true
        },
    },
    Defect {
        rule: &advances::advance_line_markers::ADVANCE_LINE_MARKERS,
        kinds: &[Kind::Zal],
        apply: |p| {
            let Some((_, rows)) = p.order.as_ref() else {
                return false;
            };
            let mut lines = rows.clone();
            for l in &mut lines {
                l.vat = None;
                l.annex15 = false;
                l.extra.gtu = Some("GTU_06");
            }
            p.lines = lines;
            true
        },
    },
];
