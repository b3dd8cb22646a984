//! A quick proof that a document has nothing for the scanner to report.
//!
//! Almost every document checked is clean, and for a clean document the
//! scanner ([`super::scanner`]) only has to say so. This pass proves it
//! without following the markup: the bytes are valid UTF-8
//! (`simdutf8`); a search for the markup bytes `&`, `?` and `!` finds none
//! that starts a finding; and a branch-free pass, 64 bytes at a time, that
//! the compiler turns into vector instructions, finds no byte that could
//! start a character needing a finding. Only a block holding such a byte is
//! looked at closely. Anything the pass cannot clear makes it give up, so
//! that the scanner runs and finds and explains every finding.
//!
//! Every finding of the scanner starts at a byte the pass looks at:
//!
//! - a byte order mark: the first three bytes;
//! - bytes that are not UTF-8: anywhere (the validation);
//! - a forbidden or discouraged character: a C0 control other than TAB, LF
//!   and CR, DEL, or the lead byte `C2` (C1 controls), `EF` (U+FDD0–U+FDEF,
//!   U+FFFE, U+FFFF) or `F0`–`F4` (the noncharacters of the other planes),
//!   each decoded and classified as the scanner does;
//! - a character reference: its `&`, read as the scanner reads it;
//! - a processing instruction or an XML declaration: the `?` of its `<?`,
//!   cleared only for a declaration at byte 0 whose encoding is UTF-8 or not
//!   given;
//! - a DOCTYPE: the `!` of its `<!DOCTYPE`.
//!
//! The pass does not know where comments, CDATA sections or attribute
//! values are, so it may give up on a document the scanner finds clean (a
//! `<?` in a comment); it never clears one the scanner would report on.
//! `tests::quick_check_never_clears_what_the_scanner_reports` holds it to
//! that.

use super::scanner::{self, BOM};
use super::utf8::{self, Decoded};

/// Bytes per block of the branch-free pass.
const BLOCK: usize = 64;

/// Whether the character whose first byte is `b` may need a finding: see
/// the module documentation.
#[inline]
#[allow(clippy::needless_bitwise_bool)] // branch-free on purpose: it vectorises
fn suspect(b: u8) -> bool {
    // Below 0x20 or from 0xEF up, in one unsigned comparison: adding 0x11
    // takes 0xEF..=0xFF to 0x00..=0x10 and 0x00..=0x1F to 0x11..=0x30.
    let edge = b.wrapping_add(0x11) <= 0x30;
    // TAB and CR are the two bytes with `b | 4 == 13`.
    let white = ((b | 4) == b'\r') | (b == b'\n');
    (edge & !white) | (b == 0x7F) | (b == 0xC2)
}

/// True when some byte of `block` is [`suspect`]; no early exit, so that
/// the loop becomes straight-line vector instructions.
fn any_suspect(block: &[u8; BLOCK]) -> bool {
    block.iter().fold(false, |hit, &b| hit | suspect(b))
}

/// True when the scanner would report nothing for `bytes`: no finding, not
/// fatal. `false` means "not proven", not "there is a finding".
pub(super) fn clean(bytes: &[u8]) -> bool {
    if bytes.starts_with(BOM) || simdutf8::basic::from_utf8(bytes).is_err() {
        return false;
    }
    // The markup bytes are rare in invoices (but for the `<?xml` at the
    // start): a search for them is quicker than testing them in the blocks.
    if !memchr::memchr3_iter(b'&', b'?', b'!', bytes).all(|i| harmless(bytes, i)) {
        return false;
    }
    let (blocks, tail) = bytes.as_chunks::<BLOCK>();
    let mut start = 0;
    for block in blocks {
        if any_suspect(block) && !cleared(bytes, start, block) {
            return false;
        }
        start += BLOCK;
    }
    // The tail goes through the same vector code, padded with spaces.
    let mut last = [b' '; BLOCK];
    for (to, &b) in last.iter_mut().zip(tail) {
        *to = b;
    }
    !any_suspect(&last) || cleared(bytes, start, tail)
}

