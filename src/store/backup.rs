//! Copies of a workspace file, SQLite side: written atomically (a temporary file beside the
//! target, flushed, then renamed into place, so a failure leaves nothing behind), checked
//! before they are trusted, and put back in place of the workspace.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, ErrorCode, OpenFlags};
use serde::Serialize;
use tempfile::NamedTempFile;

use super::schema::{self, APPLICATION_ID};
use super::Workspace;
use crate::error::{Error, Result};
use crate::output_file::{self, parent_dir, sync_dir};

/// How many of each kind of record a workspace file holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Counts {
    pub people: u32,
    pub initiatives: u32,
    pub checkins: u32,
    pub blockers: u32,
    pub decisions: u32,
}

/// What state the file at a workspace path is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// Missing or empty: nothing to keep.
    Missing,
    /// A Cadence workspace that passes its checks.
    Sound,
    /// Present but unusable; the reason says why.
    Damaged(String),
}

/// Writes a consistent copy of the workspace to `out`. Refuses the workspace itself, its
/// `-wal`/`-shm`/`-journal` and any SQLite file; another existing file is replaced only when
/// `force` is set.
pub fn write(ws: &Workspace, out: &Path, force: bool) -> Result<()> {
    write_copy(&ws.conn, out, force)
}

/// Writes a consistent copy of the workspace into `dir` under the first of `names` that is
/// not taken (never replacing a file, even one created meanwhile by another process).
/// Returns where it went, or `None` when every name was taken.
pub fn write_new(
    ws: &Workspace,
    dir: &Path,
    names: impl IntoIterator<Item = String>,
) -> Result<Option<PathBuf>> {
    let temp = vacuum_into_temp(&ws.conn, dir)?;
    persist_first_free(temp, dir, names)
}

/// Copies the file at `path` byte for byte (with its `-wal`, if any, beside the copy) into
/// `dir` under the first free of `names`: how a damaged workspace is kept before a restore.
pub fn copy_file_new(
    path: &Path,
    dir: &Path,
    names: impl IntoIterator<Item = String>,
) -> Result<Option<PathBuf>> {
    fs::create_dir_all(dir)?;
    let mut temp = NamedTempFile::with_prefix_in(".cadence-copy-", dir)?;
    std::io::copy(&mut fs::File::open(path)?, temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    let wal = sibling(path, "-wal");
    let wal_copy = match fs::File::open(&wal) {
        Ok(mut from) => {
            let mut copy = NamedTempFile::with_prefix_in(".cadence-copy-", dir)?;
            std::io::copy(&mut from, copy.as_file_mut())?;
            copy.as_file().sync_all()?;
            Some(copy)
        }
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => return Err(e.into()),
    };
    let Some(kept) = persist_first_free(temp, dir, names)? else {
        return Ok(None);
    };
    if let Some(copy) = wal_copy {
        copy.persist(sibling(&kept, "-wal")).map_err(|e| e.error)?;
        sync_dir(dir)?;
    }
    Ok(Some(kept))
}

/// Writes a consistent copy of the database behind `conn` to `out` (see [`write`]), through
/// [`output_file::write_with`]: the same refusals as every file Cadence writes, and a
/// failure (a full disk) names the file and leaves nothing behind.
pub(crate) fn write_copy(conn: &Connection, out: &Path, force: bool) -> Result<()> {
    let workspace = PathBuf::from(conn.path().unwrap_or_default());
    output_file::write_with("out", out, &workspace, force, |temp| {
        vacuum_into(conn, temp)
    })
}

/// Checks that `path` is a sound Cadence workspace this version can open (a SQLite file with
/// Cadence's identity, a schema version not newer than this build's, passing the integrity
/// and reference checks) and counts what it holds. Reads only; refusals are
/// [`Error::Workspace`] naming the file.
pub fn verify(path: &Path) -> Result<Counts> {
    let refuse = |reason: String| Error::Workspace {
        path: path.to_path_buf(),
        reason,
    };
    match fs::metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Err(refuse("does not exist".into())),
        Err(e) => return Err(e.into()),
        Ok(m) if m.is_dir() => return Err(refuse("is a directory, not a workspace file".into())),
        Ok(m) if m.len() == 0 => return Err(refuse("is empty, not a Cadence workspace".into())),
        Ok(_) => {}
    }
    if !output_file::is_sqlite(path) {
        return Err(refuse(
            "is not a Cadence workspace (not a SQLite database)".into(),
        ));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let damaged = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
            refuse(format!("is damaged ({e})"))
        }
        _ => Error::Db(e),
    };
    let (application_id, version): (i32, i64) = conn
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id),
                    (SELECT user_version FROM pragma_user_version)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(damaged)?;
    if application_id != APPLICATION_ID {
        return Err(refuse(
            "is a SQLite database but not a Cadence workspace".into(),
        ));
    }
    if version > schema::latest_version() {
        return Err(refuse(schema::newer_than_known(
            super::open::writer_of(path).as_deref(),
            version,
        )));
    }
    let problems = problems(&conn).map_err(damaged)?;
    if let Some(first) = problems.first() {
        return Err(refuse(format!("fails its integrity check: {first}")));
    }
    if version < 1 {
        return Ok(Counts::default());
    }
    counts(&conn).map_err(damaged)
}

