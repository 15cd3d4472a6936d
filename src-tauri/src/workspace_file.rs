//! The workspace file the app works on. Each command opens it afresh on a blocking thread, so
//! changes made meanwhile by the CLI show on the next read and "today" is always current.

use std::path::PathBuf;

use cadence::calendar::Clock;
use cadence::store::{resolve_path, Workspace};

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
}
