//! One defect on demand: [`violating`] turns valid generated invoices into
//! invoices that one rule reports.
//!
//! Each defect is a small edit of a valid plan (see [`super::invoice`]):
//! the edit breaks what the rule checks and, where the catalog allows,
//! keeps every other rule satisfied (a changed tax moves `P_15` with it, a
//! changed date keeps the other dates in order). An edit that does not fit
//! a plan (a marker for lines the invoice does not have) declines it, and
//! the strategy draws another.
//!
//! [`violation_codes`] lists the rules with a defect generator;
//! [`no_violation_reason`] says why a rule has none.

use chrono::{Days, NaiveDate, TimeDelta};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::domain::{KsefNumber, Nip};
use crate::facts::Kind;
use crate::facts::money::round2;
use crate::facts::rates::RateGroup;
use crate::model::Faktura;
use crate::rules::numbering::invoice_number_looks_like_ksef_number as ksef_like_number;
use crate::rules::{
    self, Check, Rule, advances, amounts, attachments, corrections, currency, dates, header, ids,
    lines, numbering, parties, payment, simplified, xml,
};

mod parts;

use super::invoice::{
    Corrected, InvoiceProfile, PartyId, Payment, Plan, Rate, Summary, Third, Transport, arb_plan,
};

/// A defect: the rule it breaks, the kinds it applies to (all when empty)
/// and the edit, which returns false when it does not fit the plan.
struct Defect {
    rule: &'static Rule,
    kinds: &'static [Kind],
    apply: fn(&mut Plan) -> bool,
}

const VAT: &[Kind] = &[Kind::Vat];
const ANY: &[Kind] = &[];
const CORRECTIONS: &[Kind] = &[Kind::Kor, Kind::KorZal, Kind::KorRoz];
const NOT_CORRECTIONS: &[Kind] = &[Kind::Vat, Kind::Zal, Kind::Roz, Kind::Upr];
const WITH_KSEF_REFERENCE: &[Kind] = &[Kind::Kor, Kind::KorZal, Kind::KorRoz, Kind::Roz];
const NET_LINES: &[Kind] = &[Kind::Vat, Kind::Kor];

/// A valid NIP other than the generated parties' (those are random).
const OTHER_NIP: &str = "5265877635";

fn days(date: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        date.checked_add_days(Days::new(n.unsigned_abs()))
            .unwrap_or(date)
    } else {
        date.checked_sub_days(Days::new(n.unsigned_abs()))
            .unwrap_or(date)
    }
}

/// Recomputes the total and the tax in złoty after an edit of the
/// summaries.
fn retotal(plan: &mut Plan) {
    plan.total = plan
        .summaries
        .iter()
        .flat_map(|s| [Some(s.net), s.tax])
        .flatten()
        .try_fold(Decimal::ZERO, Decimal::checked_add)
        .unwrap_or_default();
    if matches!(plan.payment, Some(Payment::Partial(..))) {
        plan.payment = None;
    }
}

fn fx(plan: &Plan) -> Option<Decimal> {
    plan.lines
        .iter()
        .find_map(|l| l.exchange_rate)
        .or(plan.advance_rate)
}

fn refresh_tax_pln(plan: &mut Plan) {
    let rate = fx(plan);
    for s in &mut plan.summaries {
        if s.tax_pln.is_some() {
            s.tax_pln = match (rate, s.tax) {
                (Some(r), Some(t)) => Some(round2(t.checked_mul(r).unwrap_or_default())),
                _ => None,
            };
        }
    }
}

fn first_taxed(plan: &mut Plan) -> Option<&mut Summary> {
    plan.summaries.iter_mut().find(|s| s.tax.is_some())
}

/// Adds a `P_13_6_1` (0 % domestic) of `net` in its place among the
/// summaries; false when the invoice already has one.
fn add_zero_domestic(plan: &mut Plan, net: Decimal) -> bool {
    if plan
        .summaries
        .iter()
        .any(|s| s.group == RateGroup::ZeroDomestic)
    {
        return false;
    }
    let at = plan
        .summaries
        .iter()
        .position(|s| s.group > RateGroup::ZeroDomestic)
        .unwrap_or(plan.summaries.len());
    let group = RateGroup::ZeroDomestic;
    plan.summaries.insert(
        at,
        Summary {
            group,
            net,
            tax: None,
            tax_pln: None,
        },
    );
    true
}

