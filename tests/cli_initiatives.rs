//! The initiative commands of the CLI contract, run on real workspace files.

mod common;

use common::Env;

#[test]
fn init_creates_the_directory_and_is_harmless_twice() {
    let env = Env::temp();
    assert!(env.ok(&["init"]).contains("workspace ready"));
    assert!(env.db.exists());
    env.ok(&["init"]);
    assert_eq!(env.ok(&["check"]).trim(), "ok");
}

#[test]
fn add_prints_the_created_initiative_as_json() {
    let env = Env::temp();
    let v = env.json(&[
        "add",
        "Billing v2",
        "--owner",
        "Tomás Silva",
        "--target",
        "2027-03-14",
        "--backup",
        "2027-03-21",
        "--risk",
        "the payment provider's sandbox",
        "--risk-level",
        "medium",
        "--track",
        "customer",
        "--status",
        "active",
        "--outcome",
        "Pay online",
        "--measure",
        "60% paid online",
        "--json",
    ]);
    assert_eq!(v["id"], 1);
    assert_eq!(v["title"], "Billing v2");
    assert_eq!(v["owner"], "Tomás Silva");
    assert_eq!(v["target_date"], "2027-03-14");
    assert_eq!(v["backup_date"], "2027-03-21");
    assert_eq!(v["risk_level"], "medium");
    assert_eq!(v["status"], "active");
    assert_eq!(v["priority"], 1);
    let people = env.json(&["person", "list", "--json"]);
    assert_eq!(people[0]["name"], "Tomás Silva");
    assert_eq!(people[0]["active_count"], 1);
}

