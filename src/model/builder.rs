//! Fills the typed model from a schema-valid document in one forward walk
//! over its tags, with the code `build.rs` generates from the schema model
//! (`build/builder.rs`): each complex type reads its attributes and then its
//! children in the order of its content model, deciding each optional or
//! repeated particle by the name of the next element alone (the schema's
//! content models are deterministic); each simple type reads its value as
//! xsd-parser's own reader does, without re-checking the facets the
//! validator has already proved.
//!
//! The builder expects a document the validator has accepted. On any other
//! input it returns an error (never panics); the value it builds from such
//! input is not specified beyond that.

use std::borrow::Cow;
use std::ops::Range;

use quick_xml::Reader;
use quick_xml::escape::unescape;
use quick_xml::events::{BytesStart, Event};
use xsd_parser_types::misc::RawByteStr;
use xsd_parser_types::quick_xml::{Error, ErrorKind};

use super::values::{Date, DateTime, Decimal, Integer};
use crate::source::{Tag, Tags};

/// A simple type read from its (unescaped) lexical value.
pub(crate) trait Lean: Sized {
    /// The value of `text`, known to be valid (the document is UTF-8 text
    /// already: no byte is checked again).
    fn lean(text: &str) -> Result<Self, Error>;

    /// The value of `text` when it belongs to this member of a union that
    /// `text` is known to satisfy (to pick the member, as xsd-parser's
    /// reader does; see `build/builder.rs`).
    fn lean_checked(text: &str) -> Result<Self, Error> {
        Self::lean(text)
    }
}

/// A type read as the content of one element whose start tag the cursor
/// has just consumed; it consumes the end tag too.
pub(crate) trait Element: Sized {
    /// Reads the element's attributes (from [`Cursor::start_tag`]), then
    /// its content.
    fn element(c: &mut Cursor<'_>) -> Result<Self, Error>;
}

/// A type read from a run of sibling elements (an anonymous group, or the
/// content of another type).
pub(crate) trait Group: Sized {
    /// The names of the elements that can start the group.
    const FIRST: &'static [&'static [u8]];
    /// Reads the group's elements.
    fn group(c: &mut Cursor<'_>) -> Result<Self, Error>;
}

impl<T: Lean> Element for T {
    fn element(c: &mut Cursor<'_>) -> Result<Self, Error> {
        let text = c.text()?;
        let value = T::lean(text.trim_ascii()).map_err(|e| c.locate(e))?;
        c.close()?;
        Ok(value)
    }
}

/// Reads an element declared with a `fixed` (or `default`) value, whose
/// start tag the cursor has just consumed: empty content is that value (the
/// schema's rule for value constraints; `<PrefiksPodatnika/>` in `Podmiot1`
/// is `PL`).
pub(crate) fn fixed_element<T: Lean>(c: &mut Cursor<'_>, fixed: &str) -> Result<T, Error> {
    let text = c.text()?;
    let value = text.trim_ascii();
    let value = T::lean(if value.is_empty() { fixed } else { value }).map_err(|e| c.locate(e))?;
    c.close()?;
    Ok(value)
}

fn invalid(bytes: &[u8]) -> Error {
    Error::from(ErrorKind::InvalidData(RawByteStr::from_slice(bytes)))
}

fn utf8(bytes: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(bytes).map_err(|_| invalid(bytes))
}

impl Lean for String {
    fn lean(text: &str) -> Result<Self, Error> {
        Ok(text.to_owned())
    }
}

/// `text` with each run of white space made one space and none at either
/// end: what xsd-parser's reader makes of a value whose type collapses white
/// space (its `whitespace_collapse`, which matches `\s+` with a regular
/// expression), without one. A value with no white space inside is
/// borrowed as it is.
pub(crate) fn collapse(text: &str) -> Cow<'_, str> {
    // Most values are ASCII without white space: nothing to do.
    if text.bytes().all(|b| b > b' ' && b.is_ascii()) {
        return Cow::Borrowed(text);
    }
    let trimmed = text.trim();
    if trimmed.contains(char::is_whitespace) {
        Cow::Owned(trimmed.split_whitespace().collect::<Vec<_>>().join(" "))
    } else {
        Cow::Borrowed(trimmed)
    }
}

