//! The single pass over the bytes.
//!
//! The scanner is a small state machine over the markup delimiters (all of
//! them ASCII), interleaved with UTF-8 decoding. In each state a 256-entry
//! table says which bytes need a closer look; everything else is skipped
//! eight bytes at a time. Non-ASCII bytes and control characters are always
//! looked at when characters are checked, whatever the markup state, so every
//! byte is decoded exactly once. The most frequent cases (plain tags, Polish
//! letters) take a fast path in the main loop.
//!
//! Lookaheads (a character reference's digits, an element name, the XML
//! declaration's pseudo-attributes) never cross a `<` or `&` that starts the
//! next lookahead, so the total work stays linear in the input length.

use std::ops::Range;

use super::utf8::{self, Decoded, Invalid};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use crate::rules::xml::{
    self, bom, discouraged_character, doctype, encoding_not_utf8, invalid_utf8,
    not_an_xml_character, processing_instruction,
};

/// How many findings of one code are reported before the rest are summed up.
pub(crate) const MAX_PER_CODE: usize = 20;

/// Where the scanner is in the markup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Character data between tags.
    Text,
    /// Inside `<name …>` or `</name …>`, outside attribute values.
    Tag,
    /// Inside an attribute value delimited by the quote byte.
    Attr(u8),
    /// Inside `<!-- … -->`; `dtd` when in a DOCTYPE's internal subset.
    Comment { dtd: bool },
    /// Inside `<![CDATA[ … ]]>`.
    CData,
    /// Inside `<? … ?>`; `dtd` when in a DOCTYPE's internal subset.
    Pi { dtd: bool },
    /// Inside `<!DOCTYPE …>`, outside the internal subset.
    Doctype,
    /// Inside the internal subset `[ … ]` of a DOCTYPE.
    Subset,
    /// Inside a quoted literal in a DOCTYPE.
    DtdQuote { quote: u8, subset: bool },
}

