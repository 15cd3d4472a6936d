//! The workspace itself: what file is open, the sample company, backups.

use chrono::NaiveDate;
use serde::Serialize;

use cadence::calendar::IsoWeek;

use super::File;
use crate::error::AppError;

/// Which workspace the app is on and what day it is there.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct WorkspaceInfo {
    /// The workspace file.
    pub path: String,
    pub today: NaiveDate,
    pub week: IsoWeek,
    /// No people and no initiatives yet: the app shows its welcome.
    pub empty: bool,
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

/// Writes a consistent copy of the workspace to `path` (a file that does not exist yet).
#[tauri::command]
#[specta::specta]
pub async fn save_backup(file: File<'_>, path: String) -> Result<(), AppError> {
    file.with(move |ws| ws.backup(path.as_ref(), false)).await
}
