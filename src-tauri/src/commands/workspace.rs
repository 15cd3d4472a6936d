//! The workspace itself: what file is open, the sample company, backups and restoring one.

use chrono::NaiveDate;
use serde::Serialize;
use tauri::AppHandle;

use cadence::calendar::IsoWeek;
use cadence::store::backup::Counts;
use cadence::store::schema;
use cadence::usecases::backups::{self, BackupFile, WorkspaceCheck};

use super::File;
use crate::error::AppError;
use crate::save_dialog::{self, SaveRequest};

/// Which workspace the app is on and what day it is there, and which Cadence this is.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct WorkspaceInfo {
    /// The workspace file.
    pub path: String,
    pub today: NaiveDate,
    pub week: IsoWeek,
    /// No people and no initiatives yet: the app shows its welcome.
    pub empty: bool,
    /// This build's version, which the About dialog shows.
    pub version: String,
    /// The workspace schema version this build reads and writes.
    pub schema_version: i32,
}

/// The open workspace: its file, today, this ISO week, and whether it is empty.
#[tauri::command]
#[specta::specta]
pub async fn workspace_info(file: File<'_>) -> Result<WorkspaceInfo, AppError> {
    // The app asks this first, so on a first run this creates the workspace.
    file.with_created(|ws| {
        let today = ws.clock().today();
        Ok(WorkspaceInfo {
            path: ws.path().display().to_string(),
            today,
            week: IsoWeek::of(today),
            empty: ws.is_empty()?,
            version: cadence::VERSION.into(),
            schema_version: schema::latest_version().try_into().unwrap_or(i32::MAX),
        })
    })
    .await
}

/// Fills an empty workspace with the sample company.
#[tauri::command]
#[specta::specta]
pub async fn load_sample(file: File<'_>) -> Result<(), AppError> {
    file.with(|ws| ws.load_sample(false)).await
}

/// Asks in the save dialog where to save a backup (`suggested_name` is only offered), then
/// writes a consistent copy of the workspace there; where it went, or `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_backup(
    app: AppHandle,
    file: File<'_>,
    suggested_name: String,
) -> Result<Option<String>, AppError> {
    let request = SaveRequest {
        title: "Save a backup of the workspace",
        suggested_name: &suggested_name,
        filter: ("Cadence workspace", "db"),
    };
    let Some(path) = save_dialog::ask(&app, request).await? else {
        return Ok(None);
    };
    // The dialog has asked before replacing a file; a database is still never written over.
    file.with(move |ws| ws.backup(&path, true).map(|()| path.display().to_string()))
        .await
        .map(Some)
}

/// Whether the workspace file is sound and, when it is damaged, the newest good backup.
#[tauri::command]
#[specta::specta]
pub async fn workspace_check(file: File<'_>) -> Result<WorkspaceCheck, AppError> {
    file.at_path(|path, _| backups::check_workspace(path)).await
}

/// The workspace's backups, newest first, each with what it holds or why it is damaged.
#[tauri::command]
#[specta::specta]
pub async fn backups(file: File<'_>) -> Result<Vec<BackupFile>, AppError> {
    file.at_path(|path, _| backups::list(path)).await
}

/// Restores the backup `name` (a file name as listed) in place of the workspace, keeping the
/// current one in the backups folder; what the workspace holds now.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(file: File<'_>, name: String) -> Result<Counts, AppError> {
    file.replacing(move |path, clock| {
        let source = backups::named(path, &name)?;
        backups::restore(path, &source, clock).map(|r| r.counts)
    })
    .await
}