/// Builds a table of the bytes that need a look: the markup `delimiters`, and
/// when `chars` is set also every control character other than TAB, LF and
/// CR, DEL and every non-ASCII byte.
const fn table(delimiters: &[u8], chars: bool) -> [bool; 256] {
    let mut t = [false; 256];
    if chars {
        let mut b = 0;
        while b < 256 {
            t[b] = (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b >= 0x7F;
            b += 1;
        }
    }
    let mut k = 0;
    while k < delimiters.len() {
        t[delimiters[k] as usize] = true;
        k += 1;
    }
    t
}

/// One table per state.
struct Tables {
    text: [bool; 256],
    tag: [bool; 256],
    attr: [bool; 256],
    comment: [bool; 256],
    cdata: [bool; 256],
    pi: [bool; 256],
    doctype: [bool; 256],
    subset: [bool; 256],
    dtd_quote: [bool; 256],
}

impl Tables {
    const fn new(chars: bool) -> Self {
        Self {
            text: table(b"<&", chars),
            tag: table(b"\"'<>", chars),
            attr: table(b"\"'&", chars),
            comment: table(b"-", chars),
            cdata: table(b"]", chars),
            pi: table(b"?", chars),
            doctype: table(b"\"'[>", chars),
            subset: table(b"\"'<]", chars),
            dtd_quote: table(b"\"'", chars),
        }
    }

    fn get(&self, state: State) -> &[bool; 256] {
        match state {
            State::Text => &self.text,
            State::Tag => &self.tag,
            State::Attr(_) => &self.attr,
            State::Comment { .. } => &self.comment,
            State::CData => &self.cdata,
            State::Pi { .. } => &self.pi,
            State::Doctype => &self.doctype,
            State::Subset => &self.subset,
            State::DtdQuote { .. } => &self.dtd_quote,
        }
    }
}

/// The offset of the first byte of `rest` that `table` marks.
///
/// Eight bytes at a time without an early exit (the lookups are independent,
/// so they overlap), then byte by byte inside the first block with a hit.
#[inline]
fn skip(table: &[bool; 256], rest: &[u8]) -> Option<usize> {
    let marked = |b: &u8| table.get(usize::from(*b)).copied().unwrap_or(true);
    let mut blocks = rest.chunks_exact(8);
    let mut k = 0;
    for block in &mut blocks {
        if block.iter().fold(false, |hit, b| hit | marked(b)) {
            break;
        }
        k += 8;
    }
    let tail = rest.get(k..).unwrap_or_default();
    tail.iter().position(marked).map(|p| k + p)
}

/// Tables for the full check.
static CHECK: Tables = Tables::new(true);
/// Tables for the markup-only search for `Zalacznik`.
static MARKUP: Tables = Tables::new(false);

/// What is wrong with a code point, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CharProblem {
    /// Not an XML 1.0 `Char` (FA3-XML-007).
    NotChar(&'static str),
    /// One of the 19 discouraged ranges (FA3-XML-006).
    Discouraged(&'static str),
}

/// True when the code point needs no finding, raw or as a reference.
pub(super) fn is_fine(cp: u32) -> bool {
    classify(cp).is_none()
}

fn classify(cp: u32) -> Option<CharProblem> {
    match cp {
        0x09 | 0x0A | 0x0D => None,
        0x00..=0x1F => Some(CharProblem::NotChar("a C0 control character")),
        0x7F => Some(CharProblem::Discouraged("the DEL control character")),
        0x80..=0x84 | 0x86..=0x9F => Some(CharProblem::Discouraged("a C1 control character")),
        0xD800..=0xDFFF => Some(CharProblem::NotChar("a UTF-16 surrogate")),
        0xFDD0..=0xFDEF => Some(CharProblem::Discouraged("a Unicode noncharacter")),
        0xFFFE | 0xFFFF => Some(CharProblem::NotChar("a Unicode noncharacter")),
        0x1_0000..=0x10_FFFF if cp & 0xFFFE == 0xFFFE => {
            Some(CharProblem::Discouraged("a Unicode noncharacter"))
        }
        0x11_0000.. => Some(CharProblem::NotChar("beyond the last Unicode code point")),
        _ => None,
    }
}

/// The kinds of finding the scanner makes, one per code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Bom,
    Encoding,
    Utf8,
    Pi,
    Discouraged,
    NotChar,
    Doctype,
}

impl Kind {
    const COUNT: usize = 7;

    fn index(self) -> usize {
        self as usize
    }

    /// The rule that reports this kind of finding.
    fn rule(self) -> &'static Rule {
        match self {
            Kind::Bom => &bom::BOM,
            Kind::Encoding => &encoding_not_utf8::ENCODING_NOT_UTF8,
            Kind::Utf8 => &invalid_utf8::INVALID_UTF8,
            Kind::Pi => &processing_instruction::PROCESSING_INSTRUCTION,
            Kind::Discouraged => &discouraged_character::DISCOURAGED_CHARACTER,
            Kind::NotChar => &not_an_xml_character::NOT_AN_XML_CHARACTER,
            Kind::Doctype => &doctype::DOCTYPE,
        }
    }

    /// Plural noun for the summary of findings beyond the cap.
    fn plural(self) -> &'static str {
        match self {
            Kind::Bom => bom::PLURAL,
            Kind::Encoding => encoding_not_utf8::PLURAL,
            Kind::Utf8 => invalid_utf8::PLURAL,
            Kind::Pi => processing_instruction::PLURAL,
            Kind::Discouraged => discouraged_character::PLURAL,
            Kind::NotChar => not_an_xml_character::PLURAL,
            Kind::Doctype => doctype::PLURAL,
        }
    }

    /// Whether the document must not be parsed after this finding.
    fn fatal(self) -> bool {
        matches!(self, Kind::Encoding | Kind::Utf8 | Kind::Doctype)
    }
}

/// Collects findings, keeping the first [`MAX_PER_CODE`] of each code.
#[derive(Debug, Default)]
pub(crate) struct Sink {
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) fatal: bool,
    seen: [usize; Kind::COUNT],
    first_omitted: [Option<Range<usize>>; Kind::COUNT],
}

