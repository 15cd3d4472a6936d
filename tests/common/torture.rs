//! What the torture tests share: a seeded random source that can be replayed, sizes taken
//! from the environment, the real binary as a child process, the acknowledged writes and the
//! checks of a workspace file read with SQLite itself.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OpenFlags};

/// The pinned today of every torture run.
pub const TODAY: &str = "2026-11-23";

/// The seed of this run: `CADENCE_TORTURE_SEED` to replay one, else a fresh one. `what`
/// names the test in the line that prints it.
pub fn seed(what: &str) -> u64 {
    let seed = match std::env::var("CADENCE_TORTURE_SEED") {
        Ok(v) => v
            .trim()
            .parse()
            .expect("CADENCE_TORTURE_SEED must be a whole number"),
        Err(_) => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or_default(),
    };
    say(&format!(
        "torture {what}: seed {seed} (replay with CADENCE_TORTURE_SEED={seed})"
    ));
    seed
}

/// A size from the environment variable `var`, else `default`.
pub fn size(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .map(|v| {
            v.trim()
                .parse()
                .unwrap_or_else(|_| panic!("{var} must be a whole number"))
        })
        .unwrap_or(default)
}

/// Prints one line straight to the standard error, past the test harness's capture, so the
/// figures show in every run and not only when a test fails.
pub fn say(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// `cadence --db DB --today TODAY ARGS…` as a child process of the real binary.
pub fn cadence(db: &Path, args: &[String]) -> Command {
    cadence_on(db, TODAY, args)
}

/// `cadence --db DB --today DAY ARGS…` as a child process of the real binary.
pub fn cadence_on(db: &Path, day: &str, args: &[String]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_cadence"));
    c.env_remove("CADENCE_DB")
        .env_remove("CADENCE_TODAY")
        .arg("--db")
        .arg(db)
        .args(["--today", day])
        .args(args)
        .stdin(Stdio::null());
    c
}

/// Runs a command that must succeed; returns its standard output.
pub fn ok(db: &Path, args: &[&str]) -> String {
    ok_on(db, TODAY, args)
}

/// Runs a command that must succeed on the day `day`; returns its standard output.
pub fn ok_on(db: &Path, day: &str, args: &[&str]) -> String {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let out = cadence_on(db, day, &args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A connection of the test's own to the workspace file, for reading it back.
pub fn connect(db: &Path) -> Connection {
    let conn = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .unwrap();
    conn
}

/// What `PRAGMA integrity_check` and `PRAGMA foreign_key_check` find wrong (empty when sound).
pub fn integrity_problems(conn: &Connection) -> Vec<String> {
    let mut problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|line| line != "ok")
        .collect();
    let mut stmt = conn.prepare("PRAGMA foreign_key_check").unwrap();
    let fk = stmt
        .query_map([], |r| {
            Ok(format!(
                "foreign key: {} row {:?} refers to a missing {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?
            ))
        })
        .unwrap();
    problems.extend(fk.map(Result::unwrap));
    problems
}

/// The workspace's own tables, by name.
pub fn tables(conn: &Connection) -> Vec<String> {
    conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         ORDER BY name",
    )
    .unwrap()
    .query_map([], |r| r.get(0))
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// How many rows each table holds.
pub fn row_counts(conn: &Connection) -> BTreeMap<String, i64> {
    tables(conn)
        .into_iter()
        .map(|t| {
            let n = conn
                .query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))
                .unwrap();
            (t, n)
        })
        .collect()
}

/// Every row of every table, in rowid order, as text: equal dumps mean equal contents.
pub fn dump(conn: &Connection) -> String {
    let mut text = String::new();
    for t in tables(conn) {
        text.push_str(&format!("## {t}\n"));
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY rowid"))
            .unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..n {
                let v: rusqlite::types::Value = row.get(i).unwrap();
                text.push_str(&format!("{v:?}\t"));
            }
            text.push('\n');
        }
    }
    text
}

