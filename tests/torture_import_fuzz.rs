//! Import fuzzing: seeded mutations of an export of the sample company and of a small
//! hand-built workspace, imported into an empty workspace or over a full one. No mutation may
//! panic; a refused import leaves the workspace row for row as it was; an accepted one passes
//! `check` and renders every review (weekly, monthly, quarterly) in every format.
//!
//! Most cases run the CLI's own code in this process (its `run`, under `catch_unwind`), which
//! is what the binary runs; a sample runs the binary itself. `CADENCE_TORTURE_FUZZ` sets the
//! number of in-process cases (1,000 by default; the binary runs a twentieth as many);
//! `CADENCE_TORTURE_SEED` replays a run.

/// The CLI belongs to the binary, not the library: its code is compiled in here so the fuzz
/// cases run exactly what the binary runs, without a process each. Only `run` and `Cli` are
/// used here.
#[allow(dead_code)]
#[path = "../src/cli/mod.rs"]
mod cli;
mod common;

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::time::Instant;

use clap::Parser;
use cli::Cli;
use common::mutations;
use common::torture;
use serde_json::Value;

const REVIEWS: [&str; 3] = ["weekly", "monthly", "quarterly"];
const FORMATS: [&str; 4] = ["md", "html", "txt", "json"];

thread_local! {
    /// Whether this thread is inside a fuzz case, whose panics are counted, not printed.
    static IN_CASE: Cell<bool> = const { Cell::new(false) };
}

/// Leaves the panic message of a fuzz case to the case's own record.
fn quiet_panics_in_cases() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !IN_CASE.with(Cell::get) {
                default(info);
            }
        }));
    });
}

/// How a run of the CLI ended.
enum Ran {
    Ok(String),
    Refused(String),
    Panicked(String),
}

/// `cadence --db DB --today TODAY ARGS…` through the CLI's own `run`, in this process.
fn run(db: &Path, args: &[&str]) -> Ran {
    let mut argv: Vec<String> = vec!["cadence".into(), "--db".into()];
    argv.push(db.to_str().unwrap().into());
    argv.extend(["--today".into(), torture::TODAY.into()]);
    argv.extend(args.iter().map(|a| a.to_string()));
    let cli = Cli::try_parse_from(&argv).unwrap_or_else(|e| panic!("{argv:?}: {e}"));
    let mut out = Vec::new();
    IN_CASE.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| cli::run(cli, &mut out)));
    IN_CASE.with(|c| c.set(false));
    match result {
        Ok(Ok(code)) if code == std::process::ExitCode::SUCCESS => {
            Ran::Ok(String::from_utf8_lossy(&out).into_owned())
        }
        Ok(Ok(_)) => Ran::Refused(String::from_utf8_lossy(&out).into_owned()),
        Ok(Err(e)) => Ran::Refused(e.to_string()),
        Err(payload) => Ran::Panicked(
            payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".into()),
        ),
    }
}

/// What the fuzzing found.
#[derive(Default)]
struct Findings {
    cases: usize,
    accepted: usize,
    refused: usize,
    panics: Vec<String>,
    partial: Vec<String>,
    broken: Vec<String>,
}

impl Findings {
    /// The figures on one line; `seed` is the run's, when it has one.
    fn summary(&self, what: &str, seed: Option<u64>, secs: f64) -> String {
        let seed = seed.map_or("no seed".into(), |s| format!("seed {s}"));
        format!(
            "torture import fuzz ({what}): {seed}, {} cases in {secs:.1}s: {} accepted, {} \
             refused, {} panics, {} partial imports, {} accepted but failing check or a review",
            self.cases,
            self.accepted,
            self.refused,
            self.panics.len(),
            self.partial.len(),
            self.broken.len()
        )
    }

    fn assert_clean(&self) {
        assert!(self.panics.is_empty(), "panics: {:#?}", first(&self.panics));
        assert!(
            self.partial.is_empty(),
            "partial imports: {:#?}",
            first(&self.partial)
        );
        assert!(
            self.broken.is_empty(),
            "accepted imports that break check or a review: {:#?}",
            first(&self.broken)
        );
    }
}

