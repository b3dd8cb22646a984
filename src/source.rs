//! Byte offsets to line:column, and element paths to byte spans.

use std::cell::OnceCell;
#[cfg(test)]
use std::collections::HashMap;
use std::ops::Range;

use quick_xml::Reader;
use quick_xml::events::Event;

/// Bytes between two checkpoints of the character count.
const BLOCK: usize = 64;

/// Converts byte offsets to 1-based line and column (columns count characters).
///
/// Lines end at `\n`, at `\r\n` and at a lone `\r`, as XML's end-of-line
/// handling treats them (two of the official schema files use CR-only lines).
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a [u8],
    starts: Vec<usize>,
    /// The number of characters before each 64-byte block, built on the
    /// first query, so that locating N offsets costs one pass over the text
    /// plus O(N log lines), whatever the lines' lengths and the order of the
    /// queries.
    chars_before: OnceCell<Vec<usize>>,
    /// Bytes read to answer queries (tests bound the work with it).
    #[cfg(test)]
    touched: std::cell::Cell<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a [u8]) -> Self {
        let mut starts = vec![0];
        for i in memchr::memchr2_iter(b'\n', b'\r', text) {
            // The `\n` of a `\r\n` ends the line.
            if text[i] == b'\r' && text.get(i + 1) == Some(&b'\n') {
                continue;
            }
            starts.push(i + 1);
        }
        Self {
            text,
            starts,
            chars_before: OnceCell::new(),
            #[cfg(test)]
            touched: std::cell::Cell::new(0),
        }
    }

    /// [`characters`], counting the bytes read in tests.
    #[cfg_attr(not(test), allow(clippy::unused_self))]
    fn count(&self, bytes: &[u8]) -> usize {
        #[cfg(test)]
        self.touched.set(self.touched.get() + bytes.len());
        characters(bytes)
    }

    /// The number of UTF-8 characters (non-continuation bytes) in
    /// `text[..offset]`.
    fn chars_until(&self, offset: usize) -> usize {
        let table = self.chars_before.get_or_init(|| {
            let mut table = Vec::with_capacity(self.text.len() / BLOCK + 2);
            let mut count = 0;
            for block in self.text.chunks(BLOCK) {
                table.push(count);
                count += self.count(block);
            }
            // The end of a text whose length is a multiple of BLOCK starts a
            // block of its own.
            table.push(count);
            table
        });
        let block = offset / BLOCK;
        let before = table.get(block).copied().unwrap_or(0);
        before + self.count(self.text.get(block * BLOCK..offset).unwrap_or_default())
    }

    /// 1-based (line, column) of `offset`; the column counts UTF-8 characters.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts.get(line).copied().unwrap_or(0);
        let column = if offset - start <= BLOCK {
            self.count(self.text.get(start..offset).unwrap_or_default()) + 1
        } else {
            self.chars_until(offset) - self.chars_until(start) + 1
        };
        (
            u32::try_from(line + 1).unwrap_or(u32::MAX),
            u32::try_from(column).unwrap_or(u32::MAX),
        )
    }

    /// The text of the 1-based `line`, without its line end.
    pub fn line_text(&self, line: u32) -> &'a [u8] {
        let i = (line as usize).saturating_sub(1);
        let Some(&start) = self.starts.get(i) else {
            return &[];
        };
        let end = self.starts.get(i + 1).copied().unwrap_or(self.text.len());
        let mut s = self.text.get(start..end).unwrap_or_default();
        while let [rest @ .., b'\n' | b'\r'] = s {
            s = rest;
        }
        s
    }
}

/// The (line, column) [`LineIndex::line_col`] gives for each of `offsets`
/// (in ascending order), found in one forward pass over the text that ends
/// at the last of them: nothing is indexed, and each byte before the last
/// offset is read about once.
#[cfg(test)]
pub(crate) fn line_cols(text: &[u8], offsets: &[usize]) -> Vec<(u32, u32)> {
    let mut lines = Lines::new(text);
    offsets.iter().map(|&offset| lines.at(offset)).collect()
}

/// The line and column of offsets given in ascending order, counted in one
/// forward pass: the line ends between two offsets are counted a block of
/// bytes at a time, and only the characters of the last line are counted.
pub(crate) struct Lines<'a> {
    text: &'a [u8],
    /// The 1-based line of `counted`.
    line: usize,
    /// Where counting stopped (the last offset asked).
    counted: usize,
    /// Characters from the start of the line up to `counted`.
    chars: usize,
    /// Whether a carriage return was met: from then on line ends are
    /// counted by the general counter, without looking for one first.
    returns: bool,
}

impl<'a> Lines<'a> {
    /// Counting from the start of `text`.
    pub(crate) fn new(text: &'a [u8]) -> Self {
        Self {
            text,
            line: 1,
            counted: 0,
            chars: 0,
            returns: false,
        }
    }

    /// Counting on from `offset`, whose line and column (as [`Lines::at`]
    /// gives them) are known; `None` when they cannot be theirs (0, or cut
    /// to `u32::MAX`) or `offset` is past the text.
    pub(crate) fn resume(text: &'a [u8], offset: usize, line: u32, column: u32) -> Option<Self> {
        let known = |n: u32| (1..u32::MAX).contains(&n);
        (known(line) && known(column) && offset <= text.len()).then(|| Self {
            text,
            line: line as usize,
            counted: offset,
            chars: column as usize - 1,
            returns: false,
        })
    }

    /// The (line, column) of `offset`, as [`LineIndex::line_col`] gives it;
    /// an offset before the previous one is taken as the previous one.
    pub(crate) fn at(&mut self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len()).max(self.counted);
        let segment = self.text.get(self.counted..offset).unwrap_or_default();
        // Without a carriage return, only line feeds end lines: counted
        // with vector instructions.
        let ends = if !self.returns && memchr::memchr(b'\r', segment).is_none() {
            memchr::memchr_iter(b'\n', segment).count()
        } else {
            self.returns = true;
            line_ends(self.text, self.counted, offset)
        };
        if ends == 0 {
            self.chars += characters(segment);
        } else {
            self.line += ends;
            self.chars = last_line_characters(self.text, self.counted, offset);
        }
        self.counted = offset;
        self.position()
    }

    /// The (line, column) of `counted`.
    fn position(&self) -> (u32, u32) {
        (
            u32::try_from(self.line).unwrap_or(u32::MAX),
            u32::try_from(self.chars + 1).unwrap_or(u32::MAX),
        )
    }
}

/// Bytes whose line ends are counted together: fixed-size blocks run on
/// vector registers.
const LINE_BLOCK: usize = 128;

/// The number of line ends in `text[from..to]`: every `\n`, and every `\r`
/// not followed by `\n` (the `\n` of a `\r\n` ends the line).
fn line_ends(text: &[u8], from: usize, to: usize) -> usize {
    let segment = text.get(from..to).unwrap_or_default();
    // The byte after each byte of the segment (one fewer at the text's end).
    let next = text
        .get(from + 1..(to + 1).min(text.len()))
        .unwrap_or_default();
    // Whole blocks of the segment whose next bytes are all in `next`,
    // counted in a byte each.
    let whole = next.len().min(segment.len()) / LINE_BLOCK * LINE_BLOCK;
    let blocks = segment
        .get(..whole)
        .unwrap_or_default()
        .chunks_exact(LINE_BLOCK);
    let afters = next
        .get(..whole)
        .unwrap_or_default()
        .chunks_exact(LINE_BLOCK);
    let mut ends = 0;
    for (block, after) in blocks.zip(afters) {
        if let (Ok(block), Ok(after)) = (
            <&[u8; LINE_BLOCK]>::try_from(block),
            <&[u8; LINE_BLOCK]>::try_from(after),
        ) {
            ends += block_line_ends(block, after);
        }
    }
    let rest = segment.get(whole..).unwrap_or_default();
    if rest.is_empty() {
        return ends;
    }
    // The rest: in place, in the block that starts with it, with the bytes
    // past it left out of the count, when that block and the byte after it
    // are in the text.
    let at = from + whole;
    if let (Some(block), Some(after)) = (
        text.get(at..at + LINE_BLOCK),
        text.get(at + 1..at + 1 + LINE_BLOCK),
    ) && let (Ok(block), Ok(after)) = (
        <&[u8; LINE_BLOCK]>::try_from(block),
        <&[u8; LINE_BLOCK]>::try_from(after),
    ) {
        return ends + block_line_ends_before(block, after, rest.len());
    }
    // Else in a block padded with bytes that end no line (a `\r` at the
    // text's end, with no byte after it, ends a line).
    let (mut block, mut after) = ([0u8; LINE_BLOCK], [0u8; LINE_BLOCK]);
    let next_rest = next.get(whole..).unwrap_or_default();
    if let (Some(b), Some(a)) = (
        block.get_mut(..rest.len()),
        after.get_mut(..next_rest.len()),
    ) {
        b.copy_from_slice(rest);
        a.copy_from_slice(next_rest);
    }
    ends + block_line_ends(&block, &after)
}

