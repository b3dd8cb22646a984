//! `InvoiceBuilder`: the amounts it computes against hand computations, its
//! invoices against `fa3::validate` (no error, no warning) and libxml2, and
//! its refusals with their findings.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use chrono::{DateTime, NaiveDate, Utc};
use fa3::model::{
    FakturaFaAdnotacjeZwolnienieElementType, TFormaPlatnosciType, TKodWalutyType,
    TKodyKrajowUeType, TStawkaPodatkuType as Rate, TWybor12Type,
};
use fa3::{
    Address, BuildError, Buyer, BuyerId, Currency, Exemption, Faktura, InvoiceBuilder, Line,
    Payment, PriceMethod, Seller, Settings, Severity,
};
use rust_decimal::Decimal;

fn now() -> DateTime<Utc> {
    "2026-11-21T12:00:00Z".parse().unwrap()
}

fn settings() -> Settings {
    Settings::at(now())
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn seller() -> Seller {
    Seller::new(
        "5265877635",
        "ABC AGD sp. z o.o.",
        Address::pl("ul. Kwiatowa 1 m. 2", "00-001 Warszawa"),
    )
    .email("abc@abc.pl")
}

fn buyer() -> Buyer {
    Buyer::nip(
        "7335255579",
        "F.H.U. Jan Kowalski",
        Address::pl("ul. Polna 1", "00-001 Warszawa"),
    )
}

/// An invoice with the seller, the buyer and payment by transfer in 14 days.
fn builder(number: &str) -> InvoiceBuilder {
    InvoiceBuilder::new(number, day("2026-11-21"))
        .place("Warszawa")
        .seller(seller())
        .buyer(buyer())
        .payment(
            Payment::due(day("2026-12-05"))
                .method(TFormaPlatnosciType::_6)
                .account("PL61109010140000071219812874"),
        )
}

fn line(name: &str, quantity: &str, price: &str, rate: Rate) -> Line {
    Line::new(name, d(quantity), d(price), rate).unit("szt.")
}

/// Builds, refusing warnings too, and checks the XML again through the public
/// entry point: no error and no warning.
fn build_clean(b: InvoiceBuilder) -> (Faktura, String) {
    let invoice = match b.deny_warnings().build(&settings()) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    };
    let xml = fa3::to_xml(&invoice).unwrap();
    let report = fa3::validate(xml.as_bytes(), &settings()).unwrap();
    let loud: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .collect();
    assert!(loud.is_empty(), "{loud:#?}\n{xml}");
    assert_eq!(fa3::parse(xml.as_bytes()).unwrap(), invoice);
    (invoice, xml)
}

fn amount(v: &fa3::model::TKwotowyType) -> Decimal {
    v.0.value()
}

fn opt(v: Option<&fa3::model::TKwotowyType>) -> Option<Decimal> {
    v.map(amount)
}

fn rejected(e: &BuildError) -> Vec<(&'static str, Severity, String)> {
    e.diagnostics()
        .iter()
        .map(|d| (d.code, d.severity, d.path.clone()))
        .collect()
}

#[test]
fn one_rate_sums_like_the_hand_computation() {
    // 1626.01 + 40.65 = 1666.66; 23 % of it is 383.3318 → 383.33.
    let (inv, xml) = build_clean(
        builder("FV/2026/11/001")
            .line(line("lodówka Zimnotech mk1", "1", "1626.01", Rate::_23))
            .line(line("wniesienie sprzętu", "1", "40.65", Rate::_23)),
    );
    let g = inv.fa.p_13_1_group.as_ref().unwrap();
    assert_eq!(amount(&g.p_13_1), d("1666.66"));
    assert_eq!(amount(&g.p_14_1), d("383.33"));
    assert_eq!(g.p_14_1w, None);
    assert_eq!(amount(&inv.fa.p_15), d("2049.99"));
    let p11: Vec<Decimal> = inv
        .fa
        .fa_wiersz
        .iter()
        .map(|r| amount(r.p_11.as_ref().unwrap()))
        .collect();
    assert_eq!(p11, [d("1626.01"), d("40.65")]);
    assert!(xml.contains(
        "<KodFormularza kodSystemowy=\"FA (3)\" wersjaSchemy=\"1-0E\">FA</KodFormularza>"
    ));
    assert!(xml.contains("<WariantFormularza>3</WariantFormularza>"));
    assert!(xml.contains("<DataWytworzeniaFa>2026-11-21T12:00:00Z</DataWytworzeniaFa>"));
    assert!(xml.contains("<SystemInfo>"));
    assert!(xml.contains("<RodzajFaktury>VAT</RodzajFaktury>"));
}

