//! Drives xsd-parser over the vendored FA(3) schema and writes the typed model
//! to `$OUT_DIR/fa3_model.rs`.

use std::collections::BTreeMap;
use std::error::Error;
use std::fs;
use std::path::Path;

use quote::quote;
use xsd_parser::Schemas;
use xsd_parser::config::{GeneratorFlags, IdentQuadruple, Namespace, OptimizerFlags};
use xsd_parser::models::IdentType;
use xsd_parser::models::meta::{CustomMeta, MetaType};
use xsd_parser::pipeline::generator::{
    Context as GeneratorContext, Error as GeneratorError, ValueGeneratorMode,
};
use xsd_parser::pipeline::parser::resolver::ManyResolver;
use xsd_parser::pipeline::renderer::{NamespaceSerialization, ValueRendererBox};
use xsd_parser::{
    Config, MetaTypes, Parser, exec_generator_with_ident_cache, exec_interpreter_with_ident_cache,
    exec_optimizer, exec_render,
};

use crate::naming::{Fa3Naming, rename_anonymous_groups};
use crate::resolver::CrdResolver;

/// The FA(3) target namespace.
pub const FA3_NS: &str = "http://crd.gov.pl/wzor/2025/06/25/13775/";
/// The main schema file name.
pub const MAIN_XSD: &str = "schemat_FA(3)_v1-0E.xsd";

fn custom(name: &'static str, path: &'static str) -> MetaType {
    MetaType::from(CustomMeta::new(name).include_from(path).with_default(
        move |ctx: &GeneratorContext<'_, '_>,
              value: &str,
              mode: ValueGeneratorMode|
              -> Result<ValueRendererBox, GeneratorError> {
            let _ = ctx;
            let _ = mode;
            let ident = quote::format_ident!("{}", name);
            Ok(Box::new(quote! {
                #ident::from_schema_literal(#value)
            }))
        },
    ))
}

