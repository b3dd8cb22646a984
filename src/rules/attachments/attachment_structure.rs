//! `FA3-ATT-010` attachment-structure: a catalog rule the schema enforces, reported under its
//! own code (see `crate::rules::schema_map`).

use crate::rules::Check;
use crate::rules::schema_map::SchemaMapping;

crate::declare_rule! {
    /// ## What it checks
    /// `Zalacznik` holds 1–1000 `BlokDanych`, each with at least one `MetaDane` (`ZKlucz`/`ZWartosc`);
    /// `Tekst/Akapit` up to 10 × 512 characters; a `Tabela` has a `TNaglowek` of 1–20 `Kol`, each with
    /// `@Typ` one of `date`, `datetime`, `dec`, `int`, `time`, `txt`, and 1–1000 `Wiersz`.
    ///
    /// ## Why it matters
    /// The schema enforces this, so KSeF rejects the invoice with status 450; fa3 reports the schema validator's failure under this code, with what it means and how to fix it, instead of the generic `FA3-XSD-*` code.
    /// Source: the FA(3) schema's `Zalacznik`; MF brochure §16.2.
    ///
    /// ## Example
    /// ```xml
    /// <Kol Typ="number">
    /// ```
    ///
    /// ## Fix
    /// Give each column one of the listed types (`dec` for numbers), and keep the structure and its
    /// limits.
    pub static ATTACHMENT_STRUCTURE = {
        code: "FA3-ATT-010",
        name: "attachment-structure",
        severity: Error,
        since: "0.2.0",
        check: Check::SchemaMapped(&MAPPING),
    }
}

/// The schema failures this rule reports.
static MAPPING: SchemaMapping = SchemaMapping {
    inside: &["/Faktura/Zalacznik"],
    what: "the attachment does not follow the structure the schema gives Zalacznik",
    help: "follow Zalacznik's structure: BlokDanych with MetaDane, Tekst/Akapit, Tabela with TNaglowek/Kol (Typ date, datetime, dec, int, time or txt) and Wiersz",
    ..SchemaMapping::NONE
};
