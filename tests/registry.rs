//! Behaviour of the duplicate-invoice registries (FA3-DUP-*): one suite run
//! against every implementation, plus multi-process tests of the SQLite file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use fa3::registry::{
    DupKey, MemoryRegistry, RecordOutcome, Registry, RegistryError, SentRecord, SqliteRegistry,
};

const NIP: &str = "5265877635";
const OTHER_NIP: &str = "1111111111";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_767_600_000 + seconds, 123_456_789)
        .unwrap()
}

fn sent(nip: &str, kind: &str, p2: &str, p1: NaiveDate) -> SentRecord {
    SentRecord::new(DupKey::new(nip, kind, p2), p1, at(0))
}

/// The behavioural suite, written once against `&dyn Registry`.
mod suite {
    use super::*;

    pub fn starts_empty(reg: &dyn Registry) {
        assert_eq!(reg.len().unwrap(), 0);
        assert!(reg.is_empty().unwrap());
        let key = DupKey::new(NIP, "VAT", "FV 1");
        assert_eq!(reg.lookup(&key).unwrap(), None);
        assert!(reg.lookup_case_insensitive(&key).unwrap().is_empty());
        assert_eq!(reg.evict_expired(date(2100, 1, 1)).unwrap(), 0);
    }

    pub fn round_trips_every_field(reg: &dyn Registry) {
        let full = sent(NIP, "VAT", "FV/1/2026", date(2026, 1, 5))
            .with_accepted_on(date(2026, 1, 6))
            .with_ksef_number("5265877635-20260106-0100001AF629-AF")
            .with_source("out/fv-1-2026.xml");
        let minimal = SentRecord::new(DupKey::new(NIP, "KOR", "K/1"), date(2026, 2, 1), at(99));
        assert_eq!(reg.record(&full).unwrap(), RecordOutcome::Inserted);
        assert_eq!(reg.record(&minimal).unwrap(), RecordOutcome::Inserted);
        assert_eq!(reg.lookup(&full.key).unwrap(), Some(full.clone()));
        assert_eq!(reg.lookup(&minimal.key).unwrap(), Some(minimal));
        assert_eq!(reg.len().unwrap(), 2);
        assert!(!reg.is_empty().unwrap());
        // Polish letters and an NBSP survive storage unchanged.
        let polish = sent(NIP, "VAT", "FV/Ż\u{a0}Ó/1", date(2026, 3, 1)).with_source("zażółć");
        assert_eq!(reg.record(&polish).unwrap(), RecordOutcome::Inserted);
        assert_eq!(reg.lookup(&polish.key).unwrap(), Some(polish));
    }

    pub fn whitespace_variants_are_one_key(reg: &dyn Registry) {
        let first = sent(NIP, "VAT", "FV 1", date(2026, 1, 5)).with_source("a.xml");
        assert_eq!(reg.record(&first).unwrap(), RecordOutcome::Inserted);
        for raw in [" FV  1 ", "FV\t1", "\r\nFV \n 1\t"] {
            let key = DupKey::new(NIP, "VAT", raw);
            assert_eq!(reg.lookup(&key).unwrap(), Some(first.clone()), "{raw:?}");
            let again = SentRecord::new(key, date(2026, 1, 7), at(5)).with_source("b.xml");
            assert_eq!(
                reg.record(&again).unwrap(),
                RecordOutcome::AlreadyPresent(first.clone()),
                "{raw:?}"
            );
        }
        assert_eq!(reg.len().unwrap(), 1);
        // NBSP is not XML whitespace: a different number.
        let nbsp = sent(NIP, "VAT", "FV\u{a0}1", date(2026, 1, 5));
        assert_eq!(reg.lookup(&nbsp.key).unwrap(), None);
        assert_eq!(reg.record(&nbsp).unwrap(), RecordOutcome::Inserted);
        assert_eq!(reg.len().unwrap(), 2);
    }