/// A block's worth of all-ones bytes, then a block's worth of zeros: the
/// `LINE_BLOCK` bytes from `LINE_BLOCK - len` on keep the first `len` bytes
/// of a block, byte for byte (a mask on vector registers, where comparing
/// each byte's place with `len` would take wider lanes).
static FIRST_BYTES: [u8; 2 * LINE_BLOCK] = {
    let mut mask = [0; 2 * LINE_BLOCK];
    let mut i = 0;
    while i < LINE_BLOCK {
        mask[i] = u8::MAX;
        i += 1;
    }
    mask
};

/// The line ends among the first `len` bytes of `block`, each byte of which
/// is followed by the byte of `after` at the same place.
#[inline]
fn block_line_ends_before(block: &[u8; LINE_BLOCK], after: &[u8; LINE_BLOCK], len: usize) -> usize {
    let from = LINE_BLOCK - len.min(LINE_BLOCK);
    let Some(Ok(keep)) = FIRST_BYTES
        .get(from..from + LINE_BLOCK)
        .map(<&[u8; LINE_BLOCK]>::try_from)
    else {
        return 0;
    };
    let mut count = 0u8;
    for ((&b, &n), &keep) in block.iter().zip(after).zip(keep) {
        let end = u8::from(b == b'\n') | (u8::from(b == b'\r') & u8::from(n != b'\n'));
        count += end & keep;
    }
    usize::from(count)
}

/// The line ends in `block`, each byte of which is followed by the byte of
/// `after` at the same place; counted in a byte, on vector registers.
#[inline]
fn block_line_ends(block: &[u8; LINE_BLOCK], after: &[u8; LINE_BLOCK]) -> usize {
    block_line_ends_before(block, after, LINE_BLOCK)
}

/// The start of the line holding `text[to]`, given that `text[from..to]`
/// holds a line end.
fn last_line_start(text: &[u8], from: usize, mut to: usize) -> usize {
    while let Some(i) = memchr::memrchr2(b'\n', b'\r', text.get(from..to).unwrap_or_default()) {
        let i = from + i;
        if text[i] == b'\r' && text.get(i + 1) == Some(&b'\n') {
            to = i;
            continue;
        }
        return i + 1;
    }
    from
}

/// Bytes before an offset searched one at a time for the start of its
/// line: a line is mostly short, and reading back from the offset finds its
/// start sooner than a search from the last counted line end.
const SHORT_LINE: usize = 64;

/// The characters from the start of the line holding `text[to]` up to `to`,
/// given that `text[from..to]` holds a line end: read back from `to`, and
/// on a long line found with [`last_line_start`].
fn last_line_characters(text: &[u8], from: usize, to: usize) -> usize {
    let floor = from.max(to.saturating_sub(SHORT_LINE));
    let mut chars = 0;
    let mut i = to;
    while i > floor {
        let Some(&b) = text.get(i - 1) else { break };
        // The `\r` of a `\r\n` ends no line (only before `to`, inside the
        // pair: any other `\n` after it is found first).
        if b == b'\n' || (b == b'\r' && text.get(i) != Some(&b'\n')) {
            return chars;
        }
        chars += usize::from((b & 0xC0) != 0x80);
        i -= 1;
    }
    let start = last_line_start(text, from, to);
    characters(text.get(start..to).unwrap_or_default())
}

/// The number of UTF-8 characters in `bytes` (its non-continuation bytes).
fn characters(bytes: &[u8]) -> usize {
    // Blocks of 128 bytes, counted in a byte each (as `line_ends`).
    bytes
        .chunks(128)
        .map(|block| {
            let mut count = 0u8;
            for &b in block {
                count += u8::from((b & 0xC0) != 0x80);
            }
            usize::from(count)
        })
        .sum()
}

/// Element paths (`/Faktura/Fa/FaWiersz[3]/P_11`) to the byte span of each
/// element's start tag, built in one pass while reading the document.
///
/// Keys carry a predicate on every step (`/Faktura[1]/Fa[1]/FaWiersz[3]`);
/// positional predicates follow XPath (`[n]` counts same-named siblings), and
/// a step without one means `[1]`.
#[cfg(test)]
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    spans: HashMap<String, Range<usize>>,
}

#[cfg(test)]
impl SourceMap {
    /// Records the span of an element's start tag.
    pub fn insert(&mut self, path: String, span: Range<usize>) {
        self.spans.entry(path).or_insert(span);
    }

    /// Every recorded path, for tests.
    #[cfg(test)]
    pub(crate) fn spans_for_tests(&self) -> impl Iterator<Item = &String> {
        self.spans.keys()
    }

    /// The span recorded for `path`, or for its nearest recorded ancestor.
    ///
    /// Steps without a predicate mean `[1]`; an attribute step (`@name`) resolves
    /// to its element.
    pub fn resolve(&self, path: &str) -> Option<Range<usize>> {
        let mut canonical = String::with_capacity(path.len() + 16);
        let mut found = None;
        for step in path.split('/').filter(|s| !s.is_empty()) {
            if step.starts_with('@') {
                break;
            }
            canonical.push('/');
            canonical.push_str(step);
            if !step.ends_with(']') {
                canonical.push_str("[1]");
            }
            match self.spans.get(&canonical) {
                Some(span) => found = Some(span.clone()),
                None => break,
            }
        }
        found
    }
}

/// The start tags of a document's elements, in document order, each with its
/// depth (0 for the root) and, for an element with simple content, where its
/// value ends: recorded by the schema validator as it proves a document
/// valid (the fast path, or the full validator for a document outside the
/// fast path's subset; or by the typed-model builder as it reads bytes it
/// has no record of), so that the builder reads the typed model from it, and findings
/// located by path need no further pass over the bytes (see
/// [`locate_paths`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Tags {
    tags: Vec<Tag>,
    /// An offset did not fit: the record is incomplete and not used.
    overflow: bool,
}

/// One start tag of [`Tags`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tag {
    /// Nesting depth, 0 for the root.
    pub(crate) depth: u16,
    /// The length of the element's name as written, when recorded (else 0).
    pub(crate) name_len: u8,
    /// [`Tag::TEXT`] and [`Tag::REFERENCES`].
    pub(crate) flags: u8,
    /// Offset of the `<`.
    pub(crate) start: u32,
    /// Offset just past the `>`.
    pub(crate) end: u32,
    /// With [`Tag::TEXT`]: the element's character data is `end..text_end`.
    pub(crate) text_end: u32,
}

impl Tag {
    /// The name of the element as written (with its prefix, if any), read
    /// from its start tag in `bytes`.
    pub(crate) fn qname<'b>(&self, bytes: &'b [u8]) -> &'b [u8] {
        if self.name_len > 0 {
            let from = self.start as usize + 1;
            return bytes
                .get(from..from + usize::from(self.name_len))
                .unwrap_or_default();
        }
        let tag = bytes
            .get(self.start as usize + 1..self.end as usize)
            .unwrap_or_default();
        let len = tag
            .iter()
            .position(|&b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'/' | b'>'))
            .unwrap_or(tag.len());
        tag.get(..len).unwrap_or_default()
    }

    /// The local name of the element, read from its start tag in `bytes`.
    pub(crate) fn local_name<'b>(&self, bytes: &'b [u8]) -> &'b [u8] {
        let qname = self.qname(bytes);
        memchr::memchr(b':', qname).map_or(qname, |i| qname.get(i + 1..).unwrap_or_default())
    }

    /// The element's character data was recorded (`end..text_end`).
    pub(crate) const TEXT: u8 = 1;
    /// That character data holds an entity or character reference.
    pub(crate) const REFERENCES: u8 = 2;
    /// The element's name has a prefix (only the full validator records
    /// such names).
    pub(crate) const PREFIXED: u8 = 4;
    /// The character data holds markup: CDATA sections, comments or
    /// processing instructions (only the full validator records such
    /// values).
    pub(crate) const MARKUP: u8 = 8;

    /// The element's local name: its name as written, without a prefix.
    /// Inlined: the typed-model builder asks it at every element.
    #[inline]
    pub(crate) fn name<'b>(&self, bytes: &'b [u8]) -> &'b [u8] {
        local_name_of(self, bytes)
    }
}