/// The close look at a block with a suspect byte: true when none of its
/// suspect bytes starts a finding. `block` is `bytes[start..]` up to its end;
/// a character may run past the block.
fn cleared(bytes: &[u8], start: usize, block: &[u8]) -> bool {
    block
        .iter()
        .enumerate()
        .filter(|&(_, &b)| suspect(b))
        .all(|(k, _)| harmless(bytes, start + k))
}

/// True when the byte at `i`, a markup byte (`&`, `?`, `!`) or a
/// [`suspect`] one, starts no finding.
fn harmless(bytes: &[u8], i: usize) -> bool {
    let after_lt = i.checked_sub(1).and_then(|j| bytes.get(j)) == Some(&b'<');
    match bytes.get(i) {
        Some(b'&') => {
            scanner::char_reference(bytes, i).is_none_or(|(_, value)| scanner::is_fine(value))
        }
        // `<?` at `i - 1`: only the XML declaration at byte 0 (there is no
        // byte order mark), with no other encoding than UTF-8.
        Some(b'?')
            if i == 1
                && super::USUAL_DECLARATIONS
                    .iter()
                    .any(|d| bytes.starts_with(d)) =>
        {
            true
        }
        Some(b'?') if after_lt => {
            let target = scanner::name_at(bytes, i + 1);
            i == 1
                && bytes.get(target.clone()) == Some(b"xml")
                && scanner::foreign_encoding(bytes, target.end).is_none()
        }
        Some(b'!') if after_lt => !bytes
            .get(i + 1..)
            .is_some_and(|rest| rest.starts_with(b"DOCTYPE")),
        Some(b'?' | b'!') => true,
        _ => match utf8::decode(bytes, i) {
            Decoded::Char { cp, .. } => scanner::is_fine(cp),
            Decoded::Invalid { .. } => false,
        },
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    /// The scanner reports nothing for `bytes`.
    fn scanner_clean(bytes: &[u8]) -> bool {
        let sink = scanner::check(bytes);
        sink.diagnostics.is_empty() && !sink.fatal
    }

    /// The suspect bytes are the C0 controls but TAB, LF and CR, DEL,
    /// `C2` and `EF` up.
    #[test]
    fn suspect_bytes() {
        for b in 0..=u8::MAX {
            let control = b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r');
            let expected = control || b == 0x7F || b == 0xC2 || b >= 0xEF;
            assert_eq!(suspect(b), expected, "{b:#04x}");
        }
    }

    /// The usual declarations, cleared by comparison, are cleared by the
    /// scanner too, and by the way the quick check reads other
    /// declarations.
    #[test]
    fn usual_declarations_are_clean() {
        for declaration in super::super::USUAL_DECLARATIONS {
            let doc = [declaration, b"\n<a>x</a>"].concat();
            assert!(scanner_clean(&doc));
            assert!(clean(&doc));
            let target = scanner::name_at(&doc, 2);
            assert_eq!(doc.get(target.clone()), Some(&b"xml"[..]));
            assert!(scanner::foreign_encoding(&doc, target.end).is_none());
        }
    }

    /// Pieces the quick check clears wherever they are.
    const HARMLESS: &[&[u8]] = &[
        b"\t",
        b"\r\n",
        b"!",
        b"?>",
        b"<!DOCTYP",
        "\u{85}".as_bytes(),
        "\u{A0}".as_bytes(),
        "\u{FDCF}".as_bytes(),
        "\u{FDF0}".as_bytes(),
        "\u{FEFF}".as_bytes(),
        "\u{FFFD}".as_bytes(),
        "\u{1FFFD}".as_bytes(),
        "\u{10FFFD}".as_bytes(),
        "😀".as_bytes(),
        "ł€".as_bytes(),
        b"&#65;",
        b"&#x85;",
        b"&#x;",
        b"&#",
        b"&amp;",
    ];

    /// Pieces that start a finding, or do in some places.
    const SUSPECT: &[&[u8]] = &[
        b"\x00",
        b"\x08",
        b"\x0B",
        b"\x1F",
        b"\x7F",
        "\u{80}".as_bytes(),
        "\u{9F}".as_bytes(),
        "\u{FDD0}".as_bytes(),
        "\u{FDEF}".as_bytes(),
        "\u{FFFE}".as_bytes(),
        "\u{FFFF}".as_bytes(),
        "\u{1FFFE}".as_bytes(),
        "\u{10FFFF}".as_bytes(),
        b"\xC3\x28",
        b"\xED\xA0\x80",
        b"\xFF",
        b"\xE2\x82",
        b"&#1;",
        b"&#xFFFE;",
        b"&#x1FFFE;",
        b"&#99999999999;",
        b"<?",
        b"<?xml?>",
        b"<?xml-stylesheet href='a'?>",
        b"<!DOCTYPE a>",
        b"<!-- <?x?> -->",
        b"<![CDATA[&#1;]]>",
        b"<a b=\"&#1;\">",
        br#"<?xml version="1.0" encoding="UTF-8"?>"#,
        br#"<?xml version="1.0" encoding="windows-1250"?>"#,
        br#"<?XML version="1.0"?>"#,
        b"\xEF\xBB\xBF",
    ];

    /// Every piece at every position of a small document, across a block
    /// boundary, after each kind of start. The quick check clears a document
    /// only when the scanner finds nothing in it, and it clears every clean
    /// document whose only unusual bytes are a harmless piece.
    #[test]
    fn quick_check_never_clears_what_the_scanner_reports() {
        let starts: [&[u8]; 5] = [
            b"",
            br#"<?xml version="1.0" encoding="UTF-8"?>"#,
            b"<?xml version='1.0' encoding = 'utf-8' standalone='no'?>",
            b"<?xml version='1.0'?>",
            b"\xEF\xBB\xBF",
        ];
        let mut cleared = 0;
        for start in starts {
            for len in [0, 1, 5, 62, 63, 64, 65, 127, 128, 130] {
                let body: Vec<u8> = b"<a x='1'>t\xC5\x82 </a>"
                    .iter()
                    .copied()
                    .cycle()
                    .take(len)
                    .collect();
                for at in 0..=len {
                    for (piece, harmless) in HARMLESS
                        .iter()
                        .map(|p| (p, true))
                        .chain(SUSPECT.iter().map(|p| (p, false)))
                    {
                        let mut doc = start.to_vec();
                        doc.extend_from_slice(&body[..at]);
                        doc.extend_from_slice(piece);
                        doc.extend_from_slice(&body[at..]);
                        let quick = clean(&doc);
                        let exact = scanner_clean(&doc);
                        let shown = String::from_utf8_lossy(&doc);
                        assert!(
                            !quick || exact,
                            "cleared, but the scanner reports: {shown:?}"
                        );
                        if harmless {
                            assert_eq!(quick, exact, "{shown:?}");
                        }
                        cleared += usize::from(quick);
                    }
                }
            }
        }
        assert!(cleared > 20_000, "{cleared}");
    }

    /// Random documents over an alphabet of the interesting bytes.
    #[test]
    fn quick_check_agrees_on_random_documents() {
        let alphabet: &[&[u8]] = &[
            b"<",
            b">",
            b"?",
            b"!",
            b"&",
            b"#",
            b"x",
            b"1",
            b"F",
            b";",
            b"-",
            b"[",
            b"]",
            b"'",
            b"\"",
            b" ",
            b"\n",
            b"\x01",
            b"\x7F",
            b"\xC2",
            b"\x80",
            b"\xA0",
            b"\xEF",
            b"\xB7",
            b"\xBF",
            b"\xBE",
            b"\xF0",
            b"\x9F",
            b"xml",
            b"DOCTYPE",
            b"encoding='a'",
        ];
        let mut seed = 11u64;
        let mut cleared = 0;
        for _ in 0..50_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = (seed >> 58) as usize;
            let mut doc = Vec::new();
            let mut s = seed;
            for _ in 0..len {
                s = s
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                doc.extend_from_slice(alphabet[(s >> 33) as usize % alphabet.len()]);
            }
            let quick = clean(&doc);
            assert!(
                !quick || scanner_clean(&doc),
                "{:?}",
                String::from_utf8_lossy(&doc)
            );
            cleared += usize::from(quick);
        }
        assert!(cleared > 100, "{cleared}");
    }

    #[test]
    fn official_examples_are_cleared() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/official");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            assert!(clean(&bytes));
            n += 1;
        }
        assert_eq!(n, 26);
    }
}