impl Sink {
    /// Records a finding at `span`; `describe` builds it with its rule's
    /// function and is called only when the finding is listed.
    pub(crate) fn push(
        &mut self,
        kind: Kind,
        span: Range<usize>,
        describe: impl FnOnce() -> Diagnostic,
    ) {
        self.fatal |= kind.fatal();
        let i = kind.index();
        let (Some(seen), Some(first_omitted)) =
            (self.seen.get_mut(i), self.first_omitted.get_mut(i))
        else {
            return;
        };
        *seen += 1;
        if *seen <= MAX_PER_CODE {
            self.diagnostics.push(describe().with_span(span));
        } else if first_omitted.is_none() {
            *first_omitted = Some(span);
        }
    }

    /// Appends one summary per code whose findings were capped.
    fn summarize(&mut self) {
        for kind in [
            Kind::Bom,
            Kind::Encoding,
            Kind::Utf8,
            Kind::Pi,
            Kind::Discouraged,
            Kind::NotChar,
            Kind::Doctype,
        ] {
            let i = kind.index();
            let seen = self.seen.get(i).copied().unwrap_or(0);
            let Some(Some(span)) = self.first_omitted.get_mut(i).map(Option::take) else {
                continue;
            };
            let more = seen.saturating_sub(MAX_PER_CODE);
            self.diagnostics.push(
                xml::more_findings(kind.rule(), more, kind.plural(), span.start, MAX_PER_CODE)
                    .with_span(span),
            );
        }
    }
}

/// A construct whose finding is emitted when it closes, so that its span
/// covers all of it.
#[derive(Debug, Clone)]
enum Pending {
    /// A processing instruction that is not the XML declaration.
    Pi { start: usize, target: Range<usize> },
    /// A `<!DOCTYPE`.
    Doctype { start: usize },
}

/// The scanner. With `CHARS` it checks everything; without, it only follows
/// the markup to find a `Zalacznik` start tag and stops at the first one.
pub(crate) struct Scanner<'a, const CHARS: bool> {
    bytes: &'a [u8],
    state: State,
    /// Where an XML declaration may start: 0, or 3 after a BOM.
    decl_at: usize,
    pending: Option<Pending>,
    has_attachment: bool,
    pub(crate) sink: Sink,
}

/// True when `bytes` has a `Zalacznik` start tag in markup.
pub(crate) fn has_attachment(bytes: &[u8]) -> bool {
    let mut scanner = Scanner::<false>::new(bytes);
    scanner.run();
    scanner.has_attachment
}

/// Runs the full check.
pub(crate) fn check(bytes: &[u8]) -> Sink {
    let mut scanner = Scanner::<true>::new(bytes);
    if bytes.starts_with(BOM) {
        scanner.sink.push(Kind::Bom, 0..BOM.len(), bom::finding);
    }
    scanner.run();
    scanner.sink.summarize();
    scanner.sink
}

pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Bytes that may continue an element or PI target name, as far as this
/// scanner cares (non-ASCII bytes included).
fn is_name_byte(b: u8) -> bool {
    !is_space(b) && !matches!(b, b'/' | b'>' | b'<' | b'=' | b'"' | b'\'' | b'&' | b'?')
}

/// The range of the name starting at `from` in `bytes`.
pub(super) fn name_at(bytes: &[u8], from: usize) -> Range<usize> {
    let len = bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| is_name_byte(b))
        .count();
    from..from + len
}

/// The span of the value of the `encoding` pseudo-attribute of the XML
/// declaration whose target ends at `from`, when it names an encoding other
/// than UTF-8. Reading stops at the first pseudo-attribute it cannot make
/// sense of.
pub(super) fn foreign_encoding(bytes: &[u8], from: usize) -> Option<Range<usize>> {
    let byte = |j: usize| bytes.get(j).copied();
    let skip_space = |mut j: usize| {
        while byte(j).is_some_and(is_space) {
            j += 1;
        }
        j
    };
    let mut j = from;
    loop {
        j = skip_space(j);
        let name_start = j;
        while byte(j).is_some_and(|b| b.is_ascii_alphabetic()) {
            j += 1;
        }
        if j == name_start {
            return None;
        }
        let name = bytes.get(name_start..j).unwrap_or_default();
        j = skip_space(j);
        if byte(j) != Some(b'=') {
            return None;
        }
        j = skip_space(j + 1);
        let Some(quote @ (b'"' | b'\'')) = byte(j) else {
            return None;
        };
        let value_start = j + 1;
        j = value_start;
        while byte(j).is_some_and(|b| b != quote && b != b'<' && b != b'>') {
            j += 1;
        }
        if byte(j) != Some(quote) {
            return None;
        }
        if name == b"encoding" {
            let value = bytes.get(value_start..j).unwrap_or_default();
            return (!value.eq_ignore_ascii_case(b"utf-8")).then_some(value_start..j);
        }
        j += 1;
    }
}