/// The canonical form of an integer's lexical value (`+02` → `2`), by
/// which the enumerations of integers (`TWybor1_2`, `TFormaPlatnosci`) are
/// matched: the schema compares their values, not their text. A value that
/// is not an integer is returned as it is (and matches no variant); the
/// validator has already proved the value is one of the enumeration's.
pub(crate) fn integer_key(bytes: &[u8]) -> &[u8] {
    let digits = bytes.strip_prefix(b"+").unwrap_or(bytes);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return bytes;
    }
    let zeros = digits.iter().take_while(|&&b| b == b'0').count();
    &digits[zeros.min(digits.len() - 1)..]
}

/// Values read with their `FromStr`, as xsd-parser's reader reads them.
macro_rules! lean_from_str {
    ($($ty:ty),*) => {$(
        impl Lean for $ty {
            fn lean(text: &str) -> Result<Self, Error> {
                text.parse().map_err(|_| invalid(text.as_bytes()))
            }
        }
    )*};
}

lean_from_str!(Decimal, Integer, Date, DateTime, i32, i64, u32, u64, usize);

/// An empty list with room for its first item and the `following` ones
/// (the count [`Cursor::repeats`] gives), allocated once. A short list gets
/// the room `Vec::push` would give it first (eight items of one byte, four
/// of up to 1 KiB, else one), so that lists keep the allocation sizes they
/// would have grown to.
pub(crate) fn list_room<T>(following: usize) -> Vec<T> {
    let least = match size_of::<T>() {
        1 => 8,
        size if size <= 1024 => 4,
        _ => 1,
    };
    Vec::with_capacity(following.saturating_add(1).max(least))
}

/// The attributes of a start tag, from the text after its name
/// ([`Cursor::attributes`]): each attribute's local name (after the first
/// `:`, as quick-xml's `local_name` gives it) and its value as written. The
/// syntax is XML's (white space, a name, `=` between optional white space,
/// a value in single or double quotes), read without quick-xml's general
/// attribute reader; anything else is an error.
pub(crate) struct Attributes<'t> {
    rest: &'t str,
}

impl<'t> Iterator for Attributes<'t> {
    type Item = Result<(&'t [u8], &'t str), Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let text = self.rest;
        let bytes = text.as_bytes();
        let from = leading_spaces(bytes);
        if from == bytes.len() {
            self.rest = "";
            return None;
        }
        // Byte by byte: every delimiter is ASCII, so the offsets found are
        // char boundaries.
        let attribute = || {
            let eq = from + memchr::memchr(b'=', bytes.get(from..)?)?;
            let name = bytes.get(from..eq)?;
            let name = name.get(..name.len() - trailing_spaces(name))?;
            let open = eq + 1 + leading_spaces(bytes.get(eq + 1..)?);
            let quote = *bytes.get(open).filter(|&&q| q == b'"' || q == b'\'')?;
            let end = open + 1 + memchr::memchr(quote, bytes.get(open + 1..)?)?;
            Some((name, text.get(open + 1..end)?, text.get(end + 1..)?))
        };
        let Some((name, value, rest)) = attribute() else {
            self.rest = "";
            return Some(Err(invalid(bytes.get(from..).unwrap_or_default())));
        };
        self.rest = rest;
        let local = match name.iter().position(|&b| b == b':') {
            Some(colon) => name.get(colon + 1..).unwrap_or_default(),
            None => name,
        };
        Some(Ok((local, value)))
    }
}

/// XML's white space (`S`): space, tab, carriage return, line feed.
fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// How many bytes of XML white space `bytes` starts with.
fn leading_spaces(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|&&b| is_xml_space(b)).count()
}

