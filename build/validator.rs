//! Generates the static tables of the streaming schema validator
//! (`$OUT_DIR/fa3_validator.rs`, shapes in `src/schema/tables.rs`).
//!
//! Sources:
//! * xsd-parser's interpreter output (`MetaTypes`, before optimisation): global
//!   elements, complex types, content models (sequence/choice nesting and
//!   occurrences), attribute uses, `nillable`;
//! * xsd-parser's parsed schema (`Schemas`, read through `xsd_raw.rs`): simple
//!   type derivation steps with their facets, and `fixed` values, which the
//!   interpreter merges or drops.
//!
//! Content models become Glushkov automata with occurrence counters: a
//! particle with `maxOccurs="10000"` is one state with a counted self-loop.
//! The generator fails the build on anything it cannot translate exactly
//! (wildcards, repeated groups, non-deterministic models, unsupported
//! built-ins or regex constructs) instead of emitting an approximation.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use xsd_parser::MetaTypes;
use xsd_parser::Schemas;
use xsd_parser::models::meta::{
    AttributeMetaVariant, Base, ComplexMeta, ElementMeta, ElementMetaVariant, ElementMode,
    MetaTypeVariant,
};
use xsd_parser::models::schema::MaxOccurs;
use xsd_parser::models::schema::xs::{FormChoiceType, Use};
use xsd_parser::models::{IdentType, TypeIdent};

use crate::xsd_raw::{RawBase, RawFacet, RawSchemas, RawSimple, XS_NS, element_key, type_key};
use crate::xsd_regex;

type Result<T> = std::result::Result<T, Box<dyn Error>>;

const UNBOUNDED: u32 = u32::MAX;

