//! The fast path: one lean pass over the bytes that proves a document
//! schema-valid, or gives up.
//!
//! Most documents a user checks are valid, and for a valid document the
//! validator only has to say so. This pass does exactly the checks of the
//! full validator ([`super::validator`]) — the same content-model automata
//! (`advance`), the same value checks (`facets::check`), the same fixed,
//! default and required-attribute rules — but on a deliberately narrow
//! subset of XML, without quick-xml, without element paths and without
//! building a single message. Anything outside that subset, and any
//! violation at all, makes it return `false`, and the caller runs the full
//! validator, which finds and explains every violation.
//!
//! The subset: UTF-8 without illegal characters; an optional XML
//! declaration (version 1.0, encoding UTF-8, standalone); comments; one
//! default namespace declared on the root (other prefixes may be declared
//! but not used); unprefixed elements and attributes; attribute values
//! without references, `<` or whitespace characters other than space;
//! character data with the predefined entities and character references.
//! Not in it (always the full validator): DOCTYPE, CDATA sections,
//! processing instructions, prefixed names (`xsi:*`), namespace
//! declarations below the root, comments inside a simple value.
//!
//! Invariant, tested in `tests/oracle.rs` on the whole corpus and every
//! mutation: when this pass accepts a document, the full validator reports
//! nothing for it.

use std::ops::Range;

use super::SchemaLimits;
use super::facets;
use super::generated::ELEMENTS;
use super::generated::{COMPLEX_TYPES, ROOTS};
use super::tables::{
    ElemId, Kind, Ns, NsId, SimpleId, State, TypeRef, classify, element, kind_for, model_states,
    name_head,
};
use super::xmlchars;
use crate::hygiene::USUAL_DECLARATIONS;
use crate::source::Tags;

/// What an open element may contain: the full validator's [`Kind`], with
/// the content model's current state at hand rather than behind its model.
#[derive(Debug, Clone, Copy)]
enum Content {
    /// Character data of a simple type.
    Simple {
        ty: SimpleId,
        fixed: Option<&'static str>,
        default: Option<&'static str>,
    },
    /// Child elements following a content model.
    Elements(Model),
    /// Nothing at all.
    Empty,
}

impl Content {
    /// The full validator's starting [`Kind`]; `None` for `Kind::Skip`.
    fn of(kind: Kind) -> Option<Content> {
        Some(match kind {
            Kind::Simple { ty, fixed, default } => Content::Simple { ty, fixed, default },
            Kind::Elements {
                model,
                state,
                count,
                ..
            } => {
                let states = model_states(model);
                Content::Elements(Model {
                    states,
                    at: states.get(usize::from(state))?,
                    state,
                    count,
                })
            }
            Kind::Empty => Content::Empty,
            Kind::Skip => return None,
        })
    }
}

/// Where a content model stands in an open element.
#[derive(Debug, Clone, Copy)]
struct Model {
    /// The model's states.
    states: &'static [State],
    /// The current state, `states[state]`.
    at: &'static State,
    state: u16,
    /// Occurrences of the current state's particle so far.
    count: u32,
}

/// An open element.
#[derive(Debug, Clone)]
struct Frame {
    /// Local name, as a range of the document.
    name: Range<usize>,
    kind: Content,
    /// The value of a simple-content element: `None` before any text.
    value: Option<Value>,
    /// Its start tag's index in `Buffers::record`.
    tag: usize,
}

/// Where the value of a simple-content element is.
#[derive(Debug, Clone)]
enum Value {
    /// A range of the document, needing no decoding.
    Direct(Range<usize>),
    /// Decoded into `Buffers::scratch`.
    Scratch,
}

/// Working memory kept between documents.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    frames: Vec<Frame>,
    attrs: Vec<(Range<usize>, Range<usize>)>,
    scratch: String,
    /// When set, the pass records every start tag and value here (offsets
    /// in the document without its byte order mark), for the typed-model
    /// builder and for locating findings.
    pub(crate) record: Option<Tags>,
}

/// Whether the character data at `range` holds a reference (`special`
/// values may only hold a carriage return).
fn raw_has_reference(doc: &[u8], range: &Range<usize>) -> bool {
    doc.get(range.clone())
        .is_some_and(|v| memchr::memchr(b'&', v).is_some())
}

/// Whether `]]>`, which character data must not contain, occurs anywhere:
/// `]` is rare in invoices, so a search for that byte alone is the quick way.
fn has_cdata_end(doc: &[u8]) -> bool {
    memchr::memchr_iter(b']', doc).any(|i| doc.get(i + 1..i + 3) == Some(b"]>"))
}

