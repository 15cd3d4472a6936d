//! The quarterly review's charts as SVG: planned vs delivered, the reliability trend, the
//! investment mix, the risk grid and Release confidence ([`super::release_chart`]). The same markup goes into the app and the HTML export.
//!
//! As with the timeline, colours come from CSS custom properties with a colour-blind-safe
//! fallback palette (Okabe–Ito) that prints well, and text and lines use `currentColor`, so
//! the charts follow the page into dark mode. Every value is also written as text, so a
//! black-and-white print loses nothing. Marks carry `data-*` attributes holding their values
//! for tools (and tests) to read back.

use std::fmt::Write;

use serde::{Deserialize, Serialize};

use super::escape_html as esc;
use super::release_chart::release_confidence_svg;
use crate::model::{Health, RiskLevel};
use crate::narrative::who;
use crate::review::quarterly_review::{Delivery, KeyFigures, QuarterlyReview, HEALTH_COLUMNS};

/// The charts of a quarterly review, each a self-contained SVG element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct QuarterlyCharts {
    pub planned_vs_delivered: String,
    pub reliability_trend: String,
    pub investment_mix: String,
    pub risk_grid: String,
    /// Absent when the workspace records no releases.
    pub release_confidence: Option<String>,
}

/// Draws every chart of `r`.
pub fn quarterly_charts(r: &QuarterlyReview) -> QuarterlyCharts {
    QuarterlyCharts {
        planned_vs_delivered: planned_vs_delivered_svg(r),
        reliability_trend: reliability_trend_svg(r),
        investment_mix: investment_mix_svg(r),
        risk_grid: risk_grid_svg(r),
        release_confidence: release_confidence_svg(&r.release_confidence),
    }
}

/// The width of every chart.
pub(super) const WIDTH: f64 = 720.0;

const STYLE: &str = "\
.cdn-ch{font:12px system-ui,-apple-system,'Segoe UI',sans-serif;\
--cdn-by-target:var(--cadence-by-target,#009e73);--cdn-by-backup:var(--cadence-by-backup,#56b4e9);\
--cdn-late:var(--cadence-late,#e69f00);--cdn-slipped:var(--cadence-slipped,#d55e00);\
--cdn-dropped:var(--cadence-dropped,#8a8f98);--cdn-open:var(--cadence-open,#0072b2);\
--cdn-customer:var(--cadence-customer,#0072b2);--cdn-release:var(--cadence-release,#d55e00);\
--cdn-enabler:var(--cadence-enabler,#009e73);--cdn-discovery:var(--cadence-discovery,#cc79a7);\
--cdn-on:var(--cadence-on-track,#009e73);--cdn-risk:var(--cadence-at-risk,#e69f00);\
--cdn-off:var(--cadence-off-track,#d55e00);--cdn-none:var(--cadence-no-health,#8a8f98)}\
.cdn-ch text{fill:currentColor}\
.cdn-ch .cdn-ch-sub{fill-opacity:.72;font-size:11px}\
.cdn-ch .cdn-ch-head{font-weight:600}\
.cdn-ch .cdn-ch-grid{stroke:currentColor;stroke-opacity:.18}\
.cdn-ch .cdn-ch-committed{fill:currentColor;fill-opacity:.55}\
.cdn-ch .cdn-ch-added{fill:none;stroke:currentColor;stroke-width:1.5;stroke-dasharray:4 2}\
.cdn-ch .cdn-ch-by-target{fill:var(--cdn-by-target)}\
.cdn-ch .cdn-ch-by-backup{fill:var(--cdn-by-backup)}\
.cdn-ch .cdn-ch-late{fill:var(--cdn-late)}\
.cdn-ch .cdn-ch-slipped{fill:var(--cdn-slipped)}\
.cdn-ch .cdn-ch-dropped{fill:var(--cdn-dropped)}\
.cdn-ch .cdn-ch-open{fill:var(--cdn-open)}\
.cdn-ch .cdn-ch-customer{fill:var(--cdn-customer)}\
.cdn-ch .cdn-ch-release{fill:var(--cdn-release)}\
.cdn-ch .cdn-ch-enabler{fill:var(--cdn-enabler)}\
.cdn-ch .cdn-ch-discovery{fill:var(--cdn-discovery)}\
.cdn-ch .cdn-ch-on-track{fill:var(--cdn-on)}\
.cdn-ch .cdn-ch-at-risk{fill:var(--cdn-risk)}\
.cdn-ch .cdn-ch-off-track{fill:var(--cdn-off)}\
.cdn-ch .cdn-ch-none{fill:var(--cdn-none)}\
.cdn-ch .cdn-ch-seg{stroke:Canvas;stroke-width:1}\
@media print{.cdn-ch{--cdn-by-target:#007a5a;--cdn-late:#b87a00;--cdn-slipped:#b34700;\
--cdn-dropped:#6b6f76;--cdn-on:#007a5a;--cdn-risk:#b87a00;--cdn-off:#b34700;--cdn-none:#6b6f76}\
.cdn-ch .cdn-ch-seg{stroke:#fff}}";

