//! Import applies every rule the commands apply plus the history's consistency, and `check`
//! finds the same broken records in a workspace file edited by hand (issue 13 §4).

mod common;

use std::fs;

use cadence::calendar::Clock;
use cadence::store::Workspace;
use common::Env;
use serde_json::{json, Value};

/// The sample company's export, parsed.
fn sample() -> (Env, Value) {
    let env = Env::sample();
    let v = serde_json::from_str(&env.ok(&["export"])).unwrap();
    (env, v)
}

/// Imports `v` into a new workspace: the one-line error, after checking nothing was written.
fn refused(v: &Value) -> String {
    let target = Env::temp();
    target.ok(&["init"]);
    let file = target.dir.path().join("edited.json");
    fs::write(&file, serde_json::to_string_pretty(v).unwrap()).unwrap();
    let err = target.fails(&["import", file.to_str().unwrap()]);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!err.contains("constraint"), "{err}");
    assert_eq!(target.json(&["list", "--json"]), json!([]));
    assert_eq!(target.json(&["person", "list", "--json"]), json!([]));
    err.trim_end().trim_start_matches("error: ").to_string()
}

/// The ids of the changes logging `field` for one initiative that has at least two.
fn moves(v: &Value, field: &str) -> (i64, Vec<usize>) {
    let changes = v["changes"].as_array().unwrap();
    for i in v["initiatives"].as_array().unwrap() {
        let id = i["id"].as_i64().unwrap();
        let at: Vec<usize> = (0..changes.len())
            .filter(|&n| changes[n]["initiative_id"] == id && changes[n]["field"] == field)
            .collect();
        if at.len() >= 2 {
            return (id, at);
        }
    }
    panic!("the sample has no initiative whose {field} moved");
}

#[test]
fn an_export_edited_to_move_a_first_target_is_refused_naming_the_record() {
    let (_env, mut v) = sample();
    let (id, at) = moves(&v, "target_date");
    let last = v["changes"][*at.last().unwrap()]["new_value"].clone();
    let first = at[0];
    let change = v["changes"][first]["id"].clone();
    let was = v["changes"][first]["new_value"].clone();
    v["changes"][first]["new_value"] = last.clone();
    let err = refused(&v);
    let next = v["changes"][at[1]]["id"].clone();
    assert_eq!(
        err,
        format!(
            "change {next} (initiative {id}): target_date starts from {} but the value before \
             it was {}",
            shown(&was),
            shown(&last)
        ),
        "first target changed in change {change}"
    );

    // Deleting the moves so the first target is the last one is refused too: the log has a
    // gap, and the plan committed the first date.
    let (_env, mut v) = sample();
    let (id, at) = moves(&v, "target_date");
    let changes = v["changes"].as_array_mut().unwrap();
    let last = changes[*at.last().unwrap()]["new_value"].clone();
    changes[at[0]]["new_value"] = last;
    for n in at[1..].iter().rev() {
        changes.remove(*n);
    }
    let err = refused(&v);
    assert!(err.starts_with("change "), "{err}");
    assert!(err.contains("is missing"), "{err} (initiative {id})");
}

fn shown(v: &Value) -> String {
    format!("'{}'", v.as_str().unwrap())
}

/// An edit of an export.
type Edit = Box<dyn Fn(&mut Value)>;

