//! Small helpers shared by rules.

use std::borrow::Cow;

use xsd_parser_types::quick_xml::{SerializeBytes, SerializeHelper};

/// The XSD lexical value of a generated enumeration or simple type
/// (`TRodzajFakturyType::KorZal` → `KOR_ZAL`).
pub fn xsd_value<T: SerializeBytes>(value: &T) -> String {
    value
        .serialize_bytes(&mut SerializeHelper::default())
        .ok()
        .flatten()
        .map(Cow::into_owned)
        .unwrap_or_default()
}

/// `/Faktura/Fa/FaWiersz[3]` for the zero-based index 2.
pub fn indexed(parent: &str, name: &str, index: usize) -> String {
    format!("{parent}/{name}[{}]", index + 1)
}

/// True when `path` is `element` or inside it (`/a/b` for `/a/b`,
/// `/a/b[2]` and `/a/b/c`, not for `/a/bc`).
pub(crate) fn at_or_inside(path: &str, element: &str) -> bool {
    path.strip_prefix(element)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '[']))
}