/// The end and the value of the character reference (`&#…;` or `&#x…;`)
/// whose `&` is at `i`, if it is one. Entity references and malformed
/// references are left to the XML parser.
pub(super) fn char_reference(bytes: &[u8], i: usize) -> Option<(usize, u32)> {
    let rest = bytes.get(i + 1..).unwrap_or_default();
    let (skip, radix) = if rest.starts_with(b"#x") {
        (2, 16)
    } else if rest.starts_with(b"#") {
        (1, 10)
    } else {
        return None;
    };
    let mut value: u32 = 0;
    let mut digits = 0;
    for &b in rest.get(skip..).unwrap_or_default() {
        let Some(d) = char::from(b).to_digit(radix) else {
            break;
        };
        value = value.saturating_mul(radix).saturating_add(d);
        digits += 1;
    }
    if digits == 0 || rest.get(skip + digits) != Some(&b';') {
        return None;
    }
    Some((i + 1 + skip + digits + 1, value))
}

/// Up to `max` bytes of `bytes`, shown as text, with `…` when cut.
fn excerpt(bytes: &[u8], max: usize) -> String {
    let shown = bytes.get(..max).unwrap_or(bytes);
    let mut s = String::from_utf8_lossy(shown).into_owned();
    if shown.len() < bytes.len() {
        s.push('…');
    }
    s
}

/// Up to 8 bytes in hex, `C3 28`, with `…` when cut.
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    for (k, b) in bytes.iter().take(8).enumerate() {
        if k > 0 {
            s.push(' ');
        }
        let _ = write!(s, "{b:02X}");
    }
    if bytes.len() > 8 {
        s.push_str(" …");
    }
    s
}