/// True when the document is schema-valid and the full validator would
/// report nothing; `false` means "not proven", not "invalid".
///
/// `clean`: the caller's byte-level scan (`crate::hygiene`) found nothing
/// in `bytes`, so they are UTF-8 without a character XML forbids, and the
/// pass need not check that again.
pub(crate) fn accepts(
    bytes: &[u8],
    limits: &SchemaLimits,
    buffers: &mut Buffers,
    clean: bool,
) -> bool {
    let doc = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if !clean && (simdutf8::basic::from_utf8(doc).is_err() || xmlchars::any_illegal(doc)) {
        return false;
    }
    if has_cdata_end(doc) {
        return false;
    }
    buffers.frames.clear();
    buffers.attrs.clear();
    buffers.scratch.clear();
    if let Some(record) = &mut buffers.record {
        record.clear();
    }
    let mut pass = Pass {
        b: doc,
        i: 0,
        limits,
        elements: 0,
        default_ns: Ns::Known(0),
        root_closed: false,
        buf: buffers,
        infos: &ELEMENT_INFO,
        plans: facets::plans(),
    };
    pass.document().is_some()
}

struct Pass<'a, 'b> {
    /// The document: UTF-8, so that a value between ASCII delimiters is a
    /// string ([`Pass::str_at`]).
    b: &'a [u8],
    i: usize,
    limits: &'a SchemaLimits,
    elements: usize,
    /// The default namespace declared on the root.
    default_ns: Ns,
    root_closed: bool,
    buf: &'b mut Buffers,
    /// [`ELEMENT_INFO`] and the value checks' plans, taken once per document.
    infos: &'static [ElementInfo],
    plans: &'static [facets::Plan],
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// A conservative ASCII name: `[A-Za-z_][A-Za-z0-9_.-]*`.
fn is_simple_name(name: &[u8]) -> bool {
    match name.split_first() {
        Some((first, rest)) => {
            (first.is_ascii_alphabetic() || *first == b'_')
                && rest
                    .iter()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
        }
        None => false,
    }
}

/// What [`Pass::leaf_value`] finds after a start tag.
enum LeafEnd {
    /// The leaf `<name>value</name>`, its value valid and ending here.
    Valid(usize),
    /// Content of another shape.
    Other,
}

/// `Some(())` to go on, `None` to give up.
type Step = Option<()>;

fn ok(condition: bool) -> Step {
    condition.then_some(())
}

impl<'a> Pass<'a, '_> {
    fn peek(&self, at: usize) -> Option<u8> {
        self.b.get(at).copied()
    }

