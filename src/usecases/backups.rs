//! The backups kept beside a workspace, in a `backups` folder next to its file: the automatic
//! daily copy and its retention, copies taken on request or before a restore, listing them,
//! and restoring one in place of the workspace.
//!
//! Names say what a copy is: `cadence-2026-11-23.db` is the daily copy of `cadence.db`,
//! `cadence-manual-20261123-101500.db` one taken by `cadence backup`, and
//! `cadence-before-restore-20261123-101500.db` the workspace as it was before a restore.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::Serialize;

use crate::calendar::Clock;
use crate::error::{Error, Result};
use crate::retention;
use crate::store::backup::{self, Counts, Health};
use crate::store::Workspace;

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum BackupKind {
    /// The automatic copy of the day, pruned by the retention rule.
    Daily,
    /// Taken by `cadence backup` without `--out`; never pruned.
    Manual,
    /// The workspace as it was just before a restore; never pruned.
    BeforeRestore,
}

impl BackupKind {
    /// The word in the file name (the daily copy has none).
    fn word(self) -> &'static str {
        match self {
            BackupKind::Daily => "daily",
            BackupKind::Manual => "manual",
            BackupKind::BeforeRestore => "before-restore",
        }
    }
}

/// One backup in the folder, as listed.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BackupFile {
    /// The file name inside the backups folder.
    pub file: String,
    pub path: PathBuf,
    pub kind: BackupKind,
    /// When it was taken (a daily copy has the date only).
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    /// Its size in bytes.
    pub size: u64,
    /// What it holds, when it passes its check.
    pub counts: Option<Counts>,
    /// Why it cannot be restored, when it fails its check.
    pub problem: Option<String>,
}

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    /// What the workspace holds now.
    pub counts: Counts,
    /// Where the workspace as it was before is kept (`None` when there was none).
    pub kept: Option<PathBuf>,
}

/// Whether the workspace file can be used and, when it cannot, the newest backup that can.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorkspaceCheck {
    /// Why the workspace is damaged (`None` when it is sound or not created yet).
    pub problem: Option<String>,
    /// The newest backup that passes its check, when the workspace is damaged.
    pub latest_good: Option<BackupFile>,
}

/// Checks the workspace file (identity, schema version, integrity and references) and, when
/// it is damaged, finds the newest good backup to offer in its place.
pub fn check_workspace(workspace: &Path) -> Result<WorkspaceCheck> {
    Ok(match backup::health(workspace)? {
        Health::Missing | Health::Sound => WorkspaceCheck {
            problem: None,
            latest_good: None,
        },
        Health::Damaged(problem) => WorkspaceCheck {
            problem: Some(problem),
            latest_good: latest_good(workspace)?,
        },
    })
}

/// The folder a workspace's backups live in: `backups` beside the workspace file.
pub fn folder(workspace: &Path) -> PathBuf {
    match workspace.parent() {
        Some(dir) => dir.join("backups"),
        None => PathBuf::from("backups"),
    }
}

/// The workspace file's name without its extension: what its backups' names start with.
fn stem(workspace: &Path) -> String {
    workspace
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "cadence".into())
}

/// Candidate names for a timestamped copy: `STEM-KIND-YYYYMMDD-HHMMSS.db`, then `-2`, `-3`…
/// for copies taken in the same second.
fn timestamped_names(
    workspace: &Path,
    kind: BackupKind,
    at: NaiveDateTime,
) -> impl Iterator<Item = String> {
    let base = format!(
        "{}-{}-{}",
        stem(workspace),
        kind.word(),
        at.format("%Y%m%d-%H%M%S")
    );
    (1..=999).map(move |n| match n {
        1 => format!("{base}.db"),
        n => format!("{base}-{n}.db"),
    })
}

/// What a backup's file name says: why and when it was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Taken {
    kind: BackupKind,
    date: NaiveDate,
    time: Option<NaiveTime>,
}

