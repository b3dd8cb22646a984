//! The map from every XSD path of the FA(3) model to its Rust field, read
//! from the generator's own data (the structs, enums and fields exactly as
//! they are rendered into `fa3_model.rs`), written as `docs/model.md` is.
//!
//! Each row is one element (or attribute) of the schema: its XSD path
//! (`/Faktura/Fa/FaWiersz/P_11`), the Rust expression that reaches it from a
//! parsed `invoice` (`invoice.fa.fa_wiersz[i].p_11`), the field's declared
//! type and its occurrence bounds in its parent.
//!
//! The same rows are also written as Rust (`fa3_model_paths_check.rs`): one
//! accessor per row that follows its path through the model and names its
//! type exactly, which `tests/docs.rs` compiles and runs, so a row that does
//! not match the generated model fails the tests.

use std::fmt::Write as _;

use xsd_parser::models::data::{
    ComplexData, ComplexDataElement, DataTypeVariant, DataTypes, Occurs, PathData,
};
use xsd_parser::models::meta::{ElementMetaVariant, ElementMode};
use xsd_parser::models::schema::MaxOccurs;
use xsd_parser::models::{IdentType, TypeIdent};

/// Index names for nested lists: `fa_wiersz[i]`, then `[j]`, ...
const INDICES: &[&str] = &["i", "j", "k", "l", "m", "n"];

/// Deeper than any FA(3) element; guards against a recursive schema.
const MAX_DEPTH: usize = 32;

/// One step from a value to a value inside it.
#[derive(Clone)]
enum Step {
    /// A struct field: `.p_1`.
    Field(String),
    /// The value of an `Option`: `?`.
    Some,
    /// One item of a `Vec` (or array): `[i]`.
    Item,
    /// The value of an enum that holds this variant: `(Enum::Variant)`.
    Variant(String, String),
}

/// One row of the map.
pub struct Row {
    /// `/Faktura/Fa/P_13_1`, `/Faktura/Naglowek/KodFormularza/@kodSystemowy`.
    pub xsd: String,
    /// From `invoice` to the field: `.p_13_1_group`, `?`, `.p_13_1`.
    steps: Vec<Step>,
    /// From the field to one of its values: `?` for an `Option`, `[i]` for
    /// a `Vec`, nothing for a required value.
    value: Option<Step>,
    /// The field's declared type, `Option<TKwotowyType>`.
    pub ty: String,
    /// `minOccurs` in the parent.
    pub min: usize,
    /// `maxOccurs` in the parent; `None` for `unbounded`.
    pub max: Option<usize>,
}

/// Where the walk is: the XSD path of the current element, the steps from
/// `invoice` to one value of it, and how deep the walk went.
#[derive(Clone)]
struct At {
    xsd: String,
    steps: Vec<Step>,
    depth: usize,
}

impl At {
    /// `self` followed by `steps`, one level deeper.
    fn then(&self, xsd: String, steps: &[Step]) -> At {
        let mut all = self.steps.clone();
        all.extend_from_slice(steps);
        At {
            xsd,
            steps: all,
            depth: self.depth + 1,
        }
    }
}

/// Walks the generated model from the root element `root` (e.g. `Faktura`).
pub fn rows(data: &DataTypes<'_>, root: &str) -> Result<Vec<Row>, String> {
    let ident = data
        .items
        .keys()
        .find(|i| i.type_ == IdentType::Element && i.name.as_str() == root)
        .ok_or_else(|| format!("no root element `{root}` in the generated model"))?;
    let mut walker = Walker {
        data,
        rows: Vec::new(),
    };
    let at = At {
        xsd: format!("/{root}"),
        steps: Vec::new(),
        depth: 0,
    };
    walker.rows.push(Row {
        xsd: at.xsd.clone(),
        steps: Vec::new(),
        value: None,
        ty: root.to_string(),
        min: 1,
        max: Some(1),
    });
    walker.walk_type(ident, &at);
    if walker.rows.len() < 2 {
        return Err(format!("the walk from `{root}` found no element"));
    }
    Ok(walker.rows)
}

/// The Markdown page (`docs/model.md`).
pub fn markdown(rows: &[Row]) -> String {
    let mut s = String::from(
        "<!-- Generated from the FA(3) schema by build.rs (build/model_paths.rs); \
         refresh with `UPDATE_DOCS=1 cargo test --test docs`. Do not edit. -->\n\n",
    );
    s.push_str(
        "# The FA(3) model: XSD paths and Rust fields\n\n\
         Where `fa3::parse` puts every element and attribute of an FA(3) invoice in the typed \
         model (`fa3::model`, generated from the official schema at build time). `invoice` is \
         the parsed `fa3::Faktura`.\n\n\
         - `[i]`, `[j]`, ...: one item of a `Vec` (the element may repeat).\n\
         - `?`: the value of an `Option`, when it is `Some` (an optional element or group; \
         `p_13_1_group?` is an anonymous `xs:sequence` of the schema).\n\
         - `(Enum::Variant)`: the value of an enum, when it holds that variant (an \
         `xs:choice` of the schema, e.g. `p_6_choice`).\n\
         - *Rust type* is the type the field (or variant) is declared with; *Min* and *Max* \
         are the element's `minOccurs` and `maxOccurs` in its parent (or within its group).\n\
         - An element with attributes and a text value is a struct: the text is in its \
         `content` field.\n\n",
    );
    let _ = writeln!(s, "{} paths.\n", rows.len());
    s.push_str("| XSD path | Rust | Rust type | Min | Max |\n|---|---|---|---|---|\n");
    for row in rows {
        let max = row
            .max
            .map_or_else(|| "unbounded".to_string(), |m| m.to_string());
        let _ = writeln!(
            s,
            "| `{}` | `{}` | `{}` | {} | {} |",
            row.xsd,
            notation(&row.steps),
            row.ty,
            row.min,
            max
        );
    }
    s
}

