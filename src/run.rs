//! Checking many documents in one run: files, folders, ZIP packages and
//! standard input, in parallel, with results streamed out in input order and
//! the checks that span documents (duplicates in the run, the registry of
//! sent keys, package limits).
//!
//! Memory stays bounded: documents are read and checked in chunks, and only
//! the small duplicate keys of earlier documents are kept.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::Error;
use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::facts::xsd_text;
use crate::model::Faktura;
use crate::registry::{DupKey, KeyParts, Registry};
use crate::rules::batch::{
    package_part_too_large, package_too_large, too_many_invoices, too_many_parts,
};
use crate::rules::duplicates::{self, already_sent, duplicate_in_run::SeenKeys};
use crate::rules::payment::ipksef_reused::SeenIpksef;
use crate::rules::util::xsd_value;
use crate::settings::Settings;

/// Largest package part before encryption (FA3-BATCH-003), the default of
/// [`Limits::max_part_size`](crate::Limits::max_part_size); the same as
/// [`crate::ksef::MAX_PART_SIZE`].
pub const MAX_PART_BYTES: u64 = crate::ksef::MAX_PART_SIZE;
/// Largest whole package (FA3-BATCH-004), the default of
/// [`Limits::max_package_size`](crate::Limits::max_package_size); the same
/// as [`crate::ksef::MAX_PACKAGE_SIZE`].
pub const MAX_PACKAGE_BYTES: u64 = crate::ksef::MAX_PACKAGE_SIZE;

/// One input named on the command line (or by a caller).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Input {
    /// A file or a folder (searched recursively for `*.xml`).
    Path(PathBuf),
    /// Bytes already in memory (standard input), with a display name.
    Bytes {
        /// The name shown in reports, e.g. `-`.
        name: String,
        /// The document.
        bytes: Vec<u8>,
    },
}

/// A unit of work after expanding folders.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Source {
    /// A file, or a folder not yet known to be one.
    File(PathBuf),
    Folder(PathBuf),
    Zip(PathBuf),
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
}

/// One document to check.
#[derive(Debug, Clone)]
struct Document {
    name: String,
    /// The bytes read: the whole document, or its first [`read_cap`] bytes
    /// when it is larger.
    bytes: Vec<u8>,
    /// The document's real length (from the file system or the ZIP entry's
    /// header), at least `bytes.len()`.
    len: u64,
}

impl Document {
    fn new(name: String, bytes: Vec<u8>) -> Self {
        let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        Self { name, bytes, len }
    }
}

/// The most bytes read of one document: one more than the larger of the
/// size limits (3,000,001 bytes under KSeF's), enough to find that a
/// document is too large; its real length is taken from the file system.
pub fn read_cap(settings: &Settings) -> u64 {
    let limits = &settings.limits;
    limits
        .max_size
        .max(limits.max_size_with_attachment)
        .saturating_add(1)
}

impl ReadDocument {
    /// A document already in memory (standard input): read whole.
    pub fn from_bytes(bytes: Vec<u8>) -> Self {
        let len = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        Self { bytes, len }
    }
}

/// A document read through [`read_cap`]: the bytes read and its real length.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadDocument {
    /// The whole document, or its first bytes when it is larger than the cap.
    pub bytes: Vec<u8>,
    /// The document's length on disk, at least `bytes.len()`.
    pub len: u64,
}

impl ReadDocument {
    /// True when only the first bytes of the document were read.
    pub fn is_cut(&self) -> bool {
        self.len > u64::try_from(self.bytes.len()).unwrap_or(u64::MAX)
    }
}

/// Reads one regular file through [`read_cap`]: devices, FIFOs and sockets
/// are refused before anything is read, and a file larger than the cap is
/// read only up to it (its real length is kept, for the size finding).
pub fn read_document(path: &Path, settings: &Settings) -> std::io::Result<ReadDocument> {
    let (bytes, len) = read_file(path, None, read_cap(settings))?;
    Ok(ReadDocument { bytes, len })
}

/// The size gate and byte-level pre-scan of a document read through
/// [`read_cap`], as `check` makes them, with selection and severities applied
/// and every finding located: the size finding (FA3-SIZE-001/002) for its
/// real length, and the hygiene findings (encoding, characters, DOCTYPE). A
/// report with an error means the document must not be read further.
pub fn pre_check(document: &ReadDocument, settings: &Settings) -> Report {
    pre_scan(&document.bytes, document.len, settings)
}