    pub fn first_record_wins(reg: &dyn Registry) {
        let first = sent(NIP, "VAT", "FV 9", date(2026, 1, 5)).with_ksef_number("first");
        let second = sent(NIP, "VAT", "FV 9", date(2027, 6, 1))
            .with_ksef_number("second")
            .with_accepted_on(date(2027, 6, 2));
        assert_eq!(reg.record(&first).unwrap(), RecordOutcome::Inserted);
        assert_eq!(
            reg.record(&second).unwrap(),
            RecordOutcome::AlreadyPresent(first.clone())
        );
        assert_eq!(reg.lookup(&second.key).unwrap(), Some(first));
        assert_eq!(reg.len().unwrap(), 1);
    }

    pub fn invoice_type_and_seller_separate_keys(reg: &dyn Registry) {
        let vat = sent(NIP, "VAT", "FV/1/2026", date(2026, 1, 5)).with_source("vat");
        let roz = sent(NIP, "ROZ", "FV/1/2026", date(2026, 1, 5)).with_source("roz");
        let other = sent(OTHER_NIP, "VAT", "FV/1/2026", date(2026, 1, 5)).with_source("other");
        for rec in [&vat, &roz, &other] {
            assert_eq!(
                reg.record(rec).unwrap(),
                RecordOutcome::Inserted,
                "{}",
                rec.key
            );
        }
        assert_eq!(reg.len().unwrap(), 3);
        let today = date(2026, 2, 1);
        assert_eq!(
            reg.find_duplicate(&vat.key, today).unwrap(),
            Some(vat.clone())
        );
        assert_eq!(
            reg.find_duplicate(&roz.key, today).unwrap(),
            Some(roz.clone())
        );
        assert_eq!(reg.find_duplicate(&other.key, today).unwrap(), Some(other));
        let kor = DupKey::new(NIP, "KOR", "FV/1/2026");
        assert_eq!(reg.find_duplicate(&kor, today).unwrap(), None);
        // Other types and sellers never show up as case-only collisions.
        assert_eq!(reg.lookup_case_insensitive(&vat.key).unwrap(), vec![vat]);
        assert_eq!(reg.lookup_case_insensitive(&roz.key).unwrap(), vec![roz]);
    }

    pub fn case_only_collisions_are_found(reg: &dyn Registry) {
        let upper = sent(NIP, "VAT", "FV/ŻA/1", date(2026, 1, 5));
        assert_eq!(reg.record(&upper).unwrap(), RecordOutcome::Inserted);
        let lower_key = DupKey::new(NIP, "VAT", " fv/ża/1 ");
        // Case-sensitive: not a duplicate...
        assert_eq!(reg.lookup(&lower_key).unwrap(), None);
        assert_eq!(
            reg.find_duplicate(&lower_key, date(2026, 2, 1)).unwrap(),
            None
        );
        // ...but a case-only collision.
        assert_eq!(
            reg.lookup_case_insensitive(&lower_key).unwrap(),
            vec![upper.clone()]
        );
        assert_eq!(
            reg.case_only_collisions(&lower_key).unwrap(),
            vec![upper.clone()]
        );
        assert!(reg.case_only_collisions(&upper.key).unwrap().is_empty());

        // Both spellings can be recorded; lookups list them in recording order.
        let lower = SentRecord::new(lower_key.clone(), date(2026, 1, 9), at(7));
        assert_eq!(reg.record(&lower).unwrap(), RecordOutcome::Inserted);
        let mixed = DupKey::new(NIP, "VAT", "Fv/Ża/1");
        assert_eq!(
            reg.lookup_case_insensitive(&mixed).unwrap(),
            vec![upper.clone(), lower.clone()]
        );
        assert_eq!(reg.case_only_collisions(&upper.key).unwrap(), vec![lower]);
        assert_eq!(reg.case_only_collisions(&lower_key).unwrap(), vec![upper]);
        let different = DupKey::new(NIP, "VAT", "FV/ZA/1");
        assert!(reg.lookup_case_insensitive(&different).unwrap().is_empty());
    }

