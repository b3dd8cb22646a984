//! The streaming validator: one pass of quick-xml events, a stack of element
//! frames, content-model automata with occurrence counters, and every
//! violation collected.

use std::ops::Range;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use super::codes;
use super::facets::{self, Violation, show};
use super::generated::{COMPLEX_TYPES, NAMED_TYPES, ROOTS};
use super::lexical;
use super::tables::{
    ElemId, Kind, Model, Ns, SimpleId, TypeRef, XML_NS, classify, element, kind_for, model_of,
    name_hash, namespace,
};
use super::{SchemaLimits, xmlchars};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{Tag, Tags};

/// Diagnostics kept per document; a hostile document could otherwise make
/// the report itself the denial of service.
const MAX_DIAGNOSTICS: usize = 100_000;
/// Distinct child names tracked per element for path positions.
const MAX_SIBLING_NAMES: usize = 512;
const FA2_NS: &[u8] = crate::ksef::FA2_NAMESPACE.as_bytes();

/// An in-scope namespace declaration (`xmlns` or `xmlns:prefix`).
#[derive(Debug)]
struct Binding {
    /// The prefix (empty for the default namespace).
    prefix: Range<usize>,
    /// The namespace, classified once when declared.
    ns: Ns,
    /// The namespace name, for messages and `xsi:type`.
    uri: String,
    /// Depth of the declaring element (its index on the frame stack).
    depth: usize,
}

/// The element whose start tag is being processed (not on the stack yet).
#[derive(Debug, Clone)]
struct ElemRef {
    name: Range<usize>,
    index: u32,
}

#[derive(Debug)]
struct Frame {
    /// Local name, as a range of the input.
    name: Range<usize>,
    /// 1-based position among same-named siblings.
    index: u32,
    /// This element's entry in the sibling pool.
    entry: u32,
    /// Where this element's children start in the sibling pool.
    sib_start: u32,
    /// The start tag.
    tag: Range<usize>,
    kind: Kind,
    /// Some character data was seen (for simple content: text, CDATA or references).
    has_text: bool,
    text_span: Option<Range<usize>>,
    /// The value while it is one piece of the input needing no end-of-line
    /// handling (the usual case): not copied into `Run::text`.
    direct: Option<Range<usize>>,
    text_reported: bool,
    nil: bool,
    /// Its start tag's index in `Run::record`.
    record: usize,
}

#[derive(Debug)]
struct SibEntry {
    hash: u32,
    ns: u16,
    name: Range<usize>,
    count: u32,
    /// Head of the list of diagnostic path segments waiting to learn
    /// whether this name repeats (index into `Run::watchers`).
    watch: u32,
}

#[derive(Debug)]
struct Watcher {
    diag: u32,
    seg: u16,
    next: u32,
}

#[derive(Debug, Clone)]
struct Seg {
    name: Range<usize>,
    index: u32,
    repeated: bool,
}

#[derive(Debug)]
struct Pending {
    code: &'static str,
    severity: Severity,
    message: String,
    help: Option<String>,
    span: Range<usize>,
    segs: Vec<Seg>,
    attr: Option<String>,
}

/// A collected attribute of the current start tag.
#[derive(Debug, Clone)]
struct AttrItem {
    ns: Ns,
    /// Local name range in the input.
    local: Range<usize>,
    /// Qualified name range in the input.
    qname: Range<usize>,
    /// Normalised value, a range of `Run::attr_values`.
    value: Range<usize>,
    /// Attribute span in the input.
    span: Range<usize>,
}

/// A fatal well-formedness error: report and stop.
struct Fatal {
    message: String,
    span: Range<usize>,
}

#[allow(clippy::struct_excessive_bools)] // independent document-level states
struct Run<'a> {
    input: &'a [u8],
    /// The UTF-8-validated part of `input` (everything the reader sees).
    text_view: &'a str,
    /// Offset of the reader's slice in `input` (after a BOM).
    base: usize,
    limits: &'a SchemaLimits,
    diags: Vec<Pending>,
    frames: Vec<Frame>,
    sib: Vec<SibEntry>,
    watchers: Vec<Watcher>,
    text: String,
    attr_values: String,
    attrs: Vec<AttrItem>,
    bindings: Vec<Binding>,
    /// Sibling-pool entry of the element whose start tag is being processed.
    pending_entry: u32,
    violations: Vec<Violation>,
    elements: usize,
    root_seen: bool,
    root_closed: bool,
    doctype_seen: bool,
    /// Schema validation is on (false after a wrong root element).
    active: bool,
    /// `MAX_DIAGNOSTICS` was reached.
    overflow: bool,
    /// When set, every start tag and simple value is recorded here, as the
    /// fast path records them, for the typed-model builder.
    record: Option<Tags>,
}

/// Working memory of the validator, kept between documents by
/// [`super::SchemaValidator`] so that validating many small files does not
/// allocate the same buffers over and over.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    frames: Vec<Frame>,
    sib: Vec<SibEntry>,
    watchers: Vec<Watcher>,
    text: String,
    attr_values: String,
    attrs: Vec<AttrItem>,
    bindings: Vec<Binding>,
    violations: Vec<Violation>,
}

/// The full validator: every violation in `bytes`, in document order, not
/// yet located. Whether the fast path (`fast.rs`) goes first is decided in
/// one place, [`super::staged`].
///
/// With `record`, it also returns the record of the document's start tags
/// and simple values (see [`Tags`]), for the typed-model builder to read
/// the document from when it is valid.
pub(crate) fn run_full(
    bytes: &[u8],
    limits: &SchemaLimits,
    buffers: &mut Buffers,
    record: bool,
) -> (Vec<Diagnostic>, Option<Tags>) {
    let base = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let (end, bad) = xmlchars::utf8_prefix(bytes, base);
    let text_view = bytes
        .get(..end)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or_default();
    let mut run = Run {
        input: bytes,
        text_view,
        base,
        limits,
        diags: Vec::new(),
        frames: std::mem::take(&mut buffers.frames),
        sib: std::mem::take(&mut buffers.sib),
        watchers: std::mem::take(&mut buffers.watchers),
        text: std::mem::take(&mut buffers.text),
        attr_values: std::mem::take(&mut buffers.attr_values),
        attrs: std::mem::take(&mut buffers.attrs),
        bindings: std::mem::take(&mut buffers.bindings),
        pending_entry: u32::MAX,
        violations: std::mem::take(&mut buffers.violations),
        elements: 0,
        root_seen: false,
        root_closed: false,
        doctype_seen: false,
        active: true,
        overflow: false,
        record: record.then(|| Tags::with_capacity(bytes.len() / 24)),
    };
    let slice = bytes.get(base..end).unwrap_or_default();
    let outcome = run.events(slice);
    match (outcome, bad) {
        (Outcome::Fatal(f), _) | (Outcome::EofError(f), None) => run.fatal(f),
        (Outcome::Eof | Outcome::EofError(_), Some(b)) => run.fatal(Fatal {
            message: b.message,
            span: b.offset..b.offset + 1,
        }),
        (Outcome::Eof | Outcome::Stopped, _) => {}
    }
    let diagnostics = run.finish_diagnostics();
    let record = run.record.take().filter(Tags::is_complete);
    run.return_buffers(buffers);
    (diagnostics, record)
}