impl<'a, const CHARS: bool> Scanner<'a, CHARS> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            state: State::Text,
            decl_at: if bytes.starts_with(BOM) { BOM.len() } else { 0 },
            pending: None,
            has_attachment: false,
            sink: Sink::default(),
        }
    }

    fn tables() -> &'static Tables {
        if CHARS { &CHECK } else { &MARKUP }
    }

    fn at(&self, i: usize, s: &[u8]) -> bool {
        self.bytes.get(i..).is_some_and(|r| r.starts_with(s))
    }

    fn run(&mut self) {
        let bytes = self.bytes;
        let mut i = 0;
        while i < bytes.len() {
            let table = Self::tables().get(self.state);
            let Some(skip) = skip(table, bytes.get(i..).unwrap_or_default()) else {
                break;
            };
            i += skip;
            let Some(&b) = bytes.get(i) else { break };
            if let Some(next) = self.fast_path(i, b) {
                i = next;
                continue;
            }
            i = if (0x20..0x7F).contains(&b) {
                self.markup(i, b)
            } else if CHARS {
                self.character(i)
            } else {
                // Not in the markup-only tables; never reached.
                i + 1
            };
            if !CHARS && self.has_attachment {
                return;
            }
        }
        self.close_pending(bytes.len());
    }

    /// The common cases, handled without the general machinery: characters
    /// that need no check and plain tags. Returns the next offset, or `None`
    /// when the byte `b` at `i` needs the general handling.
    #[inline]
    fn fast_path(&mut self, i: usize, b: u8) -> Option<usize> {
        let byte = |k: usize| self.bytes.get(i + k).copied().unwrap_or(0);
        let continuation = |k: usize| (0x80..=0xBF).contains(&byte(k));
        if CHARS {
            // Two- and three-byte characters that can be neither ill-formed,
            // nor forbidden, nor discouraged: U+00C0..U+07FF and
            // U+1000..U+CFFF (Polish letters, dashes, quotes, €).
            if (0xC3..=0xDF).contains(&b) && continuation(1) {
                return Some(i + 2);
            }
            if (0xE1..=0xEC).contains(&b) && continuation(1) && continuation(2) {
                return Some(i + 3);
            }
        }
        match (self.state, b) {
            (State::Tag, b'>') => {
                self.state = State::Text;
                Some(i + 1)
            }
            // A start tag; without CHARS, `open` looks for `Zalacznik`.
            (State::Text, b'<') if CHARS && (byte(1).is_ascii_alphabetic() || byte(1) == b'_') => {
                self.state = State::Tag;
                Some(i + 1)
            }
            (State::Text, b'<') if byte(1) == b'/' => {
                self.state = State::Tag;
                Some(i + 2)
            }
            _ => None,
        }
    }

    /// Decodes and checks the character at `i`; returns the next offset.
    fn character(&mut self, i: usize) -> usize {
        match utf8::decode(self.bytes, i) {
            Decoded::Char { cp, len } => {
                if let Some(problem) = classify(cp) {
                    self.report_char(i..i + len, cp, problem, None);
                }
                i + len
            }
            Decoded::Invalid { len, why } => {
                self.report_utf8(i..i + len, why);
                i + len
            }
        }
    }

    fn report_utf8(&mut self, span: Range<usize>, why: Invalid) {
        let bad = self.bytes.get(span.clone()).unwrap_or_default();
        let next = self.bytes.get(span.end).copied();
        let start = span.start;
        self.sink.push(Kind::Utf8, span, || {
            // The byte after a sequence cut short, unless the file ends there.
            let next = match why {
                Invalid::Truncated { at_eof: false } => next,
                _ => None,
            };
            invalid_utf8::finding(start, &hex(bad), why.describe(), next)
        });
    }

    /// Reports a raw character (`reference` is `None`) or a character
    /// reference.
    fn report_char(
        &mut self,
        span: Range<usize>,
        cp: u32,
        problem: CharProblem,
        reference: Option<&[u8]>,
    ) {
        let shown = move || reference.map(|text| excerpt(text, 24));
        match problem {
            CharProblem::NotChar(class) => self.sink.push(Kind::NotChar, span, || {
                not_an_xml_character::finding(cp, class, shown().as_deref())
            }),
            CharProblem::Discouraged(class) => self.sink.push(Kind::Discouraged, span, || {
                discouraged_character::finding(cp, class, shown().as_deref())
            }),
        }
    }

    /// Handles an ASCII delimiter `b` at `i` in the current state; returns
    /// the next offset, always greater than `i`.
    fn markup(&mut self, i: usize, b: u8) -> usize {
        match self.state {
            State::Text => match b {
                b'<' => self.open(i),
                b'&' => {
                    self.reference(i);
                    i + 1
                }
                _ => i + 1,
            },
            State::Tag => match b {
                b'"' | b'\'' => {
                    self.state = State::Attr(b);
                    i + 1
                }
                b'>' => {
                    self.state = State::Text;
                    i + 1
                }
                // A tag left unclosed (malformed): resynchronise.
                b'<' => self.open(i),
                _ => i + 1,
            },
            State::Attr(quote) => {
                if b == quote {
                    self.state = State::Tag;
                } else if b == b'&' {
                    self.reference(i);
                }
                i + 1
            }
            State::Comment { dtd } => {
                if self.at(i, b"-->") {
                    self.state = if dtd { State::Subset } else { State::Text };
                    i + 3
                } else {
                    i + 1
                }
            }
            State::CData => {
                if self.at(i, b"]]>") {
                    self.state = State::Text;
                    i + 3
                } else {
                    i + 1
                }
            }
            State::Pi { dtd } => {
                if self.at(i, b"?>") {
                    if dtd {
                        self.state = State::Subset;
                    } else {
                        self.state = State::Text;
                        self.close_pending(i + 2);
                    }
                    i + 2
                } else {
                    i + 1
                }
            }
            State::Doctype | State::Subset | State::DtdQuote { .. } => self.doctype(i, b),
        }
    }

    /// Handles a delimiter inside a DOCTYPE declaration, which is followed
    /// only to find where it ends: quoted literals, the internal subset and
    /// the comments and processing instructions in it can all contain `>`.
    fn doctype(&mut self, i: usize, b: u8) -> usize {
        match self.state {
            State::Doctype => {
                match b {
                    b'"' | b'\'' => {
                        self.state = State::DtdQuote {
                            quote: b,
                            subset: false,
                        };
                    }
                    b'[' => self.state = State::Subset,
                    b'>' => {
                        self.state = State::Text;
                        self.close_pending(i + 1);
                    }
                    _ => {}
                }
                i + 1
            }
            State::Subset => match b {
                b'"' | b'\'' => {
                    self.state = State::DtdQuote {
                        quote: b,
                        subset: true,
                    };
                    i + 1
                }
                b']' => {
                    self.state = State::Doctype;
                    i + 1
                }
                b'<' if self.at(i, b"<!--") => {
                    self.state = State::Comment { dtd: true };
                    i + 4
                }
                b'<' if self.at(i, b"<?") => {
                    self.state = State::Pi { dtd: true };
                    i + 2
                }
                _ => i + 1,
            },
            State::DtdQuote { quote, subset } => {
                if b == quote {
                    self.state = if subset {
                        State::Subset
                    } else {
                        State::Doctype
                    };
                }
                i + 1
            }
            _ => i + 1,
        }
    }

    /// Handles `<` at `i` outside other markup.
    fn open(&mut self, i: usize) -> usize {
        match self.bytes.get(i + 1) {
            Some(b'!') => {
                if self.at(i, b"<!--") {
                    self.state = State::Comment { dtd: false };
                    i + 4
                } else if self.at(i, b"<![CDATA[") {
                    self.state = State::CData;
                    i + 9
                } else if self.at(i, b"<!DOCTYPE") {
                    self.state = State::Doctype;
                    if CHARS {
                        self.pending = Some(Pending::Doctype { start: i });
                    }
                    i + 9
                } else {
                    // Some other declaration (malformed outside a DTD).
                    self.state = State::Tag;
                    i + 2
                }
            }
            Some(b'?') => {
                self.state = State::Pi { dtd: false };
                if CHARS {
                    self.processing_instruction(i);
                }
                i + 2
            }
            Some(b'/') => self.tag(i + 2, false),
            Some(&b) if is_name_byte(b) => self.tag(i + 1, true),
            // A lone `<` (malformed); not markup this scanner follows.
            _ => i + 1,
        }
    }

    /// Steps into the start (or end) tag whose name begins at `from`. When
    /// looking for `Zalacznik`, reads the name and skips it, and a tag that
    /// closes right after its name (`<P_7>`) goes straight back to text.
    fn tag(&mut self, from: usize, start: bool) -> usize {
        if CHARS {
            // The tag's bytes go through the scanner like any others.
            self.state = State::Tag;
            return from;
        }
        let name = self.name_at(from);
        if start {
            let local = self
                .bytes
                .get(name.clone())
                .unwrap_or_default()
                .rsplit(|&b| b == b':')
                .next()
                .unwrap_or_default();
            self.has_attachment |= local == b"Zalacznik";
        }
        let end = name.end;
        if self.bytes.get(end) == Some(&b'>') {
            self.state = State::Text;
            end + 1
        } else {
            self.state = State::Tag;
            end
        }
    }

    /// The range of the name starting at `from`.
    fn name_at(&self, from: usize) -> Range<usize> {
        name_at(self.bytes, from)
    }

    /// Handles `<?` at `i` (characters are being checked).
    fn processing_instruction(&mut self, i: usize) {
        let target = self.name_at(i + 2);
        let is_decl = self.bytes.get(target.clone()) == Some(b"xml");
        if is_decl {
            // Also when misplaced: one fix round instead of two.
            self.declaration(target.end);
        }
        if !is_decl || i != self.decl_at {
            self.pending = Some(Pending::Pi { start: i, target });
        }
    }

    /// Checks the `encoding` pseudo-attribute of the XML declaration whose
    /// target ends at `from`.
    fn declaration(&mut self, from: usize) {
        let bytes = self.bytes;
        if let Some(value) = foreign_encoding(bytes, from) {
            let text = bytes.get(value.clone()).unwrap_or_default();
            self.sink.push(Kind::Encoding, value, || {
                encoding_not_utf8::finding(&excerpt(text, 40))
            });
        }
    }

    /// Checks a character reference starting with the `&` at `i`. Entity
    /// references and malformed references are left to the XML parser.
    fn reference(&mut self, i: usize) {
        let Some((end, value)) = char_reference(self.bytes, i) else {
            return;
        };
        if let Some(problem) = classify(value) {
            let text = self.bytes.get(i..end).unwrap_or_default();
            self.report_char(i..end, value, problem, Some(text));
        }
    }

    /// Emits the pending PI or DOCTYPE finding, ending at `end`.
    fn close_pending(&mut self, end: usize) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        match pending {
            Pending::Pi { start, target } => {
                let name = self.bytes.get(target).unwrap_or_default();
                let is_decl = name.eq_ignore_ascii_case(b"xml");
                let at_start = start == self.decl_at;
                let shown = excerpt(name, 40);
                self.sink.push(Kind::Pi, start..end, || {
                    processing_instruction::finding(&shown, start, is_decl, at_start)
                });
            }
            Pending::Doctype { start } => {
                self.sink.push(Kind::Doctype, start..end, doctype::finding);
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_19_discouraged_ranges() {
        let discouraged = |cp| matches!(classify(cp), Some(CharProblem::Discouraged(_)));
        let mut ranges = 0;
        let mut inside = false;
        for cp in 0..=0x10_FFFF {
            let d = discouraged(cp);
            if d && !inside {
                ranges += 1;
            }
            inside = d;
        }
        assert_eq!(ranges, 19);
        assert!(discouraged(0x7F) && discouraged(0x84) && !discouraged(0x85));
        assert!(discouraged(0x86) && discouraged(0x9F) && !discouraged(0xA0));
        assert!(discouraged(0xFDD0) && discouraged(0xFDEF) && !discouraged(0xFDF0));
        assert!(discouraged(0x1_FFFE) && discouraged(0x10_FFFF) && !discouraged(0x1_FFFD));
    }

    #[test]
    fn classifies_non_chars() {
        let not_char = |cp| matches!(classify(cp), Some(CharProblem::NotChar(_)));
        for cp in [
            0, 1, 8, 0xB, 0xC, 0xE, 0x1F, 0xD800, 0xDFFF, 0xFFFE, 0xFFFF, 0x11_0000,
        ] {
            assert!(not_char(cp), "U+{cp:04X}");
        }
        for cp in [
            9, 0xA, 0xD, 0x20, 0x85, 0xA0, 0xD7FF, 0xE000, 0xFFFD, 0x1_0000,
        ] {
            assert_eq!(classify(cp), None, "U+{cp:04X}");
        }
    }

    #[test]
    fn tables_mark_only_what_they_should() {
        let t = table(b"<", true);
        assert!(t[usize::from(b'<')] && t[0] && t[0x7F] && t[0x80] && t[0xFF]);
        assert!(!t[usize::from(b'\t')] && !t[usize::from(b'a')] && !t[usize::from(b'&')]);
        let m = table(b"<", false);
        assert!(m[usize::from(b'<')] && !m[0] && !m[0x80]);
    }

    #[test]
    fn skip_finds_the_first_marked_byte_in_and_across_blocks() {
        let t = table(b"<", false);
        for len in 0..40 {
            for at in 0..=len {
                let mut bytes = vec![b'a'; len];
                if at < len {
                    bytes[at] = b'<';
                }
                let expected = (at < len).then_some(at);
                assert_eq!(skip(&t, &bytes), expected, "len {len}, at {at}");
            }
        }
    }

    #[test]
    fn hex_is_capped() {
        assert_eq!(hex(&[0xC3, 0x28]), "C3 28");
        assert_eq!(hex(&[0x81; 9]), "81 81 81 81 81 81 81 81 …");
    }
}