/// Opens an SVG element of `height` with its accessible title and the shared style.
pub(super) fn open(s: &mut String, kind: &str, height: f64, title: &str, data: &str) {
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cdn-ch cdn-ch-{kind}\" role=\"img\" \
         viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" \
         style=\"max-width:100%;height:auto\" data-chart=\"{kind}\"{data}>\
         <title>{}</title><style>{STYLE}</style>",
        esc(title)
    );
}

fn attr_u32(v: Option<u32>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// "45%", or an en dash when there is nothing to divide.
fn percent_text(v: Option<u32>) -> String {
    v.map(|v| format!("{v}%")).unwrap_or_else(|| "–".into())
}

const PVD_LABEL: f64 = 230.0;
const PVD_ROW: f64 = 26.0;
const PVD_BAR: f64 = 16.0;
const PVD_TOP: f64 = 12.0;

/// Planned vs delivered: one bar per outcome of the committed initiatives, and the work
/// added mid-quarter apart, below a rule.
pub fn planned_vs_delivered_svg(r: &QuarterlyReview) -> String {
    let c = &r.plan.counts;
    let mut rows: Vec<(&str, String, u32)> = vec![("committed", "Committed".into(), c.committed)];
    for d in Delivery::ALL {
        if *d != Delivery::Open || c.open > 0 || !r.ended {
            rows.push((d.as_str(), d.label().into(), c.of(*d)));
        }
    }
    let max = rows
        .iter()
        .map(|r| r.2)
        .max()
        .unwrap_or(0)
        .max(c.added)
        .max(1) as f64;
    let unit = (WIDTH - PVD_LABEL - 60.0) / max;
    let height = PVD_TOP + (rows.len() as f64 + 1.0) * PVD_ROW + 18.0;
    let mut s = String::new();
    open(
        &mut s,
        "planned-vs-delivered",
        height,
        &format!("Planned vs delivered, {}", r.quarter),
        &format!(" data-quarter=\"{}\"", esc(&r.quarter)),
    );
    if r.plan.commitment.is_none() {
        let _ = write!(
            s,
            "<text class=\"cdn-ch-sub\" x=\"{PVD_LABEL}\" y=\"{:.1}\">No plan was committed \
             for {}.</text>",
            PVD_TOP + PVD_ROW * 0.6,
            esc(&r.quarter)
        );
    }
    let mut y = PVD_TOP;
    for (key, label, value) in &rows {
        bar_row(&mut s, key, label, *value, unit, y);
        y += PVD_ROW;
    }
    let _ = write!(
        s,
        "<line class=\"cdn-ch-grid\" x1=\"8\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>",
        WIDTH - 8.0
    );
    y += 8.0;
    bar_row(
        &mut s,
        "added",
        "Added mid-quarter (not in the plan)",
        c.added,
        unit,
        y,
    );
    s.push_str("</svg>");
    s
}

/// One labelled horizontal bar (coloured by its `key`) with its value written after it.
fn bar_row(s: &mut String, key: &str, label: &str, value: u32, unit: f64, y: f64) {
    let w = value as f64 * unit;
    let by = y + (PVD_ROW - PVD_BAR) / 2.0;
    let _ = write!(
        s,
        "<g class=\"cdn-ch-row\" data-category=\"{}\" data-value=\"{value}\">\
         <text x=\"8\" y=\"{:.1}\">{}</text>",
        esc(key),
        by + PVD_BAR - 3.0,
        esc(label)
    );
    if value > 0 {
        let _ = write!(
            s,
            "<rect class=\"cdn-ch-{}\" x=\"{PVD_LABEL}\" y=\"{by:.1}\" width=\"{w:.1}\" \
             height=\"{PVD_BAR}\" rx=\"2\"/>",
            esc(key)
        );
    }
    let _ = write!(
        s,
        "<text class=\"cdn-ch-value\" x=\"{:.1}\" y=\"{:.1}\">{value}</text></g>",
        PVD_LABEL + w + 6.0,
        by + PVD_BAR - 3.0
    );
}

const TR_LEFT: f64 = 48.0;
const TR_TOP: f64 = 16.0;
const TR_PLOT: f64 = 160.0;
const TR_BAR: f64 = 26.0;

/// The reliability trend: per quarter, the share of committed initiatives delivered by
/// target and by backup, the current quarter last.
pub fn reliability_trend_svg(r: &QuarterlyReview) -> String {
    let quarters: Vec<&KeyFigures> = r.trend.iter().chain([&r.key_figures]).collect();
    let height = TR_TOP + TR_PLOT + 74.0;
    let bottom = TR_TOP + TR_PLOT;
    let slot = (WIDTH - TR_LEFT - 16.0) / quarters.len() as f64;
    let mut s = String::new();
    open(
        &mut s,
        "reliability-trend",
        height,
        &format!("Date reliability by quarter, up to {}", r.quarter),
        "",
    );
    for pct in [0u32, 50, 100] {
        let y = bottom - TR_PLOT * pct as f64 / 100.0;
        let _ = write!(
            s,
            "<line class=\"cdn-ch-grid\" x1=\"{TR_LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" \
             y2=\"{y:.1}\"/><text class=\"cdn-ch-sub\" x=\"{:.1}\" y=\"{:.1}\" \
             text-anchor=\"end\">{pct}%</text>",
            WIDTH - 16.0,
            TR_LEFT - 6.0,
            y + 4.0
        );
    }
    for (n, k) in quarters.iter().enumerate() {
        let x = TR_LEFT + n as f64 * slot + slot / 2.0;
        let current = n + 1 == quarters.len();
        let _ = write!(
            s,
            "<g class=\"cdn-ch-quarter\" data-quarter=\"{}\" data-planned=\"{}\" \
             data-by-target=\"{}\" data-by-backup=\"{}\" data-median-slip=\"{}\">",
            esc(&k.quarter),
            k.planned,
            attr_u32(k.by_target_percent),
            attr_u32(k.by_backup_percent),
            k.median_slip_days
                .map(|m| m.to_string())
                .unwrap_or_default(),
        );
        let pairs = [
            ("by-target", k.by_target_percent, x - TR_BAR - 2.0),
            ("by-backup", k.by_backup_percent, x + 2.0),
        ];
        for (class, value, bx) in pairs {
            if let Some(v) = value {
                let h = TR_PLOT * v as f64 / 100.0;
                let _ = write!(
                    s,
                    "<rect class=\"cdn-ch-{class}\" x=\"{bx:.1}\" y=\"{:.1}\" width=\"{TR_BAR}\" \
                     height=\"{h:.1}\"/><text class=\"cdn-ch-sub\" x=\"{:.1}\" y=\"{:.1}\" \
                     text-anchor=\"middle\">{v}%</text>",
                    bottom - h,
                    bx + TR_BAR / 2.0,
                    bottom - h - 4.0
                );
            }
        }
        if k.by_target_percent.is_none() {
            let note = if k.planned { "nothing due" } else { "no plan" };
            let _ = write!(
                s,
                "<text class=\"cdn-ch-sub\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{note}</text>",
                bottom - 8.0
            );
        }
        let weight = if current { " cdn-ch-head" } else { "" };
        let _ = write!(
            s,
            "<text class=\"cdn-ch-label{weight}\" x=\"{x:.1}\" y=\"{:.1}\" \
             text-anchor=\"middle\">{}</text><text class=\"cdn-ch-sub\" x=\"{x:.1}\" \
             y=\"{:.1}\" text-anchor=\"middle\">{} committed</text></g>",
            bottom + 18.0,
            esc(&k.quarter),
            bottom + 33.0,
            k.committed
        );
    }
    legend(
        &mut s,
        height - 14.0,
        &[
            ("by-target", "delivered by target"),
            ("by-backup", "delivered by backup (target included)"),
        ],
    );
    s.push_str("</svg>");
    s
}

/// A row of colour keys with their words.
pub(super) fn legend(s: &mut String, y: f64, keys: &[(&str, &str)]) {
    let mut x = 8.0;
    s.push_str("<g class=\"cdn-ch-legend\">");
    for (class, word) in keys {
        let _ = write!(
            s,
            "<rect class=\"cdn-ch-{class}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"14\" height=\"10\" \
             rx=\"2\"/><text class=\"cdn-ch-sub\" x=\"{:.1}\" y=\"{y:.1}\">{}</text>",
            y - 9.0,
            x + 20.0,
            esc(word)
        );
        x += 36.0 + 6.2 * word.chars().count() as f64;
    }
    s.push_str("</g>");
}

const MIX_LABEL: f64 = 130.0;
const MIX_BAR: f64 = 28.0;

/// The investment mix: initiatives and check-in weeks, each a bar split by track.
pub fn investment_mix_svg(r: &QuarterlyReview) -> String {
    let mix = &r.investment;
    let height = 2.0 * (MIX_BAR + 22.0) + 26.0 + 22.0 * mix.tracks.len() as f64;
    let span = WIDTH - MIX_LABEL - 16.0;
    let mut s = String::new();
    open(
        &mut s,
        "investment-mix",
        height,
        &format!("Investment mix by track, {}", r.quarter),
        "",
    );
    let measures = [
        ("initiatives", "Initiatives", mix.initiatives),
        ("checkin-weeks", "Check-in weeks", mix.checkin_weeks),
    ];
    let mut y = 12.0;
    for (key, label, total) in measures {
        let _ = write!(
            s,
            "<g class=\"cdn-ch-measure\" data-measure=\"{key}\" data-total=\"{total}\">\
             <text x=\"8\" y=\"{:.1}\">{label}</text><text class=\"cdn-ch-sub\" x=\"8\" \
             y=\"{:.1}\">{total} in all</text>",
            y + 12.0,
            y + 26.0
        );
        let mut x = MIX_LABEL;
        for t in &mix.tracks {
            let (count, pct) = if key == "initiatives" {
                (t.initiatives, t.initiatives_percent)
            } else {
                (t.checkin_weeks, t.checkin_weeks_percent)
            };
            let w = if total == 0 {
                0.0
            } else {
                span * count as f64 / total as f64
            };
            let _ = write!(
                s,
                "<rect class=\"cdn-ch-seg cdn-ch-{}\" data-track=\"{}\" data-count=\"{count}\" \
                 data-percent=\"{}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{MIX_BAR}\"/>",
                t.track.as_str(),
                t.track.as_str(),
                attr_u32(pct)
            );
            if w >= 34.0 {
                let _ = write!(
                    s,
                    "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" \
                     style=\"fill:#fff;font-weight:600\">{}</text>",
                    x + w / 2.0,
                    y + MIX_BAR / 2.0 + 4.0,
                    percent_text(pct)
                );
            }
            x += w;
        }
        if total == 0 {
            let _ = write!(
                s,
                "<text class=\"cdn-ch-sub\" x=\"{MIX_LABEL}\" y=\"{:.1}\">none this quarter</text>",
                y + MIX_BAR / 2.0 + 4.0
            );
        }
        s.push_str("</g>");
        y += MIX_BAR + 22.0;
    }
    y += 4.0;
    for t in &mix.tracks {
        let _ = write!(
            s,
            "<g class=\"cdn-ch-key\"><rect class=\"cdn-ch-{}\" x=\"8\" y=\"{:.1}\" width=\"14\" \
             height=\"10\" rx=\"2\"/><text x=\"28\" y=\"{y:.1}\">{}</text><text \
             class=\"cdn-ch-sub\" x=\"220\" y=\"{y:.1}\">{} of initiatives ({}), {} of check-in \
             weeks ({})</text></g>",
            t.track.as_str(),
            y - 9.0,
            esc(&t.label),
            percent_text(t.initiatives_percent),
            t.initiatives,
            percent_text(t.checkin_weeks_percent),
            t.checkin_weeks
        );
        y += 22.0;
    }
    s.push_str("</svg>");
    s
}

const GRID_LABEL: f64 = 120.0;
const GRID_HEAD: f64 = 30.0;
const GRID_CELL_H: f64 = 52.0;

fn health_word(h: Option<Health>) -> &'static str {
    h.map(Health::label).unwrap_or("no check-in yet")
}

