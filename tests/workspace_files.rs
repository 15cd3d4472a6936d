//! Paths around the workspace: `--out` never clobbers a workspace or any SQLite file and
//! replaces a file only with `--force`; only `init`, `demo` and `import` create a workspace;
//! a bad `--db` gets one line naming the path and what to do.

mod common;

use std::fs;
use std::path::Path;

use common::Env;

/// Every command option that writes a file, with the arguments that reach it.
const WRITERS: [&[&str]; 4] = [
    &["export"],
    &["weekly", "--week", "2026-W48"],
    &["monthly", "--month", "2026-11"],
    &["quarterly", "--quarter", "2026-Q4"],
];

fn with_out<'a>(args: &[&'a str], out: &'a str, force: bool) -> Vec<&'a str> {
    let mut v = args.to_vec();
    v.extend(["--out", out]);
    if force {
        v.push("--force");
    }
    v
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn out_never_writes_over_the_workspace_or_its_files() {
    let env = Env::sample();
    let before = env.ok(&["export"]);
    let db = env.db.to_str().unwrap().to_owned();
    let wal = format!("{db}-wal");
    let shm = format!("{db}-shm");
    let dotted = env
        .db
        .parent()
        .unwrap()
        .join("..")
        .join("work")
        .join("cadence.db");
    let link = env.dir.path().join("link.db");
    std::os::unix::fs::symlink(&env.db, &link).unwrap();
    let spellings = [
        db.as_str(),
        wal.as_str(),
        shm.as_str(),
        dotted.to_str().unwrap(),
        link.to_str().unwrap(),
    ];
    for args in WRITERS {
        for out in spellings {
            for force in [false, true] {
                let err = env.fails(&with_out(args, out, force));
                assert_eq!(
                    err.trim(),
                    format!(
                        "error: out: {out} is the open workspace or one of its files; writing \
                         there would destroy it. Choose another file"
                    ),
                    "{args:?} --out {out}"
                );
            }
        }
    }
    assert_eq!(env.ok(&["export"]), before, "the workspace is intact");
    assert_eq!(env.ok(&["check"]).trim(), "ok");
}

#[test]
fn out_never_writes_over_another_sqlite_database_even_with_force() {
    let env = Env::sample();
    let other = Env::temp();
    other.ok(&["person", "add", "Ana Lima"]);
    let target = other.db.to_str().unwrap();
    let before = fs::read(&other.db).unwrap();
    for args in WRITERS {
        let err = env.fails(&with_out(args, target, true));
        assert_eq!(
            err.trim(),
            format!(
                "error: out: {target} already exists and is a SQLite database; Cadence never \
                 writes over one. Choose another file"
            )
        );
    }
    assert_eq!(fs::read(&other.db).unwrap(), before);
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let env = Env::sample();
    let out = env.dir.path().join("update.md");
    let out_s = out.to_str().unwrap();
    for args in WRITERS {
        fs::write(&out, "keep me").unwrap();
        let err = env.fails(&with_out(args, out_s, false));
        assert_eq!(
            err.trim(),
            format!(
                "error: out: {out_s} already exists; pass --force to replace it, or choose \
                 another file"
            )
        );
        assert_eq!(fs::read_to_string(&out).unwrap(), "keep me");
        env.ok(&with_out(args, out_s, true));
        assert_ne!(fs::read_to_string(&out).unwrap(), "keep me");
    }
    let fresh = env.dir.path().join("fresh.json");
    env.ok(&["export", "--out", fresh.to_str().unwrap()]);
    assert_eq!(fs::read_to_string(&fresh).unwrap(), env.ok(&["export"]));
    assert_eq!(
        names_in(env.dir.path()),
        ["fresh.json", "update.md", "work"],
        "no temporary file is left beside the targets"
    );
}

#[test]
fn a_failed_write_leaves_no_file() {
    let env = Env::sample();
    let missing = env.dir.path().join("nope").join("update.md");
    for args in WRITERS {
        let err = env.fails(&with_out(args, missing.to_str().unwrap(), false));
        assert!(err.contains("does not exist"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    assert!(!missing.parent().unwrap().exists());
    let dir = env.dir.path().to_str().unwrap();
    let err = env.fails(&["export", "--out", dir, "--force"]);
    assert!(err.contains(&format!("{dir} is a directory")), "{err}");
}

/// Every command that only reads or changes an existing workspace.
const NEEDS_A_WORKSPACE: [&[&str]; 12] = [
    &["check"],
    &["list"],
    &["show", "1"],
    &["person", "list"],
    &["person", "add", "Ana Lima"],
    &["add", "Billing v2", "--owner", "Ana Lima"],
    &["weekly"],
    &["monthly"],
    &["quarterly"],
    &["export"],
    &["settings", "list"],
    &["blocker", "list"],
];

#[test]
fn only_init_demo_and_import_create_a_workspace() {
    let env = Env::bare();
    let typo = env.dir.path().join("nope").join("typo.db");
    let typo_s = typo.to_str().unwrap();
    let hint = "create a workspace with `cadence init` (an empty one) or `cadence demo` (the \
                sample company), or give the path of an existing one with --db or CADENCE_DB";
    for args in NEEDS_A_WORKSPACE {
        let err = env.fails_on(&typo, args);
        assert_eq!(
            err.trim(),
            format!("error: {typo_s}: does not exist; {hint}"),
            "{args:?}"
        );
    }
    assert!(!typo.parent().unwrap().exists(), "no folder was created");

    fs::write(&env.db, "").unwrap();
    let db = env.db.to_str().unwrap();
    for args in NEEDS_A_WORKSPACE {
        let err = env.fails(args);
        assert_eq!(
            err.trim(),
            format!("error: {db}: is empty (0 bytes), not a workspace; {hint}"),
            "{args:?}"
        );
    }
    assert_eq!(fs::metadata(&env.db).unwrap().len(), 0, "left empty");

    // `init` turns the empty file into a workspace; `demo` and `import` create missing ones.
    env.ok(&["init"]);
    assert_eq!(env.ok(&["check"]).trim(), "ok");
    let demo = Env::bare();
    demo.ok(&["demo"]);
    let export = demo.dir.path().join("export.json");
    demo.ok(&["export", "--out", export.to_str().unwrap()]);
    let imported = Env::bare();
    imported.ok(&["import", export.to_str().unwrap()]);
    assert_eq!(imported.ok(&["export"]), demo.ok(&["export"]));
}

#[test]
fn init_creates_folders_only_for_the_default_location() {
    let env = Env::bare();
    let typo = env.dir.path().join("nope").join("typo.db");
    let typo_s = typo.to_str().unwrap();
    let err = env.fails_on(&typo, &["init"]);
    let folder = typo.parent().unwrap().display().to_string();
    assert_eq!(
        err.trim(),
        format!(
            "error: {typo_s}: cannot be created: the folder {folder} does not exist; create it \
             first or choose another path"
        )
    );
    assert!(!typo.parent().unwrap().exists());
}

#[test]
fn a_directory_as_the_workspace_names_it_and_the_file_to_give() {
    let env = Env::bare();
    let folder = env.db.parent().unwrap();
    let dir = folder.to_str().unwrap();
    for args in [&["list"][..], &["init"], &["check"]] {
        let err = env.fails_on(folder, args);
        assert_eq!(
            err.trim(),
            format!(
                "error: {dir}: is a directory, not a workspace file; give the file's path, for \
                 example {dir}/cadence.db"
            ),
            "{args:?}"
        );
    }
}