/// How many bytes of XML white space `bytes` ends with.
fn trailing_spaces(bytes: &[u8]) -> usize {
    bytes.iter().rev().take_while(|&&b| is_xml_space(b)).count()
}

/// The value of an attribute written `raw`, its references resolved (as
/// quick-xml's `unescape`, which gives `raw` itself when it has none).
pub(crate) fn attribute_text(raw: &str) -> Result<Cow<'_, str>, Error> {
    if !raw.contains('&') {
        return Ok(Cow::Borrowed(raw));
    }
    unescape(raw).map_err(|e| Error::from(ErrorKind::EscapeError(e)))
}

/// What comes next in the document, seen from between elements.
#[derive(Debug)]
enum Next<'a> {
    /// A start tag (`empty` for `<x/>`), with the range of its local name.
    Open {
        start: BytesStart<'a>,
        empty: bool,
        name: Range<usize>,
        /// The whole start tag.
        span: Range<usize>,
    },
    /// An end tag (or the end of an empty element).
    Close,
    /// The end of the document.
    Eof,
}

/// Where a [`Cursor`] reads the document's tags from.
enum Source<'a> {
    /// The bytes, read with quick-xml (for a document with no validator's
    /// record).
    Reader {
        reader: Box<Reader<&'a [u8]>>,
        next: Option<Next<'a>>,
        /// The element just opened was `<x/>`: its end comes next.
        pending_close: bool,
        /// Where the attributes of the element opened last are written
        /// (from the end of its name to the `>`), until asked for.
        opened: Option<Range<usize>>,
        /// Where the start tags are, when asked for.
        tags: Option<Tags>,
    },
    /// The record of start tags and values the validator (the fast path,
    /// or the full validator) made while it proved the document valid
    /// (`Cursor::tags`): no byte is parsed again.
    Record,
}

