//! The first-open race: the app and the CLI (or several CLIs) starting together on a new
//! workspace file. Creation and migration must be safe under concurrency: no process may
//! see a half-made file, call it foreign, or fail on a lock or a migration.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::thread;

/// Prints past the test harness's capture, so the figures show in every run.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

const ROUNDS: usize = 50;
const PROCESSES: usize = 4;

fn cadence(db: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cadence"));
    c.env_remove("CADENCE_DB")
        .env("CADENCE_TODAY", "2026-11-23")
        .arg("--db")
        .arg(db)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

fn spawn(db: &Path, args: &[&str]) -> Child {
    cadence(db, args).spawn().unwrap()
}

/// A failure as `ARGS: stderr`, or `None` when the process succeeded.
fn failure(args: &[&str], out: &Output) -> Option<String> {
    (!out.status.success()).then(|| {
        format!(
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr).trim_end()
        )
    })
}

#[test]
fn four_processes_creating_the_same_new_file_never_fail() {
    let mut failures = Vec::new();
    for _ in 0..ROUNDS {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cadence.db");
        let children: Vec<Child> = (0..PROCESSES).map(|_| spawn(&db, &["init"])).collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            failures.extend(failure(&["init"], &out));
        }
        let out = cadence(&db, &["check"]).output().unwrap();
        failures.extend(failure(&["check"], &out));
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["cadence.db"], "no temporary file is left behind");
    }
    say!(
        "first-open race: {ROUNDS} rounds x {PROCESSES} processes running init on one new \
         file: {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn init_demo_and_readers_on_a_file_being_created_never_fail() {
    let mut failures = Vec::new();
    let mut reads = 0;
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cadence.db");
        let creators: [&[&str]; 3] = [&["init"], &["demo"], &["init"]];
        let children: Vec<(&[&str], Child)> =
            creators.iter().map(|a| (*a, spawn(&db, a))).collect();
        // A reader started as soon as the file shows up: it must find a whole workspace,
        // never a half-made one (before it shows up, "does not exist" is the right answer).
        let reader_db = db.clone();
        let reader = thread::spawn(move || {
            let args: &[&str] = if round % 2 == 0 {
                &["check"]
            } else {
                &["list"]
            };
            loop {
                let out = cadence(&reader_db, args).output().unwrap();
                let err = String::from_utf8_lossy(&out.stderr);
                if out.status.success() || !err.contains("does not exist") {
                    return (args, out);
                }
            }
        });
        for (args, child) in children {
            let out = child.wait_with_output().unwrap();
            failures.extend(failure(args, &out));
        }
        let (args, out) = reader.join().unwrap();
        reads += 1;
        failures.extend(failure(args, &out));
        let out = cadence(&db, &["list", "--json"]).output().unwrap();
        let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            list.as_array().unwrap().len(),
            13,
            "the sample was loaded once"
        );
    }
    say!(
        "first-open race: {ROUNDS} rounds of init, demo, init and {reads} reads on one new \
         file: {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn four_processes_opening_an_older_workspace_migrate_it_once_with_one_backup() {
    let mut failures = Vec::new();
    for _ in 0..ROUNDS {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("cadence.db");
        // A workspace at schema version 0: Cadence's identity, nothing migrated yet.
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "application_id", 0x4344_4E43)
            .unwrap();
        conn.execute("CREATE TABLE scratch(x)", []).unwrap();
        drop(conn);
        let children: Vec<Child> = (0..PROCESSES).map(|_| spawn(&db, &["list"])).collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            failures.extend(failure(&["list"], &out));
        }
        let backups = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .to_string_lossy()
                    .ends_with(".bak")
            })
            .count();
        assert_eq!(backups, 1, "one backup before the one migration");
    }
    say!(
        "first-open race: {ROUNDS} rounds x {PROCESSES} processes opening one older workspace: \
         {} failures",
        failures.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
}
