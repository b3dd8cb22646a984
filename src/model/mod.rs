//! The typed FA(3) model, generated at build time from the official schemas
//! in `schemas/fa3/` (never edited, never committed), plus the value types it
//! uses for decimals, dates and date-times.
//!
//! Names follow the schema: types keep xsd-parser's names
//! (`FakturaFaFaWierszElementType`), fields are the XSD names in snake case
//! with their underscores kept (`p_1` is `P_1`, the issue date; `p_2` is
//! `P_2`, the invoice number; `p_13_1` is `P_13_1`), and anonymous groups are
//! named after their first element (`p_6_choice`, `p_13_1_group`).

pub(crate) mod builder;
pub mod values;

#[allow(
    missing_docs,
    unused_variables,
    dead_code,
    clippy::all,
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/fa3_model.rs"));
    include!(concat!(env!("OUT_DIR"), "/fa3_builder.rs"));
}

/// Builds the typed model from a document the schema validator accepts
/// (see [`builder`]): no second check of what the validator proved.
pub(crate) fn build(text: &str) -> Result<Faktura, xsd_parser_types::quick_xml::Error> {
    build_with(text, Walk::Read).map(|(invoice, _)| *invoice)
}

/// [`build`] from the record of start tags and values that the schema fast
/// path made of `text` while proving it valid (offsets without the byte
/// order mark): no byte is parsed again. Returns the record, for locating
/// findings.
pub(crate) fn build_replayed(
    text: &str,
    tags: crate::source::Tags,
) -> Result<(Box<Faktura>, Option<crate::source::Tags>), xsd_parser_types::quick_xml::Error> {
    build_with(text, Walk::Replay(tags))
}

/// How [`build_with`] walks the document.
enum Walk {
    /// Reads the bytes.
    Read,
    /// Reads the bytes, recording the start tags.
    Record,
    /// Replays a record of the fast path.
    Replay(crate::source::Tags),
}

/// [`build`], also recording where each element's start tag is (so that
/// findings located by path need no further pass over the document).
pub(crate) fn build_located(
    text: &str,
) -> Result<(Box<Faktura>, Option<crate::source::Tags>), xsd_parser_types::quick_xml::Error> {
    build_with(text, Walk::Record)
}

/// The model is boxed as soon as it is read: it is a few kilobytes, moved
/// on from here only as a pointer.
fn build_with(
    text: &str,
    walk: Walk,
) -> Result<(Box<Faktura>, Option<crate::source::Tags>), xsd_parser_types::quick_xml::Error> {
    use builder::{Cursor, Element};
    // A byte order mark is not part of the document; positions stay those
    // of the bytes given.
    let bom = text.strip_prefix('\u{feff}');
    let skipped: usize = if bom.is_some() { 3 } else { 0 };
    let run = |text: &str| {
        let mut c = match walk {
            Walk::Read => Cursor::new(text),
            Walk::Record => Cursor::recording(text),
            Walk::Replay(tags) => Cursor::replaying(text, tags),
        };
        c.open(b"Faktura")?;
        let invoice = Box::new(<Faktura as Element>::element(&mut c)?);
        c.finish()?;
        let mut tags = c.into_tags();
        // Without a byte order mark the positions are those of `text`
        // already: the record is not walked for nothing.
        if skipped > 0
            && let Some(tags) = &mut tags
        {
            tags.shift(skipped);
        }
        Ok((invoice, tags))
    };
    run(bom.unwrap_or(text)).map_err(|mut e: xsd_parser_types::quick_xml::Error| {
        e.position = e.position.map(|p| p + skipped as u64);
        e
    })
}

pub use generated::*;
