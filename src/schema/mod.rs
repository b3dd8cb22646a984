//! Streaming XSD validation against the FA(3) schema.
//!
//! [`validate`] reads a document once, as quick-xml events, and checks it
//! against tables that `build.rs` generates from the official schema (the
//! same xsd-parser model the typed structs in [`crate::model`] come from):
//! content models as automata with occurrence counters, every facet of every
//! simple-type derivation step, attributes, fixed values, namespaces and the
//! `xsi:` attributes. It collects every violation, each with a stable
//! `FA3-XSD-*` code (see [`XSD_CODES`]; each is a rule's, defined in
//! `src/rules/xsd/`), the element path of the offending node
//! (`/Faktura/Fa/FaWiersz[3]/P_12`) and a byte span. Malformed XML is
//! reported as `FA3-XML-001`, after which validation stops.
//!
//! The verdict (no error-severity diagnostic, [`is_valid`]) is meant to be
//! the one libxml2 (`xmllint --schema`) gives; `tests/oracle.rs` checks that
//! on the official examples and a generated mutation corpus, and
//! `docs/xsd-disagreements.md` lists the known exceptions.
//!
//! ```
//! let missing_element = fa3::rules::find("FA3-XSD-002").unwrap();
//!
//! let xml = br#"<Faktura xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/"><Naglowek/></Faktura>"#;
//! let diagnostics = fa3::schema::validate(xml, &fa3::schema::SchemaLimits::default());
//! assert!(diagnostics.iter().any(|d| d.code == missing_element.meta.code));
//! assert!(!fa3::schema::is_valid(xml));
//! ```

mod codes;
mod facets;
mod fast;
mod lexical;
mod model;
mod tables;
mod validator;
mod xmlchars;

#[cfg(test)]
#[path = "../../build/xsd_regex.rs"]
mod xsd_regex;

use tables::generated;

pub use codes::{XSD_CODES, XsdCode};
pub use model::validate_model;

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{LineIndex, Tags};

/// Resource limits, enforced while reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SchemaLimits {
    /// Maximum element nesting depth (FA(3) itself needs 9).
    pub max_depth: usize,
    /// Maximum number of elements in the document.
    pub max_elements: usize,
}

impl Default for SchemaLimits {
    /// 64 levels and 2,000,000 elements ([`crate::ksef::MAX_DEPTH`],
    /// [`crate::ksef::MAX_ELEMENTS`], the defaults of
    /// [`Limits`](crate::Limits) too): far beyond any FA(3) invoice that
    /// KSeF accepts (3 MB), small enough to bound the work on hostile input.
    fn default() -> Self {
        Self {
            max_depth: crate::ksef::MAX_DEPTH,
            max_elements: crate::ksef::MAX_ELEMENTS,
        }
    }
}

/// Validates an FA(3) document and returns every violation found, ordered
/// by position, with `line` and `column` filled in.
///
/// Never panics; processes no DTD and expands only the five predefined
/// entities and character references. To validate many documents on one
/// thread, [`SchemaValidator`] reuses its working memory between them.
pub fn validate(bytes: &[u8], limits: &SchemaLimits) -> Vec<Diagnostic> {
    SchemaValidator::new(*limits).validate(bytes)
}

/// How a document fared in [`staged`].
#[derive(Debug)]
pub(crate) enum Staged {
    /// The fast path proved it schema-valid: the full validator would report
    /// nothing, and the root is an FA(3) `Faktura`. With the record of its
    /// start tags and values, when one was asked for.
    Proven(Option<Tags>),
    /// The fast path did not prove it valid and the gate stopped before the
    /// full validator.
    Stopped,
    /// The full validator's diagnostics, in document order, not yet
    /// located; with its record of the document's start tags and values,
    /// when one was asked for.
    Checked(Vec<Diagnostic>, Option<Tags>),
}

/// Working memory of both validators, kept between documents.
#[derive(Debug, Default)]
struct Buffers {
    fast: fast::Buffers,
    full: validator::Buffers,
}

