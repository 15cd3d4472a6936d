//! The quarterly review's Release confidence chart as SVG: releases shipped and missed, the
//! on-time rate, the change failure rate, the time to restore and the rehearsal time, for
//! the quarter and up to four earlier quarters, in the style of the other quarterly charts
//! ([`super::charts`]). Each measure is a row, each quarter a column; every value is also
//! written as text, and each mark carries `data-measure`, `data-quarter` and `data-value`
//! (with the counts behind it) for tools and tests to read back.

use std::fmt::Write;

use super::charts::{legend, open, WIDTH};
use super::escape_html as esc;
use crate::review::releases::{QuarterReleases, ReleaseConfidence};

const LABEL: f64 = 190.0;
const HEAD: f64 = 28.0;
const ROW: f64 = 86.0;
const BAR_MAX: f64 = 40.0;
const BAR_W: f64 = 22.0;

/// A measure's value in one quarter: the bars to draw (class, height share 0–1) and the
/// words written under them.
struct Cell {
    attrs: String,
    bars: Vec<(&'static str, f64)>,
    value: String,
    sub: String,
}

/// `part ÷ whole` as a whole percentage, as the narrative rounds it.
fn percent(part: i32, whole: i32) -> Option<i64> {
    (whole > 0).then(|| (f64::from(part) * 100.0 / f64::from(whole)).round() as i64)
}

/// Minutes as the narrative writes them: whole, else to one decimal.
fn minutes(m: f64) -> String {
    if m.fract() == 0.0 {
        format!("{m:.0}")
    } else {
        format!("{m:.1}")
    }
}

fn releases_cell(q: &QuarterReleases, max: f64) -> Cell {
    let shipped = q.on_time.shipped;
    Cell {
        attrs: format!(
            "data-value=\"{shipped}\" data-shipped=\"{shipped}\" data-missed=\"{}\"",
            q.missed
        ),
        bars: vec![
            ("by-target", f64::from(shipped) / max),
            ("slipped", f64::from(q.missed) / max),
        ],
        value: format!("{shipped} · {}", q.missed),
        sub: "shipped · missed".into(),
    }
}

fn rate_cell(part: i32, whole: i32, class: &'static str, none: &str) -> Cell {
    let pct = percent(part, whole);
    Cell {
        attrs: format!(
            "data-value=\"{}\" data-part=\"{part}\" data-whole=\"{whole}\"",
            pct.map(|p| p.to_string()).unwrap_or_default()
        ),
        bars: pct
            .map(|p| vec![(class, p as f64 / 100.0)])
            .unwrap_or_default(),
        value: pct.map(|p| format!("{p}%")).unwrap_or_else(|| "–".into()),
        sub: if whole > 0 {
            format!("{part} of {whole}")
        } else {
            none.into()
        },
    }
}

fn restore_cell(q: &QuarterReleases, max: f64) -> Cell {
    let r = &q.restore;
    Cell {
        attrs: format!(
            "data-value=\"{}\" data-count=\"{}\"",
            r.median.map(minutes).unwrap_or_default(),
            r.minutes.len()
        ),
        bars: r
            .median
            .map(|m| vec![("late", m / max)])
            .unwrap_or_default(),
        value: r
            .median
            .map(|m| format!("{} min", minutes(m)))
            .unwrap_or_else(|| "–".into()),
        sub: match r.minutes.len() {
            0 => "nothing to restore".into(),
            1 => "1 restore".into(),
            n => format!("median of {n}"),
        },
    }
}

fn rehearsal_cell(q: &QuarterReleases, max: f64) -> Cell {
    let latest = q.rehearsals.latest;
    Cell {
        attrs: format!(
            "data-value=\"{}\" data-on=\"{}\" data-count=\"{}\"",
            latest.map(|(_, m)| m.to_string()).unwrap_or_default(),
            latest.map(|(on, _)| on.to_string()).unwrap_or_default(),
            q.rehearsals.minutes.len()
        ),
        bars: latest
            .map(|(_, m)| vec![("open", m as f64 / max)])
            .unwrap_or_default(),
        value: latest
            .map(|(_, m)| format!("{m} min"))
            .unwrap_or_else(|| "–".into()),
        sub: match (q.rehearsals.minutes.len(), latest) {
            (_, None) => "never rehearsed".into(),
            (0, Some(_)) => "none this quarter".into(),
            (1, _) => "1 this quarter".into(),
            (n, _) => format!("{n} this quarter"),
        },
    }
}

/// The largest of `values`, at least 1 (the scale of a row).
fn scale(values: impl Iterator<Item = f64>) -> f64 {
    values.fold(1.0, f64::max)
}

/// The Release confidence chart of `c`: `None` when the workspace records no releases.
pub fn release_confidence_svg(c: &ReleaseConfidence) -> Option<String> {
    if !c.tracked {
        return None;
    }
    let quarters: Vec<&QuarterReleases> = c.earlier.iter().chain([&c.this_quarter]).collect();
    let releases_max = scale(
        quarters
            .iter()
            .flat_map(|q| [q.on_time.shipped, q.missed])
            .map(f64::from),
    );
    let restore_max = scale(quarters.iter().filter_map(|q| q.restore.median));
    let rehearsal_max = scale(
        quarters
            .iter()
            .filter_map(|q| q.rehearsals.latest.map(|(_, m)| m as f64)),
    );
    type Measure<'a> = (
        &'static str,
        &'static str,
        &'static str,
        Box<dyn Fn(&QuarterReleases) -> Cell + 'a>,
    );
    let measures: [Measure; 5] = [
        (
            "releases",
            "Releases",
            "shipped and missed",
            Box::new(|q| releases_cell(q, releases_max)),
        ),
        (
            "on-time",
            "On time",
            "shipped by the backup date",
            Box::new(|q| {
                let o = &q.on_time;
                rate_cell(
                    o.by_target + o.by_backup,
                    o.shipped,
                    "by-target",
                    "none shipped",
                )
            }),
        ),
        (
            "change-failure",
            "Change failure rate",
            "rolled back or an incident (DORA)",
            Box::new(|q| {
                let f = &q.change_failure;
                rate_cell(f.failed, f.shipped, "slipped", "none shipped")
            }),
        ),
        (
            "restore",
            "Time to restore",
            "median, minutes",
            Box::new(|q| restore_cell(q, restore_max)),
        ),
        (
            "rehearsal",
            "Rollback rehearsal",
            "latest, minutes",
            Box::new(|q| rehearsal_cell(q, rehearsal_max)),
        ),
    ];
    let height = HEAD + ROW * measures.len() as f64 + 30.0;
    let slot = (WIDTH - LABEL - 16.0) / quarters.len() as f64;
    let mut s = String::new();
    open(
        &mut s,
        "release-confidence",
        height,
        &format!(
            "Release confidence by quarter, up to {}",
            c.this_quarter.quarter
        ),
        &format!(" data-quarter=\"{}\"", esc(&c.this_quarter.quarter)),
    );
    for (n, q) in quarters.iter().enumerate() {
        let weight = if n + 1 == quarters.len() {
            " cdn-ch-head"
        } else {
            ""
        };
        let _ = write!(
            s,
            "<text class=\"cdn-ch-label{weight}\" x=\"{:.1}\" y=\"{:.1}\" \
             text-anchor=\"middle\">{}</text>",
            LABEL + (n as f64 + 0.5) * slot,
            HEAD - 10.0,
            esc(&q.quarter)
        );
    }
    for (row, (key, label, sub, cell_of)) in measures.iter().enumerate() {
        let top = HEAD + row as f64 * ROW;
        let base = top + 12.0 + BAR_MAX;
        let _ = write!(
            s,
            "<line class=\"cdn-ch-grid\" x1=\"8\" y1=\"{top:.1}\" x2=\"{:.1}\" y2=\"{top:.1}\"/>\
             <text class=\"cdn-ch-head\" x=\"8\" y=\"{:.1}\">{label}</text>\
             <text class=\"cdn-ch-sub\" x=\"8\" y=\"{:.1}\">{sub}</text>",
            WIDTH - 8.0,
            top + 30.0,
            top + 45.0
        );
        for (n, q) in quarters.iter().enumerate() {
            let cell = cell_of(q);
            let x = LABEL + (n as f64 + 0.5) * slot;
            let _ = write!(
                s,
                "<g class=\"cdn-ch-rc\" data-measure=\"{key}\" data-quarter=\"{}\" {}>",
                esc(&q.quarter),
                cell.attrs
            );
            let width = BAR_W * cell.bars.len() as f64 + 4.0 * (cell.bars.len() as f64 - 1.0);
            let mut bx = x - width / 2.0;
            for (class, share) in &cell.bars {
                let h = BAR_MAX * share.clamp(0.0, 1.0);
                let _ = write!(
                    s,
                    "<rect class=\"cdn-ch-{class}\" x=\"{bx:.1}\" y=\"{:.1}\" width=\"{BAR_W}\" \
                     height=\"{h:.1}\" rx=\"2\"/>",
                    base - h
                );
                bx += BAR_W + 4.0;
            }
            let _ = write!(
                s,
                "<text class=\"cdn-ch-value\" x=\"{x:.1}\" y=\"{:.1}\" \
                 text-anchor=\"middle\">{}</text><text class=\"cdn-ch-sub\" x=\"{x:.1}\" \
                 y=\"{:.1}\" text-anchor=\"middle\">{}</text></g>",
                base + 13.0,
                esc(&cell.value),
                base + 25.0,
                esc(&cell.sub)
            );
        }
    }
    legend(
        &mut s,
        height - 10.0,
        &[
            ("by-target", "shipped, on time"),
            ("slipped", "missed, failed"),
            ("late", "time to restore"),
            ("open", "rehearsal"),
        ],
    );
    s.push_str("</svg>");
    Some(s)
}