/// Writes `fa3_validator.rs` into `out`.
pub fn generate(schemas: &Schemas, meta: &MetaTypes, out: &Path) -> Result<()> {
    let raw = RawSchemas::collect(schemas)?;
    let mut g = Gen::new(meta, raw);
    g.run()?;
    let mut dfas = Vec::with_capacity(g.patterns.len());
    for p in &g.patterns {
        let table = crate::dfa::compile(p)?;
        dfas.push(table.emit());
    }
    fs::write(out.join("fa3_validator.rs"), g.emit(&dfas))?;
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum TypeRef {
    Simple(u16),
    Complex(u16),
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SimpleKey {
    /// A global simple type or built-in, `(namespace, name)`.
    Named(String, String),
    /// An anonymous simple type, by path key.
    Anon(String),
}

struct ElemOut {
    name: String,
    ns: u8,
    ty: TypeRef,
    nillable: bool,
    fixed: Option<String>,
    default: Option<String>,
}

struct AttrOut {
    name: String,
    ns: u8,
    ty: u16,
    required: bool,
    fixed: Option<String>,
}

enum ContentOut {
    Empty,
    Simple(u16),
    Elements(u16),
}

struct ComplexOut {
    name: String,
    attributes: Vec<AttrOut>,
    content: ContentOut,
    mixed: bool,
    ancestors: Vec<u16>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ws {
    Preserve,
    Replace,
    Collapse,
}

#[derive(Clone, Debug)]
enum FacetOut {
    Length(u32),
    MinLength(u32),
    MaxLength(u32),
    Pattern { regex: u16, source: String },
    Enumeration(Vec<String>),
    TotalDigits(u32),
    FractionDigits(u32),
    MinInclusive(String),
    MaxInclusive(String),
    MinExclusive(String),
    MaxExclusive(String),
}

#[derive(Clone)]
struct SimpleOut {
    name: String,
    builtin: &'static str,
    ws: Ws,
    prenormalize: bool,
    members: Vec<u16>,
    facets: Vec<(FacetOut, String)>,
    ancestors: Vec<u16>,
}

/// A particle tree, as read from `MetaTypes`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Particle {
    Elem {
        decl: u16,
        min: u32,
        max: u32,
    },
    Seq {
        items: Vec<Particle>,
        min: u32,
        max: u32,
    },
    Choice {
        items: Vec<Particle>,
        min: u32,
        max: u32,
    },
}

struct StateOut {
    elem: u16,
    min: u32,
    max: u32,
    accepting: bool,
    next: Vec<(String, u8, u16)>,
}

struct Gen<'a> {
    meta: &'a MetaTypes,
    raw: RawSchemas,
    namespaces: Vec<String>,
    prefixes: BTreeMap<String, String>,
    elements: Vec<ElemOut>,
    complex: Vec<Option<ComplexOut>>,
    complex_ids: BTreeMap<TypeIdent, u16>,
    simple: Vec<Option<SimpleOut>>,
    simple_ids: BTreeMap<SimpleKey, u16>,
    models: Vec<Vec<StateOut>>,
    patterns: Vec<String>,
    pattern_sources: Vec<String>,
    roots: Vec<u16>,
    named: BTreeMap<(String, String), TypeRef>,
}

/// Built-in simple types: name, `Builtin` variant, base built-in.
const BUILTINS: &[(&str, &str, Option<&str>)] = &[
    ("anySimpleType", "AnySimpleType", None),
    ("string", "String", Some("anySimpleType")),
    ("normalizedString", "NormalizedString", Some("string")),
    ("token", "Token", Some("normalizedString")),
    ("decimal", "Decimal", Some("anySimpleType")),
    ("integer", "Integer", Some("decimal")),
    ("nonPositiveInteger", "NonPositiveInteger", Some("integer")),
    (
        "negativeInteger",
        "NegativeInteger",
        Some("nonPositiveInteger"),
    ),
    ("long", "Long", Some("integer")),
    ("int", "Int", Some("long")),
    ("short", "Short", Some("int")),
    ("byte", "Byte", Some("short")),
    ("nonNegativeInteger", "NonNegativeInteger", Some("integer")),
    ("unsignedLong", "UnsignedLong", Some("nonNegativeInteger")),
    ("unsignedInt", "UnsignedInt", Some("unsignedLong")),
    ("unsignedShort", "UnsignedShort", Some("unsignedInt")),
    ("unsignedByte", "UnsignedByte", Some("unsignedShort")),
    (
        "positiveInteger",
        "PositiveInteger",
        Some("nonNegativeInteger"),
    ),
    ("date", "Date", Some("anySimpleType")),
    ("dateTime", "DateTime", Some("anySimpleType")),
    ("gYear", "GYear", Some("anySimpleType")),
    ("boolean", "Boolean", Some("anySimpleType")),
];

fn occurs_max(m: MaxOccurs) -> u32 {
    match m {
        MaxOccurs::Unbounded => UNBOUNDED,
        MaxOccurs::Bounded(n) => u32::try_from(n).unwrap_or(UNBOUNDED),
    }
}

fn occurs_min(m: usize) -> u32 {
    u32::try_from(m).unwrap_or(UNBOUNDED)
}

impl<'a> Gen<'a> {
    fn new(meta: &'a MetaTypes, raw: RawSchemas) -> Self {
        let mut prefixes = BTreeMap::new();
        for module in meta.modules.values() {
            if let (Some(ns), Some(prefix)) = (&module.namespace, module.prefix()) {
                let uri = String::from_utf8_lossy(ns.as_ref()).into_owned();
                prefixes.insert(uri, prefix.as_str().to_string());
            }
        }
        prefixes.insert(XS_NS.to_string(), "xs".to_string());
        Self {
            meta,
            raw,
            namespaces: vec![String::new()],
            prefixes,
            elements: Vec::new(),
            complex: Vec::new(),
            complex_ids: BTreeMap::new(),
            simple: Vec::new(),
            simple_ids: BTreeMap::new(),
            models: Vec::new(),
            patterns: Vec::new(),
            pattern_sources: Vec::new(),
            roots: Vec::new(),
            named: BTreeMap::new(),
        }
    }

    fn uri(&self, ns: xsd_parser::models::schema::NamespaceId) -> String {
        self.meta
            .modules
            .get(&ns)
            .and_then(|m| m.namespace.as_ref())
            .map(|n| String::from_utf8_lossy(n.as_ref()).into_owned())
            .unwrap_or_default()
    }

    fn ns_id(&mut self, uri: &str) -> Result<u8> {
        if let Some(i) = self.namespaces.iter().position(|n| n == uri) {
            return Ok(u8::try_from(i)?);
        }
        self.namespaces.push(uri.to_string());
        Ok(u8::try_from(self.namespaces.len() - 1)?)
    }

    fn qualified(&self, ns: &str, name: &str) -> String {
        match self.prefixes.get(ns) {
            Some(p) => format!("{p}:{name}"),
            None if ns.is_empty() => name.to_string(),
            None => format!("{{{ns}}}{name}"),
        }
    }

    /// Human-readable form of a path key, for names of anonymous types.
    fn describe_key(&self, key: &str) -> String {
        // `E{ns}Faktura/Podmiot1/@x` -> `/Faktura/Podmiot1/@x`,
        // `T{ns}TAdres/KodKraju` -> `tns:TAdres/KodKraju`.
        let (kind, rest) = key.split_at(1);
        let Some(close) = rest.find('}') else {
            return key.to_string();
        };
        let ns = &rest[1..close];
        let tail = &rest[close + 1..];
        if kind == "E" {
            format!("/{tail}")
        } else {
            let (name, path) = tail.split_once('/').unwrap_or((tail, ""));
            let q = self.qualified(ns, name);
            if path.is_empty() {
                q
            } else {
                format!("{q}/{path}")
            }
        }
    }

    fn run(&mut self) -> Result<()> {
        // 1. Global elements (the validation roots).
        let globals: Vec<TypeIdent> = self
            .meta
            .items
            .keys()
            .filter(|k| k.type_ == IdentType::Element && !k.name.is_generated())
            .cloned()
            .collect();
        for ident in globals {
            let uri = self.uri(ident.ns);
            let name = ident.name.as_str().to_string();
            let key = element_key(&uri, &name);
            let ty_ident = match self.meta.items.get(&ident).map(|t| &t.variant) {
                Some(MetaTypeVariant::Reference(r)) => r.type_.clone(),
                _ => return Err(format!("global element {name} is not a type reference").into()),
            };
            let ty = self.type_ref(&ty_ident, &key)?;
            let ns = self.ns_id(&uri)?;
            let decl = self.push_element(ElemOut {
                name: name.clone(),
                ns,
                ty,
                nillable: false,
                fixed: self.raw.fixed.get(&key).cloned(),
                default: self.raw.defaults.get(&key).cloned(),
            })?;
            self.roots.push(decl);
        }

        // 2. Built-ins, so that `xsi:type` can name them.
        for (name, _, _) in BUILTINS {
            let id = self.simple_type(&SimpleKey::Named(XS_NS.into(), (*name).into()))?;
            self.named.insert(
                (XS_NS.to_string(), (*name).to_string()),
                TypeRef::Simple(id),
            );
        }

        // 3. Global named types that derive from a type already in use: these
        //    are the only ones `xsi:type` can substitute. Repeat until stable,
        //    since adding a type can bring in more.
        loop {
            let before = self.simple.len() + self.complex.len();
            // Every global simple type: all of them derive from supported
            // built-ins, and an element declared with a built-in type (such
            // as `Ilosc`, an `xs:integer`) accepts any of them that restricts it.
            let simple_names: Vec<(String, String)> =
                self.raw.simple_types.keys().cloned().collect();
            for (ns, name) in simple_names {
                self.simple_type(&SimpleKey::Named(ns, name))?;
            }
            let complex_idents: Vec<TypeIdent> = self
                .meta
                .items
                .iter()
                .filter(|(k, t)| {
                    k.type_ == IdentType::Type
                        && !k.name.is_generated()
                        && matches!(t.variant, MetaTypeVariant::ComplexType(_))
                })
                .map(|(k, _)| k.clone())
                .collect();
            for ident in complex_idents {
                if self.complex_ids.contains_key(&ident) {
                    continue;
                }
                if self.complex_derives_from_used(&ident) {
                    let key = type_key(&self.uri(ident.ns), ident.name.as_str());
                    self.complex_type(&ident, &key)?;
                }
            }
            if self.simple.len() + self.complex.len() == before {
                break;
            }
        }

        // 4. The xsi:type lookup table: every named type with a definition.
        let simple_named: Vec<(SimpleKey, u16)> = self
            .simple_ids
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        for (key, id) in simple_named {
            if let SimpleKey::Named(ns, name) = key {
                self.named.insert((ns, name), TypeRef::Simple(id));
            }
        }
        let complex_named: Vec<(TypeIdent, u16)> = self
            .complex_ids
            .iter()
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        for (ident, id) in complex_named {
            if ident.type_ == IdentType::Type && !ident.name.is_generated() {
                let uri = self.uri(ident.ns);
                self.named
                    .insert((uri, ident.name.as_str().to_string()), TypeRef::Complex(id));
            }
        }
        let named_ns: Vec<String> = self.named.keys().map(|(ns, _)| ns.clone()).collect();
        for ns in named_ns {
            self.ns_id(&ns)?;
        }
        Ok(())
    }

    fn complex_derives_from_used(&self, ident: &TypeIdent) -> bool {
        let mut current = ident.clone();
        for _ in 0..64 {
            let Some(MetaTypeVariant::ComplexType(c)) =
                self.meta.items.get(&current).map(|t| &t.variant)
            else {
                return false;
            };
            let Some(base) = c.base.as_ident() else {
                return false;
            };
            if self.complex_ids.contains_key(base) {
                return true;
            }
            current = base.clone();
        }
        false
    }

    fn push_element(&mut self, e: ElemOut) -> Result<u16> {
        // Identical local declarations share one entry.
        if let Some(i) = self.elements.iter().position(|x| {
            x.name == e.name
                && x.ns == e.ns
                && x.ty == e.ty
                && x.nillable == e.nillable
                && x.fixed == e.fixed
                && x.default == e.default
        }) {
            return Ok(u16::try_from(i)?);
        }
        self.elements.push(e);
        Ok(u16::try_from(self.elements.len() - 1)?)
    }

    /// The type an element or attribute with path key `key` refers to.
    fn type_ref(&mut self, ident: &TypeIdent, key: &str) -> Result<TypeRef> {
        // Element idents of anonymous types are references to an element
        // type; follow plain references to the definition.
        let mut ident = ident.clone();
        for _ in 0..16 {
            if self.uri(ident.ns) == XS_NS {
                break;
            }
            match self.meta.items.get(&ident).map(|t| &t.variant) {
                Some(MetaTypeVariant::Reference(r)) if r.is_single() && !r.nillable => {
                    ident = r.type_.clone();
                }
                _ => break,
            }
        }
        let ident = &ident;
        let uri = self.uri(ident.ns);
        if uri == XS_NS {
            let id =
                self.simple_type(&SimpleKey::Named(XS_NS.into(), ident.name.as_str().into()))?;
            return Ok(TypeRef::Simple(id));
        }
        let variant = &self
            .meta
            .items
            .get(ident)
            .ok_or_else(|| format!("type {ident} is not in MetaTypes"))?
            .variant;
        let anonymous = ident.name.is_generated() || ident.type_ == IdentType::ElementType;
        if let MetaTypeVariant::ComplexType(_) = variant {
            let type_key = if anonymous {
                key.to_string()
            } else {
                type_key(&uri, ident.name.as_str())
            };
            Ok(TypeRef::Complex(self.complex_type(ident, &type_key)?))
        } else {
            let skey = if anonymous {
                SimpleKey::Anon(key.to_string())
            } else {
                SimpleKey::Named(uri, ident.name.as_str().to_string())
            };
            Ok(TypeRef::Simple(self.simple_type(&skey)?))
        }
    }

    fn complex_type(&mut self, ident: &TypeIdent, key: &str) -> Result<u16> {
        if let Some(&id) = self.complex_ids.get(ident) {
            return Ok(id);
        }
        let id = u16::try_from(self.complex.len())?;
        self.complex.push(None);
        self.complex_ids.insert(ident.clone(), id);

        let Some(MetaTypeVariant::ComplexType(c)) = self.meta.items.get(ident).map(|t| &t.variant)
        else {
            return Err(format!("{ident} is not a complex type").into());
        };
        let c = c.clone();
        let name = if ident.name.is_generated() || ident.type_ == IdentType::ElementType {
            format!("anonymous type of {}", self.describe_key(key))
        } else {
            self.qualified(&self.uri(ident.ns), ident.name.as_str())
        };

        let attributes = self.attributes(&c, &name, key)?;
        let content = self.content(&c, &name, key)?;

        let mut ancestors = Vec::new();
        let mut base = c.base.as_ident().cloned();
        while let Some(b) = base {
            match self.meta.items.get(&b).map(|t| &t.variant) {
                Some(MetaTypeVariant::ComplexType(bc)) => {
                    let bkey = type_key(&self.uri(b.ns), b.name.as_str());
                    let bid = self.complex_type(&b, &bkey)?;
                    ancestors.push(bid);
                    base = bc.base.as_ident().cloned();
                }
                _ => break,
            }
        }

        self.complex[usize::from(id)] = Some(ComplexOut {
            name,
            attributes,
            content,
            mixed: c.is_mixed,
            ancestors,
        });
        Ok(id)
    }

    fn attributes(&mut self, c: &ComplexMeta, name: &str, key: &str) -> Result<Vec<AttrOut>> {
        let mut attributes = Vec::new();
        for a in c.attributes.iter() {
            let AttributeMetaVariant::Type(t) = &a.variant else {
                return Err(format!("attribute wildcards are not supported ({name})").into());
            };
            if a.use_ == Use::Prohibited {
                continue;
            }
            let aname = a.ident.name.as_str().to_string();
            let akey = format!("{key}/@{aname}");
            let ns_uri = if a.form == FormChoiceType::Qualified {
                self.uri(a.ident.ns)
            } else {
                String::new()
            };
            let TypeRef::Simple(ty) = self.type_ref(t, &akey)? else {
                return Err(format!("attribute {aname} of {name} has a complex type").into());
            };
            attributes.push(AttrOut {
                name: aname,
                ns: self.ns_id(&ns_uri)?,
                ty,
                required: a.use_ == Use::Required,
                fixed: self.raw.fixed.get(&akey).cloned(),
            });
        }
        Ok(attributes)
    }

    fn content(&mut self, c: &ComplexMeta, name: &str, key: &str) -> Result<ContentOut> {
        let Some(content_ident) = &c.content else {
            return Ok(ContentOut::Empty);
        };
        let variant = &self
            .meta
            .items
            .get(content_ident)
            .ok_or_else(|| format!("content {content_ident} of {name} is not in MetaTypes"))?
            .variant;
        if let MetaTypeVariant::Sequence(_) | MetaTypeVariant::Choice(_) | MetaTypeVariant::All(_) =
            variant
        {
            let particle = self.group(
                content_ident,
                occurs_min(c.min_occurs),
                occurs_max(c.max_occurs),
                key,
            )?;
            self.check_extension(&c.base, &particle, name)?;
            return Ok(ContentOut::Elements(self.model(&particle, name)?));
        }
        if content_ident.name.is_generated() {
            return Err(format!("anonymous simple content of {name} is not supported").into());
        }
        match self.type_ref(content_ident, key)? {
            TypeRef::Simple(s) => Ok(ContentOut::Simple(s)),
            TypeRef::Complex(_) => {
                Err(format!("unexpected complex content type for {name}").into())
            }
        }
    }

    /// xsd-parser merges an extension's particles into its base's content
    /// group; when the base content is a choice, the added particles become a
    /// further alternative instead of following the choice. Refuse anything
    /// but the shapes XSD's extension semantics produce.
    fn check_extension(&mut self, base: &Base, derived: &Particle, name: &str) -> Result<()> {
        let Base::Extension(b) = base else {
            return Ok(());
        };
        let Some(MetaTypeVariant::ComplexType(bc)) = self.meta.items.get(b).map(|t| &t.variant)
        else {
            return Ok(());
        };
        let Some(bcontent) = bc.content.clone() else {
            return Ok(());
        };
        if !matches!(
            self.meta.items.get(&bcontent).map(|t| &t.variant),
            Some(
                MetaTypeVariant::Sequence(_) | MetaTypeVariant::Choice(_) | MetaTypeVariant::All(_)
            )
        ) {
            return Ok(());
        }
        let bkey = type_key(&self.uri(b.ns), b.name.as_str());
        let base_particle = self.group(
            &bcontent,
            occurs_min(bc.min_occurs),
            occurs_max(bc.max_occurs),
            &bkey,
        )?;
        let ok = shape(&base_particle) == shape(derived)
            || match (&base_particle, derived) {
                (Particle::Seq { items: bi, .. }, Particle::Seq { items: di, .. }) => {
                    di.len() >= bi.len()
                        && bi.iter().zip(di.iter()).all(|(x, y)| shape(x) == shape(y))
                }
                (_, Particle::Seq { items: di, .. }) => di
                    .first()
                    .is_some_and(|f| shape(f) == shape(&base_particle)),
                _ => false,
            };
        if ok {
            Ok(())
        } else {
            Err(format!(
                "the content model of {name} (an extension) does not contain its base's content as a prefix; \
                 xsd-parser merged it differently from XSD's extension rules"
            )
            .into())
        }
    }

    /// Reads a group (sequence/choice) of `MetaTypes` into a particle tree.
    fn group(&mut self, ident: &TypeIdent, min: u32, max: u32, key: &str) -> Result<Particle> {
        let variant = self
            .meta
            .items
            .get(ident)
            .ok_or_else(|| format!("group {ident} is not in MetaTypes"))?
            .variant
            .clone();
        let (is_choice, elements) = match &variant {
            MetaTypeVariant::Sequence(g) => (false, g.elements.0.clone()),
            MetaTypeVariant::Choice(g) => (true, g.elements.0.clone()),
            MetaTypeVariant::All(_) => {
                return Err(format!("xs:all is not supported ({ident})").into());
            }
            _ => return Err(format!("{ident} is not a model group").into()),
        };
        let mut items = Vec::new();
        for el in &elements {
            items.push(self.particle(el, key)?);
        }
        Ok(if is_choice {
            Particle::Choice { items, min, max }
        } else {
            Particle::Seq { items, min, max }
        })
    }

    fn particle(&mut self, el: &ElementMeta, key: &str) -> Result<Particle> {
        let min = occurs_min(el.min_occurs);
        let max = occurs_max(el.max_occurs);
        match &el.variant {
            ElementMetaVariant::Type {
                type_,
                mode: ElementMode::Group,
            } => self.group(type_, min, max, key),
            ElementMetaVariant::Type {
                type_,
                mode: ElementMode::Element,
            } => {
                let name = el.ident.name.as_str().to_string();
                let ekey = format!("{key}/{name}");
                let uri = if el.form == FormChoiceType::Qualified {
                    self.uri(el.ident.ns)
                } else {
                    String::new()
                };
                let ty = self.type_ref(type_, &ekey)?;
                let ns = self.ns_id(&uri)?;
                let decl = self.push_element(ElemOut {
                    name,
                    ns,
                    ty,
                    nillable: el.nillable,
                    fixed: self.raw.fixed.get(&ekey).cloned(),
                    default: self.raw.defaults.get(&ekey).cloned(),
                })?;
                Ok(Particle::Elem { decl, min, max })
            }
            ElementMetaVariant::Any { .. } => {
                Err(format!("xs:any is not supported ({key})").into())
            }
            ElementMetaVariant::Text => {
                Err(format!("mixed text particles are not supported ({key})").into())
            }
        }
    }

    /// Builds the Glushkov automaton of a particle tree.
    fn model(&mut self, root: &Particle, name: &str) -> Result<u16> {
        let mut positions: Vec<(u16, u32, u32)> = Vec::new();
        let mut follow: Vec<BTreeSet<usize>> = Vec::new();
        let info = glushkov(root, &mut positions, &mut follow, name)?;

        let mut states = Vec::with_capacity(positions.len() + 1);
        let start_next: BTreeSet<usize> = info.first.clone();
        let build = |targets: &BTreeSet<usize>,
                     own: Option<usize>,
                     states_name: &str,
                     g: &Gen<'_>|
         -> Result<Vec<(String, u8, u16)>> {
            let mut next: Vec<(String, u8, u16)> = Vec::new();
            let mut all: Vec<usize> = targets.iter().copied().collect();
            if let Some(p) = own
                && positions[p].2 > 1
                && !all.contains(&p)
            {
                all.push(p);
            }
            all.sort_unstable();
            for p in all {
                let decl = &g.elements[usize::from(positions[p].0)];
                if next
                    .iter()
                    .any(|(n, ns, _)| *n == decl.name && *ns == decl.ns)
                {
                    return Err(format!(
                        "content model of {states_name} is not deterministic on element {}",
                        decl.name
                    )
                    .into());
                }
                next.push((decl.name.clone(), decl.ns, u16::try_from(p + 1)?));
            }
            Ok(next)
        };
        states.push(StateOut {
            elem: u16::MAX,
            min: 0,
            max: 0,
            accepting: info.nullable,
            next: build(&start_next, None, name, self)?,
        });
        for (p, &(decl, min, max)) in positions.iter().enumerate() {
            states.push(StateOut {
                elem: decl,
                min,
                max,
                accepting: info.last.contains(&p),
                next: build(&follow[p], Some(p), name, self)?,
            });
        }
        self.models.push(states);
        Ok(u16::try_from(self.models.len() - 1)?)
    }

    fn simple_type(&mut self, key: &SimpleKey) -> Result<u16> {
        if let Some(&id) = self.simple_ids.get(key) {
            return Ok(id);
        }
        let id = u16::try_from(self.simple.len())?;
        self.simple.push(None);
        self.simple_ids.insert(key.clone(), id);
        let out = match key {
            SimpleKey::Named(ns, name) if ns == XS_NS => self.builtin(name)?,
            SimpleKey::Named(ns, name) => {
                let def = self
                    .raw
                    .simple_types
                    .get(&(ns.clone(), name.clone()))
                    .cloned()
                    .ok_or_else(|| {
                        format!("simple type {{{ns}}}{name} not found in the schemas")
                    })?;
                let display = self.qualified(ns, name);
                self.resolve(&def, display, &type_key(ns, name))?
            }
            SimpleKey::Anon(path) => {
                let def = self
                    .raw
                    .inline_simple
                    .get(path)
                    .cloned()
                    .ok_or_else(|| format!("no anonymous simple type found for {path}"))?;
                let display = format!("anonymous type of {}", self.describe_key(path));
                self.resolve(&def, display, path)?
            }
        };
        self.simple[usize::from(id)] = Some(out);
        Ok(id)
    }

    fn builtin(&mut self, name: &str) -> Result<SimpleOut> {
        let &(_, variant, base) = BUILTINS
            .iter()
            .find(|(n, _, _)| *n == name)
            .ok_or_else(|| format!("built-in type xs:{name} is not supported by the validator"))?;
        let ws = match name {
            "string" | "anySimpleType" => Ws::Preserve,
            "normalizedString" => Ws::Replace,
            _ => Ws::Collapse,
        };
        let mut ancestors = Vec::new();
        if let Some(b) = base {
            let bid = self.simple_type(&SimpleKey::Named(XS_NS.into(), b.into()))?;
            ancestors.push(bid);
            let parent = self.simple[usize::from(bid)]
                .as_ref()
                .ok_or("cyclic built-in hierarchy")?;
            ancestors.extend(parent.ancestors.iter().copied());
        }
        Ok(SimpleOut {
            name: format!("xs:{name}"),
            builtin: variant,
            ws,
            prenormalize: false,
            members: Vec::new(),
            facets: Vec::new(),
            ancestors,
        })
    }

    fn resolve(&mut self, def: &RawSimple, display: String, own_key: &str) -> Result<SimpleOut> {
        match def {
            RawSimple::List => Err(format!("list types are not supported ({display})").into()),
            RawSimple::Union(members) => {
                let mut ids = Vec::new();
                for (i, m) in members.iter().enumerate() {
                    let id = match m {
                        RawBase::Named(ns, n) => {
                            self.simple_type(&SimpleKey::Named(ns.clone(), n.clone()))?
                        }
                        RawBase::Inline(inner) => {
                            let k = format!("{own_key}|{i}");
                            self.raw.inline_simple.insert(k.clone(), (**inner).clone());
                            self.simple_type(&SimpleKey::Anon(k))?
                        }
                    };
                    ids.push(id);
                }
                Ok(SimpleOut {
                    name: display,
                    builtin: "AnySimpleType",
                    ws: Ws::Preserve,
                    prenormalize: false,
                    members: ids,
                    facets: Vec::new(),
                    ancestors: Vec::new(),
                })
            }
            RawSimple::Restriction { base, facets } => {
                self.restriction(base, facets, display, own_key)
            }
        }
    }

    /// One restriction step: the base's definition plus this step's facets
    /// (patterns of the step OR-ed into one regex, steps AND-ed).
    fn restriction(
        &mut self,
        base: &RawBase,
        facets: &[RawFacet],
        display: String,
        own_key: &str,
    ) -> Result<SimpleOut> {
        let base_id = match base {
            RawBase::Named(ns, n) => self.simple_type(&SimpleKey::Named(ns.clone(), n.clone()))?,
            RawBase::Inline(inner) => {
                let k = format!("{own_key}#base");
                self.raw.inline_simple.insert(k.clone(), (**inner).clone());
                self.simple_type(&SimpleKey::Anon(k))?
            }
        };
        let mut out = self.simple[usize::from(base_id)]
            .clone()
            .ok_or_else(|| format!("cyclic simple type derivation at {display}"))?;
        if !out.members.is_empty() && !facets.is_empty() {
            return Err(
                format!("restricting a union with facets is not supported ({display})").into(),
            );
        }
        out.ancestors.insert(0, base_id);
        let mut step: Vec<(FacetOut, String)> = Vec::new();
        let mut patterns: Vec<&str> = Vec::new();
        let mut enumeration: Vec<String> = Vec::new();
        for f in facets {
            let facet = match f {
                RawFacet::Pattern(p) => {
                    patterns.push(p);
                    continue;
                }
                RawFacet::Enumeration(v) => {
                    enumeration.push(v.clone());
                    continue;
                }
                RawFacet::WhiteSpace(w) => {
                    out.ws = match w.as_str() {
                        "preserve" => Ws::Preserve,
                        "replace" => Ws::Replace,
                        "collapse" => Ws::Collapse,
                        other => {
                            return Err(format!("bad whiteSpace '{other}' in {display}").into());
                        }
                    };
                    continue;
                }
                RawFacet::Length(n) => FacetOut::Length(*n),
                RawFacet::MinLength(n) => FacetOut::MinLength(*n),
                RawFacet::MaxLength(n) => FacetOut::MaxLength(*n),
                RawFacet::TotalDigits(n) => FacetOut::TotalDigits(*n),
                RawFacet::FractionDigits(n) => FacetOut::FractionDigits(*n),
                RawFacet::MinInclusive(v) => FacetOut::MinInclusive(v.clone()),
                RawFacet::MaxInclusive(v) => FacetOut::MaxInclusive(v.clone()),
                RawFacet::MinExclusive(v) => FacetOut::MinExclusive(v.clone()),
                RawFacet::MaxExclusive(v) => FacetOut::MaxExclusive(v.clone()),
            };
            step.push((facet, display.clone()));
        }
        if !patterns.is_empty() {
            let translated = xsd_regex::translate_any(&patterns)
                .map_err(|e| format!("pattern of {display}: {e}"))?;
            regex_syntax::Parser::new()
                .parse(&translated)
                .map_err(|e| format!("translated pattern of {display} does not parse: {e}"))?;
            let regex = u16::try_from(self.patterns.len())?;
            self.patterns.push(translated);
            let source = patterns.join(" | ");
            self.pattern_sources.push(source.clone());
            step.insert(0, (FacetOut::Pattern { regex, source }, display.clone()));
            out.prenormalize = true;
        }
        if !enumeration.is_empty() {
            step.insert(0, (FacetOut::Enumeration(enumeration), display.clone()));
            out.prenormalize = true;
        }
        // Most derived first.
        step.append(&mut out.facets);
        out.facets = step;
        out.name = display;
        Ok(out)
    }

    #[allow(clippy::too_many_lines)] // one straight-line writer per table
    fn emit(&self, dfas: &[String]) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "// Generated by build.rs from the FA(3) schema (build/validator.rs). Do not edit.\n"
        );
        let _ = writeln!(
            s,
            "pub(crate) static NAMESPACES: &[&str] = &{:?};",
            self.namespaces
        );
        let _ = writeln!(s, "pub(crate) static ROOTS: &[ElemId] = &{:?};", self.roots);

        s.push_str("pub(crate) static ELEMENTS: &[ElementDecl] = &[\n");
        for e in &self.elements {
            let _ = writeln!(
                s,
                "    ElementDecl {{ name: {:?}, ns: {}, ty: {}, nillable: {}, fixed: {:?}, default: {:?} }},",
                e.name,
                e.ns,
                type_ref(e.ty),
                e.nillable,
                e.fixed,
                e.default
            );
        }
        s.push_str("];\n\n");

        s.push_str("pub(crate) static COMPLEX_TYPES: &[ComplexType] = &[\n");
        for c in self.complex.iter().flatten() {
            let _ = write!(s, "    ComplexType {{ name: {:?}, attributes: &[", c.name);
            for a in &c.attributes {
                let _ = write!(
                    s,
                    "AttributeDecl {{ name: {:?}, ns: {}, ty: {}, required: {}, fixed: {:?} }}, ",
                    a.name, a.ns, a.ty, a.required, a.fixed
                );
            }
            let content = match c.content {
                ContentOut::Empty => "Content::Empty".to_string(),
                ContentOut::Simple(id) => format!("Content::Simple({id})"),
                ContentOut::Elements(id) => format!("Content::Elements({id})"),
            };
            let _ = writeln!(
                s,
                "], content: {content}, mixed: {}, ancestors: &{:?} }},",
                c.mixed, c.ancestors
            );
        }
        s.push_str("];\n\n");

        s.push_str("pub(crate) static MODELS: &[Model] = &[\n");
        for m in &self.models {
            s.push_str("    Model { states: &[\n");
            for st in m {
                let _ = write!(
                    s,
                    "        State {{ elem: {}, min: {}, max: {}, accepting: {}, next: &[",
                    st.elem, st.min, st.max, st.accepting
                );
                for (name, ns, to) in &st.next {
                    let hash = name_hash(name.as_bytes());
                    let head = name_head(name.as_bytes());
                    let _ = write!(
                        s,
                        "Transition {{ hash: {hash}, head: {head:#x}, name: {name:?}, ns: {ns}, to: {to} }}, "
                    );
                }
                s.push_str("] },\n");
            }
            s.push_str("    ] },\n");
        }
        s.push_str("];\n\n");

        s.push_str("pub(crate) static SIMPLE_TYPES: &[SimpleType] = &[\n");
        for t in self.simple.iter().flatten() {
            let ws = match t.ws {
                Ws::Preserve => "Preserve",
                Ws::Replace => "Replace",
                Ws::Collapse => "Collapse",
            };
            let _ = write!(
                s,
                "    SimpleType {{ name: {:?}, builtin: Builtin::{}, whitespace: WhiteSpace::{ws}, prenormalize: {}, members: &{:?}, facets: &[",
                t.name, t.builtin, t.prenormalize, t.members
            );
            for (f, from) in &t.facets {
                let facet = match f {
                    FacetOut::Length(n) => format!("Facet::Length({n})"),
                    FacetOut::MinLength(n) => format!("Facet::MinLength({n})"),
                    FacetOut::MaxLength(n) => format!("Facet::MaxLength({n})"),
                    FacetOut::Pattern { regex, source } => {
                        format!("Facet::Pattern {{ regex: {regex}, source: {source:?} }}")
                    }
                    FacetOut::Enumeration(v) => {
                        let mut sorted = v.clone();
                        sorted.sort();
                        format!("Facet::Enumeration(&{v:?}, &{sorted:?})")
                    }
                    FacetOut::TotalDigits(n) => format!("Facet::TotalDigits({n})"),
                    FacetOut::FractionDigits(n) => format!("Facet::FractionDigits({n})"),
                    FacetOut::MinInclusive(v) => format!("Facet::MinInclusive({v:?})"),
                    FacetOut::MaxInclusive(v) => format!("Facet::MaxInclusive({v:?})"),
                    FacetOut::MinExclusive(v) => format!("Facet::MinExclusive({v:?})"),
                    FacetOut::MaxExclusive(v) => format!("Facet::MaxExclusive({v:?})"),
                };
                let _ = write!(s, "FacetDecl {{ facet: {facet}, from: {from:?} }}, ");
            }
            let _ = writeln!(s, "], ancestors: &{:?} }},", t.ancestors);
        }
        s.push_str("];\n\n");

        s.push_str("pub(crate) static NAMED_TYPES: &[NamedType] = &[\n");
        for ((ns, name), ty) in &self.named {
            let ns_id = self.namespaces.iter().position(|n| n == ns).unwrap_or(0);
            let _ = writeln!(
                s,
                "    NamedType {{ ns: {ns_id}, name: {name:?}, ty: {} }},",
                type_ref(*ty)
            );
        }
        s.push_str("];\n\n");

        let _ = writeln!(
            s,
            "pub(crate) static PATTERN_SOURCES: &[&str] = &{:?};",
            self.pattern_sources
        );
        let _ = writeln!(
            s,
            "pub(crate) static PATTERN_REGEXES: &[&str] = &{:?};",
            self.patterns
        );
        let _ = writeln!(
            s,
            "pub(crate) static PATTERN_DFAS: [Dfa; {}] = [",
            dfas.len()
        );
        for d in dfas {
            let _ = writeln!(s, "    {d},");
        }
        s.push_str("];\n");
        s
    }
}