/// The ids of the initiatives under way (those that take check-ins), and of the blockers
/// still open.
pub fn targets(conn: &Connection) -> (Vec<i64>, Vec<i64>) {
    let ids = |sql: &str| -> Vec<i64> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    (
        ids("SELECT id FROM initiatives WHERE status IN ('active', 'paused', 'done') ORDER BY id"),
        ids("SELECT id FROM blockers WHERE resolved_on IS NULL ORDER BY id"),
    )
}

/// People who may own initiatives and blockers in the torture runs.
pub const OWNERS: &[&str] = &[
    "Ada Byron",
    "Grace Hopper",
    "Alan Turing",
    "Edsger Dijkstra",
];

/// A write the torture tests ask for; `marker` is unique text that finds it again.
#[derive(Debug, Clone)]
pub enum Op {
    Add {
        marker: String,
        owner: String,
    },
    Checkin {
        initiative: i64,
        marker: String,
    },
    Edit {
        initiative: i64,
        marker: String,
    },
    BlockerAdd {
        initiative: i64,
        marker: String,
        owner: String,
    },
    BlockerResolve {
        blocker: i64,
    },
}

/// A write that the binary acknowledged, and the record that must be found for it.
#[derive(Debug, Clone)]
pub enum Ack {
    Added { id: i64, title: String },
    CheckedIn { initiative: i64, note: String },
    Edited { initiative: i64, outcome: String },
    BlockerAdded { id: i64, text: String },
    BlockerResolved { id: i64 },
    Imported { title: String },
}

impl Op {
    /// Picks a write at random among those `targets` allow; `marker` makes it findable.
    pub fn random(
        rng: &mut fastrand::Rng,
        initiatives: &[i64],
        open_blockers: &[i64],
        marker: String,
    ) -> Self {
        let owner = OWNERS[rng.usize(..OWNERS.len())].to_string();
        if initiatives.is_empty() {
            return Op::Add { marker, owner };
        }
        let initiative = initiatives[rng.usize(..initiatives.len())];
        match rng.u8(..5) {
            0 => Op::Add { marker, owner },
            1 => Op::Checkin { initiative, marker },
            2 => Op::Edit { initiative, marker },
            3 => Op::BlockerAdd {
                initiative,
                marker,
                owner,
            },
            _ => match open_blockers {
                [] => Op::Checkin { initiative, marker },
                b => Op::BlockerResolve {
                    blocker: b[rng.usize(..b.len())],
                },
            },
        }
    }