/// A forward walk over the tags of a document.
///
/// Replaying a record, the next start tag's depth and name are kept at
/// hand (`ahead_level`, `ahead_name`), so that the tests the generated
/// code makes at every element (is the next element this one? does the
/// element end here?) are a comparison or two, inlined where they are
/// made.
pub(crate) struct Cursor<'a> {
    input: &'a str,
    source: Source<'a>,
    /// The tags come from a record ([`Source::Record`]).
    replay: bool,
    /// Replaying: the record (empty when reading).
    tags: Tags,
    /// Replaying: the index of the next start tag.
    next: usize,
    /// Replaying: the index of the start tag opened last.
    last: usize,
    /// Replaying: one more than the depth of the next start tag, 0 when
    /// there is none.
    ahead_level: usize,
    /// Replaying: the local name of the next start tag (empty when there
    /// is none).
    ahead_name: &'a [u8],
    /// Start tags consumed so far.
    opened: usize,
    /// Elements open.
    depth: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `input`, reading its bytes.
    pub(crate) fn new(input: &'a str) -> Self {
        Self::reading(input, None)
    }

    /// A cursor that also records where each start tag it consumes is
    /// (see [`Cursor::into_tags`]).
    pub(crate) fn recording(input: &'a str) -> Self {
        Self::reading(input, Some(Tags::default()))
    }

    fn reading(input: &'a str, tags: Option<Tags>) -> Self {
        let mut reader = Reader::from_str(input);
        reader.config_mut().check_end_names = false;
        Self {
            input,
            source: Source::Reader {
                reader: Box::new(reader),
                next: None,
                pending_close: false,
                opened: None,
                tags,
            },
            replay: false,
            tags: Tags::default(),
            next: 0,
            last: 0,
            ahead_level: 0,
            ahead_name: &[],
            opened: 0,
            depth: 0,
        }
    }

    /// A cursor over `input` that reads its tags and values from `tags`,
    /// the complete record the schema validator made of `input`.
    pub(crate) fn replaying(input: &'a str, tags: Tags) -> Self {
        let mut c = Self {
            input,
            source: Source::Record,
            replay: true,
            tags,
            next: 0,
            last: 0,
            ahead_level: 0,
            ahead_name: &[],
            opened: 0,
            depth: 0,
        };
        c.look_ahead(0);
        c
    }

    /// Sets what is known of the record's start tag `index` (the next).
    fn look_ahead(&mut self, index: usize) {
        let bytes = self.input.as_bytes();
        let ahead: (usize, &'a [u8]) = match self.tags.get(index) {
            // Nearly every element's name is recorded, without a prefix:
            // the name is where the tag starts, and the walk for the rest
            // stays out of line.
            Some(t) if t.name_len > 0 && t.flags & Tag::PREFIXED == 0 => {
                (usize::from(t.depth) + 1, t.name(bytes))
            }
            Some(t) => (usize::from(t.depth) + 1, unrecorded_name(t, bytes)),
            None => (0, &[]),
        };
        (self.ahead_level, self.ahead_name) = ahead;
    }

    /// The record of start tags: the one replayed, or the one made while
    /// reading when recording.
    pub(crate) fn into_tags(self) -> Option<Tags> {
        match self.source {
            Source::Reader { tags, .. } => tags,
            Source::Record => Some(self.tags),
        }
    }

    fn offset(&self) -> usize {
        match &self.source {
            Source::Reader { reader, .. } => {
                usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
            }
            // After a value, where it starts (a value the model cannot read
            // is shown there); else at the next start tag.
            Source::Record => match self.tags.get(self.last) {
                Some(t) if self.next == self.last + 1 && t.flags & Tag::TEXT != 0 => t.end as usize,
                _ => self
                    .tags
                    .get(self.next)
                    .map_or(self.input.len(), |t| t.start as usize),
            },
        }
    }

    /// `e` with the cursor's position, when it has none.
    #[cold]
    pub(crate) fn locate(&self, mut e: Error) -> Error {
        if e.position.is_none() {
            e.position = Some(self.offset() as u64);
        }
        e
    }

    /// The error for an element (or end) the content model does not expect
    /// here.
    #[cold]
    #[inline(never)]
    pub(crate) fn unexpected(&mut self) -> Error {
        let kind = match &self.source {
            Source::Reader { next, .. } => match next {
                Some(Next::Open { start, .. }) => {
                    ErrorKind::UnexpectedEvent(Event::Start(start.to_owned().into_owned()))
                }
                Some(Next::Close) => ErrorKind::UnexpectedEoL,
                _ => ErrorKind::UnexpectedEoF,
            },
            Source::Record => match self.tags.get(self.next) {
                Some(t) if usize::from(t.depth) == self.depth => ErrorKind::UnexpectedEvent(
                    Event::Start(self.recorded_start_tag(t).to_owned().into_owned()),
                ),
                _ if self.depth > 0 => ErrorKind::UnexpectedEoL,
                _ => ErrorKind::UnexpectedEoF,
            },
        };
        self.locate(Error::from(kind))
    }

    /// The start tag recorded as `t`, as quick-xml gives it.
    fn recorded_start_tag(&self, t: &Tag) -> BytesStart<'a> {
        let name_len = t.qname(self.input.as_bytes()).len();
        let (from, to) = (t.start as usize + 1, (t.end as usize).saturating_sub(1));
        let content = self.input.get(from..to).unwrap_or_default();
        let content = content.strip_suffix('/').unwrap_or(content);
        BytesStart::from_content(content, name_len)
    }

    /// The attributes of the element opened last (asked for once, before
    /// its content is read: only the types with attributes do), read from
    /// its start tag after the name, in place.
    pub(crate) fn attributes(&mut self) -> Result<Attributes<'a>, Error> {
        let written = match &mut self.source {
            Source::Reader { opened, .. } => opened.take(),
            Source::Record => self.tags.get(self.last).map(|t| {
                let name_len = t.qname(self.input.as_bytes()).len();
                t.start as usize + 1 + name_len..(t.end as usize).saturating_sub(1)
            }),
        };
        match written.and_then(|w| self.input.get(w)) {
            Some(text) => Ok(Attributes {
                rest: text.strip_suffix('/').unwrap_or(text),
            }),
            None => Err(self.locate(Error::from(ErrorKind::MissingContent))),
        }
    }

    /// How many elements of the next element's name follow one another
    /// from here, when the record tells (else 0): the room the rest of a
    /// list of them needs, so that a list of thousands of invoice lines is
    /// not moved as it grows.
    pub(crate) fn repeats(&self) -> usize {
        if !self.replay || self.ahead_level != self.depth + 1 {
            return 0;
        }
        let (depth, name) = (self.depth, self.ahead_name);
        let input = self.input.as_bytes();
        let mut count = 0;
        for t in self.tags.after(self.next) {
            let d = usize::from(t.depth);
            if d > depth {
                continue;
            }
            if d < depth || t.name(input) != name {
                break;
            }
            count += 1;
        }
        count
    }

    /// How many start tags have been consumed: a loop that reads nothing
    /// stops.
    #[inline]
    pub(crate) fn position(&self) -> usize {
        self.opened
    }

    fn peek(&mut self) -> Result<&Next<'a>, Error> {
        let Source::Reader { next, .. } = &self.source else {
            return Err(self.locate(Error::from(ErrorKind::MissingContent)));
        };
        if next.is_none() {
            let read = self.read_next()?;
            if let Source::Reader { next, .. } = &mut self.source {
                *next = Some(read);
            }
        }
        match &self.source {
            Source::Reader { next: Some(n), .. } => Ok(n),
            _ => Err(self.locate(Error::from(ErrorKind::MissingContent))),
        }
    }

    /// The next event, a syntax error located where the reader stopped.
    fn read_event(&mut self) -> Result<Event<'a>, Error> {
        let read = match &mut self.source {
            Source::Reader { reader, .. } => reader.read_event(),
            Source::Record => Ok(Event::Eof),
        };
        read.map_err(|e| self.locate(Error::from(ErrorKind::XmlError(e))))
    }

    fn read_next(&mut self) -> Result<Next<'a>, Error> {
        if let Source::Reader { pending_close, .. } = &mut self.source
            && *pending_close
        {
            *pending_close = false;
            return Ok(Next::Close);
        }
        loop {
            let at = self.offset();
            let event = self.read_event()?;
            match event {
                Event::Start(start) => return Ok(self.open_at(at, start, false)),
                Event::Empty(start) => return Ok(self.open_at(at, start, true)),
                Event::End(_) => return Ok(Next::Close),
                Event::Eof => return Ok(Next::Eof),
                // Between elements: whitespace, comments, processing
                // instructions, the declaration.
                _ => {}
            }
        }
    }

    fn open_at(&self, at: usize, start: BytesStart<'a>, empty: bool) -> Next<'a> {
        let qname = start.name().as_ref().len();
        let from = at + 1;
        let full = from..from + qname;
        let local = self
            .input
            .get(full.clone())
            .and_then(|n| n.rfind(':'))
            .map_or(full.start, |colon| full.start + colon + 1);
        Next::Open {
            start,
            empty,
            name: local..full.end,
            span: at..self.offset(),
        }
    }

    /// The local name of the next element, when a start tag comes next.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn peek_name(&mut self) -> Result<Option<&'a [u8]>, Error> {
        if self.replay {
            return Ok((self.ahead_level == self.depth + 1).then_some(self.ahead_name));
        }
        self.peek_read_name()
    }

    /// [`Cursor::peek_name`], reading the bytes.
    #[inline(never)]
    fn peek_read_name(&mut self) -> Result<Option<&'a [u8]>, Error> {
        let input = self.input;
        Ok(match self.peek()? {
            Next::Open { name, .. } => input.as_bytes().get(name.clone()),
            _ => None,
        })
    }

    /// Whether the next element is named `name`. Inlined: with the name a
    /// literal of known length, the test is a few instructions.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn at(&mut self, name: &[u8]) -> Result<bool, Error> {
        if self.replay {
            return Ok(self.ahead_level == self.depth + 1 && self.ahead_name == name);
        }
        Ok(self.peek_read_name()? == Some(name))
    }

    /// Whether the next element has one of `names`.
    pub(crate) fn at_any(&mut self, names: &[&[u8]]) -> Result<bool, Error> {
        Ok(self.peek_name()?.is_some_and(|n| names.contains(&n)))
    }

    /// Consumes the start tag of the next element, which must be `name`.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn open(&mut self, name: &[u8]) -> Result<(), Error> {
        if self.at(name)? {
            return self.enter();
        }
        Err(self.missing(name))
    }

    /// The error for a missing element `name`.
    #[cold]
    #[inline(never)]
    fn missing(&self, name: &[u8]) -> Error {
        let missing = Error::from(ErrorKind::MissingElement(RawByteStr::from_slice(name)));
        self.locate(missing)
    }

    /// Consumes the start tag of the next element, known to be there (the
    /// caller has just seen its name with [`Cursor::at`]).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn enter(&mut self) -> Result<(), Error> {
        if self.replay {
            self.advance();
            Ok(())
        } else {
            self.enter_read()
        }
    }

    /// Replaying: moves past the next start tag.
    fn advance(&mut self) {
        self.last = self.next;
        self.next += 1;
        self.look_ahead(self.next);
        self.opened += 1;
        self.depth += 1;
    }

    /// [`Cursor::enter`], reading the bytes.
    #[inline(never)]
    fn enter_read(&mut self) -> Result<(), Error> {
        let depth = self.depth;
        let Source::Reader {
            next,
            pending_close,
            opened,
            tags,
            ..
        } = &mut self.source
        else {
            return Err(self.locate(Error::from(ErrorKind::MissingContent)));
        };
        match next.take() {
            Some(Next::Open {
                empty, name, span, ..
            }) => {
                *pending_close = empty;
                if let Some(tags) = tags {
                    tags.push(depth, span.start, span.end);
                }
                *opened = Some(name.end..span.end.saturating_sub(1));
            }
            _ => return Err(self.locate(Error::from(ErrorKind::MissingContent))),
        }
        self.opened += 1;
        self.depth += 1;
        Ok(())
    }

    /// Consumes the end tag of the element being read.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn close(&mut self) -> Result<(), Error> {
        if self.replay {
            // The element ends where the next start tag is not its child.
            if self.depth == 0 || self.ahead_level > self.depth {
                return Err(self.unexpected());
            }
            self.depth -= 1;
            return Ok(());
        }
        self.close_read()
    }

    /// [`Cursor::close`], reading the bytes.
    #[inline(never)]
    fn close_read(&mut self) -> Result<(), Error> {
        match self.peek()? {
            Next::Close => {
                if let Source::Reader { next, .. } = &mut self.source {
                    *next = None;
                }
                self.depth = self.depth.saturating_sub(1);
                Ok(())
            }
            _ => Err(self.unexpected()),
        }
    }

    /// The character data of the element just opened, up to its end tag
    /// (left for [`Cursor::close`]), unescaped as xsd-parser's reader does.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn text(&mut self) -> Result<Cow<'a, str>, Error> {
        if self.replay {
            let input = self.input;
            return match self.tags.get(self.last) {
                Some(t) if self.next == self.last + 1 && t.flags & Tag::TEXT != 0 => {
                    let raw = input
                        .get(t.end as usize..t.text_end as usize)
                        .unwrap_or_default();
                    if t.flags & (Tag::MARKUP | Tag::REFERENCES) == 0 {
                        Ok(Cow::Borrowed(raw))
                    } else {
                        self.resolved_text(raw, t.flags)
                    }
                }
                _ => Ok(Cow::Borrowed("")),
            };
        }
        self.read_text()
    }

    /// Recorded character data `raw` that holds references or markup
    /// (`flags`), resolved.
    #[inline(never)]
    fn resolved_text(&self, raw: &'a str, flags: u8) -> Result<Cow<'a, str>, Error> {
        if flags & Tag::MARKUP != 0 {
            marked_up_text(raw).map_err(|e| self.locate(e))
        } else {
            unescape(raw).map_err(|e| self.locate(Error::from(ErrorKind::EscapeError(e))))
        }
    }

    /// [`Cursor::text`], reading the bytes.
    #[inline(never)]
    fn read_text(&mut self) -> Result<Cow<'a, str>, Error> {
        if let Source::Reader {
            next,
            pending_close,
            ..
        } = &self.source
            && (*pending_close || next.is_some())
        {
            return Ok(Cow::Borrowed(""));
        }
        let mut out: Cow<'a, str> = Cow::Borrowed("");
        loop {
            let at = self.offset();
            let event = self.read_event()?;
            match event {
                Event::Text(_) => {
                    let raw = self.input.get(at..self.offset()).unwrap_or_default();
                    if out.is_empty() {
                        out = Cow::Borrowed(raw);
                    } else {
                        out.to_mut().push_str(raw);
                    }
                }
                Event::CData(data) => {
                    let text = data
                        .decode()
                        .map_err(|e| self.locate(Error::from(ErrorKind::EncodingError(e))))?;
                    out.to_mut().push_str(&text);
                }
                Event::GeneralRef(r) => {
                    let name = utf8(r.as_ref())?;
                    let resolved = unescape(&format!("&{name};"))
                        .map_err(|e| self.locate(Error::from(ErrorKind::EscapeError(e))))?
                        .into_owned();
                    out.to_mut().push_str(&resolved);
                }
                Event::End(_) => {
                    if let Source::Reader { next, .. } = &mut self.source {
                        *next = Some(Next::Close);
                    }
                    return Ok(out);
                }
                Event::Start(_) | Event::Empty(_) | Event::Eof => {
                    return Err(self.locate(Error::from(ErrorKind::MissingContent)));
                }
                _ => {}
            }
        }
    }

    /// Consumes what follows the root element: nothing but comments,
    /// processing instructions and whitespace.
    pub(crate) fn finish(&mut self) -> Result<(), Error> {
        if self.replay {
            return if self.depth == 0 && self.next == self.tags.len() {
                Ok(())
            } else {
                Err(self.unexpected())
            };
        }
        match self.peek()? {
            Next::Eof => Ok(()),
            _ => Err(self.unexpected()),
        }
    }
}

