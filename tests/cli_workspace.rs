//! The workspace file: creation, refusals that leave files untouched, migration backups,
//! export/import, backup and check.

mod common;

use std::fs;

use assert_cmd::Command;
use common::Env;

#[test]
fn cadence_db_and_the_default_location_are_honoured() {
    let env = Env::temp();
    let via_env = env.dir.path().join("from-env.db");
    Command::cargo_bin("cadence")
        .unwrap()
        .env("CADENCE_DB", &via_env)
        .env("CADENCE_TODAY", "2026-11-23")
        .args(["init"])
        .assert()
        .success();
    assert!(via_env.exists());

    let home = env.dir.path().join("home");
    Command::cargo_bin("cadence")
        .unwrap()
        .env_remove("CADENCE_DB")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .arg("init")
        .assert()
        .success();
    let expected = if cfg!(target_os = "macos") {
        home.join("Library/Application Support/cadence/cadence.db")
    } else {
        home.join(".local/share/cadence/cadence.db")
    };
    assert!(expected.exists(), "{} missing", expected.display());
}

#[test]
fn a_bad_pinned_today_is_refused() {
    let env = Env::temp();
    let out = Command::cargo_bin("cadence")
        .unwrap()
        .args(["--db"])
        .arg(&env.db)
        .args(["--today", "2026-02-30", "init"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: today: '2026-02-30' is not a real calendar date"
    );
}

#[test]
fn demo_loads_a_believable_company_and_refuses_a_non_empty_workspace() {
    let env = Env::sample();
    let list = env.json(&["list", "--json"]);
    let list = list.as_array().unwrap();
    assert!((10..=14).contains(&list.len()));
    for status in ["proposed", "active", "paused", "done", "dropped"] {
        assert!(
            list.iter().any(|i| i["status"] == status),
            "no {status} initiative"
        );
    }
    for track in ["customer", "release", "enabler", "discovery"] {
        assert!(
            list.iter().any(|i| i["track"] == track),
            "no {track} initiative"
        );
    }
    assert!(list.iter().filter(|i| i["status"] == "active").count() >= 4);
    let people = env.json(&["person", "list", "--json"]);
    assert!((5..=8).contains(&people.as_array().unwrap().len()));
    let blockers = env.json(&["blocker", "list", "--open", "--json"]);
    assert!(blockers
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b["since"].as_str().unwrap() < "2026-11-21"));
    assert!(!env
        .json(&["decision", "list", "--open", "--json"])
        .as_array()
        .unwrap()
        .is_empty());
    let slipped = list.iter().any(|i| {
        let d = env.json(&["show", &i["id"].to_string(), "--json"]);
        d["slips"]["target"]["moves"].as_i64().unwrap() > 0
    });
    assert!(slipped, "the sample has no date slip");
    let checkin_weeks: std::collections::BTreeSet<String> = list
        .iter()
        .flat_map(|i| {
            env.json(&["show", &i["id"].to_string(), "--json"])["checkins"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["week"].as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(checkin_weeks.len(), 8);
    assert!(checkin_weeks.contains("2026-W48"));

    let before = env.ok(&["export"]);
    assert!(env.fails(&["demo"]).contains("not empty"));
    assert_eq!(env.ok(&["export"]), before);
    env.ok(&["demo", "--force"]);
    assert_eq!(env.ok(&["check"]).trim(), "ok");
}

#[test]
fn export_import_export_is_byte_identical() {
    let env = Env::sample();
    let out = env.dir.path().join("export.json");
    env.ok(&["export", "--format", "json", "--out", out.to_str().unwrap()]);
    let first = fs::read_to_string(&out).unwrap();
    let v: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(v["format"], "cadence-workspace");
    assert!(!v["changes"].as_array().unwrap().is_empty());

    let other = Env::temp();
    other.ok(&["import", out.to_str().unwrap()]);
    assert_eq!(other.ok(&["export"]), first);
    // A non-empty workspace is refused unless replacing, and left as it was.
    assert!(other
        .fails(&["import", out.to_str().unwrap()])
        .contains("not empty"));
    other.ok(&["add", "Extra", "--owner", "Ann Lee"]);
    other.ok(&["import", "--replace", out.to_str().unwrap()]);
    assert_eq!(other.ok(&["export"]), first);
}

#[test]
fn import_is_all_or_nothing() {
    let env = Env::sample();
    let text = env.ok(&["export"]);
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    // A check-in pointing at a missing initiative is refused by name, nothing written.
    let last = v["checkins"].as_array().unwrap().len() - 1;
    v["checkins"][last]["initiative_id"] = serde_json::json!(999);
    let id = v["checkins"][last]["id"].clone();
    let broken = env.dir.path().join("broken.json");
    fs::write(&broken, serde_json::to_string(&v).unwrap()).unwrap();
    let target = Env::temp();
    let err = target.fails(&["import", broken.to_str().unwrap()]);
    assert_eq!(
        err,
        format!("error: check-in {id}: initiative 999 is not an initiative in the file\n")
    );
    assert_eq!(target.json(&["list", "--json"]), serde_json::json!([]));
    assert_eq!(
        target.json(&["person", "list", "--json"]),
        serde_json::json!([])
    );

    // A team as a person's name is refused before anything is written.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["people"][0]["name"] = serde_json::json!("Platform team");
    fs::write(&broken, serde_json::to_string(&v).unwrap()).unwrap();
    assert!(target
        .fails(&["import", broken.to_str().unwrap()])
        .contains("names a team"));
    fs::write(&broken, "{ not json").unwrap();
    assert!(target
        .fails(&["import", broken.to_str().unwrap()])
        .contains("file: is not a Cadence export"));
}

#[test]
fn backup_is_a_consistent_workspace() {
    let env = Env::sample();
    let copy = env.dir.path().join("copy.db");
    env.ok(&["backup", "--out", copy.to_str().unwrap()]);
    let from_copy = Command::cargo_bin("cadence")
        .unwrap()
        .args(["--db", copy.to_str().unwrap(), "export"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(from_copy.stdout).unwrap(),
        env.ok(&["export"])
    );
    // The copy is a SQLite database now: never written over, even with --force.
    assert!(env
        .fails(&["backup", "--out", copy.to_str().unwrap(), "--force"])
        .contains("is a SQLite database; Cadence never writes over one"));
}

#[test]
fn check_reports_a_damaged_file() {
    let env = Env::sample();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
    conn.execute("UPDATE blockers SET owner_id = 4242 WHERE id = 1", [])
        .unwrap();
    drop(conn);
    let out = env.cmd(&["check"]).output().unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("blockers row 1 refers to a missing people")
    );
}

fn bytes(path: &std::path::Path) -> Vec<u8> {
    fs::read(path).unwrap()
}

#[test]
fn a_newer_schema_is_refused_and_left_byte_for_byte_untouched() {
    let env = Env::sample();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    conn.execute("UPDATE written_by SET version = '9.4.0'", [])
        .unwrap();
    drop(conn);
    let before = bytes(&env.db);
    let err = env.fails(&["list"]);
    assert!(
        err.contains(&format!(
            "was written by Cadence 9.4.0, a newer version (schema version 99; this Cadence, \
             {}, knows up to {})",
            cadence::VERSION,
            cadence::store::schema::latest_version()
        )),
        "{err}"
    );
    assert_eq!(bytes(&env.db), before);
    // Only the file and the automatic backups folder `demo` made.
    let dir: Vec<_> = fs::read_dir(env.db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(dir.len(), 2, "no -wal, -shm or backup beside it: {dir:?}");
}

#[test]
fn the_workspace_records_the_version_that_last_wrote_it() {
    let env = Env::sample();
    let writer = || -> String {
        rusqlite::Connection::open(&env.db)
            .unwrap()
            .query_row("SELECT version FROM written_by", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(writer(), cadence::VERSION);
    rusqlite::Connection::open(&env.db)
        .unwrap()
        .execute("UPDATE written_by SET version = '0.0.9'", [])
        .unwrap();
    env.ok(&["list"]);
    env.ok(&["weekly"]);
    assert_eq!(writer(), "0.0.9", "reading is not writing");
    env.ok(&["add", "Billing v2", "--owner", "Tomás Silva"]);
    assert_eq!(writer(), cadence::VERSION);
}

#[test]
fn migrating_a_workspace_records_the_version_that_migrated_it() {
    let env = Env::bare();
    let mut conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.pragma_update(
        None,
        "application_id",
        cadence::store::schema::APPLICATION_ID,
    )
    .unwrap();
    cadence::store::schema::migrations()
        .to_version(&mut conn, 1)
        .unwrap();
    drop(conn);
    env.ok(&["list"]);
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let (version, writer): (i64, String) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), version FROM written_by",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(version, cadence::store::schema::latest_version());
    assert_eq!(writer, cadence::VERSION);
}

#[test]
fn foreign_files_are_refused_and_left_untouched() {
    let env = Env::bare();
    fs::write(&env.db, "name,owner\nBilling,Tomás\n").unwrap();
    let err = env.fails(&["list"]);
    assert!(
        err.contains("is not a Cadence workspace (not a SQLite database)"),
        "{err}"
    );
    assert_eq!(bytes(&env.db), "name,owner\nBilling,Tomás\n".as_bytes());

    fs::remove_file(&env.db).unwrap();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute("CREATE TABLE t(x)", []).unwrap();
    drop(conn);
    let before = bytes(&env.db);
    let err = env.fails(&["init"]);
    assert!(
        err.contains("is a SQLite database but not a Cadence workspace"),
        "{err}"
    );
    assert_eq!(bytes(&env.db), before);
}

#[test]
fn an_older_schema_is_backed_up_beside_the_file_before_migrating() {
    let env = Env::bare();
    // A workspace at schema version 0: the file exists, identified, nothing migrated yet.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.pragma_update(None, "application_id", 0x4344_4E43)
        .unwrap();
    conn.execute("CREATE TABLE scratch(x)", []).unwrap();
    drop(conn);
    let before = bytes(&env.db);
    env.ok(&["add", "Billing v2", "--owner", "Tomás Silva"]);
    let backups: Vec<_> = fs::read_dir(env.db.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".v0-") && p.to_string_lossy().ends_with(".bak"))
        .collect();
    assert_eq!(backups.len(), 1);
    let copy = rusqlite::Connection::open(&backups[0]).unwrap();
    let version: i64 = copy
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 0);
    assert!(copy.prepare("SELECT * FROM scratch").is_ok());
    assert!(copy.prepare("SELECT * FROM initiatives").is_err());
    assert!(!before.is_empty());
    assert_eq!(env.json(&["list", "--json"])[0]["title"], "Billing v2");
}

#[test]
fn settings_in_the_connection_are_the_promised_ones() {
    let env = Env::temp();
    env.ok(&["init"]);
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let ws = cadence::store::Workspace::open(&env.db, cadence::calendar::Clock::system()).unwrap();
    drop(ws);
    let c = rusqlite::Connection::open(&env.db).unwrap();
    cadence::store::init_connection(&c).unwrap();
    let fk: i64 = c
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    let sync: i64 = c
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap();
    let busy: i64 = c
        .pragma_query_value(None, "busy_timeout", |r| r.get(0))
        .unwrap();
    assert_eq!((fk, sync), (1, 2));
    assert!(busy >= 5000);
}

#[test]
fn a_new_workspace_opens_from_a_second_process_while_the_first_holds_it() {
    let env = Env::bare();
    let first = cadence::store::Workspace::open_or_create(
        &env.db,
        cadence::calendar::Clock::pinned(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()),
    )
    .unwrap();
    assert!(first.is_empty().unwrap());
    env.ok(&["person", "add", "Ana Lima"]);
    assert_eq!(env.ok(&["check"]).trim(), "ok");
    drop(first);
}

#[test]
fn a_value_edited_by_hand_that_cannot_be_read_is_named_with_its_record() {
    let env = Env::sample();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute(
        "UPDATE initiatives SET target_date = '2026-13-01' WHERE id = 2",
        [],
    )
    .unwrap();
    drop(conn);
    let named =
        "record 2 of initiatives: target_date holds '2026-13-01', which Cadence cannot read";
    for args in [&["list"][..], &["weekly"], &["monthly"]] {
        let err = env.fails(args);
        assert!(err.contains(named), "{args:?}: {err}");
        assert!(err.contains("cadence restore"), "{err}");
        assert!(!err.contains("Conversion error"), "{err}");
    }
    let out = env.cmd(&["check"]).output().unwrap();
    assert!(!out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains(named), "{report}");
}
