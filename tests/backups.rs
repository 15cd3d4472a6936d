//! Backups on real files: `backup --out` written atomically and never over the workspace or
//! another database, the automatic daily copy and its retention, `backups` and `restore`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use cadence::calendar::Clock;
use cadence::store::Workspace;
use cadence::usecases::backups;
use chrono::NaiveDateTime;
use common::{cadence, ok, Env};

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

fn folder(env: &Env) -> PathBuf {
    env.db.parent().unwrap().join("backups")
}

fn initiatives(db: &Path) -> usize {
    let list: serde_json::Value =
        serde_json::from_str(&ok(db, "2026-11-23", &["list", "--json"])).unwrap();
    list.as_array().unwrap().len()
}

/// Overwrites a stretch in the middle of a database file with garbage.
fn damage(path: &Path) {
    let mut bytes = fs::read(path).unwrap();
    assert!(bytes.len() > 3 * 4096, "a file of several pages");
    for b in &mut bytes[4096 + 100..3 * 4096] {
        *b = 0xA5;
    }
    fs::write(path, bytes).unwrap();
}

#[test]
fn backup_out_refuses_the_workspace_its_log_and_any_database_and_replaces_only_with_force() {
    let env = Env::sample();
    let export = env.ok(&["export"]);
    let db = env.db.to_str().unwrap().to_string();
    for target in [db.clone(), format!("{db}-wal"), format!("{db}-shm")] {
        let err = env.fails(&["backup", "--out", &target, "--force"]);
        assert!(err.contains("is the open workspace"), "{target}: {err}");
    }
    // The same file by another name.
    let other_name = env.db.parent().unwrap().join(".").join("cadence.db");
    let err = env.fails(&["backup", "--out", other_name.to_str().unwrap()]);
    assert!(err.contains("is the open workspace"), "{err}");
    assert!(env.ok(&["export"]) == export, "the workspace is unchanged");

    let copy = env.dir.path().join("copy.db");
    env.ok(&["backup", "--out", copy.to_str().unwrap()]);
    let copy_bytes = fs::read(&copy).unwrap();
    let err = env.fails(&["backup", "--out", copy.to_str().unwrap(), "--force"]);
    assert!(err.contains("is a SQLite database"), "{err}");
    assert_eq!(fs::read(&copy).unwrap(), copy_bytes);

    let notes = env.dir.path().join("notes.txt");
    fs::write(&notes, "keep me").unwrap();
    let err = env.fails(&["backup", "--out", notes.to_str().unwrap()]);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&notes).unwrap(), "keep me");
    env.ok(&["backup", "--out", notes.to_str().unwrap(), "--force"]);
    let from_notes = ok(&notes, "2026-11-23", &["export"]);
    assert!(from_notes == export, "the copy holds the workspace");
    assert_eq!(names(env.dir.path()), ["copy.db", "notes.txt", "work"]);
}