/// The local name of the element of `t`, read from its start tag (a name
/// with a prefix, or one not recorded).
#[cold]
#[inline(never)]
fn unrecorded_name<'b>(t: &Tag, bytes: &'b [u8]) -> &'b [u8] {
    t.name(bytes)
}

/// The value of character data `raw` that holds markup, as quick-xml's
/// events give it: text with its references resolved, CDATA sections'
/// content as it is, comments and processing instructions left out.
fn marked_up_text(mut raw: &str) -> Result<Cow<'_, str>, Error> {
    let mut out = String::with_capacity(raw.len());
    while !raw.is_empty() {
        let text_len = raw.find('<').unwrap_or(raw.len());
        let (text, rest) = raw.split_at(text_len);
        out.push_str(&unescape(text).map_err(|e| Error::from(ErrorKind::EscapeError(e)))?);
        let (kept, close) = if rest.starts_with("<![CDATA[") {
            (true, "]]>")
        } else if rest.starts_with("<!--") {
            (false, "-->")
        } else if rest.starts_with("<?") {
            (false, "?>")
        } else if rest.is_empty() {
            break;
        } else {
            return Err(invalid(rest.as_bytes()));
        };
        let Some(end) = rest.find(close) else {
            return Err(invalid(rest.as_bytes()));
        };
        if kept {
            out.push_str(rest.get("<![CDATA[".len()..end).unwrap_or_default());
        }
        raw = rest.get(end + close.len()..).unwrap_or_default();
    }
    Ok(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use xsd_parser_types::quick_xml::whitespace_collapse;

    use super::{Attributes, attribute_text, collapse};

    #[test]
    fn collapse_is_xsd_parsers_whitespace_collapse() {
        for text in [
            "",
            " ",
            "12",
            " 12 ",
            "\t2026-02-15T09:30:47Z\r\n",
            "a  b\tc\n\nd",
            "\u{a0}5\u{2003}",
            "x\u{85}y",
        ] {
            assert_eq!(collapse(text), whitespace_collapse(text), "{text:?}");
        }
    }

    /// The attributes of `<x{content}>` as quick-xml's reader gives them:
    /// local name and value as written.
    fn quick_xml_attributes(content: &str) -> Vec<(Vec<u8>, String)> {
        let tag = format!("x{content}");
        quick_xml::events::BytesStart::from_content(tag.as_str(), 1)
            .attributes()
            .with_checks(false)
            .map(|a| {
                let a = a.unwrap();
                (
                    a.key.local_name().as_ref().to_vec(),
                    String::from_utf8(a.value.to_vec()).unwrap(),
                )
            })
            .collect()
    }

    fn lean_attributes(content: &str) -> Vec<(Vec<u8>, String)> {
        Attributes { rest: content }
            .map(|a| {
                let (key, value) = a.unwrap();
                (key.to_vec(), value.to_owned())
            })
            .collect()
    }

    #[test]
    fn attributes_as_quick_xml_reads_them() {
        for content in [
            "",
            " ",
            r#" Typ="txt""#,
            " Typ='dec' ",
            "\tkodSystemowy = \"FA (3)\"\r\n wersjaSchemy='1-0E'",
            r#" a:b="x&amp;y" c="'" d='"'"#,
            r#" xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/" Typ="date""#,
        ] {
            assert_eq!(
                lean_attributes(content),
                quick_xml_attributes(content),
                "{content:?}"
            );
        }
    }

    #[test]
    fn malformed_attributes_are_errors() {
        for content in [" Typ", " Typ=txt", r#" Typ="txt"#, " =", " Typ='a\""] {
            let read: Result<Vec<_>, _> = Attributes { rest: content }.collect();
            assert!(read.is_err(), "{content:?}");
        }
    }

    #[test]
    fn attribute_text_is_unescape() {
        for raw in ["", "plain", "a&amp;b", "&lt;&#65;&gt;", "semi;colon"] {
            assert_eq!(
                attribute_text(raw).unwrap(),
                quick_xml::escape::unescape(raw).unwrap(),
                "{raw:?}"
            );
        }
        assert!(attribute_text("a&b").is_err());
    }

    proptest! {
        #[test]
        fn attributes_agree_on_any_tag(
            attrs in proptest::collection::vec(
                (
                    "[a-zA-Z][a-zA-Z0-9_:.-]{0,6}",
                    "[ \t\r\n]{1,2}",
                    "[ \t]{0,1}",
                    "[ \t]{0,1}",
                    "[a-z0-9 &;#'\"<>]{0,8}",
                    any::<bool>(),
                ),
                0..4,
            ),
            tail in "[ \t\r\n]{0,2}",
        ) {
            let mut content = String::new();
            for (name, before, around_eq, after_eq, value, double) in &attrs {
                let quote = if *double { '"' } else { '\'' };
                let value: String = value.chars().filter(|&c| c != quote).collect();
                content.push_str(before);
                content.push_str(name);
                content.push_str(around_eq);
                content.push('=');
                content.push_str(after_eq);
                content.push(quote);
                content.push_str(&value);
                content.push(quote);
            }
            content.push_str(&tail);
            prop_assert_eq!(lean_attributes(&content), quick_xml_attributes(&content));
        }

        #[test]
        fn collapse_agrees_on_any_text(text in "[ \t\r\n\u{a0}\u{2003}a1.-]{0,12}") {
            prop_assert_eq!(collapse(&text), whitespace_collapse(&text));
        }
    }
}