impl Tags {
    /// An empty record with room for about `elements` start tags.
    pub(crate) fn with_capacity(elements: usize) -> Self {
        Self {
            tags: Vec::with_capacity(elements),
            overflow: false,
        }
    }

    /// Records the start tag `start..end` of an element at `depth`; returns
    /// its index.
    pub(crate) fn push(&mut self, depth: usize, start: usize, end: usize) -> usize {
        self.push_named(depth, start, end, 0)
    }

    /// [`Tags::push`], with the length of the element's name (0: not
    /// given, found from the tag when asked for). Inlined: the schema's fast
    /// path calls it for every element.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn push_named(
        &mut self,
        depth: usize,
        start: usize,
        end: usize,
        name: usize,
    ) -> usize {
        match (
            u16::try_from(depth),
            u32::try_from(start),
            u32::try_from(end),
        ) {
            (Ok(depth), Ok(start), Ok(end)) => self.tags.push(Tag {
                depth,
                name_len: u8::try_from(name).unwrap_or(0),
                flags: 0,
                start,
                end,
                text_end: end,
            }),
            _ => self.overflow = true,
        }
        self.tags.len().wrapping_sub(1)
    }

    /// Records the start tag `start..end` of an element at `depth` whose
    /// name is `name` bytes long and whose character data, without
    /// references, ends at `text_end`: [`Tags::push_named`] and
    /// [`Tags::set_text`] in one step. Inlined: the schema's fast path
    /// calls it for every leaf element.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn push_leaf(
        &mut self,
        depth: usize,
        start: usize,
        end: usize,
        name: usize,
        text_end: usize,
    ) {
        match (
            u16::try_from(depth),
            u32::try_from(start),
            u32::try_from(end),
            u32::try_from(text_end),
        ) {
            (Ok(depth), Ok(start), Ok(end), Ok(text_end)) => self.tags.push(Tag {
                depth,
                name_len: u8::try_from(name).unwrap_or(0),
                flags: Tag::TEXT,
                start,
                end,
                text_end,
            }),
            _ => self.overflow = true,
        }
    }

    /// Records that the element of tag `index` has the character data
    /// ending at `text_end`, holding references when `references`.
    #[inline]
    pub(crate) fn set_text(&mut self, index: usize, text_end: usize, references: bool) {
        match (self.tags.get_mut(index), u32::try_from(text_end)) {
            (Some(tag), Ok(text_end)) => {
                tag.text_end = text_end;
                tag.flags |= Tag::TEXT | if references { Tag::REFERENCES } else { 0 };
            }
            _ => self.overflow = true,
        }
    }

    /// Adds `flag` ([`Tag::PREFIXED`], [`Tag::MARKUP`]) to tag `index`.
    pub(crate) fn mark(&mut self, index: usize, flag: u8) {
        match self.tags.get_mut(index) {
            Some(tag) => tag.flags |= flag,
            None => self.overflow = true,
        }
    }

    /// Forgets every tag, keeping the memory.
    pub(crate) fn clear(&mut self) {
        self.tags.clear();
        self.overflow = false;
    }

    /// Whether the record is complete (no offset overflowed).
    pub(crate) fn is_complete(&self) -> bool {
        !self.overflow
    }

    /// The tag at `index`.
    #[inline]
    pub(crate) fn get(&self, index: usize) -> Option<&Tag> {
        self.tags.get(index)
    }

    /// The tags from index `from` on.
    pub(crate) fn after(&self, from: usize) -> &[Tag] {
        self.tags.get(from..).unwrap_or_default()
    }

    /// How many tags are recorded.
    pub(crate) fn len(&self) -> usize {
        self.tags.len()
    }

    /// Moves every recorded offset `by` bytes on (a byte order mark the
    /// reader did not see).
    pub(crate) fn shift(&mut self, by: usize) {
        let Ok(by) = u32::try_from(by) else {
            self.overflow = true;
            return;
        };
        for tag in &mut self.tags {
            match (
                tag.start.checked_add(by),
                tag.end.checked_add(by),
                tag.text_end.checked_add(by),
            ) {
                (Some(start), Some(end), Some(text_end)) => {
                    (tag.start, tag.end, tag.text_end) = (start, end, text_end);
                }
                _ => self.overflow = true,
            }
        }
    }

    /// [`raw_text`] of the element at `path`, found in the record; `None`
    /// when the record is incomplete or has no such element.
    pub(crate) fn raw_text(&self, bytes: &[u8], path: &str) -> Option<String> {
        let (Some(at), true) = self.find(bytes, path) else {
            return None;
        };
        let tag = self.tags.get(at)?;
        recorded_text(bytes, tag).or_else(|| raw_text_at(bytes, tag.start as usize))
    }

    /// The start tag of the element at each of `paths`, or of its deepest
    /// ancestor on the path, as [`locate_paths`] gives them (`None` when
    /// the record is incomplete or holds not even a path's first step).
    pub(crate) fn locate_all<'p>(
        &self,
        bytes: &[u8],
        paths: impl IntoIterator<Item = &'p str>,
    ) -> Vec<Option<Range<usize>>> {
        let mut finder = self.finder();
        paths
            .into_iter()
            .map(|path| finder.span(bytes, path))
            .collect()
    }

    /// The index of the element at `path` (`/a/b[2]/c`: a step without an
    /// index means `[1]`, and an attribute step names its element) or of
    /// its deepest ancestor on the path, with true when it is the element
    /// itself; `(None, false)` when the record is incomplete or holds not
    /// even the first step. Found by descending the record from the root,
    /// each step among the children of the element of the step before,
    /// whose descendants are passed over by their depth alone.
    fn find(&self, bytes: &[u8], path: &str) -> (Option<usize>, bool) {
        self.finder().find(bytes, path)
    }

    /// A [`Finder`] of paths in this record.
    pub(crate) fn finder(&self) -> Finder<'_> {
        Finder {
            tags: self,
            top: [0; TOP],
            known: 0,
            next: 1,
            ended: false,
        }
    }

    /// Every start tag as (depth, local name, span), or `None` when the
    /// record is incomplete.
    fn opens<'b>(
        &'b self,
        bytes: &'b [u8],
    ) -> Option<impl Iterator<Item = (usize, &'b [u8], Range<usize>)> + 'b> {
        if self.overflow {
            return None;
        }
        Some(self.tags.iter().map(move |t| {
            let span = t.start as usize..t.end as usize;
            (usize::from(t.depth), local_name_of(t, bytes), span)
        }))
    }
}

/// The most children of the root a [`Finder`] remembers.
const TOP: usize = 32;

/// Finds elements by path in a record of start tags ([`Tags::find`]),
/// remembering the root's children as it passes them: the root's subtree
/// is the whole document, so that the paths of several findings pass over
/// the document's elements once, not once each.
pub(crate) struct Finder<'t> {
    tags: &'t Tags,
    /// The indices of the root's children passed so far (the first
    /// `known`), in document order.
    top: [usize; TOP],
    known: usize,
    /// Where the search for the root's next child goes on.
    next: usize,
    /// Every child of the root is known.
    ended: bool,
}

