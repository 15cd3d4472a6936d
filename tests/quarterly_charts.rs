//! The quarterly charts parsed back as XML: their data attributes hold the review's figures,
//! their text is escaped, and they follow the page's colours.

mod common;

use cadence::model::RiskLevel;
use cadence::model::{NewInitiative, Status};
use cadence::narrative::quarterly_update::quarterly_update;
use cadence::render::charts::quarterly_charts;
use cadence::review::quarterly_review::quarterly;
use common::company::{d, Company};
use common::quarter::{fernhill, q};
use roxmltree::{Document, Node};

fn nodes<'a>(doc: &'a Document<'a>, class: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|w| w == class))
        })
        .collect()
}

fn attr<'a>(n: &Node<'a, 'a>, name: &str) -> &'a str {
    n.attribute(name).unwrap_or_default()
}

#[test]
fn the_charts_hold_the_reviews_figures() {
    let f = fernhill();
    let ws = f.co.at("2027-01-05 12:00");
    let r = quarterly(&ws.snapshot().unwrap(), q("2026-Q4"), d("2027-01-05"));
    let charts = quarterly_charts(&r);

    let doc = Document::parse(&charts.planned_vs_delivered).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(attr(&root, "data-quarter"), "2026-Q4");
    let rows: Vec<(&str, &str)> = nodes(&doc, "cdn-ch-row")
        .iter()
        .map(|n| (attr(n, "data-category"), attr(n, "data-value")))
        .collect();
    assert_eq!(
        rows,
        [
            ("committed", "6"),
            ("by-target", "2"),
            ("by-backup", "1"),
            ("late", "1"),
            ("slipped", "1"),
            ("dropped", "1"),
            ("added", "1"),
        ]
    );
    // The words say what the bars show: 2 by the target, 1 more by the backup.
    let summary = quarterly_update(&r).summary.join(" ");
    assert!(
        summary.contains(
            "Of the 6 commitments due, 2 were delivered by the committed target date (33%) and \
             1 more by the backup date, 3 in all (50%)."
        ),
        "{summary}"
    );
    // Each value is written as text too, for a black-and-white print.
    let values: Vec<&str> = nodes(&doc, "cdn-ch-value")
        .iter()
        .map(|n| n.text().unwrap())
        .collect();
    assert_eq!(values, ["6", "2", "1", "1", "1", "1", "1"]);

    let doc = Document::parse(&charts.reliability_trend).unwrap();
    let quarters: Vec<(&str, &str, &str, &str)> = nodes(&doc, "cdn-ch-quarter")
        .iter()
        .map(|n| {
            (
                attr(n, "data-quarter"),
                attr(n, "data-by-target"),
                attr(n, "data-by-backup"),
                attr(n, "data-median-slip"),
            )
        })
        .collect();
    assert_eq!(
        quarters,
        [("2026-Q3", "", "", ""), ("2026-Q4", "33", "50", "5")]
    );

    let doc = Document::parse(&charts.investment_mix).unwrap();
    let segs: Vec<(&str, &str, &str, &str)> = nodes(&doc, "cdn-ch-seg")
        .iter()
        .map(|n| {
            let measure = n.parent().unwrap();
            (
                attr(&measure, "data-measure"),
                attr(n, "data-track"),
                attr(n, "data-count"),
                attr(n, "data-percent"),
            )
        })
        .collect();
    assert_eq!(
        segs,
        [
            ("initiatives", "customer", "5", "63"),
            ("initiatives", "release", "1", "13"),
            ("initiatives", "enabler", "1", "13"),
            ("initiatives", "discovery", "1", "13"),
            ("checkin-weeks", "customer", "10", "83"),
            ("checkin-weeks", "release", "1", "8"),
            ("checkin-weeks", "enabler", "1", "8"),
            ("checkin-weeks", "discovery", "0", "0"),
        ]
    );
    // The segments of a bar fill its width in proportion to their counts.
    let widths: Vec<f64> = nodes(&doc, "cdn-ch-seg")[..4]
        .iter()
        .map(|n| attr(n, "width").parse().unwrap())
        .collect();
    assert!((widths[0] / widths[1] - 5.0).abs() < 0.05, "{widths:?}");

    let doc = Document::parse(&charts.risk_grid).unwrap();
    assert_eq!(attr(&doc.root_element(), "data-active"), "2");
    let cells = nodes(&doc, "cdn-ch-cell");
    assert_eq!(cells.len(), 12);
    let filled: Vec<(&str, &str, &str, &str)> = cells
        .iter()
        .filter(|n| attr(n, "data-count") != "0")
        .map(|n| {
            (
                attr(n, "data-level"),
                attr(n, "data-health"),
                attr(n, "data-count"),
                attr(n, "data-ids"),
            )
        })
        .collect();
    let (audit, reminders) = (f.audit.to_string(), f.reminders.to_string());
    assert_eq!(
        filled,
        [
            ("high", "on-track", "1", audit.as_str()),
            ("medium", "at-risk", "1", reminders.as_str()),
        ]
    );
}