#[cfg(unix)]
#[test]
fn a_backup_that_fails_for_want_of_space_leaves_nothing_and_a_retry_succeeds() {
    let env = Env::sample();
    let out_dir = env.dir.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let copy = out_dir.join("copy.db");
    // A file size limit of 16 KiB for the process: writing the copy fails as on a full disk.
    let cadence_bin = assert_cmd::cargo::cargo_bin("cadence");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 32; exec \"$0\" \"$@\"")
        .arg(&cadence_bin)
        .args(["--db", env.db.to_str().unwrap(), "--today", "2026-11-23"])
        .args(["backup", "--out", copy.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    assert_eq!(names(&out_dir), Vec::<String>::new(), "no partial file");
    env.ok(&["backup", "--out", copy.to_str().unwrap()]);
    assert_eq!(ok(&copy, "2026-11-23", &["check"]), "ok\n");
    assert_eq!(names(&out_dir), ["copy.db"]);
}

#[test]
fn backups_taken_in_the_same_second_get_their_own_files() {
    let env = Env::sample();
    let at = NaiveDateTime::parse_from_str("2026-11-23 09:30:00", "%Y-%m-%d %H:%M:%S").unwrap();
    let ws = Workspace::open(&env.db, Clock::pinned_at(at)).unwrap();
    let first = backups::take_manual(&ws).unwrap();
    let second = backups::take_manual(&ws).unwrap();
    assert_ne!(first, second);
    assert!(first.ends_with("backups/cadence-manual-20261123-093000.db"));
    assert!(second.ends_with("backups/cadence-manual-20261123-093000-2.db"));
    drop(ws);
    for copy in [first, second] {
        assert_eq!(ok(&copy, "2026-11-23", &["check"]), "ok\n");
    }
    // From the command line, without --out, twice in a row: two files.
    env.ok(&["backup"]);
    env.ok(&["backup"]);
    let manual = names(&folder(&env))
        .into_iter()
        .filter(|n| n.contains("-manual-"))
        .count();
    assert_eq!(manual, 4);
}

#[test]
fn a_writing_command_takes_one_backup_a_day_and_reads_take_none() {
    let env = Env::temp();
    ok(&env.db, "2026-11-23", &["init"]);
    ok(&env.db, "2026-11-23", &["list"]);
    assert_eq!(names(&folder(&env)), Vec::<String>::new());
    ok(
        &env.db,
        "2026-11-23",
        &["add", "Billing v2", "--owner", "Tomás Silva"],
    );
    ok(
        &env.db,
        "2026-11-23",
        &["add", "Search", "--owner", "Tomás Silva"],
    );
    assert_eq!(names(&folder(&env)), ["cadence-2026-11-23.db"]);
    // The copy was taken before the day's first write.
    assert_eq!(initiatives(&folder(&env).join("cadence-2026-11-23.db")), 0);
    ok(&env.db, "2026-11-24", &["person", "add", "Ann Lee"]);
    assert_eq!(
        names(&folder(&env)),
        ["cadence-2026-11-23.db", "cadence-2026-11-24.db"]
    );
    assert_eq!(initiatives(&folder(&env).join("cadence-2026-11-24.db")), 2);
}

#[test]
fn daily_copies_are_pruned_to_seven_days_and_four_weeks() {
    let env = Env::temp();
    ok(&env.db, "2026-11-01", &["init"]);
    let mut day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    for n in 0..30 {
        let today = day.to_string();
        ok(&env.db, &today, &["person", "add", &format!("Person {n}")]);
        day = day.succ_opt().unwrap();
    }
    assert_eq!(
        names(&folder(&env)),
        [
            "cadence-2026-11-01.db",
            "cadence-2026-11-08.db",
            "cadence-2026-11-15.db",
            "cadence-2026-11-22.db",
            "cadence-2026-11-24.db",
            "cadence-2026-11-25.db",
            "cadence-2026-11-26.db",
            "cadence-2026-11-27.db",
            "cadence-2026-11-28.db",
            "cadence-2026-11-29.db",
            "cadence-2026-11-30.db",
        ]
    );
}

#[test]
fn a_failed_automatic_backup_is_a_warning_and_the_command_succeeds() {
    let env = Env::temp();
    ok(&env.db, "2026-11-23", &["init"]);
    // A file where the backups folder should be.
    fs::write(folder(&env), "not a folder").unwrap();
    let (success, stdout, stderr) = cadence(
        &env.db,
        "2026-11-23",
        &["add", "Billing v2", "--owner", "Ann Lee"],
    );
    assert!(success, "{stderr}");
    assert!(stdout.contains("Billing v2"), "{stdout}");
    assert!(
        stderr.starts_with("warning: the automatic backup of ") && stderr.lines().count() == 1,
        "{stderr}"
    );
    assert_eq!(initiatives(&env.db), 1);
}

#[test]
fn backups_lists_each_copy_with_its_date_size_and_counts_and_names_a_damaged_one() {
    let env = Env::temp();
    assert!(env.ok(&["backups"]).starts_with("no backups yet in "));
    env.ok(&["demo"]);
    let people = env
        .json(&["person", "list", "--json"])
        .as_array()
        .unwrap()
        .len();
    ok(
        &env.db,
        "2026-11-24",
        &["add", "Search", "--owner", "Ann Lee"],
    );
    let listed = env.json(&["backups", "--json"]);
    let listed = listed.as_array().unwrap();
    assert_eq!(listed.len(), 2);
    // Newest first: the 24th holds the demo company, the 23rd the empty workspace.
    assert_eq!(listed[0]["file"], "cadence-2026-11-24.db");
    assert_eq!(listed[0]["kind"], "daily");
    assert_eq!(listed[0]["date"], "2026-11-24");
    assert_eq!(listed[0]["counts"]["people"], people);
    assert_eq!(listed[0]["counts"]["initiatives"], initiatives(&env.db) - 1);
    assert!(listed[0]["counts"]["checkins"].as_u64().unwrap() > 0);
    assert_eq!(listed[1]["counts"]["initiatives"], 0);
    assert!(listed[0]["size"].as_u64().unwrap() > 4096);

    damage(&folder(&env).join("cadence-2026-11-24.db"));
    let text = env.ok(&["backups"]);
    let line = text
        .lines()
        .find(|l| l.contains("cadence-2026-11-24.db"))
        .unwrap();
    assert!(line.contains("damaged"), "{text}");
    assert!(text.contains("CHECK-INS") && text.contains("KiB"), "{text}");
}

#[test]
fn restore_puts_a_backup_back_and_keeps_the_current_workspace() {
    let env = Env::sample();
    let before = env.ok(&["export"]);
    let n = initiatives(&env.db);
    ok(
        &env.db,
        "2026-11-24",
        &["add", "Mistake", "--owner", "Ann Lee"],
    );
    let after = ok(&env.db, "2026-11-24", &["export"]);

    let out = env.ok(&["restore", "cadence-2026-11-24.db"]);
    assert!(out.starts_with("restored "), "{out}");
    assert!(env.ok(&["export"]) == before, "the demo company is back");
    assert_eq!(env.ok(&["check"]), "ok\n");
    let kept = names(&folder(&env))
        .into_iter()
        .find(|n| n.starts_with("cadence-before-restore-"))
        .expect("the current workspace kept");
    assert!(out.contains(&kept), "{out}");
    assert_eq!(initiatives(&folder(&env).join(&kept)), n + 1);
    assert!(
        ok(&folder(&env).join(&kept), "2026-11-24", &["export"]) == after,
        "the kept copy is the workspace as it was"
    );
    // Nothing is left of the replaced file's log.
    let wal = PathBuf::from(format!("{}-wal", env.db.display()));
    assert!(!wal.exists() || fs::metadata(&wal).unwrap().len() == 0);
}

#[test]
fn restore_while_another_connection_holds_the_workspace_open() {
    let env = Env::sample();
    let snapshot = env.dir.path().join("snapshot.db");
    env.ok(&["backup", "--out", snapshot.to_str().unwrap()]);
    env.ok(&["add", "Later", "--owner", "Ann Lee"]);
    // A reader with the file open (as the app between commands) sees the restored content.
    let reader = rusqlite::Connection::open(&env.db).unwrap();
    let count = |c: &rusqlite::Connection| -> i64 {
        c.query_row("SELECT count(*) FROM initiatives", [], |r| r.get(0))
            .unwrap()
    };
    let n = count(&reader);
    env.ok(&["restore", snapshot.to_str().unwrap()]);
    assert_eq!(count(&reader), n - 1);
    assert_eq!(env.ok(&["check"]), "ok\n");
}

#[test]
fn a_damaged_backup_is_refused_and_the_workspace_is_left_untouched() {
    let env = Env::sample();
    let copy = env.dir.path().join("copy.db");
    env.ok(&["backup", "--out", copy.to_str().unwrap()]);
    damage(&copy);
    let text = env.dir.path().join("notes.db");
    fs::write(&text, "name,owner\n").unwrap();
    let foreign = env.dir.path().join("other.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute("CREATE TABLE t(x)", [])
        .unwrap();
    let newer = env.dir.path().join("newer.db");
    env.ok(&["backup", "--out", newer.to_str().unwrap()]);
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    conn.execute("UPDATE written_by SET version = '9.4.0'", [])
        .unwrap();
    drop(conn);

    let db_before = fs::read(&env.db).unwrap();
    let export = env.ok(&["export"]);
    let folder_before = names(&folder(&env));
    for (file, says) in [
        (&copy, "fails its integrity check"),
        (&text, "is not a Cadence workspace (not a SQLite database)"),
        (&foreign, "is a SQLite database but not a Cadence workspace"),
        (
            &newer,
            "was written by Cadence 9.4.0, a newer version (schema version 99",
        ),
    ] {
        let err = env.fails(&["restore", file.to_str().unwrap()]);
        assert!(
            err.contains(&file.display().to_string()) && err.contains(says),
            "{err}"
        );
        assert_eq!(fs::read(&env.db).unwrap(), db_before);
        assert_eq!(names(&folder(&env)), folder_before);
    }
    assert!(env
        .fails(&["restore", "cadence-1999-01-01.db"])
        .contains("does not exist"));
    assert!(env
        .fails(&["restore", "missing.db"])
        .contains("'missing.db' is not one of this workspace's backups"));
    assert!(env.ok(&["export"]) == export, "the workspace is unchanged");
}

#[test]
fn a_damaged_workspace_is_kept_as_it_was_and_replaced_by_the_backup() {
    let env = Env::sample();
    let export = env.ok(&["export"]);
    ok(
        &env.db,
        "2026-11-24",
        &["add", "Later", "--owner", "Ann Lee"],
    );
    let good = backups::latest_good(&env.db)
        .unwrap()
        .expect("the daily copy");
    assert_eq!(good.file, "cadence-2026-11-24.db");
    // Checkpoint so the damage lands in the main file, then break it.
    rusqlite::Connection::open(&env.db)
        .unwrap()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    damage(&env.db);
    let damaged = fs::read(&env.db).unwrap();
    assert!(!env.cmd(&["check"]).output().unwrap().status.success());

    let out = env.ok(&["restore", good.path.to_str().unwrap()]);
    assert!(out.contains("the workspace as it was is kept in"), "{out}");
    assert!(env.ok(&["export"]) == export, "the demo company is back");
    assert_eq!(env.ok(&["check"]), "ok\n");
    let kept = names(&folder(&env))
        .into_iter()
        .find(|n| n.starts_with("cadence-before-restore-"))
        .unwrap();
    assert_eq!(fs::read(folder(&env).join(kept)).unwrap(), damaged);

    // A missing workspace is simply restored.
    fs::remove_file(&env.db).unwrap();
    env.ok(&["restore", good.path.to_str().unwrap()]);
    assert!(env.ok(&["export"]) == export, "the demo company is back");
}

#[test]
fn a_damaged_workspace_is_reported_with_the_newest_good_backup_and_never_copied() {
    let env = Env::temp();
    assert!(backups::check_workspace(&env.db).unwrap().problem.is_none());
    env.ok(&["demo"]);
    ok(
        &env.db,
        "2026-11-24",
        &["add", "Later", "--owner", "Ann Lee"],
    );
    assert!(backups::check_workspace(&env.db).unwrap().problem.is_none());
    rusqlite::Connection::open(&env.db)
        .unwrap()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    damage(&folder(&env).join("cadence-2026-11-24.db"));
    damage(&env.db);

    let check = backups::check_workspace(&env.db).unwrap();
    assert!(check.problem.is_some());
    let good = check.latest_good.expect("the 23rd's copy passes");
    assert_eq!(good.file, "cadence-2026-11-23.db");

    // The damaged workspace's copy of the 25th fails its check and is not kept.
    let at = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    if let Ok(ws) = Workspace::open(&env.db, Clock::pinned(at)) {
        let taken = backups::take_daily(&ws);
        assert!(taken.is_err(), "{taken:?}");
    }
    assert_eq!(
        names(&folder(&env)),
        ["cadence-2026-11-23.db", "cadence-2026-11-24.db"]
    );
}
