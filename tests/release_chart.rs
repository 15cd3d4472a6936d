//! The quarterly Release confidence chart parsed back as XML, on releases over five quarters
//! worked through by hand: its marks hold the figures the text gives, quarter by quarter
//! (an empty quarter left out), and the HTML export carries it in its section.

use std::path::Path;

use cadence::calendar::{Clock, Quarter};
use cadence::model::Format;
use cadence::narrative::quarterly_update::quarterly_update;
use cadence::release::EventKind;
use cadence::render::charts::quarterly_charts;
use cadence::render::quarterly_export::render_quarterly;
use cadence::review::quarterly_review::quarterly;
use cadence::store::{NewEvent, NewRelease, Workspace};
use chrono::{NaiveDate, NaiveDateTime};
use roxmltree::{Document, ParsingOptions};

fn at(path: &Path, when: &str) -> Workspace {
    let now = NaiveDateTime::parse_from_str(when, "%Y-%m-%d %H:%M").unwrap();
    Workspace::open_or_create(path, Clock::pinned_at(now)).unwrap()
}

fn release(name: &str, target: &str, backup: &str) -> NewRelease {
    NewRelease {
        name: name.into(),
        fixes: "Customers can pay by card without a support ticket".into(),
        target_date: target.into(),
        backup_date: backup.into(),
        scope_owner: "Ana Lima".into(),
        delivery_owner: "Ben Okafor".into(),
        readiness_owner: "Chen Wei".into(),
        stop_owner: None,
        support_note: None,
        rollback_triggers: None,
        stable_version: None,
    }
}

fn event(kind: EventKind, at: &str, restored: &str) -> NewEvent {
    NewEvent {
        kind,
        at: at.into(),
        restored_at: Some(restored.into()),
        note: "Sign-in failed".into(),
        hotfix: false,
    }
}

/// Releases from 2026-Q1 to 2027-Q1, nothing in 2026-Q2. By quarter (hand-worked):
///
/// | quarter | shipped | missed | on time | change failure | restore (median) | rehearsal (latest) |
/// | 2026-Q1 | 1 (0.9 late) | 1 | 0 of 1 = 0% | 0 of 1 = 0% | none | never |
/// | 2026-Q3 | 2 (1.0 by target, 1.1 by backup) | 0 | 2 of 2 = 100% | 1 of 2 = 50% | 30 | 50 |
/// | 2026-Q4 | 2 (1.3 late, 1.4 by target) | 2 (1.2 cancelled, 1.3 late) | 1 of 2 = 50% | 1 of 2 = 50% | 20, 70 → 45 | 40 → 25 |
/// | 2027-Q1 | 2 (2.0 by target, 2.1 by backup) | 0 | 2 of 2 = 100% | 1 of 2 = 50% | 15 | 25 (none this quarter) |
fn build(path: &Path) {
    let mut ws = at(path, "2026-02-01 09:00");
    let r = ws
        .add_release(&release("0.9", "2026-03-02", "2026-03-06"))
        .unwrap();
    let mut ws = at(path, "2026-03-09 10:00");
    ws.ship_release(r.id, Some("2026-03-09 10:00")).unwrap();

    let mut ws = at(path, "2026-07-01 09:00");
    let a = ws
        .add_release(&release("1.0", "2026-08-03", "2026-08-07"))
        .unwrap();
    let b = ws
        .add_release(&release("1.1", "2026-09-01", "2026-09-04"))
        .unwrap();
    let mut ws = at(path, "2026-08-03 10:00");
    ws.ship_release(a.id, Some("2026-08-03 10:00")).unwrap();
    let mut ws = at(path, "2026-08-20 10:00");
    ws.rehearse_release(b.id, 50, None, None, None).unwrap();
    let mut ws = at(path, "2026-09-03 12:00");
    ws.ship_release(b.id, Some("2026-09-03 10:00")).unwrap();
    ws.record_release_event(
        b.id,
        &event(EventKind::Rollback, "2026-09-03 11:00", "2026-09-03 11:30"),
    )
    .unwrap();

    let mut ws = at(path, "2026-10-01 09:00");
    let c = ws
        .add_release(&release("1.2", "2026-10-05", "2026-10-09"))
        .unwrap();
    let d = ws
        .add_release(&release("1.3", "2026-11-02", "2026-11-06"))
        .unwrap();
    let e = ws
        .add_release(&release("1.4", "2026-12-01", "2026-12-04"))
        .unwrap();
    let mut ws = at(path, "2026-10-08 09:00");
    ws.cancel_release(c.id, "Folded into 1.3").unwrap();
    let mut ws = at(path, "2026-11-11 12:00");
    ws.ship_release(d.id, Some("2026-11-10 09:00")).unwrap();
    ws.record_release_event(
        d.id,
        &event(EventKind::Incident, "2026-11-10 14:00", "2026-11-10 14:20"),
    )
    .unwrap();
    ws.record_release_event(
        d.id,
        &event(EventKind::Incident, "2026-11-11 09:00", "2026-11-11 10:10"),
    )
    .unwrap();
    let mut ws = at(path, "2026-11-20 10:00");
    ws.rehearse_release(e.id, 40, None, None, None).unwrap();
    let mut ws = at(path, "2026-12-01 10:00");
    ws.ship_release(e.id, Some("2026-12-01 10:00")).unwrap();
    let mut ws = at(path, "2026-12-10 10:00");
    let f = ws
        .add_release(&release("2.0", "2027-02-01", "2027-02-05"))
        .unwrap();
    ws.rehearse_release(f.id, 25, None, None, None).unwrap();

    let g = ws
        .add_release(&release("2.1", "2027-02-15", "2027-02-19"))
        .unwrap();
    let mut ws = at(path, "2027-02-01 09:00");
    ws.ship_release(f.id, Some("2027-02-01 09:00")).unwrap();
    let mut ws = at(path, "2027-02-18 13:00");
    ws.ship_release(g.id, Some("2027-02-18 11:00")).unwrap();
    ws.record_release_event(
        g.id,
        &event(EventKind::Rollback, "2027-02-18 12:00", "2027-02-18 12:15"),
    )
    .unwrap();
}

