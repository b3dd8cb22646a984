//! `FA3-DUP-001` already-sent: `check` is called by [`crate::run`] for
//! each document with the registry of sent invoices. It reports the key's
//! sent record under FA3-DUP-001, FA3-DUP-003 or FA3-DUP-004, whichever
//! describes it.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::duplicate_after_normalisation::{self, DUPLICATE_AFTER_NORMALISATION};
use super::duplicate_within_horizon::DUPLICATE_WITHIN_HORIZON;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::{DupKey, Registry};
use crate::rules::Check;

crate::declare_rule! {
    /// ## What it checks
    /// The invoice's duplicate key (seller NIP
    /// `Podmiot1/DaneIdentyfikacyjne/NIP`, invoice type `Fa/RodzajFaktury`,
    /// invoice number `Fa/P_2`) is not in the registry of invoices already
    /// sent to KSeF. The key is compared after `xsd:token` normalisation and
    /// case-sensitively; `VAT` "FV/1" and `ROZ` "FV/1" are different keys.
    /// Checked by `fa3::run` when a registry is given. A key blocked by an
    /// invoice of an earlier year is reported as FA3-DUP-004, one that
    /// matches only after whitespace normalisation as FA3-DUP-003.
    ///
    /// ## Why it matters
    /// KSeF rejects an invoice whose key was already accepted with status 440
    /// "Duplikat faktury" (KSeF docs: weryfikacja-faktury, "Unikalność
    /// faktury"). The key is global per seller: all branches and authorised
    /// issuers share it.
    ///
    /// ## Example
    /// ```xml
    /// <P_2>FV/2026/11/001</P_2> <!-- sent on 2026-11-01 with the same NIP and RodzajFaktury -->
    /// ```
    ///
    /// ## Fix
    /// Give the invoice a new number, or do not send it again: look up the
    /// KSeF number of the invoice already accepted.
    pub static ALREADY_SENT = {
        code: "FA3-DUP-001",
        name: "already-sent",
        severity: Error,
        since: "0.1.0",
        check: Check::Batch,
    }
}

/// The finding for the invoice whose duplicate key is `key` and whose `P_2`
/// reads `raw` (as written, before normalisation), checked on `today`
/// against `registry`: FA3-DUP-001 when the key was already sent and is
/// still within its 10-year horizon (at warning severity when the registry
/// cannot be read), FA3-DUP-004 when the blocking invoice is from an earlier
/// year, FA3-DUP-003 when the numbers differ in whitespace or case.
pub(crate) fn check(
    registry: &dyn Registry,
    key: &DupKey,
    raw: &str,
    today: NaiveDate,
) -> Option<Diagnostic> {
    let rec = match registry.find_duplicate(key, today) {
        Ok(Some(rec)) => rec,
        Ok(None) => {
            let similar = registry.case_only_collisions(key).ok()?;
            let rec = similar.first()?;
            return Some(duplicate_after_normalisation::case_only_sent(
                key,
                rec.key.number(),
            ));
        }
        Err(e) => {
            return Some(ALREADY_SENT.diagnostic_at(
                Severity::Warning,
                format!("the registry of sent invoices could not be read: {e}"),
            ));
        }
    };
    let mut msg = format!(
        "an invoice with this key (seller NIP {}, {}, number \"{}\") was already sent",
        key.seller_nip(),
        key.invoice_type(),
        key.number()
    );
    if let Some(n) = &rec.ksef_number {
        let _ = write!(msg, " as KSeF number {n}");
    }
    if let Some(s) = &rec.source {
        let _ = write!(msg, " ({s})");
    }
    // The year the horizon counts from (see `registry::horizon_end`).
    let issued = rec
        .accepted_on
        .map_or(rec.issue_date, |a| a.max(rec.issue_date))
        .year();
    let _ = write!(
        msg,
        "; issued in {issued}, it blocks the key until {}",
        rec.horizon_end()
    );
    let (rule, help) = if rec.key.number() != raw {
        (
            &DUPLICATE_AFTER_NORMALISATION,
            "give the invoice a new number, or do not send it again",
        )
    } else if issued < today.year() {
        msg.push_str(" (10 full years after the year of issue)");
        (
            &DUPLICATE_WITHIN_HORIZON,
            "give the invoice a new number; numbering that restarts every year needs the year in the number",
        )
    } else {
        (
            &ALREADY_SENT,
            "give the invoice a new number, or do not send it again",
        )
    };
    Some(rule.diagnostic(msg).with_path(super::P_2).with_help(help))
}
