//! Measures the desktop app against the platform's floor, and at scale:
//! `xvfb-run -a cargo run -p cadence-e2e --release --bin measure -- [RUNS]` (`make measure`),
//! with `CADENCE_APP` naming the app's binary (by default the debug build) and `BARE_WINDOW`
//! the bare Tauri window's (e2e/bare-window, by default its release build).
//!
//! 1. Start-up and idle memory, the app on the sample company beside the bare window: each is
//!    started directly, RUNS times in turn; start-up is the time until its window is mapped on
//!    the display, memory the proportional set size (PSS) of its process and every process
//!    below it (the web view's) once it has been idle for [`IDLE`]. Medians and ratios.
//! 2. The app at scale, through tauri-driver: on a generated workspace of 1,000 initiatives,
//!    the time from navigating to the board, then to the home view, until the view's content
//!    is painted, taken with performance marks in the window, RUNS times each.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cadence_e2e::{app_binary, app_env, seed_workspace, App, Seed, GENERATED_INITIATIVES};
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ChangeWindowAttributesAux, ConnectionExt, EventMask};
use x11rb::protocol::Event;

/// How long a started window is left alone before its memory is read.
const IDLE: Duration = Duration::from_secs(5);

/// How long a window may take to appear.
const PATIENCE: Duration = Duration::from_secs(30);

/// The bare Tauri window: `BARE_WINDOW`, else its release build in the workspace.
fn bare_binary() -> PathBuf {
    std::env::var_os("BARE_WINDOW")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/bare-window")
        })
}

/// Every process below `root`, with its name, read from /proc.
fn descendants(root: u32) -> Vec<(u32, String)> {
    let mut parent_of = HashMap::new();
    let mut name_of = HashMap::new();
    for entry in fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let name = stat[open + 1..close].to_string();
        let ppid = stat[close + 2..]
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(ppid) = ppid {
            parent_of.insert(pid, ppid);
            name_of.insert(pid, name);
        }
    }
    let mut found = Vec::new();
    for (&pid, name) in &name_of {
        let mut at = pid;
        while let Some(&up) = parent_of.get(&at) {
            if up == root {
                found.push((pid, name.clone()));
                break;
            }
            at = up;
        }
    }
    found.sort();
    found
}

/// A process's proportional set size in KiB.
fn pss_kib(pid: u32) -> u64 {
    fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse().ok())
        })
        .unwrap_or(0)
}

/// The name of a process.
fn name_of(pid: u32) -> String {
    fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|n| n.trim().to_string())
        .unwrap_or_default()
}

/// One start of a window: when it was mapped, and the PSS of each of its processes at idle.
struct Start {
    mapped: Duration,
    memory: Vec<(String, u64)>,
}

impl Start {
    fn total_kib(&self) -> u64 {
        self.memory.iter().map(|(_, kib)| kib).sum()
    }

    fn describe(&self) -> String {
        let parts: Vec<String> = self
            .memory
            .iter()
            .map(|(name, kib)| format!("{name} {}", mib(*kib)))
            .collect();
        format!(
            "mapped at {} ms; PSS {} ({})",
            self.mapped.as_millis(),
            mib(self.total_kib()),
            parts.join(", ")
        )
    }
}

fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}

/// Waits for `pid` to map a top-level window on the display `conn` watches.
fn wait_mapped(conn: &impl Connection, pid: u32) -> Result<(), String> {
    let wm_pid = conn
        .intern_atom(false, b"_NET_WM_PID")
        .map_err(|e| e.to_string())?
        .reply()
        .map_err(|e| e.to_string())?
        .atom;
    let deadline = Instant::now() + PATIENCE;
    while Instant::now() < deadline {
        match conn.poll_for_event().map_err(|e| e.to_string())? {
            Some(Event::MapNotify(map)) if !map.override_redirect => {
                let owner = conn
                    .get_property(false, map.window, wm_pid, AtomEnum::CARDINAL, 0, 1)
                    .ok()
                    .and_then(|c| c.reply().ok())
                    .and_then(|r| r.value32().and_then(|mut v| v.next()));
                if owner.is_none_or(|owner| owner == pid) {
                    return Ok(());
                }
            }
            Some(_) => {}
            None => std::thread::sleep(Duration::from_millis(1)),
        }
    }
    Err(format!("no window was mapped within {PATIENCE:?}"))
}

/// Stops `child` and everything below it.
fn stop(mut child: Child) {
    let below = descendants(child.id());
    let _ = child.kill();
    let _ = child.wait();
    for (pid, _) in below {
        // SAFETY: a process this measurement started, below its own child.
        unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
    }
}

/// Starts `binary` with `env` set up in a fresh directory, waits for its window and for it to
/// settle, and reads its memory.
fn start_once(binary: &Path, env: impl FnOnce(&mut Command, &Path)) -> Start {
    let dir = tempfile::tempdir().expect("temp dir");
    let (conn, screen) = x11rb::connect(None).expect("the display (run under xvfb-run)");
    let root = conn.setup().roots[screen].root;
    conn.change_window_attributes(
        root,
        &ChangeWindowAttributesAux::new().event_mask(EventMask::SUBSTRUCTURE_NOTIFY),
    )
    .expect("watching the display");
    conn.flush().expect("watching the display");
    let mut command = Command::new(binary);
    env(&mut command, dir.path());
    let started = Instant::now();
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", binary.display()));
    let mapped = wait_mapped(&conn, child.id());
    let mapped_at = started.elapsed();
    if let Err(e) = mapped {
        stop(child);
        panic!("{}: {e}", binary.display());
    }
    std::thread::sleep(IDLE);
    let mut pids = vec![child.id()];
    pids.extend(descendants(child.id()).into_iter().map(|(pid, _)| pid));
    let memory = pids
        .into_iter()
        .map(|pid| (name_of(pid), pss_kib(pid)))
        .filter(|(_, kib)| *kib > 0)
        .collect();
    stop(child);
    Start {
        mapped: mapped_at,
        memory,
    }
}