/// The hygiene findings of `bytes` read of a document of `len` bytes,
/// selected and located.
fn pre_scan(bytes: &[u8], len: u64, settings: &Settings) -> Report {
    let limits = crate::hygiene::HygieneLimits {
        max_size: settings.limits.max_size,
        max_size_with_attachment: settings.limits.max_size_with_attachment,
    };
    let scan = crate::hygiene::scan_read(bytes, len, &limits);
    located(bytes, filter(scan.diagnostics, settings))
}

/// Fills the line and column of every finding of `report` (from its span).
fn located(bytes: &[u8], mut report: Report) -> Report {
    if !report.diagnostics.is_empty() {
        let index = crate::source::LineIndex::new(bytes);
        for d in &mut report.diagnostics {
            d.locate(&index);
        }
    }
    report.sort();
    report
}

/// Checks one document; one read only in part (larger than the cap) gets
/// its size finding, for its real length, and nothing else.
fn check_document(doc: &Document, settings: &Settings) -> crate::check::Checked {
    let read = u64::try_from(doc.bytes.len()).unwrap_or(u64::MAX);
    if doc.len > read {
        return crate::check::Checked {
            report: pre_scan(&doc.bytes, doc.len, settings),
            invoice: None,
            tags: None,
        };
    }
    crate::check::check(&doc.bytes, settings)
}

/// The result for one document (or one package).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct FileResult {
    /// Display name: a path, `-`, or `package.zip!/entry.xml`.
    pub name: String,
    /// The findings.
    pub report: Report,
    /// The exact bytes checked (kept only when [`RunOptions::keep_bytes`]).
    pub bytes: Option<Vec<u8>>,
}

/// How a run is carried out.
#[non_exhaustive]
pub struct RunOptions<'a> {
    /// The settings of every check.
    pub settings: &'a Settings,
    /// Worker threads (0 = all cores).
    pub jobs: usize,
    /// The registry of sent keys (FA3-DUP-001), if any.
    pub registry: Option<&'a dyn Registry>,
    /// Keep each document's bytes in its result (for renderers that show
    /// source lines).
    pub keep_bytes: bool,
}

impl<'a> RunOptions<'a> {
    /// Options for checking with `settings` on all cores, without a registry
    /// of sent keys and without keeping the documents' bytes; set the public
    /// fields to change that.
    pub fn new(settings: &'a Settings) -> Self {
        Self {
            settings,
            jobs: 0,
            registry: None,
            keep_bytes: false,
        }
    }
}

/// Totals of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Documents checked.
    pub files: usize,
    /// Documents with at least one error-level finding.
    pub files_with_errors: usize,
    /// Findings by severity.
    pub errors: usize,
    /// Findings by severity.
    pub warnings: usize,
    /// Findings by severity.
    pub infos: usize,
}

/// An input that could not be read (missing file, unreadable archive).
#[derive(Debug)]
#[non_exhaustive]
pub struct InputProblem {
    /// What was named.
    pub name: String,
    /// Why it failed.
    pub error: Error,
}

