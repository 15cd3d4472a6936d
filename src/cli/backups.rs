//! `cadence backup | backups | restore`, and the automatic daily backup of writing commands.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{print_json, table};
use cadence::calendar::Clock;
use cadence::error::Result;
use cadence::store::Workspace;
use cadence::usecases::backups::{self, BackupFile};

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy (default: a new dated file in the backups folder beside the
    /// workspace).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Replace an existing file that is not a SQLite database.
    #[arg(long, requires = "out")]
    force: bool,
}

pub fn backup(ws: &Workspace, a: &BackupArgs, out: &mut dyn Write) -> Result<()> {
    let target = match &a.out {
        Some(path) => {
            ws.backup(path, a.force)?;
            path.clone()
        }
        None => backups::take_manual(ws)?,
    };
    writeln!(out, "backup written to {}", target.display())?;
    Ok(())
}

#[derive(Debug, Args)]
pub struct BackupsArgs {
    #[arg(long)]
    json: bool,
}

/// Lists the workspace's backups without opening the workspace (it may be the damaged one).
pub fn list(workspace: &Path, a: &BackupsArgs, out: &mut dyn Write) -> Result<()> {
    let listed = backups::list(workspace)?;
    if a.json {
        return print_json(out, &listed);
    }
    let folder = backups::folder(workspace);
    if listed.is_empty() {
        writeln!(out, "no backups yet in {}", folder.display())?;
        return Ok(());
    }
    writeln!(out, "backups in {}", folder.display())?;
    let mut t = table::new(&[
        "FILE",
        "TAKEN",
        "KIND",
        "SIZE",
        "PEOPLE",
        "INITIATIVES",
        "CHECK-INS",
        "BLOCKERS",
        "DECISIONS",
    ]);
    for b in &listed {
        let mut row = vec![b.file.clone(), taken(b), kind(b).into(), size(b.size)];
        match (&b.counts, &b.problem) {
            (Some(c), _) => row.extend(
                [c.people, c.initiatives, c.checkins, c.blockers, c.decisions]
                    .map(|n| n.to_string()),
            ),
            (None, problem) => row.push(format!(
                "damaged: {}",
                problem.as_deref().unwrap_or("unreadable")
            )),
        }
        t.add_row(row);
    }
    writeln!(out, "{t}")?;
    Ok(())
}

fn taken(b: &BackupFile) -> String {
    match b.time {
        Some(t) => format!("{} {}", b.date, t.format("%H:%M:%S")),
        None => b.date.to_string(),
    }
}

fn kind(b: &BackupFile) -> &'static str {
    match b.kind {
        backups::BackupKind::Daily => "daily",
        backups::BackupKind::Manual => "manual",
        backups::BackupKind::BeforeRestore => "before restore",
    }
}

/// A size in bytes as people read it (1 KiB = 1024 bytes).
fn size(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} B"),
        1024..1_048_576 => format!("{} KiB", bytes.div_ceil(1024)),
        _ => format!("{:.1} MiB", bytes as f64 / 1_048_576.0),
    }
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup: a path, or a file name as `cadence backups` lists it.
    file: PathBuf,
}

/// Restores a backup in place of the workspace, keeping the current one in the folder.
pub fn restore(workspace: &Path, clock: Clock, a: &RestoreArgs, out: &mut dyn Write) -> Result<()> {
    let source = if a.file.exists() || a.file.components().count() > 1 {
        a.file.clone()
    } else {
        backups::named(workspace, &a.file.to_string_lossy())?
    };
    let restored = backups::restore(workspace, &source, clock)?;
    let c = restored.counts;
    writeln!(
        out,
        "restored {} into {} ({} initiatives, {} people, {} check-ins)",
        source.display(),
        workspace.display(),
        c.initiatives,
        c.people,
        c.checkins
    )?;
    if let Some(kept) = restored.kept {
        writeln!(out, "the workspace as it was is kept in {}", kept.display())?;
    }
    Ok(())
}

/// Takes the day's automatic backup before a writing command; a failure is a warning on
/// standard error, never the command's failure.
pub fn daily(ws: &Workspace) {
    if let Err(e) = backups::take_daily(ws) {
        eprintln!(
            "warning: the automatic backup of {} failed: {e}",
            ws.path().display()
        );
    }
}
