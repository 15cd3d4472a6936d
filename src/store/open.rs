//! Opening and creating a workspace file: identity checks that leave foreign files untouched,
//! creation that other processes never see half-done, the one connection-init function,
//! reading when the file cannot be written, backups and migrations.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::schema::{self, APPLICATION_ID};
use crate::error::{io_problem, storage_problem, Error, Result};

/// The default workspace file: `cadence/cadence.db` in the platform data directory.
pub fn default_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("cadence")
        .join("cadence.db")
}

/// The workspace file to use: `explicit` when given, else `CADENCE_DB`, else the default.
pub fn resolve_path(explicit: Option<&Path>) -> PathBuf {
    explicit
        .map(Path::to_path_buf)
        .or_else(|| {
            std::env::var_os("CADENCE_DB")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(default_path)
}

/// What the first 100 bytes of a file say about it.
pub(super) enum Header {
    /// Missing or empty: no workspace yet.
    Fresh,
    /// A SQLite file with this application id and schema version.
    Sqlite { application_id: i32, version: i64 },
    /// Anything else.
    Foreign,
}

pub(super) fn read_header(path: &Path) -> Result<Header> {
    let mut file = match fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Header::Fresh),
        Err(e) => return Err(e.into()),
    };
    let mut head = Vec::with_capacity(100);
    file.by_ref().take(100).read_to_end(&mut head)?;
    if head.is_empty() {
        return Ok(Header::Fresh);
    }
    if head.len() < 100 || &head[..16] != b"SQLite format 3\0" {
        return Ok(Header::Foreign);
    }
    let be = |at: usize| i32::from_be_bytes([head[at], head[at + 1], head[at + 2], head[at + 3]]);
    Ok(Header::Sqlite {
        application_id: be(68),
        version: i64::from(be(60)),
    })
}

/// Sets every per-connection PRAGMA: WAL, foreign keys, full sync and a busy timeout.
pub fn init_connection(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    use_wal(conn)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    Ok(())
}

/// Puts the file in WAL mode. Switching a file still in rollback-journal mode (a restored
/// backup, say) needs it alone for a moment, and SQLite does not wait for that, so a busy
/// file is retried for up to the busy timeout.
fn use_wal(conn: &Connection) -> Result<()> {
    let start = std::time::Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            done => return Ok(done?),
        }
    }
}

/// How many prepared statements a connection keeps. A snapshot reads through 18 to 20 in turn,
/// more than rusqlite's default of 16, so with that default every read of a snapshot prepared
/// every statement again (the least recently used goes first, so each was gone by its turn).
const STATEMENT_CACHE: usize = 64;

/// How long a connection waits for another process's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How an open workspace may be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Access {
    /// Reads and writes.
    ReadWrite,
    /// Reads only; the text says why writing is impossible and what to do.
    ReadOnly(String),
}

/// Opens the existing workspace at `path`. Creates nothing: a missing, empty or foreign
/// file, or a directory, is refused with a message naming it. When the file cannot be
/// written (read-only file, folder or file system, full disk) it is opened for reading, and
/// [`Access::ReadOnly`] says why. An older schema is migrated after a backup beside it.
pub(crate) fn open_connection(path: &Path) -> Result<(Connection, Access)> {
    let refuse = |reason: String| Error::Workspace {
        path: path.to_path_buf(),
        reason,
    };
    let how_to_create = "create a workspace with `cadence init` (an empty one) or `cadence \
                         demo` (the sample company), or give the path of an existing one with \
                         --db or CADENCE_DB";
    match fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(refuse(format!("does not exist; {how_to_create}")))
        }
        Err(e) => return Err(refuse(format!("cannot be read ({e})"))),
        Ok(m) if m.is_dir() => {
            return Err(refuse(format!(
                "is a directory, not a workspace file; give the file's path, for example {}",
                path.join("cadence.db").display()
            )))
        }
        Ok(_) => {}
    }
    let header = read_header(path).map_err(|e| refuse(format!("cannot be read ({e})")))?;
    let latest = schema::latest_version();
    let version = match header {
        Header::Fresh => {
            return Err(refuse(format!(
                "is empty (0 bytes), not a workspace; {how_to_create}"
            )))
        }
        Header::Foreign => {
            return Err(refuse(
                "is not a Cadence workspace (not a SQLite database); it was left untouched".into(),
            ))
        }
        Header::Sqlite { application_id, .. } if application_id != APPLICATION_ID => {
            return Err(refuse(
                "is a SQLite database but not a Cadence workspace; it was left untouched".into(),
            ))
        }
        Header::Sqlite { version, .. } if version > latest => {
            return Err(refuse(format!(
                "{}; update Cadence to open it. The file was left untouched",
                schema::newer_than_known(writer_of(path).as_deref(), version)
            )))
        }
        Header::Sqlite { version, .. } => version,
    };
    let (mut conn, access) = connect(path)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    if version < latest {
        if let Access::ReadOnly(why) = &access {
            return Err(refuse(format!(
                "was written by an older Cadence and must be upgraded, which needs writing, but \
                 {why}"
            )));
        }
        // The backup is taken inside the migration's write lock, by a second connection (the
        // write-ahead log lets it read meanwhile), so of processes opening the file at once
        // exactly one backs it up and migrates it.
        schema::migrate(&mut conn, |found| {
            let reader = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            reader.busy_timeout(BUSY_TIMEOUT)?;
            super::backup::write_copy(&reader, &backup_path_for(path, found), false)
        })?;
        // The new schema version sits in the write-ahead log until a checkpoint; another
        // process reading the file's header meanwhile must already see it.
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    }
    Ok((conn, access))
}

