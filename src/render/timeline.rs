//! The roadmap timeline as SVG: one bar per active or upcoming initiative from its start to
//! its target, extended to its backup, the first committed target marked where it differs,
//! and today marked. The same picture goes into the app and the HTML export.
//!
//! Colours come from CSS custom properties with a colour-blind-safe fallback palette that
//! prints well; text and lines use `currentColor`, so the picture follows the page into dark
//! mode. Health is also written in words beside each bar, so a black-and-white print loses
//! nothing. Each row carries `data-id`, `data-start`, `data-target`, `data-backup`,
//! `data-committed` and `data-health` for tools (and tests) to read the dates back.

use std::fmt::Write;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::escape_html as esc;
use super::{sentence_plain, sentence_svg, SVG_ISOLATE};
use crate::calendar::{days_between, Month, Quarter};
use crate::narrative::user;
use crate::review::monthly_review::{MonthlyReview, RoadmapItem};

/// The time window a timeline shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Zoom {
    /// The month under review.
    #[serde(rename = "month")]
    #[cfg_attr(feature = "cli", value(name = "month"))]
    Month,
    /// The (fiscal) quarter the month falls in.
    #[default]
    #[serde(rename = "quarter")]
    #[cfg_attr(feature = "cli", value(name = "quarter"))]
    Quarter,
}

impl Zoom {
    /// The first and last day shown for `month`.
    pub fn window(self, month: Month, fiscal_year_start: u32) -> (NaiveDate, NaiveDate) {
        match self {
            Zoom::Month => (month.first_day(), month.last_day()),
            Zoom::Quarter => {
                let q = Quarter::of(month.first_day(), fiscal_year_start);
                (q.first_day(), q.last_day())
            }
        }
    }
}

const WIDTH: f64 = 960.0;
const LABEL: f64 = 300.0;
const RIGHT: f64 = 16.0;
const HEADER: f64 = 44.0;
const ROW: f64 = 36.0;
const LEGEND: f64 = 40.0;
const BAR: f64 = 12.0;
const TITLE_CHARS: usize = 40;

const STYLE: &str = "\
.cdn-tl{font:12px system-ui,-apple-system,'Segoe UI',sans-serif;--cdn-on:var(--cadence-on-track,#009e73);\
--cdn-risk:var(--cadence-at-risk,#e69f00);--cdn-off:var(--cadence-off-track,#d55e00);\
--cdn-none:var(--cadence-no-health,#8a8f98);--cdn-today:var(--cadence-today,currentColor)}\
.cdn-tl text{fill:currentColor}\
.cdn-tl .cdn-tl-sub{fill-opacity:.72;font-size:11px}\
.cdn-tl .cdn-tl-grid{stroke:currentColor;stroke-opacity:.18}\
.cdn-tl .cdn-tl-band{fill:currentColor;fill-opacity:.04}\
.cdn-tl .cdn-tl-on-track{fill:var(--cdn-on)}\
.cdn-tl .cdn-tl-at-risk{fill:var(--cdn-risk)}\
.cdn-tl .cdn-tl-off-track{fill:var(--cdn-off)}\
.cdn-tl .cdn-tl-none{fill:var(--cdn-none)}\
.cdn-tl .cdn-tl-backup{fill-opacity:.35;stroke-opacity:.9;stroke-width:1;stroke-dasharray:3 2}\
.cdn-tl .cdn-tl-backup.cdn-tl-on-track{stroke:var(--cdn-on)}\
.cdn-tl .cdn-tl-backup.cdn-tl-at-risk{stroke:var(--cdn-risk)}\
.cdn-tl .cdn-tl-backup.cdn-tl-off-track{stroke:var(--cdn-off)}\
.cdn-tl .cdn-tl-backup.cdn-tl-none{stroke:var(--cdn-none)}\
.cdn-tl .cdn-tl-committed{fill:none;stroke:currentColor;stroke-width:1.5}\
.cdn-tl .cdn-tl-beyond{fill:currentColor;fill-opacity:.55}\
.cdn-tl .cdn-tl-today{stroke:var(--cdn-today);stroke-width:2;stroke-dasharray:5 3}\
.cdn-tl .cdn-tl-today-label{fill:var(--cdn-today);font-weight:600}\
@media print{.cdn-tl{--cdn-on:#007a5a;--cdn-risk:#b87a00;--cdn-off:#b34700;--cdn-none:#6b6f76}\
.cdn-tl .cdn-tl-backup{fill-opacity:.25}}";

