//! The quarterly update in each export format. The HTML page places each chart in its
//! section and prints to a clean PDF: the review's parts start on new pages, the charts are
//! vectors and stay sharp.

use super::charts::{quarterly_charts, QuarterlyCharts};
use super::{escape_html, html_page_styled, section_html, update_markdown, update_text};
use crate::error::Result;
use crate::model::Format;
use crate::narrative::quarterly_update::quarterly_update;
use crate::narrative::Update;
use crate::review::quarterly_review::QuarterlyReview;

/// Print rules of the quarterly page: its parts start on new pages; charts fill the width.
const STYLE: &str = "\
figure.chart svg{display:block;width:100%;height:auto}\
@media print{section.reliability,section.outcomes,section.risk,section.trend\
{break-before:page}}";

/// The quarterly update of `review` in `format`. JSON is the whole review (the shape
/// documented in `docs/cli.md`).
pub fn render_quarterly(review: &QuarterlyReview, format: Format) -> Result<String> {
    let update = quarterly_update(review);
    Ok(match format {
        Format::Markdown => update_markdown(&update),
        Format::Text => update_text(&update),
        Format::Html => quarterly_html(&update, &quarterly_charts(review)),
        Format::Json => crate::terminal::json_pretty(review)?,
    })
}

/// A chart with its caption.
fn figure(svg: &str, caption: &str) -> String {
    format!(
        "<figure class=\"chart\">\n{svg}\n<figcaption>{}</figcaption>\n</figure>",
        escape_html(caption)
    )
}

/// The update as one HTML page with each chart in its section.
pub fn quarterly_html(update: &Update, charts: &QuarterlyCharts) -> String {
    let mut body = format!("<h1>{}</h1>\n", escape_html(&update.title));
    body.push_str(&super::brief_html(update));
    for p in &update.summary {
        body.push_str(&format!(
            "<p class=\"summary\">{}</p>\n",
            super::sentence_html(p)
        ));
    }
    for section in &update.sections {
        let chart = match section.key.as_str() {
            "planned" => Some(figure(
                &charts.planned_vs_delivered,
                "The committed initiatives by what became of them, measured against the \
                 committed dates; work added during the quarter is shown apart.",
            )),
            "reliability" => Some(figure(
                &charts.reliability_trend,
                "Share of the commitments due that were delivered by their target and by their \
                 backup date, quarter by quarter.",
            )),
            "investment" => Some(figure(
                &charts.investment_mix,
                "Initiatives worked on and weekly check-ins, by track.",
            )),
            "risk" => Some(figure(
                &charts.risk_grid,
                "Active initiatives by risk level and by their owner's latest health call.",
            )),
            "release-confidence" => charts.release_confidence.as_deref().map(|svg| {
                figure(
                    svg,
                    "Releases shipped and missed, the on-time and change failure rates, the \
                     median time to restore and the latest rollback rehearsal, quarter by \
                     quarter.",
                )
            }),
            _ => None,
        };
        body.push_str(&section_html(section, chart.as_deref()));
    }
    html_page_styled(&update.title, STYLE, &body)
}
