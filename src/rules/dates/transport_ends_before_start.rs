//! `FA3-DATE-016` transport-ends-before-start.

use chrono::TimeDelta;

use crate::facts::indexed;
use crate::model::Faktura;
use crate::model::values::DateTime;
use crate::rules::{Check, Context, Findings};

/// The largest time-zone offset (XML Schema: ±14:00), in hours.
const MAX_OFFSET_HOURS: i64 = 14;

crate::declare_rule! {
    /// ## What it checks
    /// The end of each transport, `Transport/DataGodzZakTransportu`, is not
    /// earlier than its start, `Transport/DataGodzRozpTransportu`. Two
    /// values with time zones (or two without) are compared as instants;
    /// when only one has a zone, the end must be earlier by more than 14
    /// hours (the largest offset) to be reported.
    ///
    /// ## Why it matters
    /// The fields are the date and time the transport started and ended
    /// (schemat_FA(3)_v1-0E.xsd). An end before the start is usually a
    /// swapped pair or a wrong day, and the transport data of the invoice is
    /// then wrong. KSeF does not check it.
    ///
    /// ## Example
    /// ```xml
    /// <DataGodzRozpTransportu>2026-11-20T10:00:00</DataGodzRozpTransportu>
    /// <DataGodzZakTransportu>2026-11-19T16:00:00</DataGodzZakTransportu>
    /// ```
    ///
    /// ## Fix
    /// Put the start of the transport in `DataGodzRozpTransportu` and its end
    /// in `DataGodzZakTransportu`.
    pub static TRANSPORT_ENDS_BEFORE_START = {
        code: "FA3-DATE-016",
        name: "transport-ends-before-start",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// True when `end` is certainly earlier than `start`.
fn ends_before(start: &DateTime, end: &DateTime) -> bool {
    match (start.offset_seconds(), end.offset_seconds()) {
        (Some(_), Some(_)) => end.to_utc() < start.to_utc(),
        (None, None) => end.local() < start.local(),
        _ => end
            .local()
            .checked_add_signed(TimeDelta::hours(MAX_OFFSET_HOURS))
            .is_some_and(|shifted| shifted < start.local()),
    }
}

fn check(invoice: &Faktura, _ctx: &Context<'_>, out: &mut Findings) {
    let Some(terms) = &invoice.fa.warunki_transakcji else {
        return;
    };
    for (i, transport) in terms.transport.iter().enumerate() {
        let Some(group) = &transport.data_godz_rozp_transportu_group else {
            continue;
        };
        let (Some(start), Some(end)) = (
            &group.data_godz_rozp_transportu,
            &group.data_godz_zak_transportu,
        ) else {
            continue;
        };
        if !ends_before(&start.0, &end.0) {
            continue;
        }
        let base = indexed("/Faktura/Fa/WarunkiTransakcji", "Transport", i);
        out.report(
            &TRANSPORT_ENDS_BEFORE_START,
            format!("{base}/DataGodzZakTransportu"),
            format!(
                "the transport ends at {end} (DataGodzZakTransportu), before it starts at {start} (DataGodzRozpTransportu)",
                end = end.0,
                start = start.0
            ),
        )
        .help = Some(
            "put the start of the transport in DataGodzRozpTransportu and its end in DataGodzZakTransportu".into(),
        );
    }
}
