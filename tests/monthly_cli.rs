//! `cadence monthly` on real workspace files: golden updates, exports kept and reread as
//! sent, the HTML page parsed back, the JSON shape, and the reprioritisation setting.

mod common;

use cadence::model::RiskLevel;
use cadence::model::{InitiativePatch, NewInitiative, Status};
use common::company::Company;
use common::{golden, ok, Env};

/// A small company's February 2027: every group, every kind of change, decisions open,
/// overdue and closed, and every signal raised.
fn february() -> Company {
    let co = Company::temp();
    let checkout = co.active(
        "2026-12-01 09:00",
        "Checkout *redesign* [beta]",
        "Ben Okoro",
        "2027-02-12",
        "2027-02-26",
    );
    let export = co.active(
        "2026-12-01 09:00",
        "Invoice export",
        "Chloé Martin",
        "2027-02-10",
        "2027-02-17",
    );
    let legacy = co.active(
        "2026-12-01 09:00",
        "Legacy cleanup",
        "Ana Lima",
        "2027-03-01",
        "2027-03-15",
    );
    let mobile = co.active(
        "2027-01-04 09:00",
        "Mobile app",
        "Dev Patel",
        "2027-03-31",
        "2027-04-15",
    );
    let warehouse = co
        .at("2027-01-04 09:00")
        .add_initiative(&NewInitiative {
            title: "Data warehouse".into(),
            owner: "Dev Patel".into(),
            status: Some(Status::Active),
            target_date: Some("2027-02-12".into()),
            backup_date: Some("2027-03-01".into()),
            risk: Some("the vendor's export API is rate-limited".into()),
            risk_level: Some(RiskLevel::High),
            ..Default::default()
        })
        .unwrap()
        .id;
    let partner = co.active(
        "2027-01-04 09:00",
        "Partner API",
        "Chloé Martin",
        "2027-04-01",
        "2027-04-15",
    );
    co.at("2027-01-04 09:00")
        .add_scope(checkout, "Saved cards", None)
        .unwrap();
    co.dates(
        "2027-01-10 11:00",
        checkout,
        "2027-02-19",
        "2027-03-05",
        "The payment vendor changed its API.",
    );
    co.checkin("2027-01-29 16:00", mobile, "2027-W04", "at-risk");
    co.dates(
        "2027-02-03 10:00",
        checkout,
        "2027-02-26",
        "2027-03-12",
        "design review found accessibility gaps",
    );
    co.edit(
        "2027-02-05 09:30",
        mobile,
        InitiativePatch {
            owner: Some("Ana Lima".into()),
            ..Default::default()
        },
        "Dev moved to the platform work",
    );
    co.checkin("2027-02-12 17:00", checkout, "2027-W06", "at-risk");
    co.checkin("2027-02-12 17:00", warehouse, "2027-W06", "off-track");
    co.checkin("2027-02-12 17:00", export, "2027-W06", "on-track");
    co.checkin("2027-02-17 17:00", mobile, "2027-W07", "on-track");
    co.edit(
        "2027-02-08 14:00",
        warehouse,
        InitiativePatch {
            priority: Some(2),
            ..Default::default()
        },
        "The board asked for revenue reporting",
    );
    co.edit(
        "2027-02-09 15:00",
        export,
        InitiativePatch {
            status: Some(Status::Done),
            result: Some("Twelve customers exported a full year in the first week".into()),
            ..Default::default()
        },
        "Shipped to all plans",
    );
    co.at("2027-02-11 16:00")
        .cut_scope(
            checkout,
            "Saved cards",
            "the vault contract is not signed yet.",
        )
        .unwrap();
    co.proposed(
        "2027-02-10 10:00",
        "Single sign-on",
        "Ana Lima",
        Some("2027-05-03"),
    );
    co.proposed("2027-02-11 10:00", "Referral programme", "Ana Lima", None);
    co.status(
        "2027-02-12 10:00",
        legacy,
        "dropped",
        "No longer needed after the vendor switch",
    );
    co.status(
        "2027-02-15 10:00",
        partner,
        "paused",
        "Waiting for the partner's contract",
    );
    co.edit(
        "2027-02-16 10:00",
        mobile,
        InitiativePatch {
            priority: Some(1),
            ..Default::default()
        },
        "",
    );
    let mut ws = co.at("2027-01-20 09:00");
    ws.add_decision(
        "Do we delay checkout to March",
        "Ana Lima",
        "2027-02-15",
        Some(checkout),
    )
    .unwrap();
    ws.add_decision(
        "Which warehouse vendor do we pick?",
        "Ben Okoro",
        "2027-02-25",
        Some(warehouse),
    )
    .unwrap();
    let hire = ws
        .add_decision(
            "Hire a second designer?",
            "Chloé Martin",
            "2027-02-05",
            None,
        )
        .unwrap();
    drop(ws);
    co.at("2027-02-04 12:00")
        .close_decision(hire.id, "Yes, a contractor for three months.")
        .unwrap();
    ok(
        &co.path,
        "2027-02-18",
        &["settings", "set", "monthly.reprioritisation_threshold", "2"],
    );
    co
}

