//! [`SqliteRegistry`]: the registry in one SQLite file, shared by processes.

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};
use rusqlite::types::Type;
use rusqlite::{Connection, ErrorCode, OptionalExtension, Row, TransactionBehavior, params};

use super::{DupKey, RecordOutcome, Registry, RegistryError, SentRecord};

/// How long a statement waits for another process's write lock before failing
/// with `SQLITE_BUSY`.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The schema version this build reads and writes.
const SCHEMA_VERSION: i64 = 1;

/// Version 1 of the schema.
///
/// Dates are ISO 8601 text so the file can be inspected with `sqlite3`.
/// `number_folded` is the case-folded number (computed in Rust, since SQLite's
/// `lower()` only folds ASCII) for case-only collisions. `horizon_year` is the
/// year whose December 31 ends the record's horizon, so eviction is one
/// indexed comparison.
const SCHEMA_V1: &str = "
CREATE TABLE sent_invoice (
    id            INTEGER PRIMARY KEY,
    seller_nip    TEXT    NOT NULL,
    invoice_type  TEXT    NOT NULL,
    number        TEXT    NOT NULL,
    number_folded TEXT    NOT NULL,
    issue_date    TEXT    NOT NULL,
    accepted_on   TEXT,
    horizon_year  INTEGER NOT NULL,
    ksef_number   TEXT,
    source        TEXT,
    recorded_at   TEXT    NOT NULL,
    UNIQUE (seller_nip, invoice_type, number)
);
CREATE INDEX sent_invoice_folded ON sent_invoice (seller_nip, invoice_type, number_folded);
CREATE INDEX sent_invoice_horizon ON sent_invoice (horizon_year);
";

const COLUMNS: &str =
    "seller_nip, invoice_type, number, issue_date, accepted_on, ksef_number, source, recorded_at";

/// `recorded_at` as stored: UTC, nanoseconds when present, signed years
/// outside 0000..=9999 (which RFC 3339 cannot express).
const TIMESTAMP_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.fZ";

/// A [`Registry`] in a SQLite database file, safe to use from several
/// threads and several processes at once.
///
/// - The database runs in WAL mode, so readers never wait for writers, and a
///   process killed mid-write leaves the file consistent: the unfinished
///   transaction is discarded on the next open.
/// - Writes take the write lock up front (`BEGIN IMMEDIATE`) and wait up to
///   10 seconds for another process to release it.
/// - The key (seller NIP, invoice type, number) is `UNIQUE`; recording an
///   existing key keeps the first record (`ON CONFLICT DO NOTHING`).
/// - A `registry_schema` table holds the schema version; a file written by a
///   newer version is refused with
///   [`RegistryError::UnsupportedSchemaVersion`].
#[derive(Debug)]
pub struct SqliteRegistry {
    conn: Mutex<Connection>,
}

