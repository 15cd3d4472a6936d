//! The quarterly health review read from a workspace: the review of a quarter counted from
//! the fiscal year's start, with its charts and update (what the CLI exports and the app's
//! Quarterly view shows) and the updates kept for it.

use serde::{Deserialize, Serialize};

use crate::calendar::Quarter;
use crate::error::Result;
use crate::model::{Format, ReviewKind, StoredReview};
use crate::narrative::quarterly_update::quarterly_update;
use crate::narrative::Update;
use crate::render::charts::{quarterly_charts, QuarterlyCharts};
use crate::render::quarterly_export::render_quarterly;
use crate::review::quarterly_review::{quarterly, QuarterlyReview};
use crate::settings::ReviewSettings;
use crate::store::Workspace;

/// What the Quarterly view shows for a quarter: the review, its charts (the same SVG the
/// HTML export embeds) and the update's text, section by section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct QuarterlyView {
    pub review: QuarterlyReview,
    pub charts: QuarterlyCharts,
    pub update: Update,
}

impl Workspace {
    /// The month the fiscal year starts in (setting `fiscal_year_start`).
    pub fn fiscal_year_start(&self) -> Result<u32> {
        self.read_setting(
            ReviewSettings::FISCAL_YEAR_START,
            ReviewSettings::parse_fiscal_year_start,
        )
    }

    /// The settings every review is tuned with; a stored one that breaks its rule is the
    /// same error in every review.
    pub fn review_settings(&self) -> Result<ReviewSettings> {
        Ok(ReviewSettings {
            reprioritisation_threshold: self.read_setting(
                ReviewSettings::REPRIORITISATION_THRESHOLD,
                ReviewSettings::parse_threshold,
            )?,
            fiscal_year_start: self.fiscal_year_start()?,
        })
    }

    /// The quarter `text` (`YYYY-Qn`) names, counted from the fiscal year's start; the
    /// current quarter when `None`.
    pub fn quarter(&self, text: Option<&str>) -> Result<Quarter> {
        let start = self.fiscal_year_start()?;
        match text {
            Some(t) => Quarter::parse("quarter", t, start),
            None => Ok(Quarter::of(self.clock().today(), start)),
        }
    }

    /// The quarterly health review of `quarter` (the current one when `None`) as of the
    /// workspace's today.
    pub fn quarterly_review(&self, quarter: Option<Quarter>) -> Result<QuarterlyReview> {
        let settings = self.review_settings()?;
        let quarter = match quarter {
            Some(q) => q,
            None => Quarter::of(self.clock().today(), settings.fiscal_year_start),
        };
        Ok(quarterly(
            &self.snapshot_of_calls()?,
            quarter,
            self.clock().today(),
        ))
    }

    /// The Quarterly view of `quarter` (the current one when `None`).
    pub fn quarterly_view(&self, quarter: Option<Quarter>) -> Result<QuarterlyView> {
        let review = self.quarterly_review(quarter)?;
        Ok(QuarterlyView {
            charts: quarterly_charts(&review),
            update: quarterly_update(&review),
            review,
        })
    }

    /// The quarterly update of `quarter` (the current one when `None`) in `format`, as it
    /// would be exported.
    pub fn quarterly_update(&self, quarter: Option<Quarter>, format: Format) -> Result<String> {
        render_quarterly(&self.quarterly_review(quarter)?, format)
    }

    /// The latest quarterly update kept for `quarter` in `format`, exactly as exported.
    pub fn sent_quarterly(&self, quarter: Quarter, format: Format) -> Result<StoredReview> {
        self.sent_review(
            ReviewKind::Quarterly,
            "quarter",
            &quarter.to_string(),
            format,
        )
    }
}
