//! Torture: full disk and read-only. On a small tmpfs (or a file-backed loop device where
//! tmpfs cannot be mounted) filled to the last byte, and with a read-only file, folder and
//! file system: every read command works and shows what it showed before; every write fails
//! with one line naming the path and the reason, and leaves no file behind.
//!
//! Mounting needs root (CAP_SYS_ADMIN); where it is impossible the test says so and skips.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::Env;

/// Prints past the test harness's capture, so the figures and any skip show in every run.
macro_rules! say {
    ($($arg:tt)*) => {
        common::torture::say(&format!($($arg)*))
    };
}

/// Commands that only read, with what they must print the same on a full or read-only disk.
const READS: [&[&str]; 9] = [
    &["list"],
    &["list", "--json"],
    &["show", "1"],
    &["history", "1"],
    &["export"],
    &["check"],
    &["weekly", "--week", "2026-W48"],
    &["monthly", "--month", "2026-11", "--format", "html"],
    &["quarterly", "--quarter", "2026-Q4", "--format", "txt"],
];

/// Commands that write to the workspace.
const WRITES: [&[&str]; 5] = [
    &["add", "Billing v3", "--owner", "Tomás Silva"],
    &["person", "add", "Zoe Park"],
    &["settings", "set", "monthly.reprioritisation_threshold", "5"],
    &["scope", "add", "1", "Export to CSV"],
    &["weekly", "--week", "2026-W48", "--keep"],
];

/// A file system mounted on a temp directory for one test; unmounted when dropped.
struct Mount {
    dir: tempfile::TempDir,
    kind: &'static str,
    _image: Option<tempfile::TempDir>,
}

fn run(cmd: &mut Command) -> bool {
    cmd.output().is_ok_and(|o| o.status.success())
}

impl Mount {
    /// A tmpfs of `kib` KiB, else an ext2 loop device of that size; `Err` says why neither.
    fn small(kib: u64) -> Result<Mount, String> {
        let dir = tempfile::tempdir().unwrap();
        let size = format!("size={kib}k,mode=0777");
        if run(Command::new("mount")
            .args(["-t", "tmpfs", "-o", &size, "tmpfs"])
            .arg(dir.path()))
        {
            return Ok(Mount {
                dir,
                kind: "tmpfs",
                _image: None,
            });
        }
        let images = tempfile::tempdir().unwrap();
        let image = images.path().join("disk.img");
        fs::File::create(&image)
            .unwrap()
            .set_len(kib * 1024)
            .unwrap();
        if run(Command::new("mkfs.ext2").args(["-q", "-F"]).arg(&image))
            && run(Command::new("mount")
                .args(["-o", "loop"])
                .arg(&image)
                .arg(dir.path()))
        {
            return Ok(Mount {
                dir,
                kind: "loop device (ext2)",
                _image: Some(images),
            });
        }
        Err("neither a tmpfs nor a loop device can be mounted here (mounting needs root)".into())
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount_read_only(&self) {
        assert!(
            run(Command::new("mount")
                .args(["-o", "remount,ro"])
                .arg(self.path())),
            "remounting {} read-only",
            self.path().display()
        );
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// An environment whose workspace lives at `db`.
fn env_at(db: PathBuf) -> Env {
    let dir = tempfile::tempdir().unwrap();
    Env {
        dir,
        db,
        today: "2026-11-23",
    }
}

/// What every read command prints now.
fn reads(env: &Env) -> Vec<String> {
    READS.iter().map(|args| env.ok(args)).collect()
}

/// The names in `dir`, without SQLite's own -wal/-shm files.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm"))
        .collect();
    v.sort();
    v
}

/// Fills the file system holding `dir` to the last byte.
fn fill(dir: &Path) {
    let mut file = fs::File::create(dir.join("filler")).unwrap();
    for chunk in [64 * 1024, 4096, 512, 1] {
        let bytes = vec![7u8; chunk];
        while file
            .write_all(&bytes)
            .and_then(|()| file.sync_all())
            .is_ok()
        {}
    }
}

/// Asserts that every write command fails with one line naming the workspace and saying
/// `why`; returns how many were refused.
fn writes_are_refused(env: &Env, why: &str) -> usize {
    let path = env.db.display().to_string();
    for args in WRITES {
        let err = env.fails(args);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with(&format!("error: {path}: cannot be changed: ")) && err.contains(why),
            "{args:?}: {err}"
        );
    }
    WRITES.len()
}

#[test]
fn a_full_disk_reads_everything_and_refuses_writes_with_the_path() {
    let mount = match Mount::small(2048) {
        Ok(m) => m,
        Err(why) => {
            say!("full disk: SKIPPED: {why}");
            return;
        }
    };
    let env = env_at(mount.path().join("cadence.db"));
    env.ok(&["demo"]);
    let before = reads(&env);
    let files_before = names(mount.path());
    fill(mount.path());

    assert_eq!(
        reads(&env),
        before,
        "every read shows what it showed before"
    );
    let refused = writes_are_refused(&env, "the disk is full");
    let mut left = 0;
    for args in [
        &["export", "--out"][..],
        &["weekly", "--week", "2026-W48", "--out"],
        &["monthly", "--month", "2026-11", "--out"],
        &["backup", "--out"],
    ] {
        let target = mount.path().join("out.file");
        let mut all = args.to_vec();
        all.push(target.to_str().unwrap());
        let err = env.fails(&all);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains("the disk is full"), "{args:?}: {err}");
        assert!(err.contains(target.to_str().unwrap()), "{args:?}: {err}");
        left += usize::from(target.exists());
    }
    let new = mount.path().join("new.db");
    let err = env.fails_on(&new, &["init"]);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("error: {}: cannot be created in ", new.display()))
            && err.contains("the disk is full"),
        "{err}"
    );
    let mut files_after = names(mount.path());
    files_after.retain(|n| n != "filler");
    assert_eq!(files_after, files_before, "no partial or temporary file");
    assert_eq!(reads(&env), before, "nothing was half-written");

    fs::remove_file(mount.path().join("filler")).unwrap();
    env.ok(&["add", "Billing v3", "--owner", "Tomás Silva"]);
    assert_eq!(env.ok(&["check"]).trim(), "ok");
    say!(
        "full disk ({}): {} reads worked and matched, {} writes and 4 --out files refused \
         with the path, {left} files left behind",
        mount.kind,
        READS.len(),
        refused
    );
    assert_eq!(left, 0);
}

