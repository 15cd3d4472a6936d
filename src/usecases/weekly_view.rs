//! The weekly status read from a workspace: what the CLI exports and what the app's home
//! and Monday review show (the part of the review they show, the update it writes, and the
//! updates kept as sent).

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::calendar::IsoWeek;
use crate::error::Result;
use crate::model::{Format, Health, Id, RiskLevel};
use crate::model::{ReviewKind, StoredReview};
use crate::narrative::weekly_update::{week_span, weekly_update};
use crate::narrative::Update;
use crate::render::weekly_export::render_weekly;
use crate::review::common::InitiativeRef;
use crate::review::weekly_review::{
    first_week_read, weekly_owned, BlockerItem, DateDanger, Headline, ProgressItem, WeeklyReview,
};
use crate::store::Workspace;

/// What the home view and the Monday review show of a week. Only that: with a thousand
/// initiatives the whole review is a megabyte of JSON, most of it read by the update and the
/// export alone (the update is [`Workspace::weekly_update_preview`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WeeklyView {
    pub review: ShownReview,
    /// The week's days as people write them ("16–22 November 2026").
    pub span: String,
}

/// The part of a week's review the app shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ShownReview {
    pub week: IsoWeek,
    pub headline: Headline,
    /// Every active initiative, by priority.
    pub in_progress: Vec<ProgressLine>,
    /// Open blockers, oldest first.
    pub blockers: Vec<BlockerItem>,
    pub dates_in_danger: Vec<DateDanger>,
    /// Active initiatives with no check-in for the week, by priority.
    pub missing_checkins: Vec<InitiativeRef>,
    /// When an update of this week was last kept (exported), if it was.
    pub kept_at: Option<NaiveDateTime>,
}

/// An active initiative as the home view lists it and the Monday review asks for its
/// check-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProgressLine {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    /// The latest health call of the last weeks the review reads.
    pub health: Option<Health>,
    /// The week of that call.
    pub health_week: Option<IsoWeek>,
    /// Whether the owner checked in for the week.
    pub checked_in: bool,
    /// What the week's check-in says is in progress.
    pub progress: Option<String>,
    pub target_date: Option<NaiveDate>,
    pub backup_date: Option<NaiveDate>,
    pub risk: Option<String>,
    pub risk_level: Option<RiskLevel>,
}

impl From<ProgressItem> for ProgressLine {
    fn from(i: ProgressItem) -> Self {
        ProgressLine {
            initiative_id: i.initiative_id,
            title: i.title,
            owner: i.owner,
            health: i.health,
            health_week: i.health_week,
            checked_in: i.checked_in,
            progress: i.progress,
            target_date: i.target_date,
            backup_date: i.backup_date,
            risk: i.risk,
            risk_level: i.risk_level,
        }
    }
}

impl From<WeeklyReview> for ShownReview {
    fn from(r: WeeklyReview) -> Self {
        ShownReview {
            week: r.week,
            headline: r.headline,
            in_progress: r.in_progress.into_iter().map(ProgressLine::from).collect(),
            blockers: r.blockers,
            dates_in_danger: r.dates_in_danger,
            missing_checkins: r.signals.missing_checkins,
            kept_at: r.kept_at,
        }
    }
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

    /// What the app shows of the review of `week` (the current week when `None`).
    pub fn weekly_view(&self, week: Option<IsoWeek>) -> Result<WeeklyView> {
        let review = self.weekly_review(week)?;
        Ok(WeeklyView {
            span: week_span(review.week),
            review: review.into(),
        })
    }

    /// The update the review of `week` writes, as the Monday review previews it.
    pub fn weekly_update_preview(&self, week: Option<IsoWeek>) -> Result<Update> {
        Ok(weekly_update(&self.weekly_review(week)?))
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