fn is_zip(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

fn expand(inputs: Vec<Input>) -> VecDeque<Source> {
    inputs
        .into_iter()
        .map(|input| match input {
            Input::Bytes { name, bytes } => Source::Bytes { name, bytes },
            // A folder named `*.zip` is still a folder.
            Input::Path(p) if is_zip(&p) => {
                if p.is_dir() {
                    Source::Folder(p)
                } else {
                    Source::Zip(p)
                }
            }
            // Whether any other path is a folder is learnt when reading it
            // fails: no file-system query for each file named.
            Input::Path(p) => Source::File(p),
        })
        .collect()
}

/// The `*.xml` files and `*.zip` packages under a folder, in path order.
fn folder_sources(dir: &Path, problems: &mut Vec<InputProblem>) -> Vec<Source> {
    let mut found = Vec::new();
    let root = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    walk(dir, &root, &mut found, problems);
    // Component order (as `Path`'s `Ord`): separators sort before every
    // other byte. Keys are built once per path.
    found.sort_by_cached_key(|f| {
        f.as_os_str()
            .as_encoded_bytes()
            .iter()
            .map(|&b| {
                if std::path::is_separator(char::from(b)) {
                    0
                } else {
                    b
                }
            })
            .collect::<Vec<u8>>()
    });
    found
        .into_iter()
        .map(|f| {
            if is_zip(&f) {
                Source::Zip(f)
            } else {
                Source::File(f)
            }
        })
        .collect()
}

/// Collects the `*.xml` files under `dir` (and its subfolders, not through
/// links). A symbolic link is followed only when its target is inside the
/// folder the run was given (`root`, canonical); one that leaves it is
/// reported and skipped, so that a link to `/proc/self/environ` or a key
/// file never gets into a report.
fn walk(dir: &Path, root: &Path, found: &mut Vec<PathBuf>, problems: &mut Vec<InputProblem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(InputProblem {
                name: dir.display().to_string(),
                error: Error::io(dir, e),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let is_xml = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xml"));
        if kind.is_dir() {
            walk(&path, root, found, problems);
        } else if is_xml && kind.is_symlink() {
            match std::fs::canonicalize(&path) {
                Ok(target) if target.starts_with(root) => found.push(path),
                Ok(target) => problems.push(InputProblem {
                    name: path.display().to_string(),
                    error: Error::io(
                        &path,
                        std::io::Error::new(
                            std::io::ErrorKind::PermissionDenied,
                            format!(
                                "a symbolic link to {}, outside the folder; not followed",
                                target.display()
                            ),
                        ),
                    ),
                }),
                Err(e) => problems.push(InputProblem {
                    name: path.display().to_string(),
                    error: Error::io(&path, e),
                }),
            }
        } else if is_xml {
            found.push(path);
        }
    }
}

/// The most bytes of documents a parallel run holds before checking them:
/// a batch is checked when it has `chunk_size` documents or this many
/// bytes, so memory is bounded by bytes, not by the count of documents
/// (256 inflated ZIP entries of 3 MB each would be 768 MB).
const MAX_BATCH_BYTES: usize = 32 * 1024 * 1024;

/// True when the batch should be checked now: by count or by bytes.
fn batch_is_full(batch: &[Document], chunk_size: usize) -> bool {
    batch.len() >= chunk_size
        || batch.iter().map(|d| d.bytes.len()).sum::<usize>() >= MAX_BATCH_BYTES
}

/// Room kept in a reused read buffer: a typical invoice is read in one
/// `read` call, and the next call finds the end.
const READ_ROOM: usize = 64 * 1024;

/// Opens `path` for reading if it is a regular file. Devices (`/dev/zero`),
/// FIFOs and sockets are refused before anything is read from them: the file
/// is opened without blocking (a FIFO with no writer would block `open`), and
/// its type is asked of the open file, so a symlink is judged by its target.
fn open_regular(path: &Path) -> std::io::Result<(std::fs::File, u64)> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        let what = if meta.is_dir() {
            "a folder"
        } else {
            "not a regular file (a device, FIFO or socket)"
        };
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{what}; only regular files are read"),
        ));
    }
    Ok((file, meta.len()))
}

/// Reads a regular file of at most `cap` bytes. Devices, FIFOs and sockets
/// are refused before anything is read from them, and a larger file is
/// refused by its size without being read (one that grows while it is read
/// is cut at `cap + 1` bytes and refused too).
pub fn read_regular_file(path: &Path, cap: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let too_large = |len: u64| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("the file is {len} bytes, more than the {cap} bytes read at most; not read"),
        )
    };
    let (file, len) = open_regular(path)?;
    if len > cap {
        return Err(too_large(len));
    }
    let mut buf = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(cap.saturating_add(1)).read_to_end(&mut buf)?;
    let read = u64::try_from(buf.len()).unwrap_or(u64::MAX);
    if read > cap {
        return Err(too_large(read));
    }
    Ok(buf)
}