enum Outcome {
    /// The input ended normally.
    Eof,
    /// The input ended in the middle of the document (possibly because it
    /// was cut at an invalid character).
    EofError(Fatal),
    /// A well-formedness error before the end.
    Fatal(Fatal),
    /// A limit stopped the run (already reported).
    Stopped,
}

impl<'a> Run<'a> {
    fn str_at(&self, r: &Range<usize>) -> &'a str {
        self.text_view.get(r.clone()).unwrap_or("?")
    }

    /// `part` (a subslice of the input) as text, without re-validating it.
    fn as_str(&self, part: &[u8]) -> &'a str {
        let start = self.offset_of(part);
        self.text_view
            .get(start..start + part.len())
            .unwrap_or_default()
    }

    /// Offset of `part`, a subslice of the input, within the input.
    fn offset_of(&self, part: &[u8]) -> usize {
        let start = self.input.as_ptr() as usize;
        let p = part.as_ptr() as usize;
        p.saturating_sub(start).min(self.input.len())
    }

    fn events(&mut self, slice: &'a [u8]) -> Outcome {
        let mut reader = Reader::from_reader(slice);
        {
            let config = reader.config_mut();
            config.check_comments = true;
            config.check_end_names = true;
            config.expand_empty_elements = false;
            config.trim_text(false);
        }
        loop {
            let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
            let result = reader.read_event();
            let after = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
            let span = self.base + before..self.base + after;
            let event = match result {
                Ok(event) => event,
                Err(e) => {
                    let pos = self.base
                        + usize::try_from(reader.error_position())
                            .unwrap_or(usize::MAX)
                            .min(slice.len());
                    let fatal = Fatal {
                        message: format!("malformed XML: {e}"),
                        span: pos..pos + 1,
                    };
                    return if matches!(e, quick_xml::Error::Syntax(_)) {
                        Outcome::EofError(fatal)
                    } else {
                        Outcome::Fatal(fatal)
                    };
                }
            };
            if let Event::Comment(_) | Event::PI(_) | Event::DocType(_) | Event::Decl(_) = &event
                && let Some(f) = self.illegal_char(span.clone())
            {
                return Outcome::Fatal(f);
            }
            let step = match event {
                Event::Start(e) => self.start(&e, span, false),
                Event::Empty(e) => self.start(&e, span, true),
                Event::End(_) => {
                    self.record_value(span.start);
                    self.end();
                    Ok(())
                }
                Event::Text(t) => self.text(&t[..], span, false),
                Event::CData(c) => self.cdata(&c[..], span),
                Event::GeneralRef(r) => self.reference(&r[..], span),
                Event::Comment(c) => {
                    if c.ends_with(b"-") {
                        Err(Fatal {
                            message: "malformed XML: a comment must not end with '-' ('--->')"
                                .into(),
                            span,
                        })
                    } else {
                        Ok(())
                    }
                }
                Event::PI(pi) => Self::pi(&pi, span),
                Event::Decl(d) => self.decl(&d, span),
                Event::DocType(_) => {
                    if self.root_seen || self.doctype_seen {
                        Err(Fatal {
                            message: "malformed XML: a document type declaration must come once, before the root element".into(),
                            span,
                        })
                    } else {
                        self.doctype_seen = true;
                        Ok(())
                    }
                }
                Event::Eof => {
                    if let Some(open) = self.frames.last() {
                        let name = self.str_at(&open.name).to_string();
                        return Outcome::EofError(Fatal {
                            message: format!(
                                "malformed XML: the document ends before element <{name}> is closed"
                            ),
                            span: span.start.saturating_sub(1)..span.start,
                        });
                    }
                    if !self.root_seen {
                        return Outcome::EofError(Fatal {
                            message: "malformed XML: the document has no root element".into(),
                            span: span.start.saturating_sub(1)..span.start,
                        });
                    }
                    return Outcome::Eof;
                }
            };
            if self.overflow {
                self.stop_overflowing(self.base + after);
                return Outcome::Stopped;
            }
            match step {
                Ok(()) => {}
                Err(f) if f.message.is_empty() => return Outcome::Stopped,
                Err(f) => return Outcome::Fatal(f),
            }
        }
    }

    /// Ends a run that reached `MAX_DIAGNOSTICS`.
    fn stop_overflowing(&mut self, at: usize) {
        self.overflow = false;
        self.diags.push(Pending {
            code: codes::LIMIT,
            severity: Severity::Error,
            message: format!("validation stopped after {MAX_DIAGNOSTICS} violations"),
            help: None,
            span: at..at,
            segs: Vec::new(),
            attr: None,
        });
    }

    /// An illegal character in `span` of the input.
    fn illegal_char(&self, span: Range<usize>) -> Option<Fatal> {
        let part = self.input.get(span.clone())?;
        xmlchars::find_illegal(part).map(|(i, message)| Fatal {
            message,
            span: span.start + i..span.start + i + 1,
        })
    }

    fn fatal(&mut self, f: Fatal) {
        self.push_diag(Pending {
            code: codes::XML_MALFORMED,
            severity: Severity::Error,
            message: f.message,
            help: None,
            span: f.span,
            segs: self.current_segs(None),
            attr: None,
        });
    }

    // ----- paths and diagnostics ---------------------------------------

    fn seg_of(frame: &Frame) -> Seg {
        Seg {
            name: frame.name.clone(),
            index: frame.index,
            repeated: frame.index > 1,
        }
    }

    fn current_segs(&self, extra: Option<&ElemRef>) -> Vec<Seg> {
        let mut segs: Vec<Seg> = self.frames.iter().map(Self::seg_of).collect();
        if let Some(e) = extra {
            segs.push(Seg {
                name: e.name.clone(),
                index: e.index,
                repeated: e.index > 1,
            });
        }
        segs
    }

    fn push_diag(&mut self, mut d: Pending) {
        // A message may quote a name or value of the document: kept in part.
        if let std::borrow::Cow::Owned(cut) =
            crate::diagnostic::clip(&d.message, crate::diagnostic::MAX_MESSAGE_CHARS)
        {
            d.message = cut;
        }
        if let Some(attr) = &mut d.attr
            && let std::borrow::Cow::Owned(cut) =
                crate::diagnostic::clip(attr, crate::diagnostic::MAX_MESSAGE_CHARS)
        {
            *attr = cut;
        }
        let id = u32::try_from(self.diags.len()).unwrap_or(u32::MAX);
        // Segments at index 1 become `[1]` if a same-named sibling follows.
        let entries: Vec<u32> = self
            .frames
            .iter()
            .map(|f| f.entry)
            .chain(std::iter::once(self.pending_entry))
            .collect();
        for (i, seg) in d.segs.iter_mut().enumerate() {
            if seg.index != 1 {
                continue;
            }
            let entry = entries.get(i).copied().unwrap_or(u32::MAX);
            if let Some(e) = self.sib.get_mut(entry as usize) {
                if e.count > 1 {
                    seg.repeated = true;
                } else {
                    let w = u32::try_from(self.watchers.len()).unwrap_or(u32::MAX);
                    self.watchers.push(Watcher {
                        diag: id,
                        seg: u16::try_from(i).unwrap_or(u16::MAX),
                        next: e.watch,
                    });
                    e.watch = w;
                }
            }
        }
        if self.diags.len() >= MAX_DIAGNOSTICS {
            self.overflow = true;
            return;
        }
        self.diags.push(d);
    }

    fn report(
        &mut self,
        code: &'static str,
        message: String,
        span: Range<usize>,
        extra: Option<&ElemRef>,
        attr: Option<String>,
    ) {
        let segs = self.current_segs(extra);
        self.push_diag(Pending {
            code,
            severity: Severity::Error,
            message,
            help: None,
            span,
            segs,
            attr,
        });
    }

    fn return_buffers(mut self, buffers: &mut Buffers) {
        self.frames.clear();
        self.sib.clear();
        self.watchers.clear();
        self.text.clear();
        self.attr_values.clear();
        self.attrs.clear();
        self.bindings.clear();
        self.violations.clear();
        buffers.frames = self.frames;
        buffers.sib = self.sib;
        buffers.watchers = self.watchers;
        buffers.text = self.text;
        buffers.attr_values = self.attr_values;
        buffers.attrs = self.attrs;
        buffers.bindings = self.bindings;
        buffers.violations = self.violations;
    }

    fn finish_diagnostics(&mut self) -> Vec<Diagnostic> {
        self.diags.sort_by_key(|d| d.span.start);
        let mut out = Vec::with_capacity(self.diags.len());
        for d in &self.diags {
            let mut path = String::new();
            for seg in &d.segs {
                path.push('/');
                path.push_str(self.str_at(&seg.name));
                if seg.repeated || seg.index > 1 {
                    path.push('[');
                    path.push_str(&seg.index.to_string());
                    path.push(']');
                }
            }
            if let Some(a) = &d.attr {
                path.push_str("/@");
                path.push_str(a);
            }
            let mut diag = Diagnostic::new(d.code, d.severity, d.message.clone())
                .with_path(path)
                .with_span(d.span.clone());
            if let Some(h) = &d.help {
                diag = diag.with_help(h.clone());
            }
            diag.bound();
            out.push(diag);
        }
        out
    }

    /// Counts a new child of the innermost open element (or of the
    /// document); returns its position among same-named siblings and its
    /// pool entry.
    fn count_sibling(&mut self, ns: Ns, name: &Range<usize>, hash: u32) -> (u32, u32) {
        let start = self.frames.last().map_or(0, |f| f.sib_start as usize);
        let key = ns.key();
        let bytes = self.input.get(name.clone()).unwrap_or_default();
        let input = self.input;
        let found = (start..self.sib.len()).rev().find(|&i| {
            let e = &self.sib[i];
            e.hash == hash && e.ns == key && input.get(e.name.clone()).unwrap_or_default() == bytes
        });
        if let Some(i) = found {
            let entry = &mut self.sib[i];
            entry.count += 1;
            let count = entry.count;
            if count == 2 {
                let mut w = std::mem::replace(&mut entry.watch, u32::MAX);
                while let Some(watcher) = self.watchers.get(w as usize) {
                    if let Some(seg) = self
                        .diags
                        .get_mut(watcher.diag as usize)
                        .and_then(|d| d.segs.get_mut(usize::from(watcher.seg)))
                    {
                        seg.repeated = true;
                    }
                    w = watcher.next;
                }
            }
            (count, u32::try_from(i).unwrap_or(u32::MAX))
        } else if self.sib.len() - start >= MAX_SIBLING_NAMES {
            // Pathological fan-out: stop tracking new names (their paths get
            // no position) instead of scanning ever longer lists.
            (1, u32::MAX)
        } else {
            self.sib.push(SibEntry {
                hash,
                ns: key,
                name: name.clone(),
                count: 1,
                watch: u32::MAX,
            });
            (1, u32::try_from(self.sib.len() - 1).unwrap_or(u32::MAX))
        }
    }

    // ----- elements ------------------------------------------------------

    #[allow(clippy::too_many_lines)]
    fn start(&mut self, e: &BytesStart<'a>, tag: Range<usize>, empty: bool) -> Result<(), Fatal> {
        if self.root_closed {
            return Err(Fatal {
                message:
                    "malformed XML: extra content after the root element (a document has one root)"
                        .into(),
                span: tag,
            });
        }
        let qname = e.name().into_inner();
        let Some(shape) = xmlchars::qname_shape(qname) else {
            return Err(Fatal {
                message: format!(
                    "malformed XML: invalid element name {}",
                    show(&String::from_utf8_lossy(qname))
                ),
                span: tag,
            });
        };
        let (prefix, local_bytes) = match shape.colon {
            Some(i) => (qname.get(..i), qname.get(i + 1..).unwrap_or_default()),
            None => (None, qname),
        };
        let local_start = self.offset_of(local_bytes);
        let name = local_start..local_start + local_bytes.len();

        self.elements += 1;
        if self.elements > self.limits.max_elements || self.frames.len() >= self.limits.max_depth {
            let message = if self.elements > self.limits.max_elements {
                format!(
                    "validation stopped: the document has more than {} elements",
                    self.limits.max_elements
                )
            } else {
                format!(
                    "validation stopped: elements nest deeper than {} levels",
                    self.limits.max_depth
                )
            };
            self.report(codes::LIMIT, message, tag, None, None);
            return Err(Fatal {
                message: String::new(),
                span: 0..0,
            });
        }

        // Namespace declarations of this tag apply to the tag itself.
        self.collect_attributes(e, &tag)?;
        let ns = self.resolve_prefix(prefix, true);
        if ns == Ns::Undeclared {
            self.report(
                codes::XML_MALFORMED,
                format!(
                    "namespace prefix '{}' of element <{}> is not declared",
                    String::from_utf8_lossy(prefix.unwrap_or_default()),
                    String::from_utf8_lossy(qname)
                ),
                tag.clone(),
                None,
                None,
            );
        }
        if !self.attrs.is_empty() {
            self.resolve_attribute_namespaces()?;
        }

        let hash = name_hash(local_bytes);
        let (index, entry) = self.count_sibling(ns, &name, hash);
        let sib_start = u32::try_from(self.sib.len()).unwrap_or(u32::MAX);
        let me = ElemRef { name, index };
        self.pending_entry = entry;

        let decl = if self.root_seen {
            self.child_decl(&me, ns, local_bytes, hash, &tag)
        } else {
            self.root_seen = true;
            self.root_decl(&me, ns, local_bytes, prefix, &tag)
        };

        let mut kind = Kind::Skip;
        let mut nil = false;
        if let Some(decl_id) = decl {
            kind = self.check_element_attributes(&me, decl_id, &tag);
            if !self.attrs.is_empty()
                && self
                    .attrs
                    .iter()
                    .any(|a| a.ns == Ns::Xsi && self.str_at(&a.local) == "nil")
            {
                nil = self.xsi_nil(&me, decl_id);
            }
        }
        self.pending_entry = u32::MAX;

        let record = match &mut self.record {
            Some(record) => {
                // Offsets past a byte order mark, as the fast path's.
                let (start, end) = (
                    tag.start.saturating_sub(self.base),
                    tag.end.saturating_sub(self.base),
                );
                let at = record.push_named(self.frames.len(), start, end, qname.len());
                if shape.colon.is_some() {
                    record.mark(at, Tag::PREFIXED);
                }
                at
            }
            None => usize::MAX,
        };
        self.frames.push(Frame {
            name: me.name,
            index,
            entry,
            sib_start,
            tag,
            kind,
            has_text: false,
            text_span: None,
            direct: None,
            text_reported: false,
            nil,
            record,
        });
        if empty {
            self.end();
        }
        Ok(())
    }

    fn root_decl(
        &mut self,
        frame: &ElemRef,
        ns: Ns,
        local: &[u8],
        prefix: Option<&[u8]>,
        tag: &Range<usize>,
    ) -> Option<ElemId> {
        for &r in ROOTS {
            let d = element(r);
            if ns == Ns::Known(d.ns) && local == d.name.as_bytes() {
                return Some(r);
            }
        }
        let expected: Vec<String> = ROOTS
            .iter()
            .map(|&r| {
                let d = element(r);
                format!("{} in namespace {}", d.name, namespace(d.ns))
            })
            .collect();
        let uri = self
            .binding(prefix, true)
            .map(|b| b.uri.clone())
            .unwrap_or_default();
        let local_s = String::from_utf8_lossy(local);
        let expected_root = ROOTS.first().map(|&r| element(r));
        let message = match expected_root {
            Some(d) if local == d.name.as_bytes() => {
                if uri.as_bytes() == FA2_NS {
                    format!(
                        "this is an FA(2) document (namespace {uri}); expected an FA(3) invoice: {}",
                        expected.join(" or ")
                    )
                } else if uri.is_empty() {
                    format!(
                        "root element {local_s} has no namespace; expected {}",
                        expected.join(" or ")
                    )
                } else {
                    format!(
                        "root element {local_s} is in namespace {uri}, which is not the FA(3) namespace; expected {}",
                        expected.join(" or ")
                    )
                }
            }
            _ => format!(
                "root element {local_s}{} is not an FA(3) invoice; expected {}",
                if uri.is_empty() {
                    String::new()
                } else {
                    format!(" (namespace {uri})")
                },
                expected.join(" or ")
            ),
        };
        self.report(codes::ROOT, message, tag.clone(), Some(frame), None);
        self.active = false;
        None
    }

    /// The declaration of a child of the innermost open element, after
    /// advancing its content model; reports content-model violations.
    fn child_decl(
        &mut self,
        frame: &ElemRef,
        ns: Ns,
        local: &[u8],
        hash: u32,
        tag: &Range<usize>,
    ) -> Option<ElemId> {
        let parent_name = self.frames.last()?.name.clone();
        let (result, problem) = {
            let parent = self.frames.last_mut()?;
            advance(&mut parent.kind, ns, local, hash)
        };
        if let Some(problem) = problem {
            let message = problem.message(self.as_str(local), self.str_at(&parent_name));
            self.report(problem.code(), message, tag.clone(), Some(frame), None);
        }
        result
    }

    /// Records the value of the element whose end tag starts at `close`,
    /// when it has simple content and some character data: its span, and
    /// whether it holds references or markup (CDATA, comments, processing
    /// instructions).
    fn record_value(&mut self, close: usize) {
        let (Some(record), Some(frame)) = (&mut self.record, self.frames.last()) else {
            return;
        };
        if !frame.has_text || !matches!(frame.kind, Kind::Simple { .. }) {
            return;
        }
        let raw = self.input.get(frame.tag.end..close).unwrap_or_default();
        let references = memchr::memchr(b'&', raw).is_some();
        record.set_text(frame.record, close.saturating_sub(self.base), references);
        if memchr::memchr(b'<', raw).is_some() {
            record.mark(frame.record, Tag::MARKUP);
        }
    }

    fn end(&mut self) {
        let Some(frame) = self.frames.last() else {
            return;
        };
        let kind = frame.kind;
        let tag = frame.tag.clone();
        let has_text = frame.has_text;
        let nil = frame.nil;
        let value_span = frame.text_span.clone().unwrap_or(tag.clone());
        let direct = frame.direct.clone();
        let name_range = frame.name.clone();
        match kind {
            Kind::Simple { ty, fixed, default } if !nil => {
                let text = std::mem::take(&mut self.text);
                let value: &str = match (&direct, has_text) {
                    (Some(d), _) => self.text_view.get(d.clone()).unwrap_or_default(),
                    (None, true) => &text,
                    (None, false) => fixed.or(default).unwrap_or(""),
                };
                let mut violations = std::mem::take(&mut self.violations);
                violations.clear();
                facets::check(ty, value, &mut violations);
                if let Some(f) = fixed
                    && has_text
                    && !facets::equals_literal(ty, value, f)
                {
                    violations.push(Violation {
                        code: codes::FIXED,
                        message: format!(
                            "value {} differs from the fixed value '{f}' of <{}>",
                            show(value),
                            self.str_at(&name_range)
                        ),
                    });
                }
                for v in violations.drain(..) {
                    self.report(v.code, v.message, value_span.clone(), None, None);
                }
                self.violations = violations;
                self.text = text;
            }
            Kind::Elements {
                model,
                state,
                count,
                ..
            } => {
                let m = model_of(model);
                if let Some(st) = m.states.get(usize::from(state))
                    && !(st.accepting && count >= st.min)
                {
                    let message = format!(
                        "<{}> ends too early: missing required element, expected {}",
                        self.str_at(&name_range),
                        expected_names(m, state, count)
                    );
                    self.report(codes::MISSING_ELEMENT, message, tag.clone(), None, None);
                }
            }
            _ => {}
        }
        if matches!(kind, Kind::Simple { .. }) {
            self.text.clear();
        }
        if let Some(frame) = self.frames.pop() {
            let depth = self.frames.len();
            while self.bindings.last().is_some_and(|b| b.depth >= depth) {
                self.bindings.pop();
            }
            self.sib.truncate(frame.sib_start as usize);
        }
        if self.frames.is_empty() {
            self.root_closed = true;
        }
    }

    // ----- attributes ------------------------------------------------------

    /// Parses every attribute of a start tag into `self.attrs`, checking
    /// well-formedness, normalising values and recording namespace
    /// declarations (which apply to the whole tag).
    fn collect_attributes(&mut self, e: &BytesStart<'a>, tag: &Range<usize>) -> Result<(), Fatal> {
        self.attrs.clear();
        if e.attributes_raw().iter().all(u8::is_ascii_whitespace) {
            return Ok(());
        }
        self.attr_values.clear();
        // Attributes are compared pairwise for duplicates: more than the
        // bound stop validation before that work (counted without checks).
        let max = crate::ksef::MAX_ATTRIBUTES;
        if e.attributes().with_checks(false).take(max + 1).count() > max {
            self.report(
                codes::LIMIT,
                format!(
                    "validation stopped: an element has more than {max} attributes and namespace declarations"
                ),
                tag.clone(),
                None,
                None,
            );
            return Err(Fatal {
                message: String::new(),
                span: 0..0,
            });
        }
        let depth = self.frames.len();
        for attr in e.attributes() {
            let attr: Attribute<'_> = attr.map_err(|err| Fatal {
                message: format!("malformed XML: {err}"),
                span: tag.clone(),
            })?;
            let key = attr.key.into_inner();
            if !xmlchars::is_qname(key) {
                return Err(Fatal {
                    message: format!(
                        "malformed XML: invalid attribute name {}",
                        show(&String::from_utf8_lossy(key))
                    ),
                    span: tag.clone(),
                });
            }
            let raw = attr.value.as_ref();
            let span_start = self.offset_of(key);
            let value_start = self.offset_of(raw);
            let span = span_start..(value_start + raw.len() + 1).max(span_start + key.len());
            // quick-xml accepts `a="1"b="2"`; XML requires whitespace between
            // attributes.
            if !matches!(
                self.input.get(span.end),
                None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'/' | b'>')
            ) {
                return Err(Fatal {
                    message: format!(
                        "malformed XML: attribute {} must be followed by whitespace, '/>' or '>'",
                        String::from_utf8_lossy(key)
                    ),
                    span,
                });
            }
            if let Some((i, message)) = xmlchars::find_illegal(raw) {
                return Err(Fatal {
                    message,
                    span: value_start + i..value_start + i + 1,
                });
            }
            let vstart = self.attr_values.len();
            xmlchars::normalize_attribute(raw, &mut self.attr_values).map_err(|message| Fatal {
                message: format!("malformed XML: {message}"),
                span: span.clone(),
            })?;
            let value = vstart..self.attr_values.len();
            if key == b"xmlns" || key.starts_with(b"xmlns:") {
                self.declare_namespace(key, span_start, value, span, depth);
                continue;
            }
            let local_bytes = attr.key.local_name().into_inner();
            let local_start = self.offset_of(local_bytes);
            self.attrs.push(AttrItem {
                ns: Ns::Known(0),
                local: local_start..local_start + local_bytes.len(),
                qname: span_start..span_start + key.len(),
                value,
                span,
            });
        }
        Ok(())
    }

    fn declare_namespace(
        &mut self,
        key: &[u8],
        key_start: usize,
        value: Range<usize>,
        span: Range<usize>,
        depth: usize,
    ) {
        let uri = self.attr_values.get(value).unwrap_or_default().to_string();
        let prefix = if key.len() > 6 {
            key_start + 6..key_start + key.len()
        } else {
            key_start..key_start
        };
        let prefix_bytes = self.input.get(prefix.clone()).unwrap_or_default();
        let problem = if prefix_bytes == b"xmlns" {
            Some("the prefix xmlns cannot be declared")
        } else if prefix_bytes == b"xml" && uri.as_bytes() != XML_NS {
            Some("the prefix xml can only be bound to the XML namespace")
        } else if prefix_bytes != b"xml" && uri.as_bytes() == XML_NS {
            Some("only the prefix xml can be bound to the XML namespace")
        } else if uri == "http://www.w3.org/2000/xmlns/" {
            Some("no prefix can be bound to the xmlns namespace")
        } else {
            None
        };
        if let Some(problem) = problem {
            // libxml2 reports these namespace errors but recovers and
            // validates the document; they do not change the verdict.
            let segs = self.current_segs(None);
            self.push_diag(Pending {
                code: codes::XML_MALFORMED,
                severity: Severity::Warning,
                message: format!("namespace error: {problem}"),
                help: None,
                span,
                segs,
                attr: None,
            });
            return;
        }
        if !prefix.is_empty() && uri.is_empty() {
            let segs = self.current_segs(None);
            self.push_diag(Pending {
                code: codes::XML_MALFORMED,
                severity: Severity::Warning,
                message: format!(
                    "{} binds a prefix to the empty namespace, which XML 1.0 namespaces do not allow",
                    String::from_utf8_lossy(key)
                ),
                help: None,
                span,
                segs,
                attr: None,
            });
            return;
        }
        let ns = if uri.is_empty() {
            Ns::Known(0)
        } else {
            classify(uri.as_bytes())
        };
        self.bindings.push(Binding {
            prefix,
            ns,
            uri,
            depth,
        });
    }

    /// The innermost declaration of `prefix` (`None` = the default namespace).
    fn binding(&self, prefix: Option<&[u8]>, element: bool) -> Option<&Binding> {
        match prefix {
            None if !element => None,
            None => self.bindings.iter().rev().find(|b| b.prefix.is_empty()),
            Some(p) => self
                .bindings
                .iter()
                .rev()
                .find(|b| !b.prefix.is_empty() && self.input.get(b.prefix.clone()) == Some(p)),
        }
    }

    /// The namespace of a name with `prefix`; unprefixed attributes have none.
    fn resolve_prefix(&self, prefix: Option<&[u8]>, element: bool) -> Ns {
        if prefix == Some(b"xml") {
            return Ns::Xml;
        }
        match self.binding(prefix, element) {
            Some(b) => b.ns,
            None if prefix.is_none() => Ns::Known(0),
            None => Ns::Undeclared,
        }
    }

    /// Resolves the prefixes of the collected attributes and rejects two
    /// attributes with the same expanded name.
    fn resolve_attribute_namespaces(&mut self) -> Result<(), Fatal> {
        for i in 0..self.attrs.len() {
            let qname = self.attrs[i].qname.clone();
            let local = self.attrs[i].local.clone();
            let prefix = (local.start > qname.start).then(|| qname.start..local.start - 1);
            let prefix_bytes = prefix.as_ref().and_then(|p| self.input.get(p.clone()));
            let ns = self.resolve_prefix(prefix_bytes, false);
            if ns == Ns::Undeclared {
                return Err(Fatal {
                    message: format!(
                        "namespace prefix of attribute {} is not declared",
                        self.str_at(&qname)
                    ),
                    span: self.attrs[i].span.clone(),
                });
            }
            self.attrs[i].ns = ns;
            let uri = self.binding(prefix_bytes, false).map(|b| b.uri.as_str());
            let dup = self.attrs[..i].iter().any(|a| {
                let a_prefix =
                    (a.local.start > a.qname.start).then(|| a.qname.start..a.local.start - 1);
                let a_uri = self
                    .binding(
                        a_prefix.as_ref().and_then(|p| self.input.get(p.clone())),
                        false,
                    )
                    .map(|b| b.uri.as_str());
                a.ns == ns
                    && a_uri == uri
                    && self.input.get(a.local.clone()) == self.input.get(local.clone())
            });
            if dup {
                return Err(Fatal {
                    message: format!(
                        "malformed XML: attribute {} is repeated (same namespace and local name)",
                        self.str_at(&qname)
                    ),
                    span: self.attrs[i].span.clone(),
                });
            }
        }
        Ok(())
    }

    fn attr_value(&self, a: &AttrItem) -> &str {
        self.attr_values.get(a.value.clone()).unwrap_or_default()
    }

    /// Checks the attributes of an element with declaration `decl_id` and
    /// returns the kind of content it may have.
    #[allow(clippy::too_many_lines)]
    fn check_element_attributes(
        &mut self,
        frame: &ElemRef,
        decl_id: ElemId,
        tag: &Range<usize>,
    ) -> Kind {
        let decl = element(decl_id);
        if self.attrs.is_empty() && !has_required_attributes(decl.ty) {
            return kind_for(decl, decl.ty);
        }
        let mut ty = decl.ty;
        let attrs = std::mem::take(&mut self.attrs);

        // xsi:type first: it changes the type everything else is checked against.
        if let Some(a) = attrs
            .iter()
            .find(|a| a.ns == Ns::Xsi && self.str_at(&a.local) == "type")
        {
            let value = lexical::normalize(self.attr_value(a), super::tables::WhiteSpace::Collapse)
                .into_owned();
            match self.resolve_xsi_type(&value) {
                Ok(found) if derives_from(found, decl.ty) => ty = found,
                Ok(_) => {
                    let message = format!(
                        "xsi:type '{value}' is not derived from the declared type {} of <{}>",
                        type_name(decl.ty),
                        decl.name
                    );
                    self.report(
                        codes::XSI,
                        message,
                        a.span.clone(),
                        Some(frame),
                        Some("xsi:type".into()),
                    );
                }
                Err(why) => {
                    self.report(
                        codes::XSI,
                        why,
                        a.span.clone(),
                        Some(frame),
                        Some("xsi:type".into()),
                    );
                }
            }
        }

        let complex = match ty {
            TypeRef::Complex(c) => COMPLEX_TYPES.get(usize::from(c)),
            TypeRef::Simple(_) => None,
        };
        let mut seen: u64 = 0;
        for a in &attrs {
            let local = self.str_at(&a.local);
            match a.ns {
                Ns::Xsi => match local {
                    "type" | "nil" | "schemaLocation" | "noNamespaceSchemaLocation" => continue,
                    other => {
                        let message = format!(
                            "attribute xsi:{other} is not an XML Schema instance attribute"
                        );
                        self.report(
                            codes::ATTRIBUTE,
                            message,
                            a.span.clone(),
                            Some(frame),
                            Some(format!("xsi:{other}")),
                        );
                        continue;
                    }
                },
                Ns::Undeclared => continue,
                _ => {}
            }
            let qname = self.str_at(&a.qname).to_string();
            let found = complex.and_then(|c| {
                c.attributes
                    .iter()
                    .enumerate()
                    .find(|(_, d)| Ns::Known(d.ns) == a.ns && d.name == local)
            });
            let Some((i, adecl)) = found else {
                let allowed: Vec<&str> = complex
                    .map(|c| c.attributes.iter().map(|d| d.name).collect())
                    .unwrap_or_default();
                let message = if allowed.is_empty() {
                    format!("attribute {qname} is not allowed on <{}>", decl.name)
                } else {
                    format!(
                        "attribute {qname} is not allowed on <{}> (allowed: {})",
                        decl.name,
                        allowed.join(", ")
                    )
                };
                self.report(
                    codes::ATTRIBUTE,
                    message,
                    a.span.clone(),
                    Some(frame),
                    Some(qname),
                );
                continue;
            };
            if i < 64 {
                seen |= 1 << i;
            }
            let value = self.attr_value(a).to_string();
            let mut violations = Vec::new();
            facets::check(adecl.ty, &value, &mut violations);
            if let Some(f) = adecl.fixed
                && !facets::equals_literal(adecl.ty, &value, f)
            {
                violations.push(Violation {
                    code: codes::FIXED,
                    message: format!(
                        "attribute {qname} is {} but its value is fixed to '{f}'",
                        show(&value)
                    ),
                });
            }
            for v in violations {
                self.report(
                    v.code,
                    v.message,
                    a.span.clone(),
                    Some(frame),
                    Some(qname.clone()),
                );
            }
        }
        if let Some(c) = complex {
            for (i, adecl) in c.attributes.iter().enumerate() {
                if adecl.required && (i >= 64 || seen & (1 << i) == 0) {
                    let message = match adecl.fixed {
                        Some(f) => format!(
                            "<{}> lacks the required attribute {}=\"{f}\"",
                            decl.name, adecl.name
                        ),
                        None => format!(
                            "<{}> lacks the required attribute {}",
                            decl.name, adecl.name
                        ),
                    };
                    self.report(codes::ATTRIBUTE, message, tag.clone(), Some(frame), None);
                }
            }
        }
        self.attrs = attrs;
        kind_for(decl, ty)
    }

    fn resolve_xsi_type(&self, value: &str) -> Result<TypeRef, String> {
        if !xmlchars::is_qname(value.as_bytes()) {
            return Err(format!("xsi:type '{value}' is not a valid QName"));
        }
        let (prefix, local) = match value.split_once(':') {
            Some((p, l)) => (Some(p.as_bytes()), l),
            None => (None, value),
        };
        let uri: &str = match self.binding(prefix, true) {
            Some(b) => &b.uri,
            None if prefix.is_none() => "",
            None => {
                return Err(format!(
                    "the prefix '{}' of xsi:type '{value}' is not declared",
                    prefix.map(String::from_utf8_lossy).unwrap_or_default()
                ));
            }
        };
        NAMED_TYPES
            .iter()
            .find(|t| t.name == local && namespace(t.ns) == uri)
            .map(|t| t.ty)
            .ok_or_else(|| {
                format!("xsi:type '{value}' does not name a type of the schema ({{{uri}}}{local})")
            })
    }

    fn xsi_nil(&mut self, frame: &ElemRef, decl_id: ElemId) -> bool {
        let decl = element(decl_id);
        let Some(a) = self
            .attrs
            .iter()
            .find(|a| a.ns == Ns::Xsi && self.str_at(&a.local) == "nil")
            .cloned()
        else {
            return false;
        };
        let value = self.attr_value(&a).to_string();
        if !decl.nillable {
            self.report(
                codes::XSI,
                format!("<{}> is not nillable, so xsi:nil is not allowed", decl.name),
                a.span,
                Some(frame),
                Some("xsi:nil".into()),
            );
            return false;
        }
        if let Some(nil) = lexical::parse_boolean(&value) {
            nil
        } else {
            self.report(
                codes::XSI,
                format!("xsi:nil must be true or false, not {}", show(&value)),
                a.span,
                Some(frame),
                Some("xsi:nil".into()),
            );
            false
        }
    }

    // ----- character data ------------------------------------------------

    fn text(&mut self, raw: &[u8], span: Range<usize>, is_ref_ws: bool) -> Result<(), Fatal> {
        let is_ws = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
        let kind = self.frames.last().map(|f| f.kind);
        if !matches!(kind, Some(Kind::Simple { .. })) && raw.iter().all(is_ws) {
            // Indentation between elements: the common case.
            return Ok(());
        }
        if let Some(f) = self.illegal_char(span.start..span.start + raw.len()) {
            return Err(f);
        }
        if raw.contains(&b']') && raw.windows(3).any(|w| w == b"]]>") {
            return Err(Fatal {
                message: "malformed XML: ']]>' is not allowed in character data".into(),
                span,
            });
        }
        let text = self.as_str(raw);
        let Some(frame) = self.frames.last_mut() else {
            let where_ = if self.root_seen { "after" } else { "before" };
            return Err(Fatal {
                message: format!("malformed XML: text {where_} the root element"),
                span,
            });
        };
        let problem = match frame.kind {
            Kind::Skip | Kind::Elements { mixed: true, .. } => None,
            Kind::Simple { .. } => {
                frame.text_span = Some(match frame.text_span.take() {
                    Some(s) => s.start..span.end,
                    None => span.clone(),
                });
                let has_cr = raw.contains(&b'\r');
                if !frame.has_text && !has_cr {
                    let start = span.start;
                    frame.direct = Some(start..start + raw.len());
                } else {
                    materialize(frame, &mut self.text, self.text_view);
                    if has_cr {
                        xmlchars::push_normalized_eol(&mut self.text, text);
                    } else {
                        self.text.push_str(text);
                    }
                }
                frame.has_text = true;
                None
            }
            Kind::Elements { .. } | Kind::Empty => {
                if !is_ref_ws && !frame.text_reported {
                    frame.text_reported = true;
                    Some((matches!(frame.kind, Kind::Empty), frame.name.clone()))
                } else {
                    None
                }
            }
        };
        if let Some((empty, name)) = problem {
            let what = if empty {
                "must be empty"
            } else {
                "may only contain elements"
            };
            let name = self.str_at(&name);
            let message = format!("text {} is not allowed: <{name}> {what}", show(text));
            self.report(codes::TEXT_NOT_ALLOWED, message, span, None, None);
        }
        Ok(())
    }

    fn cdata(&mut self, c: &[u8], span: Range<usize>) -> Result<(), Fatal> {
        if let Some(f) = self.illegal_char(span.clone()) {
            return Err(f);
        }
        let content = self.as_str(c);
        let Some(frame) = self.frames.last_mut() else {
            return Err(Fatal {
                message: "malformed XML: a CDATA section outside the root element".into(),
                span,
            });
        };
        let problem = match frame.kind {
            Kind::Simple { .. } => {
                frame.has_text = true;
                frame.text_span = Some(match frame.text_span.take() {
                    Some(s) => s.start..span.end,
                    None => span.clone(),
                });
                materialize(frame, &mut self.text, self.text_view);
                xmlchars::push_normalized_eol(&mut self.text, content);
                None
            }
            Kind::Elements { mixed: true, .. } | Kind::Skip => None,
            // libxml2 treats a CDATA section as character content even when
            // it holds only whitespace.
            Kind::Elements { .. } | Kind::Empty if !frame.text_reported => {
                frame.text_reported = true;
                Some(frame.name.clone())
            }
            Kind::Elements { .. } | Kind::Empty => None,
        };
        if let Some(name) = problem {
            let name = self.str_at(&name);
            let message =
                format!("a CDATA section is not allowed: <{name}> may only contain elements");
            self.report(codes::TEXT_NOT_ALLOWED, message, span, None, None);
        }
        Ok(())
    }

    fn reference(&mut self, r: &[u8], span: Range<usize>) -> Result<(), Fatal> {
        let resolved = xmlchars::resolve_reference(r).map_err(|message| Fatal {
            message: format!("malformed XML: {message}"),
            span: span.clone(),
        })?;
        if self.frames.is_empty() {
            return Err(Fatal {
                message: "malformed XML: a reference outside the root element".into(),
                span,
            });
        }
        let mut buf = [0u8; 4];
        let s = resolved.ch.encode_utf8(&mut buf);
        if let Some(frame) = self.frames.last_mut()
            && let Kind::Simple { .. } = frame.kind
        {
            // A character reference is not subject to end-of-line handling.
            frame.has_text = true;
            frame.text_span = Some(match frame.text_span.take() {
                Some(s) => s.start..span.end,
                None => span,
            });
            materialize(frame, &mut self.text, self.text_view);
            self.text.push_str(s);
            return Ok(());
        }
        // In element-only content: whitespace character references are
        // whitespace, anything else is character content.
        let ws_char_ref = resolved.char_ref && lexical::is_xml_ws(resolved.ch);
        let Some(frame) = self.frames.last_mut() else {
            return Ok(());
        };
        let problem = match frame.kind {
            Kind::Elements { mixed: false, .. } | Kind::Empty
                if !ws_char_ref && !frame.text_reported =>
            {
                frame.text_reported = true;
                Some(frame.name.clone())
            }
            _ => None,
        };
        if let Some(name) = problem {
            let name = self.str_at(&name);
            let message = format!(
                "text {} is not allowed: <{name}> may only contain elements",
                show(s)
            );
            self.report(codes::TEXT_NOT_ALLOWED, message, span, None, None);
        }
        Ok(())
    }

    fn pi(pi: &quick_xml::events::BytesPI<'_>, span: Range<usize>) -> Result<(), Fatal> {
        let target = pi.target();
        if !xmlchars::is_name(target) {
            return Err(Fatal {
                message: "malformed XML: invalid processing instruction target".into(),
                span,
            });
        }
        if target.eq_ignore_ascii_case(b"xml") {
            return Err(Fatal {
                message: "malformed XML: the XML declaration is allowed only at the start of the document".into(),
                span,
            });
        }
        Ok(())
    }

    fn decl(
        &mut self,
        d: &quick_xml::events::BytesDecl<'_>,
        span: Range<usize>,
    ) -> Result<(), Fatal> {
        if span.start != self.base {
            return Err(Fatal {
                message: "malformed XML: the XML declaration is allowed only at the very start of the document".into(),
                span,
            });
        }
        if let Some(Err(problem)) = self
            .input
            .get(span.start + 5..span.end.saturating_sub(2))
            .map(xmlchars::parse_declaration)
        {
            return Err(Fatal {
                message: format!("malformed XML: {problem}"),
                span,
            });
        }
        if let Some(Ok(enc)) = d.encoding() {
            let enc = String::from_utf8_lossy(&enc).to_ascii_lowercase();
            if !xmlchars::encoding_is_acceptable(&enc) {
                return Err(Fatal {
                    message: format!(
                        "unsupported encoding '{enc}' declared; the document is read as UTF-8"
                    ),
                    span,
                });
            }
        }
        Ok(())
    }
}

