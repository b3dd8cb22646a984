//! `FA3-HDR-002` creation-date-out-of-range: a schema failure at
//! `DataWytworzeniaFa` that is a well-formed date-time outside the schema's
//! range gets this code and a message that says the range (`refine`).

use crate::diagnostic::Diagnostic;
use crate::model::values::DateTime;
use crate::rules::Check;
use crate::rules::util::at_or_inside;
use crate::source::raw_text;

crate::declare_rule! {
    /// ## What it checks
    /// `Naglowek/DataWytworzeniaFa`, the moment the invoice file was
    /// generated, is a date and time between 2025-09-01T00:00:00Z and
    /// 2050-01-01T23:59:59Z.
    ///
    /// ## Why it matters
    /// The schema restricts the element with `minInclusive` and
    /// `maxInclusive` (schemat_FA(3)_v1-0E.xsd, `DataWytworzeniaFa`), so KSeF
    /// rejects any other value with status 450. A value before September 2025
    /// usually means a default or uninitialised timestamp in the generating
    /// system.
    ///
    /// ## Example
    /// ```xml
    /// <DataWytworzeniaFa>2025-08-31T23:59:59Z</DataWytworzeniaFa>
    /// ```
    ///
    /// ## Fix
    /// Write the real moment the file was generated, in UTC with a `Z`, e.g.
    /// `2026-11-21T08:00:00Z`.
    pub static CREATION_DATE_OUT_OF_RANGE = {
        code: "FA3-HDR-002",
        name: "creation-date-out-of-range",
        severity: Error,
        since: "0.1.0",
        check: Check::Schema,
    }
}

const DATA_WYTWORZENIA: &str = "/Faktura/Naglowek/DataWytworzeniaFa";

/// The range of `DataWytworzeniaFa` (`minInclusive`, `maxInclusive`).
const CREATED_MIN: &str = "2025-09-01T00:00:00Z";
const CREATED_MAX: &str = "2050-01-01T23:59:59Z";

/// This rule's finding for a schema failure at `path` (without indices),
/// when `path` is `DataWytworzeniaFa` (or inside it) and its value, read
/// from `bytes`, is a well-formed date-time outside the range; any other
/// failure stays a plain schema error.
pub(crate) fn refine(bytes: &[u8], path: &str) -> Option<Diagnostic> {
    if !at_or_inside(path, DATA_WYTWORZENIA) {
        return None;
    }
    let created: DateTime = raw_text(bytes, path)?.parse().ok()?;
    let min = DateTime::from_schema_literal(CREATED_MIN);
    let max = DateTime::from_schema_literal(CREATED_MAX);
    if created.to_utc() >= min.to_utc() && created.to_utc() <= max.to_utc() {
        return None;
    }
    Some(
        CREATION_DATE_OUT_OF_RANGE
            .diagnostic(format!(
                "the creation time {} is outside the range the schema allows ({CREATED_MIN} to {CREATED_MAX})",
                created.lexical()
            ))
            .with_help("write the real moment the file was generated, in UTC with a Z")
            .with_path(path),
    )
}