/// Reads a regular file up to `cap` bytes, into `reuse` when given (a
/// buffer of an earlier document: no new allocation for a typical invoice);
/// returns the bytes read and the file's length (at least the bytes read).
///
/// A file of known length within the cap is read up to that length and no
/// further: one `read` for a typical invoice, without another to find the
/// end (a file that grows while it is read is taken as it was when
/// opened). A file whose length is not known (0, as the kernel's own files
/// give it) or beyond the cap is read to its end or to the cap.
fn read_file(path: &Path, reuse: Option<Vec<u8>>, cap: u64) -> std::io::Result<(Vec<u8>, u64)> {
    use std::io::Read as _;
    let (mut file, len) = open_regular(path)?;
    match (usize::try_from(len), reuse) {
        // A known length within the cap, of a typical invoice: read into a
        // buffer of that length, in one `read` for a regular file
        // (`read_to_end` reads in growing pieces from 8 KiB), and the end is
        // known without another. A reused buffer keeps the bytes it holds
        // until they are read over: only its growth is filled with zeros.
        (Ok(known), reuse) if len > 0 && known <= READ_ROOM && len <= cap => {
            let mut buf = reuse.unwrap_or_default();
            read_known(&mut file, &mut buf, known)?;
            Ok((buf, len))
        }
        // Through `Take`, `read_to_end` fills the spare capacity without
        // asking the file system for the file's size again, and never reads
        // past the limit (once there, `Take` answers the last `read` itself):
        // the length when it is known and within the cap, else the cap.
        (_, reuse) => {
            let mut buf = match reuse {
                Some(mut buf) => {
                    buf.clear();
                    buf.reserve(READ_ROOM);
                    buf
                }
                None => Vec::with_capacity(
                    usize::try_from(len.min(cap))
                        .unwrap_or(0)
                        .min(64 * READ_ROOM)
                        + 1,
                ),
            };
            let limit = if len > 0 && len <= cap { len } else { cap };
            std::io::Read::take(&mut file, limit).read_to_end(&mut buf)?;
            let read = u64::try_from(buf.len()).unwrap_or(u64::MAX);
            Ok((buf, len.max(read)))
        }
    }
}

/// Reads up to `len` bytes of `file` into `buf`, whose bytes are all read
/// over or cut off: fewer when the file ends before (it shrank since its
/// length was asked).
fn read_known(file: &mut std::fs::File, buf: &mut Vec<u8>, len: usize) -> std::io::Result<()> {
    use std::io::Read as _;
    buf.resize(len, 0);
    let mut filled = 0;
    while let Some(rest) = buf.get_mut(filled..)
        && !rest.is_empty()
    {
        match file.read(rest) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => {
                buf.clear();
                return Err(e);
            }
        }
    }
    buf.truncate(filled);
    Ok(())
}

/// Keys and first occurrences seen so far in the run.
#[derive(Default)]
struct RunState {
    keys: SeenKeys,
    /// Payment identifiers seen so far (FA3-PAY-006).
    ipksef: SeenIpksef,
    summary: Summary,
}

