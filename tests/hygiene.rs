//! Byte-level hygiene checks (`fa3::hygiene`), each on a minimal mutation of
//! the official example 1, plus boundaries, hostile inputs and properties.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::fs;
use std::time::{Duration, Instant};

use fa3::LineIndex;
use fa3::hygiene::{Hygiene, HygieneLimits, MAX_FINDINGS_PER_CODE, codes, scan};
use fa3::{Diagnostic, Severity};
use proptest::prelude::*;

const OFFICIAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/official");

fn official(name: &str) -> Vec<u8> {
    fs::read(format!("{OFFICIAL}/{name}")).unwrap()
}

fn base() -> Vec<u8> {
    official("FA_3_Przykład_1.xml")
}

fn check(bytes: &[u8]) -> Hygiene {
    scan(bytes, &HygieneLimits::default())
}

fn codes_of(h: &Hygiene) -> Vec<&'static str> {
    h.diagnostics.iter().map(|d| d.code).collect()
}

/// The single finding of `h`, which must have `code`.
fn only<'h>(h: &'h Hygiene, code: &str) -> &'h Diagnostic {
    assert_eq!(codes_of(h), [code], "{:#?}", h.diagnostics);
    let d = &h.diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert!(d.help.as_deref().is_some_and(|h| !h.is_empty()));
    d
}

fn find(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len())
        .position(|w| w == needle)
        .unwrap_or_else(|| panic!("{:?} not found", String::from_utf8_lossy(needle)))
}

/// `hay` with the first `from` replaced by `to`, and the offset of the change.
fn replace(hay: &[u8], from: &[u8], to: &[u8]) -> (Vec<u8>, usize) {
    let at = find(hay, from);
    let mut out = hay[..at].to_vec();
    out.extend_from_slice(to);
    out.extend_from_slice(&hay[at + from.len()..]);
    (out, at)
}

fn spanned<'b>(bytes: &'b [u8], d: &Diagnostic) -> &'b [u8] {
    &bytes[d.span.clone().expect("every finding has a span")]
}

const DECL: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?>"#;

// ---------------------------------------------------------------- corpus

#[test]
fn all_official_examples_are_clean() {
    let mut n = 0;
    for entry in fs::read_dir(OFFICIAL).unwrap() {
        let path = entry.unwrap().path();
        let bytes = fs::read(&path).unwrap();
        let h = check(&bytes);
        assert!(h.is_clean(), "{}: {:#?}", path.display(), h.diagnostics);
        assert!(!h.fatal, "{}", path.display());
        n += 1;
    }
    assert_eq!(n, 26);
}

// ---------------------------------------------------------------- FA3-XML-002

#[test]
fn bom_fires_002() {
    let mut doc = b"\xEF\xBB\xBF".to_vec();
    doc.extend(base());
    let h = check(&doc);
    let d = only(&h, codes::BOM);
    assert_eq!(d.span, Some(0..3));
    assert!(!h.fatal, "a BOM alone does not stop parsing");
}

// ---------------------------------------------------------------- FA3-XML-003

#[test]
fn windows_1250_declaration_fires_003() {
    let (doc, _) = replace(&base(), b"encoding=\"UTF-8\"", b"encoding=\"windows-1250\"");
    let h = check(&doc);
    let d = only(&h, codes::ENCODING_NOT_UTF8);
    assert!(h.fatal);
    assert_eq!(spanned(&doc, d), b"windows-1250");
    assert!(d.message.contains("windows-1250"), "{}", d.message);
}

#[test]
fn ascii_body_with_other_encoding_fires_003() {
    let doc = b"<?xml version='1.0' encoding = 'ISO-8859-2' standalone='yes'?><Faktura/>";
    let h = check(doc);
    assert_eq!(
        spanned(doc, only(&h, codes::ENCODING_NOT_UTF8)),
        b"ISO-8859-2"
    );
    assert!(h.fatal);
}

