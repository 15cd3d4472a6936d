//! Shared helpers: the real `cadence` binary on a workspace file in a temp directory.
#![allow(dead_code)]

pub mod company;
pub mod mutations;
pub mod plain;
pub mod quarter;
pub mod releases;
pub mod torture;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

/// A temp directory with a workspace path inside it and a pinned today.
pub struct Env {
    pub dir: TempDir,
    pub db: PathBuf,
    pub today: &'static str,
}

impl Env {
    /// A new, empty workspace made by `cadence init`.
    pub fn temp() -> Self {
        let env = Env::bare();
        env.ok(&["init"]);
        env
    }

    /// A new, empty workspace (as [`Env::temp`]) whose later commands run on `today`.
    pub fn on(today: &'static str) -> Self {
        let mut env = Env::temp();
        env.today = today;
        env
    }

    /// A workspace holding the sample company, made by `cadence init` and `cadence demo`.
    pub fn sample() -> Self {
        let env = Env::temp();
        env.ok(&["demo"]);
        env
    }

    /// A workspace path whose folder exists but holds no workspace yet.
    pub fn bare() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("work").join("cadence.db");
        std::fs::create_dir(db.parent().unwrap()).unwrap();
        Env {
            dir,
            db,
            today: "2026-11-23",
        }
    }

    /// `cadence --db <db> --today <today> ARGS…`
    pub fn cmd(&self, args: &[&str]) -> Command {
        self.cmd_on(&self.db, args)
    }

    /// `cadence --db <db> --today <today> ARGS…` on another workspace path.
    pub fn cmd_on(&self, db: &Path, args: &[&str]) -> Command {
        let mut c = Command::cargo_bin("cadence").unwrap();
        c.env_remove("CADENCE_DB")
            .env_remove("CADENCE_TODAY")
            .arg("--db")
            .arg(db)
            .arg("--today")
            .arg(self.today)
            .args(args);
        c
    }

    /// Runs a command that must succeed and returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that must fail and returns its standard error.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(!out.status.success(), "{args:?} unexpectedly succeeded");
        String::from_utf8(out.stderr).unwrap()
    }

    /// Runs a command on another workspace path that must fail; returns its standard error.
    pub fn fails_on(&self, db: &Path, args: &[&str]) -> String {
        let out = self.cmd_on(db, args).output().unwrap();
        assert!(!out.status.success(), "{args:?} unexpectedly succeeded");
        String::from_utf8(out.stderr).unwrap()
    }

    /// Runs a command with `--json` output and parses it.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }

    /// Adds an active initiative owned by `owner` and returns its id.
    pub fn add_active(&self, title: &str, owner: &str, target: &str, backup: &str) -> i64 {
        let v = self.json(&[
            "add",
            title,
            "--owner",
            owner,
            "--target",
            target,
            "--backup",
            backup,
            "--risk",
            "the vendor may be late",
            "--risk-level",
            "medium",
            "--status",
            "active",
            "--json",
        ]);
        v["id"].as_i64().unwrap()
    }
}

/// Runs the real binary on `db` with today pinned; returns (success, stdout, stderr).
pub fn cadence(db: &Path, today: &str, args: &[&str]) -> (bool, String, String) {
    let out = Command::cargo_bin("cadence")
        .unwrap()
        .env_remove("CADENCE_DB")
        .env_remove("CADENCE_TODAY")
        .args(["--db", db.to_str().unwrap(), "--today", today])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Runs the real binary on `db` with today pinned; returns its output, which must be a success.
pub fn ok(db: &Path, today: &str, args: &[&str]) -> String {
    let (success, stdout, stderr) = cadence(db, today, args);
    assert!(success, "{args:?} failed: {stderr}");
    stdout
}

/// Compares `text` with `tests/golden/NAME`; `UPDATE_GOLDEN=1` rewrites the file instead.
pub fn golden(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display()));
    assert_eq!(text, want, "{name} differs from the golden file");
}