/// What a file name in the folder says about the backup, when it is one of `stem`'s.
fn parse_name(stem: &str, name: &str) -> Option<Taken> {
    let rest = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".db")?;
    if let Ok(date) = NaiveDate::parse_from_str(rest, "%Y-%m-%d") {
        return Some(Taken {
            kind: BackupKind::Daily,
            date,
            time: None,
        });
    }
    let (kind, stamp) = [BackupKind::Manual, BackupKind::BeforeRestore]
        .into_iter()
        .find_map(|k| Some((k, rest.strip_prefix(k.word())?.strip_prefix('-')?)))?;
    let at = NaiveDateTime::parse_from_str(stamp.get(..15)?, "%Y%m%d-%H%M%S").ok()?;
    match stamp.get(15..)? {
        "" => {}
        n => n.strip_prefix('-')?.parse::<u32>().ok().map(drop)?,
    }
    Some(Taken {
        kind,
        date: at.date(),
        time: Some(at.time()),
    })
}

/// Takes today's automatic backup of the workspace unless the folder already has it (today
/// from the workspace's clock), then prunes the daily copies the retention rule drops. A
/// workspace that fails its check is not copied, so it never pushes a good copy out. Returns
/// the new copy, or `None` when today's existed.
pub fn take_daily(ws: &Workspace) -> Result<Option<PathBuf>> {
    let dir = folder(ws.path());
    let name = format!("{}-{}.db", stem(ws.path()), ws.clock().today());
    if dir.join(&name).exists() {
        return Ok(None);
    }
    if let Some(problem) = ws.check()?.first() {
        return Err(Error::Workspace {
            path: ws.path().to_path_buf(),
            reason: format!("fails its integrity check ({problem}); no backup was taken"),
        });
    }
    let taken = backup::write_new(ws, &dir, [name])?;
    if taken.is_some() {
        prune(ws.path())?;
    }
    Ok(taken)
}

/// Deletes the daily copies the retention rule does not keep; returns what it deleted.
pub fn prune(workspace: &Path) -> Result<Vec<PathBuf>> {
    let daily: Vec<(NaiveDate, PathBuf)> = files(workspace)?
        .into_iter()
        .filter(|(taken, _)| taken.kind == BackupKind::Daily)
        .map(|(taken, path)| (taken.date, path))
        .collect();
    let dates: Vec<NaiveDate> = daily.iter().map(|(d, _)| *d).collect();
    let keep = retention::keep(&dates);
    let mut pruned = Vec::new();
    for (date, path) in daily {
        if !keep.contains(&date) {
            fs::remove_file(&path)?;
            pruned.push(path);
        }
    }
    Ok(pruned)
}

/// Takes a copy on request under a new timestamped name in the folder.
pub fn take_manual(ws: &Workspace) -> Result<PathBuf> {
    let names = timestamped_names(ws.path(), BackupKind::Manual, ws.clock().now());
    backup::write_new(ws, &folder(ws.path()), names)?
        .ok_or_else(|| Error::Conflict("too many backups taken in the same second".into()))
}

/// The workspace's backups, newest first, each checked (a damaged one carries its problem).
pub fn list(workspace: &Path) -> Result<Vec<BackupFile>> {
    let mut listed = Vec::new();
    for (Taken { kind, date, time }, path) in files(workspace)? {
        let size = fs::metadata(&path)?.len();
        let (counts, problem) = match backup::verify(&path) {
            Ok(counts) => (Some(counts), None),
            Err(Error::Workspace { reason, .. }) => (None, Some(reason)),
            Err(e) => (None, Some(e.to_string())),
        };
        listed.push(BackupFile {
            file: file_name(&path),
            path,
            kind,
            date,
            time,
            size,
            counts,
            problem,
        });
    }
    listed.sort_by(|a, b| (b.date, b.time, &b.file).cmp(&(a.date, a.time, &a.file)));
    Ok(listed)
}

/// The newest backup that passes its check.
pub fn latest_good(workspace: &Path) -> Result<Option<BackupFile>> {
    Ok(list(workspace)?.into_iter().find(|b| b.problem.is_none()))
}

