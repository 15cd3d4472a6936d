//! Measures the desktop app against the platform's floor, and at scale:
//! `xvfb-run -a cargo run -p cadence-e2e --release --bin measure -- [RUNS] [memory|scale]`
//! (`make measure`; both parts when none is named), with `CADENCE_APP` naming the app's binary
//! (by default the debug build) and `BARE_WINDOW` the bare Tauri window's (e2e/bare-window, by
//! default its release build).
//!
//! 1. `memory`: start-up and idle memory, the app on the sample company beside the bare
//!    window: each is started directly, RUNS times in turn; start-up is the time until its
//!    window is mapped on the display, memory the proportional set size (PSS) of its process
//!    and every process below it (the web view's) once it has been idle for [`IDLE`] and its
//!    memory has settled, and beside it their own size ([`memory`]: PSS moves by tens of MiB
//!    with whatever else on the machine maps the same libraries). Medians and ratios. The bare
//!    window paints the way the app chose to ([`RENDERING`]), so both run on the same renderer.
//! 2. `scale`: the app on a generated workspace of 1,000 initiatives. Where the time goes:
//!    the board's and the home view's commands in the core (this process, same file) with
//!    their JSON's size, the same commands through the window's IPC, and each view painted
//!    after navigation (performance marks in the window), first from IPC, then from the UI's
//!    cache; RUNS starts of the app.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cadence::calendar::{parse_date, Clock};
use cadence::store::Workspace;
use cadence_e2e::memory::{self, ProcessMemory};
use cadence_e2e::{app_binary, app_env, seed_workspace, App, Seed, GENERATED_INITIATIVES, TODAY};
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ChangeWindowAttributesAux, ConnectionExt, EventMask};
use x11rb::protocol::Event;

/// How long a started window is left alone before its memory is read.
const IDLE: Duration = Duration::from_secs(5);

/// How much longer a window may take to settle after [`IDLE`].
const SETTLE: Duration = Duration::from_secs(30);

/// The CPU time a settled window's processes use in a second at most (the app looks at its
/// workspace file twice a second).
const CALM: Duration = Duration::from_millis(50);

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

/// The variables that choose how WebKitGTK paints. The app sets one for itself on a machine
/// without a GPU (src-tauri/src/rendering.rs: Skia paints on the CPU, on every core), and its
/// web process inherits them; the bare window is given what the app's web process ran with.
const RENDERING: [&str; 3] = [
    "WEBKIT_SKIA_ENABLE_CPU_RENDERING",
    "WEBKIT_SKIA_CPU_PAINTING_THREADS",
    "WEBKIT_DISABLE_COMPOSITING_MODE",
];

/// One start of a window: when it was mapped, the memory of each of its processes at idle, and
/// the [`RENDERING`] variables its web process ran with.
struct Start {
    mapped: Duration,
    memory: Vec<ProcessMemory>,
    rendering: Vec<(&'static str, String)>,
}

impl Start {
    fn total_kib(&self) -> u64 {
        self.memory.iter().map(|m| m.pss_kib).sum()
    }

    /// The processes' own size (pages shared only among them), when it could be read.
    fn own_kib(&self) -> Option<u64> {
        self.memory.iter().map(|m| m.own_kib).sum()
    }