#[test]
fn utf8_declarations_and_no_declaration_pass() {
    for decl in [
        &br#"<?xml version="1.0" encoding="UTF-8"?>"#[..],
        br"<?xml version='1.0' encoding='utf-8'?>",
        br#"<?xml version="1.0" encoding="Utf-8" standalone="no"?>"#,
        br#"<?xml version="1.0"?>"#,
        b"",
    ] {
        let (doc, _) = replace(&base(), DECL, decl);
        let h = check(&doc);
        assert!(
            h.is_clean(),
            "{}: {:#?}",
            String::from_utf8_lossy(decl),
            h.diagnostics
        );
    }
}

// ---------------------------------------------------------------- FA3-XML-004

/// Replaces the first `ł` of example 1 with `bad` and checks the offset.
fn invalid_utf8(bad: &[u8], shown: &str) {
    let (doc, at) = replace(&base(), "ł".as_bytes(), bad);
    let h = check(&doc);
    assert!(h.fatal);
    let d = &h.diagnostics[0];
    assert_eq!(d.code, codes::INVALID_UTF8, "{:#?}", h.diagnostics);
    assert_eq!(d.span.as_ref().unwrap().start, at);
    assert!(
        d.message.contains(&format!("byte offset {at}")),
        "{}",
        d.message
    );
    assert!(d.message.contains(shown), "{}", d.message);
    assert!(h.diagnostics.iter().all(|d| d.code == codes::INVALID_UTF8));
}

#[test]
fn c3_28_fires_004_at_its_offset() {
    invalid_utf8(b"\xC3\x28", "C3");
    let (doc, at) = replace(&base(), "ł".as_bytes(), b"\xC3\x28");
    let h = check(&doc);
    let d = only(&h, codes::INVALID_UTF8);
    assert_eq!(d.span, Some(at..at + 1), "only C3 is bad; 28 is `(`");
    assert!(d.message.contains("next byte is 28"), "{}", d.message);
}

#[test]
fn overlong_fires_004() {
    invalid_utf8(b"\xC0\xAF", "C0 AF");
    let (doc, _) = replace(&base(), "ł".as_bytes(), b"\xC0\xAF");
    assert!(
        only(&check(&doc), codes::INVALID_UTF8)
            .message
            .contains("overlong")
    );
}

#[test]
fn encoded_surrogate_fires_004() {
    invalid_utf8(b"\xED\xA0\x80", "ED A0 80");
    let (doc, _) = replace(&base(), "ł".as_bytes(), b"\xED\xA0\x80");
    assert!(
        only(&check(&doc), codes::INVALID_UTF8)
            .message
            .contains("surrogate")
    );
}

#[test]
fn stray_continuation_bytes_fire_004() {
    invalid_utf8(b"\x81\x81", "81 81");
}

#[test]
fn windows_1250_byte_fires_004() {
    invalid_utf8(b"\xB3", "B3");
}

#[test]
fn truncated_sequence_at_eof_fires_004() {
    let mut doc = base();
    let at = doc.len();
    doc.extend_from_slice(b"\xE2\x82");
    let h = check(&doc);
    let d = only(&h, codes::INVALID_UTF8);
    assert!(h.fatal);
    assert_eq!(d.span, Some(at..at + 2));
    assert!(
        d.message.contains(&format!("byte offset {at}")),
        "{}",
        d.message
    );
    assert!(
        d.message.contains("E2 82") && d.message.contains("end of the file"),
        "{}",
        d.message
    );
}

// ---------------------------------------------------------------- FA3-XML-005

#[test]
fn xml_stylesheet_fires_005() {
    let pi: &[u8] = br#"<?xml-stylesheet type="text/xsl" href="a.xsl"?>"#;
    let mut with = DECL.to_vec();
    with.extend_from_slice(pi);
    let (doc, _) = replace(&base(), DECL, &with);
    let h = check(&doc);
    let d = only(&h, codes::PROCESSING_INSTRUCTION);
    assert_eq!(spanned(&doc, d), pi);
    assert!(d.message.contains("xml-stylesheet"), "{}", d.message);
    assert!(!h.fatal);
}

#[test]
fn declaration_not_at_byte_0_fires_005() {
    let mut doc = b"\r\n".to_vec();
    doc.extend(base());
    let h = check(&doc);
    let d = only(&h, codes::PROCESSING_INSTRUCTION);
    assert_eq!(spanned(&doc, d), DECL);
    assert!(d.message.contains("XML declaration"), "{}", d.message);
}