    pub fn horizon_is_ten_full_years(reg: &dyn Registry) {
        let rec = sent(NIP, "VAT", "FV/1/2026", date(2026, 1, 5));
        reg.record(&rec).unwrap();
        assert_eq!(
            reg.find_duplicate(&rec.key, date(2036, 12, 31)).unwrap(),
            Some(rec.clone())
        );
        assert_eq!(
            reg.find_duplicate(&rec.key, date(2037, 1, 1)).unwrap(),
            None
        );
        // Lookups ignore the horizon; only `today` decides.
        assert_eq!(reg.lookup(&rec.key).unwrap(), Some(rec));
    }

    pub fn later_acceptance_year_wins(reg: &dyn Registry) {
        let rec =
            sent(NIP, "VAT", "FV/99/2026", date(2026, 12, 30)).with_accepted_on(date(2027, 1, 2));
        reg.record(&rec).unwrap();
        assert!(
            reg.find_duplicate(&rec.key, date(2037, 1, 1))
                .unwrap()
                .is_some()
        );
        assert!(
            reg.find_duplicate(&rec.key, date(2037, 12, 31))
                .unwrap()
                .is_some()
        );
        assert!(
            reg.find_duplicate(&rec.key, date(2038, 1, 1))
                .unwrap()
                .is_none()
        );
    }

    pub fn eviction_removes_only_expired(reg: &dyn Registry) {
        let old = sent(NIP, "VAT", "A/2020", date(2020, 6, 1));
        let issued_2026 = sent(NIP, "VAT", "A/2026", date(2026, 1, 5));
        let accepted_2027 =
            sent(NIP, "VAT", "A/2026b", date(2026, 12, 31)).with_accepted_on(date(2027, 1, 1));
        for rec in [&old, &issued_2026, &accepted_2027] {
            reg.record(rec).unwrap();
        }
        assert_eq!(reg.evict_expired(date(2030, 12, 31)).unwrap(), 0);
        assert_eq!(reg.evict_expired(date(2031, 1, 1)).unwrap(), 1);
        assert_eq!(reg.lookup(&old.key).unwrap(), None);
        assert_eq!(reg.evict_expired(date(2036, 12, 31)).unwrap(), 0);
        assert_eq!(reg.evict_expired(date(2037, 1, 1)).unwrap(), 1);
        assert_eq!(reg.lookup(&issued_2026.key).unwrap(), None);
        assert_eq!(reg.lookup(&accepted_2027.key).unwrap(), Some(accepted_2027));
        assert_eq!(reg.len().unwrap(), 1);
        // An evicted key may be used again.
        let reused = sent(NIP, "VAT", "A/2026", date(2037, 1, 1));
        assert_eq!(reg.record(&reused).unwrap(), RecordOutcome::Inserted);
        assert_eq!(reg.lookup(&reused.key).unwrap(), Some(reused));
    }

    pub fn threads_share_one_registry(reg: &dyn Registry) {
        const THREADS: usize = 4;
        const OWN: usize = 50;
        const SHARED: usize = 25;
        let shared_inserted: usize = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..THREADS)
                .map(|t| {
                    scope.spawn(move || {
                        let mut inserted = 0;
                        for i in 0..OWN {
                            let own = sent(NIP, "VAT", &format!("T{t}/{i}"), date(2026, 1, 5));
                            assert_eq!(reg.record(&own).unwrap(), RecordOutcome::Inserted);
                            if i < SHARED {
                                let shared = sent(NIP, "VAT", &format!("S/{i}"), date(2026, 1, 5));
                                if reg.record(&shared).unwrap() == RecordOutcome::Inserted {
                                    inserted += 1;
                                }
                            }
                        }
                        inserted
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).sum()
        });
        assert_eq!(shared_inserted, SHARED);
        assert_eq!(reg.len().unwrap(), THREADS * OWN + SHARED);
        for t in 0..THREADS {
            for i in 0..OWN {
                let key = DupKey::new(NIP, "VAT", &format!("T{t}/{i}"));
                assert!(reg.lookup(&key).unwrap().is_some(), "{key}");
            }
        }
    }
}

