//! Every file Cadence writes (exports, updates, backups): where it may go, and how it is
//! written so that a failure leaves nothing behind.
//!
//! [`check_target`] is the rule: never the open workspace or its `-wal`/`-shm`/`-journal`,
//! never any SQLite database, never a directory, and an existing file only with `force`.
//! [`write`] and [`write_with`] apply it, then write a temporary file beside the target,
//! flush it to disk and rename it into place (syncing the directory), so the target is
//! either untouched or complete.

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::error::{io_problem, storage_problem, Error, Result};

/// The files SQLite keeps beside a database while it is open.
const SIDECARS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Refuses `target` (named by the input `field`, e.g. `out`) when writing it could destroy
/// data: the workspace at `workspace` or one of its `-wal`/`-shm`/`-journal` files (however
/// the path is spelled: symlinks, `..`, hard links), any SQLite database, a directory, or an
/// existing file unless `force`.
pub fn check_target(field: &str, target: &Path, workspace: &Path, force: bool) -> Result<()> {
    let refuse = |rule: &str| {
        Err(Error::invalid(
            field,
            format!("{} {rule}", target.display()),
        ))
    };
    let existing = fs::metadata(target).ok();
    if existing.as_ref().is_some_and(fs::Metadata::is_dir) {
        return refuse("is a directory; give the name of a file to write");
    }
    let workspace_rule = "is the open workspace or one of its files; writing there would destroy \
         it. Choose another file";
    if is_workspace_file(target, workspace, existing.as_ref()) {
        return refuse(workspace_rule);
    }
    if existing.is_some() {
        if is_sqlite(target) {
            return refuse(
                "already exists and is a SQLite database; Cadence never writes over one. Choose \
                 another file",
            );
        }
        if !force {
            return refuse("already exists; pass --force to replace it, or choose another file");
        }
    }
    Ok(())
}

/// Writes `bytes` to `target` after [`check_target`]: all of it, or nothing at all.
pub fn write(
    field: &str,
    target: &Path,
    workspace: &Path,
    force: bool,
    bytes: &[u8],
) -> Result<()> {
    write_with(field, target, workspace, force, |temp| {
        let mut file = fs::OpenOptions::new().write(true).open(temp)?;
        file.write_all(bytes)?;
        Ok(())
    })
}

/// Writes `target` after [`check_target`] through `fill`, which gets the path of a new,
/// empty temporary file beside the target and writes it (`VACUUM INTO` accepts such a file).
/// The file is then synced and renamed into place, and the directory synced; on any failure
/// the temporary file is removed and `target` is left as it was.
pub fn write_with(
    field: &str,
    target: &Path,
    workspace: &Path,
    force: bool,
    fill: impl FnOnce(&Path) -> Result<()>,
) -> Result<()> {
    check_target(field, target, workspace, force)?;
    let failed = |reason: String| Error::File {
        path: target.to_path_buf(),
        reason,
    };
    let io_failed = |e: std::io::Error| failed(io_problem(&e).map_or(e.to_string(), String::from));
    let dir = parent_dir(target);
    if !dir.is_dir() {
        return Err(failed(format!(
            "the folder {} does not exist; create it first or choose another place",
            dir.display()
        )));
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io_failed)?;
    fill(temp.path()).map_err(|e| match storage_problem(&e) {
        Some(problem) => failed(format!("{problem}; nothing was written")),
        None => e,
    })?;
    temp.as_file().sync_all().map_err(io_failed)?;
    if force {
        temp.persist(target).map_err(|e| io_failed(e.error))?;
    } else {
        temp.persist_noclobber(target).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                Error::invalid(
                    field,
                    format!(
                        "{} already exists; pass --force to replace it, or choose another file",
                        target.display()
                    ),
                )
            } else {
                io_failed(e.error)
            }
        })?;
    }
    sync_dir(&dir).map_err(io_failed)
}

/// The directory a file path lives in (`.` for a bare name).
pub(crate) fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes a rename in `dir` durable.
pub(crate) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// `path` spelled as its real location: symlinks and `..` resolved, through its directory
/// when the file itself does not exist yet.
fn resolved(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = fs::canonicalize(path) {
        return Some(p);
    }
    let dir = fs::canonicalize(parent_dir(path)).ok()?;
    Some(dir.join(path.file_name()?))
}

/// Whether `target` is the workspace or one of its SQLite sidecar files.
fn is_workspace_file(target: &Path, workspace: &Path, existing: Option<&fs::Metadata>) -> bool {
    let mut names = vec![workspace.as_os_str().to_owned()];
    for suffix in SIDECARS {
        let mut name = workspace.as_os_str().to_owned();
        name.push(suffix);
        names.push(name);
    }
    let target_real = resolved(target);
    names.iter().map(Path::new).any(|candidate| {
        (target_real.is_some() && resolved(candidate) == target_real)
            || existing.is_some_and(|t| same_file(t, candidate))
    })
}

/// Whether `meta` and the file at `other` are one file (one inode).
fn same_file(meta: &fs::Metadata, other: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(other).is_ok_and(|o| o.dev() == meta.dev() && o.ino() == meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (meta, other);
        false
    }
}

/// Whether the file at `path` starts with the SQLite header.
pub(crate) fn is_sqlite(path: &Path) -> bool {
    let mut head = [0u8; 16];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == b"SQLite format 3\0"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(field_msg: Result<()>) -> String {
        field_msg.expect_err("refused").to_string()
    }

    #[test]
    fn the_workspace_and_its_files_are_refused_however_spelled() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("w.db");
        rusqlite::Connection::open(&ws)
            .unwrap()
            .execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE t(x);")
            .unwrap();
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        let dotted = sub.join("..").join("w.db");
        let link = dir.path().join("link.db");
        std::os::unix::fs::symlink(&ws, &link).unwrap();
        for target in [ws.clone(), dotted, link, dir.path().join("w.db-wal")] {
            let msg = refused(check_target("out", &target, &ws, true));
            assert!(msg.contains("is the open workspace"), "{msg}");
            assert!(msg.starts_with("out: "), "{msg}");
        }
    }

    #[test]
    fn other_sqlite_files_directories_and_existing_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("w.db");
        let other = dir.path().join("other.db");
        rusqlite::Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t(x);")
            .unwrap();
        assert!(refused(check_target("out", &other, &ws, true)).contains("SQLite database"));
        assert!(refused(check_target("out", dir.path(), &ws, true)).contains("is a directory"));
        let text = dir.path().join("a.md");
        fs::write(&text, "old").unwrap();
        assert!(refused(check_target("out", &text, &ws, false)).contains("--force"));
        check_target("out", &text, &ws, true).unwrap();
        write("out", &text, &ws, true, b"new").unwrap();
        assert_eq!(fs::read_to_string(&text).unwrap(), "new");
    }

    #[test]
    fn a_failed_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("w.db");
        let target = dir.path().join("a.md");
        let err = write_with("out", &target, &ws, false, |temp| {
            fs::write(temp, "partial")?;
            Err(Error::Io(std::io::Error::other("boom")))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "boom");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
