//! Week-to-week activity on an initiative: check-ins and blockers.

use cadence::model::{Blocker, Id, NewCheckIn, RecordedCheckIn};

use super::File;
use crate::error::AppError;

/// Records the owner's check-in (this ISO week unless `week` says otherwise), with the one it
/// replaced for the same week.
#[tauri::command]
#[specta::specta]
pub async fn record_checkin(
    file: File<'_>,
    checkin: NewCheckIn,
) -> Result<RecordedCheckIn, AppError> {
    file.with(move |ws| ws.checkin(&checkin)).await
}

/// Records what blocks initiative `initiative_id` and the one person who removes it.
#[tauri::command]
#[specta::specta]
pub async fn add_blocker(
    file: File<'_>,
    initiative_id: Id,
    text: String,
    owner: String,
    since: Option<String>,
) -> Result<Blocker, AppError> {
    file.with(move |ws| ws.add_blocker(initiative_id, &text, &owner, since.as_deref()))
        .await
}

/// Marks blocker `id` resolved today.
#[tauri::command]
#[specta::specta]
pub async fn resolve_blocker(file: File<'_>, id: Id) -> Result<Blocker, AppError> {
    file.with(move |ws| ws.resolve_blocker(id)).await
}