#[test]
fn a_read_only_file_system_reads_everything_and_names_the_path() {
    let mount = match Mount::small(2048) {
        Ok(m) => m,
        Err(why) => {
            say!("read-only file system: SKIPPED: {why}");
            return;
        }
    };
    let env = env_at(mount.path().join("cadence.db"));
    env.ok(&["demo"]);
    let before = reads(&env);
    mount.remount_read_only();

    assert_eq!(reads(&env), before);
    let refused = writes_are_refused(&env, "it is on a read-only file system");
    let copy = env.dir.path().join("copy.json");
    env.ok(&["export", "--out", copy.to_str().unwrap()]);
    assert_eq!(fs::read_to_string(&copy).unwrap(), before[4]);
    let new = mount.path().join("new.db");
    let err = env.fails_on(&new, &["init"]);
    assert!(
        err.starts_with(&format!("error: {}: cannot be created in ", new.display())),
        "{err}"
    );
    assert!(err.contains("read-only file system"), "{err}");
    say!(
        "read-only file system ({}): {} reads worked, {refused} writes refused with the path",
        mount.kind,
        READS.len()
    );
}

/// Clears the immutable attribute it set when dropped, so the temp dir can be removed.
struct Immutable(PathBuf);

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

#[test]
fn a_read_only_file_reads_everything_and_names_the_path() {
    let env = Env::sample();
    let before = reads(&env);
    // Permissions do not stop root, the immutable attribute does.
    if !run(Command::new("chattr").arg("+i").arg(&env.db)) {
        say!("read-only file: SKIPPED: chattr +i is not possible here (needs root and ext*)");
        return;
    }
    let _guard = Immutable(env.db.clone());
    assert_eq!(reads(&env), before);
    let refused = writes_are_refused(&env, "the file is read-only");
    say!(
        "read-only file: {} reads worked, {refused} writes refused with the path",
        READS.len()
    );
}

#[test]
fn a_read_only_folder_reads_everything_and_names_the_folder() {
    // As root a folder's permissions do not apply: run the commands as user `nobody`.
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !is_root || !run(Command::new("setpriv").arg("--version")) {
        say!("read-only folder: SKIPPED: needs root and setpriv to run as another user");
        return;
    }
    let env = Env::sample();
    let before = reads(&env);
    let folder = env.db.parent().unwrap();
    let nobody = |path: &Path| {
        assert!(run(Command::new("chown").arg("65534:65534").arg(path)));
    };
    nobody(env.dir.path());
    nobody(folder);
    for entry in fs::read_dir(folder).unwrap() {
        nobody(&entry.unwrap().path());
    }
    assert!(run(Command::new("chmod").arg("555").arg(folder)));
    let as_nobody = |args: &[&str]| {
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_cadence"))
            .arg("--db")
            .arg(&env.db)
            .args(["--today", env.today])
            .args(args)
            .output()
            .unwrap()
    };
    for (args, expected) in READS.iter().zip(&before) {
        let out = as_nobody(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            &String::from_utf8(out.stdout).unwrap(),
            expected,
            "{args:?}"
        );
    }
    let why = format!("its folder {} cannot be written", folder.display());
    for args in WRITES {
        let out = as_nobody(args);
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(!out.status.success(), "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with(&format!("error: {}: cannot be changed: ", env.db.display()))
                && err.contains(&why),
            "{args:?}: {err}"
        );
    }
    assert!(run(Command::new("chmod").arg("755").arg(folder)));
    say!(
        "read-only folder: {} reads worked as a user who cannot write there, {} writes \
         refused naming the folder",
        READS.len(),
        WRITES.len()
    );
}
