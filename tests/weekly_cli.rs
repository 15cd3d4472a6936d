//! `cadence weekly` on real workspace files: golden updates, exports kept and reread exactly
//! as sent, the HTML page parsed back with hostile titles, the JSON shape and bad input.

mod common;

use cadence::model::RiskLevel;
use cadence::model::{NewInitiative, Status, Track};
use common::company::Company;
use common::{golden, ok, Env};

/// A busy week 47 of 2026 (16–22 November): something shipped and finished, blockers old,
/// new and recurring, every kind of date in danger, drops, cuts and moves, and signals.
fn busy_week() -> Company {
    let co = Company::temp();
    let billing = co.active(
        "2026-10-01 09:00",
        "Billing v2",
        "Tomás Silva",
        "2026-12-11",
        "2026-12-18",
    );
    let offline = co.active(
        "2026-10-01 09:00",
        "Offline *mode* [beta]",
        "Lena Fischer",
        "2026-11-18",
        "2026-11-30",
    );
    let search = co.active(
        "2026-10-01 09:00",
        "Search",
        "Ravi Menon",
        "2026-12-04",
        "2026-12-18",
    );
    let audit = co.active(
        "2026-10-01 09:00",
        "Audit export",
        "Lena Fischer",
        "2026-11-20",
        "2026-11-27",
    );
    let sms = co.active(
        "2026-10-01 09:00",
        "SMS reminders",
        "Sam Whitaker",
        "2026-12-01",
        "2026-12-08",
    );
    let pricing = co
        .at("2026-10-01 09:00")
        .add_initiative(&NewInitiative {
            title: "Pricing test".into(),
            owner: "Priya Natarajan".into(),
            track: Some(Track::Discovery),
            status: Some(Status::Active),
            target_date: Some("2026-11-13".into()),
            backup_date: Some("2026-11-20".into()),
            risk: Some("too little traffic to read the result".into()),
            risk_level: Some(RiskLevel::Low),
            ..Default::default()
        })
        .unwrap()
        .id;
    co.at("2026-10-02 09:00")
        .add_scope(billing, "Proration", None)
        .unwrap();
    for (when, week) in [
        ("2026-11-03 09:00", "2026-W45"),
        ("2026-11-10 09:00", "2026-W46"),
    ] {
        co.says(when, offline, week, "on-track", None, "Sync conflicts");
    }
    co.says(
        "2026-11-16 09:30",
        billing,
        "2026-W47",
        "on-track",
        Some("Card payments in staging"),
        "Direct debit",
    );
    co.says(
        "2026-11-16 09:30",
        offline,
        "2026-W47",
        "on-track",
        None,
        "Sync conflicts.",
    );
    co.says(
        "2026-11-16 09:30",
        search,
        "2026-W47",
        "at-risk",
        None,
        "Backfill of old invoices",
    );
    co.says(
        "2026-11-16 09:30",
        audit,
        "2026-W47",
        "on-track",
        Some("CSV export for all plans"),
        "Last checks",
    );
    co.checkin("2026-11-10 09:00", pricing, "2026-W46", "at-risk");
    co.status("2026-11-19 15:00", audit, "done", "shipped");
    co.status(
        "2026-11-17 10:00",
        sms,
        "dropped",
        "email reminders are enough",
    );
    co.at("2026-11-20 16:00")
        .cut_scope(billing, "Proration", "not needed for launch")
        .unwrap();
    co.dates(
        "2026-11-18 11:00",
        search,
        "2026-12-04",
        "2026-12-23",
        "the index rebuild needs a maintenance window",
    );
    let first = co.blocker(
        "2026-10-26 09:00",
        billing,
        "Sandbox credentials expired",
        "Priya Natarajan",
        "2026-10-26",
    );
    co.at("2026-10-27 09:00").resolve_blocker(first).unwrap();
    co.blocker(
        "2026-11-17 09:00",
        billing,
        "Sandbox credentials expired",
        "Priya Natarajan",
        "2026-11-17",
    );
    co.blocker(
        "2026-11-21 09:00",
        search,
        "No maintenance window approved",
        "Maya Okafor",
        "2026-11-21",
    );
    co
}

#[test]
fn golden_update_of_a_busy_week_in_markdown_and_text() {
    let co = busy_week();
    let md = ok(&co.path, "2026-11-23", &["weekly", "--week", "2026-W47"]);
    golden("weekly_2026-W47.md", &md);
    let txt = ok(
        &co.path,
        "2026-11-23",
        &["weekly", "--week", "2026-W47", "--format", "txt"],
    );
    golden("weekly_2026-W47.txt", &txt);
}

#[test]
fn golden_update_of_the_sample_company_and_of_an_empty_week() {
    let env = Env::sample();
    golden("weekly_sample.md", &env.ok(&["weekly"]));
    let empty = Env::temp();
    empty.ok(&["init"]);
    golden(
        "weekly_empty.txt",
        &empty.ok(&["weekly", "--format", "txt"]),
    );
}

