//! The monthly roadmap review read from a workspace: what the CLI exports and what the app's
//! Roadmap view shows (the review, its timeline at a zoom, and the kept updates).

use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::error::Result;
use crate::model::Format;
use crate::model::{ReviewKind, StoredReview};
use crate::narrative::monthly_update::monthly_update;
use crate::narrative::Update;
use crate::render::monthly_export::render_monthly;
use crate::render::timeline::{timeline_svg, Zoom};
use crate::review::monthly_review::{monthly, MonthlyReview};
use crate::settings::ReviewSettings;
use crate::store::Workspace;

/// What the Roadmap view shows for a month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RoadmapView {
    pub review: MonthlyReview,
    pub zoom: Zoom,
    /// The timeline as a self-contained SVG element (the same one the HTML export embeds).
    pub timeline_svg: String,
    /// The month's update, whose sentences the view shows (what changed, the signals).
    pub update: Update,
}

impl Workspace {
    /// The monthly review of `month` (the current month when `None`) as of the workspace's
    /// today, tuned by the workspace's settings.
    pub fn monthly_review(&self, month: Option<Month>) -> Result<MonthlyReview> {
        let today = self.clock().today();
        let snapshot = self.snapshot_of_calls()?;
        let settings = ReviewSettings::from_settings(&snapshot.settings)?;
        let month = month.unwrap_or_else(|| Month::of(today));
        Ok(monthly(&snapshot, month, today, &settings))
    }

    /// The Roadmap view of `month` (the current month when `None`) with its timeline at `zoom`.
    pub fn roadmap(&self, month: Option<Month>, zoom: Zoom) -> Result<RoadmapView> {
        let review = self.monthly_review(month)?;
        let timeline_svg = timeline_svg(&review, zoom);
        Ok(RoadmapView {
            update: monthly_update(&review),
            review,
            zoom,
            timeline_svg,
        })
    }

    /// The monthly update of `month` in `format`, as it would be exported.
    pub fn monthly_update(
        &self,
        month: Option<Month>,
        format: Format,
        zoom: Zoom,
    ) -> Result<String> {
        render_monthly(&self.monthly_review(month)?, format, zoom)
    }

    /// The latest monthly update kept for `month` in `format`, exactly as it was exported.
    pub fn sent_monthly(&self, month: Month, format: Format) -> Result<StoredReview> {
        self.sent_review(ReviewKind::Monthly, "month", &month.to_string(), format)
    }
}
