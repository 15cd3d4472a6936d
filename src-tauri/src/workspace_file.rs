//! The workspace file the app works on. Each command opens it afresh on a blocking thread, so
//! changes made meanwhile by the CLI show on the next read and "today" is always current.

use std::path::{Path, PathBuf};

use cadence::calendar::Clock;
use cadence::store::{resolve_path, Workspace};
use cadence::usecases::backups;

use crate::error::AppError;

/// The workspace file: `CADENCE_DB` when set, else the CLI's default.
pub struct WorkspaceFile {
    path: PathBuf,
}

impl WorkspaceFile {
    /// The file the CLI would open in this environment.
    pub fn from_env() -> Self {
        WorkspaceFile {
            path: resolve_path(None),
        }
    }

    /// The workspace file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Opens the existing workspace (today from `CADENCE_TODAY` or the system clock) and
    /// runs `f` on it on a blocking thread.
    pub async fn with<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Workspace) -> cadence::Result<T> + Send + 'static,
    {
        self.run(Workspace::open, f).await
    }

    /// Like [`WorkspaceFile::with`], first creating the workspace when it is missing: the
    /// app's first run, where the welcome screen offers an empty workspace or the sample.
    pub async fn with_created<T, F>(&self, f: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Workspace) -> cadence::Result<T> + Send + 'static,
    {
        self.run(Workspace::open_or_create, f).await
    }

    async fn run<T, F>(
        &self,
        open: fn(&std::path::Path, Clock) -> cadence::Result<Workspace>,
        f: F,
    ) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Workspace) -> cadence::Result<T> + Send + 'static,
    {
        let path = self.path.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut ws = open(&path, Clock::from_env()?)?;
            f(&mut ws)
        })
        .await?
        .map_err(AppError::from)
    }

    /// Runs `f` on the file's path and the clock on a blocking thread, without opening the
    /// workspace (it may be damaged): checking it, listing its backups, restoring one.
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