impl Finder<'_> {
    /// [`Tags::find`]: the index of the element at `path`, or of its
    /// deepest ancestor on the path, with true when it is the element
    /// itself.
    pub(crate) fn find(&mut self, bytes: &[u8], path: &str) -> (Option<usize>, bool) {
        if self.tags.overflow {
            return (None, false);
        }
        let tags = self.tags.tags.as_slice();
        // The element of the last step found, the depth of the next step,
        // and where its first candidate is.
        let (mut found, mut depth, mut first) = (None, 0usize, 0usize);
        let path = path.as_bytes();
        // The steps between the slashes, as `split` gives them.
        let mut from = 0;
        while from <= path.len() {
            let end = next_slash(path, from);
            let step = path.get(from..end).unwrap_or_default();
            from = end + 1;
            if step.is_empty() {
                continue;
            }
            if step.first() == Some(&b'@') {
                return (found, found.is_some());
            }
            let (name, index) = step_parts(step);
            let at = match (depth, first) {
                // The first step names the root, the first tag: told from
                // it alone (as the first tag at its depth, it is the
                // `[1]` [`scan_step`] would find).
                (0, _)
                    if index == 1
                        && tags
                            .first()
                            .is_some_and(|t| t.depth == 0 && has_local_name(t, bytes, name)) =>
                {
                    Some(0)
                }
                // A child of the root, when the root is the first tag:
                // from the children passed before.
                (1, 1) => self.top_child(bytes, name, index),
                _ => scan_step(tags, bytes, name, index, depth, first),
            };
            let Some(i) = at else {
                return (found, false);
            };
            (found, depth, first) = (Some(i), depth + 1, i + 1);
        }
        (found, found.is_some())
    }

    /// The span of the start tag [`Finder::find`] finds for `path`.
    pub(crate) fn span(&mut self, bytes: &[u8], path: &str) -> Option<Range<usize>> {
        let tag = self.tags.tags.get(self.find(bytes, path).0?)?;
        Some(tag.start as usize..tag.end as usize)
    }

    /// The `index`th child named `name` of the root (the first tag), as
    /// [`scan_step`] finds it, from the children already passed and then
    /// from where the last search stopped.
    #[inline(never)]
    fn top_child(&mut self, bytes: &[u8], name: &[u8], index: u32) -> Option<usize> {
        let tags = self.tags.tags.as_slice();
        let mut seen = 0u32;
        let known = self.top.get(..self.known).unwrap_or_default();
        for &c in known {
            if tags.get(c).is_some_and(|t| has_local_name(t, bytes, name)) {
                seen += 1;
                if seen == index {
                    return Some(c);
                }
            }
        }
        while !self.ended {
            // More children than are remembered: searched for as any
            // other step.
            if self.known >= TOP {
                return scan_step(tags, bytes, name, index, 1, 1);
            }
            let c = self.advance()?;
            if tags.get(c).is_some_and(|t| has_local_name(t, bytes, name)) {
                seen += 1;
                if seen == index {
                    return Some(c);
                }
            }
        }
        None
    }

    /// The root's next child, remembered; `None` when the root has no more.
    fn advance(&mut self) -> Option<usize> {
        let tags = self.tags.tags.as_slice();
        let mut next = self.next;
        // The descendants of the child before, passed over four at a time
        // while none of the four is at the root's level or above.
        let rest = tags.get(next..).unwrap_or_default();
        next += 4 * rest
            .chunks_exact(4)
            .take_while(|four| four.iter().map(|t| t.depth).min() > Some(1))
            .count();
        while let Some(t) = tags.get(next) {
            next += 1;
            match t.depth {
                // The root has closed.
                0 => break,
                1 => {
                    self.next = next;
                    if let Some(slot) = self.top.get_mut(self.known) {
                        *slot = next - 1;
                        self.known += 1;
                    }
                    return Some(next - 1);
                }
                _ => {}
            }
        }
        self.next = next;
        self.ended = true;
        None
    }
}

/// The index of the first `/` of `path` from `from` on (`path.len()` when
/// there is none), looked for eight bytes at a time.
fn next_slash(path: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(word) = path.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        let x = u64::from_le_bytes(word) ^ (ONES * u64::from(b'/'));
        // The lowest byte flagged is the first zero byte of `x` (a borrow
        // can flag only bytes above a zero byte).
        let zero = x.wrapping_sub(ONES) & !x & HIGH;
        if zero != 0 {
            return i + (zero.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    path.get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'/'))
        .map_or(path.len(), |at| i + at)
}

/// The `index`th element named `name` at `depth` among `tags[first..]`,
/// up to the first tag above `depth` (where the element of the step before
/// closes).
#[allow(clippy::inline_always)]
#[inline(always)]
fn scan_step(
    tags: &[Tag],
    bytes: &[u8],
    name: &[u8],
    index: u32,
    depth: usize,
    first: usize,
) -> Option<usize> {
    // No element is deeper than a depth the record can hold.
    let depth = u16::try_from(depth).ok()?;
    let mut seen = 0u32;
    for (c, t) in tags.get(first..)?.iter().enumerate() {
        // The element of the step before has closed.
        if t.depth < depth {
            break;
        }
        if t.depth == depth && has_local_name(t, bytes, name) {
            seen += 1;
            if seen == index {
                return Some(first + c);
            }
        }
    }
    None
}

/// The value recorded for the element of `tag`, when it reads the same as
/// [`raw_text`] without decoding: no reference and no line end to
/// normalise.
fn recorded_text(bytes: &[u8], tag: &Tag) -> Option<String> {
    if tag.flags & (Tag::TEXT | Tag::MARKUP) != Tag::TEXT {
        return None;
    }
    let raw = bytes.get(tag.end as usize..tag.text_end as usize)?;
    // `&`, a carriage return, and the lead bytes of NEL (U+0085) and
    // LINE SEPARATOR (U+2028), which the reader's line-end handling
    // turns into line feeds.
    let plain =
        memchr::memchr3(b'&', b'\r', 0xC2, raw).is_none() && memchr::memchr(0xE2, raw).is_none();
    plain
        .then(|| String::from_utf8(raw.to_vec()).ok())
        .flatten()
}

/// The name and 1-based index of a path step (`name` or `name[n]`); an
/// index that is not a number is 0, which no element has.
fn step_parts(step: &[u8]) -> (&[u8], u32) {
    if let [head @ .., b']'] = step
        && let Some(open) = head.iter().position(|&b| b == b'[')
    {
        let (name, n) = (head.get(..open), head.get(open + 1..));
        let index = n
            .and_then(|n| std::str::from_utf8(n).ok())
            .and_then(|n| n.parse().ok());
        return (name.unwrap_or_default(), index.unwrap_or(0));
    }
    (step, 1)
}

/// The local name of the element of `tag`: the recorded name when it has
/// no prefix, without reading the start tag again.
#[inline]
fn local_name_of<'b>(tag: &Tag, bytes: &'b [u8]) -> &'b [u8] {
    if tag.name_len > 0 && tag.flags & Tag::PREFIXED == 0 {
        let from = tag.start as usize + 1;
        bytes
            .get(from..from + usize::from(tag.name_len))
            .unwrap_or_default()
    } else {
        tag.local_name(bytes)
    }
}

/// Whether the element of `tag` has the local name `name` (the lengths
/// compared first, when the name's length is recorded).
#[allow(clippy::inline_always)]
#[inline(always)]
fn has_local_name(tag: &Tag, bytes: &[u8], name: &[u8]) -> bool {
    let len = usize::from(tag.name_len);
    if len > 0 && tag.flags & Tag::PREFIXED == 0 {
        let from = tag.start as usize + 1;
        len == name.len()
            && bytes
                .get(from..from + len)
                .is_some_and(|n| same_bytes(n, name))
    } else {
        tag.local_name(bytes) == name
    }
}

/// Whether `a` and `b` are the same bytes: a name of up to 16 bytes is
/// compared in at most two overlapping words each way, without a call.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    fn word<const N: usize>(s: &[u8], at: usize) -> Option<[u8; N]> {
        s.get(at..at + N).and_then(|w| <[u8; N]>::try_from(w).ok())
    }
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0..=3 => a.first() == b.first() && a.get(n / 2) == b.get(n / 2) && a.last() == b.last(),
        4..=8 => word::<4>(a, 0) == word::<4>(b, 0) && word::<4>(a, n - 4) == word::<4>(b, n - 4),
        9..=16 => word::<8>(a, 0) == word::<8>(b, 0) && word::<8>(a, n - 8) == word::<8>(b, n - 8),
        _ => a == b,
    }
}