/// Creates the workspace at `path` when it is missing or empty, then opens it (see
/// [`open_connection`]). The new file is built beside the target and moved into place in one
/// step, so another process sees no file or a complete workspace, never a half-made one.
/// Parent folders are created only for the [`default_path`].
pub(crate) fn create_connection(path: &Path) -> Result<(Connection, Access)> {
    let refuse = |reason: String| Error::Workspace {
        path: path.to_path_buf(),
        reason,
    };
    let existing = match fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() == 0 => Some(m),
        Ok(_) => return open_connection(path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(refuse(format!("cannot be read ({e})"))),
    };
    let dir = folder_of(path);
    if !dir.is_dir() {
        if path == default_path() {
            fs::create_dir_all(&dir)
                .map_err(|e| refuse(format!("cannot create its folder {} ({e})", dir.display())))?;
        } else {
            return Err(refuse(format!(
                "cannot be created: the folder {} does not exist; create it first or choose \
                 another path",
                dir.display()
            )));
        }
    }
    let cannot_create = |e: &dyn std::fmt::Display| {
        refuse(format!(
            "cannot be created in {} ({e}); choose a folder you can write to",
            dir.display()
        ))
    };
    let cannot_create_io = |e: std::io::Error| cannot_create(&io_text(&e));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let fresh = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".new")
        .tempfile_in(&dir)
        .map_err(cannot_create_io)?;
    if let Err(e) = build_fresh(fresh.path()) {
        // SQLite's own files beside the temporary one go with it.
        for suffix in ["-journal", "-wal", "-shm"] {
            let mut side = fresh.path().as_os_str().to_owned();
            side.push(suffix);
            let _ = fs::remove_file(PathBuf::from(side));
        }
        return Err(cannot_create(
            &storage_problem(&e).map_or(e.to_string(), String::from),
        ));
    }
    fresh.as_file().sync_all().map_err(cannot_create_io)?;
    let placed = match existing {
        // Another process may be creating it too: the first file in place wins.
        None => fresh.persist_noclobber(path).map(drop),
        // An empty file holds nothing to lose; replace it unless it has just been filled.
        Some(_) if fs::metadata(path).is_ok_and(|m| m.len() == 0) => fresh.persist(path).map(drop),
        Some(_) => Ok(()),
    };
    match placed {
        Ok(()) => {
            #[cfg(unix)]
            fs::File::open(&dir)
                .and_then(|d| d.sync_all())
                .map_err(cannot_create_io)?;
        }
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(cannot_create_io(e.error)),
    }
    open_connection(path)
}

/// Writes a complete, empty workspace into the private new file at `path`. It is built with a
/// rollback journal, so every page is in the file itself once each step commits (a failed
/// write, a full disk, fails the step), and switched to WAL last; a checkpoint that could not
/// finish on close can then lose nothing.
fn build_fresh(path: &Path) -> Result<()> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    schema::migrate(&mut conn, |_| Ok(()))?;
    use_wal(&conn)?;
    conn.close().map_err(|(_, e)| e)?;
    Ok(())
}

