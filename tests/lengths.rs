//! Lengths in characters: the schema validator, the typed model and
//! libxml2 agree on multibyte text at each kind of `maxLength`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use fa3::Settings;

/// Lengths are counted in characters, as the schema counts them: a value of
/// exactly its type's `maxLength` in two-byte letters is valid, is read by
/// the typed model (no FA3-XML-012), and libxml2 agrees.
#[test]
fn multibyte_text_at_each_max_length_is_valid_everywhere() {
    let base = include_str!("fixtures/base.xml");
    let fill = |n: usize| "ż".repeat(n);
    // (original element, replacement): one element of each maxLength kind.
    let cases = [
        // TZnakowy (256): P_8A, NrKlienta, SystemInfo.
        ("<P_8A>szt.</P_8A>", format!("<P_8A>{}</P_8A>", fill(256))),
        (
            "<NrKlienta>fdfd778343</NrKlienta>",
            format!("<NrKlienta>{}</NrKlienta>", fill(256)),
        ),
        (
            "<SystemInfo>SamploFaktur</SystemInfo>",
            format!("<SystemInfo>{}</SystemInfo>", fill(256)),
        ),
        // TZnakowy512: Nazwa, AdresL1, P_7.
        (
            "<Nazwa>ABC AGD sp. z o. o.</Nazwa>",
            format!("<Nazwa>{}</Nazwa>", fill(512)),
        ),
        (
            "<AdresL1>ul. Polna 1</AdresL1>",
            format!("<AdresL1>{}</AdresL1>", fill(512)),
        ),
        (
            "<P_7>wniesienie sprzętu</P_7>",
            format!("<P_7>{}</P_7>", fill(512)),
        ),
        // TTekstowy (3500, xs:string).
        (
            "<StopkaFaktury>Kapiał zakładowy 5 000 000</StopkaFaktury>",
            format!("<StopkaFaktury>{}</StopkaFaktury>", fill(3500)),
        ),
        // TAdresEmail (255).
        (
            "<Email>jan@kowalski.pl</Email>",
            format!("<Email>{}@{}</Email>", fill(127), fill(127)),
        ),
        // TNumerTelefonu (16).
        (
            "<Telefon>555777999</Telefon>",
            format!("<Telefon>{}</Telefon>", fill(16)),
        ),
    ];
    let mut xml = base.to_string();
    for (from, to) in &cases {
        assert!(xml.contains(from), "base.xml lacks {from}");
        xml = xml.replacen(from, to, 1);
    }
    // Each value is longer than its limit in bytes.
    assert!(xml.len() > base.len() + 3500 + 512 * 3 + 256 * 3);
    let settings = Settings::at("2026-11-21T12:00:00Z".parse().unwrap());
    let report = fa3::validate(xml.as_bytes(), &settings).unwrap();
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| !d.code.starts_with("FA3-XSD")
                && d.code != "FA3-XML-001"
                && d.code != "FA3-XML-012"),
        "{:#?}",
        report.diagnostics
    );
    let invoice = fa3::parse(xml.as_bytes()).expect("the typed model reads it");
    assert_eq!(
        invoice.fa.fa_wiersz[1]
            .p_7
            .as_ref()
            .unwrap()
            .0
            .chars()
            .count(),
        512
    );
    // One character more is a schema violation.
    let over = xml.replacen(&fill(512), &fill(513), 1);
    assert!(!fa3::is_valid(over.as_bytes()));
    if common::xmllint_available() {
        let dir = tempfile::tempdir().unwrap();
        let (ok, bad) = (dir.path().join("ok.xml"), dir.path().join("over.xml"));
        std::fs::write(&ok, &xml).unwrap();
        std::fs::write(&bad, &over).unwrap();
        assert_eq!(common::libxml2_verdicts(&[ok, bad]), vec![true, false]);
    }
}
