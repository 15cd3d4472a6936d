//! The roadmap timeline SVG parsed back: every bar at its dates, today marked, text escaped.

mod common;

use cadence::render::timeline::{timeline_svg, Zoom};
use cadence::review::monthly_review::MonthlyReview;
use chrono::NaiveDate;
use common::company::{d, Company};
use roxmltree::{Document, Node};

/// The horizontal scale the drawing uses, read back from the axis and the window.
struct Scale {
    from: NaiveDate,
    to: NaiveDate,
    x0: f64,
    day: f64,
}

impl Scale {
    fn read(svg: &Node) -> Self {
        let from = d(svg.attribute("data-from").unwrap());
        let to = d(svg.attribute("data-to").unwrap());
        let axis = svg
            .descendants()
            .find(|n| has_class(n, "cdn-tl-axis"))
            .expect("an axis line");
        let x0 = num(&axis, "x1");
        let x1 = num(&axis, "x2");
        let days = (to - from).num_days() as f64 + 1.0;
        Scale {
            from,
            to,
            x0,
            day: (x1 - x0) / days,
        }
    }

    /// The x-range drawn for the days `first..=last`, cut to the window.
    fn span(&self, first: NaiveDate, last: NaiveDate) -> (f64, f64) {
        let (a, b) = (first.max(self.from), last.min(self.to));
        let x = |date: NaiveDate| self.x0 + (date - self.from).num_days() as f64 * self.day;
        (x(a), x(b) + self.day)
    }
}

fn has_class(n: &Node, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|w| w == class))
}

fn num(n: &Node, attr: &str) -> f64 {
    n.attribute(attr).unwrap().parse().unwrap()
}

fn date_attr(n: &Node, attr: &str) -> Option<NaiveDate> {
    n.attribute(attr).filter(|v| !v.is_empty()).map(d)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.11
}

/// Checks every row against the review and the scale; returns how many rows were drawn.
fn check_bars(review: &MonthlyReview, svg_text: &str) -> usize {
    let doc = Document::parse(svg_text).expect("well-formed SVG");
    let svg = doc.root_element();
    assert_eq!(svg.tag_name().name(), "svg");
    let scale = Scale::read(&svg);
    let items = review.roadmap.timeline_items();
    let rows: Vec<Node> = svg
        .descendants()
        .filter(|n| has_class(n, "cdn-tl-row"))
        .collect();
    assert_eq!(rows.len(), items.len());
    for (row, item) in rows.iter().zip(&items) {
        assert_eq!(row.attribute("data-id").unwrap(), item.id.to_string());
        assert_eq!(date_attr(row, "data-start"), item.timeline_start);
        assert_eq!(date_attr(row, "data-target"), item.target_date);
        assert_eq!(date_attr(row, "data-backup"), item.backup_date);
        let committed = item
            .committed_target
            .filter(|c| Some(*c) != item.target_date);
        assert_eq!(date_attr(row, "data-committed"), committed);
        let target = item.target_date.unwrap();
        let start = item.timeline_start.unwrap_or(target).min(target);
        let bar = row.children().find(|n| has_class(n, "cdn-tl-bar"));
        if start <= scale.to && target >= scale.from {
            let bar = bar.unwrap_or_else(|| panic!("a bar for {}", item.title));
            let (x0, x1) = scale.span(start, target);
            assert!(
                close(num(&bar, "x"), x0),
                "{} starts at its start",
                item.title
            );
            assert!(
                close(num(&bar, "x") + num(&bar, "width"), x1),
                "{} ends at its target",
                item.title
            );
        } else {
            assert!(bar.is_none(), "{} lies outside the window", item.title);
        }
        let backup = row.children().find(|n| has_class(n, "cdn-tl-backup"));
        match item.backup_date.filter(|b| *b > target) {
            Some(b) if target < scale.to && b >= scale.from => {
                let backup = backup.unwrap_or_else(|| panic!("{} backup", item.title));
                let (x0, x1) = scale.span(target.succ_opt().unwrap(), b);
                assert!(close(num(&backup, "x"), x0));
                assert!(close(num(&backup, "x") + num(&backup, "width"), x1));
            }
            _ => assert!(backup.is_none()),
        }
        let mark = row.children().find(|n| has_class(n, "cdn-tl-committed"));
        assert_eq!(
            mark.is_some(),
            committed.is_some_and(|c| (scale.from..=scale.to).contains(&c)),
            "{} committed mark",
            item.title
        );
    }
    rows.len()
}

fn sample_review(month: &str, today: &str) -> MonthlyReview {
    let co = Company::temp();
    co.at(&format!("{today} 08:00")).load_sample(false).unwrap();
    co.review(month, today)
}

#[test]
fn every_bar_of_the_sample_sits_at_its_dates_in_both_zooms() {
    let r = sample_review("2026-11", "2026-11-23");
    for zoom in [Zoom::Month, Zoom::Quarter] {
        let svg = timeline_svg(&r, zoom);
        assert_eq!(check_bars(&r, &svg), 7, "{zoom:?}");
        let doc = Document::parse(&svg).unwrap();
        let today = doc
            .descendants()
            .find(|n| has_class(n, "cdn-tl-today") && n.has_attribute("data-date"))
            .expect("today is marked");
        assert_eq!(today.attribute("data-date"), Some("2026-11-23"));
    }
    let quarter = Document::parse(&timeline_svg(&r, Zoom::Quarter))
        .unwrap()
        .root_element()
        .attribute("data-from")
        .map(String::from);
    assert_eq!(quarter.as_deref(), Some("2026-10-01"));
}

