//! What an update gives a board in a minute (issue 13, section 3): three lines at the top,
//! the decisions that are overdue or due within a week, the blockers cleared, the main risk
//! only when it is new or changed since the last update sent, one line for a target moved
//! with its backup, and a second check-in that says it replaced the first.

mod common;

use cadence::model::InitiativePatch;
use cadence::model::RiskLevel;
use common::company::Company;
use common::ok;
use common::plain::weekly_update;

/// `cadence add … --status active` on `today`; returns the new id.
fn add(co: &Company, today: &str, title: &str, target: &str, backup: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(&ok(
        &co.path,
        today,
        &[
            "add",
            title,
            "--owner",
            "Tomás Silva",
            "--status",
            "active",
            "--json",
            "--target",
            target,
            "--backup",
            backup,
            "--risk",
            "the vendor may be late",
            "--risk-level",
            "medium",
        ],
    ))
    .unwrap();
    v["id"].as_i64().unwrap().to_string()
}

#[test]
fn the_weekly_lists_decisions_overdue_then_due_within_a_week_and_the_blockers_cleared() {
    let co = Company::temp();
    let id = add(&co, "2026-11-02", "Billing v2", "2026-12-11", "2026-12-18");
    for (question, by) in [
        ("Go live in the EU?", "2026-11-27"),
        ("Which payment provider?", "2026-11-18"),
        ("Hire a contractor?", "2026-12-10"),
    ] {
        ok(
            &co.path,
            "2026-11-02",
            &[
                "decision",
                "add",
                question,
                "--owner",
                "Maya Okafor",
                "--by",
                by,
                "--initiative",
                &id,
            ],
        );
    }
    ok(
        &co.path,
        "2026-11-10",
        &[
            "blocker",
            "add",
            &id,
            "Sandbox down",
            "--owner",
            "Ravi Menon",
        ],
    );
    ok(&co.path, "2026-11-18", &["blocker", "resolve", "1"]);
    let md = ok(&co.path, "2026-11-20", &["weekly"]);
    let decisions = md.split("## Decisions needed\n\n").nth(1).unwrap();
    let decisions: Vec<&str> = decisions
        .lines()
        .take_while(|l| l.starts_with("- "))
        .collect();
    assert_eq!(
        decisions,
        [
            "- Which payment provider? Maya Okafor decides; it was needed by 18 November and \
             is 2 days overdue. It concerns Billing v2.",
            "- Go live in the EU? Maya Okafor decides by 27 November. It concerns Billing v2.",
        ],
        "{md}"
    );
    assert!(
        md.contains(
            "## Blockers cleared\n\n- Billing v2: “Sandbox down” was cleared on 18 November by \
             Ravi Menon, 8 days after it was raised.\n"
        ),
        "{md}"
    );
}

#[test]
fn every_update_opens_with_what_shipped_what_is_in_danger_and_what_is_needed() {
    let env = common::Env::sample();
    let weekly = env.ok(&["weekly"]);
    assert!(
        weekly.starts_with(
            "# Weekly update: 23–29 November 2026\n\n- **Shipped:** Nothing this week.\n\
             - **In danger:** Pricing page experiment, Mobile offline mode, Stabilise the \
             release pipeline and Move search to Postgres full-text.\n\
             - **Needed from you:** A decision from Maya Okafor on “Which payment provider do \
             we offer EU customers?” (1 day overdue), a decision from Maya Okafor on “Do we \
             take a Saturday-night maintenance window for the search rebuild?” (by \
             26 November) and help with 1 blocker open more than two days.\n\n"
        ),
        "{weekly}"
    );
    for kind in ["monthly", "quarterly"] {
        let md = env.ok(&[kind]);
        let head: Vec<&str> = md.lines().skip(2).take(3).collect();
        let labels: Vec<&str> = head
            .iter()
            .map(|l| l.split(":**").next().unwrap())
            .collect();
        assert_eq!(
            labels,
            ["- **Shipped", "- **In danger", "- **Needed from you"],
            "{md}"
        );
    }
    let txt = env.ok(&["monthly", "--format", "txt"]);
    assert!(
        txt.contains("\nShipped: Audit log export.\nIn danger: "),
        "{txt}"
    );
}