#[test]
fn golden_update_of_a_month_with_everything_in_it() {
    let co = february();
    let md = ok(&co.path, "2027-02-18", &["monthly", "--month", "2027-02"]);
    golden("monthly_2027-02.md", &md);
    let txt = ok(
        &co.path,
        "2027-02-18",
        &["monthly", "--month", "2027-02", "--format", "txt"],
    );
    golden("monthly_2027-02.txt", &txt);
    // Deterministic: the same workspace and month give the same bytes.
    assert_eq!(
        md,
        ok(&co.path, "2027-02-18", &["monthly", "--month", "2027-02"])
    );
}

#[test]
fn golden_update_of_the_sample_company_and_of_a_quiet_month() {
    let env = Env::sample();
    golden("monthly_sample.md", &env.ok(&["monthly"]));

    let co = Company::temp();
    let id = co.active(
        "2026-11-02 09:00",
        "Billing v2",
        "Tomás Silva",
        "2027-01-15",
        "2027-01-29",
    );
    co.checkin("2026-11-27 16:00", id, "2026-W48", "on-track");
    let quiet = ok(
        &co.path,
        "2026-12-20",
        &["monthly", "--month", "2026-12", "--format", "txt"],
    );
    golden("monthly_quiet.txt", &quiet);
}

#[test]
fn an_exported_update_is_kept_and_reread_exactly_as_sent() {
    let env = Env::sample();
    let file = env.dir.path().join("november.html");
    let said = env.ok(&[
        "monthly",
        "--format",
        "html",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(said.contains("written to"), "{said}");
    let sent = std::fs::read_to_string(&file).unwrap();
    env.ok(&[
        "edit",
        "1",
        "--target",
        "2026-12-14",
        "--reason",
        "later news",
    ]);
    let again = env.ok(&["monthly", "--sent", "--format", "html"]);
    assert_eq!(again, sent, "the kept update reads exactly as sent");
    assert_ne!(env.ok(&["monthly", "--format", "html"]), sent);

    let err = env.fails(&["monthly", "--sent"]);
    assert!(
        err.contains("error: month: no monthly update for 2026-11 was kept in md (kept in: html)"),
        "{err}"
    );
    // Printing to standard output keeps nothing unless asked.
    env.ok(&["monthly", "--month", "2026-10"]);
    env.fails(&["monthly", "--month", "2026-10", "--sent"]);
    let kept = env.ok(&["monthly", "--month", "2026-10", "--keep"]);
    assert_eq!(env.ok(&["monthly", "--month", "2026-10", "--sent"]), kept);
}

#[test]
fn the_next_review_counts_changes_from_the_previous_update() {
    let env = Env::sample();
    let text = env.ok(&["monthly", "--month", "2026-10", "--keep"]);
    assert!(text.contains("## What changed in October"), "{text}");
    let nov = env.ok(&["monthly"]);
    assert!(
        nov.contains("## What changed since the October update"),
        "{nov}"
    );
}

#[test]
fn the_html_page_is_self_contained_with_the_timeline_and_hostile_titles_as_text() {
    let env = Env::sample();
    let hostile = "<script>alert(1)</script> & </style><img src=x onerror=alert(1)>";
    env.ok(&["edit", "2", "--title", hostile, "--reason", "test"]);
    let html = env.ok(&["monthly", "--format", "html"]);
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc =
        roxmltree::Document::parse_with_options(&html, options).expect("the page parses strictly");
    let mut svgs = 0;
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        assert!(
            !matches!(name, "script" | "img" | "iframe" | "link" | "object"),
            "{name}"
        );
        svgs += usize::from(name == "svg");
        for a in n.attributes() {
            assert!(
                !a.name().to_lowercase().starts_with("on"),
                "{name} {}",
                a.name()
            );
            assert!(!a.value().to_lowercase().contains("javascript:"));
            if matches!(a.name(), "src" | "href") {
                panic!("{name} loads {}", a.value());
            }
        }
    }
    assert_eq!(svgs, 1, "the timeline is embedded once");
    let items: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("li"))
        .map(|n| n.descendants().filter_map(|d| d.text()).collect())
        .collect();
    assert!(items.iter().any(|t| t.starts_with(hostile)), "{items:?}");
    let csp = doc
        .descendants()
        .find(|n| n.attribute("http-equiv") == Some("Content-Security-Policy"))
        .unwrap();
    assert!(csp
        .attribute("content")
        .unwrap()
        .contains("default-src 'none'"));

    let md = env.ok(&["monthly"]);
    assert!(
        md.contains(r"\<script>alert(1)\</script> & \</style>\<img src=x onerror=alert(1)>"),
        "{md}"
    );
}

