//! The native save dialog, owned by the Rust side: the page says what to save and may suggest
//! a file name, but only the person, in the dialog, chooses where a file is written.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::error::AppError;

/// What the dialog asks for.
pub struct SaveRequest<'a> {
    /// The dialog's title (the end-to-end tests find the dialog by it).
    pub title: &'a str,
    /// The file name offered; any folder in it is dropped, so the page cannot point anywhere.
    pub suggested_name: &'a str,
    /// The file type shown in the dialog's filter, and its extension.
    pub filter: (&'a str, &'a str),
}

/// Shows the save dialog over the main window on a blocking thread; the chosen path, or `None`
/// when the person cancelled.
pub async fn ask(app: &AppHandle, request: SaveRequest<'_>) -> Result<Option<PathBuf>, AppError> {
    let (filter_name, extension) = request.filter;
    let mut dialog = app
        .dialog()
        .file()
        .set_title(request.title)
        .add_filter(filter_name, &[extension]);
    if let Some(name) = Path::new(request.suggested_name).file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file()).await?;
    chosen
        .map(|path| {
            path.into_path()
                .map_err(|e| AppError::internal(format!("the chosen file: {e}")))
        })
        .transpose()
}
