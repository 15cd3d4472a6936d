//! Crash test: the real binary's writing commands (add, checkin, edit, blocker add and
//! resolve, import) on one workspace, each killed with SIGKILL after a random delay. After
//! every kill the file passes its integrity and foreign-key checks and an import is whole or
//! absent, row for row; at the end every acknowledged write is there.
//!
//! `CADENCE_TORTURE_ITERATIONS` sets the number of commands (100 by default, 1,000 in
//! `make torture`); `CADENCE_TORTURE_SEED` replays a run.

mod common;

use std::collections::BTreeMap;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::torture::{self, Ack, Op};

/// How a command that may have been killed ended.
struct Ending {
    output: Output,
    killed: bool,
}

/// Runs `cadence ARGS` on `db` and sends it SIGKILL after `delay` unless it ended before.
fn run_killed(db: &Path, args: &[String], delay: Duration) -> Ending {
    let mut child = torture::cadence(db, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    thread::sleep(delay);
    // Harmless when the child has already exited: it is not reaped until the wait below.
    let _ = child.kill();
    let output = child.wait_with_output().unwrap();
    let killed = output.status.signal() == Some(9);
    Ending { output, killed }
}

/// How long `cadence ARGS` takes when left alone.
fn timed(db: &Path, args: &[String]) -> Duration {
    let start = Instant::now();
    let out = torture::cadence(db, args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    start.elapsed()
}

/// A random delay from nothing to a quarter past `typical`, so that kills land before the
/// command starts, inside its transaction and after it has ended.
fn delay(rng: &mut fastrand::Rng, typical: Duration) -> Duration {
    let max = typical.as_micros() as u64 * 5 / 4;
    Duration::from_micros(rng.u64(0..=max.max(1)))
}

/// An import file made by the real binary: the workspace as it is plus one initiative
/// titled `marker`, with the row-for-row dump the workspace must show once it is imported.
fn import_file(db: &Path, scratch: &Path, marker: &str) -> (String, String) {
    let source = scratch.join("source.db");
    let file = scratch.join(format!("{marker}.json"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", source.display()));
    }
    std::fs::copy(db, &source).unwrap();
    torture::ok(
        &source,
        &[
            "add",
            marker,
            "--owner",
            torture::OWNERS[0],
            "--status",
            "active",
            "--target",
            "2027-02-01",
            "--backup",
            "2027-02-15",
            "--risk",
            "the import may be cut short",
            "--risk-level",
            "high",
        ],
    );
    torture::ok(&source, &["export", "--out", file.to_str().unwrap()]);
    let dump = torture::dump(&torture::connect(&source));
    (file.to_str().unwrap().to_string(), dump)
}

#[derive(Default)]
struct Figures {
    by_kind: BTreeMap<&'static str, [usize; 4]>,
    acknowledged: usize,
    confirmed_then_killed: usize,
    killed: usize,
    killed_landed: usize,
    imports: usize,
    imports_acknowledged: usize,
    imports_killed_whole: usize,
    imports_killed_absent: usize,
    partial_imports: Vec<String>,
    failures: Vec<String>,
    integrity: Vec<String>,
}

#[test]
fn writes_killed_at_random_moments_are_whole_or_absent_and_none_acknowledged_is_lost() {
    let seed = torture::seed("crash");
    let mut rng = fastrand::Rng::with_seed(seed);
    let iterations = torture::size("CADENCE_TORTURE_ITERATIONS", 100);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    let scratch = dir.path().join("scratch");
    std::fs::create_dir_all(&scratch).unwrap();
    torture::ok(&db, &["demo"]);

    // How long each command takes unkilled (the longest of three runs) bounds the delays.
    let mut typical: BTreeMap<&'static str, Duration> = BTreeMap::new();
    let mut note = |kind: &'static str, took: Duration| {
        let longest = typical.entry(kind).or_default();
        *longest = (*longest).max(took);
    };
    for round in 0..3 {
        let (ids, _) = torture::targets(&torture::connect(&db));
        let owner = torture::OWNERS[round].to_string();
        let warm_up = [
            Op::Add {
                marker: format!("warm-up add {round}"),
                owner: owner.clone(),
            },
            Op::Checkin {
                initiative: ids[round],
                marker: format!("warm-up check-in {round}"),
            },
            Op::Edit {
                initiative: ids[round],
                marker: format!("warm-up edit {round}"),
            },
            Op::BlockerAdd {
                initiative: ids[round],
                marker: format!("warm-up blocker {round}"),
                owner,
            },
        ];
        for op in &warm_up {
            note(op.kind(), timed(&db, &op.args()));
        }
        let (_, open) = torture::targets(&torture::connect(&db));
        let resolve = Op::BlockerResolve { blocker: open[0] };
        note(resolve.kind(), timed(&db, &resolve.args()));
        let (file, _) = import_file(&db, &scratch, &format!("warm-up import {round}"));
        note(
            "import",
            timed(&db, &["import".into(), file, "--replace".into()]),
        );
    }

    let mut acks: Vec<Ack> = Vec::new();
    let mut f = Figures::default();
    let started = Instant::now();
    for i in 0..iterations {
        if i > 0 && i % 100 == 0 {
            // An import takes longer as the workspace grows: time one again, left alone.
            let marker = format!("crash import {i}, timed");
            let (file, _) = import_file(&db, &scratch, &marker);
            let args = ["import".into(), file.clone(), "--replace".into()];
            typical.insert("import", timed(&db, &args));
            std::fs::remove_file(&file).unwrap();
            acks.push(Ack::Imported { title: marker });
            f.imports += 1;
            f.imports_acknowledged += 1;
        }
        let conn = torture::connect(&db);
        let (ids, open) = torture::targets(&conn);
        let before = torture::dump(&conn);
        drop(conn);

        if rng.u8(..6) == 0 {
            let marker = format!("crash import {i}");
            let (file, after) = import_file(&db, &scratch, &marker);
            let args = vec!["import".to_string(), file.clone(), "--replace".into()];
            let end = run_killed(&db, &args, delay(&mut rng, typical["import"]));
            std::fs::remove_file(&file).unwrap();
            f.imports += 1;
            let stdout = String::from_utf8_lossy(&end.output.stdout);
            let confirmed = stdout.starts_with("imported ");
            let now = torture::dump(&torture::connect(&db));
            if confirmed {
                acks.push(Ack::Imported { title: marker });
                f.imports_acknowledged += 1;
            } else if !end.killed {
                f.failures.push(format!(
                    "import {i}: {}",
                    String::from_utf8_lossy(&end.output.stderr).trim()
                ));
            } else if now == after {
                f.imports_killed_whole += 1;
            } else if now == before {
                f.imports_killed_absent += 1;
            }
            if now != after && now != before {
                f.partial_imports.push(format!("import {i}"));
            }
            if confirmed && now != after {
                f.partial_imports
                    .push(format!("import {i} confirmed but not all there"));
            }
        } else {
            let op = Op::random(&mut rng, &ids, &open, format!("crash {i}"));
            let end = run_killed(&db, &op.args(), delay(&mut rng, typical[op.kind()]));
            let stdout = String::from_utf8_lossy(&end.output.stdout);
            let counts = f.by_kind.entry(op.kind()).or_default();
            counts[0] += 1;
            match op.ack(&stdout) {
                Some(ack) => {
                    counts[1] += 1;
                    f.acknowledged += 1;
                    if end.killed {
                        f.confirmed_then_killed += 1;
                    }
                    acks.push(ack);
                }
                None if end.killed => {
                    counts[2] += 1;
                    f.killed += 1;
                    if op.landed(&torture::connect(&db)) {
                        counts[3] += 1;
                        f.killed_landed += 1;
                    }
                }
                None => f.failures.push(format!(
                    "{:?} ended with {}: {}{}",
                    op.args(),
                    end.output.status,
                    stdout.trim(),
                    String::from_utf8_lossy(&end.output.stderr).trim()
                )),
            }
        }
        let problems = torture::integrity_problems(&torture::connect(&db));
        f.integrity.extend(
            problems
                .into_iter()
                .map(|p| format!("after command {i}: {p}")),
        );
    }
    let elapsed = started.elapsed();

    let conn = torture::connect(&db);
    let lost: Vec<String> = torture::lost(&conn, &acks)
        .into_iter()
        .map(|a| format!("{a:?}"))
        .collect();
    f.integrity.extend(torture::integrity_problems(&conn));
    drop(conn);
    let check = torture::ok(&db, &["check"]);

    let kinds: Vec<String> = f
        .by_kind
        .iter()
        .map(|(k, [n, a, killed, landed])| {
            format!("{k} {n} ({a} acknowledged, {killed} killed of which {landed} landed)")
        })
        .collect();
    torture::say(&format!(
        "torture crash: seed {seed}, {iterations} iterations in {:.1}s: {} acknowledged writes \
         ({} of them killed after confirming), {} killed before confirming ({} had landed), \
         {} lost writes; {} imports ({} acknowledged, one every 100 iterations left alone to \
         time them; killed {} whole and {} absent), {} partial imports; {} failures; {} \
         integrity or foreign-key problems; kill delays up to 5/4 of each command's unkilled \
         time {:?}; by command: {}",
        elapsed.as_secs_f64(),
        f.acknowledged + f.imports_acknowledged,
        f.confirmed_then_killed,
        f.killed + f.imports_killed_whole + f.imports_killed_absent,
        f.killed_landed + f.imports_killed_whole,
        lost.len(),
        f.imports,
        f.imports_acknowledged,
        f.imports_killed_whole,
        f.imports_killed_absent,
        f.partial_imports.len(),
        f.failures.len(),
        f.integrity.len(),
        typical,
        kinds.join(", ")
    ));
    assert!(lost.is_empty(), "acknowledged writes lost: {lost:#?}");
    assert!(
        f.partial_imports.is_empty(),
        "partial imports: {:#?}",
        f.partial_imports
    );
    assert!(f.failures.is_empty(), "commands failed: {:#?}", f.failures);
    assert!(f.integrity.is_empty(), "integrity: {:#?}", f.integrity);
    assert_eq!(check.trim(), "ok");
}