/// `invoice.fa.fa_wiersz[i].p_11`: the steps as the page writes them.
fn notation(steps: &[Step]) -> String {
    let mut s = String::from("invoice");
    let mut lists = 0;
    for step in steps {
        match step {
            Step::Field(name) => {
                s.push('.');
                s.push_str(name);
            }
            Step::Some => s.push('?'),
            Step::Item => {
                let _ = write!(s, "[{}]", INDICES.get(lists).copied().unwrap_or("_"));
                lists += 1;
            }
            Step::Variant(ty, variant) => {
                let _ = write!(s, "({ty}::{variant})");
            }
        }
    }
    s
}

/// Rust source with one accessor per row: `row_N(invoice)` follows the
/// row's steps (the first item of a list, the value of a `Some`, the payload
/// of its variant), checks that the field it reaches has exactly the row's
/// type, and returns `Some` when the field has a value in `invoice`. It
/// expects `Faktura` and the generated types in scope.
pub fn accessors(rows: &[Row]) -> String {
    let mut s = String::from(
        "// Generated by build.rs (build/model_paths.rs): one accessor per row of docs/model.md.\n\n\
         /// The type of the value a row reaches, inferred from the argument alone: the\n\
         /// caller binds the result before comparing it, so no coercion (such as\n\
         /// `&Box<T>` to `&T`) can make a wrong type pass.\n\
         fn exact<T>(_: &T) -> ::core::marker::PhantomData<T> {\n    ::core::marker::PhantomData\n}\n\n\
         /// Follows one row's Rust path: `Some` when the field has a value.\n\
         pub type Follow = fn(&Faktura) -> Option<()>;\n\n\
         /// Every row: its XSD path, and the check that follows its Rust path.\n\
         pub const ROWS: &[(&str, Follow)] = &[\n",
    );
    for (n, row) in rows.iter().enumerate() {
        let _ = writeln!(s, "    ({:?}, row_{n}),", row.xsd);
    }
    s.push_str("];\n");
    for (n, row) in rows.iter().enumerate() {
        let _ = writeln!(
            s,
            "\n/// `{}`: `{}`.\n#[allow(unused_variables, clippy::all, clippy::pedantic)]\nfn row_{n}(invoice: &Faktura) -> Option<()> {{",
            row.xsd,
            notation(&row.steps)
        );
        // `place` is an expression for the current value; `&place` borrows it.
        let mut place = "(*invoice)".to_string();
        let mut var = 0;
        let last = row.steps.len().saturating_sub(1);
        for (i, step) in row.steps.iter().enumerate() {
            match step {
                Step::Field(name) => {
                    place = format!("{place}.{name}");
                }
                Step::Some => {
                    let _ = writeln!(s, "    let v{var} = ({place}).as_ref()?;");
                    place = format!("(*v{var})");
                    var += 1;
                }
                Step::Item => {
                    let _ = writeln!(s, "    let v{var} = ({place}).first()?;");
                    place = format!("(*v{var})");
                    var += 1;
                }
                Step::Variant(ty, variant) => {
                    let _ = writeln!(
                        s,
                        "    let {ty}::{variant}(v{var}) = &{place} else {{ return None; }};"
                    );
                    place = format!("(*v{var})");
                    var += 1;
                }
            }
            // The declared type is the type of the last field or variant.
            if i == last {
                let _ = writeln!(
                    s,
                    "    let reached = exact(&{place});\n    let _: ::core::marker::PhantomData<{}> = reached;",
                    row.ty
                );
            }
        }
        if row.steps.is_empty() {
            let _ = writeln!(
                s,
                "    let reached = exact(&{place});\n    let _: ::core::marker::PhantomData<{}> = reached;",
                row.ty
            );
        }
        match row.value {
            Some(Step::Some) => {
                let _ = writeln!(s, "    ({place}).as_ref()?;");
            }
            Some(Step::Item) => {
                let _ = writeln!(s, "    ({place}).first()?;");
            }
            _ => {}
        }
        s.push_str("    Some(())\n}\n");
    }
    s
}

struct Walker<'a, 'types> {
    data: &'a DataTypes<'types>,
    rows: Vec<Row>,
}

