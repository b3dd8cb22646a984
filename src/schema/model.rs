//! Validating a typed [`Faktura`](crate::model::Faktura): serialise it with the
//! generated quick-xml serializer and run the streaming validator on the bytes.

use xsd_parser_types::quick_xml::{SerializeSync, Writer};

use super::{SchemaLimits, codes, validate};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Faktura;

/// Validates an invoice built or edited in code against the FA(3) schema.
///
/// The model's fields are public, so nothing stops a program from building
/// an invalid invoice (a 300-character `P_2`, a wrong `kodSystemowy`); this
/// finds such problems before the invoice is sent. Diagnostics carry element
/// paths; their spans would point into the serialised bytes, so they are
/// removed.
pub fn validate_model(faktura: &Faktura) -> Vec<Diagnostic> {
    let mut writer = Writer::new(Vec::new());
    if let Err(err) = faktura.serialize("Faktura", &mut writer) {
        return vec![Diagnostic::new(
            codes::XML_MALFORMED,
            Severity::Error,
            format!("the invoice cannot be serialised to XML: {err}"),
        )];
    }
    let bytes = writer.into_inner();
    let mut diagnostics = validate(&bytes, &SchemaLimits::default());
    for d in &mut diagnostics {
        d.span = None;
        d.line = 0;
        d.column = 0;
    }
    diagnostics
}