/// The first eight bytes of a name, zero-padded, as a little-endian word:
/// the same as `name_head` in `src/schema/tables.rs`.
fn name_head(name: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    for (w, b) in word.iter_mut().zip(name) {
        *w = *b;
    }
    u64::from_le_bytes(word)
}

/// FNV-1a, the same function as `name_hash` in `src/schema/tables.rs`.
fn name_hash(name: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in name {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn type_ref(t: TypeRef) -> String {
    match t {
        TypeRef::Simple(i) => format!("TypeRef::Simple({i})"),
        TypeRef::Complex(i) => format!("TypeRef::Complex({i})"),
    }
}

/// A particle tree without occurrence-independent details, for comparing
/// a derived content model with its base.
fn shape(p: &Particle) -> String {
    match p {
        Particle::Elem { decl, min, max } => format!("e{decl}[{min},{max}]"),
        Particle::Seq { items, min, max } => format!(
            "s[{min},{max}]({})",
            items.iter().map(shape).collect::<Vec<_>>().join(",")
        ),
        Particle::Choice { items, min, max } => format!(
            "c[{min},{max}]({})",
            items.iter().map(shape).collect::<Vec<_>>().join(",")
        ),
    }
}

struct Info {
    nullable: bool,
    first: BTreeSet<usize>,
    last: BTreeSet<usize>,
}

/// Glushkov construction: positions are element particles; `follow[p]` is
/// the set of positions that may come right after `p` (a particle's own
/// repetition is handled by its counter, not by `follow`).
fn glushkov(
    p: &Particle,
    positions: &mut Vec<(u16, u32, u32)>,
    follow: &mut Vec<BTreeSet<usize>>,
    name: &str,
) -> Result<Info> {
    match p {
        Particle::Elem { decl, min, max } => {
            if *max == 0 {
                return Ok(Info {
                    nullable: true,
                    first: BTreeSet::new(),
                    last: BTreeSet::new(),
                });
            }
            let pos = positions.len();
            positions.push((*decl, *min, *max));
            follow.push(BTreeSet::new());
            Ok(Info {
                nullable: *min == 0,
                first: BTreeSet::from([pos]),
                last: BTreeSet::from([pos]),
            })
        }
        Particle::Seq { items, min, max } | Particle::Choice { items, min, max } => {
            if *max != 1 {
                return Err(format!(
                    "a model group with maxOccurs={max} in {name} is not supported (only element particles repeat)"
                )
                .into());
            }
            if *min > 1 {
                return Err(format!(
                    "a model group with minOccurs={min} in {name} is not supported"
                )
                .into());
            }
            let is_seq = matches!(p, Particle::Seq { .. });
            let mut infos = Vec::new();
            for it in items {
                infos.push(glushkov(it, positions, follow, name)?);
            }
            let mut info = if is_seq {
                let mut first = BTreeSet::new();
                for i in &infos {
                    first.extend(i.first.iter().copied());
                    if !i.nullable {
                        break;
                    }
                }
                let mut last = BTreeSet::new();
                for i in infos.iter().rev() {
                    last.extend(i.last.iter().copied());
                    if !i.nullable {
                        break;
                    }
                }
                // follow: last(i) -> first(j) for j > i while everything
                // between is nullable.
                for (i, a) in infos.iter().enumerate() {
                    for b in &infos[i + 1..] {
                        for &l in &a.last {
                            follow[l].extend(b.first.iter().copied());
                        }
                        if !b.nullable {
                            break;
                        }
                    }
                }
                Info {
                    nullable: infos.iter().all(|i| i.nullable),
                    first,
                    last,
                }
            } else {
                let mut first = BTreeSet::new();
                let mut last = BTreeSet::new();
                for i in &infos {
                    first.extend(i.first.iter().copied());
                    last.extend(i.last.iter().copied());
                }
                Info {
                    nullable: infos.is_empty() || infos.iter().any(|i| i.nullable),
                    first,
                    last,
                }
            };
            if *min == 0 {
                info.nullable = true;
            }
            Ok(info)
        }
    }
}
