//! Public [proptest](mod@proptest) strategies for FA(3) data (feature `proptest`).
//!
//! Every strategy builds its values through the [`domain`](crate::domain)
//! functions that the rules use to check them, so generators and checks
//! share one definition: a generated NIP is valid because
//! [`Nip::with_check_digit`] made it, and the NIP rule accepts it because
//! [`Nip::parse`] is the same arithmetic.
//!
//! Conventions, for strategies added here later:
//!
//! - `arb_<thing>()` generates valid values with default parameters;
//!   `arb_<thing>_with(..)` takes the parameters; `arb_invalid_<thing>()`
//!   generates values that the matching check rejects.
//! - Strategies never panic and never read the clock: date ranges are
//!   parameters or fixed constants.
//! - Larger groups (such as whole invoices) can live in submodules of this
//!   module, in `src/strategies/<group>.rs`, re-exported from here.
//!
//! ```
//! use fa3::domain::nip;
//! use fa3::strategies::arb_nip;
//! use proptest::prelude::*;
//!
//! proptest!(|(nip in arb_nip())| {
//!     prop_assert!(nip::is_valid(nip.as_str()));
//! });
//! ```

use std::ops::RangeInclusive;

mod invoice;
mod violations;

pub use invoice::{
    ALL_KINDS, InvoiceProfile, MAX_ORDER_ROWS, MAX_ROWS, arb_invoice, arb_invoice_with,
};
pub use violations::{
    no_violation_reason, violating, violating_with, violation_codes, violation_kinds,
};

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use crate::domain::{Iban, KsefNumber, Nip, NipError, Regon};

/// The first date a KSeF number can carry (the XSD allows years from 2020).
pub const KSEF_FIRST_DATE: NaiveDate = ymd(2020, 1, 1);

/// The last date [`arb_ksef_number`] generates.
pub const KSEF_LAST_DATE: NaiveDate = ymd(2099, 12, 31);

/// A date known to be valid at compile time; `NaiveDate::MIN` otherwise.
const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// A string of `len` ASCII digits.
fn digits(len: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(0u8..10, len)
        .prop_map(|ds| ds.into_iter().map(|d| char::from(b'0' + d)).collect())
}

/// Dates in `range` (inclusive), uniformly. An empty range gives its start.
pub fn arb_date(range: RangeInclusive<NaiveDate>) -> impl Strategy<Value = NaiveDate> {
    let (start, end) = range.into_inner();
    let span = u64::try_from(end.signed_duration_since(start).num_days()).unwrap_or(0);
    (0..=span).prop_map(move |offset| start.checked_add_days(Days::new(offset)).unwrap_or(start))
}

/// Valid NIPs: a non-zero first digit, a tax-office prefix other than `00`,
/// and a valid check digit. Placeholders such as `1111111111` can occur.
pub fn arb_nip() -> impl Strategy<Value = Nip> {
    (1u8..10, digits(8)).prop_filter_map("no check digit for these nine digits", |(first, rest)| {
        Nip::with_check_digit(&format!("{first}{rest}")).ok()
    })
}

/// Strings that [`Nip::parse`] rejects, close to real NIPs: a wrong check
/// digit, nine digits with checksum remainder 10, a `PL` prefix, separators,
/// surrounding whitespace, a leading zero, office prefix `00`, or one digit
/// too few or too many.
pub fn arb_invalid_nip() -> impl Strategy<Value = String> {
    prop_oneof![
        // Wrong check digit (FA3-ID-002).
        (arb_nip(), 1u8..10).prop_map(|(nip, delta)| {
            let s = nip.as_str();
            let body = s.get(..9).unwrap_or_default();
            let [.., last] = nip.digits();
            format!("{body}{}", (last + delta) % 10)
        }),
        // Remainder 10: no check digit exists (FA3-ID-002).
        (remainder_ten_body(), 0u8..10).prop_map(|(body, last)| format!("{body}{last}")),
        // Spelling problems (FA3-ID-001).
        (arb_nip(), prop::sample::select(DECORATIONS.to_vec()))
            .prop_map(|(nip, decorate)| decorate(nip.as_str())),
        // A leading zero or office prefix `00` (FA3-ID-001).
        digits(9).prop_map(|rest| format!("0{rest}")),
        (1u8..10, digits(7)).prop_map(|(first, rest)| format!("{first}00{rest}")),
    ]
    .prop_filter("must be rejected", |s| Nip::parse(s).is_err())
}