/// A content-model violation, described lazily (messages are only built
/// when something is wrong).
pub(super) enum Problem {
    SimpleContent(SimpleId),
    MustBeEmpty,
    TooMany(u32),
    TooFew(u32, ElemId),
    MissingBefore(String),
    NotExpected(String),
    WrongNamespace(Ns, String),
    NotAllowed(String),
}

impl Problem {
    fn code(&self) -> &'static str {
        match self {
            Problem::TooFew(..) | Problem::MissingBefore(_) => codes::MISSING_ELEMENT,
            _ => codes::UNEXPECTED_ELEMENT,
        }
    }

    fn message(&self, local: &str, parent: &str) -> String {
        match self {
            Problem::SimpleContent(ty) => format!(
                "element <{local}> is not allowed: <{parent}> has simple content (type {})",
                facets::simple_type(*ty).name
            ),
            Problem::MustBeEmpty => {
                format!("element <{local}> is not allowed: <{parent}> must be empty")
            }
            Problem::TooMany(max) => {
                format!("too many <{local}> elements in <{parent}>: at most {max} allowed")
            }
            Problem::TooFew(min, elem) => format!(
                "<{parent}> needs at least {min} <{}> elements before <{local}>",
                element(*elem).name
            ),
            Problem::MissingBefore(expected) => {
                format!(
                    "missing required element before <{local}> in <{parent}>: expected {expected}"
                )
            }
            Problem::NotExpected(expected) => {
                format!("element <{local}> is not expected here in <{parent}>: expected {expected}")
            }
            Problem::WrongNamespace(ns, expected) => format!(
                "element <{local}> in <{parent}> is in the wrong namespace ({}); expected {expected}",
                ns_description(*ns)
            ),
            Problem::NotAllowed(expected) => {
                format!("element <{local}> is not allowed in <{parent}>: expected {expected}")
            }
        }
    }
}

