//! XML, encoding and form rules (`FA3-XML-*`).

pub mod bom;
pub mod discouraged_character;
pub mod doctype;
pub mod encoding_not_utf8;
pub mod fa2_document;
pub mod invalid_utf8;
pub mod malformed_xml;
pub mod model_unreadable;
pub mod not_an_xml_character;
pub mod processing_instruction;
pub mod session_form_code_mismatch;

use crate::diagnostic::Diagnostic;
use crate::rules::Rule;

/// "the file contains U+0001 (a C0 control character)", or "the character
/// reference `&#1;` refers to U+0001 (…)" when `reference` is given.
fn describe_character(cp: u32, class: &str, reference: Option<&str>) -> String {
    let what = match reference {
        Some(text) => format!("the character reference `{text}` refers to"),
        None => "the file contains".to_owned(),
    };
    let name = if cp > 0x10_FFFF {
        "a value".to_owned()
    } else {
        format!("U+{cp:04X}")
    };
    format!("{what} {name} ({class})")
}

/// The one finding of `rule` that stands for its findings beyond the first
/// `listed` ones the pre-scan lists: `more` of them (`plural`, from the
/// rule's file), the first at byte offset `from` (the caller adds its span).
pub(crate) fn more_findings(
    rule: &Rule,
    more: usize,
    plural: &str,
    from: usize,
    listed: usize,
) -> Diagnostic {
    rule.diagnostic(format!(
        "and {more} more {plural} from byte offset {from} on (only the first {listed} are listed)"
    ))
    .with_help(
        "fix the findings listed above and check the file again; the rest are most likely the same problem",
    )
}