#[test]
fn a_mix_of_rates_sums_per_group() {
    // 23 %: 3 × 19.99 = 59.97 and 2.5 × 4.10 = 10.25 → 70.22, tax 16.1506 → 16.15
    // 8 %: 7 × 12.345 = 86.415 → 86.42 (half away from zero), tax 6.9136 → 6.91
    // 5 %: 1 × 100 = 100.00, tax 5.00
    // zw: 4 × 25 = 100.00;  0 KR: 1 × 50 = 50.00
    // P_15 = 70.22 + 16.15 + 86.42 + 6.91 + 100 + 5 + 100 + 50 = 434.70
    let (inv, _) = build_clean(
        builder("FV/2026/11/002")
            .line(line("kawa", "3", "19.99", Rate::_23))
            .line(line("cukier", "2.5", "4.10", Rate::_23).unit("kg"))
            .line(line("książka", "7", "12.345", Rate::_8))
            .line(line("chleb", "1", "100", Rate::_5))
            .line(line("szkolenie", "4", "25", Rate::Zw).unit("h"))
            .line(line("statek", "1", "50", Rate::_0Kr))
            .exemption(Exemption::Act(
                "art. 43 ust. 1 pkt 29 lit. c ustawy o VAT".into(),
            )),
    );
    let fa = &inv.fa;
    let g1 = fa.p_13_1_group.as_ref().unwrap();
    assert_eq!(
        (amount(&g1.p_13_1), amount(&g1.p_14_1)),
        (d("70.22"), d("16.15"))
    );
    let g2 = fa.p_13_2_group.as_ref().unwrap();
    assert_eq!(
        (amount(&g2.p_13_2), amount(&g2.p_14_2)),
        (d("86.42"), d("6.91"))
    );
    let g3 = fa.p_13_3_group.as_ref().unwrap();
    assert_eq!(
        (amount(&g3.p_13_3), amount(&g3.p_14_3)),
        (d("100"), d("5.00"))
    );
    assert_eq!(fa.p_13_4_group, None);
    assert_eq!(opt(fa.p_13_7.as_ref()), Some(d("100")));
    assert_eq!(opt(fa.p_13_6_1.as_ref()), Some(d("50")));
    assert_eq!(fa.p_13_6_2, None);
    assert_eq!(amount(&fa.p_15), d("434.70"));
    assert!(matches!(
        fa.adnotacje.zwolnienie,
        FakturaFaAdnotacjeZwolnienieElementType::P19Group(_)
    ));
    assert_eq!(fa.adnotacje.p_18, TWybor12Type::_2);
}

#[test]
fn the_gross_method_takes_the_tax_out_of_the_gross_sum() {
    // 23 %: 2 × 123.00 = 246.00 gross, tax 246 × 23/123 = 46.00, net 200.00
    // 8 %: 1 × 10.80 gross, tax 10.80 × 8/108 = 0.80, net 10.00
    // 5 %: 3 × 3.33 = 9.99 gross, tax 9.99 × 5/105 = 0.4757 → 0.48, net 9.51
    // P_15 = 200 + 46 + 10 + 0.80 + 9.51 + 0.48 = 266.79 = Σ gross
    let (inv, xml) = build_clean(
        builder("FV/2026/11/003")
            .prices(PriceMethod::Gross)
            .line(line("bluza", "2", "123.00", Rate::_23))
            .line(line("ciastko", "1", "10.80", Rate::_8))
            .line(line("mleko", "3", "3.33", Rate::_5)),
    );
    let fa = &inv.fa;
    let g1 = fa.p_13_1_group.as_ref().unwrap();
    assert_eq!(
        (amount(&g1.p_13_1), amount(&g1.p_14_1)),
        (d("200.00"), d("46.00"))
    );
    let g2 = fa.p_13_2_group.as_ref().unwrap();
    assert_eq!(
        (amount(&g2.p_13_2), amount(&g2.p_14_2)),
        (d("10.00"), d("0.80"))
    );
    let g3 = fa.p_13_3_group.as_ref().unwrap();
    assert_eq!(
        (amount(&g3.p_13_3), amount(&g3.p_14_3)),
        (d("9.51"), d("0.48"))
    );
    assert_eq!(amount(&fa.p_15), d("266.79"));
    assert!(
        fa.fa_wiersz
            .iter()
            .all(|r| r.p_11.is_none() && r.p_9a.is_none())
    );
    assert_eq!(
        fa.fa_wiersz
            .iter()
            .map(|r| amount(r.p_11a.as_ref().unwrap()))
            .collect::<Vec<_>>(),
        [d("246.00"), d("10.80"), d("9.99")]
    );
    assert!(xml.contains("<P_9B>123.00</P_9B>"));
}