fn health_class(h: Option<Health>) -> &'static str {
    match h {
        Some(Health::OnTrack) => "on-track",
        Some(Health::AtRisk) => "at-risk",
        Some(Health::OffTrack) => "off-track",
        None => "none",
    }
}

/// The risk grid: active initiatives by risk level (high at the top) and health call, each
/// cell shaded by its count.
pub fn risk_grid_svg(r: &QuarterlyReview) -> String {
    let risk = &r.risk;
    let cell_w = (WIDTH - GRID_LABEL - 16.0) / HEALTH_COLUMNS.len() as f64;
    let height = GRID_HEAD + 3.0 * GRID_CELL_H + 12.0;
    let max = risk.grid.iter().map(|c| c.count).max().unwrap_or(0).max(1) as f64;
    let mut s = String::new();
    open(
        &mut s,
        "risk-grid",
        height,
        &format!(
            "Risk level against health of the {} active initiatives, {}",
            risk.active, r.quarter
        ),
        &format!(" data-active=\"{}\"", risk.active),
    );
    for (n, h) in HEALTH_COLUMNS.iter().enumerate() {
        let _ = write!(
            s,
            "<text class=\"cdn-ch-head\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            GRID_LABEL + (n as f64 + 0.5) * cell_w,
            GRID_HEAD - 10.0,
            esc(&crate::narrative::capitalise(health_word(*h)))
        );
    }
    let levels = [RiskLevel::High, RiskLevel::Medium, RiskLevel::Low];
    for (row, level) in levels.iter().enumerate() {
        let y = GRID_HEAD + row as f64 * GRID_CELL_H;
        let _ = write!(
            s,
            "<text class=\"cdn-ch-head\" x=\"8\" y=\"{:.1}\">{} risk</text>",
            y + GRID_CELL_H / 2.0 + 4.0,
            esc(&crate::narrative::capitalise(level.as_str()))
        );
        for (col, h) in HEALTH_COLUMNS.iter().enumerate() {
            let Some(cell) = risk
                .grid
                .iter()
                .find(|c| c.risk_level == *level && c.health == *h)
            else {
                continue;
            };
            let x = GRID_LABEL + col as f64 * cell_w;
            let opacity = if cell.count == 0 {
                0.06
            } else {
                0.25 + 0.6 * cell.count as f64 / max
            };
            let ids: Vec<String> = cell
                .initiatives
                .iter()
                .map(|i| i.initiative_id.to_string())
                .collect();
            let names: Vec<String> = cell
                .initiatives
                .iter()
                .map(|i| who(&i.title, &i.owner))
                .collect();
            let tip = format!(
                "{} risk, {}: {}",
                crate::narrative::capitalise(level.as_str()),
                health_word(*h),
                if names.is_empty() {
                    "none".to_string()
                } else {
                    crate::narrative::join(&names)
                }
            );
            let _ = write!(
                s,
                "<g class=\"cdn-ch-cell\" data-level=\"{}\" data-health=\"{}\" data-count=\"{}\" \
                 data-ids=\"{}\"><title>{}</title><rect class=\"cdn-ch-{}\" x=\"{:.1}\" y=\"{:.1}\" \
                 width=\"{:.1}\" height=\"{:.1}\" rx=\"3\" fill-opacity=\"{opacity:.2}\"/><text \
                 x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" class=\"cdn-ch-head\">{}</text></g>",
                level.as_str(),
                h.map(Health::as_str).unwrap_or("none"),
                cell.count,
                ids.join(" "),
                super::sentence_plain(&tip),
                health_class(*h),
                x + 2.0,
                y + 2.0,
                cell_w - 4.0,
                GRID_CELL_H - 4.0,
                x + cell_w / 2.0,
                y + GRID_CELL_H / 2.0 + 5.0,
                cell.count
            );
        }
    }
    s.push_str("</svg>");
    s
}
