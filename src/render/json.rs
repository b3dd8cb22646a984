//! JSON and JSON Lines.

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity};
use crate::run::{FileResult, Summary};

use super::Renderer;

#[derive(Serialize)]
struct SummaryEntry {
    files: usize,
    files_with_errors: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl From<&Summary> for SummaryEntry {
    fn from(s: &Summary) -> Self {
        Self {
            files: s.files,
            files_with_errors: s.files_with_errors,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
        }
    }
}

/// `{"files":[{"path":..,"diagnostics":[..]}],"summary":{..}}`, written as
/// results arrive (the schema is `docs/report.schema.json`).
pub struct Json<'a> {
    out: Box<dyn Write + 'a>,
    first: bool,
    /// The text of one file, reused.
    buf: Vec<u8>,
}

impl<'a> Json<'a> {
    /// A renderer writing to `out`.
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        Self {
            out,
            first: true,
            buf: Vec::new(),
        }
    }
}

impl Renderer for Json<'_> {
    fn file(&mut self, result: &FileResult) -> io::Result<()> {
        if self.first {
            self.out.write_all(b"{\"files\":[")?;
            self.first = false;
        } else {
            self.out.write_all(b",")?;
        }
        let buf = &mut self.buf;
        buf.clear();
        buf.extend_from_slice(b"{\"path\":");
        push_string(buf, &result.name);
        buf.extend_from_slice(b",\"diagnostics\":[");
        for (i, d) in result.report.diagnostics.iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            buf.push(b'{');
            push_fields(buf, d);
        }
        buf.extend_from_slice(b"]}");
        self.out.write_all(buf)
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if self.first {
            self.out.write_all(b"{\"files\":[")?;
        }
        self.out.write_all(b"],\"summary\":")?;
        serde_json::to_writer(&mut self.out, &SummaryEntry::from(summary))?;
        self.out.write_all(b"}\n")?;
        self.out.flush()
    }
}

/// One JSON object per diagnostic per line: `{"file":..,"code":..,...}`.
pub struct JsonLines<'a> {
    out: Box<dyn Write + 'a>,
    /// The lines of one file, reused.
    buf: Vec<u8>,
}

impl<'a> JsonLines<'a> {
    /// A renderer writing to `out`.
    pub fn new(out: Box<dyn Write + 'a>) -> Self {
        Self {
            out,
            buf: Vec::new(),
        }
    }
}

impl Renderer for JsonLines<'_> {
    fn file(&mut self, result: &FileResult) -> io::Result<()> {
        let buf = &mut self.buf;
        buf.clear();
        let Some((first, rest)) = result.report.diagnostics.split_first() else {
            return Ok(());
        };
        // Every line starts with the same file field: written once, then
        // copied from the first line.
        buf.extend_from_slice(b"{\"file\":");
        push_string(buf, &result.name);
        buf.push(b',');
        let head = buf.len();
        push_fields(buf, first);
        buf.push(b'\n');
        for d in rest {
            buf.extend_from_within(..head);
            push_fields(buf, d);
            buf.push(b'\n');
        }
        self.out.write_all(buf)
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out.flush()
    }
}

/// The fields of `d` and the closing brace, as serde writes a serialized
/// [`Diagnostic`] after its opening brace: `code`, `severity`, `message`,
/// `help` (only when there is one), `path`, `line`, `column`. Room for the
/// whole object is made once; every constant part is written with a
/// length known at compile time (no call to copy it).
fn push_fields(buf: &mut Vec<u8>, d: &Diagnostic) {
    let help = d.help.as_deref();
    buf.reserve(d.code.len() + d.message.len() + help.map_or(0, str::len) + d.path.len() + 128);
    // The quotes around the strings are part of the constant parts.
    buf.extend_from_slice(b"\"code\":\"");
    push_text(buf, d.code);
    buf.extend_from_slice(match d.severity {
        Severity::Error => b"\",\"severity\":\"error\",\"message\":\"",
        Severity::Warning => b"\",\"severity\":\"warning\",\"message\":\"",
        Severity::Info => b"\",\"severity\":\"info\",\"message\":\"",
    });
    push_text(buf, &d.message);
    if let Some(help) = help {
        buf.extend_from_slice(b"\",\"help\":\"");
        push_text(buf, help);
    }
    buf.extend_from_slice(b"\",\"path\":\"");
    push_text(buf, &d.path);
    buf.extend_from_slice(b"\",\"line\":");
    push_number(buf, d.line);
    buf.extend_from_slice(b",\"column\":");
    push_number(buf, d.column);
    buf.push(b'}');
}

