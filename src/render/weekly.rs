//! The weekly status update in each export format.

use super::{update_html, update_markdown, update_text, Format};
use crate::error::Result;
use crate::narrative::weekly::weekly_update;
use crate::review::weekly::WeeklyReview;

/// The weekly update of `review` in `format`. JSON is the whole review (the shape documented
/// in `docs/cli.md`).
pub fn render_weekly(review: &WeeklyReview, format: Format) -> Result<String> {
    Ok(match format {
        Format::Markdown => update_markdown(&weekly_update(review)),
        Format::Text => update_text(&weekly_update(review)),
        Format::Html => update_html(&weekly_update(review), None),
        Format::Json => super::terminal::json_pretty(review)?,
    })
}
