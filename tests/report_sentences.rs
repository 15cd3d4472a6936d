//! Counting and sentence bugs of the updates, each reproduced with the commands that found it
//! (issue 13, section 2): the real binary on a real workspace file, today pinned.

mod common;

use std::path::Path;

use cadence::model::InitiativePatch;
use cadence::render::update_markdown;
use cadence::review::quarterly_review::quarterly;
use common::company::{d, Company};
use common::ok;
use common::plain::monthly_update;
use common::plain::quarterly_update;
use common::quarter::{fernhill, q};

/// `cadence add TITLE --owner OWNER --status active …` on `today` (with a risk unless one is
/// given); returns the new id.
fn add(db: &Path, today: &str, title: &str, owner: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "add", title, "--owner", owner, "--status", "active", "--json",
    ];
    args.extend_from_slice(extra);
    if !extra.contains(&"--risk") {
        args.extend(["--risk", "the vendor may be late", "--risk-level", "medium"]);
    }
    let v: serde_json::Value = serde_json::from_str(&ok(db, today, &args)).unwrap();
    v["id"].as_i64().unwrap().to_string()
}

#[test]
fn a_week_ending_in_the_next_quarter_counts_the_moves_of_the_quarter_they_were_made_in() {
    let co = Company::temp();
    let id = add(
        &co.path,
        "2027-03-01",
        "Billing v2",
        "Tomás Silva",
        &["--target", "2027-04-10", "--backup", "2027-04-17"],
    );
    ok(
        &co.path,
        "2027-03-29",
        &[
            "edit",
            &id,
            "--target",
            "2027-04-24",
            "--backup",
            "2027-05-01",
            "--reason",
            "vendor late",
        ],
    );
    let md = ok(&co.path, "2027-04-02", &["weekly", "--week", "2027-W13"]);
    assert!(md.contains("Dates moved once this quarter"), "{md}");
    assert!(!md.contains("Dates moved 0 times"), "{md}");
}

#[test]
fn one_old_blocker_and_one_active_initiative_read_as_sentences() {
    let co = Company::temp();
    let id = add(
        &co.path,
        "2026-11-02",
        "Billing v2",
        "Tomás Silva",
        &["--target", "2026-12-11", "--backup", "2026-12-18"],
    );
    ok(
        &co.path,
        "2026-11-17",
        &[
            "checkin",
            &id,
            "--health",
            "off-track",
            "--progress",
            "rework",
        ],
    );
    ok(
        &co.path,
        "2026-11-17",
        &[
            "blocker",
            "add",
            &id,
            "Vendor silent",
            "--owner",
            "Maya Okafor",
        ],
    );
    let md = ok(&co.path, "2026-11-20", &["weekly"]);
    assert!(
        md.contains("The only active initiative is off track."),
        "{md}"
    );
    assert!(!md.contains("Of 1 active initiative"), "{md}");
    assert!(
        md.contains("1 blocker has been open for more than two days."),
        "{md}"
    );
    assert!(!md.contains(", it for more"), "{md}");
}

#[test]
fn the_countdown_is_written_next_to_the_target_it_counts_to() {
    let co = Company::temp();
    let today = add(
        &co.path,
        "2027-02-01",
        "Billing v2",
        "Tomás Silva",
        &["--target", "2027-02-12", "--backup", "2027-02-19"],
    );
    let later = add(
        &co.path,
        "2027-02-01",
        "Search",
        "Ravi Menon",
        &["--target", "2027-02-24", "--backup", "2027-03-03"],
    );
    for id in [&today, &later] {
        ok(
            &co.path,
            "2027-02-08",
            &["checkin", id, "--health", "on-track"],
        );
    }
    let md = ok(&co.path, "2027-02-12", &["weekly"]);
    assert!(
        md.contains("is on track for 12 February (today), with 19 February as the backup"),
        "{md}"
    );
    assert!(
        md.contains("is on track for 24 February (12 days to go), with 3 March as the backup"),
        "{md}"
    );
    assert!(!md.contains("as the backup (today)"), "{md}");
    assert!(!md.contains("as the backup (12 days"), "{md}");
}

#[test]
fn user_text_is_written_around_not_pasted_in() {
    let co = Company::temp();
    let billing = add(
        &co.path,
        "2027-02-01",
        "Self-serve billing details (no support ticket)",
        "Ravi Kumar",
        &[
            "--target",
            "2027-03-12",
            "--backup",
            "2027-03-19",
            "--risk",
            "Failed-payment edge cases are not covered",
            "--risk-level",
            "high",
            "--outcome",
            "fewer tickets",
        ],
    );
    ok(
        &co.path,
        "2027-02-08",
        &["checkin", &billing, "--health", "at-risk"],
    );
    let md = ok(&co.path, "2027-02-10", &["monthly"]);
    assert!(
        md.contains(
            "- Ravi Kumar's Self-serve billing details (no support ticket) is at risk for \
             12 March, with 19 March as the backup; the main risk: Failed-payment edge cases \
             are not covered."
        ),
        "{md}"
    );
    assert!(!md.contains("(no support ticket) (Ravi Kumar)"), "{md}");
    assert!(!md.contains("the main risk is Failed"), "{md}");
}