    fn describe(&self) -> String {
        let parts: Vec<String> = self
            .memory
            .iter()
            .map(|m| match m.own_kib {
                Some(own) => format!("{} {} / own {}", m.name, mib(m.pss_kib), mib(own)),
                None => format!("{} {}", m.name, mib(m.pss_kib)),
            })
            .collect();
        let own = self
            .own_kib()
            .map(|own| format!(", own {}", mib(own)))
            .unwrap_or_default();
        format!(
            "mapped at {} ms; PSS {}{own} ({})",
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

/// The CPU time `pid` has used, in clock ticks (0 when it is gone).
fn cpu_ticks(pid: u32) -> u64 {
    fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let fields: Vec<&str> = stat[stat.rfind(')')? + 2..].split_whitespace().collect();
            Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
        })
        .unwrap_or(0)
}

/// Waits, up to [`SETTLE`], for a second in which the processes `tree` lists used less than
/// [`CALM`] of CPU time and their total PSS moved by less than 1%: on a loaded machine a
/// window may still be loading after [`IDLE`].
fn settle(tree: &impl Fn() -> Vec<u32>) {
    // SAFETY: sysconf has no preconditions.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as u64;
    let calm_ticks = per_second * CALM.as_millis() as u64 / 1000;
    let read = || {
        tree().into_iter().fold((0, 0), |(pss, cpu), pid| {
            (pss + memory::pss_kib(pid), cpu + cpu_ticks(pid))
        })
    };
    let deadline = Instant::now() + SETTLE;
    let (mut pss, mut cpu) = read();
    while Instant::now() < deadline {
        std::thread::sleep(Duration::from_secs(1));
        let (pss_now, cpu_now) = read();
        if cpu_now.saturating_sub(cpu) < calm_ticks && pss_now.abs_diff(pss) * 100 < pss {
            return;
        }
        (pss, cpu) = (pss_now, cpu_now);
    }
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
    let tree = || {
        let mut pids = vec![child.id()];
        pids.extend(descendants(child.id()).into_iter().map(|(pid, _)| pid));
        pids
    };
    settle(&tree);
    let memory = memory::of_processes(&tree());
    let rendering = descendants(child.id())
        .into_iter()
        .find(|(_, name)| name.starts_with("WebKitWebProces"))
        .map(|(pid, _)| {
            RENDERING
                .into_iter()
                .filter_map(|name| environment_value(pid, name).map(|value| (name, value)))
                .collect()
        })
        .unwrap_or_default();
    stop(child);
    Start {
        mapped: mapped_at,
        memory,
        rendering,
    }
}

/// The value of `name` in the environment process `pid` was started with.
fn environment_value(pid: u32, name: &str) -> Option<String> {
    let environ = fs::read(format!("/proc/{pid}/environ")).ok()?;
    let prefix = format!("{name}=");
    environ.split(|&b| b == 0).find_map(|entry| {
        let entry = String::from_utf8_lossy(entry);
        entry.strip_prefix(&prefix).map(str::to_string)
    })
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
        let a = start_once(&app, |command, dir| {
            let copy = dir.join("workspace.db");
            fs::copy(&workspace, &copy).expect("copying the sample company");
            app_env(command, dir, &copy);
        });
        println!("run {run}: Cadence     {}", a.describe());
        // The bare window paints the way the app chose to paint, so that the two are compared
        // on the same renderer.
        let b = start_once(&bare, |command, dir| {
            command
                .env("XDG_CONFIG_HOME", dir.join("config"))
                .env("XDG_DATA_HOME", dir.join("data"))
                .env("XDG_CACHE_HOME", dir.join("cache"));
            command.envs(a.rendering.iter().map(|(name, value)| (name, value)));
        });
        println!("run {run}: bare window {}", b.describe());
        bare_starts.push(b);
        app_starts.push(a);
    }
    match app_starts.iter().find(|s| !s.rendering.is_empty()) {
        Some(start) => {
            let set: Vec<String> = start
                .rendering
                .iter()
                .map(|(name, value)| format!("{name}={value}"))
                .collect();
            println!(
                "rendering: Cadence's web view ran with {}; the bare window was given the same",
                set.join(" ")
            )
        }
        None => println!("rendering: both web views painted WebKit's default way"),
    }
    let summary = |starts: &[Start]| {
        let mut mapped: Vec<Duration> = starts.iter().map(|s| s.mapped).collect();
        let mut pss: Vec<u64> = starts.iter().map(Start::total_kib).collect();
        let own: Option<Vec<u64>> = starts.iter().map(Start::own_kib).collect();
        (
            median(&mut mapped),
            median(&mut pss),
            own.map(|mut own| median(&mut own)),
        )
    };
    let (app_mapped, app_pss, app_own) = summary(&app_starts);
    let (bare_mapped, bare_pss, bare_own) = summary(&bare_starts);
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
    match (app_own, bare_own) {
        (Some(app), Some(bare)) => println!(
            "median of {runs}: own size (pages shared only among each window's processes) \
             Cadence {}, bare window {} ({:.2}×)",
            mib(app),
            mib(bare),
            app as f64 / bare as f64
        ),
        _ => println!("own size not read: page frame numbers need CAP_SYS_ADMIN"),
    }
}

/// Navigates the window to `hash` and resolves with the milliseconds until an element
/// matching the selector shows and the frame holding it has been painted. WebKit paints a
/// frame after the script that asked for it has run (its tiles are painted and composited
/// off the main thread) and starts the next frame only once that one is done: the frame
/// holding the element has been painted when the frame after it starts (the second
/// animation frame). Ending at the first would leave that painting to be counted in the
/// next navigation measured.
const NAVIGATE: &str = r#"
const [hash, selector, done] = arguments;
performance.clearMarks();
performance.clearMeasures();
const finish = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
  performance.mark("painted");
  done(performance.measure("navigation", "navigated", "painted").duration);
}, 0)));
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

