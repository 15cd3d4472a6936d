//! Sending any review's update from the core: rendered, copied or saved, and kept as sent.

mod common;

use cadence::calendar::{Month, Quarter};
use cadence::model::Format;
use cadence::model::ReviewKind;
use cadence::render::timeline::Zoom;
use cadence::snapshot::Snapshot;
use cadence::usecases::send_update::UpdateOptions;
use common::company::Company;

/// An update rendered as one HTML page.
fn html() -> UpdateOptions {
    UpdateOptions {
        format: Format::Html,
        ..UpdateOptions::default()
    }
}

#[test]
fn each_review_kind_is_exported_saved_and_reread_exactly_as_sent() {
    let co = Company::temp();
    co.at("2026-11-23 08:00").load_sample(false).unwrap();
    let mut ws = co.at("2026-11-23 12:00");
    let dir = tempfile::tempdir().unwrap();

    let mut clipboard = (String::new(), String::new());
    let both = ws
        .copy_update(
            ReviewKind::Monthly,
            Some("2026-11"),
            Zoom::default(),
            |html, text| {
                clipboard = (html.to_string(), text.to_string());
                Ok(())
            },
        )
        .unwrap();
    let copied = &both[0];
    assert_eq!(copied.body, clipboard.0);
    assert_eq!(both[1].body, clipboard.1);
    assert_eq!(
        ws.sent_monthly(month_of("2026-11"), Format::Text)
            .unwrap()
            .body,
        clipboard.1
    );
    assert_eq!(
        (copied.kind.as_str(), copied.period.as_str()),
        ("monthly", "2026-11")
    );
    let month = Month::parse("month", "2026-11").unwrap();
    assert_eq!(
        ws.sent_monthly(month, Format::Html).unwrap().body,
        copied.body
    );
    assert!(copied.body.contains("<svg"), "the page embeds the timeline");

    let file = dir.path().join("q.md");
    let saved = ws
        .save_update(
            ReviewKind::Quarterly,
            None,
            UpdateOptions::default(),
            ("path", &file),
            false,
        )
        .unwrap();
    assert_eq!(saved.period, "2026-Q4");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), saved.body);
    let quarter = Quarter::parse("quarter", "2026-Q4", 1).unwrap();
    assert_eq!(
        ws.sent_quarterly(quarter, Format::Markdown).unwrap().body,
        saved.body
    );

    let copied_week = ws
        .copy_update(ReviewKind::Weekly, None, Zoom::default(), |_, _| Ok(()))
        .unwrap();
    let week = &copied_week[1];
    assert_eq!(week.period, "2026-W48");
    assert!(week
        .body
        .starts_with("Weekly update: 23–29 November 2026\n"));
    assert!(ws.weekly_review(None).unwrap().kept_at.is_some());
}

fn month_of(text: &str) -> Month {
    Month::parse("month", text).unwrap()
}

#[test]
fn an_update_whose_copy_failed_is_not_kept_as_sent() {
    let co = Company::temp();
    co.at("2026-11-23 08:00").load_sample(false).unwrap();
    let mut ws = co.at("2026-11-23 12:00");
    let err = ws
        .copy_update(ReviewKind::Weekly, None, Zoom::default(), |_, _| {
            Err(cadence::Error::Conflict(
                "the clipboard is not available".into(),
            ))
        })
        .unwrap_err();
    assert!(err.to_string().contains("clipboard"), "{err}");
    assert!(ws.weekly_review(None).unwrap().kept_at.is_none());
    assert!(ws.kept_weeks().unwrap().is_empty());
}

#[test]
fn a_bad_period_names_its_field_and_keeps_nothing() {
    let co = Company::temp();
    co.at("2026-11-23 08:00").load_sample(false).unwrap();
    let mut ws = co.at("2026-11-23 12:00");
    let err = ws
        .copy_update(
            ReviewKind::Weekly,
            Some("2026-48"),
            Zoom::default(),
            |_, _| Ok(()),
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("week"));
    let err = ws
        .copy_update(
            ReviewKind::Monthly,
            Some("2026-13"),
            Zoom::default(),
            |_, _| Ok(()),
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("month"));
    let err = ws
        .save_update(
            ReviewKind::Quarterly,
            Some("2026-Q5"),
            html(),
            ("path", std::path::Path::new("/nonexistent/x.html")),
            true,
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("quarter"));
    assert!(ws.kept_weeks().unwrap().is_empty());
}