thread_local! {
    /// The fast path's working memory for the functions without a
    /// [`SchemaValidator`] of their own.
    static FAST_BUFFERS: std::cell::RefCell<fast::Buffers> = std::cell::RefCell::default();
}

/// Runs `f` with this thread's fast-path buffers (fresh ones when they are
/// in use further up the stack).
fn with_fast_buffers<T>(f: impl FnOnce(&mut fast::Buffers) -> T) -> T {
    FAST_BUFFERS.with(|buffers| match buffers.try_borrow_mut() {
        Ok(mut b) => f(&mut b),
        Err(_) => f(&mut fast::Buffers::default()),
    })
}

/// The one place that decides how a document is validated: the fast path
/// first, and only when it does not prove the document valid, `gate` (which
/// may stop there, as the checking pipeline does for a document in another
/// form) and then the full validator, which alone produces diagnostics. The
/// full validator works in `full`, or in fresh buffers made only when it
/// runs.
fn staged_with(
    bytes: &[u8],
    limits: &SchemaLimits,
    fast: &mut fast::Buffers,
    full: Option<&mut validator::Buffers>,
    record: bool,
    clean: bool,
    gate: impl FnOnce() -> bool,
) -> Staged {
    // A start tag takes at least a few bytes; a typical invoice has one
    // every 20 to 40.
    fast.record = record.then(|| Tags::with_capacity(bytes.len() / 24));
    if fast::accepts(bytes, limits, fast, clean) {
        return Staged::Proven(fast.record.take().filter(Tags::is_complete));
    }
    fast.record = None;
    if !gate() {
        return Staged::Stopped;
    }
    let (diagnostics, record) = match full {
        Some(full) => validator::run_full(bytes, limits, full, record),
        None => validator::run_full(bytes, limits, &mut validator::Buffers::default(), record),
    };
    Staged::Checked(diagnostics, record)
}

/// [`staged_with`] on this thread's fast-path buffers, for the checking
/// pipeline (`crate::check`) and the typed parser: a document comes with
/// the record of its start tags and values that the fast path, or else the
/// full validator, made of it, which the typed-model builder reads instead
/// of the bytes.
/// `record`: whether to make that record (not for a schema-only check).
pub(crate) fn staged(
    bytes: &[u8],
    limits: &SchemaLimits,
    record: bool,
    gate: impl FnOnce() -> bool,
) -> Staged {
    staged_scanned(bytes, limits, record, false, gate)
}

/// [`staged`], told whether `bytes` are `clean`: the hygiene scan
/// ([`crate::hygiene::scan`]) reported nothing for them, so they are UTF-8
/// without a character XML forbids, and the fast path does not check that
/// again.
pub(crate) fn staged_scanned(
    bytes: &[u8],
    limits: &SchemaLimits,
    record: bool,
    clean: bool,
    gate: impl FnOnce() -> bool,
) -> Staged {
    with_fast_buffers(|fast| staged_with(bytes, limits, fast, None, record, clean, gate))
}

/// True when the fast path proves the document schema-valid.
///
/// [`validate`] first makes one lean pass over the bytes that handles the
/// common shape of an invoice (UTF-8, one default namespace, unprefixed
/// names, no DTD, CDATA or processing instructions) and gives up at the first
/// thing it does not handle or that is wrong; only then does the full
/// validator run, to find and explain every violation. When this returns
/// true, [`validate`] returns no diagnostic at all and the root element is an
/// FA(3) `Faktura`; `false` means "not proven", not "invalid".
///
/// ```
/// use fa3::schema::{SchemaLimits, fast_path_accepts};
/// let xml = br#"<Faktura xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/"><Naglowek/></Faktura>"#;
/// assert!(!fast_path_accepts(xml, &SchemaLimits::default()));
/// ```
pub fn fast_path_accepts(bytes: &[u8], limits: &SchemaLimits) -> bool {
    with_fast_buffers(|fast| fast::accepts(bytes, limits, fast, false))
}