impl Walker<'_, '_> {
    /// The children of the element (or group) whose type is `ident`.
    fn walk_type(&mut self, ident: &TypeIdent, at: &At) {
        if at.depth > MAX_DEPTH {
            return;
        }
        let Some(ty) = self.data.items.get(ident) else {
            return;
        };
        match &ty.variant {
            DataTypeVariant::Complex(complex) => self.walk_complex(complex, at),
            // A named alias (`Faktura` = `FakturaElementType`): the same value.
            DataTypeVariant::Reference(reference) if reference.occurs == Occurs::Single => {
                let target = reference.meta.type_.clone();
                self.walk_type(&target, &at.then(at.xsd.clone(), &[]));
            }
            _ => {}
        }
    }

    fn walk_complex(&mut self, complex: &ComplexData<'_>, at: &At) {
        match complex {
            ComplexData::Struct {
                type_,
                content_type,
            } => {
                for attribute in &type_.attributes {
                    let mut steps = at.steps.clone();
                    steps.push(Step::Field(attribute.ident.to_string()));
                    self.rows.push(Row {
                        xsd: format!("{}/@{}", at.xsd, attribute.s_name),
                        steps,
                        value: attribute.is_option.then_some(Step::Some),
                        ty: if attribute.is_option {
                            format!("Option<{}>", type_name(&attribute.target_type))
                        } else {
                            type_name(&attribute.target_type)
                        },
                        min: usize::from(!attribute.is_option),
                        max: Some(1),
                    });
                }
                for element in type_.elements() {
                    self.walk_element(element, None, at);
                }
                // Complex content held in a separate struct or enum.
                if let (Some(content), Some(inner)) = (type_.content(), content_type)
                    && content.is_complex()
                {
                    let mut steps = vec![Step::Field("content".to_string())];
                    steps.extend(access(content.occurs));
                    self.walk_complex(inner, &at.then(at.xsd.clone(), &steps));
                }
            }
            ComplexData::Enum {
                type_,
                content_type,
            } => {
                let name = type_.type_ident.to_string();
                for element in &type_.elements {
                    self.walk_element(element, Some(&name), at);
                }
                if let Some(inner) = content_type {
                    self.walk_complex(inner, &at.then(at.xsd.clone(), &[]));
                }
            }
        }
    }

    /// A field of a struct (`in_enum` is `None`) or a variant of the enum
    /// named `in_enum`.
    fn walk_element(&mut self, element: &ComplexDataElement<'_>, in_enum: Option<&str>, at: &At) {
        let meta = element.meta();
        let ElementMetaVariant::Type { type_, mode } = &meta.variant else {
            return;
        };
        if element.occurs == Occurs::None {
            return;
        }
        let reach = match in_enum {
            None => Step::Field(element.field_ident.to_string()),
            Some(name) => Step::Variant(name.to_string(), element.variant_ident.to_string()),
        };
        let mut steps = vec![reach];
        let xsd = match mode {
            ElementMode::Element => {
                let xsd = format!("{}/{}", at.xsd, meta.ident.name.as_str());
                let mut reached = at.steps.clone();
                reached.extend_from_slice(&steps);
                self.rows.push(Row {
                    xsd: xsd.clone(),
                    steps: reached,
                    value: access(element.occurs),
                    ty: declared(element),
                    min: meta.min_occurs,
                    max: match meta.max_occurs {
                        MaxOccurs::Bounded(n) => Some(n),
                        MaxOccurs::Unbounded => None,
                    },
                });
                xsd
            }
            // A group adds a level in Rust, none in XML.
            ElementMode::Group => at.xsd.clone(),
        };
        steps.extend(access(element.occurs));
        self.walk_type(type_, &at.then(xsd, &steps));
    }
}

/// The step from a field of this occurrence to one of its values.
fn access(occurs: Occurs) -> Option<Step> {
    match occurs {
        Occurs::Optional => Some(Step::Some),
        Occurs::DynamicList | Occurs::StaticList(_) => Some(Step::Item),
        Occurs::None | Occurs::Single => None,
    }
}

/// The declared type of a field or variant, as the renderer writes it.
fn declared(element: &ComplexDataElement<'_>) -> String {
    let name = type_name(&element.target_type);
    let boxed = if element.need_indirection {
        format!("Box<{name}>")
    } else {
        name.clone()
    };
    match element.occurs {
        Occurs::None | Occurs::Single => boxed,
        Occurs::Optional => format!("Option<{boxed}>"),
        Occurs::DynamicList => format!("Vec<{name}>"),
        Occurs::StaticList(n) => format!("[{boxed}; {n}]"),
    }
}

/// `TKwotowyType`, `String`, `Decimal`: the type's own name, without its
/// module path (generics kept). The builder generator names types the same way.
pub fn type_name(path: &PathData) -> String {
    let mut s = path.path.ident().to_string();
    if !path.generics.is_empty() {
        let generics: Vec<String> = path
            .generics
            .iter()
            .map(|g| g.ident().to_string())
            .collect();
        let _ = write!(s, "<{}>", generics.join(", "));
    }
    s
}