#[test]
fn a_list_of_initiatives_without_an_outcome_is_they_not_it() {
    let co = Company::temp();
    for title in ["Billing v2", "Search"] {
        add(
            &co.path,
            "2027-02-01",
            title,
            "Tomás Silva",
            &["--target", "2027-03-12", "--backup", "2027-03-19"],
        );
    }
    let md = ok(&co.path, "2027-02-10", &["monthly"]);
    assert!(
        md.contains(
            "Billing v2 (Tomás Silva) and Search (Tomás Silva) are active without a stated \
             outcome: nobody can tell whether they paid off."
        ),
        "{md}"
    );
}

#[test]
fn a_renamed_initiative_is_named_once_by_its_current_title() {
    let co = Company::temp();
    let id = co.active(
        "2026-09-01 09:00",
        "Offline mode",
        "Lena Fischer",
        "2026-10-09",
        "2026-10-16",
    );
    co.dates(
        "2026-10-05 09:00",
        id,
        "2026-10-30",
        "2026-11-06",
        "sync is harder",
    );
    let rename = InitiativePatch {
        title: Some("Mobile offline mode".into()),
        ..Default::default()
    };
    co.edit("2026-11-10 09:00", id, rename, "clearer name");
    co.dates(
        "2026-11-12 09:00",
        id,
        "2026-11-20",
        "2026-11-27",
        "iOS review",
    );
    let u = monthly_update(&co.review("2026-11", "2026-11-23"));
    let signs = u.sections.iter().find(|s| s.key == "signals").unwrap();
    assert_eq!(
        signs.items,
        [
            "Lena Fischer's dates slipped in 2 of the last 3 months (October and November), on \
          Mobile offline mode."
        ]
    );
}

#[test]
fn one_or_two_new_ideas_are_not_a_backlog_out_of_control() {
    let co = Company::temp();
    co.proposed("2027-02-03 09:00", "Dark mode", "Priya Natarajan", None);
    let r = co.review("2027-02", "2027-02-20");
    let b = r.signals.backlog_growth;
    assert_eq!(
        (b.added, b.done, b.proposed_at_start, b.proposed_at_end),
        (1, 0, 0, 1)
    );
    assert!(!b.raised, "a single proposed item is no warning sign");
    let md = update_markdown(&monthly_update(&r));
    assert!(!md.contains("backlog"), "{md}");

    co.proposed(
        "2027-02-10 09:00",
        "Invoice templates",
        "Priya Natarajan",
        None,
    );
    assert!(
        !co.review("2027-02", "2027-02-20")
            .signals
            .backlog_growth
            .raised
    );
    co.proposed("2027-02-17 09:00", "CSV import", "Priya Natarajan", None);
    let r = co.review("2027-02", "2027-02-20");
    assert!(
        r.signals.backlog_growth.raised,
        "three in a month, none done"
    );
    assert!(update_markdown(&monthly_update(&r))
        .contains("The backlog is growing faster than delivery: 3 initiatives were proposed"));
}

#[test]
fn markdown_shows_user_text_without_needless_backslashes() {
    let co = Company::temp();
    add(
        &co.path,
        "2027-02-01",
        "Alert on refresh-failed!",
        "Ravi Menon",
        &["--target", "2027-03-12", "--backup", "2027-03-19"],
    );
    let md = ok(&co.path, "2027-02-10", &["weekly"]);
    assert!(md.contains("Alert on refresh-failed! (Ravi Menon)"), "{md}");
    assert!(!md.contains(r"\!"), "{md}");
}

#[test]
fn work_added_by_an_amendment_is_part_of_the_plan() {
    let f = fernhill();
    let r = quarterly(
        &f.co.at("2027-01-05 12:00").snapshot().unwrap(),
        q("2026-Q4"),
        d("2027-01-05"),
    );
    let portal = r
        .plan
        .committed
        .iter()
        .find(|i| i.initiative_id == f.portal)
        .expect("the amendment put the portal in the plan");
    assert_eq!(portal.added_at.unwrap().to_string(), "2026-11-17 11:00:00");
    assert!(r.plan.added.iter().all(|i| i.initiative_id != f.portal));
    assert_eq!((r.plan.counts.committed, r.plan.counts.added), (6, 1));
    let md = update_markdown(&quarterly_update(&r));
    assert!(
        md.contains("1 more initiative was added during the quarter, outside the plan."),
        "{md}"
    );
    assert!(md.contains("The plan was committed on 28 September with 5 initiatives."));
    assert!(md.contains("Accountant portal (Priya Natarajan): added to the plan on 17 November;"));
}
