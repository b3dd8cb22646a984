//! A local record of invoices already sent to KSeF, for the duplicate checks
//! FA3-DUP-001 … FA3-DUP-005.
//!
//! KSeF rejects an invoice with status 440 ("Duplikat faktury") when another
//! invoice with the same key was already accepted. The key is
//!
//! | Part | Element |
//! |---|---|
//! | seller NIP | `Faktura/Podmiot1/DaneIdentyfikacyjne/NIP` |
//! | invoice type | `Faktura/Fa/RodzajFaktury` |
//! | invoice number | `Faktura/Fa/P_2` |
//!
//! and it is compared:
//!
//! - after **`xsd:token` normalisation** ([`normalize_token`]): leading and
//!   trailing XML whitespace (U+0020, U+0009, U+000A, U+000D) is removed and
//!   internal runs collapse to a single space. U+00A0 (no-break space) is not
//!   XML whitespace and is kept. [`whitespace_issues`] reports what the
//!   normalisation (or an NBSP) would hide, for FA3-DUP-005;
//! - **case-sensitively**. Whether KSeF folds case is unknown, so
//!   [`Registry::case_only_collisions`] finds numbers that differ only in case
//!   (an info-level finding);
//! - **per invoice type**: `VAT` "FV/1" and `ROZ` "FV/1" are different keys.
//!
//! A key stays blocked for **10 full years counted from the end of the calendar
//! year of issue** ([`horizon_end`]); the later of `P_1` and the acceptance date
//! counts as the issue date. After that, [`Registry::evict_expired`] may drop
//! the record.
//!
//! Two implementations are provided: [`MemoryRegistry`] (one process, nothing
//! persisted) and [`SqliteRegistry`] (a file shared safely by concurrent
//! processes). Nothing here reads the clock: the caller passes `today`, and a
//! [`SentRecord`] carries its own `recorded_at`.
//!
//! ```
//! use chrono::{NaiveDate, TimeZone, Utc};
//! use fa3::registry::{DupKey, MemoryRegistry, RecordOutcome, Registry, SentRecord};
//!
//! # fn main() -> Result<(), fa3::registry::RegistryError> {
//! let registry = MemoryRegistry::new();
//! let issued = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap_or_default();
//! let sent = SentRecord::new(
//!     DupKey::new("5265877635", "VAT", "FV/1/2026"),
//!     issued,
//!     Utc.with_ymd_and_hms(2026, 1, 5, 9, 30, 0).single().unwrap_or_default(),
//! )
//! .with_ksef_number("5265877635-20260105-0100001AF629-AF");
//! assert_eq!(registry.record(&sent)?, RecordOutcome::Inserted);
//!
//! // The same number with stray whitespace is the same key.
//! let again = DupKey::new("5265877635", "VAT", " FV/1/2026 ");
//! let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default();
//! assert!(registry.find_duplicate(&again, today)?.is_some());
//!
//! // A ROZ invoice with the same number is not a duplicate.
//! let roz = DupKey::new("5265877635", "ROZ", "FV/1/2026");
//! assert!(registry.find_duplicate(&roz, today)?.is_none());
//!
//! // A number differing only in case is not a duplicate, but worth a hint.
//! let lower = DupKey::new("5265877635", "VAT", "fv/1/2026");
//! assert!(registry.find_duplicate(&lower, today)?.is_none());
//! assert_eq!(registry.case_only_collisions(&lower)?.len(), 1);
//! # Ok(())
//! # }
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::{PoisonError, RwLock};

use chrono::{DateTime, Datelike, NaiveDate, Utc};

mod sqlite;

pub use sqlite::SqliteRegistry;

