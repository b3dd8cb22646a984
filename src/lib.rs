//! **fa3** validates and models Polish KSeF e-invoices in the FA(3) structure.
//!
//! Since 2026 every Polish B2B invoice goes through KSeF as FA(3) XML. KSeF
//! rejects what breaks the schema, a future issue date, a duplicate, a bad
//! encoding or an oversized file, and accepts much that is still legally
//! wrong. fa3 is the gate before sending: it reports every problem with a
//! stable code, the element path and line:column.
//!
//! ```
//! let xml = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/invoices/FA_3_Przyklad_1.xml")).unwrap();
//! let now = "2026-11-21T12:00:00Z".parse().unwrap();
//! let report = fa3::validate(&xml, &fa3::Settings::at(now)).unwrap();
//! assert!(report.is_valid());
//! for d in &report.diagnostics {
//!     println!("{}:{} {} {}", d.line, d.column, d.code, d.message);
//! }
//!
//! // The typed model: parse, read, write back.
//! let invoice = fa3::parse(&xml).unwrap();
//! assert_eq!(invoice.fa.p_1.0.to_string(), "2026-02-15");
//! let again = fa3::to_xml(&invoice).unwrap();
//! assert_eq!(fa3::parse(again.as_bytes()).unwrap(), invoice);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

// The public API: the entry points and types re-exported below, and the
// modules declared `pub`. Everything else is internal (`pub(crate)`), free to
// change between releases; ARCHITECTURE.md maps it.
pub(crate) mod check;
pub(crate) mod diagnostic;
pub mod domain;
pub(crate) mod error;
pub mod exchange_rates;
pub mod facts;
pub(crate) mod form;
pub mod format;
pub mod hygiene;
pub mod invoice_builder;
pub mod ksef;
pub mod links;
pub mod model;
pub(crate) mod parse;
pub mod registry;
#[cfg(feature = "serde")]
pub mod render;
pub mod rules;
pub mod run;
pub mod samples;
pub mod schema;
pub(crate) mod settings;
pub(crate) mod source;
#[cfg(feature = "proptest")]
pub mod strategies;
pub(crate) mod zone;

pub(crate) use check::check;
pub use diagnostic::{Diagnostic, MAX_MESSAGE_CHARS, Report, Severity, clip};
pub use error::Error;
pub use invoice_builder::{
    Address, BuildError, Buyer, BuyerId, Contact, Currency, Exemption, InvoiceBuilder, Line,
    Payment, PriceMethod, Seller,
};
pub use model::Faktura;
#[doc(hidden)]
pub use parse::parse_with_generated_reader;
pub use parse::{ParseError, parse, to_xml};
#[cfg(feature = "serde")]
pub use parse::{from_json, to_json};
pub use settings::{Environment, Limits, Selection, SessionMode, Settings, TimeZone};
pub use source::LineIndex;

/// Checks one document and returns every finding.
///
/// `Err` is only for bad settings ([`Settings::validate`]: a rule code or
/// prefix in the selection that names no rule); problems with the document
/// are in the report.
pub fn validate(xml: &[u8], settings: &Settings) -> Result<Report, Error> {
    settings.validate()?;
    Ok(check(xml, settings).report)
}

/// True when the document has no error-level finding under default settings
/// (rules that need the current time are skipped).
pub fn is_valid(xml: &[u8]) -> bool {
    check(xml, &Settings::default()).report.is_valid()
}
