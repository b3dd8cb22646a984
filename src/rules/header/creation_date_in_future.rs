//! `FA3-HDR-003` creation-date-in-future.

use chrono::{DateTime, TimeDelta, Utc};

use crate::model::Faktura;
use crate::model::values::DateTime as XsdDateTime;
use crate::rules::{Check, Context, Findings};
use crate::zone::TimeZone;

/// How far ahead of `now` a creation time may be before it looks like a
/// clock problem rather than ordinary drift between two systems.
pub const CLOCK_SKEW: TimeDelta = TimeDelta::minutes(5);

crate::declare_rule! {
    /// ## What it checks
    /// `Naglowek/DataWytworzeniaFa`, the moment the invoice file was
    /// generated, is not later than the moment of checking, allowing five
    /// minutes of clock skew. A value without a time zone is read in the
    /// configured time zone (Europe/Warsaw), the way the KSeF API reads
    /// offset-less timestamps.
    ///
    /// ## Why it matters
    /// A file cannot be generated in the future, so the generating system's
    /// clock or time zone is wrong. The MF brochure on the FA(3) structure
    /// (§ 4.1) notes that the creation time may differ from the issue date
    /// `P_1` and from the sending date, but not that it may lie ahead of them;
    /// the same wrong clock tends to produce wrong issue dates.
    ///
    /// ## Example
    /// ```xml
    /// <DataWytworzeniaFa>2026-11-23T00:00:00Z</DataWytworzeniaFa> <!-- checked at 2026-11-21T12:00:00Z -->
    /// ```
    ///
    /// ## Fix
    /// Synchronise the generating system's clock and write the creation time
    /// in UTC with a `Z`.
    pub static CREATION_DATE_IN_FUTURE = {
        code: "FA3-HDR-003",
        name: "creation-date-in-future",
        severity: Warning,
        since: "0.1.0",
        check: Check::Document(check),
    }
}

/// The earliest instant a creation time can stand for: its own offset, or
/// the configured zone for a value without one.
fn earliest_instant(value: &XsdDateTime, tz: &TimeZone) -> DateTime<Utc> {
    if value.offset_seconds().is_some() {
        return value.to_utc();
    }
    let local = value.local();
    let mapped = tz.earliest(local).or_else(|| {
        // A local time skipped by a DST change: the hour before it.
        local
            .checked_sub_signed(TimeDelta::hours(1))
            .and_then(|earlier| tz.earliest(earlier))
    });
    mapped.unwrap_or_else(|| value.to_utc())
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let Some(now) = ctx.settings.now else { return };
    let created = &invoice.naglowek.data_wytworzenia_fa.0;
    let instant = earliest_instant(created, &ctx.settings.tz);
    let Some(limit) = now.checked_add_signed(CLOCK_SKEW) else {
        return;
    };
    if instant > limit {
        out.report(
            &CREATION_DATE_IN_FUTURE,
            "/Faktura/Naglowek/DataWytworzeniaFa",
            format!(
                "the creation time {} ({}) is later than the time of checking ({}); the generating system's clock or time zone is probably wrong",
                created.lexical(),
                instant.format("%Y-%m-%dT%H:%M:%SZ"),
                now.format("%Y-%m-%dT%H:%M:%SZ"),
            ),
        )
        .help = Some("synchronise the clock of the generating system and write the time in UTC with a Z".into());
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn offsetless_values_are_read_in_the_zone() {
        let tz = &TimeZone::warsaw();
        let v: XsdDateTime = "2026-11-21T13:00:00".parse().unwrap();
        assert_eq!(
            earliest_instant(&v, tz).to_rfc3339(),
            "2026-11-21T12:00:00+00:00"
        );
        let v: XsdDateTime = "2026-11-21T13:00:00+01:00".parse().unwrap();
        assert_eq!(
            earliest_instant(&v, tz).to_rfc3339(),
            "2026-11-21T12:00:00+00:00"
        );
        // 02:30 does not exist in Warsaw on 2026-03-29 (clocks jump to 03:00).
        let v: XsdDateTime = "2026-03-29T02:30:00".parse().unwrap();
        assert_eq!(
            earliest_instant(&v, tz).to_rfc3339(),
            "2026-03-29T00:30:00+00:00"
        );
        // 02:30 happens twice on 2026-10-25; the earlier one is in summer time.
        let v: XsdDateTime = "2026-10-25T02:30:00".parse().unwrap();
        assert_eq!(
            earliest_instant(&v, tz).to_rfc3339(),
            "2026-10-25T00:30:00+00:00"
        );
    }
}
