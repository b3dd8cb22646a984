//! What the validator needs from xsd-parser's *parsed* schema (`Schemas`, the
//! `xs` model) in addition to the interpreted `MetaTypes`:
//!
//! * simple-type derivation chains with the facets of every step. The
//!   interpreter copies a base type's facets into the derived type, so in
//!   `MetaTypes` the patterns of two steps end up in one list (OR-ed, where
//!   XSD requires AND), the built-in primitive is replaced by a Rust type
//!   (`xs:date` and `xs:token` both become `String`) and the implicit
//!   `whiteSpace` of `xs:token`/`xs:normalizedString` is lost;
//! * `fixed` values of elements and attributes, which `MetaTypes` drops.
//!
//! Declarations are keyed by a *structural path*: the global component they
//! belong to (`T{ns}TAdres` for a type, `E{ns}Faktura` for an element)
//! followed by the local element names (`/Podmiot1/PrefiksPodatnika`) and, for
//! attributes, `/@name`. The same key is computed while walking `MetaTypes`,
//! which is how an anonymous type there is matched with its definition here.

use std::collections::{BTreeMap, BTreeSet};

use xsd_parser::Schemas;
use xsd_parser::models::schema::xs::{
    AttributeGroupType, AttributeType, ComplexBaseType, ComplexBaseTypeContent,
    ComplexContentContent, ElementType, ElementTypeContent, ExtensionTypeContent, Facet, GroupType,
    GroupTypeContent, RestrictionContent, RestrictionTypeContent, SchemaContent, SimpleBaseType,
    SimpleBaseTypeContent, SimpleContentContent,
};

/// The XML Schema namespace.
pub const XS_NS: &str = "http://www.w3.org/2001/XMLSchema";

/// A reference to a simple type definition.
#[derive(Debug, Clone)]
pub enum RawBase {
    /// A global type, `(namespace, local name)`; built-ins are in [`XS_NS`].
    Named(String, String),
    /// An anonymous `xs:simpleType` nested in the restriction or union.
    Inline(Box<RawSimple>),
}

/// One facet as written in the schema.
#[derive(Debug, Clone)]
pub enum RawFacet {
    Pattern(String),
    Enumeration(String),
    Length(u32),
    MinLength(u32),
    MaxLength(u32),
    TotalDigits(u32),
    FractionDigits(u32),
    MinInclusive(String),
    MaxInclusive(String),
    MinExclusive(String),
    MaxExclusive(String),
    WhiteSpace(String),
}

/// A simple type definition.
#[derive(Debug, Clone)]
pub enum RawSimple {
    /// `xs:restriction` of `base` with this step's facets.
    Restriction {
        base: RawBase,
        facets: Vec<RawFacet>,
    },
    /// `xs:union` of the member types.
    Union(Vec<RawBase>),
    /// `xs:list` (not used by FA(3); rejected by the generator).
    List,
}

/// The parts of the parsed schemas the generator consults.
#[derive(Debug, Default)]
pub struct RawSchemas {
    /// Global simple types by `(namespace, name)`.
    pub simple_types: BTreeMap<(String, String), RawSimple>,
    /// Global complex types by `(namespace, name)`.
    pub complex_types: BTreeSet<(String, String)>,
    /// Anonymous simple types of local elements and attributes, by path key.
    pub inline_simple: BTreeMap<String, RawSimple>,
    /// `fixed` values of elements and attributes, by path key.
    pub fixed: BTreeMap<String, String>,
    /// `default` values of elements and attributes, by path key.
    pub defaults: BTreeMap<String, String>,
}

/// The path key of a global type.
pub fn type_key(ns: &str, name: &str) -> String {
    format!("T{{{ns}}}{name}")
}

/// The path key of a global element.
pub fn element_key(ns: &str, name: &str) -> String {
    format!("E{{{ns}}}{name}")
}

type Result<T> = std::result::Result<T, String>;

impl RawSchemas {
    /// Collects simple types and `fixed` values from every loaded schema.
    pub fn collect(schemas: &Schemas) -> Result<Self> {
        let mut raw = RawSchemas::default();
        for (_, info) in schemas.schemas() {
            let schema = &info.schema;
            let tns = schema.target_namespace.clone().unwrap_or_default();
            for item in &schema.content {
                match item {
                    SchemaContent::SimpleType(st) => {
                        let name = st
                            .name
                            .clone()
                            .ok_or("a global xs:simpleType without a name")?;
                        let def = simple(st)?;
                        raw.simple_types.insert((tns.clone(), name), def);
                    }
                    SchemaContent::ComplexType(ct) => {
                        let name = ct
                            .name
                            .clone()
                            .ok_or("a global xs:complexType without a name")?;
                        raw.complex_types.insert((tns.clone(), name.clone()));
                        raw.complex(ct, &type_key(&tns, &name))?;
                    }
                    SchemaContent::Element(el) => {
                        let name = el
                            .name
                            .clone()
                            .ok_or("a global xs:element without a name")?;
                        let key = element_key(&tns, &name);
                        raw.element_body(el, &key)?;
                    }
                    SchemaContent::Group(_) | SchemaContent::AttributeGroup(_) => {
                        return Err(
                            "named model and attribute groups are not supported by the validator generator"
                                .into(),
                        );
                    }
                    SchemaContent::Attribute(_) => {
                        return Err(
                            "global attributes are not supported by the validator generator".into(),
                        );
                    }
                    _ => {}
                }
            }
        }
        Ok(raw)
    }

