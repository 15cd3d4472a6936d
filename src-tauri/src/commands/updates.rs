//! Sending any review's update: copied to the clipboard or saved to a file the person chose;
//! either way kept as sent once it went out.

use tauri::AppHandle;
use tauri_plugin_clipboard_manager::ClipboardExt;

use cadence::model::Format;
use cadence::model::ReviewKind;
use cadence::render::timeline::Zoom;
use cadence::usecases::send_update::UpdateOptions;

use super::File;
use crate::error::AppError;
use crate::save_dialog::{self, SaveRequest};

/// Copies the `kind` update of `period` (the current one when absent; a monthly page's
/// timeline at `zoom`, by default the quarter) to the clipboard as rich text with its
/// plain-text alternative, and keeps both as sent once the copy succeeded.
#[tauri::command]
#[specta::specta]
pub async fn copy_update(
    app: AppHandle,
    file: File<'_>,
    kind: ReviewKind,
    period: Option<String>,
    zoom: Option<Zoom>,
) -> Result<(), AppError> {
    file.with(move |ws| {
        let zoom = zoom.unwrap_or_default();
        ws.copy_update(kind, period.as_deref(), zoom, |html, text| {
            app.clipboard().write_html(html, Some(text)).map_err(|e| {
                cadence::Error::Conflict(format!("the update could not be copied: {e}"))
            })
        })
        .map(drop)
    })
    .await
}

/// Asks in the save dialog where to save the `kind` update of `period` in `format` (a
/// monthly page's timeline at `zoom`, by default the quarter)
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
    zoom: Option<Zoom>,
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
        let options = UpdateOptions {
            format,
            zoom: zoom.unwrap_or_default(),
        };
        ws.save_update(kind, period.as_deref(), options, ("path", &path), true)
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