/// Whether `c` is whitespace for `xsd:token` (XML `S` without the
/// line-ending normalisation: U+0020, U+0009, U+000A, U+000D).
fn is_xml_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Normalises `value` as `xsd:token`: removes leading and trailing XML
/// whitespace and collapses every internal run of it to one U+0020.
///
/// Only U+0020, U+0009, U+000A and U+000D count as whitespace. U+00A0
/// (no-break space) and other Unicode spaces are ordinary characters and are
/// kept as they are. Borrows when `value` is already normalised.
///
/// ```
/// use fa3::registry::normalize_token;
///
/// assert_eq!(normalize_token(" FV  1 "), "FV 1");
/// assert_eq!(normalize_token("FV\t1\r\n/2026"), "FV 1 /2026");
/// assert_eq!(normalize_token("FV\u{a0}1"), "FV\u{a0}1");
/// ```
pub fn normalize_token(value: &str) -> Cow<'_, str> {
    if is_normalised_token(value) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    for word in value.split(is_xml_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// True when `value` is its own `xsd:token` normalisation: no tab, line
/// feed or carriage return, and no space at either end or after another
/// space. One pass over the bytes (the ASCII whitespace bytes never occur
/// inside a longer UTF-8 character).
fn is_normalised_token(value: &str) -> bool {
    // Nearly always: no space or control character at all (a fold without
    // an early exit, which the compiler turns into a few wide operations).
    if value.bytes().fold(0u8, |low, b| low | u8::from(b <= b' ')) == 0 {
        return true;
    }
    // True before the first byte, so that a leading space fails too.
    let mut after_space = true;
    value.bytes().all(|b| match b {
        b' ' => !std::mem::replace(&mut after_space, true),
        b'\t' | b'\n' | b'\r' => false,
        _ => {
            after_space = false;
            true
        }
    }) && !value.ends_with(' ')
}

/// The case folding used for case-only collisions: Unicode lowercase.
pub(crate) fn fold_case(value: &str) -> String {
    value.to_lowercase()
}

/// What is unusual about the whitespace in a raw `P_2` (FA3-DUP-005).
///
/// KSeF stores the `xsd:token`-normalised number, so any of the first five
/// makes the stored number differ from the one in the ERP. A no-break space
/// is *not* normalised, so it survives into KSeF but rarely matches what a
/// person types when searching.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[allow(clippy::struct_excessive_bools)] // a set of independent findings
pub struct WhitespaceIssues {
    /// Starts with XML whitespace.
    pub leading: bool,
    /// Ends with XML whitespace.
    pub trailing: bool,
    /// Has a run of two or more XML whitespace characters between
    /// non-whitespace characters.
    pub repeated: bool,
    /// Contains a tab (U+0009).
    pub tab: bool,
    /// Contains a line feed or carriage return (U+000A, U+000D).
    pub line_break: bool,
    /// Contains a no-break space: U+00A0, or its relatives U+2007 (figure
    /// space) and U+202F (narrow no-break space), as produced by number
    /// formatting in the Polish locale.
    pub nbsp: bool,
}

impl WhitespaceIssues {
    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// True when [`normalize_token`] changes the value, i.e. KSeF will store
    /// a different string than the one in the document.
    pub fn changed_by_normalisation(&self) -> bool {
        self.leading || self.trailing || self.repeated || self.tab || self.line_break
    }

    /// Short English names of the findings, in a fixed order (`leading`,
    /// `trailing`, `repeated`, `tab`, `line break`, `no-break space`), for
    /// messages.
    pub fn names(&self) -> Vec<&'static str> {
        [
            (self.leading, "leading"),
            (self.trailing, "trailing"),
            (self.repeated, "repeated"),
            (self.tab, "tab"),
            (self.line_break, "line break"),
            (self.nbsp, "no-break space"),
        ]
        .into_iter()
        .filter_map(|(found, name)| found.then_some(name))
        .collect()
    }
}

impl fmt::Display for WhitespaceIssues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.names().join(", "))
    }
}

