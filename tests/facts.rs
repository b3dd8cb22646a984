//! The derived facts on the official examples.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use fa3::facts::payment::Status;
use fa3::facts::rates::{Method, RateGroup};
use fa3::facts::{Facts, Kind};
use rust_decimal::Decimal;

fn example(n: usize) -> fa3::Faktura {
    let file = common::official_examples()
        .into_iter()
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_lowercase();
            name == format!("fa_3_przykład_{n}.xml")
        })
        .unwrap_or_else(|| panic!("example {n}"));
    fa3::parse(&std::fs::read(file).unwrap()).unwrap()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn example_1_basic_rate_lines_sum_to_p_13_1() {
    let invoice = example(1);
    let facts = Facts::new(&invoice);
    assert_eq!(facts.kind(), Kind::Vat);
    let rates = facts.rates();
    assert_eq!(rates.method, Method::Net);
    let basic = rates.group(RateGroup::Basic).unwrap();
    assert_eq!(basic.lines, vec![0, 1]);
    assert_eq!(basic.rates, vec!["23"]);
    assert_eq!(basic.net, Some(d("1666.66")));
    assert_eq!(basic.declared.unwrap().net, d("1666.66"));
    assert_eq!(basic.declared.unwrap().tax, Some(d("383.33")));
    let reduced = rates.group(RateGroup::Reduced2).unwrap();
    assert_eq!(reduced.lines, vec![2]);
    assert_eq!(reduced.net, Some(d("0.95")));
    let paths: Vec<String> = rates
        .lines_of(basic)
        .map(fa3::facts::rates::Line::path)
        .collect();
    assert_eq!(
        paths,
        ["/Faktura/Fa/FaWiersz[1]", "/Faktura/Fa/FaWiersz[2]"]
    );
    // The total the summary fields give, against P_15 = 2051.
    assert_eq!(rates.total, d("2051"));
    assert_eq!(rates.summary_total, Some(d("2050.99")));
    assert_eq!(facts.payment().status, Status::Paid);
    assert!(facts.currency().is_pln());
}

#[test]
fn example_2_pairs_its_before_and_after_rows() {
    let invoice = example(2);
    let facts = Facts::new(&invoice);
    let correction = facts.correction();
    assert_eq!(correction.kind, Kind::Kor);
    assert_eq!(correction.before_rows, vec![0]);
    assert_eq!(correction.pairs, vec![(0, 1)]);
    assert!(correction.unpaired_before.is_empty());
    assert_eq!(correction.corrected.len(), 1);
    // The group sums the difference: after (1463.41) minus before (1626.01).
    let basic = facts.rates().group(RateGroup::Basic).unwrap();
    assert_eq!(basic.net, Some(d("-162.60")));
}

#[test]
fn example_18_pairs_rows_by_their_reused_numbers() {
    let invoice = example(18);
    let facts = Facts::new(&invoice);
    let correction = facts.correction();
    assert_eq!(correction.kind, Kind::KorRoz);
    assert_eq!(correction.pairs.len(), 2);
    for &(b, a) in &correction.pairs {
        let lines = &facts.rates().lines;
        assert!(lines[b].before && !lines[a].before);
        assert_eq!(lines[b].number, lines[a].number);
    }
}

#[test]
fn example_10_order_lines_sum_to_the_order_value() {
    let invoice = example(10);
    let facts = Facts::new(&invoice);
    assert_eq!(facts.kind(), Kind::Zal);
    let order = facts.advance().order.as_ref().unwrap();
    assert_eq!(order.value, d("375150"));
    assert_eq!(order.lines.len(), 2);
    assert_eq!(order.lines_total, Some(d("375150")));
}

#[test]
fn example_21_keeps_each_line_rate() {
    let invoice = example(21);
    let facts = Facts::new(&invoice);
    let currency = facts.currency();
    assert_eq!(currency.code, "EUR");
    assert_eq!(
        currency.rates_of(RateGroup::Basic),
        [d("4.4080"), d("4.5005"), d("4.3250")]
    );
}

#[test]
fn facts_are_computed_for_every_official_example() {
    for file in common::official_examples() {
        let invoice = fa3::parse(&std::fs::read(&file).unwrap()).unwrap();
        let facts = Facts::new(&invoice);
        let rates = facts.rates();
        // Every line lands in one group at most, and each group lists its lines.
        let grouped: usize = rates.groups.iter().map(|g| g.lines.len()).sum();
        let with_group = rates.lines.iter().filter(|l| l.group.is_some()).count();
        assert_eq!(grouped, with_group, "{}", file.display());
        // No official example overflows a sum.
        assert!(rates.groups.iter().all(|g| g.net.is_some()));
        let _ = (
            facts.correction(),
            facts.advance(),
            facts.currency(),
            facts.payment(),
        );
    }
}
