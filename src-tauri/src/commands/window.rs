//! The window itself: printing what it shows.

use crate::error::AppError;

/// Opens the system's print dialog for what the window shows (the page's print stylesheet
/// applies). `window.print()` does nothing in the Linux webview, so the shell asks it.
#[tauri::command]
#[specta::specta]
pub async fn print_window(window: tauri::WebviewWindow) -> Result<(), AppError> {
    window.print().map_err(AppError::from)
}