/// Finds leading, trailing or repeated whitespace, tabs, line breaks and
/// no-break spaces in a raw `P_2` value (FA3-DUP-005).
///
/// ```
/// use fa3::registry::whitespace_issues;
///
/// let found = whitespace_issues(" FV  1/2026");
/// assert!(found.leading && found.repeated && !found.trailing);
/// assert!(whitespace_issues("FV 1/2026").is_empty());
/// ```
pub fn whitespace_issues(raw: &str) -> WhitespaceIssues {
    let mut issues = WhitespaceIssues {
        leading: raw.starts_with(is_xml_whitespace),
        trailing: raw.ends_with(is_xml_whitespace),
        tab: raw.contains('\t'),
        line_break: raw.contains(['\n', '\r']),
        nbsp: raw.contains(['\u{a0}', '\u{2007}', '\u{202f}']),
        ..WhitespaceIssues::default()
    };
    let inner = raw.trim_matches(is_xml_whitespace);
    let mut previous_was_space = false;
    for c in inner.chars() {
        let space = is_xml_whitespace(c);
        if space && previous_was_space {
            issues.repeated = true;
            break;
        }
        previous_was_space = space;
    }
    issues
}

/// The KSeF duplicate key: seller NIP, invoice type and invoice number.
///
/// All three parts are stored `xsd:token`-normalised (the schema types of all
/// three derive from `xsd:token`), so two keys are equal exactly when KSeF
/// would treat them as the same invoice. Comparison is case-sensitive.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DupKey {
    seller_nip: String,
    invoice_type: String,
    number: String,
}

impl DupKey {
    /// Builds a key from the raw element values
    /// `Podmiot1/DaneIdentyfikacyjne/NIP`, `Fa/RodzajFaktury` and `Fa/P_2`,
    /// normalising each as `xsd:token`.
    pub fn new(seller_nip: &str, rodzaj_faktury: &str, p2: &str) -> Self {
        KeyParts::new(seller_nip, rodzaj_faktury, p2).into_key()
    }

    /// The seller NIP (`Podmiot1/DaneIdentyfikacyjne/NIP`).
    pub fn seller_nip(&self) -> &str {
        &self.seller_nip
    }

    /// The invoice type (`Fa/RodzajFaktury`), e.g. `VAT`, `KOR`, `ROZ`.
    pub fn invoice_type(&self) -> &str {
        &self.invoice_type
    }

    /// The normalised invoice number (`Fa/P_2`).
    pub fn number(&self) -> &str {
        &self.number
    }

    /// The number with its case folded, the value compared by
    /// [`Registry::lookup_case_insensitive`].
    pub(crate) fn folded_number(&self) -> String {
        fold_case(&self.number)
    }
}

/// The parts of a [`DupKey`], normalised the same way but borrowed from
/// the element values when they are already normalised (as they nearly
/// always are): a run compares the keys of its documents without copying
/// them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeyParts<'a> {
    /// The seller NIP.
    pub(crate) seller_nip: Cow<'a, str>,
    /// The invoice type.
    pub(crate) invoice_type: Cow<'a, str>,
    /// The invoice number.
    pub(crate) number: Cow<'a, str>,
}

impl<'a> KeyParts<'a> {
    /// The parts of the key of the raw element values, as [`DupKey::new`]
    /// takes them.
    pub(crate) fn new(seller_nip: &'a str, rodzaj_faktury: &'a str, p2: &'a str) -> Self {
        Self {
            seller_nip: normalize_token(seller_nip),
            invoice_type: normalize_token(rodzaj_faktury),
            number: normalize_token(p2),
        }
    }

    /// The key, owning its parts.
    pub(crate) fn into_key(self) -> DupKey {
        DupKey {
            seller_nip: self.seller_nip.into_owned(),
            invoice_type: self.invoice_type.into_owned(),
            number: self.number.into_owned(),
        }
    }
}

impl fmt::Display for DupKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "NIP {}, {} {:?}",
            self.seller_nip, self.invoice_type, self.number
        )
    }
}

