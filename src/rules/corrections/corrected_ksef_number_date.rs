//! `FA3-KOR-004` corrected-ksef-number-date.

use chrono::NaiveDate;

use crate::domain::ksef_number::{KsefNumber, KsefNumberError};
use crate::model::Faktura;
use crate::rules::{Check, Context, Findings};

/// KSeF 2.0 production start: the numbers dated from then on are real ones.
const KSEF_2_START: NaiveDate = match NaiveDate::from_ymd_opt(2026, 2, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

crate::declare_rule! {
    /// ## What it checks
    /// The date inside each cited KSeF number,
    /// `DaneFaKorygowanej/NrKSeFFaKorygowanej` (`NIP-YYYYMMDD-…`, the day
    /// KSeF accepted the corrected invoice), is consistent with the other
    /// dates: it is not later than the correction's own issue date `P_1`,
    /// and, for numbers dated from 2026-02-01, not earlier than the corrected
    /// invoice's issue date `DataWystFaKorygowanej`.
    ///
    /// Refined: the lower bound applies only to numbers dated from
    /// 2026-02-01, when KSeF 2.0 went into production. The Ministry of
    /// Finance's own examples cite placeholder numbers dated 2023-09-08 for
    /// invoices of 2026, and a number that old says nothing reliable about
    /// the corrected invoice. A number that fails its format or date check
    /// is FA3-ID-008, and is not compared here.
    ///
    /// ## Why it matters
    /// The date of a KSeF number is the day KSeF accepted the invoice (KSeF
    /// docs: numer-ksef). KSeF accepts no invoice before its issue date, so
    /// the corrected invoice's number cannot be dated before its
    /// `DataWystFaKorygowanej`; and a correction can cite the number only
    /// after KSeF assigned it ("Fakturę korygującą przesyła się dopiero po
    /// nadaniu numeru KSeF dokumentowi pierwotnemu", KSeF docs:
    /// tryby-offline), so the number cannot be dated after the correction.
    /// KSeF does not check references inside the invoice.
    ///
    /// ## Example
    /// ```xml
    /// <P_1>2026-11-21</P_1>
    /// ...
    /// <NrKSeFFaKorygowanej>5265877635-20261125-0100001AF629-E5</NrKSeFFaKorygowanej>
    /// ```
    ///
    /// ## Fix
    /// Copy the KSeF number of the corrected invoice from its KSeF acceptance
    /// confirmation (UPO), and check `DataWystFaKorygowanej` and `P_1`.
    pub static CORRECTED_KSEF_NUMBER_DATE = {
        code: "FA3-KOR-004",
        name: "corrected-ksef-number-date",
        severity: Warning,
        since: "0.2.0",
        check: Check::Document(check),
    }
}

/// The date of a KSeF number whose format and date are valid; its check
/// digits may be wrong (FA3-ID-009), which leaves the date readable.
fn acceptance_date(number: &str) -> Option<NaiveDate> {
    match KsefNumber::date_of(number) {
        Ok(date) => Some(date),
        Err(KsefNumberError::Checksum { .. }) => compact_date(number.get(11..19)?),
        Err(_) => None,
    }
}

/// `YYYYMMDD` as a calendar date: eight digits directly, anything else
/// through chrono's parser.
fn compact_date(s: &str) -> Option<NaiveDate> {
    if let Ok(digits) = <[u8; 8]>::try_from(s.as_bytes())
        && digits.iter().all(u8::is_ascii_digit)
    {
        let number = |range: std::ops::Range<usize>| {
            digits
                .get(range)
                .unwrap_or_default()
                .iter()
                .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'))
        };
        return NaiveDate::from_ymd_opt(
            i32::try_from(number(0..4)).ok()?,
            number(4..6),
            number(6..8),
        );
    }
    NaiveDate::parse_from_str(s, "%Y%m%d").ok()
}

fn check(invoice: &Faktura, ctx: &Context<'_>, out: &mut Findings) {
    let issued = invoice.fa.p_1.0.date();
    for corrected in &ctx.facts().correction().corrected {
        let Some(number) = corrected.ksef_number else {
            continue;
        };
        let number = number.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'));
        let Some(accepted) = acceptance_date(number) else {
            continue;
        };
        let path = || crate::facts::child(&corrected.path, "NrKSeFFaKorygowanej");
        let help = "copy the KSeF number of the corrected invoice from its KSeF acceptance confirmation (UPO)";
        if accepted > issued {
            out.report(
                &CORRECTED_KSEF_NUMBER_DATE,
                path(),
                format!(
                    "the KSeF number {number} is dated {accepted}, after the correction's own issue date {issued} (P_1): a correction can cite only a number KSeF has already assigned"
                ),
            )
            .help = Some(help.into());
        } else if accepted >= KSEF_2_START && accepted < corrected.issue_date {
            out.report(
                &CORRECTED_KSEF_NUMBER_DATE,
                path(),
                format!(
                    "the KSeF number {number} is dated {accepted}, before the corrected invoice's issue date {dated} (DataWystFaKorygowanej): KSeF accepts no invoice before it is issued",
                    dated = corrected.issue_date
                ),
            )
            .help = Some(help.into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::acceptance_date;
    use chrono::NaiveDate;

    #[test]
    fn compact_dates_read_as_chrono_reads_them() {
        for s in [
            "20250826", "00000101", "99991231", "20240229", "20250229", "20251301", "20250100",
            "2025082", "2025-8-2", "+2025082", "abcdefgh",
        ] {
            assert_eq!(
                super::compact_date(s),
                NaiveDate::parse_from_str(s, "%Y%m%d").ok(),
                "{s}"
            );
        }
    }

    #[test]
    fn reads_the_date_despite_wrong_check_digits() {
        let day = NaiveDate::from_ymd_opt(2025, 8, 26);
        assert_eq!(acceptance_date("5265877635-20250826-0100001AF629-AF"), day);
        assert_eq!(acceptance_date("5265877635-20250826-0100001AF629-00"), day);
        assert_eq!(acceptance_date("5265877635-20250229-0100001AF629-00"), None);
        assert_eq!(acceptance_date("5265877635-2025082"), None);
        assert_eq!(acceptance_date(""), None);
    }
}