/// Checks every input, calling `emit` once per document in input order.
///
/// Inputs that cannot be read are returned (they are usage or I/O problems,
/// not findings). Package-level findings (FA3-BATCH-*) are emitted as a
/// result named after the package.
///
/// Settings that fail [`Settings::validate`] are returned as the one problem
/// (with an empty name) before any input is read.
pub fn run(
    inputs: Vec<Input>,
    options: &RunOptions<'_>,
    mut emit: impl FnMut(FileResult),
) -> (Summary, Vec<InputProblem>) {
    if let Err(error) = options.settings.validate() {
        let problem = InputProblem {
            name: String::new(),
            error,
        };
        return (Summary::default(), vec![problem]);
    }
    let mut problems = Vec::new();
    let mut sources = expand(inputs);
    // One job: check on this thread, without starting a pool.
    let pool = if options.jobs == 1 {
        Err(())
    } else {
        rayon::ThreadPoolBuilder::new()
            .num_threads(options.jobs)
            .build()
            .map_err(drop)
    };
    let mut state = RunState::default();
    // On one thread nothing is gained by holding documents back: check each
    // as soon as it is read, so its buffer is reused for the next one.
    let chunk_size = if options.jobs == 1 { 1 } else { 256 };
    let cap = read_cap(options.settings);
    let mut batch: Vec<Document> = Vec::with_capacity(chunk_size);
    let mut packages: Vec<PackageInfo> = Vec::new();

    // Buffers of checked documents, reused for reading the next files.
    let mut spare: Vec<Vec<u8>> = Vec::new();
    // The findings of one checked document, in input order.
    let finish = |doc: Document,
                  checked: crate::check::Checked,
                  state: &mut RunState,
                  spare: &mut Vec<Vec<u8>>,
                  emit: &mut dyn FnMut(FileResult)| {
        let mut report = checked.report;
        if let Some(invoice) = &checked.invoice {
            let tags = checked.tags.as_ref();
            cross_document(&doc, invoice, tags, options, state, &mut report);
        }
        // No message or path echoes a huge value or name whole.
        for d in &mut report.diagnostics {
            d.bound();
        }
        tally(&mut state.summary, &report, true);
        let bytes = if options.keep_bytes {
            Some(doc.bytes)
        } else {
            if spare.len() < 4 {
                spare.push(doc.bytes);
            }
            None
        };
        emit(FileResult {
            name: doc.name,
            report,
            bytes,
        });
    };
    let flush = |batch: &mut Vec<Document>,
                 state: &mut RunState,
                 spare: &mut Vec<Vec<u8>>,
                 emit: &mut dyn FnMut(FileResult)| {
        // Drained, not taken: the batch keeps its room for the next one.
        match &pool {
            Ok(pool) => {
                let checked: Vec<(Document, crate::check::Checked)> = pool.install(|| {
                    batch
                        .par_drain(..)
                        .map(|d| {
                            let c = check_document(&d, options.settings);
                            (d, c)
                        })
                        .collect()
                });
                for (doc, checked) in checked {
                    finish(doc, checked, state, spare, emit);
                }
            }
            Err(()) => {
                for doc in batch.drain(..) {
                    let checked = check_document(&doc, options.settings);
                    finish(doc, checked, state, spare, emit);
                }
            }
        }
    };

    while let Some(source) = sources.pop_front() {
        match source {
            Source::File(path) => match read_file(&path, spare.pop(), cap) {
                Ok((bytes, len)) => batch.push(Document {
                    // A UTF-8 path as it is (its own text, not copied); any
                    // other through `display`.
                    name: path
                        .into_os_string()
                        .into_string()
                        .unwrap_or_else(|os| Path::new(&os).display().to_string()),
                    bytes,
                    len,
                }),
                // A folder: its files come next, in path order.
                Err(_) if path.is_dir() => {
                    for found in folder_sources(&path, &mut problems).into_iter().rev() {
                        sources.push_front(found);
                    }
                }
                Err(e) => problems.push(InputProblem {
                    name: path.display().to_string(),
                    error: Error::io(&path, e),
                }),
            },
            Source::Folder(path) => {
                for found in folder_sources(&path, &mut problems).into_iter().rev() {
                    sources.push_front(found);
                }
            }
            Source::Bytes { name, bytes } => batch.push(Document::new(name, bytes)),
            Source::Zip(path) => {
                match read_zip(&path, options.settings, &mut |doc| {
                    batch.push(doc);
                    if batch_is_full(&batch, chunk_size) {
                        flush(&mut batch, &mut state, &mut spare, &mut emit);
                    }
                }) {
                    Ok(info) => packages.push(info),
                    Err(error) => problems.push(InputProblem {
                        name: path.display().to_string(),
                        error,
                    }),
                }
            }
        }
        if batch_is_full(&batch, chunk_size) {
            flush(&mut batch, &mut state, &mut spare, &mut emit);
        }
    }
    flush(&mut batch, &mut state, &mut spare, &mut emit);

    for info in &packages {
        let report = package_report(info, options.settings);
        if !report.diagnostics.is_empty() {
            tally(&mut state.summary, &report, false);
            emit(FileResult {
                name: info.name.clone(),
                report,
                bytes: None,
            });
        }
    }
    // Without a package, the whole run is one session.
    let session = if packages.is_empty() {
        too_many_invoices::check(state.summary.files, &options.settings.limits)
    } else {
        None
    };
    if let Some(finding) = session {
        let report = filter(vec![finding], options.settings);
        tally(&mut state.summary, &report, false);
        emit(FileResult {
            name: "(run)".into(),
            report,
            bytes: None,
        });
    }
    (state.summary, problems)
}