    /// The document's bytes at `range` as a string: always one when
    /// `range` lies between ASCII delimiters, for the document is UTF-8.
    fn str_at(&self, range: Range<usize>) -> Option<&'a str> {
        std::str::from_utf8(self.b.get(range)?).ok()
    }

    fn skip_ws(&mut self) {
        self.i += skip_whitespace(self.b.get(self.i..).unwrap_or_default());
    }

    fn document(&mut self) -> Step {
        if self.b.starts_with(b"<?xml") && self.peek(5).is_some_and(is_ws) {
            self.declaration()?;
        }
        loop {
            match self.buf.frames.last().map(|f| &f.kind) {
                Some(Content::Simple { .. }) => {
                    // A value: up to the next tag, noting what needs decoding.
                    let start = self.i;
                    let (len, special) = scan_value(self.b.get(start..)?);
                    self.i = start + len;
                    if len > 0 {
                        self.value(start..self.i, special)?;
                    }
                }
                top => {
                    if matches!(top, Some(Content::Elements(_))) {
                        self.run()?;
                    }
                    // Between elements (or outside the root): whitespace only.
                    let start = self.i;
                    self.i = start + skip_whitespace(self.b.get(start..)?);
                }
            }
            match self.peek(self.i) {
                None => return ok(self.root_closed && self.buf.frames.is_empty()),
                Some(b'<') => {}
                Some(_) => return None,
            }
            match self.peek(self.i + 1)? {
                b'/' => self.end_tag()?,
                b'!' => self.comment()?,
                b'?' => return None,
                _ => self.start_tag()?,
            }
        }
    }

    /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, with the
    /// encoding and standalone parts optional.
    fn declaration(&mut self) -> Step {
        if let Some(usual) = USUAL_DECLARATIONS.iter().find(|d| self.b.starts_with(d)) {
            self.i = usual.len();
            return Some(());
        }
        // The declaration is short: the first `?>` ends it.
        let close = memchr::memchr_iter(b'?', self.b).find(|&q| self.peek(q + 1) == Some(b'>'))?;
        let decl = xmlchars::parse_declaration(self.b.get(5..close)?).ok()?;
        self.i = close + 2;
        ok(decl.version == b"1.0"
            && decl
                .encoding
                .is_none_or(|e| e.eq_ignore_ascii_case(b"utf-8")))
    }

    /// `<!-- … -->`: no `--` inside, not ending in `-`. Inside a
    /// simple-content element a comment would split the value; the full
    /// validator handles that.
    fn comment(&mut self) -> Step {
        ok(self.b.get(self.i..)?.starts_with(b"<!--"))?;
        if let Some(top) = self.buf.frames.last() {
            ok(!matches!(top.kind, Content::Simple { .. }))?;
        }
        let body_start = self.i + 4;
        let dash = memchr::memmem::find(self.b.get(body_start..)?, b"--")?;
        ok(self.peek(body_start + dash + 2) == Some(b'>'))?;
        ok(dash == 0 || self.peek(body_start + dash - 1) != Some(b'-'))?;
        self.i = body_start + dash + 3;
        Some(())
    }

    fn start_tag(&mut self) -> Step {
        ok(!self.root_closed)?;
        let lt = self.i;
        let name_start = self.i + 1;
        let rest = self.b.get(name_start..)?;
        // A prefixed name (`etd:NIP`) needs no test of its own: no declared
        // name has a colon, so it matches no transition and no root, and the
        // pass gives up there.
        let len = scan_name(rest);
        let j = name_start + len;
        let name = name_start..j;
        ok(len > 0)?;
        self.elements += 1;
        ok(self.elements <= self.limits.max_elements
            && self.buf.frames.len() < self.limits.max_depth)?;

        // Attributes.
        self.i = j;
        self.buf.attrs.clear();
        let root = self.buf.frames.is_empty();
        let empty = if self.peek(self.i) == Some(b'>') {
            // No attributes: the usual start tag.
            self.i += 1;
            false
        } else {
            self.attributes()?
        };

        let local = self.b.get(name.clone())?;
        let Ns::Known(ns) = self.default_ns else {
            return None;
        };
        let decl_id: ElemId = if root {
            *ROOTS.iter().find(|&&r| {
                let d = element(r);
                ns == d.ns && local == d.name.as_bytes()
            })?
        } else {
            let key = name_key(self.b, name.start, local);
            let Content::Elements(model) = &mut self.buf.frames.last_mut()?.kind else {
                return None;
            };
            let (decl_id, next) = step(model, ns, local, key)?;
            *model = next;
            decl_id
        };
        let kind = if self.buf.attrs.is_empty() {
            // The usual element: no attribute given; none may be required.
            let info = self.infos.get(usize::from(decl_id))?;
            ok(!info.requires_attributes)?;
            info.kind?
        } else {
            Content::of(self.attributes_of(decl_id)?)?
        };
        let depth = self.buf.frames.len();
        let tag = match &mut self.buf.record {
            Some(record) => record.push_named(depth, lt, self.i, name.len()),
            None => 0,
        };
        if !empty
            && let Content::Simple { ty, fixed, .. } = kind
            && self.leaf(&name, ty, fixed, tag)?
        {
            return Some(());
        }
        self.buf.frames.push(Frame {
            name,
            kind,
            value: None,
            tag,
        });
        if empty {
            self.close()?;
        }
        Some(())
    }

    /// The attributes of a start tag up to its `>` or `/>`; true for `/>`.
    fn attributes(&mut self) -> Option<bool> {
        let root = self.buf.frames.is_empty();
        loop {
            let before = self.i;
            self.skip_ws();
            match self.peek(self.i)? {
                b'>' => {
                    self.i += 1;
                    return Some(false);
                }
                b'/' => {
                    ok(self.peek(self.i + 1) == Some(b'>'))?;
                    self.i += 2;
                    return Some(true);
                }
                _ => {}
            }
            ok(self.i > before)?; // whitespace before every attribute
            self.attribute(root)?;
        }
    }

    /// The common leaf `<name>value</name>`, checked without opening a
    /// frame: `Some(true)` when done, `Some(false)` when the content has
    /// another shape (left to the general loop), `None` to give up.
    // Inlined into its one caller: 1.6 M fewer instructions on the
    // benchmark corpus (callgrind), where the compiler would keep a call.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn leaf(
        &mut self,
        name: &Range<usize>,
        ty: SimpleId,
        fixed: Option<&'static str>,
        tag: usize,
    ) -> Option<bool> {
        let LeafEnd::Valid(end) = self.leaf_value(self.i, name, ty, fixed)? else {
            return Some(false);
        };
        self.i = end + 3 + name.len();
        if let Some(record) = &mut self.buf.record {
            record.set_text(tag, end, false);
        }
        if self.buf.frames.is_empty() {
            self.root_closed = true;
        }
        Some(true)
    }

    /// The content of the common leaf `<name>value</name>` from `start`, just
    /// past its start tag: [`LeafEnd::Valid`] when it has that shape and the
    /// value is valid; [`LeafEnd::Other`] when the content has another shape
    /// (left to the general loop); `None` to give up.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    fn leaf_value(
        &self,
        start: usize,
        name: &Range<usize>,
        ty: SimpleId,
        fixed: Option<&'static str>,
    ) -> Option<LeafEnd> {
        let (len, special) = scan_value(self.b.get(start..)?);
        let end = start + len;
        let after = end + 2 + name.len();
        let closes = len > 0
            && !special
            && self.b.get(end..end + 2) == Some(b"</")
            && self.peek(after) == Some(b'>')
            && same_in(self.b, end + 2, name.start, name.len());
        if !closes {
            return Some(LeafEnd::Other);
        }
        ok(facets::valid_at(self.plans, ty, self.b, start..end))?;
        if let Some(f) = fixed {
            ok(facets::equals_literal(ty, self.str_at(start..end)?, f))?;
        }
        Some(LeafEnd::Valid(end))
    }

    /// The usual markup inside the root, checked in a loop of its own while
    /// it lasts: start tags without attributes, their leaf content
    /// `<name>value</name>`, and end tags `</name>` of elements with child
    /// elements; each is checked exactly as [`Pass::start_tag`],
    /// [`Pass::leaf`], [`Pass::end_tag`] and [`Pass::close`] check it.
    /// Anything else (attributes, comments, values needing decoding, an end
    /// tag with whitespace) ends the loop, and the general loop goes on
    /// from there. Called when the innermost element has child elements.
    // Out of line, with the innermost content model's state in a local:
    // callgrind counted fewer instructions per element than in the general
    // loop, whose many live values compete for registers.
    #[inline(never)]
    fn run(&mut self) -> Step {
        let Ns::Known(ns) = self.default_ns else {
            return Some(());
        };
        let b = self.b;
        let (max_elements, max_depth) = (self.limits.max_elements, self.limits.max_depth);
        // The innermost element's content model, kept here and written back
        // to its frame when another element opens or the loop ends.
        let Content::Elements(mut model) = self.buf.frames.last()?.kind else {
            return Some(());
        };
        let mut elements = self.elements;
        let mut i = self.i;
        loop {
            let lt = i + skip_whitespace(b.get(i..)?);
            if b.get(lt) != Some(&b'<') {
                break;
            }
            let name_start = lt + 1;
            match b.get(name_start) {
                Some(b'/') => {
                    // The end tag of the innermost element.
                    let Some(top) = self.buf.frames.last() else {
                        break;
                    };
                    let len = top.name.len();
                    let gt = name_start + 1 + len;
                    if b.get(gt) != Some(&b'>') || !same_in(b, name_start + 1, top.name.start, len)
                    {
                        break;
                    }
                    ok(model.at.accepting && model.count >= model.at.min)?;
                    self.buf.frames.pop();
                    i = gt + 1;
                    match self.buf.frames.last() {
                        // The parent of an element has child elements.
                        Some(Frame {
                            kind: Content::Elements(parent),
                            ..
                        }) => model = *parent,
                        Some(_) => return None,
                        None => {
                            self.root_closed = true;
                            self.i = i;
                            self.elements = elements;
                            return Some(());
                        }
                    }
                    continue;
                }
                Some(b'!' | b'?') | None => break,
                Some(_) => {}
            }
            let depth = self.buf.frames.len();
            // Up to the `>`: a start tag with attributes, or an empty one,
            // gives a "name" with whitespace or `/` in it, which no
            // declaration has, and the loop ends at the step below.
            let len = find_gt(b.get(name_start..)?);
            let j = name_start + len;
            if len == 0 || b.get(j) != Some(&b'>') || elements >= max_elements || depth >= max_depth
            {
                break;
            }
            let local = b.get(name_start..j)?;
            let Some((decl_id, next)) = step(&model, ns, local, name_key(b, name_start, local))
            else {
                break;
            };
            let Some(ElementInfo {
                kind: Some(child),
                requires_attributes: false,
            }) = self.infos.get(usize::from(decl_id))
            else {
                break;
            };
            match *child {
                Content::Simple { ty, fixed, .. } => {
                    let LeafEnd::Valid(end) =
                        self.leaf_value(j + 1, &(name_start..j), ty, fixed)?
                    else {
                        break;
                    };
                    model = next;
                    if let Some(record) = &mut self.buf.record {
                        record.push_leaf(depth, lt, j + 1, len, end);
                    }
                    i = end + 3 + len;
                }
                Content::Elements(inner) => {
                    let tag = match &mut self.buf.record {
                        Some(record) => record.push_named(depth, lt, j + 1, len),
                        None => 0,
                    };
                    self.buf.frames.last_mut()?.kind = Content::Elements(next);
                    self.buf.frames.push(Frame {
                        name: name_start..j,
                        kind: *child,
                        value: None,
                        tag,
                    });
                    model = inner;
                    i = j + 1;
                }
                Content::Empty => break,
            }
            elements += 1;
        }
        self.i = i;
        self.elements = elements;
        self.buf.frames.last_mut()?.kind = Content::Elements(model);
        Some(())
    }

    /// One attribute; namespace declarations are taken in place, other
    /// attributes are collected for [`Pass::attributes_of`].
    fn attribute(&mut self, root: bool) -> Step {
        let name_start = self.i;
        while let Some(c) = self.peek(self.i) {
            if c == b'=' || is_ws(c) || c == b'>' || c == b'/' {
                break;
            }
            self.i += 1;
        }
        let name = name_start..self.i;
        self.skip_ws();
        ok(self.peek(self.i) == Some(b'='))?;
        self.i += 1;
        self.skip_ws();
        let quote = self.peek(self.i)?;
        ok(quote == b'"' || quote == b'\'')?;
        let value_start = self.i + 1;
        let len = memchr::memchr(quote, self.b.get(value_start..)?)?;
        let value = value_start..value_start + len;
        self.i = value.end + 1;
        ok(matches!(
            self.peek(self.i),
            Some(b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>')
        ))?;
        let raw = self.b.get(value.clone())?;
        ok(!needs_normalizing(raw))?;

        let key = self.b.get(name.clone())?;
        // Many attributes are left to the full validator, which stops at
        // the bound before comparing them pairwise.
        ok(self.buf.attrs.len() < crate::ksef::MAX_ATTRIBUTES)?;
        // Well-formedness: no attribute name twice on one tag.
        for (other, _) in &self.buf.attrs {
            ok(self.b.get(other.clone())? != key)?;
        }
        self.buf.attrs.push((name.clone(), value.clone()));
        if key == b"xmlns" {
            // The default namespace, on the root only.
            ok(root && !raw.is_empty())?;
            self.default_ns = classify(raw);
            return ok(matches!(self.default_ns, Ns::Known(_)));
        }
        if let Some(prefix) = key.strip_prefix(b"xmlns:") {
            // Declared, never used (prefixed names are not in the subset).
            return ok(is_simple_name(prefix)
                && !prefix.starts_with(b"xml")
                && !prefix.starts_with(b"XML")
                && !raw.is_empty()
                && !matches!(classify(raw), Ns::Xml)
                && raw != b"http://www.w3.org/2000/xmlns/");
        }
        ok(is_simple_name(key))
    }

    /// Checks the collected attributes against the declaration and returns
    /// what the element may contain.
    fn attributes_of(&mut self, decl_id: ElemId) -> Option<Kind> {
        let decl = element(decl_id);
        let complex = match decl.ty {
            TypeRef::Complex(c) => Some(COMPLEX_TYPES.get(usize::from(c))?),
            TypeRef::Simple(_) => None,
        };
        let mut seen: u64 = 0;
        for k in 0..self.buf.attrs.len() {
            let (name, value) = self.buf.attrs.get(k)?.clone();
            let key = self.b.get(name)?;
            if key == b"xmlns" || key.starts_with(b"xmlns:") {
                continue;
            }
            let (i, adecl) = complex?
                .attributes
                .iter()
                .enumerate()
                .find(|(_, d)| d.ns == 0 && d.name.as_bytes() == key)?;
            ok(i < 64)?;
            seen |= 1 << i;
            let value = self.str_at(value)?;
            ok(facets::valid_in(self.plans, adecl.ty, value))?;
            if let Some(f) = adecl.fixed {
                ok(facets::equals_literal(adecl.ty, value, f))?;
            }
        }
        if let Some(c) = complex {
            for (i, adecl) in c.attributes.iter().enumerate() {
                ok(!adecl.required || (i < 64 && seen & (1 << i) != 0))?;
            }
        }
        Some(kind_for(decl, decl.ty))
    }

    /// The character data of a simple-content element; `special` when it
    /// holds a reference or a carriage return.
    fn value(&mut self, range: Range<usize>, special: bool) -> Step {
        let top = self.buf.frames.last_mut()?;
        ok(top.value.is_none())?;
        if let Some(record) = &mut self.buf.record {
            record.set_text(
                top.tag,
                range.end,
                special && raw_has_reference(self.b, &range),
            );
        }
        if !special {
            top.value = Some(Value::Direct(range));
            return Some(());
        }
        top.value = Some(Value::Scratch);
        let raw = self.str_at(range)?;
        let scratch = &mut self.buf.scratch;
        scratch.clear();
        let mut rest = raw;
        while let Some(at) = rest.find(['&', '\r']) {
            let (head, tail) = rest.split_at(at);
            scratch.push_str(head);
            if let Some(after) = tail.strip_prefix('\r') {
                scratch.push('\n');
                rest = after.strip_prefix('\n').unwrap_or(after);
                continue;
            }
            let after = tail.get(1..)?;
            let semi = after.find(';')?;
            let reference = xmlchars::resolve_reference(after.get(..semi)?.as_bytes()).ok()?;
            scratch.push(reference.ch);
            rest = after.get(semi + 1..)?;
        }
        scratch.push_str(rest);
        Some(())
    }

    fn end_tag(&mut self) -> Step {
        let name_start = self.i + 2;
        let top = self.buf.frames.last()?;
        let len = top.name.len();
        ok(same_in(self.b, name_start, top.name.start, len))?;
        self.i = name_start + len;
        if self.peek(self.i) != Some(b'>') {
            self.skip_ws();
            ok(self.peek(self.i) == Some(b'>'))?;
        }
        self.i += 1;
        self.close()
    }

    /// Ends the innermost element: its value or its content model.
    fn close(&mut self) -> Step {
        let frame = self.buf.frames.pop()?;
        match frame.kind {
            Content::Simple { ty, fixed, default } => {
                let value: &str = match &frame.value {
                    Some(Value::Direct(r)) => self.str_at(r.clone())?,
                    Some(Value::Scratch) => &self.buf.scratch,
                    None => fixed.or(default).unwrap_or(""),
                };
                ok(facets::valid_in(self.plans, ty, value))?;
                if let Some(f) = fixed
                    && frame.value.is_some()
                {
                    ok(facets::equals_literal(ty, value, f))?;
                }
            }
            Content::Elements(Model { at, count, .. }) => {
                ok(at.accepting && count >= at.min)?;
            }
            Content::Empty => {}
        }
        if self.buf.frames.is_empty() {
            self.root_closed = true;
        }
        Some(())
    }
}