/// The length of the longest common prefix of `a` and `b`, compared eight
/// bytes at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let word = |s: &[u8], i: usize| s.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok());
    let mut i = 0;
    while let (Some(x), Some(y)) = (word(a, i), word(b, i))
        && x == y
    {
        i += 8;
    }
    let (a, b) = (
        a.get(i..).unwrap_or_default(),
        b.get(i..).unwrap_or_default(),
    );
    i + a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Up to this many paths, [`locate_paths`] finds each in the record of
/// start tags by itself ([`Tags::locate_all`]); more are found together
/// through a tree of their steps, so that the work stays bounded however
/// many findings share the elements on their paths.
pub(crate) const FEW_PATHS: usize = 16;

/// The spans [`crate::parse::locate_path`] gives for each of `paths`, found
/// together: from the record of start tags when there is one, else in one
/// walk over the document that stops as soon as every path is settled.
pub(crate) fn locate_paths(
    bytes: &[u8],
    tags: Option<&Tags>,
    paths: &[&str],
) -> Vec<Option<Range<usize>>> {
    // A few paths: found in the record with no tree to build.
    if paths.len() <= FEW_PATHS
        && let Some(tags) = tags.filter(|t| t.is_complete())
    {
        return tags.locate_all(bytes, paths.iter().copied());
    }
    let mut wanted = Wanted::new(paths);
    if wanted.live > 0 {
        match tags.and_then(|t| t.opens(bytes)) {
            Some(opens) => {
                for (depth, name, span) in opens {
                    if !wanted.open(depth, name, span) {
                        break;
                    }
                }
            }
            None => walk_opens(bytes, |depth, name, span| wanted.open(depth, name, span)),
        }
    }
    wanted.results()
}

/// Calls `visit` with (depth, local name, start-tag span) for every start tag
/// of `bytes`, in order, until it returns false or the document cannot be
/// read further.
fn walk_opens(bytes: &[u8], mut visit: impl FnMut(usize, &[u8], Range<usize>) -> bool) {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    let mut depth = 0usize;
    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let (element, empty) = match reader.read_event() {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(_)) => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Ok(Event::Eof) | Err(_) => return,
            Ok(_) => continue,
        };
        let end = usize::try_from(reader.buffer_position()).unwrap_or(start);
        if !visit(depth, element.local_name().as_ref(), start..end) {
            return;
        }
        if !empty {
            depth += 1;
        }
    }
}

/// No node (a frame outside the wanted paths, a path without steps, the
/// end of a list).
const NONE: u32 = u32::MAX;

/// The steps of several element paths merged into one tree, matched against
/// the start tags of a document as they come.
///
/// Each path is read once; a path that shares its leading steps with the one
/// before it (as the paths of a document's findings mostly do) reuses them
/// without reading them again. The children of a node are kept in groups by
/// name, each with its wanted indices in order, so that a start tag costs one
/// comparison of its name with each wanted name under its parent and no
/// search for its index: same-named siblings come in index order.
struct Wanted<'p> {
    /// Node 0 is the document; the others are steps.
    nodes: Vec<Node>,
    /// The groups of every node (each node's in a list through `next`).
    groups: Vec<Group<'p>>,
    /// The members of every group.
    members: Vec<Member>,
    /// The last node of each path ([`NONE`] for a path without steps).
    leaves: Vec<u32>,
    /// The open wanted elements that still have children to find, each
    /// with its level (its depth + 1; the document, level 0, first).
    stack: Vec<(usize, u32)>,
    /// Open wanted elements (the document too) with children to find: when
    /// none is left, nothing more can be found.
    live: usize,
}

struct Node {
    /// The node of the step before ([`NONE`] for the document).
    parent: u32,
    /// The first group of its children ([`NONE`] when it has none).
    groups: u32,
    /// Children not found yet.
    unfound: u32,
    span: Option<Range<usize>>,
}

/// The wanted children of one node with one name.
struct Group<'p> {
    name: &'p [u8],
    /// The next group of the same node.
    next: u32,
    /// Children of this name seen so far in the node's element.
    seen: u32,
    /// The first member (a list through `Member::next`, by index).
    head: u32,
    /// The first member not yet passed in the document.
    cursor: u32,
    /// The member last added or found (where the search for the next one
    /// starts when its index is higher: paths mostly come in index order).
    finger: u32,
}

/// A wanted child: its 1-based index among same-named siblings.
struct Member {
    index: u32,
    node: u32,
    next: u32,
}