/// Instantiates every suite function for every implementation.
macro_rules! registry_suite {
    ($($name:ident),* $(,)?) => {
        mod memory {
            $(
                #[test]
                fn $name() {
                    super::suite::$name(&fa3::registry::MemoryRegistry::new());
                }
            )*
        }
        mod sqlite_file {
            $(
                #[test]
                fn $name() {
                    let dir = tempfile::tempdir().unwrap();
                    let reg = fa3::registry::SqliteRegistry::open(dir.path().join("sent.db")).unwrap();
                    super::suite::$name(&reg);
                }
            )*
        }
        mod sqlite_in_memory {
            $(
                #[test]
                fn $name() {
                    super::suite::$name(&fa3::registry::SqliteRegistry::open_in_memory().unwrap());
                }
            )*
        }
    };
}

registry_suite!(
    starts_empty,
    round_trips_every_field,
    whitespace_variants_are_one_key,
    first_record_wins,
    invoice_type_and_seller_separate_keys,
    case_only_collisions_are_found,
    horizon_is_ten_full_years,
    later_acceptance_year_wins,
    eviction_removes_only_expired,
    threads_share_one_registry,
);

#[test]
fn memory_registry_is_usable_as_a_trait_object() {
    let boxed: Box<dyn Registry> = Box::new(MemoryRegistry::new());
    boxed
        .record(&sent(NIP, "VAT", "FV 1", date(2026, 1, 5)))
        .unwrap();
    assert_eq!(boxed.len().unwrap(), 1);
}

// ---------------------------------------------------------------------------
// SQLite file specifics
// ---------------------------------------------------------------------------

#[test]
fn sqlite_persists_across_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sent.db");
    let rec = sent(NIP, "VAT", "FV/1/2026", date(2026, 1, 5)).with_ksef_number("K1");
    {
        let reg = SqliteRegistry::open(&path).unwrap();
        assert_eq!(reg.record(&rec).unwrap(), RecordOutcome::Inserted);
    }
    let reg = SqliteRegistry::open(&path).unwrap();
    assert_eq!(reg.len().unwrap(), 1);
    assert_eq!(reg.lookup(&rec.key).unwrap(), Some(rec.clone()));
    assert_eq!(
        reg.record(&rec).unwrap(),
        RecordOutcome::AlreadyPresent(rec)
    );
}

#[test]
fn sqlite_file_uses_wal_and_records_its_schema_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sent.db");
    drop(SqliteRegistry::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = conn
        .query_row("SELECT version FROM registry_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    // The key is enforced by the schema itself, not only by the code.
    let insert = "INSERT INTO sent_invoice (seller_nip, invoice_type, number, number_folded, \
                  issue_date, horizon_year, recorded_at) \
                  VALUES ('1', 'VAT', 'X', 'x', '2026-01-01', 2036, '2026-01-01T00:00:00Z')";
    conn.execute(insert, []).unwrap();
    let second = conn.execute(insert, []);
    assert!(second.is_err(), "duplicate key accepted: {second:?}");
}

#[test]
fn sqlite_refuses_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sent.db");
    drop(SqliteRegistry::open(&path).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE registry_schema SET version = 7", [])
        .unwrap();
    match SqliteRegistry::open(&path) {
        Err(RegistryError::UnsupportedSchemaVersion {
            found: 7,
            supported: 1,
        }) => {}
        other => panic!("expected UnsupportedSchemaVersion, got {other:?}"),
    }
}

#[test]
fn sqlite_reports_a_file_that_is_not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sent.db");
    std::fs::write(
        &path,
        b"this is not an SQLite database, just some text......",
    )
    .unwrap();
    match SqliteRegistry::open(&path) {
        Err(RegistryError::Sqlite(e)) => {
            assert_eq!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::NotADatabase)
            );
        }
        other => panic!("expected a database error, got {other:?}"),
    }
}

#[test]
fn sqlite_reports_an_unreadable_stored_value() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sent.db");
    let rec = sent(NIP, "VAT", "FV 1", date(2026, 1, 5));
    SqliteRegistry::open(&path).unwrap().record(&rec).unwrap();
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE sent_invoice SET issue_date = '5 Jan 2026'", [])
        .unwrap();
    let reg = SqliteRegistry::open(&path).unwrap();
    assert!(matches!(
        reg.lookup(&rec.key),
        Err(RegistryError::Sqlite(_))
    ));
}

