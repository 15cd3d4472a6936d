//! The monthly roadmap: the review with its timeline, and the decisions waiting on it.

use cadence::calendar::Month;
use cadence::model::{Decision, Id};
use cadence::render::timeline::Zoom;
use cadence::usecases::roadmap_view::RoadmapView;

use super::File;
use crate::error::AppError;

/// The Roadmap view of `month` (`YYYY-MM`; the current month when absent) at `zoom`.
#[tauri::command]
#[specta::specta]
pub async fn roadmap(
    file: File<'_>,
    month: Option<String>,
    zoom: Zoom,
) -> Result<RoadmapView, AppError> {
    file.read(move |ws| {
        let month = month.map(|m| Month::parse("month", &m)).transpose()?;
        ws.roadmap(month, zoom)
    })
    .await
}

/// Records a question the leadership must answer by `needed_by`, its decider and the
/// initiative it concerns.
#[tauri::command]
#[specta::specta]
pub async fn add_decision(
    file: File<'_>,
    question: String,
    owner: String,
    needed_by: String,
    initiative_id: Option<Id>,
) -> Result<Decision, AppError> {
    file.with(move |ws| ws.add_decision(&question, &owner, &needed_by, initiative_id))
        .await
}

/// Closes decision `id` with its outcome, today.
#[tauri::command]
#[specta::specta]
pub async fn close_decision(file: File<'_>, id: Id, outcome: String) -> Result<Decision, AppError> {
    file.with(move |ws| ws.close_decision(id, &outcome)).await
}

/// Links decision `id` to an initiative, or unlinks it.
#[tauri::command]
#[specta::specta]
pub async fn link_decision(
    file: File<'_>,
    id: Id,
    initiative_id: Option<Id>,
) -> Result<Decision, AppError> {
    file.with(move |ws| ws.link_decision(id, initiative_id))
        .await
}