/// The [`name_head`] of the name `local` at `start` of `doc`: one word of
/// the document, masked to the name's length.
#[allow(clippy::inline_always)]
#[inline(always)]
fn name_key(doc: &[u8], start: usize, local: &[u8]) -> u64 {
    match word(doc, start) {
        Some(w) if local.len() < 8 => w & ((1u64 << (local.len() * 8)) - 1),
        Some(w) => w,
        None => name_head(local),
    }
}

/// Whether the `len` bytes of `doc` at `a` equal those at `b`: one masked
/// word comparison for a name of up to eight bytes.
// Inlined: called for every element (callgrind: 2.5 M instructions as a call).
#[allow(clippy::inline_always)]
#[inline(always)]
fn same_in(doc: &[u8], a: usize, b: usize, len: usize) -> bool {
    if (1..=8).contains(&len)
        && let (Some(x), Some(y)) = (word(doc, a), word(doc, b))
    {
        return (x ^ y) << (64 - 8 * len) == 0;
    }
    // Up to sixteen bytes (most names of complex elements): two words, the
    // second ending with the name and overlapping the first.
    if (9..=16).contains(&len)
        && let (Some(x), Some(y), Some(u), Some(v)) = (
            word(doc, a),
            word(doc, b),
            word(doc, a + len - 8),
            word(doc, b + len - 8),
        )
    {
        return x == y && u == v;
    }
    same_in_long(doc, a, b, len)
}