/// The horizontal scale: a day's place in the drawing.
struct Scale {
    from: NaiveDate,
    to: NaiveDate,
    day: f64,
}

impl Scale {
    fn new(from: NaiveDate, to: NaiveDate) -> Self {
        let days = days_between(from, to) + 1;
        Scale {
            from,
            to,
            day: (WIDTH - LABEL - RIGHT) / days as f64,
        }
    }

    /// The x of the start of `date`.
    fn x(&self, date: NaiveDate) -> f64 {
        LABEL + days_between(self.from, date) as f64 * self.day
    }

    /// The x-range of the days `first..=last` cut to the window, when any of it is inside.
    fn span(&self, first: NaiveDate, last: NaiveDate) -> Option<(f64, f64)> {
        let (a, b) = (first.max(self.from), last.min(self.to));
        (a <= b).then(|| (self.x(a), self.x(b) + self.day))
    }

    fn contains(&self, date: NaiveDate) -> bool {
        (self.from..=self.to).contains(&date)
    }
}

/// The timeline of `review` over the window `zoom` gives, as a self-contained SVG element.
pub fn timeline_svg(review: &MonthlyReview, zoom: Zoom) -> String {
    let (from, to) = zoom.window(review.month, review.settings.fiscal_year_start);
    let scale = Scale::new(from, to);
    let items = review.roadmap.timeline_items();
    let rows = items.len().max(1) as f64;
    let height = HEADER + rows * ROW + LEGEND;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cdn-tl\" role=\"img\" \
         viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" \
         style=\"max-width:100%;height:auto\" data-from=\"{from}\" data-to=\"{to}\" \
         data-zoom=\"{}\">",
        zoom_word(zoom)
    );
    let _ = write!(
        s,
        "<title>Roadmap timeline, {} to {}</title><style>{STYLE}{SVG_ISOLATE}</style>",
        long_date(from),
        long_date(to)
    );
    axis(&mut s, &scale, zoom, height);
    if items.is_empty() {
        let _ = write!(
            s,
            "<text x=\"{LABEL}\" y=\"{:.1}\">No active or upcoming initiatives.</text>",
            HEADER + ROW / 2.0 + 4.0
        );
    }
    for (n, item) in items.iter().enumerate() {
        row(&mut s, &scale, item, HEADER + n as f64 * ROW);
    }
    today(&mut s, &scale, review, height);
    legend(&mut s, height);
    s.push_str("</svg>");
    s
}

fn zoom_word(zoom: Zoom) -> &'static str {
    match zoom {
        Zoom::Month => "month",
        Zoom::Quarter => "quarter",
    }
}

fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// Day or month ticks with their labels, and alternate month bands at quarter zoom.
fn axis(s: &mut String, scale: &Scale, zoom: Zoom, height: f64) {
    let bottom = height - LEGEND;
    let mut ticks: Vec<(NaiveDate, String)> = Vec::new();
    match zoom {
        Zoom::Month => {
            let mut d = scale.from;
            while d <= scale.to {
                let roomy = ticks
                    .last()
                    .is_none_or(|(last, _)| days_between(*last, d) >= 4);
                if (d == scale.from || d.weekday() == chrono::Weekday::Mon) && roomy {
                    ticks.push((d, d.format("%-d %b").to_string()));
                }
                d += Duration::days(1);
            }
        }
        Zoom::Quarter => {
            let mut m = Month::of(scale.from);
            while m.first_day() <= scale.to {
                let (a, b) = (m.first_day(), m.last_day());
                if m.month().is_multiple_of(2) {
                    if let Some((x0, x1)) = scale.span(a, b) {
                        let _ = write!(
                            s,
                            "<rect class=\"cdn-tl-band\" x=\"{x0:.1}\" y=\"{HEADER}\" \
                             width=\"{:.1}\" height=\"{:.1}\"/>",
                            x1 - x0,
                            bottom - HEADER
                        );
                    }
                }
                ticks.push((a, a.format("%B %Y").to_string()));
                m = m.next();
            }
        }
    }
    for (d, label) in ticks {
        let x = scale.x(d);
        let (lx, anchor) = if x + 7.0 * label.len() as f64 > WIDTH - RIGHT {
            (x - 3.0, "end")
        } else {
            (x + 3.0, "start")
        };
        let _ = write!(
            s,
            "<line class=\"cdn-tl-grid\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\"/>\
             <text class=\"cdn-tl-sub\" x=\"{lx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
            HEADER - 8.0,
            HEADER - 12.0,
            esc(&label)
        );
    }
    let _ = write!(
        s,
        "<line class=\"cdn-tl-grid cdn-tl-axis\" x1=\"{LABEL}\" y1=\"{bottom:.1}\" x2=\"{:.1}\" \
         y2=\"{bottom:.1}\"/>",
        WIDTH - RIGHT
    );
}

