//! Input rules on every write path (issue 13 §4) and stored values that must never break a
//! command for good (issue 14 item 6), through the real binary.

mod common;

use cadence::calendar::Clock;
use cadence::render::timeline::Zoom;
use cadence::store::Workspace;
use common::Env;

fn env() -> Env {
    let e = Env::temp();
    e.ok(&["init"]);
    e
}

/// Sets a stored value behind Cadence's back, as a hand edit with sqlite3 would.
fn hand_edit(e: &Env, sql: &str) {
    let conn = rusqlite::Connection::open(&e.db).unwrap();
    conn.execute_batch(sql).unwrap();
}

#[test]
fn a_priority_out_of_range_is_refused_and_new_work_still_gets_one() {
    let e = env();
    let id = e.add_active("Billing v2", "Tomás Silva", "2026-12-18", "2026-12-31");
    let err = e.fails(&["edit", &id.to_string(), "--priority", "9223372036854775807"]);
    assert!(
        err.contains("priority: 9223372036854775807 is out of range; a priority is a whole number from 1 to 1000"),
        "{err}"
    );
    e.fails(&["edit", &id.to_string(), "--priority", "0"]);
    e.fails(&["add", "Search", "--owner", "Ana Lima", "--priority", "1001"]);
    e.ok(&["edit", &id.to_string(), "--priority", "1000"]);
    let v = e.json(&["add", "Search", "--owner", "Ana Lima", "--json"]);
    assert_eq!(v["priority"], 1000);

    // A priority stored out of range by a hand edit does not stop `add` either.
    hand_edit(
        &e,
        &format!("UPDATE initiatives SET priority = 9223372036854775807 WHERE id = {id}"),
    );
    let v = e.json(&["add", "Audit log", "--owner", "Ana Lima", "--json"]);
    assert_eq!(v["priority"], 1000);
}

