//! Initiatives: the board, the list, one initiative with everything around it, adding and
//! editing (every change logged with its reason).

use cadence::model::{Id, Initiative, InitiativePatch, NewInitiative};
use cadence::review::board::Board;
use cadence::store::{InitiativeDetail, InitiativeFilter};

use super::File;
use crate::error::AppError;

/// The board as of today.
#[tauri::command]
#[specta::specta]
pub async fn board(file: File<'_>) -> Result<Board, AppError> {
    file.read(|ws| ws.board()).await
}

/// Initiatives matching `filter`, by priority.
#[tauri::command]
#[specta::specta]
pub async fn initiatives(
    file: File<'_>,
    filter: InitiativeFilter,
) -> Result<Vec<Initiative>, AppError> {
    file.read(move |ws| ws.initiatives(&filter)).await
}

/// Initiative `id` with its history, slips, check-ins, blockers and decisions.
#[tauri::command]
#[specta::specta]
pub async fn initiative_detail(file: File<'_>, id: Id) -> Result<InitiativeDetail, AppError> {
    file.read(move |ws| ws.initiative_detail(id)).await
}

/// Creates an initiative.
#[tauri::command]
#[specta::specta]
pub async fn add_initiative(
    file: File<'_>,
    initiative: NewInitiative,
) -> Result<Initiative, AppError> {
    file.with(move |ws| ws.add_initiative(&initiative)).await
}

/// Applies `patch` to initiative `id`, logging every changed field with `reason`.
#[tauri::command]
#[specta::specta]
pub async fn edit_initiative(
    file: File<'_>,
    id: Id,
    patch: InitiativePatch,
    reason: Option<String>,
) -> Result<Initiative, AppError> {
    file.with(move |ws| ws.edit_initiative(id, &patch, reason.as_deref()))
        .await
}