#[test]
fn a_foreign_currency_gives_the_tax_in_zloty() {
    // 10 × 15.50 = 155.00 EUR, tax 35.65 EUR; in PLN 35.65 × 4.2618 = 151.93317 → 151.93
    // 4 × 12.5 = 50.00 EUR at 8 %, tax 4.00 EUR; in PLN 4 × 4.2618 = 17.0472 → 17.05
    // P_15 = 155 + 35.65 + 50 + 4 = 244.65 EUR
    let (inv, xml) = build_clean(
        builder("FV/2026/11/004")
            .currency(Currency::Foreign {
                code: TKodWalutyType::Eur,
                rate: d("4.2618"),
            })
            .line(line("licencja", "10", "15.50", Rate::_23))
            .line(line("podręcznik", "4", "12.5", Rate::_8)),
    );
    let fa = &inv.fa;
    assert_eq!(fa.kod_waluty, TKodWalutyType::Eur);
    let g1 = fa.p_13_1_group.as_ref().unwrap();
    assert_eq!(
        (
            amount(&g1.p_13_1),
            amount(&g1.p_14_1),
            opt(g1.p_14_1w.as_ref())
        ),
        (d("155.00"), d("35.65"), Some(d("151.93")))
    );
    let g2 = fa.p_13_2_group.as_ref().unwrap();
    assert_eq!(
        (
            amount(&g2.p_13_2),
            amount(&g2.p_14_2),
            opt(g2.p_14_2w.as_ref())
        ),
        (d("50.0"), d("4.00"), Some(d("17.05")))
    );
    assert_eq!(amount(&fa.p_15), d("244.65"));
    assert_eq!(xml.matches("<KursWaluty>4.2618</KursWaluty>").count(), 2);
}

#[test]
fn discounts_reverse_charge_and_taxi_rates() {
    // 23 %: 10 × 9.99 − 5.00 = 94.90, tax 21.827 → 21.83
    // 4 %: 1 × 37.50 = 37.50, tax 1.50
    // oo: 2 × 1000 = 2000.00 (P_13_10, P_18=1)
    // P_15 = 94.90 + 21.83 + 37.50 + 1.50 + 2000 = 2155.73
    let (inv, _) = build_clean(
        builder("FV/2026/11/005")
            .line(line("tusz", "10", "9.99", Rate::_23).discount(d("5.00")))
            .line(line("przejazd taksówką", "1", "37.50", Rate::_4).unit("kurs"))
            .line(line("złom stalowy", "2", "1000", Rate::Oo).unit("t")),
    );
    let fa = &inv.fa;
    let g1 = fa.p_13_1_group.as_ref().unwrap();
    assert_eq!(
        (amount(&g1.p_13_1), amount(&g1.p_14_1)),
        (d("94.90"), d("21.83"))
    );
    let g4 = fa.p_13_4_group.as_ref().unwrap();
    assert_eq!(
        (amount(&g4.p_13_4), amount(&g4.p_14_4)),
        (d("37.50"), d("1.50"))
    );
    assert_eq!(opt(fa.p_13_10.as_ref()), Some(d("2000")));
    assert_eq!(amount(&fa.p_15), d("2155.73"));
    assert_eq!(fa.adnotacje.p_18, TWybor12Type::_1);
    assert_eq!(
        fa.fa_wiersz[0].p_10.as_ref().map(|v| v.0.value()),
        Some(d("5.00"))
    );
}