#[test]
fn control_characters_and_direction_overrides_are_refused_naming_the_field() {
    let e = env();
    let id = e
        .add_active("Billing v2", "Tomás Silva", "2026-12-18", "2026-12-31")
        .to_string();
    let cases: &[(&[&str], &str)] = &[
        (
            &["add", "Red \u{1b}[31mtitle", "--owner", "Ana Lima"],
            "title: holds U+001B, ESC; text may not hold control characters or direction overrides",
        ),
        (
            &["add", "Two\nlines", "--owner", "Ana Lima"],
            "title: must be one line (it holds U+000A, line break)",
        ),
        (
            &["add", "Search", "--owner", "Ana\nLima"],
            "owner: must be one line",
        ),
        (
            &["person", "add", "Ana \u{7}Lima"],
            "name: holds U+0007, BEL",
        ),
        (
            &["edit", &id, "--risk", "the vendor \u{202e}is late"],
            "risk: holds U+202E, a direction override",
        ),
        (
            &["edit", &id, "--mitigation", "call \u{2066}them"],
            "mitigation: holds U+2066, a direction override",
        ),
        (
            &[
                "checkin",
                &id,
                "--health",
                "on-track",
                "--note",
                "done\r\nnext",
            ],
            "note: holds U+000D, CR, carriage return",
        ),
        (
            &[
                "blocker",
                "add",
                &id,
                "keys\u{1b}]8;;x",
                "--owner",
                "Ana Lima",
            ],
            "text: holds U+001B, ESC",
        ),
        (
            &["scope", "add", &id, "CSV\texport"],
            "item: must be one line (it holds U+0009, tab)",
        ),
    ];
    for (args, want) in cases {
        let err = e.fails(args);
        assert!(err.contains(want), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    // A note keeps its line breaks; only CR and the other controls are refused.
    e.ok(&[
        "checkin",
        &id,
        "--health",
        "on-track",
        "--note",
        "done\nnext",
    ]);
    let list = e.ok(&["list"]);
    assert!(!list.contains('\u{1b}'), "{list}");
}

#[test]
fn nul_is_refused_in_the_core_too() {
    // The operating system cannot pass NUL in an argument; the app can.
    let err = cadence::rules::required_text("note", "a\0b", 100).unwrap_err();
    assert_eq!(err.field(), Some("note"));
    assert!(err.to_string().contains("U+0000, NUL"), "{err}");
    let err = cadence::rules::owner_name("owner", "Ana\u{202d}Lima").unwrap_err();
    assert_eq!(err.field(), Some("owner"));
}

#[test]
fn checkins_are_for_weeks_that_have_begun_and_not_before_the_initiative() {
    let e = env();
    let id = e
        .add_active("Billing v2", "Tomás Silva", "2026-12-18", "2026-12-31")
        .to_string();
    // Today is Monday 2026-11-23 (W48).
    let err = e.fails(&["checkin", &id, "--health", "on-track", "--week", "2026-W49"]);
    assert!(
        err.contains("week: 2026-W49 has not begun (it starts on 2026-11-30)"),
        "{err}"
    );
    let err = e.fails(&["checkin", &id, "--health", "on-track", "--week", "2026-W46"]);
    assert!(
        err.contains("week: 2026-W46 ended before initiative 1 was created on 2026-11-23"),
        "{err}"
    );
    e.ok(&["checkin", &id, "--health", "on-track", "--week", "2026-W48"]);
    // The week the initiative was created in counts, even from its first day.
    let mut later = Env::temp();
    later.today = "2026-11-26";
    later.ok(&["init"]);
    let id = later
        .add_active("Search", "Ana Lima", "2026-12-18", "2026-12-31")
        .to_string();
    later.ok(&["checkin", &id, "--health", "on-track", "--week", "2026-W48"]);
}

#[test]
fn a_past_today_cannot_insert_history_out_of_order() {
    let mut e = env();
    let id = e
        .add_active("Billing v2", "Tomás Silva", "2026-12-18", "2026-12-31")
        .to_string();
    e.today = "2026-11-25";
    e.ok(&[
        "edit",
        &id,
        "--target",
        "2026-12-21",
        "--reason",
        "late API",
    ]);
    let logged = e.json(&["show", &id, "--json"])["history"].clone();
    e.today = "2026-11-24";
    for args in [
        &[
            "edit",
            id.as_str(),
            "--target",
            "2026-12-18",
            "--reason",
            "rewrite",
        ][..],
        &["scope", "add", id.as_str(), "CSV export"],
        &[
            "commit-plan",
            "--quarter",
            "2026-Q4",
            "--initiative",
            id.as_str(),
        ],
    ] {
        let err = e.fails(args);
        assert!(
            err.contains(
                "today: initiative 1's history was last written on 2026-11-25 (a change or a \
                 plan commitment); a change cannot be dated before it (today is 2026-11-24)"
            ),
            "{args:?}: {err}"
        );
    }
    assert_eq!(e.json(&["show", &id, "--json"])["history"], logged);
    e.today = "2026-11-25";
    e.ok(&[
        "edit",
        &id,
        "--target",
        "2026-12-22",
        "--reason",
        "same day",
    ]);

    // A check-in replacing the week's first one cannot be dated before it either.
    e.today = "2026-11-26";
    e.ok(&["checkin", &id, "--health", "on-track"]);
    e.today = "2026-11-25";
    let err = e.fails(&["checkin", &id, "--health", "at-risk"]);
    assert!(
        err.contains("today: the check-in of 2026-W48 it would replace was recorded on 2026-11-26"),
        "{err}"
    );
    // What the commands wrote imports back whole.
    let export = e.dir.path().join("export.json");
    e.ok(&["export", "--out", export.to_str().unwrap()]);
    let mut other = Env::temp();
    other.today = e.today;
    other.ok(&["import", export.to_str().unwrap()]);
    assert_eq!(other.ok(&["check"]), "ok\n");
}

#[test]
fn settings_set_keeps_values_in_their_documented_ranges() {
    let e = env();
    for (key, value) in [
        ("fiscal_year_start", "13"),
        ("fiscal_year_start", "0"),
        ("monthly.reprioritisation_threshold", "101"),
        ("monthly.reprioritisation_threshold", "many"),
    ] {
        let err = e.fails(&["settings", "set", key, value]);
        assert!(err.starts_with(&format!("error: {key}: ")), "{err}");
    }
    e.ok(&["settings", "set", "fiscal_year_start", "12"]);
}

#[test]
fn a_bad_stored_setting_names_itself_and_its_repair_in_every_review() {
    let e = env();
    e.add_active("Billing v2", "Tomás Silva", "2026-12-18", "2026-12-31");
    hand_edit(
        &e,
        "INSERT INTO settings(key, value) VALUES ('fiscal_year_start', '13')",
    );
    let repair = "fiscal_year_start: the setting is '13' in this workspace (must be a month \
                  number from 1 to 12); repair it with `cadence settings set fiscal_year_start 1`";
    for args in [&["weekly"][..], &["monthly"], &["quarterly"], &["plan"]] {
        let err = e.fails(args);
        assert_eq!(err.trim_end(), format!("error: {repair}"), "{args:?}");
    }
    assert_eq!(e.ok(&["settings", "get", "fiscal_year_start"]), "13\n");
    e.ok(&["settings", "set", "fiscal_year_start", "1"]);
    for args in [&["weekly"][..], &["monthly"], &["quarterly"], &["plan"]] {
        e.ok(args);
    }

    // The same with a plan committed: the repair is allowed although plans exist.
    let e = env();
    let id = e.add_active("Billing v2", "Tomás Silva", "2026-12-18", "2026-12-31");
    e.ok(&[
        "commit-plan",
        "--quarter",
        "2026-Q4",
        "--initiative",
        &id.to_string(),
    ]);
    hand_edit(
        &e,
        "INSERT INTO settings(key, value) VALUES ('monthly.reprioritisation_threshold', 'many'),
                                                 ('fiscal_year_start', 'x')",
    );
    let err = e.fails(&["monthly"]);
    assert!(
        err.contains("repair it with `cadence settings set"),
        "{err}"
    );
    e.ok(&["settings", "set", "fiscal_year_start", "1"]);
    // A bad threshold (a monthly setting) is the same error in every review, the quarterly
    // one included, in the CLI and in the app's views.
    let repair = "monthly.reprioritisation_threshold: the setting is 'many' in this workspace \
                  (must be a whole number from 0 to 100); repair it with `cadence settings set \
                  monthly.reprioritisation_threshold 4`";
    for args in [&["weekly"][..], &["monthly"], &["quarterly"]] {
        let err = e.fails(args);
        assert_eq!(err.trim_end(), format!("error: {repair}"), "{args:?}");
    }
    let ws = Workspace::open(&e.db, Clock::system()).unwrap();
    for (kind, err) in [
        ("weekly", ws.weekly_view(None).map(drop).unwrap_err()),
        (
            "monthly",
            ws.roadmap(None, Zoom::default()).map(drop).unwrap_err(),
        ),
        ("quarterly", ws.quarterly_view(None).map(drop).unwrap_err()),
    ] {
        assert_eq!(err.to_string(), repair, "{kind}");
    }
    e.ok(&["settings", "set", "monthly.reprioritisation_threshold", "4"]);
    for args in [&["weekly"][..], &["monthly"], &["quarterly"]] {
        e.ok(args);
    }
}