impl SqliteRegistry {
    /// Opens the registry at `path`, creating the file and its schema when
    /// missing.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, RegistryError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        enable_wal(&conn)?;
        Self::init(conn)
    }

    /// Opens an existing registry at `path` for reading only, as a run that
    /// only looks keys up needs: nothing in the database is written (no
    /// schema, no journal-mode change; SQLite may make the index file a
    /// reader of a WAL database needs beside it), so a registry on a
    /// read-only file, folder or medium can be read. Where the database cannot be opened in place (a
    /// WAL file with no writable folder for its shared-memory index), it is
    /// read as an immutable file. A file without the registry's tables is
    /// refused ([`RegistryError::NotARegistry`]); recording into a registry
    /// opened this way fails.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self, RegistryError> {
        use rusqlite::OpenFlags;
        let path = path.as_ref();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let in_place = Connection::open_with_flags(path, flags).and_then(|conn| {
            conn.busy_timeout(BUSY_TIMEOUT)?;
            // Reading the schema proves the file can be read here.
            schema_version(&conn).map(|version| (conn, version))
        });
        let (conn, version) = match in_place {
            Ok(found) => found,
            Err(first) => {
                if !path.is_file() {
                    return Err(first.into());
                }
                let uri = immutable_uri(path);
                let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?;
                let version = schema_version(&conn)?;
                (conn, version)
            }
        };
        match version {
            Some(SCHEMA_VERSION) => Ok(Self {
                conn: Mutex::new(conn),
            }),
            None => Err(RegistryError::NotARegistry),
            Some(found) => Err(RegistryError::UnsupportedSchemaVersion {
                found,
                supported: SCHEMA_VERSION,
            }),
        }
    }

    /// A registry in a private in-memory database (no WAL, nothing shared),
    /// mainly for tests.
    pub fn open_in_memory() -> Result<Self, RegistryError> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Self, RegistryError> {
        // NORMAL rather than FULL: in WAL mode NORMAL never corrupts the
        // database, and a commit survives the writing process crashing or
        // being killed, because the WAL frames are in the OS before COMMIT
        // returns. Only an OS crash or power loss can roll back the last few
        // commits. The registry is an early warning in front of KSeF's own
        // duplicate check (which still answers 440), so that rare loss costs a
        // late rejection, while FULL would add an fsync to every record.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        migrate(&mut conn)?;
        Ok(Self {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a transaction open:
        // `Transaction` rolls back when dropped during unwinding.
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Switches the database to WAL mode (a persistent setting, so usually a
/// no-op). Changing the mode needs an exclusive lock, and SQLite may answer
/// `SQLITE_BUSY` without waiting when another process opens the same new file
/// at the same moment, so retry until the busy timeout.
fn enable_wal(conn: &Connection) -> rusqlite::Result<()> {
    let current: String = conn.pragma_query_value(None, "journal_mode", |row| row.get(0))?;
    if current.eq_ignore_ascii_case("wal") {
        return Ok(());
    }
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        // SQLite keeps the old mode (and says so) where WAL is impossible,
        // e.g. on some network file systems; the registry still works there,
        // with readers waiting for writers.
        match conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
        {
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && Instant::now() < deadline =>
            {
                thread::sleep(Duration::from_millis(10));
            }
            other => return other.map(drop),
        }
    }
}

/// `file:` URI of `path` opened as immutable (no locks, no journal): the
/// path's bytes are percent-encoded where a URI needs it.
fn immutable_uri(path: &Path) -> String {
    use std::fmt::Write as _;
    let mut uri = String::from("file:");
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(char::from(b));
        } else {
            let _ = write!(uri, "%{b:02X}");
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Reads the schema version, or `None` when the registry tables do not exist.
fn schema_version(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'registry_schema')",
        [],
        |row| row.get(0),
    )?;
    if !exists {
        return Ok(None);
    }
    conn.query_row("SELECT max(version) FROM registry_schema", [], |row| {
        row.get(0)
    })
}

/// Creates the schema when missing and checks its version. Concurrent first
/// opens are serialised by the `BEGIN IMMEDIATE` transaction.
fn migrate(conn: &mut Connection) -> Result<(), RegistryError> {
    let unsupported = |found| RegistryError::UnsupportedSchemaVersion {
        found,
        supported: SCHEMA_VERSION,
    };
    // Fast path without the write lock: already set up.
    match schema_version(conn)? {
        Some(SCHEMA_VERSION) => return Ok(()),
        Some(found) => return Err(unsupported(found)),
        None => {}
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute_batch("CREATE TABLE IF NOT EXISTS registry_schema (version INTEGER NOT NULL)")?;
    let found: Option<i64> =
        tx.query_row("SELECT max(version) FROM registry_schema", [], |row| {
            row.get(0)
        })?;
    match found {
        None => {
            tx.execute_batch(SCHEMA_V1)?;
            tx.execute(
                "INSERT INTO registry_schema (version) VALUES (?1)",
                [SCHEMA_VERSION],
            )?;
        }
        Some(SCHEMA_VERSION) => {}
        Some(found) => return Err(unsupported(found)),
    }
    tx.commit()?;
    Ok(())
}

fn conversion_error(
    column: usize,
    error: impl std::error::Error + Send + Sync + 'static,
) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, Type::Text, Box::new(error))
}

fn date_column(row: &Row<'_>, column: usize) -> rusqlite::Result<Option<NaiveDate>> {
    row.get::<_, Option<String>>(column)?
        .map(|text| {
            text.parse::<NaiveDate>()
                .map_err(|e| conversion_error(column, e))
        })
        .transpose()
}

fn read_record(row: &Row<'_>) -> rusqlite::Result<SentRecord> {
    let issue_date = date_column(row, 3)?.ok_or(rusqlite::Error::InvalidColumnType(
        3,
        "issue_date".to_owned(),
        Type::Null,
    ))?;
    let recorded_at: String = row.get(7)?;
    let recorded_at = NaiveDateTime::parse_from_str(&recorded_at, TIMESTAMP_FORMAT)
        .map_err(|e| conversion_error(7, e))?
        .and_utc();
    Ok(SentRecord {
        // Stored values were normalised when the key was built.
        key: DupKey {
            seller_nip: row.get(0)?,
            invoice_type: row.get(1)?,
            number: row.get(2)?,
        },
        issue_date,
        accepted_on: date_column(row, 4)?,
        ksef_number: row.get(5)?,
        source: row.get(6)?,
        recorded_at,
    })
}

fn format_timestamp(at: DateTime<Utc>) -> String {
    at.format(TIMESTAMP_FORMAT).to_string()
}

fn lookup_in(conn: &Connection, key: &DupKey) -> rusqlite::Result<Option<SentRecord>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM sent_invoice \
         WHERE seller_nip = ?1 AND invoice_type = ?2 AND number = ?3"
    );
    conn.prepare_cached(&sql)?
        .query_row(
            params![key.seller_nip, key.invoice_type, key.number],
            read_record,
        )
        .optional()
}