#[test]
fn refusals_name_the_field_and_the_rule_and_write_nothing() {
    let env = Env::temp();
    let cases: [(&[&str], &str); 9] = [
        (
            &["add", "X", "--owner", "Backend team"],
            "error: owner: 'Backend team' names a team; an initiative needs one named person as its owner",
        ),
        (&["add", "X", "--owner", "Alice and Bob"], "names several people"),
        (&["add", "X", "--owner", "TBD"], "is a placeholder"),
        (&["add", "X", "--owner", "Eng"], "names a function"),
        (
            &["add", "X", "--owner", "Ann Lee", "--target", "2026-02-30", "--backup", "2026-03-02"],
            "error: target_date: '2026-02-30' is not a real calendar date",
        ),
        (
            &["add", "X", "--owner", "Ann Lee", "--target", "2026-03-14", "--backup", "2026-03-01"],
            "backup_date: the backup date (2026-03-01) must be on or after the target date (2026-03-14)",
        ),
        (
            &["add", "X", "--owner", "Ann Lee", "--status", "active"],
            "target_date: an active initiative needs a target date",
        ),
        (
            &[
                "add", "X", "--owner", "Ann Lee", "--status", "active", "--target", "2026-03-14",
                "--backup", "2026-03-14",
            ],
            "risk: an active initiative needs its main risk named",
        ),
        (&["add", "X", "--owner", "Ann Lee", "--track", "sideways"], "track: 'sideways' is not one of"),
    ];
    for (args, message) in cases {
        let err = env.fails(args);
        assert!(err.contains(message), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
    }
    // The owner of a refused initiative was not created either.
    assert_eq!(env.json(&["list", "--json"]), serde_json::json!([]));
    assert_eq!(
        env.json(&["person", "list", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn a_proposed_initiative_may_lack_dates_until_it_is_activated() {
    let env = Env::temp();
    let v = env.json(&[
        "add",
        "Accountant portal",
        "--owner",
        "Priya Natarajan",
        "--json",
    ]);
    let id = v["id"].to_string();
    assert_eq!(v["status"], "proposed");
    let err = env.fails(&["edit", &id, "--status", "active"]);
    assert!(
        err.contains("target_date: an active initiative needs a target date"),
        "{err}"
    );
    env.ok(&[
        "edit",
        &id,
        "--status",
        "active",
        "--target",
        "2027-01-10",
        "--backup",
        "2027-01-20",
        "--risk",
        "bank APIs differ by country",
        "--risk-level",
        "high",
    ]);
    assert_eq!(
        env.json(&["show", &id, "--json"])["initiative"]["status"],
        "active"
    );
}

#[test]
fn every_edit_is_in_the_history_with_its_reason_and_slips_are_derived() {
    let env = Env::temp();
    let id = env
        .add_active("Billing v2", "Tomás Silva", "2027-03-14", "2027-03-21")
        .to_string();
    env.ok(&[
        "edit",
        &id,
        "--target",
        "2027-03-21",
        "--backup",
        "2027-03-28",
        "--reason",
        "Provider changed its webhook format",
    ]);
    env.ok(&[
        "edit",
        &id,
        "--target",
        "2027-03-25",
        "--reason",
        "Beta feedback",
    ]);
    env.ok(&["edit", &id, "--owner", "Lena Fischer", "--priority", "3"]);
    let history = env.json(&["history", &id, "--json"]);
    let moves: Vec<_> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["field"] == "target_date" && c["old_value"].is_string())
        .collect();
    assert_eq!(moves.len(), 2);
    assert_eq!(moves[0]["old_value"], "2027-03-14");
    assert_eq!(moves[0]["new_value"], "2027-03-21");
    assert_eq!(moves[0]["reason"], "Provider changed its webhook format");
    assert!(history
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["field"] == "owner"
            && c["old_value"] == "Tomás Silva"
            && c["new_value"] == "Lena Fischer"));
    let detail = env.json(&["show", &id, "--json"]);
    let slip = &detail["slips"]["target"];
    assert_eq!(slip["committed"], "2027-03-14");
    assert_eq!(slip["current"], "2027-03-25");
    assert_eq!(slip["moves"], 2);
    assert_eq!(slip["days"], 11);
    let text = env.ok(&["history", &id]);
    assert!(text.contains("Provider changed its webhook format"));
    // An edit that changes nothing logs nothing.
    assert!(env
        .ok(&["edit", &id, "--target", "2027-03-25"])
        .contains("nothing changed"));
    assert_eq!(env.json(&["history", &id, "--json"]), history);
}

#[test]
fn a_refused_edit_changes_nothing() {
    let env = Env::temp();
    let id = env
        .add_active("Billing v2", "Tomás Silva", "2027-03-14", "2027-03-21")
        .to_string();
    let before = env.ok(&["export"]);
    let err = env.fails(&[
        "edit",
        &id,
        "--title",
        "Billing v3",
        "--backup",
        "2027-03-01",
    ]);
    assert!(err.contains("backup_date"), "{err}");
    let err = env.fails(&["edit", &id, "--owner", "Payments squad"]);
    assert!(err.contains("names a team"), "{err}");
    assert_eq!(env.ok(&["export"]), before);
    assert!(env
        .fails(&["edit", "99", "--title", "x"])
        .contains("initiative 99 does not exist"));
}

#[test]
fn list_filters_by_status_owner_and_track() {
    let env = Env::temp();
    env.add_active("Billing v2", "Tomás Silva", "2027-03-14", "2027-03-21");
    env.ok(&[
        "add",
        "Flaky tests",
        "--owner",
        "Daniel Reyes",
        "--track",
        "release",
    ]);
    let by = |args: &[&str]| env.json(args).as_array().unwrap().len();
    assert_eq!(by(&["list", "--json"]), 2);
    assert_eq!(by(&["list", "--status", "active", "--json"]), 1);
    assert_eq!(by(&["list", "--owner", "daniel reyes", "--json"]), 1);
    assert_eq!(by(&["list", "--track", "release", "--json"]), 1);
    let table = env.ok(&["list"]);
    assert!(
        table.contains("TITLE") && table.contains("Billing v2") && table.contains("Flaky tests")
    );
}

#[test]
fn checkins_default_to_the_pinned_week_and_a_second_one_replaces_the_first() {
    let mut env = Env::temp();
    // Added the week before, so that week can be checked in too.
    env.today = "2026-11-16";
    let id = env
        .add_active("Billing v2", "Tomás Silva", "2027-03-14", "2027-03-21")
        .to_string();
    env.today = "2026-11-23";
    env.ok(&[
        "checkin",
        &id,
        "--health",
        "on-track",
        "--progress",
        "Webhooks",
    ]);
    env.ok(&[
        "checkin",
        &id,
        "--health",
        "at-risk",
        "--progress",
        "Webhooks, again",
    ]);
    env.ok(&["checkin", &id, "--health", "on-track", "--week", "2026-W47"]);
    let d = env.json(&["show", &id, "--json"]);
    let checkins = d["checkins"].as_array().unwrap();
    assert_eq!(checkins.len(), 3);
    let current: Vec<_> = checkins
        .iter()
        .filter(|c| c["replaced_at"].is_null())
        .collect();
    assert_eq!(current.len(), 2);
    assert_eq!(current[0]["week"], "2026-W48");
    assert_eq!(current[0]["health"], "at-risk");
    assert!(checkins
        .iter()
        .any(|c| c["week"] == "2026-W48" && c["replaced_at"].is_string()));
    assert!(env
        .fails(&["checkin", &id, "--health", "fine"])
        .contains("health: 'fine' is not one of"));
    assert!(env
        .fails(&["checkin", &id, "--health", "on-track", "--week", "2025-W53"])
        .contains("week: 2025 has no ISO week 53"));
    let proposed = env.json(&["add", "Idea", "--owner", "Ann Lee", "--json"])["id"].to_string();
    assert!(env
        .fails(&["checkin", &proposed, "--health", "on-track"])
        .contains("is proposed"));
}

#[test]
fn blockers_and_decisions_round_trip() {
    let env = Env::temp();
    let id = env
        .add_active("Search", "Ravi Menon", "2027-01-10", "2027-01-20")
        .to_string();
    env.ok(&[
        "blocker",
        "add",
        &id,
        "Maintenance window",
        "--owner",
        "Maya Okafor",
        "--since",
        "2026-11-18",
    ]);
    env.ok(&["blocker", "add", &id, "Index size", "--owner", "Ravi Menon"]);
    assert!(env
        .fails(&["blocker", "add", &id, "x", "--owner", "Ops team"])
        .contains("names a team"));
    assert!(env
        .fails(&[
            "blocker",
            "add",
            &id,
            "x",
            "--owner",
            "Ann Lee",
            "--since",
            "2026-12-01"
        ])
        .contains("since: a blocker cannot start in the future"));
    let list = env.json(&["blocker", "list", "--open", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[0]["owner"], "Maya Okafor");
    assert!(env.ok(&["blocker", "list"]).contains("5d"));
    env.ok(&["blocker", "resolve", "1"]);
    assert!(env
        .fails(&["blocker", "resolve", "1"])
        .contains("already resolved"));
    assert_eq!(
        env.json(&["blocker", "list", "--open", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        env.json(&["blocker", "list", "--json"])[0]["resolved_on"],
        "2026-11-23"
    );

    env.ok(&[
        "decision",
        "add",
        "Saturday window?",
        "--owner",
        "Maya Okafor",
        "--by",
        "2026-11-26",
        "--initiative",
        &id,
    ]);
    assert!(env
        .fails(&[
            "decision",
            "add",
            "Q",
            "--owner",
            "Maya Okafor",
            "--by",
            "2026-13-01"
        ])
        .contains("by: '2026-13-01'"));
    assert!(env
        .fails(&[
            "decision",
            "add",
            "Q",
            "--owner",
            "Maya Okafor",
            "--by",
            "2026-12-01",
            "--initiative",
            "9"
        ])
        .contains("initiative 9 does not exist"));
    assert_eq!(
        env.ok(&["decision", "link", "1", "--none"]).trim(),
        "decision 1 concerns no initiative"
    );
    assert_eq!(
        env.json(&["decision", "list", "--json"])[0]["initiative_id"],
        serde_json::Value::Null
    );
    assert!(env
        .fails(&["decision", "link", "1", "--initiative", "9"])
        .contains("initiative 9 does not exist"));
    assert!(env
        .fails(&["decision", "link", "7", "--initiative", &id])
        .contains("decision 7 does not exist"));
    env.ok(&["decision", "link", "1", "--initiative", &id]);
    assert_eq!(
        env.json(&["decision", "list", "--json"])[0]["initiative_id"].to_string(),
        id
    );
    env.ok(&["decision", "close", "1", "--outcome", "Yes, Saturday 22:00"]);
    let all = env.json(&["decision", "list", "--json"]);
    assert_eq!(all[0]["outcome"], "Yes, Saturday 22:00");
    assert_eq!(all[0]["closed_on"], "2026-11-23");
    assert_eq!(
        env.json(&["decision", "list", "--open", "--json"]),
        serde_json::json!([])
    );
}

#[test]
fn the_database_itself_refuses_to_rewrite_the_change_log() {
    let env = Env::temp();
    env.add_active("Billing v2", "Tomás Silva", "2027-03-14", "2027-03-21");
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    assert!(conn.execute("UPDATE changes SET reason = 'x'", []).is_err());
    assert!(conn.execute("DELETE FROM changes", []).is_err());
}

#[test]
fn a_word_outside_health_risk_level_or_addresses_is_refused_on_one_line() {
    let env = Env::on("2027-03-10");
    let id = env
        .add_active("Search", "Ravi Menon", "2027-04-10", "2027-04-20")
        .to_string();
    let before = env.ok(&["export"]);
    let cases: [(&[&str], &str); 5] = [
        (
            &["checkin", &id, "--health", "fine"],
            "error: health: 'fine' is not one of: on-track, at-risk, off-track\n",
        ),
        (
            &["add", "X", "--owner", "Ann Lee", "--risk-level", "extreme"],
            "error: risk-level: 'extreme' is not one of: low, medium, high, none\n",
        ),
        (
            &["edit", &id, "--risk-level", "severe"],
            "error: risk-level: 'severe' is not one of: low, medium, high, none\n",
        ),
        (
            &["edit", &id, "--addresses", "bugs"],
            "error: addresses: 'bugs' is not one of: build-test, checklist, late-change, \
             environment-data, handoff, none\n",
        ),
        (
            &[
                "release", "pain", "1", "--cause", "slow", "--hours", "3", "--note", "x",
            ],
            "error: cause: 'slow' is not one of: build-test, checklist, late-change, \
             environment-data, handoff\n",
        ),
    ];
    for (args, message) in cases {
        assert_eq!(env.fails(args), message, "{args:?}");
    }
    assert_eq!(env.ok(&["export"]), before, "nothing written");
    // Case is ignored, as for --track and --status.
    env.ok(&["checkin", &id, "--health", "At-Risk"]);
    let d = env.json(&["show", &id, "--json"]);
    assert_eq!(d["checkins"][0]["health"], "at-risk");
}

#[test]
fn none_clears_a_risk_level_or_a_release_pain_and_the_empty_value_still_does() {
    let env = Env::on("2027-03-10");
    let id = env.json(&[
        "add",
        "Sign-off checklist",
        "--owner",
        "Dana Cruz",
        "--track",
        "release",
        "--risk-level",
        "low",
        "--addresses",
        "checklist",
        "--json",
    ])["id"]
        .to_string();
    let initiative = |env: &Env| env.json(&["show", &id, "--json"])["initiative"].clone();
    assert_eq!(initiative(&env)["risk_level"], "low");
    assert_eq!(initiative(&env)["addresses"], "checklist");

    env.ok(&["edit", &id, "--risk-level", "none", "--addresses", "NONE"]);
    assert!(initiative(&env)["risk_level"].is_null());
    assert!(initiative(&env)["addresses"].is_null());

    env.ok(&[
        "edit",
        &id,
        "--risk-level",
        "High",
        "--addresses",
        "handoff",
    ]);
    assert_eq!(initiative(&env)["risk_level"], "high");
    assert_eq!(initiative(&env)["addresses"], "handoff");
    // The spelling that cleared them before `none`.
    env.ok(&["edit", &id, "--risk-level", "", "--addresses", ""]);
    assert!(initiative(&env)["risk_level"].is_null());
    assert!(initiative(&env)["addresses"].is_null());

    // Each clearing is in the history like any change.
    let cleared: Vec<_> = env
        .json(&["history", &id, "--json"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["new_value"].is_null())
        .map(|c| c["field"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        cleared,
        ["risk_level", "addresses", "risk_level", "addresses"]
    );

    // On add, none is the same as leaving the option out.
    let v = env.json(&[
        "add",
        "Y",
        "--owner",
        "Ann Lee",
        "--risk-level",
        "none",
        "--json",
    ]);
    assert!(v["risk_level"].is_null());
}