/// The last day on which an invoice still blocks its key: December 31 of the
/// tenth year after the year of issue.
///
/// The year of issue is that of the later of `issue_date` (`P_1`) and
/// `accepted_on` (the KSeF acceptance date), since it is not settled which
/// one KSeF uses. An invoice from 2026 blocks its key until 2036-12-31
/// inclusive. Saturates at [`NaiveDate::MAX`].
///
/// ```
/// use chrono::NaiveDate;
/// use fa3::registry::horizon_end;
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
/// assert_eq!(horizon_end(d(2026, 1, 5), None), d(2036, 12, 31));
/// assert_eq!(horizon_end(d(2026, 12, 31), Some(d(2027, 1, 2))), d(2037, 12, 31));
/// ```
pub fn horizon_end(issue_date: NaiveDate, accepted_on: Option<NaiveDate>) -> NaiveDate {
    let issued = accepted_on.map_or(issue_date, |a| a.max(issue_date));
    issued
        .year()
        .checked_add(10)
        .and_then(|year| NaiveDate::from_ymd_opt(year, 12, 31))
        .unwrap_or(NaiveDate::MAX)
}

/// True when `record` still blocks its key on `today` (inclusive of the last
/// day, see [`horizon_end`]).
pub fn is_within_horizon(record: &SentRecord, today: NaiveDate) -> bool {
    today <= record.horizon_end()
}

/// One invoice known to have been sent to (and accepted by) KSeF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentRecord {
    /// The duplicate key.
    pub key: DupKey,
    /// The issue date, `Fa/P_1`.
    pub issue_date: NaiveDate,
    /// The date KSeF accepted the invoice, when known.
    pub accepted_on: Option<NaiveDate>,
    /// The KSeF number assigned on acceptance, when known.
    pub ksef_number: Option<String>,
    /// Where the record came from: a file path or a free-form note.
    pub source: Option<String>,
    /// When the record was made (supplied by the caller).
    pub recorded_at: DateTime<Utc>,
}

impl SentRecord {
    /// A record with only the required fields; see the `with_*` methods for
    /// the rest.
    pub fn new(key: DupKey, issue_date: NaiveDate, recorded_at: DateTime<Utc>) -> Self {
        Self {
            key,
            issue_date,
            accepted_on: None,
            ksef_number: None,
            source: None,
            recorded_at,
        }
    }

    /// Sets the KSeF acceptance date.
    #[must_use]
    pub fn with_accepted_on(mut self, accepted_on: NaiveDate) -> Self {
        self.accepted_on = Some(accepted_on);
        self
    }

    /// Sets the KSeF number.
    #[must_use]
    pub fn with_ksef_number(mut self, ksef_number: impl Into<String>) -> Self {
        self.ksef_number = Some(ksef_number.into());
        self
    }

    /// Sets the source (file path or note).
    #[must_use]
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The last day this record blocks its key; see [`horizon_end`].
    pub fn horizon_end(&self) -> NaiveDate {
        horizon_end(self.issue_date, self.accepted_on)
    }

    /// See [`is_within_horizon`].
    pub fn is_within_horizon(&self, today: NaiveDate) -> bool {
        is_within_horizon(self, today)
    }
}

/// What [`Registry::record`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordOutcome {
    /// The record was new and has been stored.
    Inserted,
    /// A record with the same key was already stored; it is returned and was
    /// left unchanged.
    AlreadyPresent(SentRecord),
}

/// Errors from a [`Registry`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RegistryError {
    /// The SQLite database failed (I/O, lock timeout, corruption, an
    /// unreadable value, ...).
    #[error("registry database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The database file was written by a newer (or unknown) version of the
    /// registry schema.
    #[error("registry schema version {found} is not supported (this build supports {supported})")]
    UnsupportedSchemaVersion {
        /// The version found in the file.
        found: i64,
        /// The version this build reads and writes.
        supported: i64,
    },
    /// A database opened for reading only has no registry tables.
    #[error("the file holds no registry of sent invoices (`fa3 registry record` creates one)")]
    NotARegistry,
}