fn tally(summary: &mut Summary, report: &Report, is_document: bool) {
    // One pass over the findings for the three counts.
    let mut counts = [0usize; 3];
    for d in &report.diagnostics {
        let i = match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        };
        if let Some(n) = counts.get_mut(i) {
            *n += 1;
        }
    }
    let [errors, warnings, infos] = counts;
    if is_document {
        summary.files += 1;
        if errors > 0 {
            summary.files_with_errors += 1;
        }
    }
    summary.errors += errors;
    summary.warnings += warnings;
    summary.infos += infos;
}

/// What is known about one ZIP package.
#[derive(Debug, Clone)]
struct PackageInfo {
    name: String,
    size: u64,
    entries: usize,
}

#[cfg(not(feature = "zip"))]
fn read_zip(
    path: &Path,
    _settings: &Settings,
    _push: &mut dyn FnMut(Document),
) -> Result<PackageInfo, Error> {
    Err(Error::io(
        path,
        std::io::Error::other("ZIP packages need the `zip` feature"),
    ))
}

#[cfg(feature = "zip")]
fn read_zip(
    path: &Path,
    settings: &Settings,
    push: &mut dyn FnMut(Document),
) -> Result<PackageInfo, Error> {
    use std::io::Read;

    // A FIFO or device named `*.zip` is refused before it is read.
    let (file, size) = open_regular(path).map_err(|e| Error::io(path, e))?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| Error::io(path, std::io::Error::other(e)))?;
    let name = path.display().to_string();
    let cap = read_cap(settings);
    let mut entries = 0;
    for i in 0..archive.len() {
        let mut entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) => return Err(Error::io(path, std::io::Error::other(e))),
        };
        if entry.is_dir() {
            continue;
        }
        entries += 1;
        let entry_name = format!("{name}!/{}", entry.name());
        // Never inflate more than the largest allowed invoice plus one byte;
        // a larger entry's length is the one its header gives.
        let declared = entry.size();
        let mut bytes = Vec::with_capacity(usize::try_from(declared.min(cap)).unwrap_or(0));
        if let Err(e) = (&mut entry).take(cap).read_to_end(&mut bytes) {
            return Err(Error::io(path, e));
        }
        let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        let len = if read >= cap {
            declared.max(read)
        } else {
            read
        };
        push(Document {
            name: entry_name,
            bytes,
            len,
        });
    }
    Ok(PackageInfo {
        name,
        size,
        entries,
    })
}

fn package_report(info: &PackageInfo, settings: &Settings) -> Report {
    let limits = &settings.limits;
    let diagnostics = [
        too_many_invoices::check(info.entries, limits),
        package_part_too_large::check(info.size, limits),
        too_many_parts::check(info.size, limits),
        package_too_large::check(info.size, limits),
    ];
    filter(diagnostics.into_iter().flatten().collect(), settings)
}

fn filter(diagnostics: Vec<Diagnostic>, settings: &Settings) -> Report {
    Report {
        diagnostics: diagnostics
            .into_iter()
            .filter(|d| settings.selection.is_enabled(d.code))
            .map(|mut d| {
                d.severity = settings.selection.severity_of(d.code, d.severity);
                d
            })
            .collect(),
    }
}

/// The duplicate key of an invoice.
pub fn dup_key(invoice: &Faktura) -> Option<DupKey> {
    let kind = xsd_value(&invoice.fa.rodzaj_faktury);
    Some(key_parts(invoice, &kind).into_key())
}

/// The parts of the duplicate key of `invoice` whose `RodzajFaktury` reads
/// `kind`, borrowed from the model.
fn key_parts<'a>(invoice: &'a Faktura, kind: &'a str) -> KeyParts<'a> {
    let nip = &invoice.podmiot1.dane_identyfikacyjne.nip;
    KeyParts::new(&nip.0, kind, &invoice.fa.p_2.0)
}

