//! Concurrency test: four writer processes and a reader on one workspace file, each a
//! bounded number of commands of the real binary: no command fails and every acknowledged
//! write is there at the end. And the first-open race: four processes creating the same new
//! file at once, round after round, all succeed on a sound workspace.
//!
//! `CADENCE_TORTURE_OPS` sets each process's number of commands (50 by default, 500 in
//! `make torture`), `CADENCE_TORTURE_ROUNDS` the rounds of the race (50 by default, 500 in
//! `make torture`); `CADENCE_TORTURE_SEED` replays a run.

mod common;

use std::path::Path;
use std::thread;
use std::time::Instant;

use cadence::store::schema;
use common::torture::{self, Ack, Op};

/// What one writer did: its acknowledged writes and its failures.
#[derive(Default)]
struct Writer {
    acks: Vec<Ack>,
    failures: Vec<String>,
}

/// Writer `k`: `ops` random writes on the initiatives under way and its own, each one a run of
/// the binary that must succeed and print its confirmation.
fn write(db: &Path, seed: u64, k: usize, ops: usize, shared: &[i64]) -> Writer {
    let mut rng = fastrand::Rng::with_seed(seed.wrapping_add(k as u64));
    let mut ids = shared.to_vec();
    let mut open: Vec<i64> = Vec::new();
    let mut w = Writer::default();
    for i in 0..ops {
        let op = Op::random(&mut rng, &ids, &open, format!("writer {k} write {i}"));
        let started = Instant::now();
        let out = torture::cadence(db, &op.args()).output().unwrap();
        let took = started.elapsed().as_secs_f64();
        let stdout = String::from_utf8_lossy(&out.stdout);
        match op.ack(&stdout).filter(|_| out.status.success()) {
            Some(ack) => {
                match &ack {
                    Ack::Added { id, .. } => ids.push(*id),
                    Ack::BlockerAdded { id, .. } => open.push(*id),
                    Ack::BlockerResolved { id } => open.retain(|b| b != id),
                    _ => {}
                }
                w.acks.push(ack);
            }
            None => w.failures.push(format!(
                "writer {k}: {:?} ended after {took:.1}s with {}: {}{}",
                op.args(),
                out.status,
                stdout.trim(),
                String::from_utf8_lossy(&out.stderr).trim()
            )),
        }
    }
    w
}

/// The reader: `ops` read commands in turn, each of which must succeed with sound output.
fn read(db: &Path, ops: usize) -> Vec<String> {
    let reads: [&[&str]; 7] = [
        &["list", "--json"],
        &["weekly"],
        &["monthly", "--format", "html"],
        &["quarterly", "--format", "json"],
        &["export"],
        &["blocker", "list", "--json"],
        &["check"],
    ];
    let mut failures = Vec::new();
    for i in 0..ops {
        let args: Vec<String> = reads[i % reads.len()]
            .iter()
            .map(|a| a.to_string())
            .collect();
        let started = Instant::now();
        let out = torture::cadence(db, &args).output().unwrap();
        let took = started.elapsed().as_secs_f64();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let sound = match args[0].as_str() {
            "check" => stdout.trim() == "ok",
            "list" | "export" | "blocker" => {
                serde_json::from_str::<serde_json::Value>(&stdout).is_ok()
            }
            _ => !stdout.trim().is_empty(),
        };
        if !out.status.success() || !sound {
            failures.push(format!(
                "reader: {args:?} ended after {took:.1}s with {}: {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
    }
    failures
}

#[test]
fn four_writers_and_a_reader_share_one_file_without_errors_or_lost_writes() {
    let seed = torture::seed("concurrency");
    let ops = torture::size("CADENCE_TORTURE_OPS", 50);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    torture::ok(&db, &["demo"]);
    let (shared, _) = torture::targets(&torture::connect(&db));

    let started = Instant::now();
    let (writers, reader) = thread::scope(|s| {
        let writers: Vec<_> = (0..4)
            .map(|k| {
                let (db, shared) = (&db, &shared);
                s.spawn(move || write(db, seed, k, ops, shared))
            })
            .collect();
        let reader = s.spawn(|| read(&db, ops));
        (
            writers
                .into_iter()
                .map(|w| w.join().unwrap())
                .collect::<Vec<_>>(),
            reader.join().unwrap(),
        )
    });
    let elapsed = started.elapsed();

    let acks: Vec<Ack> = writers.iter().flat_map(|w| w.acks.clone()).collect();
    let mut errors: Vec<String> = writers.into_iter().flat_map(|w| w.failures).collect();
    errors.extend(reader);
    let conn = torture::connect(&db);
    let lost: Vec<String> = torture::lost(&conn, &acks)
        .into_iter()
        .map(|a| format!("{a:?}"))
        .collect();
    let integrity = torture::integrity_problems(&conn);
    torture::say(&format!(
        "torture concurrency: seed {seed}, 4 writers and 1 reader, {ops} commands each in \
         {:.1}s: {} acknowledged writes, {} errors, {} lost writes, {} integrity or foreign-key \
         problems",
        elapsed.as_secs_f64(),
        acks.len(),
        errors.len(),
        lost.len(),
        integrity.len()
    ));
    assert!(errors.is_empty(), "errors: {errors:#?}");
    assert!(lost.is_empty(), "acknowledged writes lost: {lost:#?}");
    assert!(integrity.is_empty(), "integrity: {integrity:#?}");
    assert_eq!(acks.len(), 4 * ops);
}

#[test]
fn four_processes_creating_the_same_new_file_at_once_all_succeed() {
    let rounds = torture::size("CADENCE_TORTURE_ROUNDS", 50);
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let mut failures = Vec::new();
    for round in 0..rounds {
        let db = dir.path().join(format!("new-{round}.db"));
        let init = ["init".to_string()];
        let children: Vec<_> = (0..4)
            .map(|_| {
                torture::cadence(&db, &init)
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().unwrap();
            if !out.status.success() {
                failures.push(format!(
                    "round {round}: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                ));
            }
        }
        let conn = torture::connect(&db);
        failures.extend(
            torture::integrity_problems(&conn)
                .into_iter()
                .map(|p| format!("round {round}: {p}")),
        );
        let pragma = |name: &str| -> i64 {
            conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
                .unwrap()
        };
        let identity = (pragma("application_id"), pragma("user_version"));
        let wanted = (i64::from(schema::APPLICATION_ID), schema::latest_version());
        if identity != wanted {
            failures.push(format!(
                "round {round}: application id and schema version {identity:?}, not {wanted:?}"
            ));
        }
        drop(conn);
        let (success, check) = {
            let out = torture::cadence(&db, &["check".to_string()])
                .output()
                .unwrap();
            (
                out.status.success(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
            )
        };
        if !success || check.trim() != "ok" {
            failures.push(format!("round {round}: check said {}", check.trim()));
        }
    }
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !(name.starts_with("new-") && name.ends_with(".db")) {
            failures.push(format!("{name} was left behind"));
        }
    }
    torture::say(&format!(
        "torture creation race: {rounds} rounds of 4 processes creating one new file in {:.1}s: \
         {} failures",
        started.elapsed().as_secs_f64(),
        failures.len()
    ));
    assert!(failures.is_empty(), "failures: {failures:#?}");
}
