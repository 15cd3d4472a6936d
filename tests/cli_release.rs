//! `cadence release …` on a real workspace: every command, and every refusal one line that
//! names the field and the rule, with nothing written.

mod common;

use common::releases::ReleaseAdd;
use common::Env;

/// A workspace on 2027-03-01 with two initiatives and release 1 ("2.4"), due 03-08 (backup
/// 03-10), with three owners and a stop owner.
fn setup() -> Env {
    let env = Env::on("2027-03-01");
    env.ok(&["add", "Card payments", "--owner", "Ana Lima"]);
    env.ok(&["add", "PDF invoices", "--owner", "Ben Okafor"]);
    let mut args = ReleaseAdd::new("2.4", "2027-03-08", "2027-03-10")
        .fixes("Customers can pay by card without a support ticket")
        .args();
    args.extend([
        "--stop-owner",
        "Maya Okafor",
        "--support-note",
        "Card payments work again",
        "--triggers",
        "Checkout errors above 2% for 5 minutes",
        "--stable",
        "2.3.1",
    ]);
    let id = env.ok(&args);
    assert_eq!(id, "1\n");
    env
}

/// Runs a command that must be refused: one line naming `field`, nothing written.
fn refused(env: &Env, args: &[&str], want: &str) {
    let before = env.ok(&["export"]);
    let err = env.fails(args);
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert_eq!(err.trim_end(), format!("error: {want}"), "{args:?}");
    assert_eq!(env.ok(&["export"]), before, "{args:?} wrote something");
}

/// `release decide 1 CALL --by "Maya Okafor"` with an `--answer` for each of `answers`.
fn decide<'a>(call: &'a str, answers: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["release", "decide", "1", call, "--by", "Maya Okafor"];
    for answer in answers {
        args.extend(["--answer", answer]);
    }
    args
}

/// `release slip 1 --target … --backup … --reason … --cause …`
fn slip<'a>(target: &'a str, backup: &'a str, reason: &'a str, cause: &'a str) -> Vec<&'a str> {
    let when = ["--target", target, "--backup", backup];
    let why = ["--reason", reason, "--cause", cause];
    [&["release", "slip", "1"][..], &when, &why].concat()
}

/// `release rollback 1 --at … --restored … --reason …`
fn rollback<'a>(at: &'a str, restored: &'a str, reason: &'a str) -> Vec<&'a str> {
    let args = ["--at", at, "--restored", restored, "--reason", reason];
    [&["release", "rollback", "1"][..], &args].concat()
}

/// `release incident 1 --at … --restored … --note …`, for a test to add `--hotfix` to.
fn incident<'a>(at: &'a str, restored: &'a str, note: &'a str) -> Vec<&'a str> {
    let args = ["--at", at, "--restored", restored, "--note", note];
    [&["release", "incident", "1"][..], &args].concat()
}