/// The first ten findings, each cut to 600 characters (a huge string is echoed in messages).
fn first(findings: &[String]) -> Vec<String> {
    findings
        .iter()
        .take(10)
        .map(|f| match f.char_indices().nth(600) {
            Some((at, _)) => format!("{}…", &f[..at]),
            None => f.clone(),
        })
        .collect()
}

/// A workspace file to start each case from, and its contents row for row.
struct Template {
    file: PathBuf,
    dump: String,
    replace: bool,
}

impl Template {
    /// An empty workspace (imports go in as they are) or one holding `export` (imports
    /// replace it).
    fn new(dir: &Path, name: &str, export: Option<&Path>) -> Self {
        let file = dir.join(format!("{name}.db"));
        torture::ok(&file, &["init"]);
        if let Some(e) = export {
            torture::ok(&file, &["import", e.to_str().unwrap()]);
        }
        let dump = torture::dump(&torture::connect(&file));
        Template {
            file,
            dump,
            replace: export.is_some(),
        }
    }

    /// A fresh copy at `db`, without any write-ahead log of an earlier case.
    fn copy_to(&self, db: &Path) {
        for suffix in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        std::fs::copy(&self.file, db).unwrap();
    }
}

/// The sample company's export.
fn sample_export(dir: &Path) -> PathBuf {
    let db = dir.join("sample.db");
    let file = dir.join("sample.json");
    torture::ok(&db, &["demo"]);
    torture::ok(&db, &["export", "--out", file.to_str().unwrap()]);
    file
}

/// A small workspace built by hand over three weeks, with a record in every table: each
/// step's day and command.
#[rustfmt::skip]
const SMALL: &[(&str, &[&str])] = &[
    ("2026-11-02", &["init"]),
    ("2026-11-02", &["person", "add", "Ada Byron", "--email", "ada@example.com", "--role", "CTO"]),
    ("2026-11-02", &[
        "add", "Billing v2", "--owner", "Ada Byron", "--status", "active", "--target",
        "2026-12-10", "--backup", "2026-12-20", "--risk", "the payment provider's sandbox",
        "--risk-level", "high", "--outcome", "Invoices in one click", "--measure",
        "time to invoice", "--track", "customer",
    ]),
    ("2026-11-02", &[
        "add", "Crash on login", "--owner", "Grace Hopper", "--track", "release", "--status",
        "active", "--target", "2026-11-30", "--backup", "2026-12-04", "--risk",
        "the fix may touch the session store", "--risk-level", "medium",
    ]),
    ("2026-11-02", &["add", "Pricing spike", "--owner", "Alan Turing", "--track", "discovery"]),
    ("2026-11-04", &["edit", "1", "--target", "2026-12-14", "--backup", "2026-12-24",
        "--reason", "the vendor is late"]),
    ("2026-11-06", &["checkin", "1", "--health", "on-track", "--shipped", "Card payments"]),
    ("2026-11-10", &["blocker", "add", "1", "Sandbox keys", "--owner", "Grace Hopper",
        "--since", "2026-11-09"]),
    ("2026-11-10", &["checkin", "2", "--health", "off-track", "--note", "needs a reviewer"]),
    ("2026-11-12", &["checkin", "1", "--health", "at-risk", "--progress", "Direct debit"]),
    ("2026-11-12", &["checkin", "2", "--health", "at-risk", "--note", "replaces the first"]),
    ("2026-11-13", &["scope", "add", "1", "Invoices"]),
    ("2026-11-13", &["scope", "add", "1", "Refunds"]),
    ("2026-11-13", &["scope", "cut", "1", "Refunds", "--reason", "next quarter"]),
    ("2026-11-16", &["blocker", "add", "2", "Crash logs", "--owner", "Alan Turing"]),
    ("2026-11-17", &["blocker", "resolve", "2"]),
    ("2026-11-17", &["decision", "add", "Which provider?", "--owner", "Ada Byron", "--by",
        "2026-12-01", "--initiative", "1"]),
    ("2026-11-17", &["decision", "add", "Hire a tester?", "--owner", "Ada Byron", "--by",
        "2026-11-20"]),
    ("2026-11-20", &["decision", "close", "2", "--outcome", "Yes, in January"]),
    ("2026-11-20", &["commit-plan", "--quarter", "2026-Q4"]),
    ("2026-11-20", &["settings", "set", "monthly.reprioritisation_threshold", "3"]),
    ("2026-11-20", &["weekly", "--keep"]),
    ("2026-11-23", &["checkin", "1", "--health", "on-track", "--progress", "Invoices"]),
    ("2026-11-23", &["monthly", "--keep", "--format", "html"]),
    ("2026-11-23", &["edit", "2", "--status", "done", "--result", "No crash since",
        "--reason", "shipped"]),
];