/// The median of `values`.
fn median<T: Ord + Copy>(values: &mut [T]) -> T {
    values.sort();
    values[values.len() / 2]
}

/// Part 1: the app on the sample company beside the bare window, `runs` times each.
fn against_bare_window(runs: usize) {
    let app = app_binary();
    let bare = bare_binary();
    for binary in [&app, &bare] {
        assert!(
            binary.exists(),
            "{} is missing: `make measure` builds it",
            binary.display()
        );
    }
    let sample = tempfile::tempdir().expect("temp dir");
    let workspace = sample.path().join("sample.db");
    seed_workspace(&workspace, Seed::Sample).expect("the sample company");
    let (mut app_starts, mut bare_starts) = (Vec::new(), Vec::new());
    for run in 1..=runs {
        let b = start_once(&bare, |command, dir| {
            command
                .env("XDG_CONFIG_HOME", dir.join("config"))
                .env("XDG_DATA_HOME", dir.join("data"))
                .env("XDG_CACHE_HOME", dir.join("cache"));
        });
        println!("run {run}: bare window {}", b.describe());
        let a = start_once(&app, |command, dir| {
            let copy = dir.join("workspace.db");
            fs::copy(&workspace, &copy).expect("copying the sample company");
            app_env(command, dir, &copy);
        });
        println!("run {run}: Cadence     {}", a.describe());
        bare_starts.push(b);
        app_starts.push(a);
    }
    let summary = |starts: &[Start]| {
        let mut mapped: Vec<Duration> = starts.iter().map(|s| s.mapped).collect();
        let mut pss: Vec<u64> = starts.iter().map(Start::total_kib).collect();
        (median(&mut mapped), median(&mut pss))
    };
    let (app_mapped, app_pss) = summary(&app_starts);
    let (bare_mapped, bare_pss) = summary(&bare_starts);
    println!(
        "median of {runs}: Cadence mapped at {} ms, bare window at {} ms ({:.2}×); idle PSS \
         Cadence {}, bare window {} ({:.2}×; goal 1.2×)",
        app_mapped.as_millis(),
        bare_mapped.as_millis(),
        app_mapped.as_secs_f64() / bare_mapped.as_secs_f64(),
        mib(app_pss),
        mib(bare_pss),
        app_pss as f64 / bare_pss as f64
    );
}

/// Navigates the window to `hash` and resolves with the milliseconds until an element
/// matching the selector shows and the frame holding it has been painted.
const NAVIGATE: &str = r#"
const [hash, selector, done] = arguments;
performance.clearMarks();
performance.clearMeasures();
const finish = () => requestAnimationFrame(() => setTimeout(() => {
  performance.mark("painted");
  done(performance.measure("navigation", "navigated", "painted").duration);
}, 0));
const observer = new MutationObserver(() => {
  if (document.querySelector(selector)) {
    observer.disconnect();
    finish();
  }
});
observer.observe(document.body, { childList: true, subtree: true });
performance.mark("navigated");
location.hash = hash;
"#;

/// Part 2: the board and the home view on the generated workspace, `runs` times each.
async fn at_scale(runs: usize) {
    let app = App::launch("measure-at-scale", Seed::Generated)
        .await
        .expect("launching the app");
    app.find("#review-reminder, #review-sent")
        .await
        .expect("the home view");
    let views = [
        ("board", "#/board", ".board .lane .card"),
        ("home view", "#/", "#review-reminder, #review-sent"),
    ];
    let mut times: HashMap<&str, Vec<f64>> = HashMap::new();
    for _ in 0..runs {
        for (name, hash, selector) in views {
            let ms = app
                .driver
                .execute_async(NAVIGATE, vec![hash.into(), selector.into()])
                .await
                .and_then(|r| r.convert::<f64>())
                .unwrap_or_else(|e| panic!("navigating to the {name}: {e}"));
            times.entry(name).or_default().push(ms);
        }
    }
    for (name, _, _) in views {
        let ms = &times[name];
        let mut sorted = ms.clone();
        sorted.sort_by(f64::total_cmp);
        let shown: Vec<String> = ms.iter().map(|t| format!("{t:.0}")).collect();
        println!(
            "{GENERATED_INITIATIVES} initiatives: the {name} painted {:.0} ms after \
             navigation, median of {runs} ({} ms; goal 100 ms)",
            sorted[sorted.len() / 2],
            shown.join(", ")
        );
    }
    app.finish("measure-at-scale").await;
}

#[tokio::main]
async fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .map(|n| n.parse().expect("RUNS is a number"))
        .unwrap_or(5);
    tokio::task::spawn_blocking(move || against_bare_window(runs))
        .await
        .expect("measuring start-up and memory");
    at_scale(runs).await;
}
