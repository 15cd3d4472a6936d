//! Sending any review's update: copied (kept as sent) or saved to a file the person chose.

use tauri::AppHandle;

use cadence::model::Format;
use cadence::model::ReviewKind;
use cadence::model::StoredReview;

use super::File;
use crate::error::AppError;
use crate::save_dialog::{self, SaveRequest};

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

/// Asks in the save dialog where to save the `kind` update of `period` in `format`
/// (`suggested_name`, without its extension, is only offered), then writes it there and keeps
/// it as sent; where it went, or `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_update(
    app: AppHandle,
    file: File<'_>,
    kind: ReviewKind,
    period: Option<String>,
    format: Format,
    suggested_name: String,
) -> Result<Option<String>, AppError> {
    let title = format!("Save the {} update", kind.as_str());
    let name = format!("{suggested_name}.{format}");
    let request = SaveRequest {
        title: &title,
        suggested_name: &name,
        filter: (file_type(format), format.as_str()),
    };
    let Some(path) = save_dialog::ask(&app, request).await? else {
        return Ok(None);
    };
    file.with(move |ws| {
        ws.save_update(kind, period.as_deref(), format, &path, true)
            .map(|_| path.display().to_string())
    })
    .await
    .map(Some)
}

/// What a format's files are called in the save dialog's filter.
fn file_type(format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown",
        Format::Html => "Web page",
        Format::Text => "Plain text",
        Format::Json => "JSON",
    }
}
