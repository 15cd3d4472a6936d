//! The workspace file the app works on, and its connections kept open for the window's life:
//! one writer, and readers as many as commands read at once (the reminder scheduler and the
//! tray's notice use them too). Each is opened by the core
//! ([`Workspace::open`], with its pragmas and its fallbacks) and reused while the file stays
//! the same file; changes made meanwhile by the CLI show on the next read (each read is its
//! own transaction), and "today" is read afresh for every command.
//!
//! A connection is opened again, rather than reused, when the file was replaced, moved or
//! deleted since (its identity changed), when it was restored from a backup, after a command
//! failed on it, and when it could only be opened for reading (a full disk, a read-only
//! file), so writing works again as soon as the file can be written.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use cadence::calendar::Clock;
use cadence::store::{resolve_path, Workspace};
use cadence::usecases::backups;

use crate::error::AppError;

/// The workspace file: `CADENCE_DB` when set, else the CLI's default.
pub struct WorkspaceFile {
    path: PathBuf,
    open: Arc<Connections>,
}

/// The connections kept open on the file.
#[derive(Default)]
struct Connections {
    /// The one connection commands that write use, one command at a time.
    writer: Mutex<Option<Kept>>,
    /// Idle connections for commands that only read.
    readers: Mutex<Vec<Kept>>,
    /// Bumped when the file is restored: connections opened before it are not reused.
    generation: AtomicU64,
}

/// An open workspace with what it was opened on.
struct Kept {
    ws: Workspace,
    file: Option<FileId>,
    generation: u64,
}

/// What tells one file from another at the same path: its device and inode.
#[cfg(unix)]
type FileId = (u64, u64);

/// What tells one file from another at the same path: when it was created.
#[cfg(not(unix))]
type FileId = std::time::SystemTime;

/// The identity of the file at `path`, when there is one.
fn file_id(path: &Path) -> Option<FileId> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        meta.created().ok()
    }
}

/// How a command gets its workspace when no kept connection can serve it.
type Open = fn(&Path, Clock) -> cadence::Result<Workspace>;

/// A lock whatever a panicking holder left: the kept connections stay usable.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Connections {
    /// `kept` when it may serve another command on `path`, else a fresh workspace from `open`;
    /// "today" set from the environment either way.
    fn ready(&self, kept: Option<Kept>, path: &Path, open: Open) -> cadence::Result<Kept> {
        let clock = Clock::from_env()?;
        let generation = self.generation.load(Ordering::SeqCst);
        let file = file_id(path);
        if let Some(mut kept) =
            kept.filter(|k| k.generation == generation && k.file.is_some() && k.file == file)
        {
            kept.ws.set_clock(clock);
            return Ok(kept);
        }
        let ws = open(path, clock)?;
        Ok(Kept {
            file: file_id(path),
            ws,
            generation,
        })
    }

    /// Whether `kept`, after a command ended with `ok`, may serve the next one.
    fn reusable(&self, kept: &Kept, ok: bool) -> bool {
        ok && kept.ws.read_only().is_none()
            && kept.generation == self.generation.load(Ordering::SeqCst)
    }
}

impl WorkspaceFile {
    /// The file the CLI would open in this environment; nothing is opened yet.
    pub fn from_env() -> Self {
        WorkspaceFile {
            path: resolve_path(None),
            open: Arc::default(),
        }
    }

    /// The workspace file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` on the workspace's writing connection on a blocking thread (opening the
    /// existing workspace when none is kept); commands that change the workspace use this.
    pub async fn with<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Workspace) -> cadence::Result<T> + Send + 'static,
    {
        self.write(Workspace::open, f).await
    }

    /// Like [`WorkspaceFile::with`], first creating the workspace when it is missing: the
    /// app's first run, where the welcome screen offers an empty workspace or the sample.
    pub async fn with_created<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Workspace) -> cadence::Result<T> + Send + 'static,
    {
        self.write(Workspace::open_or_create, f).await
    }

    /// Runs `f` on a reading connection on a blocking thread, beside other readers and the
    /// writer; commands that only read use this.
    pub async fn read<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&Workspace) -> cadence::Result<T> + Send + 'static,
    {
        let path = self.path.clone();
        let open = Arc::clone(&self.open);
        tauri::async_runtime::spawn_blocking(move || {
            let idle = lock(&open.readers).pop();
            let kept = open.ready(idle, &path, Workspace::open)?;
            let result = f(&kept.ws);
            if open.reusable(&kept, result.is_ok()) {
                lock(&open.readers).push(kept);
            }
            result
        })
        .await?
        .map_err(AppError::from)
    }

    async fn write<T, F>(&self, open_with: Open, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Workspace) -> cadence::Result<T> + Send + 'static,
    {
        let path = self.path.clone();
        let open = Arc::clone(&self.open);
        tauri::async_runtime::spawn_blocking(move || {
            let mut writer = lock(&open.writer);
            let mut kept = open.ready(writer.take(), &path, open_with)?;
            let result = f(&mut kept.ws);
            if open.reusable(&kept, result.is_ok()) {
                *writer = Some(kept);
            }
            result
        })
        .await?
        .map_err(AppError::from)
    }

    /// Runs `f` on the file's path and the clock on a blocking thread, without opening the
    /// workspace (it may be damaged): checking it, listing its backups.
    pub async fn at_path<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&Path, Clock) -> cadence::Result<T> + Send + 'static,
    {
        let path = self.path.clone();
        tauri::async_runtime::spawn_blocking(move || f(&path, Clock::from_env()?))
            .await?
            .map_err(AppError::from)
    }

    /// Like [`WorkspaceFile::at_path`] for what puts another file in the workspace's place
    /// (restoring a backup): every kept connection is closed first, none is opened meanwhile,
    /// and the next command opens the file afresh (migrating an older backup).
    pub async fn replacing<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&Path, Clock) -> cadence::Result<T> + Send + 'static,
    {
        let path = self.path.clone();
        let open = Arc::clone(&self.open);
        tauri::async_runtime::spawn_blocking(move || {
            let mut writer = lock(&open.writer);
            open.generation.fetch_add(1, Ordering::SeqCst);
            writer.take();
            lock(&open.readers).clear();
            f(&path, Clock::from_env()?)
        })
        .await?
        .map_err(AppError::from)
    }

    /// Closes every kept connection (the app is exiting): SQLite folds its write-ahead log
    /// back into the file as the last one closes.
    pub fn close(&self) {
        lock(&self.open.writer).take();
        lock(&self.open.readers).clear();
    }

    /// Takes the day's automatic backup, as a writing CLI command does; a failure is logged,
    /// never shown as the app's failure. Blocks: run it on a blocking thread.
    pub fn take_daily_backup(&self) {
        if !self.path.is_file() {
            return;
        }
        let taken = Clock::from_env()
            .and_then(|clock| Workspace::open(&self.path, clock))
            .and_then(|ws| backups::take_daily(&ws));
        match taken {
            Ok(Some(copy)) => log::info!("automatic backup written to {}", copy.display()),
            Ok(None) => {}
            Err(e) => log::warn!(
                "the automatic backup of {} failed: {e}",
                self.path.display()
            ),
        }
    }
}
