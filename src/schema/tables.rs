//! The shapes of the static schema tables that `build.rs` generates from the
//! FA(3) schema (`$OUT_DIR/fa3_validator.rs`, see `build/validator.rs`).
//!
//! Everything is an index into a `static` slice, so the validator never
//! allocates to look something up. The tables themselves are the child
//! module [`generated`]; the lookups both validators share (the fast path
//! and the full validator) are below, beside them.

#[allow(
    clippy::all,
    clippy::pedantic,
    clippy::unwrap_used,
    dead_code,
    missing_docs,
    unused_imports
)]
pub(super) mod generated {
    use super::{
        AttributeDecl, Builtin, ComplexType, Content, Dfa, ElemId, ElementDecl, Facet, FacetDecl,
        Model, NamedType, SimpleType, State, Transition, TypeRef, WhiteSpace,
    };
    include!(concat!(env!("OUT_DIR"), "/fa3_validator.rs"));
}

use generated::{COMPLEX_TYPES, ELEMENTS, MODELS, NAMESPACES};

/// The XML Schema instance namespace (`xsi:`).
pub(crate) const XSI_NS: &[u8] = b"http://www.w3.org/2001/XMLSchema-instance";
/// The namespace of the `xml:` prefix.
pub(crate) const XML_NS: &[u8] = b"http://www.w3.org/XML/1998/namespace";

/// Index into `ELEMENTS`.
pub(crate) type ElemId = u16;
/// Index into `SIMPLE_TYPES`.
pub(crate) type SimpleId = u16;
/// Index into `COMPLEX_TYPES`.
pub(crate) type ComplexId = u16;
/// Index into `MODELS`.
pub(crate) type ModelId = u16;
/// Index into `NAMESPACES` (0 is "no namespace").
pub(crate) type NsId = u8;

/// A type definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TypeRef {
    /// A simple type.
    Simple(SimpleId),
    /// A complex type.
    Complex(ComplexId),
}

/// An element declaration (global or local).
#[derive(Debug)]
pub(crate) struct ElementDecl {
    /// Local name.
    pub name: &'static str,
    /// Namespace.
    pub ns: NsId,
    /// Declared type.
    pub ty: TypeRef,
    /// `nillable="true"`.
    pub nillable: bool,
    /// `fixed` value constraint.
    pub fixed: Option<&'static str>,
    /// `default` value constraint.
    pub default: Option<&'static str>,
}

/// An attribute use of a complex type.
#[derive(Debug)]
pub(crate) struct AttributeDecl {
    /// Local name.
    pub name: &'static str,
    /// Namespace (0 for the usual unqualified attributes).
    pub ns: NsId,
    /// The attribute's simple type.
    pub ty: SimpleId,
    /// `use="required"`.
    pub required: bool,
    /// `fixed` value constraint.
    pub fixed: Option<&'static str>,
}

/// What a complex type allows between its tags.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Content {
    /// Nothing (attributes only). FA(3) has no such type; the generator
    /// emits it for schemas that do.
    #[allow(dead_code)]
    Empty,
    /// Text of the given simple type.
    Simple(SimpleId),
    /// Child elements following a content model.
    Elements(ModelId),
}

/// A complex type definition.
#[derive(Debug)]
pub(crate) struct ComplexType {
    /// Display name (`tns:TAdres`, or a description of an anonymous type).
    pub name: &'static str,
    /// Attribute uses.
    pub attributes: &'static [AttributeDecl],
    /// Content.
    pub content: Content,
    /// `mixed="true"`: text is allowed between child elements.
    pub mixed: bool,
    /// Complex types this one derives from, nearest first.
    pub ancestors: &'static [ComplexId],
}

/// A content model compiled to a deterministic automaton over element
/// names (a Glushkov automaton). State 0 is the start; every other state is
/// one element particle, entered when that element is matched. Repetition of
/// a particle is a counted self-loop, so `maxOccurs="10000"` costs one
/// state, not ten thousand.
#[derive(Debug)]
pub(crate) struct Model {
    /// States; index 0 is the start state.
    pub states: &'static [State],
}

