//! Small helpers shared by rules.

pub use crate::facts::xsd_value;

/// True when `path` is `element` or inside it (`/a/b` for `/a/b`,
/// `/a/b[2]` and `/a/b/c`, not for `/a/bc`).
pub(crate) fn at_or_inside(path: &str, element: &str) -> bool {
    path.strip_prefix(element)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '[']))
}
