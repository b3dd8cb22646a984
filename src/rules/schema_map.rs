//! Catalog rules that the schema already enforces (marked `error (XSD)` in
//! the catalog): rather than check twice, the schema validator's failure is
//! reported under the catalog's code, with the rule's explanation before the
//! validator's message and the rule's help. Each rule file declares a
//! [`SchemaMapping`] that recognises its failures by element path, element
//! name or the element a missing-element failure expected; the first selected
//! rule in the registry whose mapping matches takes the failure; when none
//! is selected the plain schema finding stays.

use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{Check, RULES, Rule};
use crate::settings::Selection;

/// What schema failures a catalog rule takes over.
#[derive(Debug)]
pub struct SchemaMapping {
    /// Elements (paths without indices, e.g. `/Faktura/Fa/Adnotacje`) at or
    /// inside which a failure belongs to the rule.
    pub(crate) inside: &'static [&'static str],
    /// Element names (`P_1`, `NIP`): a failure at an element of that name,
    /// wherever it is.
    pub(crate) names: &'static [&'static str],
    /// Name prefixes (`GTU_`): a failure at an element whose name starts
    /// with one of them.
    pub(crate) name_prefixes: &'static [&'static str],
    /// Elements whose absence, as a missing-element failure names it
    /// ("expected P_23", "expected one of: IDNabywcy, JST"), belongs to the
    /// rule.
    pub(crate) expected: &'static [&'static str],
    /// The schema rules whose failures it takes (empty: any).
    pub(crate) schema_rules: &'static [&'static Rule],
    /// What the rule says the failure means, written before the validator's
    /// message.
    pub(crate) what: &'static str,
    /// How to fix it.
    pub(crate) help: &'static str,
}

impl SchemaMapping {
    /// A mapping that matches nothing yet (build on it with struct update
    /// syntax).
    pub(crate) const NONE: SchemaMapping = SchemaMapping {
        inside: &[],
        names: &[],
        name_prefixes: &[],
        expected: &[],
        schema_rules: &[],
        what: "",
        help: "",
    };

    /// True when this mapping takes the failure `d` at `path`.
    fn matches(&self, path: &str, d: &Diagnostic) -> bool {
        if !self.schema_rules.is_empty() && !self.schema_rules.iter().any(|r| r.meta.code == d.code)
        {
            return false;
        }
        let plain = without_indices(path);
        let name = plain.rsplit('/').next().unwrap_or("");
        self.inside
            .iter()
            .any(|e| super::util::at_or_inside(&plain, e))
            || self.names.contains(&name)
            || self.name_prefixes.iter().any(|p| name.starts_with(p))
            || expected_elements(&d.message).any(|x| self.expected.contains(&x))
    }
}

/// `/Faktura/Fa/FaWiersz[3]/P_12` → `/Faktura/Fa/FaWiersz/P_12`.
fn without_indices(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0usize;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The element names a missing-element message expects: the part after
/// `expected ` (`expected P_23`, `expected one of: IDNabywcy, JST`).
fn expected_elements(message: &str) -> impl Iterator<Item = &str> {
    message
        .rsplit_once("expected ")
        .map(|(_, rest)| rest.strip_prefix("one of: ").unwrap_or(rest))
        .into_iter()
        .flat_map(|rest| rest.split([',', ' ']))
        .map(|s| s.trim_matches(|c: char| !c.is_alphanumeric() && c != '_'))
        .filter(|s| !s.is_empty())
}

/// The failure `d` (an error of the schema validator at `path`) under the
/// first selected catalog rule whose mapping takes it.
pub(crate) fn refine(path: &str, d: &Diagnostic, selection: &Selection) -> Option<Diagnostic> {
    if d.severity != Severity::Error {
        return None;
    }
    RULES.iter().find_map(|rule| match rule.check {
        Check::SchemaMapped(mapping)
            if selection.is_enabled(rule.meta.code) && mapping.matches(path, d) =>
        {
            let mut found = rule
                .diagnostic(format!("{}: {}", mapping.what, d.message))
                .with_path(path)
                .with_help(mapping.help);
            found.span.clone_from(&d.span);
            Some(found)
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_are_dropped() {
        assert_eq!(
            without_indices("/Faktura/Fa/FaWiersz[3]/P_12"),
            "/Faktura/Fa/FaWiersz/P_12"
        );
        assert_eq!(without_indices("/Faktura"), "/Faktura");
    }

    #[test]
    fn expected_elements_are_read_from_the_message() {
        let one = "missing required element before <PMarzy> in <Adnotacje>: expected P_23";
        assert_eq!(expected_elements(one).collect::<Vec<_>>(), ["P_23"]);
        let many =
            "missing required element before <GV> in <Podmiot2>: expected one of: IDNabywcy, JST";
        assert_eq!(
            expected_elements(many).collect::<Vec<_>>(),
            ["IDNabywcy", "JST"]
        );
        assert_eq!(expected_elements("value 'x' is not valid").count(), 0);
    }
}