/// Writes the typed model (`fa3_model.rs`), the validator tables
/// (`fa3_validator.rs`) and the map from XSD paths to Rust fields
/// (`fa3_model_paths.md`, the text of `docs/model.md`, and
/// `fa3_model_paths_check.rs`, which `tests/docs.rs` compiles against the
/// model) into `out`.
pub fn generate(dir: &Path, out: &Path) -> Result<(), Box<dyn Error>> {
    let main = dir.join(MAIN_XSD);
    let resolver = ManyResolver::new().add_resolver(CrdResolver::new(dir));
    let schemas = Parser::new()
        .with_resolver(resolver)
        .resolve_includes(true)
        .generate_prefixes(true)
        .alternative_prefixes(true)
        .with_default_namespaces()
        .add_schema_from_file(&main)?
        .finish();

    let mut config = Config::default()
        .without_optimizer_flags(OptimizerFlags::USE_UNRESTRICTED_BASE_TYPE_SIMPLE)
        .without_optimizer_flags(OptimizerFlags::REMOVE_DUPLICATES)
        .with_optimizer_flags(
            OptimizerFlags::RESOLVE_TYPEDEFS | OptimizerFlags::MERGE_CHOICE_CARDINALITIES,
        )
        .with_generator_flags(GeneratorFlags::FLATTEN_CONTENT)
        .with_quick_xml_config(
            NamespaceSerialization::Global,
            Some(Namespace::new_const(FA3_NS.as_bytes())),
            false,
        )
        .with_generate([(IdentType::Element, "tns:Faktura")])
        .with_derive(["Debug", "Clone", "PartialEq"])
        .with_naming(Fa3Naming::default());
    config.interpreter.types = vec![
        (
            IdentQuadruple::from((IdentType::Type, "xs:decimal")),
            custom("Decimal", "crate::model::values::Decimal"),
        ),
        // `xs:integer` is unbounded; xsd-parser's default is `i32`, which
        // cannot hold `<Ilosc>3000000000</Ilosc>` (`TerminOpis`). The
        // enumerations derived from it (`TFormaPlatnosci`, ...) stay enums,
        // matched by their literals (see `integer_enumeration` in builder.rs).
        (
            IdentQuadruple::from((IdentType::Type, "xs:integer")),
            custom("Integer", "crate::model::values::Integer"),
        ),
        (
            IdentQuadruple::from((IdentType::Type, "xs:date")),
            custom("Date", "crate::model::values::Date"),
        ),
        (
            IdentQuadruple::from((IdentType::Type, "xs:dateTime")),
            custom("DateTime", "crate::model::values::DateTime"),
        ),
    ];

    // The validator reads the interpreter's output before optimisation (the
    // optimiser rewrites content models for code generation); the interpreter
    // is cheap, so it simply runs twice.
    let (plain, _) = exec_interpreter_with_ident_cache(Config::default().interpreter, &schemas)?;
    crate::validator::generate(&schemas, &plain, out)?;
    drop(plain);

    let (meta, cache) = exec_interpreter_with_ident_cache(config.interpreter, &schemas)?;
    let mut meta: MetaTypes = exec_optimizer(config.optimizer, meta)?;
    rename_anonymous_groups(&mut meta);
    let data = exec_generator_with_ident_cache(config.generator, &schemas, Some(&cache), &meta)?;
    let paths = crate::model_paths::rows(&data, "Faktura")?;
    fs::write(
        out.join("fa3_model_paths.md"),
        crate::model_paths::markdown(&paths),
    )?;
    fs::write(
        out.join("fa3_model_paths_check.rs"),
        crate::model_paths::accessors(&paths),
    )?;
    let module = exec_render(config.renderer, &data)?;
    let code = serde_derives(&count_characters(&quote! { #module }.to_string()))?;
    let code = serde_enum_values(&code);
    fs::write(
        out.join("fa3_builder.rs"),
        crate::builder::generate(&data, &code, &fixed_elements(&schemas)?)?,
    )?;
    fs::write(out.join("fa3_model.rs"), code)?;
    Ok(())
}

/// The `fixed` and `default` values of element declarations, by local name
/// (the builder reads an empty element as its value).
fn fixed_elements(schemas: &Schemas) -> Result<BTreeMap<String, String>, String> {
    let raw = crate::xsd_raw::RawSchemas::collect(schemas)?;
    let mut out = BTreeMap::new();
    for (key, value) in raw.fixed.iter().chain(raw.defaults.iter()) {
        let name = key.rsplit(['/', '}']).next().unwrap_or(key);
        if name.starts_with('@') {
            continue;
        }
        if out
            .insert(name.to_string(), value.clone())
            .is_some_and(|old| old != *value)
        {
            return Err(format!("element {name} has two fixed values"));
        }
    }
    Ok(out)
}

/// xsd-parser compares `minLength`/`maxLength` with `String::len`, a count of
/// UTF-8 bytes, so a schema-valid value with Polish letters near its limit is
/// refused. The schema counts characters: compare the model's lengths in
/// characters (see `model::values::length_for_max`).
fn count_characters(code: &str) -> String {
    code.replace(
        "value . len () >",
        "crate :: model :: values :: length_for_max (value) >",
    )
    .replace(
        "value . len () <",
        "crate :: model :: values :: length_for_min (value) <",
    )
}

/// The derive list the model's types carry (`with_derive` above, as the
/// renderer prints it). The quick-xml (de)serializer state types carry only
/// `Debug`, so they never match.
const MODEL_DERIVE: &str = "# [derive (Clone , Debug , PartialEq)]";

/// xsd-parser renders one derive list for every feature; with the crate's
/// `serde` feature the model's types also derive `serde::Serialize` and
/// `serde::Deserialize` (field names as in Rust, values as in the model).
fn serde_derives(code: &str) -> Result<String, Box<dyn Error>> {
    let count = code.matches(MODEL_DERIVE).count();
    if count == 0 {
        return Err("the generated model has no type deriving Clone, Debug, PartialEq".into());
    }
    Ok(code.replace(
        MODEL_DERIVE,
        "# [derive (Clone , Debug , PartialEq)] \
         # [cfg_attr (feature = \"serde\" , derive (serde :: Serialize , serde :: Deserialize))]",
    ))
}

/// With the `serde` feature an enumeration value (de)serializes as its value
/// in the XML (`"PL"`, `"3"`) rather than its Rust variant name (`Pl`, `_3`):
/// each unit-only enum whose `SerializeBytes` maps every variant to a string
/// literal gets a `serde(rename)` per variant. Enums in any other shape are
/// left as they are.
fn serde_enum_values(code: &str) -> String {
    const IMPL: &str = "impl SerializeBytes for ";
    const HEAD: &str = " { fn serialize_bytes (& self , helper : & mut SerializeHelper) -> \
                        Result < Option < Cow < '_ , str >> , Error > { match self { ";
    let mut out = code.to_owned();
    let mut rest = code;
    while let Some(at) = rest.find(IMPL) {
        rest = &rest[at + IMPL.len()..];
        let Some(name) = rest.split(' ').next() else {
            break;
        };
        let Some(mut arms) = rest[name.len()..].strip_prefix(HEAD) else {
            continue;
        };
        let mut values: Vec<(&str, &str)> = Vec::new();
        while let Some(arm) = arms.strip_prefix("Self :: ") {
            let Some((variant, tail)) = arm.split_once(" => Ok (Some (Cow :: Borrowed (") else {
                break;
            };
            let Some((literal, tail)) = tail.split_once("))) , ") else {
                break;
            };
            values.push((variant, literal));
            arms = tail;
        }
        if !arms.starts_with("} } }") || values.is_empty() {
            continue;
        }
        let open = format!("pub enum {name} {{ ");
        let Some(start) = out.find(&open) else {
            continue;
        };
        let body_start = start + open.len();
        let Some(len) = out[body_start..].find('}') else {
            continue;
        };
        let body = &out[body_start..body_start + len];
        let variants: Vec<&str> = body
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect();
        if body.contains('(') || variants != values.iter().map(|v| v.0).collect::<Vec<_>>() {
            continue;
        }
        let mut renamed = String::new();
        for (variant, literal) in &values {
            renamed.push_str("# [cfg_attr (feature = \"serde\" , serde (rename = ");
            renamed.push_str(literal);
            renamed.push_str("))] ");
            renamed.push_str(variant);
            renamed.push_str(" , ");
        }
        out.replace_range(body_start..body_start + len, &renamed);
    }
    out
}