fn corrupt_digit(s: &str, at: usize) -> String {
    s.char_indices()
        .map(|(i, c)| match (i == at, c.to_digit(10)) {
            (true, Some(d)) => char::from_digit((d + 1) % 10, 10).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn ksef_of(nip: &str, date: NaiveDate, unique: u64) -> Option<String> {
    let nip = Nip::parse(nip).ok()?;
    KsefNumber::compose(&nip, date, unique)
        .ok()
        .map(|k| k.as_str().to_owned())
}

/// The first KSeF number the invoice cites: the corrected invoice's, or
/// else the first advance invoice's.
fn cited_ksef(p: &mut Plan) -> Option<&mut String> {
    if p.corrected.as_ref().is_some_and(|c| c.ksef.is_some()) {
        p.corrected.as_mut().and_then(|c| c.ksef.as_mut())
    } else {
        p.advances.first_mut()
    }
}

/// The defects, by rule code.
const DEFECTS: &[Defect] = &[
    Defect {
        rule: &amounts::tax_matches_rate::TAX_MATCHES_RATE,
        kinds: ANY,
        apply: |p| {
            if p.gross {
                return false;
            }
            let Some(s) = first_taxed(p) else {
                return false;
            };
            s.tax = s.tax.map(|t| t + Decimal::ONE);
            retotal(p);
            refresh_tax_pln(p);
            true
        },
    },
    Defect {
        rule: &amounts::total_matches_summary::TOTAL_MATCHES_SUMMARY,
        kinds: &[Kind::Vat, Kind::Kor, Kind::Zal, Kind::Upr, Kind::KorZal],
        apply: |p| {
            p.total += Decimal::new(50, 2);
            p.payment = None;
            true
        },
    },
    Defect {
        rule: &amounts::lines_match_summary::LINES_MATCH_SUMMARY,
        kinds: NET_LINES,
        apply: |p| {
            if p.gross || p.margin {
                return false;
            }
            let percent = p.lines.first().and_then(|l| match l.rate {
                Rate::Pl(t) => t.parse::<u8>().ok().map(Decimal::from),
                Rate::Oss(r) => Some(Decimal::from(r)),
                Rate::Margin => None,
            });
            let group = p.lines.first().map(|l| l.rate);
            let Some(s) = p
                .summaries
                .iter_mut()
                .find(|s| group.is_some_and(|g| g.group() == s.group))
            else {
                return false;
            };
            s.net += Decimal::ONE_HUNDRED;
            if let (Some(t), Some(pc)) = (s.tax.as_mut(), percent) {
                *t = round2(s.net * pc / Decimal::ONE_HUNDRED);
            }
            retotal(p);
            refresh_tax_pln(p);
            true
        },
    },
    Defect {
        rule: &amounts::summary_for_rate::SUMMARY_FIELD_FOR_RATE,
        kinds: &[Kind::Vat, Kind::Kor, Kind::Roz, Kind::KorRoz],
        apply: |p| {
            if !add_zero_domestic(p, Decimal::TEN) {
                return false;
            }
            retotal(p);
            p.payment = None;
            true
        },
    },
    Defect {
        rule: &amounts::negative_amount::NEGATIVE_AMOUNT,
        kinds: &[Kind::Vat, Kind::Upr, Kind::Roz],
        apply: |p| {
            let Some(l) = p.lines.first_mut() else {
                return false;
            };
            l.qty = -l.qty;
            l.price = -l.price;
            true
        },
    },
    Defect {
        rule: &amounts::exemption_marker::EXEMPTION_MARKER,
        kinds: NOT_CORRECTIONS,
        apply: |p| {
            p.exemption = !p.exemption;
            true
        },
    },
    Defect {
        rule: &amounts::reverse_charge_marker::REVERSE_CHARGE_MARKER,
        kinds: NET_LINES,
        apply: |p| {
            if !p.reverse_charge {
                return false;
            }
            p.reverse_charge = false;
            true
        },
    },
    Defect {
        rule: &currency::tax_pln_missing::TAX_IN_PLN_MISSING,
        kinds: ANY,
        apply: |p| {
            let mut any = false;
            for s in &mut p.summaries {
                any |= s.tax_pln.take().is_some_and(|t| !t.is_zero());
            }
            any
        },
    },
    Defect {
        rule: &currency::tax_pln_on_pln::TAX_IN_PLN_ON_PLN_INVOICE,
        kinds: ANY,
        apply: |p| {
            if p.currency != "PLN" {
                return false;
            }
            let Some(s) = p
                .summaries
                .iter_mut()
                .find(|s| s.tax.is_some() && s.group.tax_pln_field().is_some())
            else {
                return false;
            };
            s.tax_pln = s.tax;
            true
        },
    },
    Defect {
        rule: &currency::tax_pln_conversion::TAX_IN_PLN_CONVERSION,
        kinds: ANY,
        apply: |p| {
            let Some(s) = p
                .summaries
                .iter_mut()
                .find(|s| s.tax_pln.is_some_and(|t| !t.is_zero()))
            else {
                return false;
            };
            s.tax_pln = s.tax_pln.map(|t| t + Decimal::ONE_HUNDRED);
            true
        },
    },
    Defect {
        rule: &currency::rate_on_pln::EXCHANGE_RATE_ON_PLN_INVOICE,
        kinds: ANY,
        apply: |p| {
            if p.currency != "PLN" {
                return false;
            }
            if p.order.is_some() {
                p.advance_rate = Some(Decimal::ONE);
                return true;
            }
            let Some(l) = p.lines.first_mut() else {
                return false;
            };
            l.exchange_rate = Some(Decimal::ONE);
            true
        },
    },
    Defect {
        rule: &dates::issue_date_in_future::ISSUE_DATE_IN_FUTURE,
        kinds: ANY,
        apply: |p| {
            p.issue = days(p.issue, 3);
            true
        },
    },
    Defect {
        rule: &dates::period_order::PERIOD_START_AFTER_END,
        kinds: VAT,
        apply: |p| {
            let to = p.delivery.or(p.period.map(|(_, to)| to)).unwrap_or(p.issue);
            p.period = Some((to, days(to, -10)));
            p.delivery = None;
            true
        },
    },
    Defect {
        rule: &dates::issued_too_early::ISSUED_TOO_EARLY,
        kinds: &[Kind::Vat, Kind::Upr, Kind::Roz],
        apply: |p| {
            p.period = None;
            p.delivery = Some(days(p.issue, 61));
            p.transport = None;
            if !matches!(p.payment, Some(Payment::Due(_))) {
                p.payment = None;
            }
            true
        },
    },
    Defect {
        rule: &dates::payment_after_issue::PAYMENT_DATE_AFTER_ISSUE,
        kinds: ANY,
        apply: |p| {
            p.payment = Some(Payment::Paid(days(p.issue, 1)));
            p.account = None;
            true
        },
    },
    Defect {
        rule: &dates::corrected_invoice_after_correction::CORRECTED_INVOICE_AFTER_CORRECTION,
        kinds: CORRECTIONS,
        apply: |p| {
            let issue = p.issue;
            let Some(c) = p.corrected.as_mut() else {
                return false;
            };
            c.date = days(issue, 1);
            c.ksef = None;
            true
        },
    },
    Defect {
        rule: &dates::transport_ends_before_start::TRANSPORT_ENDS_BEFORE_START,
        kinds: VAT,
        apply: |p| {
            let start = p
                .delivery
                .unwrap_or(p.issue)
                .and_hms_opt(10, 0, 0)
                .map_or(p.created, |d| d.and_utc());
            let to = p
                .buyer_address
                .clone()
                .unwrap_or_else(|| super::invoice::polish_address(2));
            p.transport = Some(Transport {
                start,
                end: start - TimeDelta::hours(2),
                from: super::invoice::polish_address(1),
                to,
            });
            true
        },
    },
    Defect {
        rule: &header::creation_date_in_future::CREATION_DATE_IN_FUTURE,
        kinds: ANY,
        apply: |p| {
            p.created += TimeDelta::hours(2);
            true
        },
    },
    Defect {
        rule: &ksef_like_number::INVOICE_NUMBER_LOOKS_LIKE_KSEF_NUMBER,
        kinds: ANY,
        apply: |p| {
            let unique = p
                .number
                .bytes()
                .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
            match ksef_of(&p.seller_nip, p.issue, unique) {
                Some(k) => {
                    p.number = k;
                    true
                }
                None => false,
            }
        },
    },
    Defect {
        rule: &ids::nip_checksum::NIP_CHECKSUM,
        kinds: ANY,
        apply: |p| {
            let PartyId::Nip(n) = &p.buyer else {
                return false;
            };
            let bad = corrupt_digit(n, 9);
            if bad.starts_with('0') {
                return false;
            }
            p.buyer = PartyId::Nip(bad);
            true
        },
    },
    Defect {
        rule: &ids::regon_checksum::REGON_CHECKSUM,
        kinds: ANY,
        apply: |p| {
            p.footer = Some(("0000099999".to_owned(), corrupt_digit("123456785", 8)));
            true
        },
    },
    Defect {
        rule: &ids::ksef_number_check_digits::KSEF_NUMBER_CHECK_DIGITS,
        kinds: WITH_KSEF_REFERENCE,
        apply: |p| {
            let flip = |k: &str| {
                let mut s = k.to_owned();
                let last = s.pop();
                s.push(if last == Some('0') { '1' } else { '0' });
                s
            };
            match cited_ksef(p) {
                Some(k) => {
                    *k = flip(k);
                    true
                }
                None => false,
            }
        },
    },
    Defect {
        rule: &ids::ksef_number_seller::KSEF_NUMBER_SELLER,
        kinds: WITH_KSEF_REFERENCE,
        apply: |p| {
            if p.seller_nip == OTHER_NIP {
                return false;
            }
            if let Some(c) = p.corrected.as_mut()
                && let Some(k) = c.ksef.as_mut()
            {
                let date = KsefNumber::parse(k).map_or(c.date, |n| n.date());
                if let Some(other) = ksef_of(OTHER_NIP, date, 42) {
                    *k = other;
                    return true;
                }
            }
            let Some(k) = p.advances.first_mut() else {
                return false;
            };
            let Ok(date) = KsefNumber::parse(k).map(|n| n.date()) else {
                return false;
            };
            match ksef_of(OTHER_NIP, date, 42) {
                Some(other) => {
                    *k = other;
                    true
                }
                None => false,
            }
        },
    },
    Defect {
        rule: &ids::eu_vat_number_format::EU_VAT_NUMBER_FORMAT,
        kinds: NET_LINES,
        apply: |p| {
            let PartyId::Eu(c, _) = &p.buyer else {
                return false;
            };
            p.buyer = PartyId::Eu(c.clone(), "12345".to_owned());
            true
        },
    },
    Defect {
        rule: &ids::bank_account_checksum::BANK_ACCOUNT_CHECKSUM,
        kinds: NOT_CORRECTIONS,
        apply: |p| {
            p.payment = Some(Payment::Due(days(p.issue, 14)));
            p.account = Some(corrupt_digit("61109010140000071219812874", 25));
            true
        },
    },
    Defect {
        rule: &ids::email_address::EMAIL_ADDRESS,
        kinds: ANY,
        apply: |p| {
            p.seller_email = Some("biuro@@example.pl".to_owned());
            true
        },
    },
    Defect {
        rule: &corrections::corrected_ksef_number_date::CORRECTED_KSEF_NUMBER_DATE,
        kinds: CORRECTIONS,
        apply: |p| {
            let seller = p.seller_nip.clone();
            let issue = p.issue;
            let Some(c) = p.corrected.as_mut() else {
                return false;
            };
            c.ksef = ksef_of(&seller, days(issue, 1), 77);
            c.ksef.is_some()
        },
    },
    Defect {
        rule: &corrections::corrected_number_unchanged::CORRECTED_NUMBER_UNCHANGED,
        kinds: CORRECTIONS,
        apply: |p| {
            p.right_number = p.corrected.as_ref().map(|c| c.number.clone());
            p.right_number.is_some()
        },
    },
    Defect {
        rule: &corrections::amount_before_correction_on_kor::AMOUNT_BEFORE_CORRECTION_ON_KOR,
        kinds: &[Kind::Kor],
        apply: |p| {
            p.total_before = Some(Decimal::ONE_HUNDRED);
            true
        },
    },
    Defect {
        rule:
            &corrections::correction_without_corrected_invoice::CORRECTION_WITHOUT_CORRECTED_INVOICE,
        kinds: CORRECTIONS,
        apply: |p| {
            p.corrected = None;
            p.total_before = None;
            p.right_number = None;
            true
        },
    },
    Defect {
        rule:
            &corrections::correction_fields_on_non_correction::CORRECTION_FIELDS_ON_NON_CORRECTION,
        kinds: NOT_CORRECTIONS,
        apply: |p| {
            p.corrected = Some(Corrected {
                reason: "błędna cena".to_owned(),
                kind: 1,
                date: days(p.issue, -10),
                number: "FV/1".to_owned(),
                ksef: ksef_of(&p.seller_nip, days(p.issue, -9), 5),
            });
            true
        },
    },
    Defect {
        rule: &payment::partial_payments_total::PARTIAL_PAYMENTS_TOTAL,
        kinds: NOT_CORRECTIONS,
        apply: |p| {
            if p.total <= Decimal::ONE {
                return false;
            }
            let issue = p.issue;
            p.payment = Some(Payment::Partial(
                2,
                vec![(Decimal::ONE, issue), (Decimal::ONE, issue)],
            ));
            p.account = None;
            true
        },
    },
    Defect {
        rule: &parties::seller_prefix_missing::SELLER_PREFIX_MISSING,
        kinds: NET_LINES,
        apply: |p| std::mem::replace(&mut p.seller_prefix, false),
    },
    Defect {
        rule: &parties::jst_recipient_missing::JST_RECIPIENT_MISSING,
        kinds: ANY,
        apply: |p| {
            p.jst = true;
            p.thirds.retain(|t| t.role != 8);
            true
        },
    },
    Defect {
        rule: &parties::group_member_missing::GROUP_MEMBER_MISSING,
        kinds: ANY,
        apply: |p| {
            p.gv = true;
            p.thirds.retain(|t| t.role != 10);
            true
        },
    },
    Defect {
        rule: &parties::buyer_address_missing::BUYER_ADDRESS_MISSING,
        kinds: &[Kind::Vat, Kind::Zal, Kind::Roz, Kind::KorZal, Kind::KorRoz],
        apply: |p| p.buyer_address.take().is_some(),
    },
    Defect {
        rule: &parties::buyer_name_missing::BUYER_NAME_MISSING,
        kinds: &[Kind::Vat, Kind::Zal, Kind::Roz],
        apply: |p| p.buyer_name.take().is_some(),
    },
    Defect {
        rule: &parties::buyer_id_for_eu_supply::BUYER_ID_FOR_EU_SUPPLY,
        kinds: NET_LINES,
        apply: |p| {
            if !matches!(p.buyer, PartyId::Eu(..)) || p.seller_nip == OTHER_NIP {
                return false;
            }
            p.buyer = PartyId::Nip(OTHER_NIP.to_owned());
            true
        },
    },
    Defect {
        rule: &parties::reverse_charge_without_buyer_id::REVERSE_CHARGE_WITHOUT_BUYER_ID,
        kinds: &[Kind::Vat, Kind::Kor],
        apply: |p| {
            if !p.reverse_charge || p.lines.iter().any(|l| l.rate == Rate::Pl("np II")) {
                return false;
            }
            p.buyer = PartyId::None;
            p.jst = false;
            p.gv = false;
            p.thirds.clear();
            true
        },
    },
    Defect {
        rule: &parties::additional_buyer_share::ADDITIONAL_BUYER_SHARE,
        kinds: ANY,
        apply: |p| {
            for name in ["Współnabywca A", "Współnabywca B"] {
                p.thirds.push(Third {
                    id: PartyId::Nip(OTHER_NIP.to_owned()),
                    name: name.to_owned(),
                    role: 4,
                    share: Some(Decimal::from(60)),
                    key: None,
                });
            }
            true
        },
    },
    Defect {
        rule: &parties::recipient_not_identified::RECIPIENT_NOT_IDENTIFIED,
        kinds: ANY,
        apply: |p| {
            p.jst = true;
            p.thirds.retain(|t| t.role != 8);
            p.thirds.push(Third {
                id: PartyId::None,
                name: "Szkoła Podstawowa nr 2".to_owned(),
                role: 8,
                share: None,
                key: None,
            });
            true
        },
    },
    Defect {
        rule: &lines::line_number_duplicate::LINE_NUMBER_DUPLICATE,
        kinds: &[Kind::Vat, Kind::Upr, Kind::Roz],
        apply: |p| {
            if p.lines.len() < 2 {
                return false;
            }
            let first = p.lines[0].number;
            p.lines[1].number = first;
            true
        },
    },
    Defect {
        rule: &lines::line_name_missing::LINE_NAME_MISSING,
        kinds: &[Kind::Vat, Kind::Roz, Kind::Kor],
        apply: |p| match p.lines.first_mut() {
            Some(l) => {
                l.name.clear();
                true
            }
            None => false,
        },
    },
    Defect {
        rule: &lines::reverse_charge_foreign_buyer::REVERSE_CHARGE_FOREIGN_BUYER,
        kinds: NET_LINES,
        apply: |p| {
            if !p.lines.iter().any(|l| l.rate == Rate::Pl("oo")) {
                return false;
            }
            p.buyer = PartyId::Eu("DE".to_owned(), "123456789".to_owned());
            p.buyer_address = Some(super::invoice::german_address());
            p.jst = false;
            p.gv = false;
            p.thirds.clear();
            true
        },
    },
    Defect {
        rule: &simplified::simplified_over_limit::SIMPLIFIED_OVER_LIMIT,
        kinds: &[Kind::Upr],
        apply: |p| {
            if p.gross
                || p.lines.len() != 1
                || p.summaries.len() != 1
                || p.lines[0].rate != Rate::Pl("23")
            {
                return false;
            }
            let net = Decimal::from(1_000);
            p.summaries[0].net = net;
            p.summaries[0].tax = Some(round2(net * Decimal::from(23) / Decimal::ONE_HUNDRED));
            let l = &mut p.lines[0];
            l.qty = Decimal::ONE;
            l.price = net;
            l.value = net;
            l.annex15 = false;
            p.split_payment = false;
            retotal(p);
            p.payment = None;
            true
        },
    },
    Defect {
        rule: &simplified::simplified_excluded_transaction::SIMPLIFIED_EXCLUDED_TRANSACTION,
        kinds: &[Kind::Upr],
        apply: |p| {
            if p.lines.len() != 1 || p.gross {
                return false;
            }
            let Some(l) = p.lines.first_mut() else {
                return false;
            };
            l.rate = Rate::Pl("oo");
            l.annex15 = false;
            let net = l.value;
            p.summaries = vec![Summary {
                group: RateGroup::ReverseCharge,
                net,
                tax: None,
                tax_pln: None,
            }];
            p.reverse_charge = true;
            p.split_payment = false;
            retotal(p);
            p.payment = None;
            true
        },
    },
    Defect {
        rule: &advances::advance_without_order::ADVANCE_WITHOUT_ORDER,
        kinds: &[Kind::Zal],
        apply: |p| p.order.take().is_some(),
    },
    Defect {
        rule: &advances::order_on_other_kind::ORDER_ON_OTHER_KIND,
        kinds: VAT,
        apply: |p| {
            if p.gross
                || p.margin
                || p.lines
                    .iter()
                    .any(|l| l.annex15 || matches!(l.rate, Rate::Oss(_)))
            {
                return false;
            }
            let mut value = Decimal::ZERO;
            let rows: Vec<_> = p
                .lines
                .iter()
                .map(|l| {
                    let mut r = l.clone();
                    r.exchange_rate = None;
                    r.vat = r
                        .rate
                        .percent()
                        .map(|pc| round2(r.value * pc / Decimal::ONE_HUNDRED));
                    value += r.value + r.vat.unwrap_or_default();
                    r
                })
                .collect();
            p.order = Some((value, rows));
            true
        },
    },
    Defect {
        rule: &advances::order_value_mismatch::ORDER_VALUE_MISMATCH,
        kinds: &[Kind::Zal],
        apply: |p| match p.order.as_mut() {
            Some((value, _)) => {
                *value += Decimal::ONE_HUNDRED;
                true
            }
            None => false,
        },
    },
    Defect {
        rule: &advances::order_line_duplicate::ORDER_LINE_DUPLICATE,
        kinds: &[Kind::Zal],
        apply: |p| {
            let Some((value, rows)) = p.order.as_mut() else {
                return false;
            };
            let Some(first) = rows.first().cloned() else {
                return false;
            };
            *value += first.value + first.vat.unwrap_or_default();
            rows.push(first);
            true
        },
    },
    Defect {
        rule: &advances::advance_rate_on_other_kind::ADVANCE_RATE_ON_OTHER_KIND,
        kinds: VAT,
        apply: |p| {
            if p.currency == "PLN" {
                return false;
            }
            p.advance_rate = fx(p);
            p.advance_rate.is_some()
        },
    },
    Defect {
        rule: &advances::settlement_without_advances::SETTLEMENT_WITHOUT_ADVANCES,
        kinds: &[Kind::Roz],
        apply: |p| {
            p.advances.clear();
            true
        },
    },
    Defect {
        rule: &advances::invoice_without_lines::INVOICE_WITHOUT_LINES,
        kinds: VAT,
        apply: |p| {
            p.lines.clear();
            p.transport = None;
            true
        },
    },
    Defect {
        rule: &amounts::line_arithmetic::LINE_VALUE_ARITHMETIC,
        kinds: &[Kind::Vat, Kind::Upr, Kind::Roz],
        apply: |p| match p.lines.first_mut() {
            Some(l) => {
                l.price += Decimal::TEN;
                true
            }
            None => false,
        },
    },
    Defect {
        rule: &amounts::old_and_new_rate::OLD_AND_NEW_RATE_MIXED,
        kinds: VAT,
        apply: |p| {
            // A second line at the other rate of the first line's field.
            let Some(first) = p.lines.first() else {
                return false;
            };
            let other = match first.rate {
                Rate::Pl("23") => "22",
                Rate::Pl("22") => "23",
                Rate::Pl("8") => "7",
                Rate::Pl("7") => "8",
                _ => return false,
            };
            if p.lines.len() != 1 {
                return false;
            }
            let mut line = first.clone();
            line.number += 1;
            line.uu_id.push('b');
            line.rate = Rate::Pl(other);
            p.lines.push(line);
            p.summaries = super::invoice::summarize(&p.lines, p.gross, fx(p));
            retotal(p);
            true
        },
    },
    Defect {
        rule: &amounts::zero_summary_field::ZERO_SUMMARY_FIELD,
        kinds: VAT,
        apply: |p| {
            if !add_zero_domestic(p, Decimal::ZERO) {
                return false;
            }
            true
        },
    },
    Defect {
        rule: &amounts::margin_summary::MARGIN_SUMMARY,
        kinds: VAT,
        apply: |p| !std::mem::replace(&mut p.margin, true),
    },
    Defect {
        rule: &amounts::reverse_charge_unused::REVERSE_CHARGE_UNUSED,
        kinds: &[Kind::Vat, Kind::Zal, Kind::Roz, Kind::Upr],
        apply: |p| {
            // A line at np I is outside Poland: it would justify P_18.
            let outside = p.lines.iter().any(|l| l.rate == Rate::Pl("np I"));
            matches!(p.buyer, PartyId::Nip(_))
                && !outside
                && !std::mem::replace(&mut p.reverse_charge, true)
        },
    },
    Defect {
        rule: &payment::transfer_without_account::TRANSFER_WITHOUT_ACCOUNT,
        kinds: NOT_CORRECTIONS,
        apply: |p| {
            p.payment = Some(Payment::Due(days(p.issue, 30)));
            p.account = None;
            true
        },
    },
    Defect {
        rule: &parties::buyer_is_seller::BUYER_IS_SELLER,
        kinds: ANY,
        apply: |p| {
            if !matches!(p.buyer, PartyId::Nip(_)) {
                return false;
            }
            p.buyer = PartyId::Nip(p.seller_nip.clone());
            true
        },
    },
    Defect {
        rule: &ids::placeholder_nip::PLACEHOLDER_NIP,
        kinds: ANY,
        apply: |p| {
            if !matches!(p.buyer, PartyId::Nip(_)) {
                return false;
            }
            p.buyer = PartyId::Nip("1111111111".to_owned());
            true
        },
    },
    Defect {
        rule: &lines::line_number_sequence::LINE_NUMBER_SEQUENCE,
        kinds: &[Kind::Vat, Kind::Upr, Kind::Roz],
        apply: |p| match p.lines.last_mut() {
            Some(l) => {
                l.number += 1;
                true
            }
            None => false,
        },
    },
    Defect {
        rule: &lines::uu_id_duplicate::UU_ID_DUPLICATE,
        kinds: &[Kind::Vat, Kind::Upr, Kind::Roz],
        apply: |p| {
            if p.lines.len() < 2 {
                return false;
            }
            let first = p.lines[0].uu_id.clone();
            p.lines[1].uu_id = first;
            true
        },
    },
    Defect {
        rule: &dates::due_date_before_issue::DUE_DATE_BEFORE_ISSUE,
        kinds: NOT_CORRECTIONS,
        apply: |p| {
            p.payment = Some(Payment::Due(days(p.issue, -1)));
            true
        },
    },
    Defect {
        rule: &header::system_info_missing::SYSTEM_INFO_MISSING,
        kinds: ANY,
        apply: |p| p.system_info.take().is_some(),
    },
    Defect {
        rule: &parties::duplicate_third_party::DUPLICATE_THIRD_PARTY,
        kinds: ANY,
        apply: |p| {
            for _ in 0..2 {
                p.thirds.push(Third {
                    id: PartyId::Nip(OTHER_NIP.to_owned()),
                    name: "Odbiorca sp. z o.o.".to_owned(),
                    role: 2,
                    share: None,
                    key: None,
                });
            }
            true
        },
    },
    Defect {
        rule: &corrections::correction_type_missing::CORRECTION_TYPE_MISSING,
        kinds: CORRECTIONS,
        apply: |p| match p.corrected.as_mut() {
            Some(c) => {
                c.kind = 0;
                true
            }
            None => false,
        },
    },
    Defect {
        rule: &ids::country_code_mismatch::COUNTRY_CODE_MISMATCH,
        kinds: NET_LINES,
        apply: |p| {
            if !matches!(p.buyer, PartyId::Eu(..)) {
                return false;
            }
            if let Some(a) = p.buyer_address.as_mut() {
                "FR".clone_into(&mut a.country);
            }
            true
        },
    },
    Defect {
        rule: &parties::recipient_role_unflagged::RECIPIENT_ROLE_UNFLAGGED,
        kinds: ANY,
        apply: |p| {
            p.jst = false;
            p.thirds.retain(|t| t.role != 8);
            let id = PartyId::Nip(OTHER_NIP.to_owned());
            let name = "Szkoła Podstawowa nr 3".to_owned();
            p.thirds.push(Third {
                id,
                name,
                role: 8,
                share: None,
                key: None,
            });
            true
        },
    },
    Defect {
        rule: &parties::employee_identified::EMPLOYEE_IDENTIFIED,
        kinds: ANY,
        apply: |p| {
            let id = PartyId::Nip(OTHER_NIP.to_owned());
            let name = "Jan Nowak".to_owned();
            p.thirds.push(Third {
                id,
                name,
                role: 11,
                share: None,
                key: None,
            });
            true
        },
    },
    Defect {
        rule: &parties::self_billing_issuer_role::SELF_BILLING_ISSUER_ROLE,
        kinds: ANY,
        apply: |p| {
            let PartyId::Nip(buyer) = &p.buyer else {
                return false;
            };
            let id = PartyId::Nip(buyer.clone());
            let name = "Nabywca jako wystawca".to_owned();
            p.thirds.push(Third {
                id,
                name,
                role: 5,
                share: None,
                key: None,
            });
            true
        },
    },
    Defect {
        rule: &lines::zero_rate_buyer::ZERO_RATE_BUYER,
        kinds: NET_LINES,
        apply: |p| {
            if !p.lines.iter().any(|l| l.rate == Rate::Pl("0 EX")) || p.seller_nip == OTHER_NIP {
                return false;
            }
            p.buyer = PartyId::Nip(OTHER_NIP.to_owned());
            p.buyer_address = Some(super::invoice::polish_address(3));
            p.transport = None;
            true
        },
    },
    Defect {
        rule: &amounts::oss_tax_absent::OSS_TAX_ABSENT,
        kinds: NET_LINES,
        apply: |p| {
            if p.gross {
                return false;
            }
            let Some(s) = p.summaries.iter_mut().find(|s| s.group == RateGroup::Oss) else {
                return false;
            };
            s.tax = None;
            retotal(p);
            true
        },
    },
    Defect {
        rule: &ids::krs_all_zeros::KRS_ALL_ZEROS,
        kinds: ANY,
        apply: |p| {
            p.footer = Some(("0000000000".to_owned(), "123456785".to_owned()));
            true
        },
    },
    Defect {
        rule: &ids::eu_vat_number_prefix::EU_VAT_NUMBER_PREFIX,
        kinds: NET_LINES,
        apply: |p| {
            let PartyId::Eu(c, n) = &p.buyer else {
                return false;
            };
            p.buyer = PartyId::Eu(c.clone(), format!("{c}{n}"));
            true
        },
    },
    Defect {
        rule: &ids::polish_nip_in_foreign_id::POLISH_NIP_IN_FOREIGN_ID,
        kinds: NET_LINES,
        apply: |p| {
            if !matches!(p.buyer, PartyId::Other(..)) || p.seller_nip == OTHER_NIP {
                return false;
            }
            p.buyer = PartyId::Other("PL".to_owned(), OTHER_NIP.to_owned());
            true
        },
    },
    Defect {
        rule: &amounts::split_payment_marker::SPLIT_PAYMENT_MARKER,
        kinds: VAT,
        apply: |p| {
            let annex = p.lines.iter().any(|l| l.annex15);
            let big = p.total > Decimal::from(15_000);
            let identified = matches!(p.buyer, PartyId::Nip(_));
            if !(annex && big && identified && p.currency == "PLN") {
                return false;
            }
            p.split_payment = false;
            true
        },
    },
    Defect {
        rule: &numbering::duplicate_wz_number::DUPLICATE_WZ_NUMBER,
        kinds: ANY,
        apply: |p| {
            p.wz = vec!["WZ/1/2026".to_owned(), "WZ/1/2026".to_owned()];
            true
        },
    },
];

/// Every defect: those of the parts valid invoices write, then those of the
/// parts they leave out.
fn all_defects() -> impl Iterator<Item = &'static Defect> {
    DEFECTS.iter().chain(parts::PART_DEFECTS)
}

fn defect(code: &str) -> Option<&'static Defect> {
    all_defects().find(|d| d.rule.meta.code == code)
}

/// The rule codes [`violating`] has a defect for, sorted.
pub fn violation_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = all_defects().map(|d| d.rule.meta.code).collect();
    codes.sort_unstable();
    codes
}