/// Resolves with the milliseconds from the page's start until an element matching the
/// selector shows and its frame has been painted (at once when it already shows), as
/// [`NAVIGATE`] tells it.
const STARTED: &str = r#"
const [selector, done] = arguments;
const finish = () => requestAnimationFrame(() =>
  requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0)));
if (document.querySelector(selector)) {
  done(performance.now());
} else {
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector)) {
      observer.disconnect();
      finish();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
}
"#;

/// Calls a command through the window's IPC, as the UI does, and resolves with the
/// milliseconds until its answer was parsed and the size of that answer as JSON.
const INVOKE: &str = r#"
const [command, args, done] = arguments;
const started = performance.now();
window.__TAURI_INTERNALS__.invoke(command, args).then(
  (value) => done([performance.now() - started, JSON.stringify(value).length]),
  (error) => done(String(error)),
);
"#;

/// The commands behind the board and the home view, with their arguments.
const COMMANDS: [(&str, &str); 2] = [("board", "{}"), ("weekly_view", r#"{"week":null}"#)];

/// The median of `values`, with each of them.
fn median_of(values: &[f64]) -> String {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let shown: Vec<String> = values.iter().map(|t| format!("{t:.0}")).collect();
    format!(
        "{:.0} ms (median of {}: {} ms)",
        sorted[sorted.len() / 2],
        values.len(),
        shown.join(", ")
    )
}

/// Milliseconds since `started`.
fn ms_since(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

/// One call of a command in the core: how long it took, how long its answer took to turn
/// into JSON, and how large that JSON is.
type CoreCall<'a> = Box<dyn Fn() -> (f64, f64, usize) + 'a>;

/// Part 2a: the core's share, in this process on the same file: each command's call (reading
/// the file and computing) and turning its answer into JSON, `runs` times each.
fn in_core(workspace: &Path, runs: usize) {
    let today = parse_date("today", TODAY).expect("TODAY is a date");
    let ws = Workspace::open(workspace, Clock::pinned(today)).expect("the generated workspace");
    let ws = &ws;
    let calls: [(&str, CoreCall); 2] = [
        (
            "board",
            Box::new(move || {
                let started = Instant::now();
                let answer = ws.board().expect("the board");
                let call = ms_since(started);
                let started = Instant::now();
                let json = serde_json::to_string(&answer).expect("JSON");
                (call, ms_since(started), json.len())
            }),
        ),
        (
            "weekly_view",
            Box::new(move || {
                let started = Instant::now();
                let answer = ws.weekly_view(None).expect("the weekly view");
                let call = ms_since(started);
                let started = Instant::now();
                let json = serde_json::to_string(&answer).expect("JSON");
                (call, ms_since(started), json.len())
            }),
        ),
    ];
    for (command, call) in calls {
        let (mut core, mut json, mut bytes) = (Vec::new(), Vec::new(), 0);
        for _ in 0..runs {
            let (c, j, b) = call();
            core.push(c);
            json.push(j);
            bytes = b;
        }
        println!(
            "{GENERATED_INITIATIVES} initiatives, {command} in the core: {}; to JSON {}; {} KiB",
            median_of(&core),
            median_of(&json),
            bytes / 1024
        );
    }
}

/// Part 2b: the board and the home view in the window, on a fresh start of the app on a copy
/// of the generated workspace each run: the home view painted after the page started, the
/// board after navigating to it the first time (read through IPC, then rendered) and again
/// (from the UI's cache: rendered only), the home view after navigating back (from the
/// cache); and each view's command called through the window's IPC (the core, the JSON both
/// ways and the IPC itself).
async fn in_window(workspace: &Path, runs: usize) {
    const HOME: &str = "#review-reminder, #review-sent";
    const BOARD: &str = ".board .lane .card";
    let mut times: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut record = |what: &'static str, ms: f64| match times.iter_mut().find(|(w, _)| *w == what)
    {
        Some((_, all)) => all.push(ms),
        None => times.push((what, vec![ms])),
    };
    let mut sizes: HashMap<&str, f64> = HashMap::new();
    for run in 1..=runs {
        let app = App::launch_copy("measure-at-scale", workspace)
            .await
            .expect("launching the app");
        let started = app
            .driver
            .execute_async(STARTED, vec![HOME.into()])
            .await
            .and_then(|r| r.convert::<f64>())
            .expect("the home view at start");
        record("home view painted after the page started", started);
        let steps = [
            (
                "board painted after navigation, first time (IPC + render)",
                "#/board",
                BOARD,
            ),
            (
                "home view painted after navigation (cached: render)",
                "#/",
                HOME,
            ),
            (
                "board painted after navigation again (cached: render)",
                "#/board",
                BOARD,
            ),
        ];
        for (what, hash, selector) in steps {
            let ms = app
                .driver
                .execute_async(NAVIGATE, vec![hash.into(), selector.into()])
                .await
                .and_then(|r| r.convert::<f64>())
                .unwrap_or_else(|e| panic!("run {run}, {what}: {e}"));
            record(what, ms);
        }
        for (command, args) in COMMANDS {
            let args: serde_json::Value = serde_json::from_str(args).expect("arguments");
            let answer = app
                .driver
                .execute_async(INVOKE, vec![command.into(), args])
                .await
                .and_then(|r| r.convert::<(f64, f64)>())
                .unwrap_or_else(|e| panic!("run {run}, invoking {command}: {e}"));
            record(
                match command {
                    "board" => "board command through IPC",
                    _ => "weekly_view command through IPC",
                },
                answer.0,
            );
            sizes.insert(command, answer.1);
        }
        app.finish("measure-at-scale").await;
    }
    for (what, ms) in &times {
        println!(
            "{GENERATED_INITIATIVES} initiatives, {what}: {}",
            median_of(ms)
        );
    }
    for (command, _) in COMMANDS {
        println!(
            "{GENERATED_INITIATIVES} initiatives, {command} answer in the window: {:.0} KiB of JSON",
            sizes[command] / 1024.0
        );
    }
    println!("goal: the board and the home view painted within 100 ms of navigation");
}

/// Part 2: the app at scale, on a generated workspace of 1,000 initiatives.
async fn at_scale(runs: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let workspace = dir.path().join("generated.db");
    seed_workspace(&workspace, Seed::Generated).expect("the generated workspace");
    in_core(&workspace, runs);
    in_window(&workspace, runs).await;
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let runs: usize = args
        .next()
        .map(|n| n.parse().expect("RUNS is a number"))
        .unwrap_or(5);
    let part = args.next();
    let wanted = |name: &str| part.as_deref().is_none_or(|p| p == name);
    assert!(
        wanted("memory") || wanted("scale"),
        "the part is `memory` or `scale` (or none, for both)"
    );
    if wanted("memory") {
        tokio::task::spawn_blocking(move || against_bare_window(runs))
            .await
            .expect("measuring start-up and memory");
    }
    if wanted("scale") {
        at_scale(runs).await;
    }
}
