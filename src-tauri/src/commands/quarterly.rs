//! The quarterly health review and the planning session.

use cadence::model::{Baseline, Id};
use cadence::usecases::quarter_plan::{PlanChoice, PlanSession};
use cadence::usecases::quarterly_view::QuarterlyView;

use super::File;
use crate::error::AppError;

/// The quarterly review of `quarter` (`YYYY-Qn`; the current quarter when absent) with its
/// charts and update.
#[tauri::command]
#[specta::specta]
pub async fn quarterly_view(
    file: File<'_>,
    quarter: Option<String>,
) -> Result<QuarterlyView, AppError> {
    file.read(move |ws| {
        let quarter = ws.quarter(quarter.as_deref())?;
        ws.quarterly_view(Some(quarter))
    })
    .await
}

/// The planning session of `quarter` (the next quarter when absent): its commitments and
/// the candidates, each with the rule it breaks.
#[tauri::command]
#[specta::specta]
pub async fn plan_session(
    file: File<'_>,
    quarter: Option<String>,
) -> Result<PlanSession, AppError> {
    file.read(move |ws| match quarter {
        Some(q) => {
            let quarter = ws.quarter(Some(&q))?;
            ws.plan_session(Some(quarter))
        }
        None => ws.plan_session(None),
    })
    .await
}

/// Commits the plan of `quarter` with the initiatives `ids`, or amends it (then `reason` is
/// required).
#[tauri::command]
#[specta::specta]
pub async fn commit_plan(
    file: File<'_>,
    quarter: String,
    ids: Vec<Id>,
    reason: Option<String>,
) -> Result<Baseline, AppError> {
    file.with(move |ws| {
        let quarter = ws.quarter(Some(&quarter))?;
        let choice = PlanChoice::Whole(ids);
        Ok(ws
            .commit_quarter_plan(quarter, &choice, reason.as_deref())?
            .baseline)
    })
    .await
}