#[test]
fn every_broken_record_is_named_with_its_field() {
    let (_env, v) = sample();
    let person = v["people"][0]["id"].as_i64().unwrap();
    let initiative = v["initiatives"][0]["id"].as_i64().unwrap();
    let checkin = v["checkins"][0]["id"].as_i64().unwrap();
    let cases: Vec<(Edit, String)> = vec![
        (
            Box::new(|v| v["initiatives"][0]["owner_id"] = json!(99)),
            format!("initiative {initiative}: owner 99 is not a person in the file"),
        ),
        (
            Box::new(|v| v["initiatives"][0]["owner"] = json!("Someone Else")),
            format!("initiative {initiative}: owner: person"),
        ),
        (
            Box::new(|v| v["initiatives"][0]["priority"] = json!(9_223_372_036_854_775_807_i64)),
            format!("initiative {initiative}: priority: 9223372036854775807 is out of range"),
        ),
        (
            Box::new(|v| v["initiatives"][0]["title"] = json!("Red \u{1b}[31m")),
            format!("initiative {initiative}: title: holds U+001B, ESC"),
        ),
        (
            Box::new(|v| v["initiatives"][0]["title"] = json!("x".repeat(201))),
            format!("initiative {initiative}: title: has at most 200 characters"),
        ),
        (
            Box::new(|v| {
                v["initiatives"][0]["target_date"] = json!("2031-01-01");
                v["initiatives"][0]["backup_date"] = json!("2031-02-01");
            }),
            format!(
                "initiative {initiative}: target_date is '2031-01-01' but its change log ends at"
            ),
        ),
        (
            Box::new(|v| v["people"][0]["id"] = json!(-4)),
            "person -4: ids are whole numbers from 1".into(),
        ),
        (
            Box::new(|v| v["people"][1]["id"] = v["people"][0]["id"].clone()),
            format!("person {person}: comes after person {person}"),
        ),
        (
            Box::new(|v| v["people"][0]["name"] = json!("Platform team")),
            format!("person {person}: name: 'Platform team' names a team"),
        ),
        (
            Box::new(|v| v["checkins"][0]["note"] = json!("done\r\n")),
            format!("check-in {checkin}: note: holds U+000D, CR"),
        ),
        (
            Box::new(|v| v["checkins"][0]["week"] = json!("2031-W01")),
            format!("check-in {checkin}: week: 2031-W01 has not begun"),
        ),
        (
            Box::new(|v| v["settings"] = json!({"fiscal_year_start": "13"})),
            "setting fiscal_year_start: '13' is not a month number from 1 to 12".into(),
        ),
        (
            Box::new(|v| v["settings"] = json!({"colour": "blue"})),
            "setting colour: is not a setting; the settings are:".into(),
        ),
        (
            Box::new(|v| {
                let id = v["baselines"][0]["id"].clone();
                v["baselines"][0]["amends"] = id;
            }),
            "a plan cannot amend itself".into(),
        ),
        (
            Box::new(|v| v["baselines"][0]["quarter"] = json!("2026-Q5")),
            "quarter: '2026-Q5' is not a quarter like 2026-Q3".into(),
        ),
        (
            Box::new(|v| {
                v["reviews"] = json!([{"id": 1, "kind": "daily", "period": "2026-W01",
                    "format": "md", "body": "x", "created_at": "2026-01-05T09:00:00"}])
            }),
            "kind: 'daily' is not one of: weekly, monthly, quarterly at line".into(),
        ),
        (
            Box::new(|v| {
                v["reviews"] = json!([{"id": 1, "kind": "weekly", "period": "2026-W01",
                    "format": "pdf", "body": "x", "created_at": "2026-01-05T09:00:00"}])
            }),
            "format: 'pdf' is not one of: md, html, txt, json at line".into(),
        ),
    ];
    for (edit, want) in cases {
        let mut v = v.clone();
        edit(&mut v);
        let err = refused(&v);
        assert!(err.contains(&want), "wanted {want:?}, got {err:?}");
    }
}

