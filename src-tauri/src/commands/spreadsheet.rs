//! Spreadsheets: importing initiatives from a CSV file chosen in the open dialog (a preview of
//! every row with its problems, then all rows or none), and the list as CSV for the clipboard.

use cadence::store::InitiativeFilter;
use cadence::usecases::spreadsheet::{DateOrder, SheetImport};
use serde::Serialize;
use tauri::AppHandle;

use super::File;
use crate::chosen_sheet::ChosenSheet;
use crate::error::AppError;
use crate::open_dialog::{self, OpenRequest};

type Chosen<'a> = tauri::State<'a, ChosenSheet>;

/// A spreadsheet read for import: the chosen file's name and each row with its problems.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SpreadsheetPreview {
    pub file_name: String,
    pub sheet: SheetImport,
}

/// Asks which spreadsheet (CSV) to import, reads it and previews it: nothing is written. None
/// when the person cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_spreadsheet(
    app: AppHandle,
    file: File<'_>,
    chosen: Chosen<'_>,
) -> Result<Option<SpreadsheetPreview>, AppError> {
    let request = OpenRequest {
        title: "Import from a spreadsheet",
        filter: ("CSV file", &["csv", "CSV", "txt"]),
    };
    let Some(path) = open_dialog::ask(&app, request).await? else {
        return Ok(None);
    };
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let bytes = tauri::async_runtime::spawn_blocking(move || {
        std::fs::read(&path).map_err(|e| {
            cadence::Error::invalid("file", format!("cannot read {}: {e}", path.display()))
        })
    })
    .await??;
    chosen.keep(name, bytes);
    preview(&file, &chosen, None, false).await.map(Some)
}

/// The chosen spreadsheet previewed again, reading its dates in `date_order`.
#[tauri::command]
#[specta::specta]
pub async fn preview_spreadsheet(
    file: File<'_>,
    chosen: Chosen<'_>,
    date_order: Option<DateOrder>,
) -> Result<SpreadsheetPreview, AppError> {
    preview(&file, &chosen, date_order, false).await
}

/// Imports the chosen spreadsheet: every row, or none when one is refused (the rows then carry
/// their problems).
#[tauri::command]
#[specta::specta]
pub async fn import_spreadsheet(
    file: File<'_>,
    chosen: Chosen<'_>,
    date_order: Option<DateOrder>,
) -> Result<SpreadsheetPreview, AppError> {
    let done = preview(&file, &chosen, date_order, true).await?;
    if done.sheet.written {
        chosen.clear();
    }
    Ok(done)
}

/// The initiatives matching `filter` as CSV for a spreadsheet.
#[tauri::command]
#[specta::specta]
pub async fn initiatives_csv(file: File<'_>, filter: InitiativeFilter) -> Result<String, AppError> {
    file.read(move |ws| ws.initiatives_csv(&filter)).await
}

async fn preview(
    file: &File<'_>,
    chosen: &ChosenSheet,
    date_order: Option<DateOrder>,
    write: bool,
) -> Result<SpreadsheetPreview, AppError> {
    let (file_name, bytes) = chosen.get().ok_or_else(|| {
        AppError::from(cadence::Error::invalid(
            "file",
            "no spreadsheet is chosen; choose one first",
        ))
    })?;
    let sheet = file
        .with(move |ws| ws.import_sheet(&bytes, date_order, write))
        .await?;
    Ok(SpreadsheetPreview { file_name, sheet })
}