    fn insert_unique(map: &mut BTreeMap<String, String>, key: String, value: String) -> Result<()> {
        if let Some(old) = map.get(&key)
            && *old != value
        {
            return Err(format!("conflicting values for {key}: {old} and {value}"));
        }
        map.insert(key, value);
        Ok(())
    }

    /// The inline definitions and value constraints of a (local or global)
    /// element whose own key is `key`.
    fn element_body(&mut self, el: &ElementType, key: &str) -> Result<()> {
        if let Some(fixed) = &el.fixed {
            Self::insert_unique(&mut self.fixed, key.to_string(), fixed.clone())?;
        }
        if let Some(default) = &el.default {
            Self::insert_unique(&mut self.defaults, key.to_string(), default.clone())?;
        }
        for c in &el.content {
            match c {
                ElementTypeContent::SimpleType(st) => {
                    let def = simple(st)?;
                    if self.inline_simple.insert(key.to_string(), def).is_some() {
                        return Err(format!("two anonymous simple types under {key}"));
                    }
                }
                ElementTypeContent::ComplexType(ct) => self.complex(ct, key)?,
                ElementTypeContent::Unique(_)
                | ElementTypeContent::Key(_)
                | ElementTypeContent::Keyref(_) => {
                    return Err(format!("identity constraints are not supported ({key})"));
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn complex(&mut self, ct: &ComplexBaseType, key: &str) -> Result<()> {
        for c in &ct.content {
            match c {
                ComplexBaseTypeContent::Sequence(g)
                | ComplexBaseTypeContent::Choice(g)
                | ComplexBaseTypeContent::All(g) => self.group(g, key)?,
                ComplexBaseTypeContent::Group(_) => {
                    return Err(format!("model group references are not supported ({key})"));
                }
                ComplexBaseTypeContent::Attribute(a) => self.attribute(a, key)?,
                ComplexBaseTypeContent::AttributeGroup(g) => Self::attribute_group(g, key)?,
                ComplexBaseTypeContent::ComplexContent(cc) => {
                    for d in &cc.content {
                        match d {
                            ComplexContentContent::Extension(ext) => {
                                self.extension_content(&ext.content, key, true)?;
                            }
                            ComplexContentContent::Restriction(res) => {
                                self.restriction_content(&res.content, key)?;
                            }
                            ComplexContentContent::Annotation(_) => {}
                        }
                    }
                }
                ComplexBaseTypeContent::SimpleContent(sc) => {
                    for d in &sc.content {
                        match d {
                            SimpleContentContent::Extension(ext) => {
                                self.extension_content(&ext.content, key, false)?;
                            }
                            SimpleContentContent::Restriction(res) => {
                                let facets = res.content.iter().any(|c| {
                                    matches!(
                                        c,
                                        RestrictionTypeContent::Facet(_)
                                            | RestrictionTypeContent::SimpleType(_)
                                    )
                                });
                                if facets {
                                    return Err(format!(
                                        "simple content restricted with facets is not supported ({key})"
                                    ));
                                }
                                self.restriction_content(&res.content, key)?;
                            }
                            SimpleContentContent::Annotation(_) => {}
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The particles (for complex content) and attributes of an extension.
    fn extension_content(
        &mut self,
        content: &[ExtensionTypeContent],
        key: &str,
        complex: bool,
    ) -> Result<()> {
        for e in content {
            match e {
                ExtensionTypeContent::Sequence(g)
                | ExtensionTypeContent::Choice(g)
                | ExtensionTypeContent::All(g)
                    if complex =>
                {
                    self.group(g, key)?;
                }
                ExtensionTypeContent::Attribute(a) => self.attribute(a, key)?,
                ExtensionTypeContent::AttributeGroup(g) => Self::attribute_group(g, key)?,
                ExtensionTypeContent::Group(_) => {
                    return Err(format!("model group references are not supported ({key})"));
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn restriction_content(&mut self, content: &[RestrictionTypeContent], key: &str) -> Result<()> {
        for c in content {
            match c {
                RestrictionTypeContent::Sequence(g)
                | RestrictionTypeContent::Choice(g)
                | RestrictionTypeContent::All(g) => self.group(g, key)?,
                RestrictionTypeContent::Attribute(a) => self.attribute(a, key)?,
                RestrictionTypeContent::AttributeGroup(g) => Self::attribute_group(g, key)?,
                RestrictionTypeContent::Group(_) => {
                    return Err(format!("model group references are not supported ({key})"));
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn group(&mut self, g: &GroupType, key: &str) -> Result<()> {
        for c in &g.content {
            match c {
                GroupTypeContent::Element(el) => {
                    if el.ref_.is_some() {
                        // A reference to a global element carries no local definitions.
                        continue;
                    }
                    let name = el
                        .name
                        .as_deref()
                        .ok_or("a local xs:element without a name")?;
                    self.element_body(el, &format!("{key}/{name}"))?;
                }
                GroupTypeContent::Sequence(g)
                | GroupTypeContent::Choice(g)
                | GroupTypeContent::All(g) => {
                    self.group(g, key)?;
                }
                GroupTypeContent::Group(_) => {
                    return Err(format!("model group references are not supported ({key})"));
                }
                GroupTypeContent::Any(_) => {
                    return Err(format!("xs:any wildcards are not supported ({key})"));
                }
                GroupTypeContent::Annotation(_) => {}
            }
        }
        Ok(())
    }

    fn attribute(&mut self, a: &AttributeType, key: &str) -> Result<()> {
        if a.ref_.is_some() {
            return Err(format!("attribute references are not supported ({key})"));
        }
        let name = a
            .name
            .as_deref()
            .ok_or("a local xs:attribute without a name")?;
        let akey = format!("{key}/@{name}");
        if let Some(fixed) = &a.fixed {
            Self::insert_unique(&mut self.fixed, akey.clone(), fixed.clone())?;
        }
        if let Some(default) = &a.default {
            Self::insert_unique(&mut self.defaults, akey.clone(), default.clone())?;
        }
        if let Some(st) = &a.simple_type {
            self.inline_simple.insert(akey, simple(st)?);
        }
        Ok(())
    }

    fn attribute_group(g: &AttributeGroupType, key: &str) -> Result<()> {
        let _ = g;
        Err(format!("attribute groups are not supported ({key})"))
    }
}

fn qname(q: &xsd_parser::models::schema::QName) -> (String, String) {
    let ns = q
        .namespace()
        .map(|n| String::from_utf8_lossy(n.as_ref()).into_owned())
        .unwrap_or_default();
    let local = String::from_utf8_lossy(q.local_name()).into_owned();
    (ns, local)
}

fn number(v: &str, what: &str) -> Result<u32> {
    v.trim()
        .parse()
        .map_err(|_| format!("invalid {what} facet value `{v}`"))
}

/// Converts one `xs:simpleType`.
pub fn simple(st: &SimpleBaseType) -> Result<RawSimple> {
    for c in &st.content {
        match c {
            SimpleBaseTypeContent::Restriction(r) => {
                let mut inline = None;
                let mut facets = Vec::new();
                for rc in &r.content {
                    match rc {
                        RestrictionContent::SimpleType(inner) => inline = Some(simple(inner)?),
                        RestrictionContent::Facet(f) => facets.push(facet(f)?),
                        RestrictionContent::Annotation(_) => {}
                    }
                }
                let base = match (&r.base, inline) {
                    (Some(q), None) => {
                        let (ns, local) = qname(q);
                        RawBase::Named(ns, local)
                    }
                    (None, Some(def)) => RawBase::Inline(Box::new(def)),
                    _ => {
                        return Err(
                            "xs:restriction needs exactly one of base= or an inline type".into(),
                        );
                    }
                };
                return Ok(RawSimple::Restriction { base, facets });
            }
            SimpleBaseTypeContent::Union(u) => {
                let mut members = Vec::new();
                if let Some(list) = &u.member_types {
                    for q in &list.0 {
                        let (ns, local) = qname(q);
                        members.push(RawBase::Named(ns, local));
                    }
                }
                for inner in &u.simple_type {
                    members.push(RawBase::Inline(Box::new(simple(inner)?)));
                }
                return Ok(RawSimple::Union(members));
            }
            SimpleBaseTypeContent::List(_) => return Ok(RawSimple::List),
            SimpleBaseTypeContent::Annotation(_) => {}
        }
    }
    Err("an xs:simpleType without restriction, union or list".into())
}

fn facet(f: &Facet) -> Result<RawFacet> {
    Ok(match f {
        Facet::Pattern(x) => RawFacet::Pattern(x.value.clone()),
        Facet::Enumeration(x) => RawFacet::Enumeration(x.value.clone()),
        Facet::Length(x) => RawFacet::Length(number(&x.value, "length")?),
        Facet::MinLength(x) => RawFacet::MinLength(number(&x.value, "minLength")?),
        Facet::MaxLength(x) => RawFacet::MaxLength(number(&x.value, "maxLength")?),
        Facet::TotalDigits(x) => RawFacet::TotalDigits(number(&x.value, "totalDigits")?),
        Facet::FractionDigits(x) => RawFacet::FractionDigits(number(&x.value, "fractionDigits")?),
        Facet::MinInclusive(x) => RawFacet::MinInclusive(x.value.clone()),
        Facet::MaxInclusive(x) => RawFacet::MaxInclusive(x.value.clone()),
        Facet::MinExclusive(x) => RawFacet::MinExclusive(x.value.clone()),
        Facet::MaxExclusive(x) => RawFacet::MaxExclusive(x.value.clone()),
        Facet::WhiteSpace(x) => RawFacet::WhiteSpace(x.value.trim().to_string()),
        Facet::Assertion(_) | Facet::ExplicitTimezone(_) => {
            return Err("XSD 1.1 facets (assertion, explicitTimezone) are not supported".into());
        }
    })
}