impl Registry for SqliteRegistry {
    fn lookup(&self, key: &DupKey) -> Result<Option<SentRecord>, RegistryError> {
        Ok(lookup_in(&self.conn(), key)?)
    }

    fn lookup_case_insensitive(&self, key: &DupKey) -> Result<Vec<SentRecord>, RegistryError> {
        let conn = self.conn();
        let sql = format!(
            "SELECT {COLUMNS} FROM sent_invoice \
             WHERE seller_nip = ?1 AND invoice_type = ?2 AND number_folded = ?3 \
             ORDER BY id"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            params![key.seller_nip, key.invoice_type, key.folded_number()],
            read_record,
        )?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn record(&self, rec: &SentRecord) -> Result<RecordOutcome, RegistryError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let inserted = tx
            .prepare_cached(
                "INSERT INTO sent_invoice (seller_nip, invoice_type, number, number_folded, \
                 issue_date, accepted_on, horizon_year, ksef_number, source, recorded_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
                 ON CONFLICT (seller_nip, invoice_type, number) DO NOTHING",
            )?
            .execute(params![
                rec.key.seller_nip,
                rec.key.invoice_type,
                rec.key.number,
                rec.key.folded_number(),
                rec.issue_date.to_string(),
                rec.accepted_on.map(|d| d.to_string()),
                rec.horizon_end().year(),
                rec.ksef_number,
                rec.source,
                format_timestamp(rec.recorded_at),
            ])?;
        let outcome = if inserted == 0 {
            // Only the key can conflict, and the write lock is held, so the
            // conflicting row is there.
            let existing = lookup_in(&tx, &rec.key)?.ok_or(rusqlite::Error::QueryReturnedNoRows)?;
            RecordOutcome::AlreadyPresent(existing)
        } else {
            RecordOutcome::Inserted
        };
        tx.commit()?;
        Ok(outcome)
    }

    fn evict_expired(&self, today: NaiveDate) -> Result<usize, RegistryError> {
        let mut conn = self.conn();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Expired means today > December 31 of horizon_year.
        let removed = tx.execute(
            "DELETE FROM sent_invoice WHERE horizon_year < ?1",
            [today.year()],
        )?;
        tx.commit()?;
        Ok(removed)
    }

    fn len(&self) -> Result<usize, RegistryError> {
        let count: i64 = self
            .conn()
            .query_row("SELECT count(*) FROM sent_invoice", [], |row| row.get(0))?;
        Ok(usize::try_from(count)
            .map_err(|_| rusqlite::Error::IntegralValueOutOfRange(0, count))?)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_round_trip() {
        for text in [
            "2026-01-05T09:30:00Z",
            "2026-01-05T09:30:00.5Z",
            "2026-01-05T09:30:00.123456789Z",
        ] {
            let at = text.parse::<DateTime<Utc>>().unwrap();
            let stored = format_timestamp(at);
            let back = NaiveDateTime::parse_from_str(&stored, TIMESTAMP_FORMAT)
                .unwrap()
                .and_utc();
            assert_eq!(back, at, "{text} stored as {stored}");
        }
        for at in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            let stored = format_timestamp(at);
            let back = NaiveDateTime::parse_from_str(&stored, TIMESTAMP_FORMAT)
                .unwrap()
                .and_utc();
            assert_eq!(back, at, "stored as {stored}");
        }
    }