/// The kinds of invoice a rule's defect is generated on (every kind when
/// it applies to all); `None` when the rule has no defect generator.
pub fn violation_kinds(code: &str) -> Option<Vec<Kind>> {
    defect(code).map(|d| {
        if d.kinds.is_empty() {
            super::ALL_KINDS.to_vec()
        } else {
            d.kinds.to_vec()
        }
    })
}

/// Invoices that rule `code` reports, made from valid generated invoices
/// (of the default [`InvoiceProfile`]) by one defect; `None` when the rule
/// has no defect generator ([`no_violation_reason`] says why).
///
/// ```
/// use fa3::strategies::{InvoiceProfile, violating, violation_codes};
/// use proptest::prelude::*;
///
/// let code = violation_codes()[0];
/// let settings = fa3::Settings::at(InvoiceProfile::new().now());
/// proptest!(ProptestConfig::with_cases(4), |(invoice in violating(code).unwrap())| {
///     let xml = fa3::to_xml(&invoice).unwrap();
///     let report = fa3::validate(xml.as_bytes(), &settings).unwrap();
///     prop_assert!(report.diagnostics.iter().any(|d| d.code == code));
/// });
/// ```
pub fn violating(code: &str) -> Option<BoxedStrategy<Faktura>> {
    violating_with(code, InvoiceProfile::new())
}