#[test]
fn the_first_committed_target_is_marked_only_where_it_differs() {
    let r = sample_review("2026-11", "2026-11-23");
    let svg = timeline_svg(&r, Zoom::Quarter);
    let doc = Document::parse(&svg).unwrap();
    let marked: Vec<&str> = doc
        .descendants()
        .filter(|n| has_class(n, "cdn-tl-row"))
        .filter(|n| n.children().any(|c| has_class(&c, "cdn-tl-committed")))
        .map(|n| n.attribute("data-id").unwrap())
        .collect();
    let slipped: Vec<String> = r
        .roadmap
        .timeline_items()
        .iter()
        .filter(|i| i.committed_target.is_some() && i.committed_target != i.target_date)
        .map(|i| i.id.to_string())
        .collect();
    assert_eq!(marked, slipped);
    assert_eq!(
        marked.len(),
        2,
        "Billing v2 and Mobile offline mode slipped"
    );
}

#[test]
fn a_past_month_is_marked_at_its_end_and_bars_outside_the_window_are_left_out() {
    let co = Company::temp();
    co.active(
        "2026-09-01 09:00",
        "Early",
        "Tomás Silva",
        "2026-09-11",
        "2026-09-18",
    );
    co.proposed(
        "2026-09-01 09:00",
        "Late",
        "Lena Fischer",
        Some("2027-03-05"),
    );
    co.active(
        "2026-09-01 09:00",
        "Across",
        "Ravi Menon",
        "2026-10-30",
        "2026-11-13",
    );
    let r = co.review("2026-10", "2026-11-23");
    let svg = timeline_svg(&r, Zoom::Month);
    assert_eq!(check_bars(&r, &svg), 3);
    let doc = Document::parse(&svg).unwrap();
    let today = doc
        .descendants()
        .find(|n| has_class(n, "cdn-tl-today") && n.has_attribute("data-date"))
        .unwrap();
    assert_eq!(today.attribute("data-date"), Some("2026-10-31"));
    let label = doc
        .descendants()
        .find(|n| has_class(n, "cdn-tl-today-label"))
        .unwrap();
    assert_eq!(label.text(), Some("as of 31 Oct"));
    let beyond = doc
        .descendants()
        .filter(|n| has_class(n, "cdn-tl-beyond"))
        .count();
    assert_eq!(
        beyond, 2,
        "Early ended before October, Late starts after it"
    );
}

#[test]
fn hostile_titles_are_text_and_the_picture_carries_no_script() {
    let co = Company::temp();
    let hostile = "<script>alert(1)</script> & \"Q4\" </style><img src=x onerror=alert(1)>";
    co.active(
        "2026-11-02 09:00",
        hostile,
        "Tomás Silva",
        "2026-11-20",
        "2026-11-27",
    );
    let r = co.review("2026-11", "2026-11-23");
    let svg = timeline_svg(&r, Zoom::Quarter);
    let doc = Document::parse(&svg).expect("still well-formed");
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        assert!(
            !matches!(name, "script" | "img" | "foreignObject" | "a"),
            "{name}"
        );
        for a in n.attributes() {
            assert!(!a.name().starts_with("on"), "{} has {}", name, a.name());
            assert!(!a.value().contains("javascript:"));
        }
    }
    let tooltip = doc
        .descendants()
        .filter(|n| n.has_tag_name("title"))
        .find_map(|n| n.text().filter(|t| t.contains("alert")))
        .unwrap();
    assert!(tooltip.starts_with(hostile), "{tooltip}");
    let styles: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("style"))
        .collect();
    assert_eq!(styles.len(), 1);
    assert!(!styles[0].text().unwrap().contains("alert"));
}

#[test]
fn an_empty_roadmap_says_so() {
    let co = Company::temp();
    co.proposed("2026-11-02 09:00", "Idea", "Priya Natarajan", None);
    let r = co.review("2026-11", "2026-11-23");
    let svg = timeline_svg(&r, Zoom::Month);
    assert_eq!(check_bars(&r, &svg), 0);
    assert!(svg.contains("No active or upcoming initiatives."));
}

#[test]
fn the_roadmap_view_shows_the_same_picture_as_the_html_export() {
    let co = Company::temp();
    co.at("2026-11-23 08:00").load_sample(false).unwrap();
    let ws = co.at("2026-11-23 12:00");
    let month = Some(cadence::calendar::Month::parse("month", "2026-11").unwrap());
    for zoom in [Zoom::Month, Zoom::Quarter] {
        let view = ws.roadmap(month, zoom).unwrap();
        assert_eq!(view.zoom, zoom);
        assert_eq!(view.review, ws.monthly_review(month).unwrap());
        let html = ws
            .monthly_update(month, cadence::model::Format::Html, zoom)
            .unwrap();
        assert!(html.contains(&view.timeline_svg), "{zoom:?}");
        assert_eq!(check_bars(&view.review, &view.timeline_svg), 7);
    }
}
