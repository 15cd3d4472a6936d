//! Sending an update: any review's update rendered in a format, copied or saved to a file,
//! and kept in the workspace exactly as sent.

use std::path::Path;

use crate::calendar::{IsoWeek, Month};
use crate::error::Result;
use crate::model::Format;
use crate::model::{ReviewKind, StoredReview};
use crate::output_file;
use crate::render::timeline::Zoom;
use crate::store::Workspace;

impl Workspace {
    /// The update of the `kind` review of `period` (`YYYY-Www`, `YYYY-MM` or `YYYY-Qn`; the
    /// current one when `None`) in `format`, with the period it is for. A monthly page shows
    /// the timeline at its default (quarter) zoom.
    pub fn rendered_update(
        &self,
        kind: ReviewKind,
        period: Option<&str>,
        format: Format,
    ) -> Result<(String, String)> {
        let today = self.clock().today();
        Ok(match kind {
            ReviewKind::Weekly => {
                let week = match period {
                    Some(p) => IsoWeek::parse("week", p)?,
                    None => IsoWeek::of(today),
                };
                (week.to_string(), self.weekly_update(Some(week), format)?)
            }
            ReviewKind::Monthly => {
                let month = match period {
                    Some(p) => Month::parse("month", p)?,
                    None => Month::of(today),
                };
                let body = self.monthly_update(Some(month), format, Zoom::default())?;
                (month.to_string(), body)
            }
            ReviewKind::Quarterly => {
                let quarter = self.quarter(period)?;
                (
                    quarter.to_string(),
                    self.quarterly_update(Some(quarter), format)?,
                )
            }
        })
    }

    /// Copies an update: renders it as HTML and as plain text, hands both to `copy` (the
    /// clipboard: rich text with its plain-text alternative) and keeps both as sent only
    /// once `copy` succeeded, in one transaction. A failed copy keeps nothing.
    pub fn copy_update(
        &mut self,
        kind: ReviewKind,
        period: Option<&str>,
        copy: impl FnOnce(&str, &str) -> Result<()>,
    ) -> Result<Vec<StoredReview>> {
        let (period, html) = self.rendered_update(kind, period, Format::Html)?;
        let (_, text) = self.rendered_update(kind, Some(&period), Format::Text)?;
        copy(&html, &text)?;
        self.keep_reviews(
            kind,
            &period,
            &[(Format::Html, &html), (Format::Text, &text)],
        )
    }

    /// Writes an update to `path` and keeps it as sent. The file is written whole or not at
    /// all, never over a workspace or any SQLite file, and over an existing file only when
    /// `force` (see [`output_file::check_target`]).
    pub fn save_update(
        &mut self,
        kind: ReviewKind,
        period: Option<&str>,
        format: Format,
        path: &Path,
        force: bool,
    ) -> Result<StoredReview> {
        let (period, body) = self.rendered_update(kind, period, format)?;
        output_file::write("path", path, self.path(), force, body.as_bytes())?;
        self.keep_review(kind, &period, format, &body)
    }
}
