//! Releases: the Releases view, one release with its go/no-go sheet, and everything recorded
//! on a release (scope, freeze, rehearsals, the go/no-go call, slips, the outcome, pain).

use cadence::model::Id;
use cadence::release::sheet::Sheet;
use cadence::release::{EventKind, PainBucket, Release};
use cadence::store::{NewDecision, NewEvent, NewRelease};
use cadence::usecases::releases_view::{ReleasePage, ReleasesView};

use super::File;
use crate::error::AppError;

/// Every release with its status, next date and readiness; the pain ranking; rescue mode.
#[tauri::command]
#[specta::specta]
pub async fn releases(file: File<'_>) -> Result<ReleasesView, AppError> {
    file.read(|ws| ws.releases_view()).await
}

/// Release `id` with its go/no-go sheet and rehearsal trend.
#[tauri::command]
#[specta::specta]
pub async fn release(file: File<'_>, id: Id) -> Result<ReleasePage, AppError> {
    file.read(move |ws| ws.release_page(id)).await
}

/// The go/no-go sheet of release `id`: the five questions with Cadence's evidence.
#[tauri::command]
#[specta::specta]
pub async fn release_check(file: File<'_>, id: Id) -> Result<Sheet, AppError> {
    file.read(move |ws| ws.release_sheet(id)).await
}

/// Adds a release: the one problem it fixes, its dates and its three owners.
#[tauri::command]
#[specta::specta]
pub async fn add_release(file: File<'_>, release: NewRelease) -> Result<Release, AppError> {
    file.with(move |ws| ws.add_release(&release)).await
}

/// Puts initiative `initiative` in release `id`'s scope (a reason is required after the
/// freeze).
#[tauri::command]
#[specta::specta]
pub async fn include_in_release(
    file: File<'_>,
    id: Id,
    initiative: Id,
    reason: Option<String>,
    risky: bool,
) -> Result<Release, AppError> {
    file.with(move |ws| ws.include_in_release(id, initiative, reason.as_deref(), risky))
        .await
}

/// Cuts initiative `initiative` from release `id`'s scope, saying why.
#[tauri::command]
#[specta::specta]
pub async fn cut_from_release(
    file: File<'_>,
    id: Id,
    initiative: Id,
    reason: String,
) -> Result<Release, AppError> {
    file.with(move |ws| ws.cut_from_release(id, initiative, &reason))
        .await
}

/// Freezes release `id`'s scope (testing starts).
#[tauri::command]
#[specta::specta]
pub async fn freeze_release(file: File<'_>, id: Id) -> Result<Release, AppError> {
    file.with(move |ws| ws.freeze_release(id)).await
}

/// Logs a rollback rehearsal of release `id` (`on` today when absent).
#[tauri::command]
#[specta::specta]
pub async fn rehearse_release(
    file: File<'_>,
    id: Id,
    minutes: i64,
    on: Option<String>,
    by: Option<String>,
    note: Option<String>,
) -> Result<Release, AppError> {
    file.with(move |ws| {
        ws.rehearse_release(id, minutes, on.as_deref(), by.as_deref(), note.as_deref())
    })
    .await
}

/// Records the go/no-go call on release `id`.
#[tauri::command]
#[specta::specta]
pub async fn decide_release(
    file: File<'_>,
    id: Id,
    call: NewDecision,
) -> Result<Release, AppError> {
    file.with(move |ws| ws.decide_release(id, &call)).await
}

/// Moves release `id`'s dates, with the reason and its cause bucket.
#[tauri::command]
#[specta::specta]
pub async fn slip_release(
    file: File<'_>,
    id: Id,
    target: String,
    backup: String,
    reason: String,
    cause: PainBucket,
) -> Result<Release, AppError> {
    file.with(move |ws| ws.slip_release(id, &target, &backup, &reason, cause))
        .await
}

/// Records that release `id` shipped (`at` now when absent).
#[tauri::command]
#[specta::specta]
pub async fn ship_release(file: File<'_>, id: Id, at: Option<String>) -> Result<Release, AppError> {
    file.with(move |ws| ws.ship_release(id, at.as_deref()))
        .await
}

/// Records a rollback of release `id`: called at `at`, users back on the stable version at
/// `restored`.
#[tauri::command]
#[specta::specta]
pub async fn rollback_release(
    file: File<'_>,
    id: Id,
    at: String,
    restored: String,
    reason: String,
) -> Result<Release, AppError> {
    file.with(move |ws| {
        ws.record_release_event(
            id,
            &NewEvent {
                kind: EventKind::Rollback,
                at,
                restored_at: Some(restored),
                note: reason,
                hotfix: false,
            },
        )
    })
    .await
}

/// Records an incident after release `id`.
#[tauri::command]
#[specta::specta]
pub async fn release_incident(
    file: File<'_>,
    id: Id,
    at: String,
    restored: String,
    note: String,
    hotfix: bool,
) -> Result<Release, AppError> {
    file.with(move |ws| {
        ws.record_release_event(
            id,
            &NewEvent {
                kind: EventKind::Incident,
                at,
                restored_at: Some(restored),
                note,
                hotfix,
            },
        )
    })
    .await
}

/// Records a near-miss on release `id`: a release paused or a problem caught at the last
/// moment.
#[tauri::command]
#[specta::specta]
pub async fn release_near_miss(
    file: File<'_>,
    id: Id,
    at: String,
    note: String,
) -> Result<Release, AppError> {
    file.with(move |ws| {
        ws.record_release_event(
            id,
            &NewEvent {
                kind: EventKind::NearMiss,
                at,
                restored_at: None,
                note,
                hotfix: false,
            },
        )
    })
    .await
}

/// Records hours release `id` lost to one cause.
#[tauri::command]
#[specta::specta]
pub async fn release_pain(
    file: File<'_>,
    id: Id,
    cause: PainBucket,
    hours: i64,
    note: String,
) -> Result<Release, AppError> {
    file.with(move |ws| ws.add_release_pain(id, cause, hours, &note))
        .await
}

/// Cancels release `id`, saying why (it counts as missed).
#[tauri::command]
#[specta::specta]
pub async fn cancel_release(file: File<'_>, id: Id, reason: String) -> Result<Release, AppError> {
    file.with(move |ws| ws.cancel_release(id, &reason)).await
}