// ---------------------------------------------------------------------------
// Several processes on one file
//
// The test binary re-runs itself with `--exact child_process --ignored`; the
// environment tells the child what to do.
// ---------------------------------------------------------------------------

const CHILD_ROLE: &str = "FA3_REGISTRY_CHILD_ROLE";
const CHILD_DB: &str = "FA3_REGISTRY_CHILD_DB";
const CHILD_PREFIX: &str = "FA3_REGISTRY_CHILD_PREFIX";
const CHILD_GO: &str = "FA3_REGISTRY_CHILD_GO";

/// Keys each writer records on its own.
const OWN_KEYS: usize = 500;
/// Keys every writer records (each must be inserted exactly once overall).
const SHARED_KEYS: usize = 100;

fn own_number(prefix: &str, i: usize) -> String {
    format!("{prefix}/{i}/2026")
}

fn shared_number(i: usize) -> String {
    format!("SHARED/{i}/2026")
}

/// Not a test of its own: the body of the child processes.
#[test]
#[ignore = "child process of the multi-process registry tests"]
fn child_process() {
    let Ok(role) = std::env::var(CHILD_ROLE) else {
        // Run directly (e.g. with --include-ignored): nothing to do.
        return;
    };
    let db = std::env::var(CHILD_DB).unwrap();
    let prefix = std::env::var(CHILD_PREFIX).unwrap();
    let reg = SqliteRegistry::open(&db).unwrap();
    let mut out = std::io::stdout().lock();
    match role.as_str() {
        "writer" => {
            writeln!(out, "READY").unwrap();
            out.flush().unwrap();
            let go = PathBuf::from(std::env::var(CHILD_GO).unwrap());
            let deadline = Instant::now() + Duration::from_secs(60);
            while !go.exists() {
                assert!(Instant::now() < deadline, "no go signal");
                std::thread::sleep(Duration::from_millis(1));
            }
            let mut shared_inserted = 0;
            for i in 0..OWN_KEYS {
                let rec = sent(NIP, "VAT", &own_number(&prefix, i), date(2026, 1, 5))
                    .with_source(prefix.clone());
                assert_eq!(reg.record(&rec).unwrap(), RecordOutcome::Inserted);
                if i % (OWN_KEYS / SHARED_KEYS) == 0 {
                    let shared = sent(
                        NIP,
                        "VAT",
                        &shared_number(i / (OWN_KEYS / SHARED_KEYS)),
                        date(2026, 1, 5),
                    )
                    .with_source(prefix.clone());
                    if reg.record(&shared).unwrap() == RecordOutcome::Inserted {
                        shared_inserted += 1;
                    }
                }
            }
            writeln!(out, "DONE {shared_inserted}").unwrap();
        }
        "loop" => {
            // Record until killed; acknowledge each commit on stdout.
            for i in 0..10_000_000_usize {
                let rec = sent(NIP, "VAT", &own_number(&prefix, i), date(2026, 1, 5));
                reg.record(&rec).unwrap();
                if writeln!(out, "ACK {i}").and_then(|()| out.flush()).is_err() {
                    return; // the parent is gone
                }
            }
        }
        other => panic!("unknown child role {other}"),
    }
}

fn spawn_child(role: &str, db: &Path, prefix: &str, go: Option<&Path>) -> Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "child_process",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
        "-q",
    ])
    .env(CHILD_ROLE, role)
    .env(CHILD_DB, db)
    .env(CHILD_PREFIX, prefix)
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    if let Some(go) = go {
        cmd.env(CHILD_GO, go);
    }
    cmd.spawn().unwrap()
}

/// Reads lines until one contains `marker`; returns the text after it.
fn read_until(lines: &mut BufReader<ChildStdout>, marker: &str) -> Option<String> {
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).unwrap() == 0 {
            return None;
        }
        if let Some(pos) = line.find(marker) {
            return Some(line[pos + marker.len()..].trim().to_owned());
        }
    }
}

fn stderr_of(child: &mut Child) -> String {
    let mut text = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut text);
    }
    text
}