/// One state of a [`Model`].
#[derive(Debug)]
pub(crate) struct State {
    /// The element particle (`u16::MAX` for the start state).
    pub elem: ElemId,
    /// `minOccurs` of the particle.
    pub min: u32,
    /// `maxOccurs` of the particle (`u32::MAX` when unbounded).
    pub max: u32,
    /// The content may end here (once `min` is reached).
    pub accepting: bool,
    /// Outgoing transitions; a transition to the state itself is a repetition.
    pub next: &'static [Transition],
}

/// A transition of a [`Model`].
#[derive(Debug)]
pub(crate) struct Transition {
    /// [`name_hash`] of `name`, compared before the name itself.
    pub hash: u32,
    /// [`name_head`] of `name`: the fast path compares it with the first
    /// eight bytes of the child's name.
    pub head: u64,
    /// Local name of the element.
    pub name: &'static str,
    /// Namespace of the element.
    pub ns: NsId,
    /// Target state.
    pub to: u16,
}

/// The first eight bytes of a name, zero-padded, as a little-endian word
/// (the generator computes the same for every transition).
pub(crate) fn name_head(name: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    for (w, b) in word.iter_mut().zip(name) {
        *w = *b;
    }
    u64::from_le_bytes(word)
}

/// FNV-1a hash of an element's local name (the generator uses the same
/// function, so generated transitions carry their names' hashes).
pub(crate) fn name_hash(name: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in name {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The XSD built-in type an atomic simple type is derived from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)]
pub(crate) enum Builtin {
    /// `xs:anySimpleType` (also used for unions).
    AnySimpleType,
    /// `xs:string`.
    String,
    /// `xs:normalizedString`.
    NormalizedString,
    /// `xs:token`.
    Token,
    /// `xs:decimal`.
    Decimal,
    /// `xs:integer`.
    Integer,
    /// `xs:nonPositiveInteger`.
    NonPositiveInteger,
    /// `xs:negativeInteger`.
    NegativeInteger,
    /// `xs:long`.
    Long,
    /// `xs:int`.
    Int,
    /// `xs:short`.
    Short,
    /// `xs:byte`.
    Byte,
    /// `xs:nonNegativeInteger`.
    NonNegativeInteger,
    /// `xs:unsignedLong`.
    UnsignedLong,
    /// `xs:unsignedInt`.
    UnsignedInt,
    /// `xs:unsignedShort`.
    UnsignedShort,
    /// `xs:unsignedByte`.
    UnsignedByte,
    /// `xs:positiveInteger`.
    PositiveInteger,
    /// `xs:date`.
    Date,
    /// `xs:dateTime`.
    DateTime,
    /// `xs:gYear`.
    GYear,
    /// `xs:boolean`.
    Boolean,
}

impl Builtin {
    /// The `xs:` name.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Builtin::AnySimpleType => "xs:anySimpleType",
            Builtin::String => "xs:string",
            Builtin::NormalizedString => "xs:normalizedString",
            Builtin::Token => "xs:token",
            Builtin::Decimal => "xs:decimal",
            Builtin::Integer => "xs:integer",
            Builtin::NonPositiveInteger => "xs:nonPositiveInteger",
            Builtin::NegativeInteger => "xs:negativeInteger",
            Builtin::Long => "xs:long",
            Builtin::Int => "xs:int",
            Builtin::Short => "xs:short",
            Builtin::Byte => "xs:byte",
            Builtin::NonNegativeInteger => "xs:nonNegativeInteger",
            Builtin::UnsignedLong => "xs:unsignedLong",
            Builtin::UnsignedInt => "xs:unsignedInt",
            Builtin::UnsignedShort => "xs:unsignedShort",
            Builtin::UnsignedByte => "xs:unsignedByte",
            Builtin::PositiveInteger => "xs:positiveInteger",
            Builtin::Date => "xs:date",
            Builtin::DateTime => "xs:dateTime",
            Builtin::GYear => "xs:gYear",
            Builtin::Boolean => "xs:boolean",
        }
    }

    /// True for the date and time types.
    pub(crate) fn is_date(self) -> bool {
        matches!(self, Builtin::Date | Builtin::DateTime | Builtin::GYear)
    }

    /// True for the unsigned integer types (no sign allowed).
    pub(crate) fn is_unsigned(self) -> bool {
        matches!(
            self,
            Builtin::UnsignedLong
                | Builtin::UnsignedInt
                | Builtin::UnsignedShort
                | Builtin::UnsignedByte
        )
    }
}