#[test]
fn misplaced_declaration_still_has_its_encoding_checked() {
    let doc = b"\n<?xml version=\"1.0\" encoding=\"windows-1250\"?><Faktura/>";
    let h = check(doc);
    assert_eq!(
        codes_of(&h),
        [codes::ENCODING_NOT_UTF8, codes::PROCESSING_INSTRUCTION]
    );
    assert!(h.fatal);
}

#[test]
fn upper_case_declaration_fires_005() {
    let (doc, _) = replace(&base(), b"<?xml ", b"<?XML ");
    let h = check(&doc);
    let d = only(&h, codes::PROCESSING_INSTRUCTION);
    assert_eq!(d.span.as_ref().unwrap().start, 0);
    assert!(d.message.contains("lower case"), "{}", d.message);
}

#[test]
fn declaration_after_bom_is_the_declaration() {
    let mut doc = b"\xEF\xBB\xBF".to_vec();
    doc.extend(base());
    assert_eq!(codes_of(&check(&doc)), [codes::BOM]);
}

#[test]
fn pi_in_comment_or_cdata_is_text() {
    let (doc, _) = replace(
        &base(),
        b"<P_1M>Warszawa</P_1M>",
        b"<P_1M><![CDATA[<?pi x?>]]></P_1M><!-- <?xml-stylesheet?> -->",
    );
    let h = check(&doc);
    assert!(h.is_clean(), "{:#?}", h.diagnostics);
}

#[test]
fn pi_inside_root_fires_005_and_unterminated_pi_is_spanned_to_eof() {
    let (doc, _) = replace(&base(), b"<P_1M>", b"<P_1M><?app data?>");
    assert_eq!(codes_of(&check(&doc)), [codes::PROCESSING_INSTRUCTION]);
    let doc = b"<a/><?pi never closed";
    let h = check(doc);
    assert_eq!(
        only(&h, codes::PROCESSING_INSTRUCTION).span,
        Some(4..doc.len())
    );
}

// ---------------------------------------------------------------- FA3-XML-006 / 007

fn in_p7(inserted: &[u8]) -> (Vec<u8>, usize) {
    let (doc, at) = replace(
        &base(),
        b"lod\xC3\xB3wka Zimnotech",
        &[b"lod\xC3\xB3wka".as_slice(), inserted, b" Zimnotech"].concat(),
    );
    (doc, at + "lodówka".len())
}

#[test]
fn raw_u0081_fires_006() {
    let (doc, at) = in_p7("\u{81}".as_bytes());
    let h = check(&doc);
    let d = only(&h, codes::DISCOURAGED_CHAR);
    assert_eq!(d.span, Some(at..at + 2));
    assert!(d.message.contains("U+0081"), "{}", d.message);
    assert!(!h.fatal);
    // The span locates the finding on P_7's line: three tabs, `<P_7>`,
    // `lodówka`, then the character in column 16.
    let mut located = d.clone();
    located.locate(&LineIndex::new(&doc));
    assert_eq!((located.line, located.column), (79, 16));
}

#[test]
fn u0081_references_fire_006() {
    for reference in [&b"&#x81;"[..], b"&#129;", b"&#x0081;", b"&#X81;"] {
        let (doc, at) = in_p7(reference);
        let h = check(&doc);
        if reference == b"&#X81;" {
            // Not a character reference (the `x` must be lower case): the
            // XML parser reports it; hygiene has nothing to say.
            assert!(h.is_clean(), "{:#?}", h.diagnostics);
            continue;
        }
        let d = only(&h, codes::DISCOURAGED_CHAR);
        assert_eq!(d.span, Some(at..at + reference.len()));
        assert!(d.message.contains("U+0081"), "{}", d.message);
    }
}

#[test]
fn other_discouraged_characters_fire_006() {
    for (inserted, name) in [
        (&b"&#x1FFFE;"[..], "U+1FFFE"),
        (b"&#x10FFFF;", "U+10FFFF"),
        (b"&#xFDD0;", "U+FDD0"),
        (b"&#127;", "U+007F"),
        (b"\x7F", "U+007F"),
        ("\u{FDEF}".as_bytes(), "U+FDEF"),
        ("\u{9F}".as_bytes(), "U+009F"),
        ("\u{1FFFF}".as_bytes(), "U+1FFFF"),
    ] {
        let (doc, _) = in_p7(inserted);
        let h = check(&doc);
        assert!(
            only(&h, codes::DISCOURAGED_CHAR).message.contains(name),
            "{name}"
        );
    }
}