/// Advances a parent's content model over a child element named `local`
/// in namespace `ns`; returns the child's declaration and a violation.
pub(super) fn advance(
    kind: &mut Kind,
    ns: Ns,
    local: &[u8],
    hash: u32,
) -> (Option<ElemId>, Option<Problem>) {
    match kind {
        Kind::Skip => (None, None),
        Kind::Simple { ty, .. } => (None, Some(Problem::SimpleContent(*ty))),
        Kind::Empty => (None, Some(Problem::MustBeEmpty)),
        Kind::Elements {
            model,
            state,
            count,
            ..
        } => {
            let m = model_of(*model);
            let Some(st) = m.states.get(usize::from(*state)) else {
                return (None, None);
            };
            if let Ns::Known(ns_id) = ns
                && let Some(t) = st
                    .next
                    .iter()
                    .find(|t| t.hash == hash && t.ns == ns_id && t.name.as_bytes() == local)
            {
                if t.to == *state {
                    if *count < st.max {
                        *count += 1;
                        return (Some(st.elem), None);
                    }
                    return (Some(st.elem), Some(Problem::TooMany(st.max)));
                }
                let problem =
                    (*count < st.min && *state != 0).then_some(Problem::TooFew(st.min, st.elem));
                *state = t.to;
                *count = 1;
                let elem = m.states.get(usize::from(t.to)).map_or(0, |s| s.elem);
                return (Some(elem), problem);
            }
            // Not allowed here. Resynchronise on the particle with this
            // name, preferring one further on.
            let expected = expected_names(m, *state, *count);
            let here = usize::from(*state);
            let position = (1..m.states.len())
                .filter(|&q| {
                    let d = element(m.states[q].elem);
                    Ns::Known(d.ns) == ns && d.name.as_bytes() == local
                })
                .min_by_key(|&q| (q <= here, q));
            if let Some(q) = position {
                *state = u16::try_from(q).unwrap_or(0);
                *count = 1;
                let elem = m.states[q].elem;
                let problem = if q > here {
                    Problem::MissingBefore(expected)
                } else {
                    Problem::NotExpected(expected)
                };
                (Some(elem), Some(problem))
            } else {
                let known_elsewhere =
                    (1..m.states.len()).any(|q| element(m.states[q].elem).name.as_bytes() == local);
                let problem = if known_elsewhere {
                    Problem::WrongNamespace(ns, expected)
                } else {
                    Problem::NotAllowed(expected)
                };
                (None, Some(problem))
            }
        }
    }
}