/// The small workspace of [`SMALL`], exported.
fn small_export(dir: &Path) -> PathBuf {
    let db = dir.join("small.db");
    let file = dir.join("small.json");
    for (day, step) in SMALL {
        torture::ok_on(&db, day, step);
    }
    torture::ok(&db, &["export", "--out", file.to_str().unwrap()]);
    file
}

/// Checks that an accepted import passes `check` and renders every review in every format
/// through `run`; returns what failed.
fn accepted_is_sound(db: &Path, run: &dyn Fn(&Path, &[&str]) -> Ran) -> Vec<String> {
    let mut wrong = Vec::new();
    match run(db, &["check"]) {
        Ran::Ok(out) if out.trim() == "ok" => {}
        Ran::Ok(out) | Ran::Refused(out) => wrong.push(format!("check: {}", out.trim())),
        Ran::Panicked(m) => wrong.push(format!("check panicked: {m}")),
    }
    for review in REVIEWS {
        for format in FORMATS {
            match run(db, &[review, "--format", format]) {
                Ran::Ok(_) => {}
                Ran::Refused(e) => wrong.push(format!("{review} --format {format}: {e}")),
                Ran::Panicked(m) => wrong.push(format!("{review} --format {format} panicked: {m}")),
            }
        }
    }
    wrong
}

/// Where cases run: an empty workspace and one that holds the export, a fresh copy of one of
/// them for each case in turn, and the file each case imports.
struct Bench {
    _dir: tempfile::TempDir,
    templates: [Template; 2],
    db: PathBuf,
    file: PathBuf,
}

impl Bench {
    fn new(export: &Path, dir: &Path) -> Self {
        let own = tempfile::tempdir_in(dir).unwrap();
        let d = own.path().to_path_buf();
        Bench {
            templates: [
                Template::new(&d, "empty", None),
                Template::new(&d, "full", Some(export)),
            ],
            db: d.join("case.db"),
            file: d.join("case.json"),
            _dir: own,
        }
    }

    /// Case `n`: `bytes` imported through `run`, alternately into the empty workspace and
    /// over the full one; `what` says how the export was mutated.
    fn case(
        &self,
        n: usize,
        bytes: &[u8],
        what: &str,
        run: &dyn Fn(&Path, &[&str]) -> Ran,
        f: &mut Findings,
    ) {
        let template = &self.templates[n % 2];
        template.copy_to(&self.db);
        std::fs::write(&self.file, bytes).unwrap();
        let what = format!("case {n} ({what})");
        let mut args = vec!["import", self.file.to_str().unwrap()];
        if template.replace {
            args.push("--replace");
        }
        f.cases += 1;
        match run(&self.db, &args) {
            Ran::Panicked(m) => f.panics.push(format!("{what}: {m}")),
            Ran::Refused(_) => {
                f.refused += 1;
                if torture::dump(&torture::connect(&self.db)) != template.dump {
                    f.partial.push(what);
                }
            }
            Ran::Ok(_) => {
                f.accepted += 1;
                let wrong = accepted_is_sound(&self.db, run);
                if !wrong.is_empty() {
                    f.broken.push(format!("{what}: {}", wrong.join(" | ")));
                }
            }
        }
    }
}