#[test]
fn u0085_and_ordinary_references_pass() {
    for inserted in [
        "\u{85}".as_bytes(),
        b"&#x85;",
        b"&#xA0;",
        b"&#x142;",
        b"&#65;",
        b"&lt;&amp;",
    ] {
        let (doc, _) = in_p7(inserted);
        let h = check(&doc);
        assert!(
            h.is_clean(),
            "{}: {:#?}",
            String::from_utf8_lossy(inserted),
            h.diagnostics
        );
    }
}

#[test]
fn control_reference_fires_007() {
    let (doc, at) = replace(&base(), b"<P_1M>Warszawa", b"<P_1M>Warszawa&#x1;");
    let at = at + b"<P_1M>Warszawa".len();
    let h = check(&doc);
    let d = only(&h, codes::NOT_XML_CHAR);
    assert_eq!(d.span, Some(at..at + 5));
    assert!(
        d.message.contains("U+0001") && d.message.contains("&#x1;"),
        "{}",
        d.message
    );
}

#[test]
fn fffe_reference_fires_007_and_1fffe_fires_006() {
    let (doc, _) = in_p7(b"&#xFFFE;");
    assert!(
        only(&check(&doc), codes::NOT_XML_CHAR)
            .message
            .contains("U+FFFE")
    );
    let (doc, _) = in_p7(b"&#xfffe;");
    only(&check(&doc), codes::NOT_XML_CHAR);
    let (doc, _) = in_p7(b"&#x1FFFE;");
    only(&check(&doc), codes::DISCOURAGED_CHAR);
}

#[test]
fn other_non_chars_fire_007() {
    for inserted in [
        &b"&#0;"[..],
        b"&#x8;",
        b"&#31;",
        b"&#xFFFF;",
        b"&#xD800;",
        b"&#xDFFF;",
        b"&#x110000;",
        b"&#99999999999999999999;",
        b"\x01",
        b"\x00",
        b"\x1B",
        "\u{FFFE}".as_bytes(),
        "\u{FFFF}".as_bytes(),
    ] {
        let (doc, _) = in_p7(inserted);
        let h = check(&doc);
        only(&h, codes::NOT_XML_CHAR);
        assert!(!h.fatal);
    }
}

#[test]
fn references_in_attribute_values_are_checked() {
    let (doc, _) = replace(
        &base(),
        b"kodSystemowy=\"FA (3)\"",
        b"kodSystemowy=\"FA&#x81; (3)\"",
    );
    only(&check(&doc), codes::DISCOURAGED_CHAR);
    let (doc, _) = replace(
        &base(),
        b"kodSystemowy=\"FA (3)\"",
        b"kodSystemowy='FA&#1; (3)'",
    );
    only(&check(&doc), codes::NOT_XML_CHAR);
}

#[test]
fn references_in_comments_and_cdata_are_text() {
    let (doc, _) = in_p7(b"<![CDATA[&#x81; &#x1;]]><!-- &#x81; &#1; -->");
    let h = check(&doc);
    assert!(h.is_clean(), "{:#?}", h.diagnostics);
}

#[test]
fn raw_characters_in_comments_are_still_reported() {
    let (doc, _) = in_p7("<!-- \u{81} -->".as_bytes());
    only(&check(&doc), codes::DISCOURAGED_CHAR);
    let (doc, _) = in_p7(b"<![CDATA[\x01]]>");
    only(&check(&doc), codes::NOT_XML_CHAR);
}