/// `n` in decimal: up to three digits (the usual line or column) written
/// at once, longer numbers through a buffer.
fn push_number(buf: &mut Vec<u8>, n: u32) {
    // `d < 10` always: a digit.
    let digit = |d: u32| b'0' + (d % 10) as u8;
    match n {
        0..10 => return buf.push(digit(n)),
        10..100 => return buf.extend_from_slice(&[digit(n / 10), digit(n)]),
        100..1000 => return buf.extend_from_slice(&[digit(n / 100), digit(n / 10), digit(n)]),
        _ => {}
    }
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = n;
    while let Some(slot) = at.checked_sub(1).and_then(|i| digits.get_mut(i)) {
        *slot = digit(rest);
        at -= 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    buf.extend_from_slice(digits.get(at..).unwrap_or_default());
}

/// True when `b` needs escaping in a JSON string: a control character
/// (below 0x20), `"` or `\`.
fn is_special(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// True when one of the eight bytes of `word` needs escaping in a JSON
/// string: a control character (below 0x20), `"` or `\`.
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte below `n` (n at most 0x80) sets its high bit here.
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let zero = |x: u64| below(x, 1);
    (below(word, 0x20)
        | zero(word ^ (ONES * u64::from(b'"')))
        | zero(word ^ (ONES * u64::from(b'\\'))))
        != 0
}

/// The width of the blocks tested at once.
const WIDTH: usize = 16;

/// True when one of the bytes of `block` needs escaping in a JSON string.
/// Each byte is mapped to zero exactly when it needs escaping (below 0x20
/// saturates to zero, `"` and `\` are cancelled by the exclusive or), so
/// one comparison per byte tells, on vector registers without a branch.
/// Inlined in every loop, so that the constants stay in registers.
#[allow(clippy::inline_always)]
#[inline(always)]
fn special(block: &[u8; WIDTH]) -> bool {
    block.iter().fold(false, |any, &b| {
        any | (b.saturating_sub(0x1F).min(b ^ b'"').min(b ^ b'\\') == 0)
    })
}

/// The block of `bytes` from `at` (`None` when there are fewer bytes).
fn block_at(bytes: &[u8], at: usize) -> Option<&[u8; WIDTH]> {
    <&[u8; WIDTH]>::try_from(bytes.get(at..at.checked_add(WIDTH)?)?).ok()
}

/// The eight bytes of `bytes` from `at` (`None` when there are fewer).
fn eight_at(bytes: &[u8], at: usize) -> Option<[u8; 8]> {
    <[u8; 8]>::try_from(bytes.get(at..at.checked_add(8)?)?).ok()
}

/// The eight bytes of `bytes` from `at` as one word (`None` when there are
/// fewer).
fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    eight_at(bytes, at).map(u64::from_le_bytes)
}

/// The first and the last eight bytes of a text of 8 to 16 bytes (they
/// overlap when it is shorter than 16).
fn ends(bytes: &[u8]) -> Option<([u8; 8], [u8; 8])> {
    if bytes.len() > WIDTH {
        return None;
    }
    Some((
        eight_at(bytes, 0)?,
        eight_at(bytes, bytes.len().checked_sub(8)?)?,
    ))
}

/// True when no byte of `bytes` needs escaping in a JSON string, without a
/// byte-by-byte loop but for texts shorter than 8 bytes: 8 to 16 bytes are
/// tested as one block of their first and last eight; longer texts 16
/// bytes at a time, the last block overlapping the one before.
fn is_plain(bytes: &[u8]) -> bool {
    let len = bytes.len();
    if len < 8 {
        return !bytes.iter().any(|&b| is_special(b));
    }
    if let Some((first, last)) = ends(bytes) {
        let mut block = [0u8; WIDTH];
        let (low, high) = block.split_at_mut(8);
        low.copy_from_slice(&first);
        high.copy_from_slice(&last);
        return !special(&block);
    }
    // A block at a time, stopping at the first with a byte to escape (the
    // exit keeps the compiler from vectorising across blocks, gathering a
    // byte of each, which costs several times more).
    for block in bytes.chunks_exact(WIDTH) {
        if let Ok(block) = <&[u8; WIDTH]>::try_from(block)
            && special(block)
        {
            return false;
        }
    }
    bytes
        .get(len - WIDTH..)
        .and_then(|last| <&[u8; WIDTH]>::try_from(last).ok())
        .is_none_or(|last| !special(last))
}

/// `s` as a JSON string, escaped as `serde_json` escapes it: `"`, `\`, the
/// short escapes `\b \t \n \f \r`, and `\u00xx` (lowercase) for the other
/// control characters; nothing else.
fn push_string(buf: &mut Vec<u8>, s: &str) {
    buf.reserve(s.len() + 2);
    buf.push(b'"');
    push_text(buf, s);
    buf.push(b'"');
}