/// Keeps a weekly update of `week` as sent at `when`.
fn keep_weekly(co: &Company, week: &str, when: &str) {
    let conn = rusqlite::Connection::open(&co.path).unwrap();
    conn.execute(
        "INSERT INTO reviews(kind, period, format, body, created_at)
         VALUES ('weekly', ?1, 'md', 'sent', ?2)",
        (week, format!("{when}:00")),
    )
    .unwrap();
}

#[test]
fn the_main_risk_is_repeated_only_when_new_or_its_level_changed() {
    let co = Company::temp();
    let id = co.active(
        "2026-11-02 09:00",
        "Billing v2",
        "Tomás Silva",
        "2026-12-11",
        "2026-12-18",
    );
    let risk = "; the main risk: the vendor may be late.";
    let first = weekly_update(&co.week("2026-W46", "2026-11-13"));
    assert!(first.sections[1].items[0].contains(risk), "{first:?}");

    keep_weekly(&co, "2026-W46", "2026-11-16 08:00");
    let again = weekly_update(&co.week("2026-W47", "2026-11-20"));
    let line = &again.sections[1].items[0];
    assert!(!line.contains("main risk"), "{line}");

    let raised = InitiativePatch {
        risk_level: Some(Some(RiskLevel::High)),
        ..Default::default()
    };
    co.edit("2026-11-18 09:00", id, raised, "vendor missed a date");
    let changed = weekly_update(&co.week("2026-W47", "2026-11-20"));
    assert!(changed.sections[1].items[0].contains(risk), "{changed:?}");
}

#[test]
fn a_target_moved_with_its_backup_mid_week_is_one_line() {
    let co = Company::temp();
    let id = co.active(
        "2026-11-02 09:00",
        "Billing v2",
        "Tomás Silva",
        "2026-12-11",
        "2026-12-18",
    );
    co.dates(
        "2026-11-18 10:00",
        id,
        "2026-12-18",
        "2026-12-23",
        "vendor late",
    );
    let u = weekly_update(&co.week("2026-W47", "2026-11-20"));
    let attention = u.sections.iter().find(|s| s.key == "attention").unwrap();
    let moved: Vec<&String> = attention
        .items
        .iter()
        .filter(|i| i.contains("mid-week"))
        .collect();
    assert_eq!(
        moved,
        [
            "Billing v2 (Tomás Silva): the target and backup dates changed mid-week, on \
          Wednesday 18 November: the target from 11 December to 18 December, the backup from \
          18 December to 23 December. Reason: Vendor late."
        ]
    );
}

#[test]
fn a_second_check_in_for_the_same_week_says_it_replaced_the_first() {
    let co = Company::temp();
    let id = add(&co, "2026-11-02", "Billing v2", "2026-12-11", "2026-12-18");
    let first = ok(
        &co.path,
        "2026-11-16",
        &["checkin", &id, "--health", "on-track"],
    );
    assert!(!first.contains("replaced"), "{first}");
    let second = ok(
        &co.path,
        "2026-11-17",
        &["checkin", &id, "--health", "at-risk"],
    );
    assert!(
        second.contains(
            "check-in recorded for initiative 1 in 2026-W47: at risk\nit replaced the check-in \
             recorded on 2026-11-16"
        ),
        "{second}"
    );
    assert!(second.contains("(on track); that one is kept in the history as replaced"));
}

#[test]
fn the_monthly_repeats_the_main_risk_only_when_it_changed_since_the_last_update_sent() {
    let co = Company::temp();
    let id = co.active(
        "2026-10-01 09:00",
        "Billing v2",
        "Tomás Silva",
        "2026-12-11",
        "2026-12-18",
    );
    co.checkin("2026-10-30 17:00", id, "2026-W44", "at-risk");
    let risk = "the main risk: the vendor may be late";
    let october = common::plain::monthly_update(&co.review("2026-10", "2026-10-31"));
    assert!(format!("{october:?}").contains(risk));

    co.keep_review("2026-11-02 08:00", "2026-10");
    let november = common::plain::monthly_update(&co.review("2026-11", "2026-11-20"));
    assert!(
        !format!("{november:?}").contains("main risk"),
        "{november:?}"
    );

    let patch = InitiativePatch {
        risk: Some("the bank's sandbox is down".into()),
        ..Default::default()
    };
    co.edit("2026-11-10 09:00", id, patch, "new risk");
    let november = common::plain::monthly_update(&co.review("2026-11", "2026-11-20"));
    assert!(
        format!("{november:?}").contains("the main risk: the bank's sandbox is down"),
        "{november:?}"
    );
}