#[test]
fn findings_are_capped_per_code() {
    let many = "\u{81}".repeat(100);
    let (doc, at) = in_p7(many.as_bytes());
    let h = check(&doc);
    assert_eq!(h.diagnostics.len(), MAX_FINDINGS_PER_CODE + 1);
    assert!(
        h.diagnostics
            .iter()
            .all(|d| d.code == codes::DISCOURAGED_CHAR)
    );
    let summary = h.diagnostics.last().unwrap();
    assert!(summary.message.contains("80 more"), "{}", summary.message);
    let first_omitted = at + 2 * MAX_FINDINGS_PER_CODE;
    assert_eq!(summary.span, Some(first_omitted..first_omitted + 2));
    // Separate codes are capped separately.
    let mixed = "\u{81}\u{1}".repeat(30);
    let (doc, _) = in_p7(mixed.as_bytes());
    let h = check(&doc);
    assert_eq!(h.diagnostics.len(), 2 * (MAX_FINDINGS_PER_CODE + 1));
}

#[test]
fn every_finding_of_a_mangled_file_is_listed_once_with_a_span() {
    let doc = b"\xEF\xBB\xBF<?xml version='1.0' encoding='cp1250'?><?a?><!DOCTYPE x><x y='&#1;'>\x81&#x81;\xC3</x>";
    let h = check(doc);
    assert!(h.fatal);
    assert_eq!(
        codes_of(&h),
        [
            codes::BOM,
            codes::ENCODING_NOT_UTF8,
            codes::PROCESSING_INSTRUCTION,
            codes::DOCTYPE,
            codes::NOT_XML_CHAR,
            codes::INVALID_UTF8,
            codes::DISCOURAGED_CHAR,
            codes::INVALID_UTF8,
        ]
    );
    assert!(h.diagnostics.iter().all(|d| {
        d.span
            .as_ref()
            .is_some_and(|s| s.start < s.end && s.end <= doc.len())
    }));
}

// ---------------------------------------------------------------- FA3-XML-010

#[test]
fn doctype_fires_010_as_a_fatal_error() {
    let doctype: &[u8] = br#"<!DOCTYPE Faktura [<!ENTITY x "y">]>"#;
    let with = [DECL, b"\n", doctype].concat();
    let (doc, _) = replace(&base(), DECL, &with);
    let h = check(&doc);
    let d = only(&h, codes::DOCTYPE);
    assert!(h.fatal);
    assert_eq!(spanned(&doc, d), doctype);
    assert!(
        d.message.contains("refused") && d.message.contains("not processed"),
        "{}",
        d.message
    );
}

#[test]
fn doctype_with_tricky_internal_subset_is_spanned_whole() {
    let doctype: &[u8] =
        br#"<!DOCTYPE a SYSTEM "x>y" [ <!-- ]> --> <?pi ]>?> <!ENTITY e '&#x81; ]>' > ]>"#;
    let doc = [doctype, b"<a>&#x1;</a>"].concat();
    let h = check(&doc);
    assert_eq!(
        codes_of(&h),
        [codes::DOCTYPE, codes::NOT_XML_CHAR],
        "{:#?}",
        h.diagnostics
    );
    assert_eq!(spanned(&doc, &h.diagnostics[0]), doctype);
    assert!(h.fatal);
}

#[test]
fn billion_laughs_costs_nothing() {
    let mut doc =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
    for n in 1..=9 {
        let prev = if n == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", n - 1)
        };
        writeln!(
            doc,
            " <!ENTITY lol{n} \"{}\">",
            format!("&{prev};").repeat(10)
        )
        .unwrap();
    }
    doc.push_str("]>\n<lolz>&lol9;</lolz>\n");
    let started = Instant::now();
    let h = check(doc.as_bytes());
    let took = started.elapsed();
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert!(h.fatal);
    assert_eq!(codes_of(&h), [codes::DOCTYPE]);
}

#[test]
fn doctype_in_comment_is_text() {
    let (doc, _) = replace(&base(), DECL, &[DECL, b"<!-- <!DOCTYPE x> -->"].concat());
    assert!(check(&doc).is_clean());
}

// ---------------------------------------------------------------- FA3-SIZE-001 / 002

/// `doc` padded inside an XML comment after the declaration to `len` bytes.
fn padded(doc: &[u8], len: usize) -> Vec<u8> {
    let comment = b"<!--".len() + b"-->".len();
    let fill = len - doc.len() - comment;
    let with = [DECL, b"<!--", &vec![b' '; fill], b"-->"].concat();
    let (out, _) = replace(doc, DECL, &with);
    assert_eq!(out.len(), len);
    out
}

