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
    /// current one when `None`) rendered with `options`, with the period it is for.
    pub fn rendered_update(
        &self,
        kind: ReviewKind,
        period: Option<&str>,
        options: UpdateOptions,
    ) -> Result<(String, String)> {
        let UpdateOptions { format, zoom } = options;
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
                let body = self.monthly_update(Some(month), format, zoom)?;
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
        zoom: Zoom,
        copy: impl FnOnce(&str, &str) -> Result<()>,
    ) -> Result<Vec<StoredReview>> {
        let html = UpdateOptions {
            format: Format::Html,
            zoom,
        };
        let text = UpdateOptions {
            format: Format::Text,
            zoom,
        };
        let (period, html) = self.rendered_update(kind, period, html)?;
        let (_, text) = self.rendered_update(kind, Some(&period), text)?;
        copy(&html, &text)?;
        self.keep_reviews(
            kind,
            &period,
            &[(Format::Html, &html), (Format::Text, &text)],
        )
    }

    /// Sends an update, the one path every review's update goes out by: renders the `kind`
    /// update of `period` (the current one when `None`) with `options`, hands the period and
    /// the body to `deliver` (a file, standard output) and keeps it as sent once delivered.
    /// Nothing is kept when the delivery failed.
    pub fn send_update(
        &mut self,
        kind: ReviewKind,
        period: Option<&str>,
        options: UpdateOptions,
        deliver: impl FnOnce(&str, &str) -> Result<()>,
    ) -> Result<StoredReview> {
        let (period, body) = self.rendered_update(kind, period, options)?;
        deliver(&period, &body)?;
        self.keep_review(kind, &period, options.format, &body)
    }

    /// Writes an update to `path` and keeps it as sent ([`Workspace::send_update`]). The file
    /// is written whole or not at all, never over a workspace or any SQLite file, and over an
    /// existing file only when `force` (see [`output_file::check_target`]); `field` names the
    /// path's input in an error.
    pub fn save_update(
        &mut self,
        kind: ReviewKind,
        period: Option<&str>,
        options: UpdateOptions,
        (field, path): (&str, &Path),
        force: bool,
    ) -> Result<StoredReview> {
        let workspace = self.path().to_path_buf();
        self.send_update(kind, period, options, |_, body| {
            output_file::write(field, path, &workspace, force, body.as_bytes())
        })
    }
}

/// How an update is rendered: its format and, for a monthly page, the timeline's zoom.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpdateOptions {
    pub format: Format,
    pub zoom: Zoom,
}