#[test]
fn an_intra_community_supply_at_zero_percent() {
    // 0 WDT: 100 × 2.5 = 250.00 EUR, no tax; P_15 = 250.00
    let (inv, _) = build_clean(
        builder("FV/2026/11/006")
            .buyer(Buyer::new(
                BuyerId::EuVat {
                    country: TKodyKrajowUeType::De,
                    number: "123456789".into(),
                },
                "Muster GmbH",
                Address::new(fa3::model::TKodKrajuType::De, "Hauptstraße 1, 10115 Berlin"),
            ))
            .currency(Currency::Foreign {
                code: TKodWalutyType::Eur,
                rate: d("4.2618"),
            })
            .line(line("śruby", "100", "2.5", Rate::_0Wdt)),
    );
    assert_eq!(opt(inv.fa.p_13_6_2.as_ref()), Some(d("250.0")));
    assert_eq!(amount(&inv.fa.p_15), d("250.0"));
    assert_eq!(inv.fa.p_13_1_group, None);
    assert_eq!(inv.podmiot1.prefiks_podatnika, Some(TKodyKrajowUeType::Pl));
}

#[test]
fn annex_15_goods_above_15000_zloty_get_the_split_payment() {
    // 1 × 20000 = 20000.00 at 23 %, tax 4600.00, P_15 = 24600.00 > 15,000
    let (inv, _) = build_clean(
        builder("FV/2026/11/007").line(line("telefon", "20", "1000", Rate::_23).annex_15()),
    );
    assert_eq!(amount(&inv.fa.p_15), d("24600.00"));
    assert_eq!(inv.fa.adnotacje.p_18a, TWybor12Type::_1);
    // Below the threshold the annotation stays 2.
    let (small, _) = build_clean(
        builder("FV/2026/11/008").line(line("telefon", "1", "1000", Rate::_23).annex_15()),
    );
    assert_eq!(small.fa.adnotacje.p_18a, TWybor12Type::_2);
}