/// [`same_in`] for longer names, and near the end of the document.
#[inline(never)]
fn same_in_long(doc: &[u8], a: usize, b: usize, len: usize) -> bool {
    match (doc.get(a..a + len), doc.get(b..b + len)) {
        (Some(x), Some(y)) => same(x, y),
        _ => false,
    }
}

/// Byte equality of two short names, without a call to `memcmp`: a word at
/// a time, the last word overlapping the one before it.
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        return a == b;
    }
    let mut i = 0;
    while i + 8 < n {
        if word(a, i) != word(b, i) {
            return false;
        }
        i += 8;
    }
    word(a, n - 8) == word(b, n - 8)
}

/// Advances content model `model` over child element `local` (namespace
/// `ns`, [`name_head`] `key`): the accepting branch of the full validator's
/// `advance`, and `None` wherever that reports a problem. Returns the
/// child's declaration and the model after it, for the caller to keep.
// Inlined into both callers: it runs for every element.
#[allow(clippy::inline_always)]
#[inline(always)]
fn step(model: &Model, ns: NsId, local: &[u8], key: u64) -> Option<(ElemId, Model)> {
    let Model {
        states,
        at,
        state,
        count,
    } = *model;
    // The first eight bytes as one integer; longer names compare the rest.
    let t = at.next.iter().find(|t| {
        t.head == key
            && t.name.len() == local.len()
            && (local.len() <= 8 || same(t.name.as_bytes(), local))
    })?;
    ok(t.ns == ns)?;
    if t.to == state {
        ok(count < at.max)?;
        return Some((
            at.elem,
            Model {
                count: count + 1,
                ..*model
            },
        ));
    }
    ok(count >= at.min || state == 0)?;
    let next = states.get(usize::from(t.to))?;
    Some((
        next.elem,
        Model {
            states,
            at: next,
            state: t.to,
            count: 1,
        },
    ))
}