#[test]
fn one_million_bytes_pass_and_one_more_fails_001() {
    let doc = padded(&base(), 1_000_000);
    assert!(check(&doc).is_clean());
    let doc = padded(&base(), 1_000_001);
    let h = check(&doc);
    let d = only(&h, codes::SIZE);
    assert!(h.fatal);
    assert_eq!(d.span, Some(1_000_000..1_000_001));
    assert!(
        d.message.contains("1,000,001 bytes") && d.message.contains("1,000,000"),
        "{}",
        d.message
    );
}

#[test]
fn whitespace_padding_counts_too() {
    let mut doc = base();
    doc.resize(1_000_001, b'\n');
    only(&check(&doc), codes::SIZE);
    doc.pop();
    assert!(check(&doc).is_clean());
}

#[test]
fn with_zalacznik_three_million_bytes_pass_and_one_more_fails_002() {
    let attachment = official("FA_3_Przykład_24.xml");
    for len in [1_000_001, 3_000_000] {
        let doc = padded(&attachment, len);
        let h = check(&doc);
        assert!(h.is_clean(), "{len}: {:#?}", h.diagnostics);
    }
    let doc = padded(&attachment, 3_000_001);
    let h = check(&doc);
    let d = only(&h, codes::SIZE_WITH_ATTACHMENT);
    assert!(h.fatal);
    assert_eq!(d.span, Some(3_000_000..3_000_001));
    // The same size without the attachment is over the smaller limit.
    only(&check(&padded(&base(), 3_000_000)), codes::SIZE);
}

#[test]
fn prefixed_zalacznik_counts() {
    let (doc, _) = replace(
        &base(),
        b"</Faktura>",
        b"<fa:Zalacznik xmlns:fa=\"http://crd.gov.pl/wzor/2025/06/25/13775/\"/></Faktura>",
    );
    assert!(check(&padded(&doc, 2_000_000)).is_clean());
    let (doc, _) = replace(
        &base(),
        b"</Faktura>",
        b"<Zalacznik\n></Zalacznik></Faktura>",
    );
    assert!(check(&padded(&doc, 2_000_000)).is_clean());
}

#[test]
fn zalacznik_outside_markup_does_not_count() {
    for fake in [
        &b"<P_7>&lt;Zalacznik&gt;</P_7>"[..],
        b"<!-- <Zalacznik> -->",
        b"<![CDATA[<Zalacznik>]]>",
        b"<?pi <Zalacznik>?>",
        b"<x a=\"<Zalacznik>\"/>",
        b"</Zalacznik>",
        b"<ZalacznikX/>",
        b"<Zalacznik_/>",
    ] {
        let (doc, _) = replace(&base(), b"</Faktura>", &[fake, b"</Faktura>"].concat());
        let doc = padded(&doc, 1_000_001);
        assert_eq!(
            codes_of(&scan(&doc, &HygieneLimits::default())),
            [codes::SIZE],
            "{}",
            String::from_utf8_lossy(fake)
        );
    }
}

#[test]
fn over_the_limit_nothing_else_is_scanned() {
    let mut doc = padded(&base(), 1_000_001);
    doc.splice(0..0, b"\xEF\xBB\xBF\xFF".iter().copied());
    let h = check(&doc);
    assert_eq!(codes_of(&h), [codes::SIZE]);
}

#[test]
fn limits_are_configurable() {
    let doc = base();
    let tight = HygieneLimits {
        max_size: doc.len() as u64 - 1,
        ..HygieneLimits::default()
    };
    only(&scan(&doc, &tight), codes::SIZE);
    let exact = HygieneLimits {
        max_size: doc.len() as u64,
        ..HygieneLimits::default()
    };
    assert!(scan(&doc, &exact).is_clean());
    assert_eq!(HygieneLimits::default().max_size, 1_000_000);
    assert_eq!(HygieneLimits::default().max_size_with_attachment, 3_000_000);
}

// ---------------------------------------------------------------- properties

