//! JSON in and out (feature `serde`) over the 26 official examples: XML →
//! JSON → model gives back the model parsed from the XML, and JSON → XML →
//! parse gives back the original invoice.

#![cfg(feature = "serde")]
#![allow(clippy::unwrap_used, clippy::panic)]

mod common;

#[test]
fn official_examples_round_trip_through_json() {
    let files = common::official_examples();
    assert_eq!(files.len(), 26);
    for path in files {
        let name = path.display();
        let original = fa3::parse(&std::fs::read(&path).unwrap()).unwrap();
        let json = fa3::to_json(&original).unwrap();
        let from_json = fa3::from_json(&json).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(from_json == original, "{name}: XML → JSON → model differs");
        let xml = fa3::to_xml(&from_json).unwrap();
        let again = fa3::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(again == original, "{name}: JSON → XML → model differs");
    }
}

#[test]
fn amounts_dates_and_times_are_lexical_strings() {
    let original = fa3::parse(fa3::samples::EXAMPLE).unwrap();
    let json: serde_json::Value = serde_json::from_str(&fa3::to_json(&original).unwrap()).unwrap();
    let fa = &json["fa"];
    assert_eq!(fa["p_1"], original.fa.p_1.0.to_string());
    assert!(fa["p_15"].is_string(), "{}", fa["p_15"]);
    assert_eq!(fa["p_15"], original.fa.p_15.0.to_string());
    assert!(json["naglowek"]["data_wytworzenia_fa"].is_string());
}

#[test]
fn enumeration_values_are_their_xml_values() {
    let original = fa3::parse(fa3::samples::EXAMPLE).unwrap();
    let json: serde_json::Value = serde_json::from_str(&fa3::to_json(&original).unwrap()).unwrap();
    assert_eq!(json["naglowek"]["wariant_formularza"], "3");
    assert_eq!(json["naglowek"]["kod_formularza"]["content"], "FA");
    assert_eq!(json["podmiot1"]["adres"]["kod_kraju"], "PL");
    assert_eq!(json["fa"]["rodzaj_faktury"], "VAT");
    let mut json = json;
    json["podmiot1"]["adres"]["kod_kraju"] = serde_json::json!("Pl");
    assert!(fa3::from_json(&json.to_string()).is_err());
}

#[test]
fn invalid_lexical_values_are_refused() {
    let original = fa3::parse(fa3::samples::EXAMPLE).unwrap();
    let mut json: serde_json::Value =
        serde_json::from_str(&fa3::to_json(&original).unwrap()).unwrap();
    json["fa"]["p_15"] = serde_json::json!(2051.5);
    let err = fa3::from_json(&json.to_string()).unwrap_err();
    assert!(matches!(err, fa3::Error::Json(_)), "{err}");
    json["fa"]["p_15"] = serde_json::json!("12,5");
    let err = fa3::from_json(&json.to_string()).unwrap_err();
    assert!(err.to_string().contains("12,5"), "{err}");
}

#[test]
fn integers_are_lexical_strings_of_any_size() {
    let xml = include_str!("fixtures/large_ilosc.xml");
    let original = fa3::parse(xml.as_bytes()).unwrap();
    let mut json: serde_json::Value =
        serde_json::from_str(&fa3::to_json(&original).unwrap()).unwrap();
    let term = |json: &mut serde_json::Value| {
        json["fa"]["platnosc"]["termin_platnosci"][0]["content"]["termin_opis"]["ilosc"].take()
    };
    assert_eq!(term(&mut json.clone()), "3000000000");
    assert!(fa3::from_json(&json.to_string()).unwrap() == original);
    // Any lexical form of xs:integer, of any size, is read and kept.
    for lexical in ["+007", "-0", "1234567890123456789012345678901234567890"] {
        json["fa"]["platnosc"]["termin_platnosci"][0]["content"]["termin_opis"]["ilosc"] =
            serde_json::json!(lexical);
        let invoice = fa3::from_json(&json.to_string()).unwrap();
        let back: serde_json::Value =
            serde_json::from_str(&fa3::to_json(&invoice).unwrap()).unwrap();
        assert_eq!(term(&mut back.clone()), lexical);
    }
    // A number, or a string that is not an integer, is refused.
    for bad in [
        serde_json::json!(14),
        serde_json::json!("14.0"),
        serde_json::json!(""),
    ] {
        json["fa"]["platnosc"]["termin_platnosci"][0]["content"]["termin_opis"]["ilosc"] =
            bad.clone();
        let err = fa3::from_json(&json.to_string()).unwrap_err();
        assert!(matches!(err, fa3::Error::Json(_)), "{bad}: {err}");
    }
}