#[test]
fn saving_an_update_never_writes_over_the_workspace_and_keeps_nothing_when_refused() {
    let co = Company::temp();
    co.at("2026-11-23 08:00").load_sample(false).unwrap();
    let mut ws = co.at("2026-11-23 12:00");
    let before = std::fs::read(&co.path).unwrap();
    let mut wal = co.path.clone().into_os_string();
    wal.push("-wal");
    for target in [co.path.clone(), wal.into()] {
        let err = ws
            .save_update(ReviewKind::Weekly, None, html(), ("path", &target), true)
            .unwrap_err();
        assert_eq!(err.field(), Some("path"));
        assert!(err.to_string().contains("is the open workspace"), "{err}");
    }
    assert!(ws.kept_weeks().unwrap().is_empty());
    drop(ws);
    assert_eq!(std::fs::read(&co.path).unwrap(), before);
}

#[test]
fn reviews_read_when_updates_were_kept_and_only_export_reads_their_bodies() {
    let co = Company::temp();
    co.at("2026-11-23 08:00").load_sample(false).unwrap();
    let mut ws = co.at("2026-11-23 12:00");
    let kept = ws
        .send_update(
            ReviewKind::Weekly,
            None,
            UpdateOptions::default(),
            |_, _| Ok(()),
        )
        .unwrap();

    let read = ws.snapshot().unwrap();
    let held = read.reviews.iter().find(|r| r.id == kept.id).unwrap();
    assert_eq!(held.body, None, "a review's snapshot leaves the bodies out");
    assert_eq!(held.created_at, kept.created_at);
    assert_eq!(ws.kept_weeks().unwrap()[0].id, kept.id);

    let export = ws.export_json().unwrap();
    let whole: Snapshot = serde_json::from_str(&export).unwrap();
    let held = whole.reviews.iter().find(|r| r.id == kept.id).unwrap();
    assert_eq!(held.body.as_deref(), Some(kept.body.as_str()));

    let copy = Company::temp();
    let mut other = copy.at("2026-11-23 12:00");
    other.import_json(&export, false).unwrap();
    assert_eq!(other.export_json().unwrap(), export);
    let week = cadence::calendar::IsoWeek::parse("week", "2026-W48").unwrap();
    assert_eq!(
        other.sent_weekly(week, Format::Markdown).unwrap().body,
        kept.body
    );

    let without_body = export.replacen("\"body\":", "\"text\":", 1);
    let err = other.import_json(&without_body, true).unwrap_err();
    assert!(err.to_string().contains("body"), "{err}");
    assert_eq!(other.export_json().unwrap(), export, "nothing was replaced");
}

#[test]
fn a_monthly_page_is_sent_at_the_zoom_it_is_viewed_at() {
    let co = Company::temp();
    co.at("2026-11-23 08:00").load_sample(false).unwrap();
    let mut ws = co.at("2026-11-23 12:00");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("m.html");
    let month_page = UpdateOptions {
        format: Format::Html,
        zoom: Zoom::Month,
    };
    let saved = ws
        .save_update(
            ReviewKind::Monthly,
            None,
            month_page,
            ("path", &file),
            false,
        )
        .unwrap();
    let month = month_of("2026-11");
    let at_month = ws
        .monthly_update(Some(month), Format::Html, Zoom::Month)
        .unwrap();
    let at_quarter = ws
        .monthly_update(Some(month), Format::Html, Zoom::Quarter)
        .unwrap();
    assert_ne!(at_month, at_quarter, "the zoom changes the page");
    assert_eq!(saved.body, at_month);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), at_month);
}
