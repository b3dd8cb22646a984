//! Cases of the amount and currency rules beyond their fixtures: the
//! controls the catalog names (a settlement's remainder, a per-unit
//! discount, the gross method, a rounded unit price) and the tolerance.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use fa3::Settings;

fn base() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base.xml"))
        .unwrap()
}

/// `base.xml` with each `(old, new)` replaced once (each must occur once).
fn variant(edits: &[(&str, &str)]) -> String {
    let mut s = base();
    for (old, new) in edits {
        assert_eq!(s.matches(old).count(), 1, "{old}");
        s = s.replacen(old, new, 1);
    }
    s
}

/// The messages of `code` on `xml` with only that rule running.
fn findings(xml: &str, code: &str, settings: Settings) -> Vec<String> {
    let full = fa3::validate(xml.as_bytes(), &Settings::default()).unwrap();
    assert!(
        !full
            .diagnostics
            .iter()
            .any(|d| d.code.starts_with("FA3-XSD") || d.code.starts_with("FA3-XML")),
        "not schema-valid: {:#?}",
        full.diagnostics
    );
    assert!(fa3::parse(xml.as_bytes()).is_ok());
    let report = fa3::validate(xml.as_bytes(), &settings.only(code)).unwrap();
    report.with_code(code).map(|d| d.message.clone()).collect()
}

fn now() -> Settings {
    Settings::at("2026-11-21T12:00:00Z".parse().unwrap())
}

#[test]
fn total_message_names_both_amounts() {
    // One 23 % line of 1,000.00: net and tax add up to 1,230.00.
    let xml = variant(&[
        ("<P_13_1>1666.66</P_13_1>", "<P_13_1>1000.00</P_13_1>"),
        ("<P_14_1>383.33</P_14_1>", "<P_14_1>230.00</P_14_1>"),
        ("<P_13_3>0.95</P_13_3>\n\t\t<P_14_3>0.05</P_14_3>\n", ""),
        ("<P_15>2050.99</P_15>", "<P_15>99999.00</P_15>"),
    ]);
    assert_eq!(
        findings(&xml, "FA3-AMT-004", now()),
        [
            "P_15 is 99,999.00, but the net amounts and the tax add up to 1,230.00 (difference 98,769.00)"
        ]
    );
}

#[test]
fn settlement_total_is_the_remainder() {
    let xml = variant(&[
        (
            "<RodzajFaktury>VAT</RodzajFaktury>",
            "<RodzajFaktury>ROZ</RodzajFaktury>",
        ),
        ("<P_15>2050.99</P_15>", "<P_15>50.99</P_15>"),
    ]);
    assert!(findings(&xml, "FA3-AMT-004", now()).is_empty());
    assert!(findings(&xml, "FA3-AMT-005", now()).is_empty());
}

#[test]
fn tolerance_is_configurable() {
    let xml = variant(&[("<P_14_1>383.33</P_14_1>", "<P_14_1>383.36</P_14_1>")]);
    assert_eq!(findings(&xml, "FA3-AMT-003", now()).len(), 1);
    let mut loose = now();
    loose.tolerance = "0.05".parse().unwrap();
    assert!(findings(&xml, "FA3-AMT-003", loose).is_empty());
    // One grosz off passes by default (the official examples 1, 11, 18, 19).
    let xml = variant(&[("<P_14_1>383.33</P_14_1>", "<P_14_1>383.34</P_14_1>")]);
    assert!(findings(&xml, "FA3-AMT-003", now()).is_empty());
}

#[test]
fn discount_is_per_line_or_per_unit() {
    // 2 × 20.325 = 40.65; with P_10 = 0.325 per unit, 2 × 20.00 = 40.00.
    let line = "<P_8B>1</P_8B>\n\t\t\t<P_9A>40.65</P_9A>\n\t\t\t<P_11>40.65</P_11>";
    let per_unit = variant(&[(
        line,
        "<P_8B>2</P_8B>\n\t\t\t<P_9A>20.325</P_9A>\n\t\t\t<P_10>0.325</P_10>\n\t\t\t<P_11>40.00</P_11>",
    )]);
    assert!(findings(&per_unit, "FA3-AMT-006", now()).is_empty());
    let on_line = variant(&[(
        line,
        "<P_8B>2</P_8B>\n\t\t\t<P_9A>20.325</P_9A>\n\t\t\t<P_10>0.65</P_10>\n\t\t\t<P_11>40.00</P_11>",
    )]);
    assert!(findings(&on_line, "FA3-AMT-006", now()).is_empty());
    let neither = variant(&[(
        line,
        "<P_8B>2</P_8B>\n\t\t\t<P_9A>20.325</P_9A>\n\t\t\t<P_10>0.10</P_10>\n\t\t\t<P_11>40.00</P_11>",
    )]);
    assert_eq!(findings(&neither, "FA3-AMT-006", now()).len(), 1);
}

