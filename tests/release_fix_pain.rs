//! The release pain a release-fix initiative addresses, through the CLI on a real workspace:
//! `add`/`edit --addresses` with each refusal (nothing written), `show` and the history, the
//! monthly judgement against the top pain bucket, the board's card, and export/import.

mod common;

use common::releases::ReleaseAdd;
use common::Env;

/// A workspace on 10 March 2027 with one release whose pain is 10 hours of late changes
/// and 4 of environment or data problems.
fn with_pain() -> Env {
    let env = Env::on("2027-03-10");
    env.ok(&ReleaseAdd::new("3.0", "2027-03-01", "2027-03-03").args());
    for (cause, hours) in [("late-change", "10"), ("environment-data", "4")] {
        env.ok(&[
            "release",
            "pain",
            "1",
            "--cause",
            cause,
            "--hours",
            hours,
            "--note",
            "Lost time",
        ]);
    }
    env
}

/// Adds an active release fix (with `extra` flags) and returns its id.
fn add_fix(env: &Env, title: &str, extra: &[&str]) -> i64 {
    let mut args = vec![
        "add",
        title,
        "--owner",
        "Dana Cruz",
        "--track",
        "release",
        "--status",
        "active",
        "--target",
        "2027-03-20",
        "--backup",
        "2027-03-27",
        "--risk",
        "the staging copy may drift again",
        "--risk-level",
        "medium",
        "--json",
    ];
    args.extend_from_slice(extra);
    env.json(&args)["id"].as_i64().unwrap()
}

fn releases_paragraph(monthly: &str) -> String {
    monthly
        .lines()
        .find(|l| l.contains("release fix"))
        .unwrap_or_else(|| panic!("no release-fix sentence in:\n{monthly}"))
        .to_string()
}

#[test]
fn the_monthly_says_whether_the_active_fix_addresses_the_biggest_pain() {
    let env = with_pain();
    assert_eq!(
        releases_paragraph(&env.ok(&["monthly"])),
        "No release fix is active to take on late product or design changes."
    );

    let id = add_fix(
        &env,
        "Refresh staging data nightly",
        &["--addresses", "environment-data"],
    );
    let monthly = env.ok(&["monthly"]);
    assert!(monthly.contains(
        "We lose about 10 hours every release to late product or design changes (10 hours over the last 1 release)."
    ), "{monthly}");
    assert_eq!(
        releases_paragraph(&monthly),
        "The active release fix, Refresh staging data nightly, addresses environment or data problems, while the most hours are lost to late product or design changes."
    );

    env.ok(&["edit", &id.to_string(), "--addresses", "late-change"]);
    assert_eq!(
        releases_paragraph(&env.ok(&["monthly"])),
        "The active release fix, Refresh staging data nightly, addresses the biggest pain, late product or design changes."
    );

    // Naming no bucket leaves the reader to hold it against the top one.
    env.ok(&["edit", &id.to_string(), "--addresses", ""]);
    assert_eq!(
        releases_paragraph(&env.ok(&["monthly"])),
        "The active release fix: Refresh staging data nightly. Hold it against the top bucket, late product or design changes."
    );

    env.ok(&["edit", &id.to_string(), "--status", "paused"]);
    assert_eq!(
        releases_paragraph(&env.ok(&["monthly"])),
        "No release fix is active to take on late product or design changes."
    );
}

#[test]
fn several_active_fixes_are_each_held_against_the_biggest_pain() {
    let env = with_pain();
    add_fix(
        &env,
        "Refresh staging data",
        &["--addresses", "environment-data"],
    );
    add_fix(&env, "Sign-off checklist", &[]);
    assert_eq!(
        releases_paragraph(&env.ok(&["monthly"])),
        "Of the active release fixes, Refresh staging data addresses environment or data problems; Sign-off checklist names no release pain. None addresses the biggest pain, late product or design changes."
    );
    add_fix(
        &env,
        "Freeze designs earlier",
        &["--addresses", "late-change"],
    );
    assert_eq!(
        releases_paragraph(&env.ok(&["monthly"])),
        "Of the active release fixes, Refresh staging data addresses environment or data problems; Sign-off checklist names no release pain; Freeze designs earlier addresses the biggest pain, late product or design changes."
    );
}