    #[test]
    fn extreme_dates_round_trip_through_the_database() {
        let reg = SqliteRegistry::open_in_memory().unwrap();
        let rec = SentRecord::new(
            DupKey::new("5265877635", "VAT", "FV 1"),
            NaiveDate::MAX,
            DateTime::<Utc>::MAX_UTC,
        )
        .with_accepted_on(NaiveDate::MIN);
        assert_eq!(reg.record(&rec).unwrap(), RecordOutcome::Inserted);
        assert_eq!(reg.lookup(&rec.key).unwrap(), Some(rec.clone()));
        assert_eq!(reg.evict_expired(NaiveDate::MAX).unwrap(), 0);
    }

    /// Every file of the registry (the database and its WAL companions)
    /// with its length and a hash of its bytes, in name order.
    fn files_of(dir: &Path) -> Vec<(std::ffi::OsString, usize, u64)> {
        use std::hash::{Hash as _, Hasher as _};
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let bytes = std::fs::read(e.path()).unwrap();
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                bytes.hash(&mut hasher);
                (e.file_name(), bytes.len(), hasher.finish())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn a_registry_opened_read_only_is_read_and_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("sent.sqlite");
        let rec = SentRecord::new(
            DupKey::new("5265877635", "VAT", "FV 1"),
            NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            "2026-01-05T09:30:00Z".parse().unwrap(),
        );
        {
            let reg = SqliteRegistry::open(&db).unwrap();
            reg.record(&rec).unwrap();
        }
        let before = files_of(dir.path());
        let reg = SqliteRegistry::open_read_only(&db).unwrap();
        assert_eq!(reg.lookup(&rec.key).unwrap(), Some(rec.clone()));
        assert_eq!(reg.len().unwrap(), 1);
        let other = rec.clone();
        let other = SentRecord::new(
            DupKey::new("5265877635", "VAT", "FV 2"),
            other.issue_date,
            other.recorded_at,
        );
        assert!(
            reg.record(&other).is_err(),
            "a read-only registry took a write"
        );
        drop(reg);
        // The database is unchanged; SQLite may have made the WAL index a
        // reader of a WAL database needs, with no frame written.
        let after = files_of(dir.path());
        assert_eq!(after[0], before[0]);
        for (name, len, _) in &after[1..] {
            let name = name.to_string_lossy();
            assert!(
                name == "sent.sqlite-shm" || (name == "sent.sqlite-wal" && *len == 0),
                "{name}: {len} bytes"
            );
        }
        let before = after;

        // Read as an immutable file (the fallback where the database cannot
        // be opened in place): the same answers, nothing written.
        let conn = Connection::open_with_flags(
            immutable_uri(&db),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
        )
        .unwrap();
        assert_eq!(lookup_in(&conn, &rec.key).unwrap(), Some(rec));
        drop(conn);
        assert_eq!(files_of(dir.path()), before);

        // A missing file is not created; a file without the tables is refused.
        let missing = dir.path().join("missing.sqlite");
        assert!(SqliteRegistry::open_read_only(&missing).is_err());
        assert!(!missing.exists());
        let empty = dir.path().join("empty.sqlite");
        std::fs::write(&empty, b"").unwrap();
        assert!(matches!(
            SqliteRegistry::open_read_only(&empty),
            Err(RegistryError::NotARegistry)
        ));
    }

    #[test]
    fn immutable_uris_escape_the_path() {
        assert_eq!(
            immutable_uri(Path::new("/tmp/a b/sent#1?.sqlite")),
            "file:/tmp/a%20b/sent%231%3F.sqlite?immutable=1"
        );
    }

    #[test]
    fn newer_schema_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn).unwrap();
        conn.execute("UPDATE registry_schema SET version = 2", [])
            .unwrap();
        let err = migrate(&mut conn).unwrap_err();
        assert!(
            matches!(
                err,
                RegistryError::UnsupportedSchemaVersion {
                    found: 2,
                    supported: 1
                }
            ),
            "{err:?}"
        );
    }
}