    /// The command's name in the figures.
    pub fn kind(&self) -> &'static str {
        match self {
            Op::Add { .. } => "add",
            Op::Checkin { .. } => "checkin",
            Op::Edit { .. } => "edit",
            Op::BlockerAdd { .. } => "blocker add",
            Op::BlockerResolve { .. } => "blocker resolve",
        }
    }

    /// The command line's arguments (after `--db` and `--today`).
    pub fn args(&self) -> Vec<String> {
        let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        match self {
            Op::Add { marker, owner } => v(&[
                "add",
                marker,
                "--owner",
                owner,
                "--status",
                "active",
                "--target",
                "2027-03-01",
                "--backup",
                "2027-03-15",
                "--risk",
                "the torture test may never end",
                "--risk-level",
                "low",
            ]),
            Op::Checkin { initiative, marker } => v(&[
                "checkin",
                &initiative.to_string(),
                "--health",
                "at-risk",
                "--progress",
                "the torture test's work",
                "--note",
                marker,
            ]),
            Op::Edit { initiative, marker } => v(&[
                "edit",
                &initiative.to_string(),
                "--outcome",
                marker,
                "--reason",
                "torture test",
            ]),
            Op::BlockerAdd {
                initiative,
                marker,
                owner,
            } => v(&[
                "blocker",
                "add",
                &initiative.to_string(),
                marker,
                "--owner",
                owner,
            ]),
            Op::BlockerResolve { blocker } => v(&["blocker", "resolve", &blocker.to_string()]),
        }
    }

    /// Whether the write landed in the workspace, found by its marker (for a command killed
    /// before it could say so).
    pub fn landed(&self, conn: &Connection) -> bool {
        let found = |sql: &str, param: &dyn rusqlite::ToSql| -> bool {
            conn.query_row(sql, [param], |_| Ok(())).is_ok()
        };
        match self {
            Op::Add { marker, .. } => found("SELECT 1 FROM initiatives WHERE title = ?1", marker),
            Op::Checkin { marker, .. } => found("SELECT 1 FROM checkins WHERE note = ?1", marker),
            Op::Edit { marker, .. } => found("SELECT 1 FROM changes WHERE new_value = ?1", marker),
            Op::BlockerAdd { marker, .. } => {
                found("SELECT 1 FROM blockers WHERE text = ?1", marker)
            }
            Op::BlockerResolve { blocker } => found(
                "SELECT 1 FROM blockers WHERE id = ?1 AND resolved_on IS NOT NULL",
                blocker,
            ),
        }
    }

    /// The acknowledgement in `stdout`, when the command printed its confirmation.
    pub fn ack(&self, stdout: &str) -> Option<Ack> {
        let line = stdout.lines().next()?;
        let number = |prefix: &str| -> Option<i64> {
            let rest = line.strip_prefix(prefix)?;
            rest.split(|c: char| !c.is_ascii_digit())
                .next()?
                .parse()
                .ok()
        };
        match self {
            Op::Add { marker, .. } => Some(Ack::Added {
                id: number("added initiative ")?,
                title: marker.clone(),
            }),
            Op::Checkin { initiative, marker } => (number("check-in recorded for initiative ")?
                == *initiative)
                .then(|| Ack::CheckedIn {
                    initiative: *initiative,
                    note: marker.clone(),
                }),
            Op::Edit { initiative, marker } => (number("initiative ")? == *initiative
                && line.ends_with("logged"))
            .then(|| Ack::Edited {
                initiative: *initiative,
                outcome: marker.clone(),
            }),
            Op::BlockerAdd { marker, .. } => Some(Ack::BlockerAdded {
                id: number("blocker ")?,
                text: marker.clone(),
            })
            .filter(|_| line.contains(" recorded on initiative ")),
            Op::BlockerResolve { blocker } => (number("blocker ")? == *blocker
                && line.contains(" resolved on "))
            .then_some(Ack::BlockerResolved { id: *blocker }),
        }
    }
}

impl Ack {
    /// Whether the workspace holds what was acknowledged.
    pub fn is_present(&self, conn: &Connection) -> bool {
        let found = |sql: &str, params: &[&dyn rusqlite::ToSql]| -> bool {
            conn.query_row(sql, params, |_| Ok(())).is_ok()
        };
        match self {
            Ack::Added { id, title } => found(
                "SELECT 1 FROM initiatives WHERE id = ?1 AND title = ?2",
                &[id, title],
            ),
            Ack::CheckedIn { initiative, note } => found(
                "SELECT 1 FROM checkins WHERE initiative_id = ?1 AND note = ?2",
                &[initiative, note],
            ),
            Ack::Edited {
                initiative,
                outcome,
            } => found(
                "SELECT 1 FROM changes WHERE initiative_id = ?1 AND field = 'outcome'
                 AND new_value = ?2",
                &[initiative, outcome],
            ),
            Ack::BlockerAdded { id, text } => found(
                "SELECT 1 FROM blockers WHERE id = ?1 AND text = ?2",
                &[id, text],
            ),
            Ack::BlockerResolved { id } => found(
                "SELECT 1 FROM blockers WHERE id = ?1 AND resolved_on IS NOT NULL",
                &[id],
            ),
            Ack::Imported { title } => {
                found("SELECT 1 FROM initiatives WHERE title = ?1", &[title])
            }
        }
    }
}

/// The acknowledged writes missing from the workspace.
pub fn lost<'a>(conn: &Connection, acks: &'a [Ack]) -> Vec<&'a Ack> {
    acks.iter().filter(|a| !a.is_present(conn)).collect()
}