/// [`validate`] without the fast path: the full validator alone. Same
/// result as [`validate`]; the reference the fast path is tested against.
pub fn validate_without_fast_path(bytes: &[u8], limits: &SchemaLimits) -> Vec<Diagnostic> {
    let (mut diagnostics, _) =
        validator::run_full(bytes, limits, &mut validator::Buffers::default(), false);
    locate_sorted(bytes, &mut diagnostics);
    diagnostics
}

/// The full validator alone, with its record of the document (for tests
/// that compare that record with the fast path's and the reader's).
#[cfg(test)]
pub(crate) fn full_with_record(bytes: &[u8]) -> (Vec<Diagnostic>, Option<Tags>) {
    validator::run_full(
        bytes,
        &SchemaLimits::default(),
        &mut validator::Buffers::default(),
        true,
    )
}

/// True when the document is schema-valid (no error-severity diagnostic).
pub fn is_valid(bytes: &[u8]) -> bool {
    match staged_with(
        bytes,
        &SchemaLimits::default(),
        &mut fast::Buffers::default(),
        None,
        false,
        false,
        || true,
    ) {
        Staged::Proven(_) | Staged::Stopped => true,
        Staged::Checked(diagnostics, _) => {
            !diagnostics.iter().any(|d| d.severity == Severity::Error)
        }
    }
}

/// A reusable validator: the same checks as [`validate`], keeping its
/// buffers between documents (one per thread).
///
/// ```
/// use fa3::schema::{SchemaLimits, SchemaValidator};
/// let mut validator = SchemaValidator::new(SchemaLimits::default());
/// for doc in [&b"<a/>"[..], b"<b/>"] {
///     assert!(!validator.validate(doc).is_empty());
/// }
/// ```
#[derive(Debug, Default)]
pub struct SchemaValidator {
    limits: SchemaLimits,
    buffers: Buffers,
}

impl SchemaValidator {
    /// A validator with the given limits.
    pub fn new(limits: SchemaLimits) -> Self {
        Self {
            limits,
            buffers: Buffers::default(),
        }
    }

    /// Validates one document; see [`validate`].
    pub fn validate(&mut self, bytes: &[u8]) -> Vec<Diagnostic> {
        let buffers = &mut self.buffers;
        match staged_with(
            bytes,
            &self.limits,
            &mut buffers.fast,
            Some(&mut buffers.full),
            false,
            false,
            || true,
        ) {
            Staged::Proven(_) | Staged::Stopped => Vec::new(),
            Staged::Checked(mut diagnostics, _) => {
                locate_sorted(bytes, &mut diagnostics);
                diagnostics
            }
        }
    }
}

/// Fills `line` and `column` (as [`crate::source::LineIndex`] computes them)
/// of diagnostics sorted by span start, in one pass over the document: a
/// one-line document with many findings must not be rescanned per finding.
fn locate_sorted(bytes: &[u8], diagnostics: &mut [Diagnostic]) {
    let (mut offset, mut line, mut column) = (0usize, 1u32, 1u32);
    for d in diagnostics.iter_mut() {
        let Some(target) = d.span.as_ref().map(|s| s.start.min(bytes.len())) else {
            continue;
        };
        if target < offset {
            // Not sorted (cannot happen for `run`'s output): fall back.
            let (l, c) = LineIndex::new(bytes).line_col(target);
            d.line = l;
            d.column = c;
            continue;
        }
        while offset < target {
            match bytes[offset] {
                b'\n' => {
                    line += 1;
                    column = 1;
                }
                b'\r' if bytes.get(offset + 1) != Some(&b'\n') => {
                    line += 1;
                    column = 1;
                }
                b'\r' => {}
                b if (b & 0xC0) != 0x80 => column += 1,
                _ => {}
            }
            offset += 1;
        }
        d.line = line;
        d.column = column;
    }
}