#[test]
fn charts_follow_the_page_and_print_without_colour() {
    let f = fernhill();
    let ws = f.co.at("2027-01-05 12:00");
    let r = quarterly(&ws.snapshot().unwrap(), q("2026-Q4"), d("2027-01-05"));
    let charts = quarterly_charts(&r);
    for svg in [
        &charts.planned_vs_delivered,
        &charts.reliability_trend,
        &charts.investment_mix,
        &charts.risk_grid,
    ] {
        let doc = Document::parse(svg).unwrap();
        let root = doc.root_element();
        assert_eq!(attr(&root, "role"), "img");
        assert!(root.children().any(|n| n.has_tag_name("title")));
        let style = doc
            .descendants()
            .find(|n| n.has_tag_name("style"))
            .and_then(|n| n.text())
            .unwrap();
        assert!(style.contains("fill:currentColor"));
        assert!(style.contains("@media print"));
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("<image"), "vector only, sharp in print");
    }
}

#[test]
fn a_quarter_without_a_plan_says_so_and_text_is_escaped() {
    let co = Company::temp();
    co.at("2026-10-02 09:00")
        .add_initiative(&NewInitiative {
            title: "<script>alert(1)</script> & co".into(),
            owner: "Tomás Silva".into(),
            status: Some(Status::Active),
            target_date: Some("2026-11-02".into()),
            backup_date: Some("2026-11-09".into()),
            risk: Some("</style><b>".into()),
            risk_level: Some(RiskLevel::High),
            ..Default::default()
        })
        .unwrap();
    let ws = co.at("2026-11-20 12:00");
    let r = quarterly(&ws.snapshot().unwrap(), q("2026-Q4"), d("2026-11-20"));
    let charts = quarterly_charts(&r);
    let doc = Document::parse(&charts.planned_vs_delivered).unwrap();
    let text: String = doc.descendants().filter_map(|n| n.text()).collect();
    assert!(text.contains("No plan was committed for 2026-Q4."));
    let added = nodes(&doc, "cdn-ch-row")
        .into_iter()
        .find(|n| attr(n, "data-category") == "added")
        .unwrap();
    assert_eq!(attr(&added, "data-value"), "1");
    // Under way: the open row is shown even when empty.
    assert!(nodes(&doc, "cdn-ch-row")
        .iter()
        .any(|n| attr(n, "data-category") == "open"));
    let doc = Document::parse(&charts.risk_grid).unwrap();
    let cell = nodes(&doc, "cdn-ch-cell")
        .into_iter()
        .find(|n| attr(n, "data-count") == "1")
        .unwrap();
    let tip = cell.children().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(
        tip.text(),
        Some("High risk, no check-in yet: <script>alert(1)</script> & co (Tomás Silva)")
    );
    assert!(!charts.risk_grid.contains("<script>"));
}
