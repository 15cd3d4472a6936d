//! The native open dialog, owned by the Rust side: the page says what it wants to read, but
//! only the person, in the dialog, chooses which file the app reads.

use std::path::PathBuf;

use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::error::AppError;

/// What the dialog asks for.
pub struct OpenRequest<'a> {
    /// The dialog's title (the end-to-end tests find the dialog by it).
    pub title: &'a str,
    /// The file type shown in the dialog's filter, and its extensions.
    pub filter: (&'a str, &'a [&'a str]),
}

/// Shows the open dialog over the main window on a blocking thread; the chosen path, or
/// `None` when the person cancelled.
pub async fn ask(app: &AppHandle, request: OpenRequest<'_>) -> Result<Option<PathBuf>, AppError> {
    let (filter_name, extensions) = request.filter;
    let mut dialog = app
        .dialog()
        .file()
        .set_title(request.title)
        .add_filter(filter_name, extensions);
    if let Some(window) = app.get_webview_window("main") {
        dialog = dialog.set_parent(&window);
    }
    let chosen = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file()).await?;
    chosen
        .map(|path| {
            path.into_path()
                .map_err(|e| AppError::internal(format!("the chosen file: {e}")))
        })
        .transpose()
}