/// Opens the file for reading and writing when possible, else for reading only, and says which.
/// Every attempt opens without SQLite's per-connection mutex (`SQLITE_OPEN_NO_MUTEX`, as
/// rusqlite's default flags do): a `Connection` is never used by two threads at once (it is
/// not `Sync`), and the mutex taken on every column of every row read was a sixth of the
/// time a large review spent reading.
fn connect(path: &Path) -> Result<(Connection, Access)> {
    use rusqlite::OpenFlags as F;
    let read_write = || -> Result<Connection> {
        let conn =
            Connection::open_with_flags(path, F::SQLITE_OPEN_READ_WRITE | F::SQLITE_OPEN_NO_MUTEX)?;
        init_connection(&conn)?;
        probe(&conn)?;
        Ok(conn)
    };
    let first = match read_write() {
        Ok(conn) if !conn.is_readonly("main")? => return Ok((conn, Access::ReadWrite)),
        Ok(conn) => return Ok((conn, Access::ReadOnly(why_not_writable(path)))),
        Err(e) if storage_problem(&e).is_some() => e,
        Err(e) => return Err(e),
    };
    // A full disk: the shared-memory index cannot grow, so keep it in this process instead
    // (exclusive locking mode); reads work, writes fail cleanly.
    let exclusive = || -> Result<Connection> {
        let conn =
            Connection::open_with_flags(path, F::SQLITE_OPEN_READ_WRITE | F::SQLITE_OPEN_NO_MUTEX)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        probe(&conn)?;
        Ok(conn)
    };
    // A read-only file in a folder where SQLite can still keep its shared-memory file.
    let read_only = || -> Result<Connection> {
        let conn =
            Connection::open_with_flags(path, F::SQLITE_OPEN_READ_ONLY | F::SQLITE_OPEN_NO_MUTEX)?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        probe(&conn)?;
        Ok(conn)
    };
    // Nothing can write: the file is read-only, or its folder is and no write-ahead log exists
    // (a writer needs one beside the file). Read the file as it is, without locks.
    let immutable = || -> Result<Connection> {
        let uri = format!("file:{}?immutable=1", uri_path(path)?);
        let conn = Connection::open_with_flags(
            uri,
            F::SQLITE_OPEN_READ_ONLY | F::SQLITE_OPEN_URI | F::SQLITE_OPEN_NO_MUTEX,
        )?;
        probe(&conn)?;
        Ok(conn)
    };
    let attempts: [&dyn Fn() -> Result<Connection>; 3] = [&exclusive, &read_only, &immutable];
    for (n, attempt) in attempts.iter().enumerate() {
        if n == 2 && !(wal_is_empty(path) && (file_cannot_be_written(path) || !can_create_in(path)))
        {
            break;
        }
        if let Ok(conn) = attempt() {
            return Ok((conn, Access::ReadOnly(why_not_writable(path))));
        }
    }
    Err(Error::Workspace {
        path: path.to_path_buf(),
        reason: format!(
            "cannot be opened: {} ({first}); {}",
            storage_problem(&first).unwrap_or("the disk refused it"),
            why_not_writable(path)
        ),
    })
}

/// Reads the schema, which makes SQLite open the write-ahead log and its index.
fn probe(conn: &Connection) -> Result<()> {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
    Ok(())
}

/// Whether opening the file for writing fails (read-only file or file system).
fn file_cannot_be_written(path: &Path) -> bool {
    fs::OpenOptions::new().write(true).open(path).is_err()
}

/// Whether a new file can be made in the folder of `path`.
fn can_create_in(path: &Path) -> bool {
    tempfile::Builder::new()
        .prefix(".cadence-probe.")
        .tempfile_in(folder_of(path))
        .is_ok()
}

/// The folder a file lives in (`.` for a bare name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// An I/O error's text without the temporary path it may carry.
fn io_text(e: &std::io::Error) -> String {
    match (io_problem(e), e.raw_os_error()) {
        (Some(problem), _) => problem.into(),
        (None, Some(code)) => std::io::Error::from_raw_os_error(code).to_string(),
        (None, None) => e.kind().to_string(),
    }
}

/// Whether the write-ahead log beside `path` is missing or empty (all data is in the file).
fn wal_is_empty(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    fs::metadata(PathBuf::from(wal)).map_or(true, |m| m.len() == 0)
}

/// Why the workspace at `path` cannot be written, as advice a person can act on.
fn why_not_writable(path: &Path) -> String {
    use std::io::ErrorKind as K;
    if let Err(e) = fs::OpenOptions::new().write(true).open(path) {
        return match e.kind() {
            K::ReadOnlyFilesystem => "it is on a read-only file system; copy it to a writable \
                                      place (or remount it read-write) to change it"
                .into(),
            _ => format!("the file is read-only ({e}); make it writable (or copy it) to change it"),
        };
    }
    let dir = folder_of(path);
    let probe = tempfile::Builder::new()
        .prefix(".cadence-space.")
        .tempfile_in(&dir)
        .and_then(|mut f| {
            use std::io::Write;
            f.write_all(&[0; 64 * 1024])?;
            f.as_file().sync_all()
        });
    match probe {
        Err(e) if e.kind() == K::StorageFull => {
            "the disk is full; free some space and try again".into()
        }
        Err(e) => format!(
            "its folder {} cannot be written ({}), and SQLite keeps its -wal and -shm files \
             beside the workspace; make the folder writable or move the file",
            dir.display(),
            io_text(&e)
        ),
        Ok(()) => "SQLite could not open it for writing".into(),
    }
}

/// The Cadence version that last wrote the workspace file at `path`, when the file says
/// (files written before schema version 2 do not). Read without locks and without creating
/// any file beside it, so a file this build refuses is left as it was.
pub(crate) fn writer_of(path: &Path) -> Option<String> {
    use rusqlite::OptionalExtension;
    let uri = format!("file:{}?immutable=1", uri_path(path).ok()?);
    let conn = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )
    .ok()?;
    conn.query_row("SELECT version FROM written_by WHERE id = 1", [], |r| {
        r.get(0)
    })
    .optional()
    .ok()
    .flatten()
}

/// `path` made absolute and escaped for a `file:` URI.
fn uri_path(path: &Path) -> Result<String> {
    let absolute = std::path::absolute(path)?;
    let mut out = String::new();
    for c in absolute.to_string_lossy().chars() {
        match c {
            '?' | '#' | '%' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Where the backup taken before migrating from `version` goes: beside the file.
fn backup_path_for(path: &Path, version: i64) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "cadence.db".into());
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    path.with_file_name(format!("{name}.v{version}-{stamp}.bak"))
}
