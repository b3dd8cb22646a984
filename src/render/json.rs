//! JSON and JSON Lines.

use std::io::{self, Write};

use serde::Serialize;

use crate::diagnostic::Diagnostic;
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
/// `help` (only when there is one), `path`, `line`, `column`.
fn push_fields(buf: &mut Vec<u8>, d: &Diagnostic) {
    buf.extend_from_slice(b"\"code\":");
    push_string(buf, d.code);
    buf.extend_from_slice(b",\"severity\":\"");
    buf.extend_from_slice(d.severity.as_str().as_bytes());
    buf.extend_from_slice(b"\",\"message\":");
    push_string(buf, &d.message);
    if let Some(help) = &d.help {
        buf.extend_from_slice(b",\"help\":");
        push_string(buf, help);
    }
    buf.extend_from_slice(b",\"path\":");
    push_string(buf, &d.path);
    buf.extend_from_slice(b",\"line\":");
    push_number(buf, d.line);
    buf.extend_from_slice(b",\"column\":");
    push_number(buf, d.column);
    buf.push(b'}');
}

/// `n` in decimal.
fn push_number(buf: &mut Vec<u8>, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b"0123456789"[(n % 10) as usize];
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[at..]);
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

/// True when no byte of `bytes` needs escaping in a JSON string, tested
/// 16 bytes at a time (the last block overlapping the one before, or
/// padded with spaces when the text is shorter), so that there is no
/// byte-by-byte loop at the end.
fn is_plain(bytes: &[u8]) -> bool {
    const WIDTH: usize = 16;
    let special = |block: &[u8; WIDTH]| {
        block.iter().fold(0u8, |any, &b| {
            any | u8::from(b < 0x20) | u8::from(b == b'"') | u8::from(b == b'\\')
        })
    };
    if bytes.len() < WIDTH {
        let mut padded = [b' '; WIDTH];
        if let Some(head) = padded.get_mut(..bytes.len()) {
            head.copy_from_slice(bytes);
        }
        return special(&padded) == 0;
    }
    // A block at a time, stopping at the first with a byte to escape (the
    // exit keeps the compiler from vectorising across blocks, gathering a
    // byte of each, which costs several times more).
    for block in bytes.chunks_exact(WIDTH) {
        if let Ok(block) = <&[u8; WIDTH]>::try_from(block)
            && special(block) != 0
        {
            return false;
        }
    }
    bytes
        .get(bytes.len() - WIDTH..)
        .and_then(|last| <&[u8; WIDTH]>::try_from(last).ok())
        .is_none_or(|last| special(last) == 0)
}

/// `s` as a JSON string, escaped as `serde_json` escapes it: `"`, `\`, the
/// short escapes `\b \t \n \f \r`, and `\u00xx` (lowercase) for the other
/// control characters; nothing else.
fn push_string(buf: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    // Mostly nothing to escape: one pass without a branch per byte (on
    // vector registers) tells.
    if is_plain(bytes) {
        buf.extend_from_slice(bytes);
        buf.push(b'"');
        return;
    }
    // `bytes[run..i]` is still to be copied.
    let (mut run, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        // Eight bytes at a time while none needs escaping.
        if let Some(word) = bytes
            .get(i..i + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
            && !needs_escape(u64::from_le_bytes(word))
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
    buf.push(b'"');
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

    #[test]
    fn diagnostics_are_written_as_serde_json_writes_them() {
        let mut with_help =
            Diagnostic::new(MALFORMED_XML.meta.code, Severity::Warning, "a \"b\"\u{0}")
                .with_path("/Faktura/Fa/FaWiersz[3]/P_11")
                .with_help("c\\d");
        (with_help.line, with_help.column) = (4_294_967_295, 10);
        let without_help = Diagnostic::new(MODEL_UNREADABLE.meta.code, Severity::Info, "");
        for d in [with_help, without_help] {
            let mut ours = b"{".to_vec();
            push_fields(&mut ours, &d);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&d).unwrap()
            );
        }
    }
}