/// The health word and the CSS class of its colour.
fn health(item: &RoadmapItem) -> (&'static str, &'static str) {
    match item.health {
        Some(h) => (
            h.label(),
            match h {
                crate::model::Health::OnTrack => "cdn-tl-on-track",
                crate::model::Health::AtRisk => "cdn-tl-at-risk",
                crate::model::Health::OffTrack => "cdn-tl-off-track",
            },
        ),
        None if item.status == crate::model::Status::Proposed => ("proposed", "cdn-tl-none"),
        None => ("no check-in yet", "cdn-tl-none"),
    }
}

fn short_title(title: &str) -> String {
    if title.chars().count() <= TITLE_CHARS {
        title.to_string()
    } else {
        let cut: String = title.chars().take(TITLE_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

fn attr(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// One initiative's row: its label, bar, backup extension and committed-target mark.
fn row(s: &mut String, scale: &Scale, item: &RoadmapItem, top: f64) {
    let (word, class) = health(item);
    let committed = item
        .committed_target
        .filter(|c| Some(*c) != item.target_date);
    let _ = write!(
        s,
        "<g class=\"cdn-tl-row\" data-id=\"{}\" data-start=\"{}\" data-target=\"{}\" \
         data-backup=\"{}\" data-committed=\"{}\" data-health=\"{}\">",
        item.id,
        attr(item.timeline_start),
        attr(item.target_date),
        attr(item.backup_date),
        attr(committed),
        item.health.map(|h| h.as_str()).unwrap_or(""),
    );
    let mut tip = format!("{} ({}, {word})", user(&item.title), user(&item.owner));
    if let Some(t) = item.target_date {
        let _ = write!(tip, ": target {}", long_date(t));
    }
    if let Some(b) = item.backup_date {
        let _ = write!(tip, ", backup {}", long_date(b));
    }
    if let Some(c) = committed {
        let _ = write!(tip, ", first committed {}", long_date(c));
    }
    let _ = write!(
        s,
        "<title>{}</title><text x=\"8\" y=\"{:.1}\">{}</text>\
         <text class=\"cdn-tl-sub\" x=\"8\" y=\"{:.1}\">{} · {word}</text>",
        sentence_plain(&tip),
        top + 15.0,
        sentence_svg(&user(&short_title(&item.title))),
        top + 29.0,
        sentence_svg(&user(&item.owner)),
    );
    let y = top + (ROW - BAR) / 2.0;
    if let Some(target) = item.target_date {
        let start = item.timeline_start.unwrap_or(target).min(target);
        let end = item.backup_date.unwrap_or(target).max(target);
        if let Some((x0, x1)) = scale.span(start, target) {
            let _ = write!(
                s,
                "<rect class=\"cdn-tl-bar {class}\" x=\"{x0:.1}\" y=\"{y:.1}\" width=\"{:.1}\" \
                 height=\"{BAR}\" rx=\"2\"/>",
                x1 - x0
            );
        }
        if end > target {
            if let Some((x0, x1)) = scale.span(target + Duration::days(1), end) {
                let _ = write!(
                    s,
                    "<rect class=\"cdn-tl-backup {class}\" x=\"{x0:.1}\" y=\"{y:.1}\" \
                     width=\"{:.1}\" height=\"{BAR}\" rx=\"2\"/>",
                    x1 - x0
                );
            }
        }
        if end < scale.from {
            beyond(s, LABEL + 2.0, y, -1.0);
        } else if start > scale.to {
            beyond(s, WIDTH - RIGHT - 2.0, y, 1.0);
        }
    }
    if let Some(c) = committed.filter(|c| scale.contains(*c)) {
        let x = scale.x(c) + scale.day / 2.0;
        let cy = y + BAR / 2.0;
        let _ = write!(
            s,
            "<path class=\"cdn-tl-committed\" d=\"M{x:.1} {:.1}L{:.1} {cy:.1}L{x:.1} {:.1}L{:.1} {cy:.1}Z\"/>",
            cy - 8.0,
            x + 6.0,
            cy + 8.0,
            x - 6.0
        );
    }
    s.push_str("</g>");
}

/// A small arrow at the window's edge for a bar wholly before (`dir` −1) or after (+1) it.
fn beyond(s: &mut String, x: f64, y: f64, dir: f64) {
    let base = x - dir * 8.0;
    let _ = write!(
        s,
        "<path class=\"cdn-tl-beyond\" d=\"M{x:.1} {:.1}L{base:.1} {y:.1}L{base:.1} {:.1}Z\"/>",
        y + BAR / 2.0,
        y + BAR
    );
}

/// The line marking the review's day: today, or the month's last day for a past month.
fn today(s: &mut String, scale: &Scale, review: &MonthlyReview, height: f64) {
    let day = review.as_of;
    if !scale.contains(day) {
        return;
    }
    let x = scale.x(day) + scale.day / 2.0;
    let label = if day == review.today {
        "today".to_string()
    } else {
        format!("as of {}", day.format("%-d %b"))
    };
    let anchor = if x > WIDTH - 80.0 { "end" } else { "middle" };
    let _ = write!(
        s,
        "<line class=\"cdn-tl-today\" data-date=\"{day}\" x1=\"{x:.1}\" y1=\"{:.1}\" x2=\"{x:.1}\" \
         y2=\"{:.1}\"/><text class=\"cdn-tl-today-label\" x=\"{x:.1}\" y=\"{:.1}\" \
         text-anchor=\"{anchor}\">{}</text>",
        HEADER - 4.0,
        height - LEGEND,
        HEADER - 26.0,
        esc(&label)
    );
}

/// What the marks mean.
fn legend(s: &mut String, height: f64) {
    let y = height - LEGEND + 22.0;
    let _ = write!(
        s,
        "<g class=\"cdn-tl-legend\"><rect class=\"cdn-tl-none\" x=\"8\" y=\"{:.1}\" width=\"24\" \
         height=\"10\" rx=\"2\"/><text class=\"cdn-tl-sub\" x=\"38\" y=\"{y:.1}\">start to target</text>\
         <rect class=\"cdn-tl-backup cdn-tl-none\" x=\"150\" y=\"{:.1}\" width=\"24\" height=\"10\" \
         rx=\"2\"/><text class=\"cdn-tl-sub\" x=\"180\" y=\"{y:.1}\">to backup date</text>\
         <path class=\"cdn-tl-committed\" d=\"M300 {:.1}L306 {:.1}L300 {:.1}L294 {:.1}Z\"/>\
         <text class=\"cdn-tl-sub\" x=\"312\" y=\"{y:.1}\">first committed target</text>\
         <line class=\"cdn-tl-today\" x1=\"470\" y1=\"{:.1}\" x2=\"470\" y2=\"{:.1}\"/>\
         <text class=\"cdn-tl-sub\" x=\"478\" y=\"{y:.1}\">today</text></g>",
        y - 9.0,
        y - 9.0,
        y - 12.0,
        y - 4.0,
        y + 4.0,
        y - 4.0,
        y - 12.0,
        y + 3.0,
    );
}