#[test]
fn add_prints_the_id_and_json_the_release() {
    let env = setup();
    let mut args = ReleaseAdd::new("2.5", "2027-04-01", "2027-04-05")
        .owners("Ana Lima", "Ana Lima", "Ana Lima")
        .args();
    args.push("--json");
    let v = env.json(&args);
    assert_eq!(v["id"], 2);
    assert_eq!(v["name"], "2.5");
    assert_eq!(v["status"], "planned");
    assert_eq!(v["outcome"], "open");
    assert_eq!(v["scope_owner"], "Ana Lima");
    assert_eq!(v["readiness"]["ready"], true);
    assert_eq!(
        v["warnings"][0],
        "Ana Lima holds all three owner roles, which hides risk until the last day"
    );
    assert_eq!(
        v["warnings"][1],
        "nobody is named as the person who can stop the release"
    );
    let list = env.json(&["release", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    let shown = env.ok(&["release", "show", "1"]);
    assert!(shown.contains("can stop it  Maya Okafor"), "{shown}");
    assert!(shown.contains("triggers     Checkout errors above 2% for 5 minutes"));
    let table = env.ok(&["release", "list"]);
    assert!(table.lines().nth(1).unwrap().contains("2.4"));
}

#[test]
fn add_refusals_name_the_field() {
    let env = setup();
    let cases = [
        (
            ("2.4", "2027-04-01", "2027-04-02", "Ana Lima"),
            "name: release 1 is already called '2.4'; a release's name is unique",
        ),
        (
            ("2.5", "2027-04-03", "2027-04-02", "Ana Lima"),
            "backup: the backup date (2027-04-02) must be on or after the target date (2027-04-03)",
        ),
        (
            ("2.5", "2027-04-31", "2027-05-02", "Ana Lima"),
            "target: '2027-04-31' is not a real calendar date",
        ),
        (
            ("2.5", "2027-04-01", "2027-04-02", "Backend team"),
            "scope_owner: 'Backend team' names a team; an initiative needs one named person as its owner",
        ),
        (
            ("2.5", "2027-04-01", "2027-04-02", "TBD"),
            "scope_owner: 'TBD' is a placeholder, not a person; an initiative needs one named person as its owner",
        ),
    ];
    for ((name, target, backup, scope_owner), want) in cases {
        let release = ReleaseAdd::new(name, target, backup)
            .fixes("One problem")
            .owners(scope_owner, "Ben Okafor", "Chen Wei");
        refused(&env, &release.args(), want);
    }
    let no_fix = ReleaseAdd::new("2.5", "2027-04-01", "2027-04-02").fixes(" ");
    refused(&env, &no_fix.args(), "fixes: must not be empty");
}

#[test]
fn scope_freeze_late_additions_and_cuts() {
    let env = setup();
    assert_eq!(
        env.ok(&["release", "include", "1", "1", "--risky"]),
        "initiative 1 is in the scope of release 2.4\n"
    );
    refused(
        &env,
        &["release", "include", "1", "1"],
        "initiative: 'Card payments' is already in the scope of release 2.4",
    );
    refused(
        &env,
        &["release", "include", "1", "9"],
        "initiative 9 does not exist",
    );
    refused(
        &env,
        &["release", "include", "7", "1"],
        "release 7 does not exist",
    );
    assert_eq!(
        env.ok(&["release", "freeze", "1"]),
        "the scope of release 2.4 is frozen\n"
    );
    refused(
        &env,
        &["release", "freeze", "1"],
        "release: the scope of release 2.4 has been frozen since 2027-03-01",
    );
    refused(
        &env,
        &["release", "include", "1", "2"],
        "reason: the scope of release 2.4 was frozen on 2027-03-01; a late addition needs a reason",
    );
    assert_eq!(
        env.ok(&[
            "release",
            "include",
            "1",
            "2",
            "--reason",
            "The largest customer asked"
        ]),
        "initiative 2 is in the scope of release 2.4 as a late addition\n"
    );
    let v = env.json(&["release", "show", "1", "--json"]);
    assert_eq!(v["scope"][1]["late_reason"], "The largest customer asked");
    assert_eq!(
        v["warnings"][0],
        "'PDF invoices' was added after the freeze: The largest customer asked"
    );
    assert!(env
        .ok(&["release", "show", "1"])
        .contains("PDF invoices (initiative 2), late addition: The largest customer asked"));
    refused(
        &env,
        &["release", "cut", "1", "2", "--reason", " "],
        "reason: must not be empty",
    );
    refused(
        &env,
        &["release", "cut", "1", "9", "--reason", "Not needed"],
        "initiative: initiative 9 is not in the scope of release 2.4",
    );
    assert_eq!(
        env.ok(&["release", "cut", "1", "2", "--reason", "Protects the date"]),
        "initiative 2 is cut from release 2.4\n"
    );
    let v = env.json(&["release", "show", "1", "--json"]);
    assert_eq!(v["scope"][1]["cut_reason"], "Protects the date");
    assert_eq!(v["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn rehearsals_and_the_go_no_go_sheet() {
    let env = setup();
    env.ok(&["release", "include", "1", "1", "--risky"]);
    let sheet = env.ok(&["release", "check", "1"]);
    assert!(sheet.starts_with("Go/no-go for release 2.4\nnot ready: its rollback has never been rehearsed; its scope is not frozen\n"), "{sheet}");
    assert!(sheet.contains("3. Can we roll back from one short runbook? [not answered] (rollback)\n   - The rollback has never been rehearsed\n   - Rollback triggers: Checkout errors above 2% for 5 minutes\n   - Last stable version: 2.3.1\n   - 'Card payments' is a risky change: it needs a rehearsed rollback\n"), "{sheet}");
    assert!(sheet.contains("   - 'Card payments' is unfinished, owned by Ana Lima\n"));

    refused(
        &env,
        &["release", "rehearse", "1", "--minutes", "0"],
        "minutes: 0 is not a number of minutes from 1 to 10000",
    );
    refused(
        &env,
        &[
            "release",
            "rehearse",
            "1",
            "--minutes",
            "20",
            "--on",
            "2027-03-02",
        ],
        "on: 2027-03-02 is after today (2027-03-01); log a rehearsal once it has run",
    );
    refused(
        &env,
        &["release", "rehearse", "1", "--minutes", "20", "--by", "QA"],
        "by: 'QA' names a function, not a person; an initiative needs one named person as its owner",
    );
    env.ok(&[
        "release",
        "rehearse",
        "1",
        "--minutes",
        "40",
        "--on",
        "2027-02-20",
        "--by",
        "Chen Wei",
    ]);
    assert_eq!(
        env.ok(&[
            "release",
            "rehearse",
            "1",
            "--minutes",
            "15",
            "--by",
            "Chen Wei",
            "--note",
            "Runbook shortened"
        ]),
        "rollback rehearsal of release 2.4 logged: 15 minutes (40 → 15 minutes)\n"
    );
    env.ok(&["release", "freeze", "1"]);
    let s = env.json(&["release", "check", "1", "--json"]);
    assert_eq!(s["readiness"]["ready"], true);
    assert_eq!(s["readiness"]["last_rehearsal"]["minutes"], 15);
    assert_eq!(s["questions"].as_array().unwrap().len(), 5);
    assert_eq!(s["questions"][3]["question"], "prod-like");

    refused(
        &env,
        &decide("--go", &["owners=no"]),
        "reason: a go for release 2.4 while one-problem is not answered, owners is no, rollback is not answered, prod-like is not answered, cuts-told is not answered needs a reason (it is kept as an override)",
    );
    refused(
        &env,
        &decide("--go", &["speed=yes"]),
        "question: 'speed' is not one of: one-problem, owners, rollback, prod-like, cuts-told",
    );
    refused(
        &env,
        &decide("--go", &["owners=maybe"]),
        "answer: owners: 'maybe' is not yes or no",
    );
    refused(
        &env,
        &decide("--no-go", &["owners"]),
        "answer: 'owners' is not QUESTION=yes or QUESTION=no",
    );
    refused(
        &env,
        &decide("--no-go", &["owners=yes", "owners=no"]),
        "answer: owners is answered twice",
    );
    let all_yes = [
        "one-problem=yes",
        "owners=yes",
        "rollback=yes",
        "cuts-told=yes",
    ];
    assert_eq!(
        env.ok(&decide("--no-go", &all_yes)),
        "release 2.4: no-go by Maya Okafor\n"
    );
    let mut args = decide("--go", &[&["prod-like=no"][..], &all_yes].concat());
    args.extend(["--reason", "Staging mirrors production since Monday"]);
    assert_eq!(
        env.ok(&args),
        "release 2.4: go by Maya Okafor (an override)\n"
    );
    let v = env.json(&["release", "show", "1", "--json"]);
    assert_eq!(v["decisions"].as_array().unwrap().len(), 2);
    assert_eq!(v["readiness"]["overridden"], true);
    assert_eq!(v["decisions"][1]["answers"][3]["question"], "prod-like");
    assert_eq!(v["decisions"][1]["answers"][3]["yes"], false);
    let sheet = env.ok(&["release", "check", "1"]);
    assert!(sheet
        .contains("4. Was the release path tested on a production-like setup? [no] (prod-like)"));
}

#[test]
fn slips_ship_rollbacks_incidents_near_misses_pain_and_cancel() {
    let mut env = setup();
    refused(
        &env,
        &slip("2027-03-15", "2027-03-17", "Migrations failed", "bugs"),
        "cause: 'bugs' is not one of: build-test, checklist, late-change, environment-data, handoff",
    );
    refused(
        &env,
        &slip("2027-03-15", "2027-03-17", "", "handoff"),
        "reason: must not be empty",
    );
    refused(
        &env,
        &slip("2027-03-08", "2027-03-10", "No move", "handoff"),
        "target: release 2.4 is already due 2027-03-08 (backup 2027-03-10)",
    );
    assert_eq!(
        env.ok(&slip(
            "2027-03-15",
            "2027-03-17",
            "Migrations failed in staging",
            "environment-data"
        )),
        "release 2.4 moved to 2027-03-15 (backup 2027-03-17)\n"
    );
    refused(
        &env,
        &rollback("2027-03-01 10:00", "2027-03-01 10:30", "Errors"),
        "release: release 2.4 has not shipped; a rollback follows a release",
    );
    refused(
        &env,
        &["release", "ship", "1", "--at", "2027-03-02 10:00"],
        "at: 2027-03-02 10:00:00 is after today (2027-03-01); record what has happened",
    );
    refused(
        &env,
        &["release", "ship", "1", "--at", "yesterday"],
        "at: 'yesterday' is not a local date and time like 2027-03-14 16:30",
    );
    // A day after the release was created, so the near-miss follows it whatever the time.
    env.today = "2027-03-02";
    assert_eq!(
        env.ok(&[
            "release",
            "near-miss",
            "1",
            "--at",
            "2027-03-02 08:30",
            "--note",
            "A config key was caught missing"
        ]),
        "near-miss of release 2.4 recorded\n"
    );
    env.today = "2027-03-16";
    assert_eq!(
        env.ok(&["release", "ship", "1", "--at", "2027-03-16 10:00"]),
        "release 2.4 shipped 2027-03-16 10:00 (after its backup date: missed)\n"
    );
    refused(
        &env,
        &["release", "ship", "1"],
        "release: release 2.4 shipped on 2027-03-16; shipping is for a release still to ship",
    );
    refused(
        &env,
        &rollback("2027-03-16 09:00", "2027-03-16 09:30", "Errors"),
        "at: 2027-03-16 09:00:00 is before release 2.4 shipped (2027-03-16 10:00:00)",
    );
    refused(
        &env,
        &rollback("2027-03-16 11:00", "2027-03-16 10:30", "Errors"),
        "restored: 2027-03-16 10:30:00 is before the rollback started (2027-03-16 11:00:00)",
    );
    refused(
        &env,
        &rollback("2027-03-16 11:00", "2027-03-16 11:40", ""),
        "reason: must not be empty",
    );
    assert_eq!(
        env.ok(&rollback(
            "2027-03-16 11:00",
            "2027-03-16 11:40",
            "Sign-in failed for SSO accounts"
        )),
        "rollback of release 2.4 recorded: restored in 40 minutes\n"
    );
    let mut args = incident(
        "2027-03-16 14:00",
        "2027-03-16 15:10",
        "Receipts went out twice",
    );
    args.push("--hotfix");
    assert_eq!(
        env.ok(&args),
        "incident of release 2.4 recorded: restored in 70 minutes\n"
    );
    refused(
        &env,
        &incident("2027-03-16 14:00", "2027-03-16 15:10", " "),
        "note: must not be empty",
    );
    refused(
        &env,
        &[
            "release", "pain", "1", "--cause", "handoff", "--hours", "0", "--note", "Waited",
        ],
        "hours: 0 is not a number of hours from 1 to 1000",
    );
    refused(
        &env,
        &["release", "pain", "1", "--cause", "slow", "--hours", "3", "--note", "Waited"],
        "cause: 'slow' is not one of: build-test, checklist, late-change, environment-data, handoff",
    );
    assert_eq!(
        env.ok(&[
            "release",
            "pain",
            "1",
            "--cause",
            "handoff",
            "--hours",
            "3",
            "--note",
            "Waited two days for the security sign-off",
        ]),
        "release 2.4 lost 3 hours to approval and hand-off delays\n"
    );
    let v = env.json(&["release", "show", "1", "--json"]);
    assert_eq!(v["status"], "rolled-back");
    assert_eq!(v["outcome"], "late");
    assert_eq!(v["target_date"], "2027-03-15");
    assert_eq!(v["slips"][0]["old_target"], "2027-03-08");
    assert_eq!(v["slips"][0]["cause"], "environment-data");
    assert_eq!(v["events"][0]["kind"], "near-miss");
    assert_eq!(v["events"][2]["hotfix"], true);
    assert_eq!(v["pain"][0]["hours"], 3);
    refused(
        &env,
        &["release", "cancel", "1", "--reason", "Too late"],
        "release: release 2.4 shipped on 2027-03-16; cancelling is for a release still to ship",
    );

    env.ok(&ReleaseAdd::new("2.5", "2027-04-01", "2027-04-05").args());
    refused(
        &env,
        &["release", "cancel", "2", "--reason", ""],
        "reason: must not be empty",
    );
    assert_eq!(
        env.ok(&["release", "cancel", "2", "--reason", "Folded into 2.6"]),
        "release 2.5 is cancelled (it counts as missed)\n"
    );
    refused(
        &env,
        &["release", "include", "2", "1"],
        "release: release 2.5 was cancelled on 2027-03-16; changing its scope is for a release still to ship",
    );
    let shown = env.ok(&["release", "show", "1"]);
    assert!(shown.contains("  2027-03-16 11:00 rollback, restored in 40 minutes: Sign-in failed for SSO accounts\n"), "{shown}");
    assert!(
        shown.contains("  2027-03-15 (backup 2027-03-17); first 2027-03-08 (backup 2027-03-10)")
            || shown.contains(
                "dates        2027-03-15 (backup 2027-03-17); first 2027-03-08 (backup 2027-03-10)"
            ),
        "{shown}"
    );
    assert_eq!(env.ok(&["check"]).lines().count(), 1);
}
