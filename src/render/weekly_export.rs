//! The weekly status update in each export format.

use super::{update_html, update_markdown, update_text};
use crate::error::Result;
use crate::model::Format;
use crate::narrative::weekly_update::weekly_update;
use crate::review::weekly_review::WeeklyReview;

/// The weekly update of `review` in `format`. JSON is the whole review (the shape documented
/// in `docs/cli.md`).
pub fn render_weekly(review: &WeeklyReview, format: Format) -> Result<String> {
    Ok(match format {
        Format::Markdown => update_markdown(&weekly_update(review)),
        Format::Text => update_text(&weekly_update(review)),
        Format::Html => update_html(&weekly_update(review), None),
        Format::Json => crate::terminal::json_pretty(review)?,
    })
}