impl<'p> Wanted<'p> {
    fn new(paths: &[&'p str]) -> Self {
        let mut wanted = Self {
            nodes: Vec::with_capacity(2 * paths.len() + 1),
            groups: Vec::with_capacity(paths.len() + 4),
            members: Vec::with_capacity(2 * paths.len()),
            leaves: Vec::with_capacity(paths.len()),
            stack: Vec::with_capacity(16),
            live: 0,
        };
        wanted.nodes.push(Node {
            parent: NONE,
            groups: NONE,
            unfound: 0,
            span: None,
        });
        // The path before, its steps (where each ends in the text, and its
        // node) and where an attribute step ended it.
        let mut previous = "";
        let mut steps: Vec<(usize, u32)> = Vec::with_capacity(16);
        let mut attribute_at = None;
        for &path in paths {
            let common = common_prefix(previous.as_bytes(), path.as_bytes());
            let same = common == path.len() && common == previous.len();
            previous = path;
            // The same path, or one ended by the same attribute step as the
            // path before: the same steps.
            if same || attribute_at.is_some_and(|at| at < common) {
                wanted
                    .leaves
                    .push(steps.last().map_or(NONE, |&(_, node)| node));
                continue;
            }
            // The steps both paths spell the same, each followed by `/`.
            let kept = steps.iter().take_while(|&&(end, _)| end < common).count();
            steps.truncate(kept);
            attribute_at = None;
            let (mut parent, mut from) = steps.last().map_or((0, 0), |&(end, node)| (node, end));
            let bytes = path.as_bytes();
            while from <= bytes.len() {
                // Steps are short: a plain loop beats a vector search.
                let rest = bytes.get(from..).unwrap_or_default();
                let end = rest
                    .iter()
                    .position(|&b| b == b'/')
                    .map_or(bytes.len(), |i| from + i);
                let step = path.get(from..end).unwrap_or_default();
                if step.starts_with('@') {
                    attribute_at = Some(from);
                    break;
                }
                if !step.is_empty() {
                    parent = wanted.child(parent, step);
                    steps.push((end, parent));
                }
                from = end + 1;
            }
            wanted
                .leaves
                .push(steps.last().map_or(NONE, |&(_, node)| node));
        }
        for group in &mut wanted.groups {
            group.cursor = group.head;
        }
        wanted.stack.push((0, 0));
        wanted.live = usize::from(wanted.nodes[0].unfound > 0);
        wanted
    }

    /// The node for `step` (`name` or `name[n]`) under `parent`, added when
    /// it is new.
    fn child(&mut self, parent: u32, step: &'p str) -> u32 {
        let (name, index) = step_parts(step.as_bytes());
        let p = parent as usize;
        let mut g = self.nodes[p].groups;
        while g != NONE && self.groups[g as usize].name != name {
            g = self.groups[g as usize].next;
        }
        if g == NONE {
            g = u32::try_from(self.groups.len()).unwrap_or(NONE);
            self.groups.push(Group {
                name,
                next: self.nodes[p].groups,
                seen: 0,
                head: NONE,
                cursor: NONE,
                finger: NONE,
            });
            self.nodes[p].groups = g;
        }
        let group = &mut self.groups[g as usize];
        let members = &mut self.members;
        // The members before `index` are passed, from the finger when it
        // is not past `index`, else from the head.
        let (mut before, mut at) = match members.get(group.finger as usize) {
            Some(m) if m.index <= index => (group.finger, group.finger),
            _ => (NONE, group.head),
        };
        while let Some(m) = members.get(at as usize)
            && m.index < index
        {
            (before, at) = (at, m.next);
        }
        if let Some(m) = members.get(at as usize)
            && m.index == index
        {
            group.finger = at;
            return m.node;
        }
        let node = u32::try_from(self.nodes.len()).unwrap_or(NONE);
        let member = u32::try_from(members.len()).unwrap_or(NONE);
        members.push(Member {
            index,
            node,
            next: at,
        });
        match members.get_mut(before as usize) {
            Some(m) => m.next = member,
            None => group.head = member,
        }
        group.finger = member;
        self.nodes.push(Node {
            parent,
            groups: NONE,
            unfound: 0,
            span: None,
        });
        self.nodes[p].unfound += 1;
        node
    }

    /// A start tag at `depth`; false when nothing more can be found.
    fn open(&mut self, depth: usize, name: &[u8], span: Range<usize>) -> bool {
        let level = depth + 1;
        // The wanted elements at this depth or deeper have closed.
        while let Some(&(at, node)) = self.stack.last()
            && at >= level
        {
            self.stack.pop();
            if self.nodes[node as usize].unfound > 0 {
                self.live -= 1;
            }
        }
        // Only the child of the innermost open wanted element can be wanted.
        let parent = match self.stack.last() {
            Some(&(at, node)) if at + 1 == level => node,
            _ => return self.live > 0,
        };
        let matched = self.matched(parent, name);
        if matched != NONE {
            let (p, c) = (parent as usize, matched as usize);
            self.nodes[c].span = Some(span);
            self.nodes[p].unfound -= 1;
            if self.nodes[p].unfound == 0 {
                self.live -= 1;
            }
            if self.nodes[c].unfound > 0 {
                self.live += 1;
                self.stack.push((level, matched));
            }
        }
        self.live > 0
    }

    /// The wanted node a child `name` of the open element of `parent` is,
    /// counted among its same-named siblings; [`NONE`] when it is none.
    fn matched(&mut self, parent: u32, name: &[u8]) -> u32 {
        let Some(node) = self.nodes.get(parent as usize) else {
            return NONE;
        };
        if node.unfound == 0 {
            return NONE;
        }
        let mut g = node.groups;
        while let Some(group) = self.groups.get_mut(g as usize) {
            if group.name == name {
                group.seen += 1;
                while let Some(m) = self.members.get(group.cursor as usize)
                    && m.index < group.seen
                {
                    group.cursor = m.next;
                }
                return match self.members.get(group.cursor as usize) {
                    Some(m) if m.index == group.seen => {
                        group.cursor = m.next;
                        m.node
                    }
                    _ => NONE,
                };
            }
            g = group.next;
        }
        NONE
    }

    /// The span found for `node`, or for its nearest ancestor found.
    fn span_of(&self, mut node: u32) -> Option<Range<usize>> {
        while let Some(n) = self.nodes.get(node as usize) {
            if n.span.is_some() {
                return n.span.clone();
            }
            node = n.parent;
        }
        None
    }

    /// For each path, the span of its deepest step found.
    fn results(&self) -> Vec<Option<Range<usize>>> {
        self.leaves.iter().map(|&leaf| self.span_of(leaf)).collect()
    }
}

/// The text of the element whose start tag starts at `at` (a span recorded
/// in [`Tags`]), as [`raw_text`] reads it.
fn raw_text_at(bytes: &[u8], at: usize) -> Option<String> {
    let mut reader = Reader::from_reader(bytes.get(at..)?);
    reader.config_mut().check_end_names = false;
    match reader.read_event() {
        Ok(Event::Start(_)) => element_content(&mut reader),
        Ok(Event::Empty(_)) => Some(String::new()),
        _ => None,
    }
}

/// The text of the first element at `path` (`/Faktura/Fa/P_2`, without
/// indices) exactly as a parser reports it: entity and character references
/// resolved, line ends normalised, nothing trimmed. The typed model trims
/// simple values, so whitespace around them is only visible here. `None`
/// when there is no such element or the document cannot be read that far.
pub(crate) fn raw_text(bytes: &[u8], path: &str) -> Option<String> {
    let want: Vec<&[u8]> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::as_bytes)
        .collect();
    if want.is_empty() || want.iter().any(|s| s.contains(&b'[')) {
        return None;
    }
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    // `matched` leading steps of `want` are the open elements `0..matched`.
    let (mut depth, mut matched) = (0usize, 0usize);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                if depth == matched && want.get(depth) == Some(&e.local_name().as_ref()) {
                    matched += 1;
                    if matched == want.len() {
                        return element_content(&mut reader);
                    }
                }
                depth += 1;
            }
            Ok(Event::Empty(e)) => {
                if depth == matched
                    && depth + 1 == want.len()
                    && want.get(depth) == Some(&e.local_name().as_ref())
                {
                    return Some(String::new());
                }
            }
            Ok(Event::End(_)) => {
                if depth == matched {
                    matched = matched.saturating_sub(1);
                }
                depth = depth.saturating_sub(1);
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// The character data directly inside the element just opened.
fn element_content(reader: &mut Reader<&[u8]>) -> Option<String> {
    let mut text = String::new();
    let mut depth = 0usize;
    loop {
        match reader.read_event() {
            Ok(Event::Text(t)) if depth == 0 => text.push_str(&t.xml_content().ok()?),
            Ok(Event::CData(c)) if depth == 0 => text.push_str(&c.decode().ok()?),
            Ok(Event::GeneralRef(r)) if depth == 0 => match r.resolve_char_ref().ok()? {
                Some(c) => text.push(c),
                None => text.push_str(quick_xml::escape::resolve_predefined_entity(
                    &r.decode().ok()?,
                )?),
            },
            Ok(Event::Start(_)) => depth += 1,
            Ok(Event::End(_)) if depth == 0 => return Some(text),
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// The path (without indices) of the innermost element whose markup,
/// from its start tag to its end tag, contains or ends at `offset`.
pub(crate) fn path_at(bytes: &[u8], offset: usize) -> Option<String> {
    let mut reader = Reader::from_reader(bytes);
    reader.config_mut().check_end_names = false;
    let mut stack: Vec<(Vec<u8>, usize)> = Vec::new();
    let path = |stack: &[(Vec<u8>, usize)], last: &[u8]| {
        let mut p = String::new();
        for name in stack.iter().map(|(n, _)| n.as_slice()).chain([last]) {
            p.push('/');
            p.push_str(&String::from_utf8_lossy(name));
        }
        p
    };
    loop {
        let start = usize::try_from(reader.buffer_position()).ok()?;
        let event = reader.read_event();
        let end = usize::try_from(reader.buffer_position()).ok()?;
        match event {
            Ok(Event::Start(e)) => stack.push((e.local_name().as_ref().to_vec(), start)),
            Ok(Event::Empty(e)) if start < offset && offset <= end => {
                return Some(path(&stack, e.local_name().as_ref()));
            }
            Ok(Event::End(_)) => {
                let (name, open) = stack.pop()?;
                // Children close first, so the first match is the innermost.
                if open < offset && offset <= end {
                    return Some(path(&stack, &name));
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}

/// The span of the root start tag, for document-level findings.
pub(crate) fn root_span(bytes: &[u8]) -> Range<usize> {
    let mut reader = Reader::from_reader(bytes);
    loop {
        let start = usize::try_from(reader.buffer_position()).unwrap_or(0);
        match reader.read_event() {
            Ok(Event::Start(_) | Event::Empty(_)) => {
                let end = usize::try_from(reader.buffer_position()).unwrap_or(start);
                return start..end;
            }
            Ok(Event::Eof) | Err(_) => return 0..0,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// A leaf recorded in one step is recorded as in two; a depth that
    /// does not fit leaves either record incomplete.
    #[test]
    fn push_leaf_is_push_named_and_set_text() {
        let (mut one, mut two) = (Tags::default(), Tags::default());
        for (depth, start, name, text) in [(0, 0, 1, 0), (3, 10, 4, 7), (1, 5, 300, 2)] {
            let end = start + name + 2;
            one.push_leaf(depth, start, end, name, end + text);
            let tag = two.push_named(depth, start, end, name);
            two.set_text(tag, end + text, false);
        }
        assert_eq!(one, two);
        assert!(one.is_complete());
        one.push_leaf(70_000, 0, 3, 1, 4);
        let tag = two.push_named(70_000, 0, 3, 1);
        two.set_text(tag, 4, false);
        assert!(!one.is_complete() && !two.is_complete());
    }

    #[test]
    fn raw_text_keeps_whitespace_and_resolves_references() {
        let xml = "<a><b><c>x</c></b><c> 1 &amp;&#x9;<![CDATA[<2>]]>\r\n</c><d/></a>";
        let raw = |p| raw_text(xml.as_bytes(), p);
        assert_eq!(raw("/a/c").as_deref(), Some(" 1 &\t<2>\n"));
        assert_eq!(raw("/a/b/c").as_deref(), Some("x"));
        assert_eq!(raw("/a/d").as_deref(), Some(""));
        assert_eq!(raw("/a/e"), None);
        assert_eq!(raw("/a/c[2]"), None);
        assert_eq!(raw(""), None);
        assert_eq!(raw_text(b"<a><c>unclosed", "/a/c"), None);
    }

    #[test]
    fn line_col_handles_all_line_ends() {
        let text = b"a\nb\r\ncc\rd\xc5\x82e";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(2), (2, 1));
        assert_eq!(idx.line_col(5), (3, 1));
        assert_eq!(idx.line_col(6), (3, 2));
        assert_eq!(idx.line_col(8), (4, 1));
        // after the two-byte 'ł' the column counts one character
        assert_eq!(idx.line_col(11), (4, 3));
        assert_eq!(idx.line_text(3), b"cc");
    }

    /// The naive column: characters from the line's start.
    fn naive(text: &[u8], offset: usize) -> (u32, u32) {
        let before = &text[..offset];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n' || b == b'\r')
            .map_or(0, |i| i + 1);
        let line = 1 + before
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && text.get(i + 1) != Some(&b'\n')))
            .count();
        let column = characters(&text[line_start..offset]) + 1;
        (u32::try_from(line).unwrap(), u32::try_from(column).unwrap())
    }

    #[test]
    fn columns_on_long_lines_match_a_plain_count() {
        let mut text = Vec::new();
        for i in 0..3000 {
            text.extend_from_slice(if i % 7 == 0 { "ł".as_bytes() } else { b"a" });
            if i % 1000 == 999 {
                text.extend_from_slice(b"\r\n");
            }
        }
        let idx = LineIndex::new(&text);
        // Every offset, in reverse order (no help from query order).
        for offset in (0..=text.len()).rev() {
            // Inside a character or between the two bytes of a CRLF there is
            // no position to report.
            let inside_crlf =
                offset > 0 && text[offset - 1] == b'\r' && text.get(offset) == Some(&b'\n');
            if inside_crlf || (offset < text.len() && (text[offset] & 0xC0) == 0x80) {
                continue;
            }
            assert_eq!(
                idx.line_col(offset),
                naive(&text, offset),
                "offset {offset}"
            );
        }
    }

    /// A text of `pieces` pieces with every kind of line end, two-byte
    /// characters, and a few longer lines.
    fn mixed_text(pieces: usize) -> Vec<u8> {
        let mut text = Vec::new();
        for i in 0..pieces {
            text.extend_from_slice(match i % 11 {
                0 => "ł".as_bytes(),
                3 => b"\r\n",
                5 if i % 3 == 0 => b"\r",
                7 => b"\n",
                _ => b"a",
            });
            if i % 997 == 0 {
                text.extend(std::iter::repeat_n(b'x', 300));
            }
        }
        text
    }

    /// The masked count of a block's first bytes agrees with a count byte
    /// by byte for every length, up to a whole block and past it.
    #[test]
    fn block_line_ends_before_counts_exactly_the_first_bytes() {
        let text = mixed_text(300);
        for at in [0, 1, 5, 64, 127] {
            let block: &[u8; LINE_BLOCK] = text[at..at + LINE_BLOCK].try_into().unwrap();
            let after: &[u8; LINE_BLOCK] = text[at + 1..at + 1 + LINE_BLOCK].try_into().unwrap();
            for len in 0..=LINE_BLOCK + 2 {
                let expected = (0..len.min(LINE_BLOCK))
                    .filter(|&i| block[i] == b'\n' || (block[i] == b'\r' && after[i] != b'\n'))
                    .count();
                assert_eq!(
                    block_line_ends_before(block, after, len),
                    expected,
                    "{at} {len}"
                );
            }
        }
    }

    #[test]
    fn line_cols_agree_with_the_index() {
        let text = mixed_text(5000);
        // The same with line feeds alone (counted without looking for
        // carriage returns) but for a few carriage returns far into it.
        let mut feeds: Vec<u8> = text
            .iter()
            .map(|&b| if b == b'\r' { b'\n' } else { b })
            .collect();
        let far = feeds.len() * 3 / 4;
        feeds.splice(far..far, b"\r\rb\r\n".iter().copied());
        for text in [text, feeds] {
            let idx = LineIndex::new(&text);
            let offsets: Vec<usize> = (0..=text.len() + 2).collect();
            let expected: Vec<_> = offsets.iter().map(|&o| idx.line_col(o)).collect();
            assert_eq!(line_cols(&text, &offsets), expected);
            // A few, with repeats.
            let few = [0, 0, 17, 17, 400, 2_000, 2_001, text.len(), text.len() + 9];
            let expected: Vec<_> = few.iter().map(|&o| idx.line_col(o)).collect();
            assert_eq!(line_cols(&text, &few), expected);
        }
        assert_eq!(line_cols(b"", &[0, 3]), vec![(1, 1), (1, 1)]);
    }

    proptest::proptest! {
        /// Lines counted in one pass over offsets in ascending order (the
        /// rest before each offset counted in place, in a padded copy near
        /// the text's end, and the column read back from the offset or
        /// found on a long line) agree with the index, whatever the line
        /// ends, characters and line lengths.
        #[test]
        fn lines_agree_with_the_index(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::strategy::Just(&b"\n"[..]),
                    proptest::strategy::Just(&b"\r\n"[..]),
                    proptest::strategy::Just(&b"\r"[..]),
                    proptest::strategy::Just(&b"\n\r"[..]),
                    proptest::strategy::Just("ł".as_bytes()),
                    proptest::strategy::Just("€".as_bytes()),
                    proptest::strategy::Just(&b"<a>"[..]),
                    proptest::strategy::Just(&b"x"[..]),
                    proptest::strategy::Just(&[b'y'; 70][..]),
                    proptest::strategy::Just(&[b' '; 130][..]),
                ],
                0..120,
            ),
            mut offsets in proptest::collection::vec(0usize..4_000, 0..12),
        ) {
            let text = pieces.concat();
            offsets.sort_unstable();
            offsets.push(text.len());
            let index = LineIndex::new(&text);
            let mut lines = Lines::new(&text);
            for offset in offsets {
                proptest::prop_assert_eq!(lines.at(offset), index.line_col(offset), "{}", offset);
            }
        }

        /// Names compared word by word are equal exactly when the bytes are.
        #[test]
        fn same_bytes_is_byte_equality(
            a in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..24),
            b in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..24),
            flip in 0usize..24,
        ) {
            proptest::prop_assert_eq!(same_bytes(&a, &b), a == b);
            let mut c = a.clone();
            proptest::prop_assert!(same_bytes(&a, &c));
            if let Some(byte) = c.get_mut(flip) {
                *byte ^= 1;
                proptest::prop_assert!(!same_bytes(&a, &c));
            }
        }
    }

    #[test]
    fn slashes_are_found_as_split_finds_them() {
        let paths = [
            "",
            "/",
            "//",
            "/Faktura/Fa/FaWiersz[3]/P_11",
            "a/bcdefghijklmnop/",
            "abcdefghijklmnopq",
            "/ł/żółć/",
            "abcdefg/",
            "abcdefgh/",
            "abcdefghi/",
        ];
        for path in paths {
            let bytes = path.as_bytes();
            let mut steps = Vec::new();
            let mut from = 0;
            while from <= bytes.len() {
                let end = next_slash(bytes, from);
                steps.push(&bytes[from..end]);
                from = end + 1;
            }
            let split: Vec<&[u8]> = bytes.split(|&b| b == b'/').collect();
            assert_eq!(steps, split, "{path}");
        }
    }

    /// Counting resumed from any offset already located (inside a CRLF, a
    /// character, or at a lone CR that ends the text too) gives what
    /// counting from the start gives.
    #[test]
    fn lines_resumed_from_a_located_offset_count_as_from_the_start() {
        let mut text = mixed_text(1500);
        text.push(b'\r');
        let idx = LineIndex::new(&text);
        for from in (0..=text.len()).step_by(7).chain([text.len() - 1]) {
            let mut start = Lines::new(&text);
            let (line, column) = start.at(from);
            let mut resumed = Lines::resume(&text, from, line, column).unwrap();
            for offset in (from..=text.len() + 1).step_by(5).chain([text.len()]) {
                assert_eq!(resumed.at(offset), idx.line_col(offset), "{from} {offset}");
            }
        }
        assert!(Lines::resume(&text, 0, 0, 1).is_none());
        assert!(Lines::resume(&text, 0, 1, u32::MAX).is_none());
        assert!(Lines::resume(&text, text.len() + 1, 1, 1).is_none());
        // A lone CR that ends the text ends a line.
        assert_eq!(line_cols(b"a\r", &[1, 2]), vec![(1, 2), (2, 1)]);
        assert_eq!(line_cols(b"a\r\n", &[2, 3]), vec![(1, 3), (2, 1)]);
    }

    #[test]
    fn locating_many_offsets_on_one_line_reads_each_byte_about_once() {
        // One 1 MB line, 100,000 queries from its end to its start: the work
        // is one pass over the text plus at most one block per query, not
        // queries × line length.
        let text = vec![b'x'; 1_000_000];
        let idx = LineIndex::new(&text);
        let queries = 100_000;
        for q in (0..queries).rev() {
            let (line, column) = idx.line_col(q * 10);
            assert_eq!((line, column as usize), (1, q * 10 + 1));
        }
        let touched = idx.touched.get();
        assert!(
            touched <= text.len() + 2 * BLOCK * queries,
            "{touched} bytes read for {queries} queries on a line of {}",
            text.len()
        );
    }

    /// The map of every element's indexed path to its start tag, built
    /// from the start tags alone (each step counted among same-named
    /// siblings), to compare [`locate_paths`] with.
    fn map_of(bytes: &[u8]) -> SourceMap {
        let mut map = SourceMap::default();
        let mut open: Vec<String> = Vec::new();
        let mut counts: Vec<HashMap<Vec<u8>, usize>> = vec![HashMap::new()];
        walk_opens(bytes, |depth, name, span| {
            open.truncate(depth);
            counts.truncate(depth + 1);
            let n = counts[depth].entry(name.to_vec()).or_insert(0);
            *n += 1;
            let parent = open.last().cloned().unwrap_or_default();
            let path = format!("{parent}/{}[{n}]", String::from_utf8_lossy(name));
            map.insert(path.clone(), span);
            open.push(path);
            counts.push(HashMap::new());
            true
        });
        map
    }

    /// Paths given in any order, repeated, sharing leading steps or not,
    /// with many same-named siblings: each lands where the full map puts it.
    #[test]
    fn paths_in_any_order_land_where_the_map_puts_them() {
        use std::fmt::Write as _;
        let mut xml =
            String::from("<a><b/><c><d/><d><e/></d></c><x:b xmlns:x='u' k='v'><f/></x:b>");
        for i in 0..300 {
            write!(xml, "<r n='{i}'><s/><t/></r>").unwrap();
        }
        xml.push_str("</a>");
        let doc = xml.as_bytes();
        let map = map_of(doc);
        let mut paths: Vec<String> = vec![
            "/a/b[2]/f".into(),
            "/a/c/d[2]/e".into(),
            "/a/c/d[2]/@k".into(),
            "/a/c/d".into(),
            "/a/c/d[3]".into(),
            "/a/c/d[0]".into(),
            "/a/c/d[x]".into(),
            "//a//c/d[2]/".into(),
            "/a/@k".into(),
            "/a".into(),
            "/z/a".into(),
            "/".into(),
            String::new(),
        ];
        for i in (1..=310).step_by(7) {
            paths.push(format!("/a/r[{i}]/t"));
            paths.push(format!("/a/r[{i}]/s"));
            paths.push(format!("/a/r[{i}]"));
        }
        let mut orders = vec![paths.clone()];
        let mut reversed = paths.clone();
        reversed.reverse();
        orders.push(reversed);
        // A fixed shuffle, and every path twice, far apart.
        let mut shuffled = paths.clone();
        let mut seed = 7u64;
        for i in (1..shuffled.len()).rev() {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            shuffled.swap(i, usize::try_from(seed >> 33).unwrap() % (i + 1));
        }
        orders.push([shuffled.clone(), shuffled].concat());
        let sorted = {
            let mut s = paths.clone();
            s.sort();
            s
        };
        orders.push([sorted.clone(), sorted].concat());
        for order in orders {
            let order: Vec<&str> = order.iter().map(String::as_str).collect();
            let expected: Vec<_> = order.iter().map(|p| map.resolve(p)).collect();
            assert_eq!(locate_paths(doc, None, &order), expected, "{order:?}");
        }
        assert_eq!(
            map.resolve("/a/r[300]/t").map(|s| &doc[s]),
            Some(&b"<t/>"[..])
        );
        // From a record of the start tags: one without the names' lengths
        // (as the builder makes one), and one with them and the prefixed
        // name marked (as the validators make one).
        let mut tags = Tags::default();
        let mut named = Tags::default();
        walk_opens(doc, |depth, _, span| {
            tags.push(depth, span.start, span.end);
            let qname = Tag {
                depth: 0,
                name_len: 0,
                flags: 0,
                start: u32::try_from(span.start).unwrap(),
                end: u32::try_from(span.end).unwrap(),
                text_end: 0,
            }
            .qname(doc);
            let at = named.push_named(depth, span.start, span.end, qname.len());
            if qname.contains(&b':') {
                named.mark(at, Tag::PREFIXED);
            }
            true
        });
        for record in [&tags, &named] {
            // One at a time, a few together, and all together.
            for path in &paths {
                assert_eq!(
                    locate_paths(doc, Some(record), &[path.as_str()]),
                    vec![map.resolve(path)],
                    "{path}"
                );
            }
            let all: Vec<&str> = paths.iter().map(String::as_str).collect();
            for few in all.chunks(FEW_PATHS).chain([&all[..]]) {
                let expected: Vec<_> = few.iter().map(|p| map.resolve(p)).collect();
                assert_eq!(locate_paths(doc, Some(record), few), expected);
            }
        }
    }

    /// The raw text of a path without indices, found by the one-path
    /// matcher, is the one the general matcher finds with `[1]` on every
    /// step (the first same-named child, not a later one).
    #[test]
    fn raw_text_from_the_record_takes_the_first_element_of_each_step() {
        let xml = "<a><b>1</b><c><d>2</d><d><e>3</e></d></c><c><e>4</e></c><b>5</b><f>6</f></a>";
        let doc = xml.as_bytes();
        let mut tags = Tags::default();
        walk_opens(doc, |depth, _, span| {
            tags.push(depth, span.start, span.end);
            true
        });
        for path in [
            "/a/b", "/a/c/d", "/a/c/e", "/a/c/d/e", "/a/f", "/a/g", "/a", "/b", "", "/",
        ] {
            let indexed = path
                .split('/')
                .filter(|s| !s.is_empty())
                .fold(String::new(), |indexed, s| indexed + "/" + s + "[1]");
            assert_eq!(
                tags.raw_text(doc, path),
                tags.raw_text(doc, &indexed),
                "{path}"
            );
        }
        assert_eq!(tags.raw_text(doc, "/a/c/d").as_deref(), Some("2"));
        assert_eq!(tags.raw_text(doc, "/a/c/e"), None);
        assert_eq!(tags.raw_text(doc, "/a/f").as_deref(), Some("6"));
    }

    #[test]
    fn source_map_falls_back_to_ancestors() {
        let mut m = SourceMap::default();
        m.insert("/Faktura[1]".into(), 0..9);
        m.insert("/Faktura[1]/Fa[1]".into(), 10..14);
        m.insert("/Faktura[1]/Fa[1]/FaWiersz[2]".into(), 20..30);
        assert_eq!(m.resolve("/Faktura/Fa/FaWiersz[2]/P_11"), Some(20..30));
        assert_eq!(m.resolve("/Faktura/Fa/P_1"), Some(10..14));
        assert_eq!(m.resolve("/Faktura/Fa/@x"), Some(10..14));
        assert_eq!(m.resolve("/Other"), None);
    }
}