fn cross_document(
    doc: &Document,
    invoice: &Faktura,
    tags: Option<&crate::source::Tags>,
    options: &RunOptions<'_>,
    state: &mut RunState,
    report: &mut Report,
) {
    let settings = options.settings;
    if settings.schema_only {
        return;
    }
    let kind = xsd_text(&invoice.fa.rodzaj_faktury);
    let key = key_parts(invoice, &kind);
    let mut found = Vec::new();

    if let (Some(registry), Some(now)) = (options.registry, settings.now) {
        let today = settings.tz.local_date(now);
        // The typed model trims P_2; the whitespace around it matters here.
        let raw = match tags {
            Some(tags) => tags.raw_text(&doc.bytes, duplicates::P_2),
            None => crate::source::raw_text(&doc.bytes, duplicates::P_2),
        };
        let raw = raw.as_deref().unwrap_or(invoice.fa.p_2.0.as_str());
        let key = key.clone().into_key();
        found.extend(already_sent::check(registry, &key, raw, today));
    }
    found.extend(state.keys.check(&key, &doc.name));

    found.extend(state.ipksef.check(invoice, &doc.name));

    if found.is_empty() {
        return;
    }
    let mut found = filter(found, settings).diagnostics;
    crate::check::locate_after(&doc.bytes, tags, &mut found, &report.diagnostics);
    report.diagnostics.append(&mut found);
    report.sort();
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// The quick test of a ZIP path agrees with the extension's.

    #[test]
    fn batches_are_bounded_by_bytes_as_well_as_by_count() {
        let doc = |n: usize| Document::new(String::new(), vec![b' '; n]);
        // Few large documents: full by bytes long before 256 of them.
        let large: Vec<Document> = (0..12).map(|_| doc(3_000_000)).collect();
        assert!(batch_is_full(&large, 256));
        assert!(!batch_is_full(&large[..11], 256));
        // Many small ones: full by count.
        let small: Vec<Document> = (0..256).map(|_| doc(10)).collect();
        assert!(batch_is_full(&small, 256));
        assert!(!batch_is_full(&small[..255], 256));
    }

    /// A file is read whole, up to the cap: into a new buffer or a reused
    /// one (larger or smaller than the file), empty or not; a larger file
    /// is read up to the cap, with its real length.
    #[test]
    fn files_are_read_whole_up_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let text: Vec<u8> = (0..200_000u32).map(|i| b"<a>\n"[i as usize % 4]).collect();
        for len in [0, 1, 4_476, READ_ROOM + 1, 200_000] {
            let path = dir.path().join(format!("{len}.xml"));
            std::fs::write(&path, &text[..len]).unwrap();
            for reuse in [None, Some(vec![b'x'; 10]), Some(vec![b'y'; 300_000])] {
                let (bytes, read_len) = read_file(&path, reuse, 1_000_000).unwrap();
                assert_eq!(bytes, &text[..len]);
                assert_eq!(read_len, len as u64);
            }
            let (bytes, read_len) = read_file(&path, None, 1_000).unwrap();
            assert_eq!(bytes, &text[..len.min(1_000)]);
            assert_eq!(read_len, len as u64);
        }
    }

    /// Files, folders (a folder named `*.zip` too) and missing paths are
    /// taken in the order given; a folder's files in path order, in its
    /// place; a missing path is an input problem, not a result.
    #[test]
    fn inputs_are_expanded_in_place_and_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("folder/sub")).unwrap();
        std::fs::create_dir_all(root.join("looks.zip")).unwrap();
        for name in [
            "first.xml",
            "folder/b.xml",
            "folder/a.xml",
            "folder/sub/c.xml",
            "folder/skipped.txt",
            "looks.zip/d.xml",
            "last.xml",
        ] {
            std::fs::write(root.join(name), b"<not-an-invoice/>").unwrap();
        }
        let inputs = [
            "first.xml",
            "folder",
            "missing.xml",
            "looks.zip",
            "last.xml",
        ]
        .map(|p| Input::Path(root.join(p)))
        .to_vec();
        let settings = Settings::default();
        let options = RunOptions {
            settings: &settings,
            jobs: 1,
            registry: None,
            keep_bytes: false,
        };
        let mut names = Vec::new();
        let (summary, problems) = run(inputs, &options, |r| names.push(r.name));
        let shown = |p: &str| root.join(p).display().to_string();
        let expected: Vec<String> = [
            "first.xml",
            "folder/a.xml",
            "folder/b.xml",
            "folder/sub/c.xml",
            "looks.zip/d.xml",
            "last.xml",
        ]
        .map(shown)
        .to_vec();
        assert_eq!(names, expected);
        assert_eq!(summary.files, 6);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].name, shown("missing.xml"));
    }
}
