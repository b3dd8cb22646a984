//! Recognising which KSeF form a document is, before validating it as FA(3).
//!
//! A document in another structure (FA(2), FA(1), an FA(3) draft, FA_RR) gets
//! one clear finding that names it, instead of a cascade of schema errors.

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

/// The FA(3) target namespace (defined in [`crate::ksef`]).
pub use crate::ksef::FA3_NAMESPACE;
use crate::ksef::{FA1_NAMESPACE, FA2_NAMESPACE};

/// The name of the FA(2) structure in [`Form::Other`].
pub const FA2_NAME: &str = "FA (2)";

/// Known namespaces of other KSeF structures, with the name users know them by.
const KNOWN: &[(&str, &str)] = &[
    (FA2_NAMESPACE, FA2_NAME),
    (FA1_NAMESPACE, "FA (1)"),
    (
        "http://crd.gov.pl/wzor/2025/04/03/04031/",
        "an FA (3) draft (April 2025)",
    ),
    (
        "http://crd.gov.pl/wzor/2025/02/14/02141/",
        "an FA (3) draft (February 2025)",
    ),
    ("http://crd.gov.pl/wzor/2026/03/06/14189/", "FA_RR (1)"),
];

/// What the root element says the document is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Form {
    /// `{FA(3) namespace}Faktura`.
    Fa3,
    /// Another known KSeF structure, e.g. `FA (2)`.
    Other {
        /// Human name, e.g. `FA (2)`.
        name: &'static str,
        /// Its namespace.
        namespace: String,
    },
    /// A `Faktura` root in an unknown namespace (or none).
    UnknownNamespace {
        /// The namespace, empty when there is none.
        namespace: String,
    },
    /// A root element that is not `Faktura`.
    NotAnInvoice {
        /// The root's local name.
        root: String,
        /// Its namespace, empty when there is none.
        namespace: String,
    },
    /// No root element could be read (empty or malformed before the root).
    Unreadable,
}

impl Form {
    /// Reads just enough of `bytes` to find the root element.
    pub fn detect(bytes: &[u8]) -> Form {
        let mut reader = NsReader::from_reader(bytes);
        reader.config_mut().check_end_names = false;
        let mut buf = Vec::new();
        loop {
            let event = match reader.read_resolved_event_into(&mut buf) {
                Ok((ns, Event::Start(e) | Event::Empty(e))) => {
                    let local = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                    let namespace = match ns {
                        ResolveResult::Bound(n) => String::from_utf8_lossy(n.as_ref()).into_owned(),
                        _ => String::new(),
                    };
                    Some((local, namespace))
                }
                Ok((_, Event::Eof)) | Err(_) => return Form::Unreadable,
                Ok(_) => None,
            };
            if let Some((local, namespace)) = event {
                return classify(&local, namespace);
            }
            buf.clear();
        }
    }

    /// True for an FA(2) document, the structure FA(3) replaced for invoices
    /// issued from 2026-02-01 (FA3-XML-011).
    pub fn is_fa2(&self) -> bool {
        matches!(self, Form::Other { name, .. } if *name == FA2_NAME)
    }

    /// A one-sentence description for diagnostics, or `None` for FA(3).
    pub fn problem(&self) -> Option<String> {
        match self {
            Form::Fa3 | Form::Unreadable => None,
            Form::Other { name, namespace } => Some(format!(
                "this is an {name} document (namespace {namespace}); fa3 validates FA (3) ({FA3_NAMESPACE})"
            )),
            Form::UnknownNamespace { namespace } if namespace.is_empty() => Some(format!(
                "the root element Faktura has no namespace; FA (3) requires xmlns=\"{FA3_NAMESPACE}\""
            )),
            Form::UnknownNamespace { namespace } => Some(format!(
                "the root element Faktura is in namespace {namespace}, which is not FA (3) ({FA3_NAMESPACE})"
            )),
            Form::NotAnInvoice { root, namespace } if namespace.is_empty() => {
                Some(format!("the root element is {root}, not an FA (3) Faktura"))
            }
            Form::NotAnInvoice { root, namespace } => Some(format!(
                "the root element is {{{namespace}}}{root}, not an FA (3) Faktura"
            )),
        }
    }
}

fn classify(local: &str, namespace: String) -> Form {
    if local != "Faktura" {
        return Form::NotAnInvoice {
            root: local.to_string(),
            namespace,
        };
    }
    if namespace == FA3_NAMESPACE {
        return Form::Fa3;
    }
    // The same namespaces over https, or without the trailing slash.
    let normalized = namespace.replacen("https://", "http://", 1);
    let normalized = if normalized.ends_with('/') {
        normalized
    } else {
        format!("{normalized}/")
    };
    match KNOWN.iter().find(|(ns, _)| *ns == normalized) {
        Some((_, name)) => Form::Other { name, namespace },
        None => Form::UnknownNamespace { namespace },
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn detects_forms() {
        let fa3 = format!("<?xml version=\"1.0\"?><Faktura xmlns=\"{FA3_NAMESPACE}\"/>");
        assert_eq!(Form::detect(fa3.as_bytes()), Form::Fa3);
        let fa2 = br#"<Faktura xmlns="http://crd.gov.pl/wzor/2023/06/29/12648/"><a/></Faktura>"#;
        let form = Form::detect(fa2);
        assert!(matches!(form, Form::Other { name: "FA (2)", .. }));
        assert!(form.problem().unwrap().contains("FA (2)"));
        assert!(form.is_fa2());
        assert!(!Form::detect(fa3.as_bytes()).is_fa2());
        let fa1 = br#"<Faktura xmlns="http://crd.gov.pl/wzor/2021/11/29/11089/"/>"#;
        assert!(!Form::detect(fa1).is_fa2());
        assert!(matches!(
            Form::detect(b"<Faktura/>"),
            Form::UnknownNamespace { .. }
        ));
        assert!(matches!(
            Form::detect(b"<x:Invoice xmlns:x='u'/>"),
            Form::NotAnInvoice { .. }
        ));
        assert_eq!(Form::detect(b""), Form::Unreadable);
        assert_eq!(Form::detect(b"<<<"), Form::Unreadable);
    }
}