/// The backup called `name` in the workspace's folder (a bare file name as listed; anything
/// else is refused).
pub fn named(workspace: &Path, name: &str) -> Result<PathBuf> {
    if parse_name(&stem(workspace), name).is_none() {
        return Err(Error::invalid(
            "backup",
            format!(
                "'{}' is not one of this workspace's backups",
                crate::error::abridged(name)
            ),
        ));
    }
    Ok(folder(workspace).join(name))
}

/// Restores the backup at `source` in place of the workspace at `workspace`. The backup is
/// checked first (refused untouched when it is not a sound Cadence workspace this version can
/// open); the current workspace is kept in the folder, then replaced in one step: through
/// SQLite's online backup when it is sound (other connections see the old or the new file,
/// never a mix), by renaming a fresh copy over it when it is damaged or missing.
pub fn restore(workspace: &Path, source: &Path, clock: Clock) -> Result<Restored> {
    backup::verify(source)?;
    if same_file(workspace, source) {
        return Err(Error::invalid(
            "file",
            format!("{} is the workspace itself", source.display()),
        ));
    }
    let dir = folder(workspace);
    let names = timestamped_names(workspace, BackupKind::BeforeRestore, clock.now());
    let too_many = || Error::Conflict("too many restores in the same second".into());
    let kept = match backup::health(workspace)? {
        Health::Missing => {
            backup::replace_file(workspace, source)?;
            None
        }
        Health::Sound => {
            let mut ws = Workspace::open(workspace, clock)?;
            let kept = backup::write_new(&ws, &dir, names)?.ok_or_else(too_many)?;
            backup::restore_into(&mut ws, source)?;
            Some(kept)
        }
        Health::Damaged(_) => {
            let kept = backup::copy_file_new(workspace, &dir, names)?.ok_or_else(too_many)?;
            backup::replace_file(workspace, source)?;
            Some(kept)
        }
    };
    // Opening migrates a backup from an older version, as for any workspace.
    drop(Workspace::open(workspace, clock)?);
    Ok(Restored {
        counts: backup::verify(workspace)?,
        kept,
    })
}

/// Every backup file of the workspace in its folder, with what its name says.
fn files(workspace: &Path) -> Result<Vec<(Taken, PathBuf)>> {
    let stem = stem(workspace);
    let entries = match fs::read_dir(folder(workspace)) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e.into()),
    };
    let mut found = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if let Some(taken) = parse_name(&stem, &file_name(&path)) {
            if path.is_file() {
                found.push((taken, path));
            }
        }
    }
    Ok(found)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_back_and_foreign_names_ignored() {
        let at = NaiveDateTime::parse_from_str("2026-11-23 10:15:00", "%Y-%m-%d %H:%M:%S").unwrap();
        let names: Vec<String> =
            timestamped_names(Path::new("/d/cadence.db"), BackupKind::Manual, at)
                .take(2)
                .collect();
        assert_eq!(
            names,
            [
                "cadence-manual-20261123-101500.db",
                "cadence-manual-20261123-101500-2.db"
            ]
        );
        for name in &names {
            assert_eq!(
                parse_name("cadence", name),
                Some(Taken {
                    kind: BackupKind::Manual,
                    date: at.date(),
                    time: Some(at.time())
                })
            );
        }
        assert_eq!(
            parse_name("cadence", "cadence-before-restore-20261123-101500.db"),
            Some(Taken {
                kind: BackupKind::BeforeRestore,
                date: at.date(),
                time: Some(at.time())
            })
        );
        assert_eq!(
            parse_name("cadence", "cadence-2026-11-23.db"),
            Some(Taken {
                kind: BackupKind::Daily,
                date: at.date(),
                time: None
            })
        );
        for other in [
            "cadence-2026-02-30.db",
            "other-2026-11-23.db",
            "cadence-2026-11-23.db-wal",
            "cadence-manual-20261123-1015.db",
            "cadence-manual-20261123-101500-x.db",
            "../cadence-2026-11-23.db",
            ".cadence-backup-abc",
        ] {
            assert_eq!(parse_name("cadence", other), None, "{other}");
        }
    }
}