#[test]
fn rounded_unit_price_is_tolerated() {
    let line = "<P_8B>1</P_8B>\n\t\t\t<P_9A>40.65</P_9A>\n\t\t\t<P_11>40.65</P_11>";
    let three = |price: &str, value: &str| {
        variant(&[(
            line,
            &format!("<P_8B>3</P_8B>\n\t\t\t<P_9A>{price}</P_9A>\n\t\t\t<P_11>{value}</P_11>"),
        )])
    };
    assert!(findings(&three("33.333333", "99.99"), "FA3-AMT-006", now()).is_empty());
    assert!(findings(&three("33.33", "100.00"), "FA3-AMT-006", now()).is_empty());
    assert_eq!(
        findings(&three("33.333333", "100.50"), "FA3-AMT-006", now()).len(),
        1
    );
}

#[test]
fn gross_method_is_accepted() {
    // Lines in gross values: 1,666.66 + 383.33 = 2,049.99 at 23 %.
    let xml = variant(&[
        (
            "<P_9A>1626.01</P_9A>\n\t\t\t<P_11>1626.01</P_11>",
            "<P_9B>2000.00</P_9B>\n\t\t\t<P_11A>2000.00</P_11A>",
        ),
        (
            "<P_9A>40.65</P_9A>\n\t\t\t<P_11>40.65</P_11>",
            "<P_9B>49.99</P_9B>\n\t\t\t<P_11A>49.99</P_11A>",
        ),
        (
            "<P_9A>0.95</P_9A>\n\t\t\t<P_11>0.95</P_11>",
            "<P_9B>1.00</P_9B>\n\t\t\t<P_11A>1.00</P_11A>",
        ),
    ]);
    for code in ["FA3-AMT-003", "FA3-AMT-005", "FA3-AMT-006"] {
        assert!(findings(&xml, code, now()).is_empty(), "{code}");
    }
    let wrong = xml.replace("<P_11A>49.99</P_11A>", "<P_11A>59.99</P_11A>");
    assert_eq!(findings(&wrong, "FA3-AMT-005", now()).len(), 1);
}

#[test]
fn correction_lines_are_differences() {
    // A StanPrzed row of 1,626.01 and its after row of 1,463.41: −162.60.
    let xml = variant(&[
        (
            "<RodzajFaktury>VAT</RodzajFaktury>",
            "<RodzajFaktury>KOR</RodzajFaktury>\n\t\t<PrzyczynaKorekty>rabat</PrzyczynaKorekty>\n\t\t<TypKorekty>1</TypKorekty>\n\t\t<DaneFaKorygowanej>\n\t\t\t<DataWystFaKorygowanej>2026-11-01</DataWystFaKorygowanej>\n\t\t\t<NrFaKorygowanej>FV/2026/11/000</NrFaKorygowanej>\n\t\t\t<NrKSeFN>1</NrKSeFN>\n\t\t</DaneFaKorygowanej>",
        ),
        ("<P_13_1>1666.66</P_13_1>", "<P_13_1>-162.60</P_13_1>"),
        ("<P_14_1>383.33</P_14_1>", "<P_14_1>-37.40</P_14_1>"),
        ("<P_13_3>0.95</P_13_3>\n\t\t<P_14_3>0.05</P_14_3>\n", ""),
        ("<P_15>2050.99</P_15>", "<P_15>-200.00</P_15>"),
        (
            "<P_11>1626.01</P_11>\n\t\t\t<P_12>23</P_12>",
            "<P_11>1626.01</P_11>\n\t\t\t<P_12>23</P_12>\n\t\t\t<StanPrzed>1</StanPrzed>",
        ),
        (
            "<P_9A>40.65</P_9A>\n\t\t\t<P_11>40.65</P_11>",
            "<P_9A>1463.41</P_9A>\n\t\t\t<P_11>1463.41</P_11>",
        ),
    ]);
    let xml = {
        // Drop the third line (5 %).
        let start = xml.find("<FaWiersz>\n\t\t\t<NrWierszaFa>3").unwrap();
        let end = xml[start..].find("</FaWiersz>").unwrap() + start + "</FaWiersz>".len();
        format!("{}{}", &xml[..start], &xml[end..])
    };
    for code in [
        "FA3-AMT-003",
        "FA3-AMT-004",
        "FA3-AMT-005",
        "FA3-AMT-008",
        "FA3-AMT-010",
    ] {
        assert!(
            findings(&xml, code, now()).is_empty(),
            "{code}: {:?}",
            findings(&xml, code, now())
        );
    }
}