#[test]
fn times_are_read_as_the_docs_write_them() {
    let (env, v) = sample();
    let text = serde_json::to_string_pretty(&v).unwrap();
    assert!(text.contains(r#""created_at": "20"#));
    let at = v["people"][0]["created_at"].as_str().unwrap().to_string();
    assert_eq!(at.as_bytes()[10], b'T', "the export writes ISO 8601: {at}");
    let spaced = text.replace(&at, &at.replace('T', " "));
    let file = env.dir.path().join("spaced.json");
    fs::write(&file, &spaced).unwrap();
    let target = Env::temp();
    target.ok(&["import", file.to_str().unwrap()]);
    assert_eq!(target.ok(&["export"]), env.ok(&["export"]));
    // A note that looks like a time stays as written.
    let docs = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/cli.md")).unwrap();
    assert!(docs.contains("times `YYYY-MM-DDTHH:MM:SS`"), "docs/cli.md");
}

#[test]
fn check_names_every_record_broken_by_a_hand_edit() {
    let env = Env::sample();
    assert_eq!(env.ok(&["check"]), "ok\n");
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch(
        "UPDATE initiatives SET target_date = '2031-01-01', backup_date = '2031-02-01' WHERE id = 1;
         UPDATE people SET name = 'Ops ' || char(27) || '[2J' WHERE id = 2;
         UPDATE initiatives SET priority = 9223372036854775807 WHERE id = 3;
         INSERT INTO settings(key, value) VALUES ('fiscal_year_start', '13');",
    )
    .unwrap();
    drop(conn);
    let out = env.cmd(&["check"]).output().unwrap();
    assert!(!out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for want in [
        "setting fiscal_year_start: '13' is not a month number from 1 to 12",
        "person 2: name: holds U+001B, ESC",
        "initiative 1: target_date is '2031-01-01' but its change log ends at",
        "initiative 1: backup_date is '2031-02-01' but its change log ends at",
        "initiative 3: priority: 9223372036854775807 is out of range",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(want)),
            "{want:?} not in:\n{text}"
        );
    }
    assert!(!text.contains('\u{1b}'), "{text}");
}

/// Every kind of stored date, set to a year the commands never write: `(table, field,
/// whether it holds a time)`.
const DATED: &[(&str, &str, bool)] = &[
    ("blockers", "since", false),
    ("blockers", "resolved_on", false),
    ("blockers", "created_at", true),
    ("decisions", "needed_by", false),
    ("decisions", "closed_on", false),
    ("decisions", "created_at", true),
    ("people", "created_at", true),
    ("baselines", "committed_at", true),
    ("checkins", "recorded_at", true),
    ("checkins", "replaced_at", true),
    ("reviews", "created_at", true),
];

/// The record name a message gives a row of `table`.
fn record_name(table: &str) -> &'static str {
    match table {
        "blockers" => "blocker",
        "decisions" => "decision",
        "people" => "person",
        "baselines" => "baseline",
        "checkins" => "check-in",
        _ => "kept update",
    }
}

#[test]
fn dates_the_commands_never_write_are_refused_naming_record_and_field() {
    let (env, mut v) = sample();
    let sent = env.dir.path().join("weekly.md");
    env.ok(&["weekly", "--out", sent.to_str().unwrap()]);
    v["reviews"] = serde_json::from_str::<Value>(&env.ok(&["export"])).unwrap()["reviews"].clone();
    for (table, field, time) in DATED {
        for year in ["+262142", "-262143", "+10000", "-0001"] {
            let mut v = v.clone();
            let rows = v[*table].as_array_mut().unwrap();
            let row = rows.iter_mut().last().unwrap();
            let id = row["id"].clone();
            let value = if *time {
                format!("{year}-06-01T09:00:00")
            } else {
                format!("{year}-06-01")
            };
            row[*field] = json!(value);
            let err = refused(&v);
            let want = format!(
                "{} {id}: {field}: '{value}' is outside the years 0000 to 9999 that dates are \
                 written in",
                record_name(table)
            );
            assert!(err.contains(&want), "wanted {want:?}, got {err:?}");
        }
    }
}

