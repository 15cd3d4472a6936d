//! The monthly roadmap update in each export format; the HTML page embeds the timeline.

use super::timeline::{timeline_svg, Zoom};
use super::{update_html, update_markdown, update_text};
use crate::error::Result;
use crate::model::Format;
use crate::narrative::monthly_update::monthly_update;
use crate::narrative::{date, month_name};
use crate::review::monthly_review::MonthlyReview;

/// The monthly update of `review` in `format`; the HTML page shows the timeline at `zoom`.
/// JSON is the whole review (the shape documented in `docs/cli.md`).
pub fn render_monthly(review: &MonthlyReview, format: Format, zoom: Zoom) -> Result<String> {
    let update = monthly_update(review);
    Ok(match format {
        Format::Markdown => update_markdown(&update),
        Format::Text => update_text(&update),
        Format::Html => update_html(&update, Some(&figure(review, zoom))),
        Format::Json => crate::terminal::json_pretty(review)?,
    })
}

/// The timeline with its caption.
fn figure(review: &MonthlyReview, zoom: Zoom) -> String {
    let (from, to) = zoom.window(review.month, review.settings.fiscal_year_start);
    let year = review.month.year();
    let window = match zoom {
        Zoom::Month => month_name(review.first_day),
        Zoom::Quarter => format!("{} to {}", date(from, year), date(to, year)),
    };
    format!(
        "<figure class=\"roadmap\">\n{}\n<figcaption>Roadmap, {window}: each bar runs from the \
         start to the target date, the lighter part to the backup date; a diamond marks the \
         first committed target where it moved.</figcaption>\n</figure>",
        timeline_svg(review, zoom)
    )
}