/// Ways people misspell a NIP; none of them survive [`Nip::parse`].
const DECORATIONS: [fn(&str) -> String; 7] = [
    |s| format!("PL{s}"),
    |s| format!(" {s}"),
    |s| format!("{s} "),
    |s| grouped(s, "-"),
    |s| grouped(s, " "),
    |s| s.get(..9).unwrap_or_default().to_owned(),
    |s| format!("{s}0"),
];

/// `526-587-76-35` style grouping.
fn grouped(s: &str, sep: &str) -> String {
    let part = |r: std::ops::Range<usize>| s.get(r).unwrap_or_default();
    format!(
        "{}{sep}{}{sep}{}{sep}{}",
        part(0..3),
        part(3..6),
        part(6..8),
        part(8..10)
    )
}

/// Nine leading digits with a valid NIP format whose checksum remainder is
/// 10, so no tenth digit makes a valid NIP.
fn remainder_ten_body() -> impl Strategy<Value = String> {
    (1u8..10, digits(7)).prop_filter_map("no ninth digit gives remainder 10", |(first, rest)| {
        // Choose the ninth digit (weight 7) so that the sum is 10 mod 11;
        // 8 is the inverse of 7 mod 11.
        let eight = format!("{first}{rest}");
        let partial: u32 = eight
            .bytes()
            .zip([6u32, 5, 7, 2, 3, 4, 5, 6])
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        let ninth = ((10 + 11 - partial % 11) * 8) % 11;
        let body = format!("{eight}{ninth}");
        (ninth < 10 && Nip::with_check_digit(&body) == Err(NipError::RemainderTen)).then_some(body)
    })
}

/// Valid 35-character KSeF numbers with a valid seller NIP, a date from
/// 2020 to 2099 and correct CRC-8 check digits.
pub fn arb_ksef_number() -> impl Strategy<Value = KsefNumber> {
    arb_nip().prop_flat_map(|nip| arb_ksef_number_with(nip, KSEF_FIRST_DATE..=KSEF_LAST_DATE))
}

/// Valid 35-character KSeF numbers for one seller NIP, dated within `dates`
/// (clamped to 2020-01-01 or later). Useful for references that must carry
/// the seller's NIP, such as `NrKSeFFaKorygowanej` (FA3-ID-010).
pub fn arb_ksef_number_with(
    nip: Nip,
    dates: RangeInclusive<NaiveDate>,
) -> impl Strategy<Value = KsefNumber> {
    let (start, end) = dates.into_inner();
    let start = start.max(KSEF_FIRST_DATE);
    (arb_date(start..=end.max(start)), 0u64..(1 << 48)).prop_filter_map(
        "date outside the KSeF number range",
        move |(date, unique)| KsefNumber::compose(&nip, date, unique).ok(),
    )
}

/// Valid Polish IBANs (`PL` + 26 digits) with correct mod-97 check digits.
/// [`Iban::nrb`] gives the NRB form.
pub fn arb_iban_pl() -> impl Strategy<Value = Iban> {
    digits(24).prop_filter_map("not a valid Polish BBAN", |bban| {
        Iban::compose("PL", &bban).ok()
    })
}