/// What the fast path needs of an element declaration, prepared once.
struct ElementInfo {
    /// What the element may contain, as the full validator starts it;
    /// `None` when the full validator skips it.
    kind: Option<Content>,
    /// Its type has a required attribute.
    requires_attributes: bool,
}

/// One [`ElementInfo`] per entry of `ELEMENTS`.
static ELEMENT_INFO: std::sync::LazyLock<Vec<ElementInfo>> = std::sync::LazyLock::new(|| {
    ELEMENTS
        .iter()
        .map(|decl| ElementInfo {
            kind: Content::of(kind_for(decl, decl.ty)),
            requires_attributes: match decl.ty {
                TypeRef::Complex(c) => COMPLEX_TYPES
                    .get(usize::from(c))
                    .is_some_and(|ct| ct.attributes.iter().any(|a| a.required)),
                TypeRef::Simple(_) => false,
            },
        })
        .collect()
});

// Scanning eight bytes at a time ("SWAR"): a word's bytes are tested in
// parallel with integer arithmetic; no carry crosses from one byte to the
// next in any of these expressions, so every result is exact.

const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
const HIGH: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `x` that equals `b`.
fn bytes_equal(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    !(((y & LOW7) + LOW7) | y | LOW7)
}

/// The high bit of each byte of `x` above 0x20 (not whitespace, given that
/// the document has no other control characters).
fn bytes_above_space(x: u64) -> u64 {
    (((x & LOW7) + 0x5F5F_5F5F_5F5F_5F5F) | x) & HIGH
}