#[test]
fn check_finds_dates_the_commands_never_write_in_a_hand_edited_file() {
    let env = Env::sample();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch(
        "UPDATE blockers SET since = '+262142-01-01' WHERE id = 1;
         UPDATE decisions SET needed_by = '-0001-12-31' WHERE id = 1;
         UPDATE blockers SET resolved_on = '+10000-01-01' WHERE id = 2;",
    )
    .unwrap();
    drop(conn);
    let out = env.cmd(&["check"]).output().unwrap();
    assert!(!out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "blocker 1: since: '+262142-01-01' is outside the years 0000 to 9999",
        "decision 1: needed_by: '-0001-12-31' is outside the years 0000 to 9999",
        "blocker 2: resolved_on: '+10000-01-01' is outside the years 0000 to 9999",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(want)),
            "{want:?} not in:\n{text}"
        );
    }
}

#[test]
fn a_refusal_quotes_a_huge_value_cut_to_a_readable_length() {
    let (_env, v) = sample();
    let huge = "W".repeat(1_000_000);
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| v["checkins"][0]["week"] = json!("W".repeat(1_000_000))),
            "week: 'WWWW",
        ),
        (
            Box::new(|v| v["initiatives"][0]["track"] = json!("W".repeat(1_000_000))),
            "track: 'WWWW",
        ),
        (
            Box::new(|v| v["blockers"][0]["since"] = json!("W".repeat(1_000_000))),
            "is not a Cadence export",
        ),
        (
            Box::new(|v| v["baselines"][0]["quarter"] = json!("W".repeat(1_000_000))),
            "quarter: 'WWWW",
        ),
        (
            Box::new(|v| {
                v["people"][0]["name"] = json!(format!("Platform team {}", "W".repeat(1_000_000)))
            }),
            "name: 'Platform team WWWW",
        ),
        (
            Box::new(|v| v["settings"] = json!({"fiscal_year_start": "W".repeat(1_000_000)})),
            "setting fiscal_year_start: 'WWWW",
        ),
    ];
    for (edit, want) in cases {
        let mut v = v.clone();
        edit(&mut v);
        let err = refused(&v);
        assert!(err.contains(want), "wanted {want:?}, got {:.300}", err);
        assert!(err.len() < 400, "{} bytes: {:.400}", err.len(), err);
        assert!(!err.contains(&huge[..100]), "{:.300}", err);
    }
    // The same on the command line.
    let env = Env::temp();
    let err = env.fails(&["weekly", "--week", &huge[..100_000]]);
    assert!(
        err.contains(&format!("'{}\u{2026}'", &huge[..60])),
        "{:.300}",
        err
    );
    assert!(err.len() < 300, "{:.300}", err);
}

/// Found by the mutated-export property: a value a refusal quotes may hold line breaks (an
/// update's body pasted where its kind belongs); the core's message, which the app shows under
/// the field, must still be one line, with the breaks written as `\n`.
#[test]
fn a_refusal_quotes_a_value_with_line_breaks_on_one_line() {
    let (_env, v) = sample();
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|v| {
                v["reviews"] = json!([{"id": 1, "kind": "# Weekly update\n\n- **Shipped**\tx\r",
                    "period": "2026-W01", "format": "md", "body": "x",
                    "created_at": "2026-01-05T09:00:00"}])
            }),
            r"kind: '# Weekly update\n\n- **Shipped**\tx\r' is not one of: weekly, monthly, quarterly at line",
        ),
        (
            Box::new(|v| v["checkins"][0]["week"] = json!("2026-W07\nW08")),
            r"week: '2026-W07\nW08'",
        ),
    ];
    for (edit, want) in cases {
        let mut v = v.clone();
        edit(&mut v);
        let dir = tempfile::tempdir().unwrap();
        let mut ws =
            Workspace::open_or_create(&dir.path().join("cadence.db"), Clock::system()).unwrap();
        let err = ws
            .import_json(&v.to_string(), false)
            .unwrap_err()
            .to_string();
        assert!(!err.contains(['\n', '\r', '\t']), "{err:?}");
        assert!(err.contains(want), "wanted {want:?}, got {err:?}");
        assert!(ws.is_empty().unwrap());
    }
}
