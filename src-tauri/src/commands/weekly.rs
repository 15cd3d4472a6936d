//! The weekly status: what the app shows of the review, its update, past weeks' updates as
//! sent.

use cadence::calendar::IsoWeek;
use cadence::model::Format;
use cadence::model::StoredReview;
use cadence::narrative::Update;
use cadence::usecases::weekly_view::{KeptWeek, WeeklyView};

use super::File;
use crate::error::AppError;

/// `week` (`YYYY-Www`) checked, or the current week when absent.
fn week_of(week: Option<&str>) -> cadence::Result<Option<IsoWeek>> {
    week.map(|w| IsoWeek::parse("week", w)).transpose()
}

/// What the app shows of the weekly review of `week` (the current week when absent).
#[tauri::command]
#[specta::specta]
pub async fn weekly_view(file: File<'_>, week: Option<String>) -> Result<WeeklyView, AppError> {
    file.read(move |ws| ws.weekly_view(week_of(week.as_deref())?))
        .await
}

/// The update the weekly review of `week` (the current week when absent) writes.
#[tauri::command]
#[specta::specta]
pub async fn weekly_update_preview(
    file: File<'_>,
    week: Option<String>,
) -> Result<Update, AppError> {
    file.read(move |ws| ws.weekly_update_preview(week_of(week.as_deref())?))
        .await
}

/// Every weekly update kept, the latest week first.
#[tauri::command]
#[specta::specta]
pub async fn kept_weeks(file: File<'_>) -> Result<Vec<KeptWeek>, AppError> {
    file.read(|ws| ws.kept_weeks()).await
}

/// The update kept for `week` in `format`, exactly as it was sent.
#[tauri::command]
#[specta::specta]
pub async fn sent_weekly(
    file: File<'_>,
    week: String,
    format: Format,
) -> Result<StoredReview, AppError> {
    file.read(move |ws| ws.sent_weekly(IsoWeek::parse("week", &week)?, format))
        .await
}