/// Copies a frame's direct (borrowed) value into the text buffer before
/// another piece is appended.
fn materialize(frame: &mut Frame, buf: &mut String, view: &str) {
    if let Some(d) = frame.direct.take() {
        buf.push_str(view.get(d).unwrap_or_default());
    }
}

fn has_required_attributes(ty: TypeRef) -> bool {
    match ty {
        TypeRef::Complex(c) => COMPLEX_TYPES
            .get(usize::from(c))
            .is_some_and(|ct| ct.attributes.iter().any(|a| a.required)),
        TypeRef::Simple(_) => false,
    }
}

fn ns_description(ns: Ns) -> String {
    match ns {
        Ns::Known(0) => "no namespace".into(),
        Ns::Known(i) => format!("namespace {}", namespace(i)),
        Ns::Xsi => "the XML Schema instance namespace".into(),
        Ns::Xml => "the xml namespace".into(),
        Ns::Other => "a namespace the schema does not use".into(),
        Ns::Undeclared => "an undeclared prefix".into(),
    }
}

fn type_name(t: TypeRef) -> &'static str {
    match t {
        TypeRef::Simple(s) => facets::simple_type(s).name,
        TypeRef::Complex(c) => COMPLEX_TYPES.get(usize::from(c)).map_or("?", |c| c.name),
    }
}

fn derives_from(t: TypeRef, declared: TypeRef) -> bool {
    if t == declared {
        return true;
    }
    match (t, declared) {
        (TypeRef::Simple(a), TypeRef::Simple(b)) => facets::simple_type(a).ancestors.contains(&b),
        (TypeRef::Complex(a), TypeRef::Complex(b)) => COMPLEX_TYPES
            .get(usize::from(a))
            .is_some_and(|c| c.ancestors.contains(&b)),
        _ => false,
    }
}

/// "A, B or C" for the transitions out of a state.
fn expected_names(m: &Model, state: u16, count: u32) -> String {
    let Some(st) = m.states.get(usize::from(state)) else {
        return String::new();
    };
    let mut names: Vec<&str> = Vec::new();
    for t in st.next {
        if t.to == state && count >= st.max {
            continue;
        }
        if !names.contains(&t.name) {
            names.push(t.name);
        }
    }
    let end = st.accepting && count >= st.min;
    match (names.len(), end) {
        (0, true) => "no further elements".into(),
        (0, false) => "nothing".into(),
        (1, false) => names[0].to_string(),
        (_, false) => format!("one of: {}", names.join(", ")),
        (_, true) => format!("one of: {} (or the end of the element)", names.join(", ")),
    }
}