/// What state the workspace file at `path` is in (see [`Health`]).
pub fn health(path: &Path) -> Result<Health> {
    match fs::metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Health::Missing),
        Ok(m) if m.is_file() && m.len() == 0 => return Ok(Health::Missing),
        _ => {}
    }
    match verify(path) {
        Ok(_) => Ok(Health::Sound),
        Err(Error::Workspace { reason, .. }) => Ok(Health::Damaged(reason)),
        Err(e) => Err(e),
    }
}

/// Replaces the workspace's content with `source`'s in one transaction through SQLite's
/// online backup, so every other connection sees either the old or the new workspace.
pub fn restore_into(ws: &mut Workspace, source: &Path) -> Result<()> {
    let from = Connection::open_with_flags(
        source,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    {
        let backup = Backup::new(&from, &mut ws.conn)?;
        match backup.step(-1)? {
            StepResult::Done => {}
            _ => {
                return Err(Error::Conflict(format!(
                    "{} is busy in another process; try the restore again",
                    ws.path.display()
                )))
            }
        }
    }
    ws.conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// Puts a copy of `source` in place of the file at `workspace` (missing or damaged, so
/// nothing can be read from it) with one rename; its stale `-wal` and `-shm` go first, so no
/// old log is ever applied to the new file.
pub fn replace_file(workspace: &Path, source: &Path) -> Result<()> {
    let dir = parent_dir(workspace);
    let from = Connection::open_with_flags(
        source,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let temp = vacuum_into_temp(&from, &dir)?;
    for suffix in ["-wal", "-shm", "-journal"] {
        match fs::remove_file(sibling(workspace, suffix)) {
            Err(e) if e.kind() != ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    temp.persist(workspace).map_err(|e| e.error)?;
    Ok(sync_dir(&dir)?)
}

/// Copies the database behind `conn` into the empty file `temp` with `VACUUM INTO`, made
/// self-contained (rollback journal, so no `-wal` is ever needed beside it).
fn vacuum_into(conn: &Connection, temp: &Path) -> Result<()> {
    conn.execute("VACUUM INTO ?1", [temp.to_string_lossy()])?;
    Connection::open(temp)?.pragma_update(None, "journal_mode", "DELETE")?;
    Ok(())
}

/// [`vacuum_into`] a new temporary file in `dir`, flushed to disk; removed again if anything
/// fails.
fn vacuum_into_temp(conn: &Connection, dir: &Path) -> Result<NamedTempFile> {
    fs::create_dir_all(dir)?;
    let temp = NamedTempFile::with_prefix_in(".cadence-backup-", dir)?;
    vacuum_into(conn, temp.path())?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Renames `temp` to the first of `names` in `dir` that does not exist yet.
fn persist_first_free(
    mut temp: NamedTempFile,
    dir: &Path,
    names: impl IntoIterator<Item = String>,
) -> Result<Option<PathBuf>> {
    for name in names {
        let path = dir.join(name);
        match temp.persist_noclobber(&path) {
            Ok(_) => {
                sync_dir(dir)?;
                return Ok(Some(path));
            }
            Err(e) if e.error.kind() == ErrorKind::AlreadyExists => temp = e.file,
            Err(e) => return Err(e.error.into()),
        }
    }
    Ok(None)
}

/// Every line of the integrity check that is not `ok`, then every broken reference.
pub(crate) fn problems(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
        let line = row?;
        if line != "ok" {
            problems.push(line);
        }
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let fk = stmt.query_map([], |r| {
        Ok(format!(
            "{} row {} refers to a missing {}",
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
            r.get::<_, String>(2)?
        ))
    })?;
    for line in fk {
        problems.push(line?);
    }
    Ok(problems)
}

fn counts(conn: &Connection) -> rusqlite::Result<Counts> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM people), (SELECT count(*) FROM initiatives),
                (SELECT count(*) FROM checkins WHERE replaced_at IS NULL),
                (SELECT count(*) FROM blockers), (SELECT count(*) FROM decisions)",
        [],
        |r| {
            Ok(Counts {
                people: r.get(0)?,
                initiatives: r.get(1)?,
                checkins: r.get(2)?,
                blockers: r.get(3)?,
                decisions: r.get(4)?,
            })
        },
    )
}

/// `path` with `suffix` appended to its file name (`w.db` → `w.db-wal`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