/// Storage for invoices already sent to KSeF.
///
/// Implementations must be safe to share between threads and must never read
/// the clock: every time-dependent operation takes `today`. Lookups return
/// records regardless of their horizon; use [`Registry::find_duplicate`] (or
/// [`is_within_horizon`]) to ignore expired ones.
pub trait Registry: Send + Sync {
    /// The record with exactly this key, if any.
    fn lookup(&self, key: &DupKey) -> Result<Option<SentRecord>, RegistryError>;

    /// Every record with the same seller NIP and invoice type whose number
    /// equals `key`'s ignoring case (Unicode lowercase), including an exact
    /// match, in the order they were recorded.
    fn lookup_case_insensitive(&self, key: &DupKey) -> Result<Vec<SentRecord>, RegistryError>;

    /// Stores `rec` unless its key is already present, in which case the
    /// stored record is kept and returned. Run [`Registry::evict_expired`]
    /// first if an expired record may legitimately be replaced.
    fn record(&self, rec: &SentRecord) -> Result<RecordOutcome, RegistryError>;

    /// Removes every record whose horizon ended before `today` and returns how
    /// many were removed.
    fn evict_expired(&self, today: NaiveDate) -> Result<usize, RegistryError>;

    /// The number of stored records.
    fn len(&self) -> Result<usize, RegistryError>;

    /// True when no record is stored.
    fn is_empty(&self) -> Result<bool, RegistryError> {
        Ok(self.len()? == 0)
    }

    /// The record that makes `key` a duplicate on `today` (FA3-DUP-001): an
    /// exact match still within its horizon.
    fn find_duplicate(
        &self,
        key: &DupKey,
        today: NaiveDate,
    ) -> Result<Option<SentRecord>, RegistryError> {
        Ok(self
            .lookup(key)?
            .filter(|rec| is_within_horizon(rec, today)))
    }

    /// Records whose number differs from `key`'s only in case (the info of
    /// FA3-DUP-003), in the order they were recorded.
    fn case_only_collisions(&self, key: &DupKey) -> Result<Vec<SentRecord>, RegistryError> {
        let mut found = self.lookup_case_insensitive(key)?;
        found.retain(|rec| rec.key.number != key.number);
        Ok(found)
    }
}

/// Records grouped by (seller NIP, invoice type, case-folded number).
type Groups = HashMap<(String, String, String), Vec<SentRecord>>;

/// A [`Registry`] held in memory, for one process (tests, a single batch run).
///
/// ```
/// use chrono::{NaiveDate, Utc};
/// use fa3::registry::{DupKey, MemoryRegistry, RecordOutcome, Registry, SentRecord};
///
/// # fn main() -> Result<(), fa3::registry::RegistryError> {
/// let registry = MemoryRegistry::new();
/// let date = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap_or_default();
/// let first = SentRecord::new(DupKey::new("5265877635", "VAT", "FV 7"), date, Utc::now())
///     .with_source("invoices/fv7.xml");
/// assert_eq!(registry.record(&first)?, RecordOutcome::Inserted);
///
/// let second = SentRecord::new(DupKey::new("5265877635", "VAT", "FV\t7"), date, Utc::now());
/// assert_eq!(registry.record(&second)?, RecordOutcome::AlreadyPresent(first));
/// assert_eq!(registry.len()?, 1);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Default)]
pub struct MemoryRegistry {
    groups: RwLock<Groups>,
}