#[test]
fn json_is_the_whole_review() {
    let env = Env::sample();
    let v: serde_json::Value =
        serde_json::from_str(&env.ok(&["monthly", "--format", "json"])).unwrap();
    assert_eq!(v["month"], "2026-11");
    assert_eq!(v["as_of"], "2026-11-23");
    for key in [
        "counts",
        "roadmap",
        "changes",
        "decisions",
        "signals",
        "settings",
    ] {
        assert!(v.get(key).is_some(), "{key}");
    }
    assert_eq!(v["roadmap"]["on_track"][0]["title"], "Billing v2");
    assert_eq!(v["roadmap"]["on_track"][0]["health"], "on-track");
    assert_eq!(v["changes"]["date_moves"][0]["target"]["days"], 14);
    assert_eq!(v["signals"]["reprioritisation"]["threshold"], 4);
    assert_eq!(v["decisions"]["open"][0]["days_overdue"], 1);
}

#[test]
fn the_reprioritisation_threshold_is_a_checked_setting() {
    let env = Env::sample();
    let list = env.ok(&["settings", "list"]);
    assert!(
        list.contains("monthly.reprioritisation_threshold"),
        "{list}"
    );
    assert_eq!(
        env.ok(&["settings", "get", "monthly.reprioritisation_threshold"]),
        "4\n"
    );
    let err = env.fails(&[
        "settings",
        "set",
        "monthly.reprioritisation_threshold",
        "lots",
    ]);
    assert!(
        err.starts_with("error: monthly.reprioritisation_threshold: 'lots' is not a whole number"),
        "{err}"
    );
    assert!(env
        .fails(&["settings", "set", "colour", "red"])
        .contains("is not a setting"));
    let quiet = env.ok(&["monthly"]);
    assert!(!quiet.contains("Constant reprioritisation"));
    env.ok(&["settings", "set", "monthly.reprioritisation_threshold", "2"]);
    let loud = env.ok(&["monthly"]);
    assert!(
        loud.contains("Constant reprioritisation: the roadmap changed 3 times in November"),
        "{loud}"
    );
    let json = env.json(&["settings", "list", "--json"]);
    assert_eq!(json[0]["value"], "2");
    assert_eq!(json[0]["set"], true);
}

#[test]
fn bad_months_and_formats_are_refused_with_the_field() {
    let env = Env::sample();
    assert_eq!(
        env.fails(&["monthly", "--month", "2026-13"]),
        "error: month: '2026-13' is not a month like 2026-03\n"
    );
    assert_eq!(
        env.fails(&["monthly", "--format", "pdf"]),
        "error: format: 'pdf' is not one of: md, html, txt, json\n"
    );
    assert_eq!(
        env.fails(&["monthly", "--zoom", "week"]),
        "error: zoom: 'week' is not one of: month, quarter\n"
    );
}

#[test]
fn scope_items_are_added_and_cut_with_a_reason() {
    let env = Env::sample();
    assert_eq!(
        env.ok(&["scope", "add", "1", "Card payments"]),
        "- Card payments\n"
    );
    env.ok(&["scope", "add", "1", "Refunds"]);
    assert!(env
        .fails(&["scope", "add", "1", "refunds"])
        .contains("'refunds' is already in the scope of initiative 1"));
    assert_eq!(
        env.fails(&["scope", "cut", "1", "Refunds", "--reason", " "]),
        "error: reason: must not be empty\n"
    );
    assert_eq!(
        env.fails(&["scope", "cut", "1", "Receipts", "--reason", "later"]),
        "error: item: 'Receipts' is not in the scope of initiative 1; the scope is: Card \
         payments, Refunds\n"
    );
    let left = env.ok(&[
        "scope",
        "cut",
        "1",
        "refunds",
        "--reason",
        "No refund API yet",
    ]);
    assert_eq!(left, "- Card payments\n");
    assert_eq!(
        env.json(&["scope", "list", "1", "--json"]),
        serde_json::json!(["Card payments"])
    );
    let history = env.json(&["history", "1", "--json"]);
    let last = history.as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (
            last["field"].clone(),
            last["old_value"].clone(),
            last["new_value"].clone()
        ),
        ("scope".into(), "Refunds".into(), serde_json::Value::Null)
    );
    let update = env.ok(&["monthly"]);
    assert!(
        update.contains(
            "- Billing v2 (Tomás Silva): “Refunds” was cut from the scope. Reason: No refund API yet."
        ),
        "{update}"
    );
    env.fails(&["scope", "list", "99"]);
}