#[test]
fn built_invoices_pass_libxml2() {
    let invoices = [
        builder("FV/X/1").line(line("a", "1", "1626.01", Rate::_23)),
        builder("FV/X/2")
            .prices(PriceMethod::Gross)
            .line(line("b", "2", "123", Rate::_23))
            .line(line("c", "1", "10.80", Rate::_8)),
        builder("FV/X/3")
            .currency(Currency::Foreign {
                code: TKodWalutyType::Usd,
                rate: d("3.9876"),
            })
            .line(line("d", "3", "7.77", Rate::_5)),
        builder("FV/X/4")
            .line(line("e", "1", "10", Rate::Zw))
            .line(line("f", "1", "10", Rate::Oo))
            .exemption(Exemption::Directive(
                "art. 132 ust. 1 lit. i dyrektywy 2006/112/WE".into(),
            )),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (i, b) in invoices.into_iter().enumerate() {
        let (_, xml) = build_clean(b);
        let path = dir.path().join(format!("built-{i}.xml"));
        std::fs::write(&path, xml).unwrap();
        files.push(path);
    }
    if !common::xmllint_available() {
        return;
    }
    let verdicts = common::libxml2_verdicts(&files);
    assert_eq!(verdicts, vec![true; files.len()]);
}

#[test]
fn an_invalid_nip_is_refused_with_its_finding() {
    let err = builder("FV/2026/11/010")
        .seller(Seller::new(
            "5265877636",
            "ABC AGD sp. z o.o.",
            Address::pl("ul. Kwiatowa 1", "00-001 Warszawa"),
        ))
        .line(line("a", "1", "10", Rate::_23))
        .build(&settings())
        .unwrap_err();
    let found = rejected(&err);
    assert!(
        found.contains(&(
            "FA3-NIP-001",
            Severity::Error,
            "/Faktura/Podmiot1/DaneIdentyfikacyjne/NIP".into()
        )),
        "{found:?}"
    );
    let BuildError::Rejected { diagnostics, xml } = &err else {
        panic!("{err}")
    };
    let nip = diagnostics
        .iter()
        .find(|d| d.code == "FA3-NIP-001")
        .unwrap();
    // Located in the XML the builder wrote.
    let line_text = xml.lines().nth(nip.line as usize - 1).unwrap();
    assert!(line_text.contains("<NIP>5265877636</NIP>"), "{line_text}");
}

#[test]
fn a_nip_of_the_wrong_shape_is_refused_by_the_schema() {
    let err = builder("FV/2026/11/011")
        .buyer(Buyer::nip(
            "12-34",
            "X",
            Address::pl("ul. A 1", "00-001 Warszawa"),
        ))
        .line(line("a", "1", "10", Rate::_23))
        .build(&settings())
        .unwrap_err();
    // The schema's pattern, reported under the catalog's code for a NIP.
    assert_eq!(
        rejected(&err),
        [(
            "FA3-ID-001",
            Severity::Error,
            "/Faktura/Podmiot2/DaneIdentyfikacyjne/NIP".to_string()
        )]
    );
}

#[test]
fn an_invoice_without_lines_is_refused() {
    // Refused without deny_warnings: the finding is a warning, but there is
    // nothing to compute the amounts from.
    let err = builder("FV/2026/11/012").build(&settings()).unwrap_err();
    let found = rejected(&err);
    assert!(
        found.contains(&(
            "FA3-ZAL-010",
            Severity::Warning,
            "/Faktura/Fa/RodzajFaktury".into()
        )),
        "{found:?}"
    );
}

#[test]
fn an_overflowing_line_value_is_refused() {
    // 10^15 × 10^15 = 10^30 overflows rust_decimal (about 7.9 × 10^28).
    let err = builder("FV/2026/11/013")
        .line(line("a", "1", "10", Rate::_23))
        .line(line("b", "1000000000000000", "1000000000000000", Rate::_23))
        .build(&settings())
        .unwrap_err();
    assert_eq!(
        rejected(&err),
        [(
            "FA3-XSD-006",
            Severity::Error,
            "/Faktura/Fa/FaWiersz[2]/P_11".to_string()
        )]
    );
    let BuildError::Rejected { xml, .. } = &err else {
        panic!("{err}")
    };
    assert!(xml.is_empty());
}

#[test]
fn a_line_value_beyond_the_schema_is_refused_by_the_schema() {
    // 10^10 × 10^10 = 10^20: computable, but more digits than TKwotowy allows.
    let err = builder("FV/2026/11/014")
        .line(line("a", "10000000000", "10000000000", Rate::_23))
        .build(&settings())
        .unwrap_err();
    // The schema's digits, reported under the catalog's code for amounts,
    // at the line and at every sum it makes too large.
    let found = rejected(&err);
    for path in [
        "/Faktura/Fa/FaWiersz/P_11",
        "/Faktura/Fa/P_13_1",
        "/Faktura/Fa/P_14_1",
        "/Faktura/Fa/P_15",
    ] {
        assert!(
            found.contains(&("FA3-AMT-001", Severity::Error, path.to_string())),
            "{path}: {found:?}"
        );
    }
    assert!(
        found.iter().all(|(code, _, _)| *code == "FA3-AMT-001"),
        "{found:?}"
    );
}

#[test]
fn an_exemption_without_its_basis_is_refused_when_warnings_are_denied() {
    let b = builder("FV/2026/11/015").line(line("szkolenie", "1", "100", Rate::Zw));
    // Errors only: accepted (the annotation is a warning-level finding).
    let inv = b.clone().build(&settings()).unwrap();
    assert_eq!(opt(inv.fa.p_13_7.as_ref()), Some(d("100")));
    let err = b.deny_warnings().build(&settings()).unwrap_err();
    assert!(
        err.diagnostics()
            .iter()
            .all(|d| d.severity == Severity::Warning),
        "{err}"
    );
    assert!(!err.diagnostics().is_empty());
}

#[test]
fn a_future_issue_date_is_refused() {
    let err = InvoiceBuilder::new("FV/2026/11/016", day("2026-12-24"))
        .seller(seller())
        .buyer(buyer())
        .line(line("a", "1", "10", Rate::_23))
        .build(&settings())
        .unwrap_err();
    let found = rejected(&err);
    assert!(
        found
            .iter()
            .any(|(_, s, path)| *s == Severity::Error && path == "/Faktura/Fa/P_1"),
        "{found:?}"
    );
}

#[test]
fn codes_of_the_schema_parse_into_the_model() {
    use fa3::invoice_builder::code;
    assert_eq!(code::<TKodWalutyType>("USD"), Some(TKodWalutyType::Usd));
    assert_eq!(code::<Rate>("0 WDT"), Some(Rate::_0Wdt));
    assert_eq!(code::<Rate>("0"), None);
    assert_eq!(
        code::<TFormaPlatnosciType>("6"),
        Some(TFormaPlatnosciType::_6)
    );
}
