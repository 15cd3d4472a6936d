//! Sending any review's update: copied (kept as sent) or saved to a file the person chose.

use cadence::model::StoredReview;
use cadence::render::Format;
use cadence::updates::ReviewKind;

use super::File;
use crate::error::AppError;

/// Renders the `kind` update of `period` (the current one when absent) in `format` and keeps
/// it as sent; the UI copies the returned body.
#[tauri::command]
#[specta::specta]
pub async fn export_update(
    file: File<'_>,
    kind: ReviewKind,
    period: Option<String>,
    format: Format,
) -> Result<StoredReview, AppError> {
    file.with(move |ws| ws.export_update(kind, period.as_deref(), format))
        .await
}

/// Writes the `kind` update of `period` in `format` to `path` (chosen in the save dialog,
/// which has already asked before replacing a file) and keeps it as sent.
#[tauri::command]
#[specta::specta]
pub async fn save_update(
    file: File<'_>,
    kind: ReviewKind,
    period: Option<String>,
    format: Format,
    path: String,
) -> Result<StoredReview, AppError> {
    file.with(move |ws| ws.save_update(kind, period.as_deref(), format, path.as_ref(), true))
        .await
}