fn marks(svg: &str) -> Vec<(String, String, String)> {
    let doc = Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.attribute("class") == Some("cdn-ch-rc"))
        .map(|n| {
            (
                n.attribute("data-measure").unwrap().to_string(),
                n.attribute("data-quarter").unwrap().to_string(),
                n.attribute("data-value").unwrap().to_string(),
            )
        })
        .collect()
}

fn of<'a>(marks: &'a [(String, String, String)], measure: &str) -> Vec<(&'a str, &'a str)> {
    marks
        .iter()
        .filter(|m| m.0 == measure)
        .map(|m| (m.1.as_str(), m.2.as_str()))
        .collect()
}

#[test]
fn the_chart_plots_each_quarters_release_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cadence.db");
    build(&path);
    let ws = at(&path, "2027-03-10 12:00");
    let quarter = Quarter::parse("quarter", "2027-Q1", 1).unwrap();
    let today = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
    let r = quarterly(&ws.snapshot().unwrap(), quarter, today);
    let svg = quarterly_charts(&r).release_confidence.unwrap();
    let m = marks(&svg);

    let quarters = ["2026-Q1", "2026-Q3", "2026-Q4", "2027-Q1"];
    let expect = |values: [&'static str; 4]| -> Vec<(&'static str, &'static str)> {
        quarters.iter().copied().zip(values).collect()
    };
    assert_eq!(of(&m, "releases"), expect(["1", "2", "2", "2"]));
    assert_eq!(of(&m, "on-time"), expect(["0", "100", "50", "100"]));
    assert_eq!(of(&m, "change-failure"), expect(["0", "50", "50", "50"]));
    assert_eq!(of(&m, "restore"), expect(["", "30", "45", "15"]));
    assert_eq!(of(&m, "rehearsal"), expect(["", "50", "25", "25"]));

    // The counts behind the values, and the bars' heights in proportion.
    let doc = Document::parse(&svg).unwrap();
    let mark = |measure: &str, quarter: &str| {
        doc.descendants()
            .find(|n| {
                n.attribute("data-measure") == Some(measure)
                    && n.attribute("data-quarter") == Some(quarter)
            })
            .unwrap()
    };
    let q4 = mark("releases", "2026-Q4");
    assert_eq!(
        (q4.attribute("data-shipped"), q4.attribute("data-missed")),
        (Some("2"), Some("2"))
    );
    let q4 = mark("on-time", "2026-Q4");
    assert_eq!(
        (q4.attribute("data-part"), q4.attribute("data-whole")),
        (Some("1"), Some("2"))
    );
    assert_eq!(
        mark("restore", "2026-Q4").attribute("data-count"),
        Some("2")
    );
    let q1 = mark("rehearsal", "2027-Q1");
    assert_eq!(
        (q1.attribute("data-on"), q1.attribute("data-count")),
        (Some("2026-12-10"), Some("0"))
    );
    let height = |measure: &str, quarter: &str| -> f64 {
        mark(measure, quarter)
            .children()
            .find(|c| c.has_tag_name("rect"))
            .map(|r| r.attribute("height").unwrap().parse().unwrap())
            .unwrap_or(0.0)
    };
    assert_eq!(
        height("restore", "2026-Q4"),
        40.0,
        "the longest is full height"
    );
    assert_eq!(
        height("restore", "2026-Q3"),
        26.7,
        "30 of 45 minutes, of 40 units"
    );
    assert_eq!(height("on-time", "2026-Q4"), 20.0);
    assert_eq!(
        height("restore", "2026-Q1"),
        0.0,
        "nothing to restore, no bar"
    );
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| {
            n.attribute("class") == Some("cdn-ch-value")
                && n.parent().and_then(|p| p.attribute("data-measure")) == Some("restore")
        })
        .map(|n| n.text().unwrap())
        .collect();
    assert_eq!(texts, ["–", "30 min", "45 min", "15 min"]);

    // The text gives the same figures, quarter by quarter.
    let update = quarterly_update(&r);
    let section = update
        .sections
        .iter()
        .find(|s| s.key == "release-confidence")
        .unwrap();
    assert_eq!(
        section.items,
        [
            "2026-Q1: 1 shipped, 1 missed; on time 0% (0 of 1); change failure 0% (0 of 1); time to restore nothing to restore; latest rehearsal never rehearsed.",
            "2026-Q3: 2 shipped, 0 missed; on time 100% (2 of 2); change failure 50% (1 of 2); time to restore 30 minutes; latest rehearsal 50 minutes.",
            "2026-Q4: 2 shipped, 2 missed; on time 50% (1 of 2); change failure 50% (1 of 2); time to restore 45 minutes; latest rehearsal 25 minutes.",
            "2027-Q1: 2 shipped, 0 missed; on time 100% (2 of 2); change failure 50% (1 of 2); time to restore 15 minutes; latest rehearsal 25 minutes.",
        ]
    );

    // The HTML page holds the chart in the Release confidence section.
    let html = render_quarterly(&r, Format::Html).unwrap();
    let options = ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let page = Document::parse_with_options(&html, options).unwrap();
    let chart = page
        .descendants()
        .find(|n| n.attribute("data-chart") == Some("release-confidence"))
        .expect("the chart is on the page");
    let section = chart
        .ancestors()
        .find(|a| a.has_tag_name("section"))
        .unwrap();
    assert!(
        section
            .attribute("class")
            .unwrap_or_default()
            .contains("release-confidence"),
        "{:?}",
        section.attribute("class")
    );
}

#[test]
fn a_workspace_without_releases_has_no_release_chart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cadence.db");
    let ws = at(&path, "2027-03-10 12:00");
    let quarter = Quarter::parse("quarter", "2027-Q1", 1).unwrap();
    let today = NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
    let r = quarterly(&ws.snapshot().unwrap(), quarter, today);
    assert_eq!(quarterly_charts(&r).release_confidence, None);
    let html = render_quarterly(&r, Format::Html).unwrap();
    assert!(!html.contains("release-confidence"));
}