/// The next eight bytes of `rest` from `at`, as a little-endian word.
fn word(rest: &[u8], at: usize) -> Option<u64> {
    rest.get(at..)?
        .first_chunk::<8>()
        .copied()
        .map(u64::from_le_bytes)
}

/// Index of the first byte marked in a non-zero mask.
fn first(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// The length of the whitespace at the start of `rest`.
fn skip_whitespace(rest: &[u8]) -> usize {
    let mut i = 0;
    while let Some(x) = word(rest, i) {
        let m = bytes_above_space(x);
        if m != 0 {
            return i + first(m);
        }
        i += 8;
    }
    i + rest
        .get(i..)
        .unwrap_or_default()
        .iter()
        .position(|&c| !is_ws(c))
        .unwrap_or(rest.len().saturating_sub(i))
}

/// The length of the character data at the start of `rest` (up to `<`),
/// and whether it holds `&` or a carriage return.
// Inlined for the same reason as `Pass::leaf` (0.4 M instructions).
#[allow(clippy::inline_always)]
#[inline(always)]
fn scan_value(rest: &[u8]) -> (usize, bool) {
    let mut i = 0;
    let mut special = false;
    while let Some(x) = word(rest, i) {
        let lt = bytes_equal(x, b'<');
        let sp = bytes_equal(x, b'&') | bytes_equal(x, b'\r');
        if lt != 0 {
            let k = first(lt);
            let before = (1u64 << (k * 8)) - 1;
            return (i + k, special || sp & before != 0);
        }
        special |= sp != 0;
        i += 8;
    }
    let tail = rest.get(i..).unwrap_or_default();
    let len = tail.iter().position(|&c| c == b'<').unwrap_or(tail.len());
    let part = tail.get(..len).unwrap_or_default();
    (
        i + len,
        special || part.iter().any(|&c| c == b'&' || c == b'\r'),
    )
}

/// Whether an attribute value holds `<`, `&`, a tab or a line break (which
/// the full validator decodes or normalises): eight bytes at a time.
fn needs_normalizing(raw: &[u8]) -> bool {
    let (words, tail) = raw.as_chunks::<8>();
    words.iter().any(|w| {
        let x = u64::from_le_bytes(*w);
        bytes_equal(x, b'<')
            | bytes_equal(x, b'&')
            | bytes_equal(x, b'\t')
            | bytes_equal(x, b'\n')
            | bytes_equal(x, b'\r')
            != 0
    }) || tail
        .iter()
        .any(|&c| matches!(c, b'<' | b'&' | b'\t' | b'\n' | b'\r'))
}

/// The position of the first `>` in `rest` (its length if none).
fn find_gt(rest: &[u8]) -> usize {
    let mut i = 0;
    while let Some(x) = word(rest, i) {
        let gt = bytes_equal(x, b'>');
        if gt != 0 {
            return i + first(gt);
        }
        i += 8;
    }
    let tail = rest.get(i..).unwrap_or_default();
    i + tail.iter().position(|&c| c == b'>').unwrap_or(tail.len())
}

/// The length of the element name at the start of `rest` (up to
/// whitespace, `>` or `/`).
fn scan_name(rest: &[u8]) -> usize {
    let mut i = 0;
    while let Some(x) = word(rest, i) {
        let end = (!bytes_above_space(x) & HIGH) | bytes_equal(x, b'>') | bytes_equal(x, b'/');
        if end != 0 {
            return i + first(end);
        }
        i += 8;
    }
    let tail = rest.get(i..).unwrap_or_default();
    i + tail
        .iter()
        .position(|&c| is_ws(c) || c == b'>' || c == b'/')
        .unwrap_or(tail.len())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::cast_possible_truncation)]