impl MemoryRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    fn group_key(key: &DupKey) -> (String, String, String) {
        (
            key.seller_nip.clone(),
            key.invoice_type.clone(),
            key.folded_number(),
        )
    }

    // Every mutation below is a single map or vector operation, so the data
    // is consistent even if a thread panicked while holding the lock: a
    // poisoned lock is simply taken over.
    fn read(&self) -> std::sync::RwLockReadGuard<'_, Groups> {
        self.groups.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Groups> {
        self.groups.write().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Registry for MemoryRegistry {
    fn lookup(&self, key: &DupKey) -> Result<Option<SentRecord>, RegistryError> {
        Ok(self
            .read()
            .get(&Self::group_key(key))
            .and_then(|group| group.iter().find(|rec| rec.key == *key))
            .cloned())
    }

    fn lookup_case_insensitive(&self, key: &DupKey) -> Result<Vec<SentRecord>, RegistryError> {
        Ok(self
            .read()
            .get(&Self::group_key(key))
            .cloned()
            .unwrap_or_default())
    }

    fn record(&self, rec: &SentRecord) -> Result<RecordOutcome, RegistryError> {
        let mut groups = self.write();
        let group = groups.entry(Self::group_key(&rec.key)).or_default();
        if let Some(existing) = group.iter().find(|r| r.key == rec.key) {
            return Ok(RecordOutcome::AlreadyPresent(existing.clone()));
        }
        group.push(rec.clone());
        Ok(RecordOutcome::Inserted)
    }

    fn evict_expired(&self, today: NaiveDate) -> Result<usize, RegistryError> {
        let mut groups = self.write();
        let mut removed = 0;
        groups.retain(|_, group| {
            let before = group.len();
            group.retain(|rec| is_within_horizon(rec, today));
            removed += before - group.len();
            !group.is_empty()
        });
        Ok(removed)
    }

    fn len(&self) -> Result<usize, RegistryError> {
        Ok(self.read().values().map(Vec::len).sum())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn token_normalisation() {
        assert_eq!(normalize_token(" FV  1 "), "FV 1");
        assert_eq!(normalize_token("\tFV\r\n1\n"), "FV 1");
        assert_eq!(normalize_token("   "), "");
        assert_eq!(normalize_token(""), "");
        assert_eq!(normalize_token("FV \u{a0} 1"), "FV \u{a0} 1");
        assert_eq!(normalize_token("\u{a0}FV 1\u{a0}"), "\u{a0}FV 1\u{a0}");
        assert_eq!(normalize_token("FV\u{2003}1"), "FV\u{2003}1");
    }

    #[test]
    fn token_normalisation_borrows_clean_input() {
        assert!(matches!(normalize_token("FV 1/2026"), Cow::Borrowed(_)));
        assert!(matches!(normalize_token("FV  1/2026"), Cow::Owned(_)));
        assert!(matches!(normalize_token("FV\t1"), Cow::Owned(_)));
    }

    proptest::proptest! {
        /// The one-pass test of a normalised token agrees with its
        /// definition (no edge space, no tab or line break, no two spaces
        /// in a row) and with the normalisation itself.
        #[test]
        fn the_normalised_test_agrees_with_the_definition(
            value in "[ \t\n\ra\u{a0}\u{2003}é]{0,12}"
        ) {
            let definition = !value.starts_with(' ')
                && !value.ends_with(' ')
                && !value.contains(['\t', '\n', '\r'])
                && !value.contains("  ");
            proptest::prop_assert_eq!(is_normalised_token(&value), definition);
            let normalised = normalize_token(&value);
            proptest::prop_assert_eq!(definition, normalised == value.as_str());
            let parts = KeyParts::new(&value, "VAT", &value).into_key();
            proptest::prop_assert_eq!(parts.number(), normalised.as_ref());
            proptest::prop_assert_eq!(parts.seller_nip(), normalised.as_ref());
        }
    }

    #[test]
    fn token_normalisation_is_idempotent() {
        for raw in [" a  b ", "\t\na\r b", "a\u{a0} b", "x"] {
            let once = normalize_token(raw).into_owned();
            assert_eq!(normalize_token(&once), once.as_str(), "{raw:?}");
        }
    }

    #[test]
    fn whitespace_issue_detection() {
        let clean = whitespace_issues("FV 1/2026");
        assert!(clean.is_empty());
        assert!(!clean.changed_by_normalisation());

        let all = whitespace_issues("\tFV  1\u{a0}/2026\n");
        assert_eq!(
            all,
            WhitespaceIssues {
                leading: true,
                trailing: true,
                repeated: true,
                tab: true,
                line_break: true,
                nbsp: true,
            }
        );
        assert_eq!(
            all.to_string(),
            "leading, trailing, repeated, tab, line break, no-break space"
        );

        let repeated = whitespace_issues("FV  1/2026");
        assert_eq!(repeated.names(), ["repeated"]);
        assert!(repeated.changed_by_normalisation());

        // Leading/trailing runs are not "repeated" on their own.
        assert_eq!(
            whitespace_issues("  FV 1  ").names(),
            ["leading", "trailing"]
        );

        // A single internal tab is not repeated, but normalisation changes it.
        let tab = whitespace_issues("FV\t1");
        assert_eq!(tab.names(), ["tab"]);
        assert!(tab.changed_by_normalisation());

        // NBSP is reported but survives normalisation.
        let nbsp = whitespace_issues("FV\u{a0}1");
        assert_eq!(nbsp.names(), ["no-break space"]);
        assert!(!nbsp.changed_by_normalisation());
        assert!(whitespace_issues("FV\u{202f}1").nbsp);

        // Mixed whitespace run counts as repeated.
        assert!(whitespace_issues("FV \r\n1").repeated);
        assert!(whitespace_issues("FV\r1").line_break);
    }

    #[test]
    fn keys_normalise_every_part() {
        let a = DupKey::new(" 5265877635", "VAT ", " FV  1 ");
        let b = DupKey::new("5265877635", "VAT", "FV 1");
        assert_eq!(a, b);
        assert_eq!(a.number(), "FV 1");
        assert_eq!(a.seller_nip(), "5265877635");
        assert_eq!(a.invoice_type(), "VAT");
        assert_ne!(b, DupKey::new("5265877635", "ROZ", "FV 1"));
        assert_ne!(b, DupKey::new("5265877635", "VAT", "fv 1"));
        assert_ne!(b, DupKey::new("5265877635", "VAT", "FV\u{a0}1"));
        assert_eq!(b.to_string(), "NIP 5265877635, VAT \"FV 1\"");
    }

    #[test]
    fn horizon_ends_ten_full_years_after_the_year_of_issue() {
        assert_eq!(horizon_end(date(2026, 1, 5), None), date(2036, 12, 31));
        assert_eq!(horizon_end(date(2026, 12, 31), None), date(2036, 12, 31));
        assert_eq!(
            horizon_end(date(2026, 12, 31), Some(date(2027, 1, 1))),
            date(2037, 12, 31)
        );
        // An acceptance date before P_1 (bad data) does not shorten it.
        assert_eq!(
            horizon_end(date(2027, 1, 1), Some(date(2026, 12, 31))),
            date(2037, 12, 31)
        );
        assert_eq!(horizon_end(NaiveDate::MAX, None), NaiveDate::MAX);
    }

    #[test]
    fn within_horizon_is_inclusive() {
        let rec = SentRecord::new(
            DupKey::new("5265877635", "VAT", "FV 1"),
            date(2026, 1, 5),
            DateTime::<Utc>::UNIX_EPOCH,
        );
        assert!(rec.is_within_horizon(date(2026, 1, 5)));
        assert!(rec.is_within_horizon(date(2036, 12, 31)));
        assert!(!rec.is_within_horizon(date(2037, 1, 1)));
        let late = rec.with_accepted_on(date(2027, 1, 2));
        assert!(is_within_horizon(&late, date(2037, 1, 1)));
        assert!(!is_within_horizon(&late, date(2038, 1, 1)));
    }
}