/// The text of `s` between the quotes of a JSON string (see
/// [`push_string`]).
fn push_text(buf: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    // Mostly nothing to escape: one pass without a branch per byte (on
    // vector registers) tells.
    if is_plain(bytes) {
        buf.extend_from_slice(bytes);
    } else {
        push_escaped(buf, bytes);
    }
}

/// The text of a JSON string for `bytes` (UTF-8) with a byte to escape.
#[cold]
#[inline(never)]
fn push_escaped(buf: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    // `bytes[run..i]` is still to be copied.
    let (mut run, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        // Sixteen, then eight bytes at a time while none needs escaping.
        if let Some(block) = block_at(bytes, i)
            && !special(block)
        {
            i += WIDTH;
            continue;
        }
        if let Some(word) = word_at(bytes, i)
            && !needs_escape(word)
        {
            i += 8;
            continue;
        }
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            0x08 => b'b',
            b'\t' => b't',
            b'\n' => b'n',
            0x0C => b'f',
            b'\r' => b'r',
            0..0x20 => b'u',
            _ => {
                i += 1;
                continue;
            }
        };
        buf.extend_from_slice(&bytes[run..i]);
        buf.push(b'\\');
        buf.push(short);
        if short == b'u' {
            buf.extend_from_slice(b"00");
            buf.push(HEX[usize::from(b >> 4)]);
            buf.push(HEX[usize::from(b & 0xF)]);
        }
        i += 1;
        run = i;
    }
    buf.extend_from_slice(&bytes[run..]);
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::Severity;
    use crate::rules::xml::malformed_xml::MALFORMED_XML;
    use crate::rules::xml::model_unreadable::MODEL_UNREADABLE;

    /// Every character below 0x100 and a few beyond, alone and in runs
    /// longer than eight bytes, escaped byte for byte as `serde_json` does.
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut texts: Vec<String> = (0u32..0x100)
            .chain([0x7F, 0x2028, 0xFFFF, 0x1F600])
            .filter_map(char::from_u32)
            .flat_map(|c| {
                [
                    c.to_string(),
                    format!("abcdefgh{c}ijklmnop"),
                    format!("{c}{c}{c}{c}{c}{c}{c}{c}{c}"),
                ]
            })
            .collect();
        texts.push(String::new());
        texts.push("zażółć \"gęślą\" \\jaźń\r\n\t\u{1b}[31m ".repeat(5));
        for text in texts {
            let mut ours = Vec::new();
            push_string(&mut ours, &text);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&text).unwrap(),
                "{text:?}"
            );
        }
    }

    /// A character to escape at every position of texts of every length
    /// around the 16-byte blocks is found (and a text without one is left
    /// as it is).
    #[test]
    fn a_character_to_escape_is_found_wherever_it_is() {
        for len in 0..50 {
            let plain = "a".repeat(len);
            assert!(is_plain(plain.as_bytes()), "{len}");
            for at in 0..len {
                for c in ['"', '\\', '\n', '\u{1f}'] {
                    let mut text = plain.clone();
                    text.replace_range(at..=at, &c.to_string());
                    assert!(!is_plain(text.as_bytes()), "{text:?}");
                    let mut ours = Vec::new();
                    push_string(&mut ours, &text);
                    assert_eq!(
                        String::from_utf8(ours).unwrap(),
                        serde_json::to_string(&text).unwrap()
                    );
                }
            }
        }
    }

    /// Numbers of every length, and around the one-by-one digits, are
    /// written as `to_string` writes them.
    #[test]
    fn numbers_are_written_in_decimal() {
        let mut numbers: Vec<u32> = (0..2_000).collect();
        numbers.extend((1..10).flat_map(|e| {
            let p = 10u32.pow(e);
            [p - 1, p, p + 1]
        }));
        numbers.extend([u32::MAX - 1, u32::MAX]);
        for n in numbers {
            let mut ours = Vec::new();
            push_number(&mut ours, n);
            assert_eq!(String::from_utf8(ours).unwrap(), n.to_string());
        }
    }

    #[test]
    fn diagnostics_are_written_as_serde_json_writes_them() {
        let mut with_help =
            Diagnostic::new(MALFORMED_XML.meta.code, Severity::Warning, "a \"b\"\u{0}")
                .with_path("/Faktura/Fa/FaWiersz[3]/P_11")
                .with_help("c\\d");
        (with_help.line, with_help.column) = (4_294_967_295, 10);
        let without_help = Diagnostic::new(MODEL_UNREADABLE.meta.code, Severity::Info, "");
        let error =
            Diagnostic::new(MODEL_UNREADABLE.meta.code, Severity::Error, "x").with_path("/Faktura");
        for d in [with_help, without_help, error] {
            let mut ours = b"{".to_vec();
            push_fields(&mut ours, &d);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&d).unwrap()
            );
        }
    }
}