#[test]
fn an_exported_update_is_kept_and_reread_exactly_as_sent() {
    let env = Env::sample();
    let file = env.dir.path().join("week.html");
    let said = env.ok(&[
        "weekly",
        "--format",
        "html",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(
        said.starts_with("weekly update for 2026-W48 written to"),
        "{said}"
    );
    let sent = std::fs::read_to_string(&file).unwrap();
    env.ok(&[
        "edit",
        "1",
        "--target",
        "2026-12-14",
        "--reason",
        "later news",
    ]);
    assert_eq!(env.ok(&["weekly", "--sent", "--format", "html"]), sent);
    assert_ne!(env.ok(&["weekly", "--format", "html"]), sent);
    let err = env.fails(&["weekly", "--sent"]);
    assert!(
        err.contains("error: week: no weekly update for 2026-W48 was kept in md (kept in: html)"),
        "{err}"
    );
    env.ok(&["weekly", "--week", "2026-W47"]);
    env.fails(&["weekly", "--week", "2026-W47", "--sent"]);
    let kept = env.ok(&["weekly", "--week", "2026-W47", "--keep", "--format", "txt"]);
    assert_eq!(
        env.ok(&["weekly", "--week", "2026-W47", "--sent", "--format", "txt"]),
        kept
    );
}

#[test]
fn the_html_page_is_self_contained_and_hostile_titles_stay_text() {
    let env = Env::sample();
    let hostile = "<script>alert(1)</script> & </style><img src=x onerror=alert(1)>";
    env.ok(&["edit", "1", "--title", hostile, "--reason", "test"]);
    env.ok(&[
        "edit",
        "2",
        "--title",
        "<a href=\"javascript:alert(1)\">click</a>",
        "--reason",
        "test",
    ]);
    let html = env.ok(&["weekly", "--format", "html"]);
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc =
        roxmltree::Document::parse_with_options(&html, options).expect("the page parses strictly");
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        assert!(
            !matches!(name, "script" | "img" | "iframe" | "link" | "object" | "a"),
            "{name}"
        );
        for a in n.attributes() {
            assert!(
                !a.name().to_lowercase().starts_with("on"),
                "{name} {}",
                a.name()
            );
            assert!(!a.value().to_lowercase().contains("javascript:"));
            assert!(
                !matches!(a.name(), "src" | "href"),
                "{name} loads {}",
                a.value()
            );
        }
    }
    let items: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("li"))
        .map(|n| n.descendants().filter_map(|d| d.text()).collect())
        .collect();
    assert!(items.iter().any(|i| i.starts_with(hostile)), "{items:?}");
    let style = doc.descendants().find(|n| n.has_tag_name("style")).unwrap();
    assert!(!style.text().unwrap().contains("alert"));

    let md = env.ok(&["weekly"]);
    assert!(
        md.contains(r"\<script>alert(1)\</script> & \</style>"),
        "{md}"
    );
    assert!(
        !md.replace(r"\<", "").contains('<'),
        "every tag is escaped: {md}"
    );
}

#[test]
fn json_is_the_whole_review() {
    let co = busy_week();
    let text = ok(
        &co.path,
        "2026-11-23",
        &["weekly", "--week", "2026-W47", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["week"], "2026-W47");
    assert_eq!(
        (v["monday"].as_str(), v["as_of"].as_str()),
        (Some("2026-11-16"), Some("2026-11-22"))
    );
    assert_eq!(v["headline"]["shipped"], 2);
    assert_eq!(v["headline"]["escalate"], 1);
    assert_eq!(v["blockers"][0]["recurring_since"], "2026-10-26");
    assert_eq!(v["dates_in_danger"][0]["kind"], "backup-passed");
    assert_eq!(v["not_shipping"]["dropped"][0]["title"], "SMS reminders");
    assert_eq!(
        v["signals"]["discovery_overdue"][0]["title"],
        "Pricing test"
    );
    for key in [
        "headline",
        "shipped",
        "in_progress",
        "blockers",
        "dates_in_danger",
        "not_shipping",
        "signals",
        "kept_at",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
}

#[test]
fn bad_weeks_and_formats_are_refused_with_the_field() {
    let env = Env::temp();
    env.ok(&["init"]);
    let err = env.fails(&["weekly", "--week", "2026-47"]);
    assert!(
        err.contains("error: week: '2026-47' is not an ISO week like 2026-W07"),
        "{err}"
    );
    let err = env.fails(&["weekly", "--week", "2027-W53"]);
    assert!(
        err.contains("error: week: 2027 has no ISO week 53"),
        "{err}"
    );
    let err = env.fails(&["weekly", "--format", "pdf"]);
    assert!(err.contains("error: format: 'pdf' is not one of"), "{err}");
    env.ok(&["weekly", "--week", "2026-W53"]);
}