#[test]
fn two_processes_record_at_once_and_nothing_is_lost() {
    const WRITERS: [&str; 2] = ["A", "B"];
    let dir = tempfile::tempdir().unwrap();
    // The file does not exist yet: both children also race to create it.
    let db = dir.path().join("sent.db");
    let go = dir.path().join("go");

    let mut children: Vec<(Child, BufReader<ChildStdout>)> = WRITERS
        .iter()
        .map(|prefix| {
            let mut child = spawn_child("writer", &db, prefix, Some(&go));
            let out = BufReader::new(child.stdout.take().unwrap());
            (child, out)
        })
        .collect();
    for (child, out) in &mut children {
        assert!(
            read_until(out, "READY").is_some(),
            "child did not start: {}",
            stderr_of(child)
        );
    }
    std::fs::write(&go, b"go").unwrap();

    let mut shared_inserted = 0;
    for (child, out) in &mut children {
        let done = read_until(out, "DONE ");
        let status = child.wait().unwrap();
        let Some(done) = done else {
            panic!("child failed ({status}): {}", stderr_of(child));
        };
        assert!(status.success(), "{status}: {}", stderr_of(child));
        shared_inserted += done.parse::<usize>().unwrap();
    }

    assert_eq!(
        shared_inserted, SHARED_KEYS,
        "each shared key inserted once"
    );
    let reg = SqliteRegistry::open(&db).unwrap();
    assert_eq!(reg.len().unwrap(), WRITERS.len() * OWN_KEYS + SHARED_KEYS);
    for prefix in WRITERS {
        for i in 0..OWN_KEYS {
            let key = DupKey::new(NIP, "VAT", &own_number(prefix, i));
            let found = reg.lookup(&key).unwrap();
            assert_eq!(
                found.and_then(|r| r.source).as_deref(),
                Some(prefix),
                "{key}"
            );
        }
    }
    for i in 0..SHARED_KEYS {
        let key = DupKey::new(NIP, "VAT", &shared_number(i));
        assert!(reg.lookup(&key).unwrap().is_some(), "{key}");
    }
}

#[cfg(unix)]
#[test]
fn killed_writer_leaves_the_file_intact() {
    use std::os::unix::process::ExitStatusExt;

    const ROUNDS: usize = 3;
    const ACKS_BEFORE_KILL: usize = 150;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sent.db");
    let mut expected_total = 0;

    for round in 0..ROUNDS {
        let prefix = format!("KILL{round}");
        let mut child = spawn_child("loop", &db, &prefix, None);
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut acked = 0;
        while acked < ACKS_BEFORE_KILL {
            let Some(ack) = read_until(&mut out, "ACK ") else {
                panic!("writer stopped early: {}", stderr_of(&mut child));
            };
            acked = ack.parse::<usize>().unwrap() + 1;
        }
        child.kill().unwrap(); // SIGKILL
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(9), "{status}");
        // Acknowledgements already in the pipe were committed too.
        while let Some(ack) = read_until(&mut out, "ACK ") {
            if let Ok(n) = ack.parse::<usize>() {
                acked = acked.max(n + 1);
            }
        }

        let conn = rusqlite::Connection::open(&db).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        drop(conn);

        let reg = SqliteRegistry::open(&db).unwrap();
        // The writer records keys in order, so the stored ones are a prefix
        // 0..written, which includes every acknowledged one.
        let written = reg.len().unwrap() - expected_total;
        assert!(written >= acked, "{written} rows but {acked} acknowledged");
        for i in 0..written {
            let key = DupKey::new(NIP, "VAT", &own_number(&prefix, i));
            assert!(reg.lookup(&key).unwrap().is_some(), "{key} missing");
        }
        let next = DupKey::new(NIP, "VAT", &own_number(&prefix, written));
        assert_eq!(reg.lookup(&next).unwrap(), None);

        // And the file still takes new records.
        let after = sent(NIP, "VAT", &format!("{prefix}/after"), date(2026, 1, 5));
        assert_eq!(reg.record(&after).unwrap(), RecordOutcome::Inserted);
        assert_eq!(reg.lookup(&after.key).unwrap(), Some(after));
        expected_total += written + 1;
        assert_eq!(reg.len().unwrap(), expected_total);
    }
}