/// `cases` seeded mutations of `export` imported through `run`.
fn fuzz(
    seed: u64,
    cases: usize,
    export: &Path,
    dir: &Path,
    run: &dyn Fn(&Path, &[&str]) -> Ran,
) -> Findings {
    let mut rng = fastrand::Rng::with_seed(seed);
    let original: Value = serde_json::from_str(&std::fs::read_to_string(export).unwrap()).unwrap();
    let bench = Bench::new(export, dir);
    let mut f = Findings::default();
    for n in 0..cases {
        let (bytes, done) = mutations::mutate(&mut rng, &original);
        bench.case(n, &bytes, &done.join("; "), run, &mut f);
    }
    f
}

fn fuzz_in_process(what: &str, salt: u64, export: fn(&Path) -> PathBuf) {
    quiet_panics_in_cases();
    let seed = torture::seed(&format!("import fuzz ({what})"));
    let cases = torture::size("CADENCE_TORTURE_FUZZ", 1000).div_ceil(2);
    let dir = tempfile::tempdir().unwrap();
    let export = export(dir.path());
    let started = Instant::now();
    let f = fuzz(seed ^ salt, cases, &export, dir.path(), &run);
    torture::say(&f.summary(what, Some(seed), started.elapsed().as_secs_f64()));
    f.assert_clean();
}

#[test]
fn mutated_exports_of_the_sample_company_never_panic_or_import_in_part() {
    fuzz_in_process("sample company, in process", 0, sample_export);
}

#[test]
fn mutated_exports_of_a_small_workspace_never_panic_or_import_in_part() {
    fuzz_in_process("small workspace, in process", 0x5eed, small_export);
}

/// The same through the real binary: a panic shows as exit status 101 (any end other than
/// 0 or 1 counts as one).
fn run_binary(db: &Path, args: &[&str]) -> Ran {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let out = torture::cadence(db, &args).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    match out.status.code() {
        Some(0) => Ran::Ok(stdout),
        Some(1) => Ran::Refused(format!("{stdout}{stderr}")),
        _ => Ran::Panicked(format!("{}: {stderr}", out.status)),
    }
}

#[test]
fn mutated_exports_imported_by_the_binary_never_panic_or_import_in_part() {
    let seed = torture::seed("import fuzz (binary)");
    let cases = torture::size("CADENCE_TORTURE_FUZZ", 1000).div_ceil(20);
    let dir = tempfile::tempdir().unwrap();
    let sample = sample_export(dir.path());
    let small = small_export(dir.path());
    let started = Instant::now();
    let mut f = fuzz(
        seed ^ 0xb1,
        cases.div_ceil(2),
        &sample,
        dir.path(),
        &run_binary,
    );
    let g = fuzz(seed ^ 0xb2, cases / 2, &small, dir.path(), &run_binary);
    f.cases += g.cases;
    f.accepted += g.accepted;
    f.refused += g.refused;
    f.panics.extend(g.panics);
    f.partial.extend(g.partial);
    f.broken.extend(g.broken);
    torture::say(&f.summary("binary", Some(seed), started.elapsed().as_secs_f64()));
    f.assert_clean();
}

#[test]
fn every_kind_of_date_at_the_ends_of_the_calendar_never_panics_or_imports_in_part() {
    quiet_panics_in_cases();
    let dir = tempfile::tempdir().unwrap();
    let export = small_export(dir.path());
    let original: Value = serde_json::from_str(&std::fs::read_to_string(&export).unwrap()).unwrap();
    let bench = Bench::new(&export, dir.path());
    let started = Instant::now();
    let mut f = Findings::default();
    for (n, (bytes, what)) in mutations::calendar_ends(&original).iter().enumerate() {
        // Each case both into the empty workspace and over the full one.
        bench.case(2 * n, bytes, what, &run, &mut f);
        bench.case(2 * n + 1, bytes, what, &run, &mut f);
    }
    let secs = started.elapsed().as_secs_f64();
    torture::say(&f.summary("dates at the ends of the calendar", None, secs));
    f.assert_clean();
}