/// Like [`violating`], with the invoices of `profile`, restricted to the
/// kinds the defect applies to (the defect's kinds when the profile has
/// none of them).
pub fn violating_with(code: &str, profile: InvoiceProfile) -> Option<BoxedStrategy<Faktura>> {
    let d = defect(code)?;
    let profile = restrict(profile, d.kinds);
    Some(
        arb_plan(profile)
            .prop_filter_map("the defect does not fit this invoice", move |mut plan| {
                (d.apply)(&mut plan).then(|| plan.to_invoice()).flatten()
            })
            .boxed(),
    )
}

fn restrict(profile: InvoiceProfile, kinds: &[Kind]) -> InvoiceProfile {
    if kinds.is_empty() {
        return profile;
    }
    let both: Vec<Kind> = profile
        .kinds()
        .iter()
        .copied()
        .filter(|k| kinds.contains(k))
        .collect();
    profile.with_kinds(if both.is_empty() { kinds } else { &both })
}

/// Why rule `code` has no defect generator; `None` for a rule that has one
/// and for an unknown code.
pub fn no_violation_reason(code: &str) -> Option<&'static str> {
    if defect(code).is_some() {
        return None;
    }
    let rule = rules::find(code)?;
    Some(match rule.check {
        Check::Batch => {
            "concerns a run, a package or the registry of sent invoices, not one invoice"
        }
        Check::Hygiene => {
            "checks the bytes or the text as written (encoding, characters, size, whitespace), which the typed model does not keep; write the bytes by hand"
        }
        Check::Schema | Check::SchemaMapped(_) => {
            "a schema constraint (a pattern, a choice, a fixed value, a required element, a range): the typed model holds only documents that parse, so it cannot carry the defect"
        }
        Check::Document(_) => document_reason(rule).unwrap_or(NO_REASON),
        _ => "applies to KSeF request data that an invoice document does not carry",
    })
}