#[test]
fn only_a_release_fix_addresses_a_pain_bucket_and_refusals_write_nothing() {
    let env = with_pain();
    let before = env.ok(&["export"]);
    let not_release = "error: addresses: only a release-fix initiative (track release) addresses a release pain; this one is on the customer track\n";
    assert_eq!(
        env.fails(&[
            "add",
            "Checkout",
            "--owner",
            "Ana Lima",
            "--addresses",
            "handoff"
        ]),
        not_release
    );
    assert_eq!(
        env.fails(&[
            "add",
            "Checkout",
            "--owner",
            "Ana Lima",
            "--track",
            "release",
            "--addresses",
            "bugs"
        ]),
        "error: addresses: 'bugs' is not one of: build-test, checklist, late-change, environment-data, handoff, none\n"
    );
    assert_eq!(env.ok(&["export"]), before, "nothing written");

    let fix = add_fix(
        &env,
        "Refresh staging data",
        &["--addresses", "environment-data"],
    );
    let customer = env.add_active("Checkout", "Ana Lima", "2027-03-20", "2027-03-27");
    let before = env.ok(&["export"]);
    assert_eq!(
        env.fails(&["edit", &customer.to_string(), "--addresses", "handoff"]),
        not_release
    );
    assert_eq!(
        env.fails(&["edit", &fix.to_string(), "--track", "enabler"]),
        "error: addresses: only a release-fix initiative (track release) addresses a release pain; this one is on the enabler track\n"
    );
    assert_eq!(
        env.fails(&["edit", &fix.to_string(), "--addresses", "late"]),
        "error: addresses: 'late' is not one of: build-test, checklist, late-change, environment-data, handoff, none\n"
    );
    assert_eq!(env.ok(&["export"]), before, "nothing written");

    // Cleared first, the fix can move to another track.
    env.ok(&["edit", &fix.to_string(), "--addresses", ""]);
    env.ok(&["edit", &fix.to_string(), "--track", "enabler"]);
}

#[test]
fn show_history_and_the_board_carry_the_bucket() {
    let env = with_pain();
    let fix = add_fix(
        &env,
        "Refresh staging data",
        &["--addresses", "environment-data"],
    );
    let show = env.ok(&["show", &fix.to_string()]);
    assert!(
        show.contains("  addresses   environment-data (environment or data problems)\n"),
        "{show}"
    );
    env.ok(&[
        "edit",
        &fix.to_string(),
        "--addresses",
        "late-change",
        "--reason",
        "Design changes cost more",
    ]);
    let log = env.json(&["history", &fix.to_string(), "--json"]);
    let entries: Vec<(String, Option<String>, Option<String>)> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["field"] == "addresses")
        .map(|c| {
            (
                c["reason"].as_str().unwrap_or_default().to_string(),
                c["old_value"].as_str().map(str::to_string),
                c["new_value"].as_str().map(str::to_string),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            (String::new(), None, Some("environment-data".into())),
            (
                "Design changes cost more".into(),
                Some("environment-data".into()),
                Some("late-change".into())
            ),
        ]
    );
    let customer = env.add_active("Checkout", "Ana Lima", "2027-03-20", "2027-03-27");
    let show = env.ok(&["show", &customer.to_string()]);
    assert!(!show.contains("addresses"), "{show}");

    let today = chrono::NaiveDate::from_ymd_opt(2027, 3, 10).unwrap();
    let ws =
        cadence::store::Workspace::open(&env.db, cadence::calendar::Clock::pinned(today)).unwrap();
    let board = cadence::review::board::board(&ws.snapshot().unwrap(), today);
    let cards: Vec<_> = board.lanes.iter().flat_map(|l| &l.cards).collect();
    let card = |id: i64| cards.iter().find(|c| c.id == id).unwrap();
    assert_eq!(
        card(fix).addresses,
        Some(cadence::release::PainBucket::LateChange)
    );
    assert_eq!(card(customer).addresses, None);
}

#[test]
fn the_bucket_survives_export_and_import_byte_for_byte_and_import_applies_the_rule() {
    let env = with_pain();
    add_fix(
        &env,
        "Refresh staging data",
        &["--addresses", "environment-data"],
    );
    let export = env.ok(&["export"]);
    let v: serde_json::Value = serde_json::from_str(&export).unwrap();
    assert_eq!(v["initiatives"][0]["addresses"], "environment-data");

    let file = env.dir.path().join("export.json");
    std::fs::write(&file, &export).unwrap();
    let copy = env.dir.path().join("copy.db");
    common::ok(&copy, env.today, &["import", file.to_str().unwrap()]);
    assert_eq!(common::ok(&copy, env.today, &["export"]), export);
    assert_eq!(common::ok(&copy, env.today, &["check"]).lines().count(), 1);

    // A customer initiative that claims a bucket is refused on import, naming the rule.
    let mut bad = v.clone();
    bad["initiatives"][0]["track"] = "customer".into();
    let changes = bad["changes"].as_array_mut().unwrap();
    for c in changes.iter_mut() {
        if c["field"] == "track" {
            c["new_value"] = "customer".into();
        }
    }
    let bad_file = env.dir.path().join("bad.json");
    std::fs::write(&bad_file, serde_json::to_string(&bad).unwrap()).unwrap();
    let other = env.dir.path().join("other.db");
    common::ok(&other, env.today, &["init"]);
    let empty = common::ok(&other, env.today, &["export"]);
    let err = env.fails_on(&other, &["import", bad_file.to_str().unwrap()]);
    assert!(
        err.contains("initiative 1: addresses: only a release-fix initiative (track release) addresses a release pain; this one is on the customer track"),
        "{err}"
    );
    assert_eq!(
        common::ok(&other, env.today, &["export"]),
        empty,
        "nothing written"
    );
}