mod tests {
    use super::*;

    /// The usual declarations, taken by comparison, are those the general
    /// reading accepts, ending where it ends them.
    #[test]
    fn usual_declarations_are_read_alike() {
        let limits = SchemaLimits::default();
        for declaration in USUAL_DECLARATIONS {
            let mut buffers = Buffers::default();
            let mut pass = Pass {
                b: declaration,
                i: 0,
                limits: &limits,
                elements: 0,
                default_ns: Ns::Known(0),
                root_closed: false,
                buf: &mut buffers,
                infos: &ELEMENT_INFO,
                plans: facets::plans(),
            };
            let close = declaration.len() - 2;
            let decl = xmlchars::parse_declaration(&declaration[5..close]).unwrap();
            assert_eq!(decl.version, b"1.0");
            assert!(decl.encoding.unwrap().eq_ignore_ascii_case(b"utf-8"));
            assert_eq!(pass.declaration(), Some(()));
            assert_eq!(pass.i, declaration.len());
        }
    }

    /// The word-at-a-time scanners agree with plain byte loops at every
    /// length and position.
    #[test]
    fn scanners_agree_with_byte_loops() {
        let alphabet: &[u8] = b" \t\r\na<&>/:z\xC5\xBC]";
        let mut seed = 7u64;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = (seed >> 59) as usize + (seed >> 40) as usize % 13;
            let s: Vec<u8> = (0..len)
                .map(|k| alphabet[((seed >> (k % 50)) as usize + k * 7) % alphabet.len()])
                .collect();
            for k in 0..=s.len() {
                let (x, y) = s.split_at(k);
                assert_eq!(same(x, y), x == y, "{s:?} {k}");
                let mut z = x.to_vec();
                if let Some(last) = z.last_mut() {
                    *last ^= 1;
                }
                assert_eq!(same(x, &z), x == z.as_slice(), "{s:?} {k}");
                assert!(same(x, x));
            }
            for (a, b, len) in [
                (0, 3, 4),
                (1, 9, 8),
                (0, 0, s.len()),
                (2, 11, 9),
                (1, 12, 13),
                (0, 16, 16),
                (3, 4, 17),
            ] {
                let expected = match (s.get(a..a + len), s.get(b..b + len)) {
                    (Some(x), Some(y)) => x == y,
                    _ => false,
                };
                assert_eq!(same_in(&s, a, b, len), expected, "{s:?} {a} {b} {len}");
            }
            let ws = s.iter().position(|&c| !is_ws(c)).unwrap_or(s.len());
            assert_eq!(skip_whitespace(&s), ws, "{s:?}");
            let lt = s.iter().position(|&c| c == b'<').unwrap_or(s.len());
            let special = s[..lt].iter().any(|&c| c == b'&' || c == b'\r');
            assert_eq!(scan_value(&s), (lt, special), "{s:?}");
            let end = s
                .iter()
                .position(|&c| is_ws(c) || c == b'>' || c == b'/')
                .unwrap_or(s.len());
            assert_eq!(scan_name(&s), end, "{s:?}");
            let gt = s.iter().position(|&c| c == b'>').unwrap_or(s.len());
            assert_eq!(find_gt(&s), gt, "{s:?}");
            assert_eq!(
                needs_normalizing(&s),
                s.iter()
                    .any(|&c| matches!(c, b'<' | b'&' | b'\t' | b'\n' | b'\r')),
                "{s:?}"
            );
            assert_eq!(
                has_cdata_end(&s),
                s.windows(3).any(|w| w == b"]]>"),
                "{s:?}"
            );
        }
    }
}