/// The answer for a document rule missing from [`DOCUMENT_REASONS`]; a
/// test keeps every document rule out of it.
const NO_REASON: &str = "no defect generator";

/// Why a document rule has no defect: each of these rules reads a
/// [`Settings`](crate::Settings) value that the default settings of
/// [`InvoiceProfile::now`] leave unset or set otherwise, so no document
/// alone makes it fire.
const DOCUMENT_REASONS: &[(&Rule, &str)] = &[
    (
        &attachments::attachment_in_online_session::ATTACHMENT_IN_ONLINE_SESSION,
        "fires only when Settings::mode is SessionMode::Online: the attachment itself is valid, and the default mode (Unspecified) does not say how the invoice is sent",
    ),
    (
        &attachments::attachments_not_enabled::ATTACHMENTS_NOT_ENABLED,
        "fires only when Settings::attachments_allowed is Some(false), i.e. the taxpayer has not enabled attachments in KSeF; the document cannot say that, and the default (None) is unknown",
    ),
    (
        &currency::nbp_rate::EXCHANGE_RATE_NOT_NBP,
        "compares each exchange rate with the NBP Table A mid-rate in Settings::exchange_rates; the default settings load no rate table, and without one the rule stays silent",
    ),
    (
        &dates::issue_date_time_zone_window::ISSUE_DATE_TIME_ZONE_WINDOW,
        "fires only when the acceptance moment (Settings::now, or a batch session's opened_at in Settings::mode) is in the first hours of a Warsaw day that has not begun in UTC (23:00-24:00 UTC in winter, 22:00-24:00 in summer) and the issue date is that Warsaw day; at the profile's now (12:00 UTC) the Warsaw and UTC dates agree, so no issue date can be ahead of UTC",
    ),
    (
        &xml::session_form_code_mismatch::SESSION_FORM_CODE_MISMATCH,
        "compares the FA(3) document with Settings::form_code, the form code of the session it is sent in, which the default settings leave unset; the document's own form code is fixed by the schema",
    ),
];

fn document_reason(rule: &Rule) -> Option<&'static str> {
    DOCUMENT_REASONS
        .iter()
        .find(|(r, _)| r.meta.code == rule.meta.code)
        .map(|(_, reason)| *reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_rule_has_a_defect_or_its_own_reason() {
        let mut missing = Vec::new();
        for rule in rules::RULES {
            if !matches!(rule.check, Check::Document(_)) {
                continue;
            }
            let code = rule.meta.code;
            let has_defect = defect(code).is_some();
            let reason = document_reason(rule);
            assert!(
                !(has_defect && reason.is_some()),
                "{code}: both a defect and a reason"
            );
            if !has_defect && reason.is_none() {
                missing.push(code);
            }
        }
        assert!(missing.is_empty(), "no defect and no reason: {missing:?}");
        let mut reasons: Vec<&str> = DOCUMENT_REASONS.iter().map(|(_, r)| *r).collect();
        reasons.sort_unstable();
        reasons.dedup();
        assert_eq!(reasons.len(), DOCUMENT_REASONS.len(), "a reason repeats");
    }

    #[test]
    fn defects_are_unique_per_rule() {
        let mut codes: Vec<&str> = all_defects().map(|d| d.rule.meta.code).collect();
        let all = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all);
    }
}