/// Fragments that drive the scanner through every state, and bytes that
/// exercise the UTF-8 decoder.
fn fragment() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::sample::select(vec![
            &b"<"[..],
            b">",
            b"&",
            b"&#",
            b"&#x",
            b";",
            b"\"",
            b"'",
            b"<!--",
            b"-->",
            b"-",
            b"<![CDATA[",
            b"]]>",
            b"]",
            b"[",
            b"<?",
            b"?>",
            b"<?xml ",
            b"encoding=\"",
            b"<!DOCTYPE",
            b"<Zalacznik",
            b"<a:Zalacznik>",
            b"</",
            b"/>",
            b"1",
            b"F",
            b"x",
            b" ",
            b"\n",
        ])
        .prop_map(<[u8]>::to_vec),
        prop::sample::select(vec![
            0x00_u8, 0x01, 0x7F, 0x80, 0x81, 0xBF, 0xC0, 0xC2, 0xC5, 0xE0, 0xED, 0xEF, 0xF0, 0xF4,
            0xF5, 0xFF, 0xA0, 0x9F, 0x8F, 0xB7, 0xBE,
        ])
        .prop_map(|b| vec![b]),
        any::<char>().prop_map(|c| c.to_string().into_bytes()),
    ]
}

fn document() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(fragment(), 0..40).prop_map(|parts| parts.concat())
}

/// The bytes `std` does not accept as UTF-8.
fn std_invalid_bytes(bytes: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        at += chunk.valid().len();
        out.extend(at..at + chunk.invalid().len());
        at += chunk.invalid().len();
    }
    out
}

fn assert_consistent(bytes: &[u8], h: &Hygiene) {
    for d in &h.diagnostics {
        let span = d.span.clone().expect("span");
        assert!(
            span.start <= span.end && span.end <= bytes.len(),
            "{span:?}"
        );
        assert!(codes::ALL.contains(&d.code));
    }
    let fatal_code = h.diagnostics.iter().any(|d| {
        [
            codes::ENCODING_NOT_UTF8,
            codes::INVALID_UTF8,
            codes::DOCTYPE,
            codes::SIZE,
            codes::SIZE_WITH_ATTACHMENT,
        ]
        .contains(&d.code)
    });
    assert_eq!(h.fatal, fatal_code);
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let h = check(&bytes);
        assert_consistent(&bytes, &h);
    }

    #[test]
    fn never_panics_on_markup_soup(doc in document(), max in 0_u64..400) {
        let h = check(&doc);
        assert_consistent(&doc, &h);
        let limits = HygieneLimits { max_size: max, max_size_with_attachment: max * 2 };
        assert_consistent(&doc, &scan(&doc, &limits));
    }

    #[test]
    fn invalid_utf8_agrees_with_std(doc in prop::collection::vec(fragment(), 0..12).prop_map(|p| p.concat())) {
        let h = check(&doc);
        let ours: Vec<&Diagnostic> = h.diagnostics.iter().filter(|d| d.code == codes::INVALID_UTF8).collect();
        prop_assume!(ours.len() < MAX_FINDINGS_PER_CODE);
        let covered: Vec<usize> = ours.iter().flat_map(|d| d.span.clone().unwrap()).collect();
        prop_assert_eq!(covered, std_invalid_bytes(&doc));
        if let Err(e) = std::str::from_utf8(&doc) {
            prop_assert_eq!(ours[0].span.as_ref().unwrap().start, e.valid_up_to());
            prop_assert!(h.fatal);
        }
    }

    #[test]
    fn valid_text_gets_char_findings_only_for_its_bad_chars(chars in prop::collection::vec(any::<char>(), 0..40)) {
        // Any text without markup delimiters, as element content.
        let text: String = chars.into_iter().filter(|c| !matches!(c, '<' | '&')).collect();
        let doc = format!("<a>{text}</a>");
        let h = check(doc.as_bytes());
        let expected = text.chars().filter(|&c| {
            let c = u32::from(c);
            !(c == 0x9 || c == 0xA || c == 0xD || (0x20..0x7F).contains(&c) || c == 0x85 || (0xA0..0xFDD0).contains(&c) || (0xFDF0..0xFFFE).contains(&c) || (c > 0xFFFF && c & 0xFFFE != 0xFFFE))
        }).count();
        prop_assume!(expected < MAX_FINDINGS_PER_CODE);
        prop_assert_eq!(h.diagnostics.len(), expected, "{:#?}", h.diagnostics);
    }
}
