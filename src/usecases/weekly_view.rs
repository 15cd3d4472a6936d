//! The weekly status read from a workspace: what the CLI exports and what the app's home
//! and Monday review show (the review, its update, and the updates kept as sent).

use serde::{Deserialize, Serialize};

use crate::calendar::IsoWeek;
use crate::error::Result;
use crate::model::Format;
use crate::model::{ReviewKind, StoredReview};
use crate::narrative::weekly_update::{week_span, weekly_update};
use crate::narrative::Update;
use crate::render::weekly_export::render_weekly;
use crate::review::weekly_review::{first_week_read, weekly_owned, WeeklyReview};
use crate::store::Workspace;

/// What the Monday review shows for a week: the review and the update it writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WeeklyView {
    pub review: WeeklyReview,
    /// The week's days as people write them ("16–22 November 2026").
    pub span: String,
    pub update: Update,
}

/// An update kept for a week, without its body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct KeptWeek {
    pub id: i64,
    pub week: String,
    /// The week's days as people write them.
    pub span: String,
    pub format: Format,
    pub created_at: chrono::NaiveDateTime,
}

impl Workspace {
    /// The weekly review of `week` (the current week when `None`) as of the workspace's
    /// today. Only the check-ins of the weeks the review reads are loaded.
    pub fn weekly_review(&self, week: Option<IsoWeek>) -> Result<WeeklyReview> {
        let today = self.clock().today();
        let week = week.unwrap_or_else(|| IsoWeek::of(today));
        let snapshot = self.snapshot_of_weeks(first_week_read(week), week)?;
        weekly_owned(snapshot, week, today)
    }

    /// The review of `week` with its update, as the app shows them.
    pub fn weekly_view(&self, week: Option<IsoWeek>) -> Result<WeeklyView> {
        let review = self.weekly_review(week)?;
        Ok(WeeklyView {
            span: week_span(review.week),
            update: weekly_update(&review),
            review,
        })
    }

    /// The weekly update of `week` in `format`, as it would be exported.
    pub fn weekly_update(&self, week: Option<IsoWeek>, format: Format) -> Result<String> {
        render_weekly(&self.weekly_review(week)?, format)
    }

    /// The latest weekly update kept for `week` in `format`, exactly as it was exported.
    pub fn sent_weekly(&self, week: IsoWeek, format: Format) -> Result<StoredReview> {
        self.sent_review(ReviewKind::Weekly, "week", &week.to_string(), format)
    }

    /// Every weekly update kept, the latest week first.
    pub fn kept_weeks(&self) -> Result<Vec<KeptWeek>> {
        Ok(self
            .kept_of_kind(ReviewKind::Weekly)?
            .into_iter()
            .map(|r| KeptWeek {
                id: r.id,
                span: IsoWeek::parse("week", &r.period)
                    .map(week_span)
                    .unwrap_or_else(|_| r.period.clone()),
                week: r.period,
                format: r.format,
                created_at: r.created_at,
            })
            .collect())
    }
}
