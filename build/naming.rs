//! Stable, readable names for the generated model.
//!
//! * Field names are the XSD names in `snake_case` with their underscores kept:
//!   `P_13_1` -> `p_13_1`, `NrWierszaFa` -> `nr_wiersza_fa`, `PKWiU` -> `pkwiu`.
//! * Anonymous groups are named after their first element (`FakturaFaP6Choice`,
//!   field `p_6_choice`) instead of xsd-parser's running numbers, which shift
//!   with any schema change.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::Ident as Ident2;
use xsd_parser::models::Naming as DefaultNaming;
use xsd_parser::models::meta::{ElementMetaVariant, MetaType, MetaTypeVariant, MetaTypes};
use xsd_parser::models::{Name, TypeIdent};
use xsd_parser::traits::{NameBuilder, Naming};

/// Words that would split badly under plain camel-case rules.
const WORDS: &[(&str, &str)] = &[("PKWiU", "Pkwiu"), ("KSeF", "Ksef")];

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// `P_13_1` -> `p_13_1`, `NrWierszaFa` -> `nr_wiersza_fa`, `P_11Vat` -> `p_11_vat`.
pub fn snake(name: &str) -> String {
    let mut s = name.to_string();
    for (from, to) in WORDS {
        s = s.replace(from, to);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(chars.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' || c == '-' || c == '.' {
            if !out.ends_with('_') && !out.is_empty() {
                out.push('_');
            }
            continue;
        }
        if c.is_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = prev.is_lowercase()
                || (prev.is_uppercase() && next_lower)
                || (prev.is_ascii_digit() && next_lower);
            if boundary && !out.ends_with('_') && !out.is_empty() {
                out.push('_');
            }
        }
        out.extend(c.to_lowercase());
    }
    if KEYWORDS.contains(&out.as_str()) {
        out.push('_');
    }
    out
}

/// The default naming, except for field names.
#[derive(Debug, Clone, Default)]
pub struct Fa3Naming(DefaultNaming);

impl Naming for Fa3Naming {
    fn clone_boxed(&self) -> Box<dyn Naming> {
        Box::new(self.clone())
    }
    fn builder(&self) -> Box<dyn NameBuilder> {
        self.0.builder()
    }
    fn unify(&self, s: &str) -> String {
        self.0.unify(s)
    }
    fn make_type_name(&self, postfixes: &[String], ty: &MetaType, ident: &TypeIdent) -> Name {
        self.0.make_type_name(postfixes, ty, ident)
    }
    fn make_unknown_variant(&self, id: usize) -> Ident2 {
        self.0.make_unknown_variant(id)
    }
    fn format_module_name(&self, s: &str) -> String {
        self.0.format_module_name(s)
    }
    fn format_type_name(&self, s: &str) -> String {
        self.0.format_type_name(s)
    }
    fn format_field_name(&self, s: &str) -> String {
        snake(s)
    }
    fn format_variant_name(&self, s: &str) -> String {
        self.0.format_variant_name(s)
    }
    fn format_constant_name(&self, s: &str) -> String {
        self.0.format_constant_name(s)
    }
}

/// `Content150` style suffix of a generated group name.
fn numbered_content(name: &str) -> Option<&str> {
    let idx = name.rfind("Content")?;
    let digits = &name[idx + "Content".len()..];
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(&name[..idx])
}

fn first_element_name(types: &MetaTypes, ident: &TypeIdent, depth: usize) -> Option<String> {
    if depth > 8 {
        return None;
    }
    let ty = types.items.get(ident)?;
    let (MetaTypeVariant::Sequence(group)
    | MetaTypeVariant::Choice(group)
    | MetaTypeVariant::All(group)) = &ty.variant
    else {
        return None;
    };
    let first = group.elements.first()?;
    match &first.variant {
        ElementMetaVariant::Type { type_, .. }
            if type_.name.is_generated() && numbered_content(type_.name.as_str()).is_some() =>
        {
            first_element_name(types, type_, depth + 1)
        }
        _ => Some(first.ident.name.as_str().to_string()),
    }
}

/// Gives every numbered anonymous group a name derived from its content and
/// renames the fields that hold it.
pub fn rename_anonymous_groups(types: &mut MetaTypes) {
    let mut names: BTreeMap<TypeIdent, (String, String)> = BTreeMap::new();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for (ident, ty) in &types.items {
        let Some(prefix) = numbered_content(ident.name.as_str()) else {
            continue;
        };
        let kind = match &ty.variant {
            MetaTypeVariant::Choice(_) => "Choice",
            MetaTypeVariant::Sequence(_) | MetaTypeVariant::All(_) => "Group",
            _ => continue,
        };
        let Some(first) = first_element_name(types, ident, 0) else {
            continue;
        };
        let pascal: String = snake(&first)
            .split('_')
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect();
        let mut type_name = format!("{prefix}{pascal}{kind}");
        let mut field = format!("{first}_{kind}");
        let mut n = 2;
        while !taken.insert(type_name.clone()) {
            type_name = format!("{prefix}{pascal}{kind}{n}");
            field = format!("{first}_{kind}_{n}");
            n += 1;
        }
        names.insert(ident.clone(), (type_name, field));
    }
    for (ident, ty) in &mut types.items {
        if let Some((type_name, _)) = names.get(ident) {
            ty.display_name = Some(type_name.clone());
        }
        let elements = match &mut ty.variant {
            MetaTypeVariant::Sequence(g) | MetaTypeVariant::Choice(g) | MetaTypeVariant::All(g) => {
                &mut g.elements
            }
            _ => continue,
        };
        for el in elements.iter_mut() {
            if let ElementMetaVariant::Type { type_, .. } = &el.variant
                && let Some((_, field)) = names.get(type_)
            {
                el.display_name = Some(field.clone());
            }
        }
    }
    for ty in types.items.values_mut() {
        if let MetaTypeVariant::ComplexType(c) = &mut ty.variant {
            let _ = &mut c.content;
        }
    }
}
