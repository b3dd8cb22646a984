//! `FA3-HDR-004` creation-date-format.

use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

/// The most fractional-second digits that every consumer is known to read.
const MAX_FRACTION_DIGITS: usize = 3;

crate::declare_rule! {
    /// ## What it checks
    /// `Naglowek/DataWytworzeniaFa` carries a time-zone designator (`Z` or an
    /// offset such as `+01:00`) and at most three fractional-second digits.
    ///
    /// ## Why it matters
    /// The schema accepts both forms, but the MF brochure on the FA(3)
    /// structure (§ 2.9) asks for UTC with a `Z`: how KSeF reads a creation
    /// time without a zone is undocumented (ksef-api#712), so the moment is
    /// ambiguous by one or two hours. Values with seven fractional digits, as
    /// .NET writes them, break some ERP systems that read KSeF metadata
    /// (ksef-api#688).
    ///
    /// ## Example
    /// ```xml
    /// <DataWytworzeniaFa>2026-11-21T10:00:00.7986964</DataWytworzeniaFa>
    /// ```
    ///
    /// ## Fix
    /// Write the time in UTC with a `Z` and whole seconds (or milliseconds):
    /// `2026-11-21T09:00:00Z`.
    pub static CREATION_DATE_FORMAT = {
        code: "FA3-HDR-004",
        name: "creation-date-format",
        severity: Info,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

/// The number of fractional-second digits in an `xs:dateTime` lexical form.
fn fraction_digits(lexical: &str) -> usize {
    let Some((_, time)) = lexical.split_once('T') else {
        return 0;
    };
    time.split_once('.').map_or(0, |(_, frac)| {
        frac.bytes().take_while(u8::is_ascii_digit).count()
    })
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let created = &invoice.naglowek.data_wytworzenia_fa.0;
    let mut problems = Vec::new();
    if created.offset_seconds().is_none() {
        problems
            .push("has no time-zone designator, so the moment it names is ambiguous".to_string());
    }
    let digits = fraction_digits(&created.lexical());
    if digits > MAX_FRACTION_DIGITS {
        problems.push(format!(
            "has {digits} fractional-second digits, which some systems cannot read (at most {MAX_FRACTION_DIGITS} are safe)"
        ));
    }
    if problems.is_empty() {
        return;
    }
    out.report(
        &CREATION_DATE_FORMAT,
        "/Faktura/Naglowek/DataWytworzeniaFa",
        format!(
            "the creation time {} {}",
            created.lexical(),
            problems.join(" and ")
        ),
    )
    .help =
        Some("write the time in UTC with a Z and whole seconds, e.g. 2026-11-21T09:00:00Z".into());
}

#[cfg(test)]
mod tests {
    use super::fraction_digits;

    #[test]
    fn counts_fraction_digits() {
        assert_eq!(fraction_digits("2026-11-21T10:00:00Z"), 0);
        assert_eq!(fraction_digits("2026-11-21T10:00:00.123Z"), 3);
        assert_eq!(fraction_digits("2026-11-21T10:00:00.7986964"), 7);
        assert_eq!(fraction_digits("2026-11-21T10:00:00.1234+01:00"), 4);
        assert_eq!(fraction_digits("2026-11-21"), 0);
    }
}