/// The `whiteSpace` facet value in effect for a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WhiteSpace {
    /// Keep the value as is.
    Preserve,
    /// Replace tab, line feed and carriage return with spaces.
    Replace,
    /// Replace, then collapse runs of spaces and trim.
    Collapse,
}

/// A constraining facet.
#[derive(Debug)]
pub(crate) enum Facet {
    /// `length` (in characters).
    Length(u32),
    /// `minLength` (in characters).
    MinLength(u32),
    /// `maxLength` (in characters).
    MaxLength(u32),
    /// The patterns of one derivation step (any of them must match).
    Pattern {
        /// Index into `PATTERN_DFAS`.
        regex: u16,
        /// The XSD patterns as written, joined with ` | `.
        source: &'static str,
    },
    /// The enumeration of one derivation step: the values in schema order
    /// (for messages) and sorted (for lookup).
    Enumeration(&'static [&'static str], &'static [&'static str]),
    /// `totalDigits`.
    TotalDigits(u32),
    /// `fractionDigits`.
    FractionDigits(u32),
    /// `minInclusive`.
    MinInclusive(&'static str),
    /// `maxInclusive`.
    MaxInclusive(&'static str),
    /// `minExclusive`.
    MinExclusive(&'static str),
    /// `maxExclusive` (not used by FA(3)).
    #[allow(dead_code)]
    MaxExclusive(&'static str),
}

/// A facet and the type that declared it.
#[derive(Debug)]
pub(crate) struct FacetDecl {
    /// The facet.
    pub facet: Facet,
    /// Display name of the declaring type.
    pub from: &'static str,
}

/// A simple type definition with the facets of its whole derivation chain.
#[derive(Debug)]
pub(crate) struct SimpleType {
    /// Display name (`etd:TZnakowy`, or a description of an anonymous type).
    pub name: &'static str,
    /// The built-in the type is derived from (`AnySimpleType` for unions).
    pub builtin: Builtin,
    /// `whiteSpace` in effect.
    pub whitespace: WhiteSpace,
    /// libxml2 normalises the value before the built-in lexical check when a
    /// step of the chain has a pattern or an enumeration facet; without one,
    /// the date and time parsers see the raw text (see `lexical.rs`).
    pub prenormalize: bool,
    /// Member types of a union (empty for atomic types).
    pub members: &'static [SimpleId],
    /// Facets of every derivation step, most derived first.
    pub facets: &'static [FacetDecl],
    /// Simple types this one derives from, nearest first (for `xsi:type`).
    pub ancestors: &'static [SimpleId],
}

/// A global type that `xsi:type` may name.
#[derive(Debug)]
pub(crate) struct NamedType {
    /// Namespace.
    pub ns: NsId,
    /// Local name.
    pub name: &'static str,
    /// The definition.
    pub ty: TypeRef,
}

/// A pattern facet compiled by `build.rs` into a deterministic automaton
/// over UTF-8 bytes (see `build/dfa.rs`). State 0 is dead, state 1 the
/// start; the input matches when it ends in an accepting state.
#[derive(Debug)]
pub(crate) struct Dfa {
    /// Byte → equivalence class.
    pub classes: &'static [u8; 256],
    /// Number of classes: the length of one row of `trans`.
    pub stride: usize,
    /// `trans[row + class]` is the row of the next state, where the row of
    /// state `s` is `s * stride` (state 0 is dead, 1 is the start).
    pub trans: &'static [u16],
    /// `accept[s]`: the input matched when it ends in state `s`.
    pub accept: &'static [bool],
}

impl Dfa {
    /// True when the whole of `input` matches the pattern.
    #[inline]
    pub(crate) fn is_match(&self, input: &[u8]) -> bool {
        let mut row = self.stride;
        for &b in input {
            let class = usize::from(self.classes[usize::from(b)]);
            row = match self.trans.get(row + class) {
                Some(&next) => usize::from(next),
                None => return false,
            };
            if row == 0 {
                return false;
            }
        }
        row.checked_div(self.stride)
            .and_then(|state| self.accept.get(state))
            .copied()
            .unwrap_or(false)
    }

    /// True when the pattern matches every string whose byte at position
    /// `i` is one of `form[i]`: the states reachable after each position,
    /// followed as a set, are all live and end accepting.
    pub(crate) fn matches_every(&self, form: &[&[u8]]) -> bool {
        let mut rows = vec![self.stride];
        for allowed in form {
            let mut next: Vec<usize> = Vec::new();
            for &row in &rows {
                for &b in *allowed {
                    let class = usize::from(self.classes[usize::from(b)]);
                    match self.trans.get(row + class) {
                        Some(&to) if to != 0 => next.push(usize::from(to)),
                        _ => return false,
                    }
                }
            }
            next.sort_unstable();
            next.dedup();
            rows = next;
        }
        rows.iter().all(|&row| {
            row.checked_div(self.stride)
                .and_then(|state| self.accept.get(state))
                .copied()
                .unwrap_or(false)
        })
    }
}

/// Namespace of a name as far as the schema is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ns {
    /// A namespace the schema knows (0 = none).
    Known(NsId),
    /// The XML Schema instance namespace.
    Xsi,
    /// The `xml:` namespace.
    Xml,
    /// Any other namespace.
    Other,
    /// An undeclared prefix.
    Undeclared,
}

impl Ns {
    /// A small number for each namespace, for hashing names.
    pub(crate) fn key(self) -> u16 {
        match self {
            Ns::Known(id) => u16::from(id),
            Ns::Xsi => 0x100,
            Ns::Xml => 0x101,
            Ns::Other => 0x102,
            Ns::Undeclared => 0x103,
        }
    }
}

/// The schema's view of a namespace URI.
pub(crate) fn classify(uri: &[u8]) -> Ns {
    if let Some(i) = NAMESPACES.iter().position(|n| n.as_bytes() == uri) {
        return u8::try_from(i).map_or(Ns::Other, Ns::Known);
    }
    if uri == XSI_NS {
        Ns::Xsi
    } else if uri == XML_NS {
        Ns::Xml
    } else {
        Ns::Other
    }
}

/// What an open element may contain.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    /// Not validated (unknown element, or schema validation inactive).
    Skip,
    /// Character data of a simple type.
    Simple {
        ty: SimpleId,
        fixed: Option<&'static str>,
        default: Option<&'static str>,
    },
    /// Child elements following a content model.
    Elements {
        model: ModelId,
        state: u16,
        count: u32,
        mixed: bool,
    },
    /// Nothing at all.
    Empty,
}

/// What an element of type `ty` (declared by `decl`) may contain.
pub(crate) fn kind_for(decl: &'static ElementDecl, ty: TypeRef) -> Kind {
    match ty {
        TypeRef::Simple(s) => Kind::Simple {
            ty: s,
            fixed: decl.fixed,
            default: decl.default,
        },
        TypeRef::Complex(c) => match COMPLEX_TYPES.get(usize::from(c)) {
            Some(ct) => match ct.content {
                Content::Empty => Kind::Empty,
                Content::Simple(s) => Kind::Simple {
                    ty: s,
                    fixed: decl.fixed,
                    default: decl.default,
                },
                Content::Elements(m) => Kind::Elements {
                    model: m,
                    state: 0,
                    count: 0,
                    mixed: ct.mixed,
                },
            },
            None => Kind::Skip,
        },
    }
}

/// The element declaration `id`.
pub(crate) fn element(id: ElemId) -> &'static ElementDecl {
    ELEMENTS.get(usize::from(id)).unwrap_or(&ELEMENTS[0])
}

/// The content model `id`.
pub(crate) fn model_of(id: ModelId) -> &'static Model {
    MODELS.get(usize::from(id)).unwrap_or(&MODELS[0])
}

/// The states of content model `id`.
pub(crate) fn model_states(id: ModelId) -> &'static [State] {
    model_of(id).states
}

/// The namespace name `id` (empty for "no namespace").
pub(crate) fn namespace(id: NsId) -> &'static str {
    NAMESPACES.get(usize::from(id)).copied().unwrap_or("")
}