/// Valid 9-digit REGONs.
pub fn arb_regon9() -> impl Strategy<Value = Regon> {
    digits(8).prop_filter_map("not a valid REGON body", |body| {
        Regon::with_check_digit(&body).ok()
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    use super::*;
    use crate::domain::regon::RegonKind;
    use crate::domain::{iban, ksef_number, nip, regon};

    proptest! {
        #[test]
        fn generated_nips_are_valid(n in arb_nip()) {
            prop_assert_eq!(Nip::parse(n.as_str()), Ok(n));
        }

        #[test]
        fn generated_invalid_nips_are_rejected(s in arb_invalid_nip()) {
            prop_assert!(!nip::is_valid(&s));
        }

        #[test]
        fn generated_ksef_numbers_are_valid(n in arb_ksef_number()) {
            prop_assert!(ksef_number::is_valid(n.as_str()));
            prop_assert!(!n.is_legacy());
            prop_assert!(n.nip().is_ok());
            prop_assert!((KSEF_FIRST_DATE..=KSEF_LAST_DATE).contains(&n.date()));
        }

        #[test]
        fn ksef_numbers_carry_the_given_nip_and_dates(
            n in arb_nip(),
            offset in 0u64..3650,
            len in 0u64..400,
        ) {
            let start = ymd(2024, 1, 1).checked_add_days(Days::new(offset)).unwrap();
            let end = start.checked_add_days(Days::new(len)).unwrap();
            let mut runner = TestRunner::deterministic();
            let number = arb_ksef_number_with(n, start..=end)
                .new_tree(&mut runner)
                .unwrap()
                .current();
            prop_assert_eq!(number.nip(), Ok(n));
            prop_assert!((start..=end).contains(&number.date()));
        }

        #[test]
        fn generated_ibans_are_valid(i in arb_iban_pl()) {
            prop_assert!(iban::is_valid(i.as_str()));
            prop_assert_eq!(i.country(), "PL");
            prop_assert_eq!(i.as_str().len(), 28);
            prop_assert!(matches!(
                iban::classify_account(i.nrb().unwrap()),
                Ok(iban::AccountNumber::Nrb(_))
            ));
        }

        #[test]
        fn generated_regons_are_valid(r in arb_regon9()) {
            prop_assert!(regon::is_valid(r.as_str()));
            prop_assert_eq!(r.kind(), RegonKind::Nine);
        }

        #[test]
        fn dates_stay_in_range(offset in 0u64..10_000, len in 0u64..1000) {
            let start = ymd(2000, 1, 1).checked_add_days(Days::new(offset)).unwrap();
            let end = start.checked_add_days(Days::new(len)).unwrap();
            let mut runner = TestRunner::deterministic();
            let d = arb_date(start..=end).new_tree(&mut runner).unwrap().current();
            prop_assert!((start..=end).contains(&d));
        }
    }

    #[test]
    fn invalid_nips_cover_format_and_checksum_errors() {
        let mut runner = TestRunner::deterministic();
        let strategy = arb_invalid_nip();
        let (mut format, mut checksum, mut remainder_ten) = (0, 0, 0);
        for _ in 0..500 {
            let s = strategy.new_tree(&mut runner).unwrap().current();
            match Nip::parse(&s).unwrap_err() {
                NipError::RemainderTen => remainder_ten += 1,
                NipError::Checksum { .. } => checksum += 1,
                e => {
                    assert!(e.is_format(), "{s}: {e}");
                    format += 1;
                }
            }
        }
        assert!(format > 0 && checksum > 0 && remainder_ten > 0);
    }

    #[test]
    fn empty_date_range_gives_its_start() {
        let mut runner = TestRunner::deterministic();
        let start = ymd(2026, 11, 21);
        let end = ymd(2026, 1, 1);
        let d = arb_date(start..=end)
            .new_tree(&mut runner)
            .unwrap()
            .current();
        assert_eq!(d, start);
    }

    #[test]
    fn constants_are_real_dates() {
        assert_eq!(KSEF_FIRST_DATE.to_string(), "2020-01-01");
        assert_eq!(KSEF_LAST_DATE.to_string(), "2099-12-31");
        assert_eq!(ymd(2027, 2, 29), NaiveDate::MIN);
    }
}
