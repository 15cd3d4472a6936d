//! The end-to-end harness. Each test gets its own workspace file and its own tauri-driver
//! (which starts WebKitWebDriver, which starts the app), so the app's environment —
//! `CADENCE_DB`, `CADENCE_TODAY`, its config and data directories — belongs to that test alone.
//! Run under a display (`xvfb-run`), after building the app with the custom-protocol feature.

pub mod desktop;
pub mod memory;
pub mod notifications;

use std::fs::{self, File};
use std::net::{TcpListener, TcpStream};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use cadence::calendar::{parse_date, Clock};
use cadence::store::Workspace;
use cadence::usecases::backups;
use futures_util::FutureExt;
use tempfile::TempDir;
use thirtyfour::prelude::*;
use thirtyfour::TypingData;

/// Today in every end-to-end test: a Wednesday.
pub const TODAY: &str = "2026-03-04";

/// How long a test waits for something to appear.
const PATIENCE: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(100);

/// What the workspace holds when the app starts.
#[derive(Debug, Clone, Copy)]
pub enum Seed {
    /// Nothing: the app shows its welcome.
    Empty,
    /// The sample company, loaded through the core before launch.
    Sample,
    /// The sample company with these workspace settings (key, value) set before launch.
    SampleWith(&'static [(&'static str, &'static str)]),
    /// The sample company, then this done to it through the core before launch.
    SampleThen(fn(&mut Workspace)),
    /// The sample company dated this many days after the window's today, so that the window
    /// shows it as it stood that many days before the sample's today (with what the sample
    /// records later already in the file).
    SampleAhead(i64),
    /// The sample company with its automatic backup of the day before, then the workspace
    /// file damaged in the middle so that its integrity check fails.
    Damaged,
    /// A large company for measuring: [`GENERATED_INITIATIVES`] active initiatives with a
    /// year of weekly check-ins, generated through the core (the check-ins in bulk).
    Generated,
}

/// How many initiatives [`Seed::Generated`] holds.
pub const GENERATED_INITIATIVES: usize = 1000;

/// Where screenshots and driver logs go (kept by CI).
pub fn artifacts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../e2e-artifacts")
}

/// The desktop binary under test: `CADENCE_APP`, else the debug build of the workspace.
pub fn app_binary() -> PathBuf {
    std::env::var_os("CADENCE_APP")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/cadence-desktop")
        })
}

/// The `cadence` command line: `CADENCE_CLI`, else the debug build of the workspace.
fn cli_binary() -> PathBuf {
    std::env::var_os("CADENCE_CLI")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/cadence"))
}

/// tauri-driver: `TAURI_DRIVER`, else the one `cargo install` put in ~/.cargo/bin, else PATH.
fn tauri_driver_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return p.into();
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")));
    cargo_home
        .map(|h| h.join("bin/tauri-driver"))
        .filter(|p| p.exists())
        .unwrap_or_else(|| "tauri-driver".into())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free local port")
        .port()
}

/// A running tauri-driver; stopped with SIGTERM so that it takes WebKitWebDriver down too.
struct DriverProcess(Child);

impl Drop for DriverProcess {
    /// Stops tauri-driver and everything it started. The app below it is found first: once
    /// its parents are gone it would live on, and the next test's app would hand over to it
    /// (one instance at a time) and exit.
    fn drop(&mut self) {
        let below = descendants(self.0.id() as libc::pid_t);
        let pid = self.0.id() as libc::pid_t;
        // SAFETY: signalling a child process we started and have not reaped yet.
        unsafe { libc::kill(pid, libc::SIGTERM) };
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut stopped = false;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                stopped = true;
                break;
            }
            std::thread::sleep(POLL);
        }
        if !stopped {
            eprintln!("tauri-driver did not stop on SIGTERM; killing it");
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
        for child in below {
            // SAFETY: a process of this test's own tree; one already gone is left alone.
            unsafe { libc::kill(child, libc::SIGKILL) };
        }
    }
}

/// Overwrites the second and third pages of a closed workspace file with garbage: the file
/// still opens as a Cadence workspace, but its integrity check fails.
fn damage(workspace: &Path) -> std::io::Result<()> {
    let mut bytes = fs::read(workspace)?;
    assert!(
        bytes.len() > 3 * 4096,
        "the sample company fills several pages"
    );
    bytes[4096 + 100..3 * 4096].fill(0xA5);
    fs::write(workspace, bytes)
}

/// Fills the new workspace file `workspace` as `seed` says.
pub fn seed_workspace(workspace: &Path, seed: Seed) -> std::io::Result<()> {
    let today = parse_date("today", TODAY).expect("TODAY is a date");
    match seed {
        Seed::Empty => {}
        Seed::Sample | Seed::SampleWith(_) | Seed::SampleThen(_) | Seed::Damaged => {
            Workspace::open_or_create(workspace, Clock::pinned(today))
                .and_then(|mut ws| ws.load_sample(false))
                .expect("loading the sample company")
        }
        Seed::SampleAhead(days) => Workspace::open_or_create(
            workspace,
            Clock::pinned(today + chrono::Duration::days(days)),
        )
        .and_then(|mut ws| ws.load_sample(false))
        .expect("loading the sample company"),
        Seed::Generated => generate(workspace, GENERATED_INITIATIVES, 52),
    }
    if let Seed::SampleWith(settings) = seed {
        let mut ws = Workspace::open(workspace, Clock::pinned(today)).expect("opening the sample");
        for (key, value) in settings {
            ws.set_known_setting(key, value)
                .unwrap_or_else(|e| panic!("setting {key} to {value}: {e}"));
        }
    }
    if let Seed::SampleThen(prepare) = seed {
        let mut ws = Workspace::open(workspace, Clock::pinned(today)).expect("opening the sample");
        prepare(&mut ws);
    }
    if matches!(seed, Seed::Damaged) {
        let yesterday = today.pred_opt().expect("a day before TODAY");
        Workspace::open(workspace, Clock::pinned(yesterday))
            .and_then(|ws| backups::take_daily(&ws))
            .expect("the automatic backup of the day before");
        damage(workspace)?;
    }
    Ok(())
}

/// Generates `initiatives` active initiatives (60 owners) through the core, each with a
/// check-in for each of the `weeks` weeks before [`TODAY`] and one open blocker in ten.
fn generate(workspace: &Path, initiatives: usize, weeks: i64) {
    use cadence::calendar::IsoWeek;
    use cadence::model::{NewInitiative, RiskLevel, Status, Track};
    use chrono::Duration as Days;

    let today = parse_date("today", TODAY).expect("TODAY is a date");
    let start = today - Days::weeks(weeks);
    let mut ws = Workspace::open_or_create(workspace, Clock::pinned(start)).expect("workspace");
    let tracks = [Track::Customer, Track::Enabler, Track::Discovery];
    for n in 0..initiatives {
        let target = today + Days::days(14 + (n % 150) as i64);
        ws.add_initiative(&NewInitiative {
            title: format!("Initiative {n}: improve the invoice flow"),
            owner: format!("Owner {}", n % 60),
            track: Some(tracks[n % tracks.len()]),
            status: Some(Status::Active),
            target_date: Some(target.to_string()),
            backup_date: Some((target + Days::days(14)).to_string()),
            risk: Some("the payment provider may change its API".into()),
            risk_level: Some(RiskLevel::Medium),
            ..Default::default()
        })
        .expect("adding an initiative");
    }
    drop(ws);
    let mut conn = rusqlite::Connection::open(workspace).expect("workspace");
    let tx = conn.transaction().expect("transaction");
    {
        let mut checkin = tx
            .prepare(
                "INSERT INTO checkins(initiative_id, week, health, progress, recorded_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .expect("prepare");
        let health = ["on-track", "on-track", "at-risk", "off-track"];
        for w in 0..weeks {
            let monday = start + Days::weeks(w);
            let at = format!("{} 10:00:00", monday + Days::days(1));
            for n in 0..initiatives {
                checkin
                    .execute(rusqlite::params![
                        n as i64 + 1,
                        IsoWeek::of(monday).to_string(),
                        health[(n + w as usize / 5) % health.len()],
                        format!("Working on part {} of the flow", w / 2),
                        at,
                    ])
                    .expect("check-in");
            }
        }
        let mut blocker = tx
            .prepare(
                "INSERT INTO blockers(initiative_id, text, owner_id, since, created_at) \
                 VALUES (?1, ?2, (SELECT owner_id FROM initiatives WHERE id = ?1), ?3, ?4)",
            )
            .expect("prepare");
        for n in (0..initiatives).step_by(10) {
            let since = today - Days::days((n % 30) as i64 + 1);
            blocker
                .execute(rusqlite::params![
                    n as i64 + 1,
                    format!("Waiting for access to system {}", n % 13),
                    since.to_string(),
                    format!("{since} 09:00:00"),
                ])
                .expect("blocker");
        }
    }
    tx.commit().expect("commit");
}

/// Names the element a failed WebDriver call was about.
fn about(css: &str, e: WebDriverError) -> WebDriverError {
    WebDriverError::FatalError(format!("`{css}`: {e}"))
}

/// The environment the app runs in: its workspace, today's date and its own config, data and
/// cache directories under `dir`.
pub fn app_env(command: &mut Command, dir: &Path, workspace: &Path) {
    command
        .env("CADENCE_DB", workspace)
        .env("CADENCE_TODAY", TODAY)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CACHE_HOME", dir.join("cache"));
}

/// The environment of the app under test: [`app_env`], and a home directory of its own under
/// `dir` (what is written outside the XDG directories, such as the start at login entry in
/// ~/.config/autostart, lands there, never in the real home).
fn test_app_env(command: &mut Command, dir: &Path, workspace: &Path) -> std::io::Result<()> {
    let home = home_in(dir);
    fs::create_dir_all(&home)?;
    app_env(command, dir, workspace);
    command.env("HOME", home);
    Ok(())
}

/// The home directory of the app whose directories are under `dir`.
fn home_in(dir: &Path) -> PathBuf {
    dir.join("home")
}

/// The app under test, driven through WebDriver.
pub struct App {
    pub driver: WebDriver,
    /// The workspace file the app works on.
    pub workspace: PathBuf,
    tauri_driver: DriverProcess,
    dir: TempDir,
}

impl App {
    /// Starts the app on a fresh workspace seeded with `seed`; the driver's log goes to
    /// `e2e-artifacts/<name>.driver.log`.
    pub async fn launch(name: &str, seed: Seed) -> WebDriverResult<App> {
        let dir = tempfile::tempdir()?;
        let workspace = dir.path().join("workspace.db");
        seed_workspace(&workspace, seed)?;
        App::launch_in(name, dir, workspace).await
    }

    /// Starts the app on a fresh copy of the workspace file `source`; the driver's log goes
    /// to `e2e-artifacts/<name>.driver.log`.
    pub async fn launch_copy(name: &str, source: &Path) -> WebDriverResult<App> {
        let dir = tempfile::tempdir()?;
        let workspace = dir.path().join("workspace.db");
        fs::copy(source, &workspace)?;
        App::launch_in(name, dir, workspace).await
    }

    /// Starts the app again in this app's environment — same workspace, same config
    /// directory — once this one is gone (see [`App::close_window`]); the driver's log goes
    /// to `e2e-artifacts/<name>.driver.log`.
    pub async fn relaunch(self, name: &str) -> WebDriverResult<App> {
        let App {
            driver,
            workspace,
            tauri_driver,
            dir,
        } = self;
        // The session ended with the app's window; the driver answers with an error.
        let _ = driver.quit().await;
        drop(tauri_driver);
        App::launch_in(name, dir, workspace).await
    }

    /// Starts tauri-driver and, through it, the app on `workspace` with its directories
    /// under `dir`; the driver's log goes to `e2e-artifacts/<name>.driver.log`.
    async fn launch_in(name: &str, dir: TempDir, workspace: PathBuf) -> WebDriverResult<App> {
        let binary = app_binary();
        assert!(
            binary.exists(),
            "{} is missing: build it with `make e2e` (cargo build -p cadence-desktop --features custom-protocol)",
            binary.display()
        );
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no display: run the end-to-end tests under xvfb-run (make e2e)"
        );
        fs::create_dir_all(artifacts_dir())?;
        let log = File::create(artifacts_dir().join(format!("{name}.driver.log")))?;
        let port = free_port();
        let native_port = free_port();
        let mut command = Command::new(tauri_driver_binary());
        test_app_env(&mut command, dir.path(), &workspace)?;
        let child = command
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .map_err(|e| {
                WebDriverError::FatalError(format!(
                    "starting tauri-driver ({e}); install it with `cargo install tauri-driver --locked`"
                ))
            })?;
        let tauri_driver = DriverProcess(child);
        // tauri-driver starts WebKitWebDriver as it starts; a session asked for before both
        // listen is refused ("Connection refused" from the native port).
        eventually(async || {
            Ok(TcpStream::connect(("127.0.0.1", port))
                .and_then(|_| TcpStream::connect(("127.0.0.1", native_port)))
                .map(drop)
                .map_err(|_| "tauri-driver or WebKitWebDriver did not start listening".to_string()))
        })
        .await?;
        let mut caps = Capabilities::new();
        caps.set(
            "tauri:options",
            serde_json::json!({ "application": binary.to_string_lossy() }),
        )?;
        let driver = WebDriver::new(format!("http://127.0.0.1:{port}"), caps).await?;
        Ok(App {
            driver,
            workspace,
            tauri_driver,
            dir,
        })
    }

    /// The first displayed element matching `css`, waiting for it to appear.
    pub async fn find(&self, css: &str) -> WebDriverResult<WebElement> {
        self.driver
            .query(By::Css(css))
            .wait(PATIENCE, POLL)
            .and_displayed()
            .first()
            .await
            .map_err(|e| about(css, e))
    }

    /// Every element matching `css`, once at least one is displayed.
    pub async fn find_all(&self, css: &str) -> WebDriverResult<Vec<WebElement>> {
        self.find(css).await?;
        self.driver.find_all(By::Css(css)).await
    }

    pub async fn click(&self, css: &str) -> WebDriverResult<()> {
        self.find(css)
            .await?
            .click()
            .await
            .map_err(|e| about(css, e))
    }

    /// Replaces the text of the input matching `css`.
    pub async fn fill(&self, css: &str, text: &str) -> WebDriverResult<()> {
        let input = self.find(css).await?;
        input.clear().await.map_err(|e| about(css, e))?;
        input.send_keys(text).await.map_err(|e| about(css, e))
    }

    /// Chooses the option labelled `label` in the select matching `css` by typing its label,
    /// as a keyboard user would (clicking opens a GTK popup that stops the page's repaints).
    pub async fn select(&self, css: &str, label: &str) -> WebDriverResult<()> {
        let select = self.find(css).await?;
        select.send_keys(label).await.map_err(|e| about(css, e))?;
        let shown: String = self
            .driver
            .execute(
                "return arguments[0].selectedOptions[0].textContent",
                vec![select.to_json()?],
            )
            .await?
            .convert()?;
        self.driver
            .execute("arguments[0].blur()", vec![select.to_json()?])
            .await?;
        if shown == label {
            Ok(())
        } else {
            Err(WebDriverError::FatalError(format!(
                "`{css}` shows “{shown}”, not “{label}”"
            )))
        }
    }

    /// Types keys into whatever has focus, as a person at the keyboard would.
    pub async fn keys(&self, keys: impl Into<TypingData>) -> WebDriverResult<()> {
        self.driver.action_chain().send_keys(keys).perform().await
    }

    /// Waits until the element matching `css` shows text containing `needle`; returns the text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> WebDriverResult<String> {
        let mut last = String::new();
        eventually(async || {
            if let Ok(el) = self.driver.find(By::Css(css)).await {
                if let Ok(text) = el.text().await {
                    if text.contains(needle) {
                        return Ok(Ok(text));
                    }
                    last = text;
                }
            }
            Ok(Err(format!(
                "`{css}` never showed “{needle}”; last seen: “{last}”"
            )))
        })
        .await
    }

    /// Waits until `server` has received a notification titled `summary`; the first such.
    pub async fn notification(
        &self,
        server: &notifications::NotificationServer,
        summary: &str,
    ) -> WebDriverResult<notifications::Received> {
        eventually(async || {
            let received = server.received();
            Ok(received
                .iter()
                .find(|n| n.summary == summary)
                .cloned()
                .ok_or_else(|| {
                    format!("no notification titled “{summary}” came; received: {received:?}")
                }))
        })
        .await
    }

    /// Whether the app's process is still running (its window may be hidden).
    pub fn running(&self) -> bool {
        descendants(self.driver_pid() as libc::pid_t)
            .into_iter()
            .any(|pid| {
                fs::read_to_string(format!("/proc/{pid}/comm"))
                    .is_ok_and(|comm| comm.trim() == APP_PROCESS)
            })
    }

    /// Whether the main window is shown on the display.
    pub fn window_shown(&self) -> bool {
        visible_windows(&format!("^{WINDOW_TITLE}$")).is_ok_and(|found| !found.is_empty())
    }

    /// Waits until no element matches `css`.
    pub async fn wait_gone(&self, css: &str) -> WebDriverResult<()> {
        self.driver
            .query(By::Css(css))
            .wait(PATIENCE, POLL)
            .and_displayed()
            .not_exists()
            .await
            .and_then(|gone| {
                if gone {
                    Ok(())
                } else {
                    Err(WebDriverError::FatalError(format!(
                        "`{css}` is still shown"
                    )))
                }
            })
    }

    /// Launches the app a second time in the same environment and waits up to `patience` for
    /// it to exit; `None` when it was still running (it is then stopped).
    pub fn launch_again(&self, patience: Duration) -> std::io::Result<Option<ExitStatus>> {
        let mut command = Command::new(app_binary());
        test_app_env(&mut command, self.dir.path(), &self.workspace)?;
        let mut second = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let deadline = Instant::now() + patience;
        while Instant::now() < deadline {
            if let Some(status) = second.try_wait()? {
                return Ok(Some(status));
            }
            std::thread::sleep(POLL);
        }
        second.kill()?;
        second.wait()?;
        Ok(None)
    }

    /// Runs the `cadence` command line with `args` on the app's workspace, as a person in a
    /// terminal beside the window would; its standard output, or what it said when it failed.
    pub fn cli(&self, args: &[&str]) -> WebDriverResult<String> {
        let binary = cli_binary();
        let mut command = Command::new(&binary);
        app_env(&mut command, self.dir.path(), &self.workspace);
        let out = command.args(args).output().map_err(|e| {
            WebDriverError::FatalError(format!(
                "running {} ({e}); build it with `make e2e` (cargo build -p cadence --bin cadence)",
                binary.display()
            ))
        })?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(WebDriverError::FatalError(format!(
                "cadence {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            )))
        }
    }

    /// The app's home directory (`HOME`), which belongs to this test alone.
    pub fn home(&self) -> PathBuf {
        home_in(self.dir.path())
    }

    /// A path in this test's own directory, for files the app is asked to write.
    pub fn scratch(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Answers the native save dialog titled `title` as a person would: focuses it, types
    /// `path` in its name field and presses Enter (xdotool; WebDriver cannot reach GTK).
    pub async fn answer_save_dialog(&self, title: &str, path: &Path) -> WebDriverResult<()> {
        let window = self.native_window(title).await?;
        xdotool(&["windowfocus", "--sync", &window])?;
        xdotool(&["key", "--clearmodifiers", "ctrl+a"])?;
        xdotool(&["type", "--delay", "15", &path.to_string_lossy()])?;
        xdotool(&["key", "Return"])?;
        Ok(())
    }

    /// Answers the native open dialog titled `title` with the file `path`: the location entry
    /// (Ctrl+L) takes the path, Return opens it.
    /// Return may first be taken by the entry's completion, so it is pressed again (on the
    /// dialog only) until the dialog closes.
    pub async fn answer_open_dialog(&self, title: &str, path: &Path) -> WebDriverResult<()> {
        let window = self.native_window(title).await?;
        xdotool(&["windowfocus", "--sync", &window])?;
        xdotool(&["key", "--clearmodifiers", "ctrl+l"])?;
        xdotool(&["type", "--delay", "15", &path.to_string_lossy()])?;
        for _ in 0..5 {
            tokio::time::sleep(Duration::from_millis(1000)).await;
            let shown =
                visible_windows(&format!("^{title}$")).map_err(WebDriverError::FatalError)?;
            if !shown.contains(&window) {
                return Ok(());
            }
            xdotool(&["windowfocus", "--sync", &window])?;
            xdotool(&["key", "Return"])?;
        }
        Err(WebDriverError::FatalError(format!(
            "the dialog “{title}” did not take {}",
            path.display()
        )))
    }

    /// What the clipboard holds as `target` (`text/html`, `UTF8_STRING`…), read with xclip
    /// from the test display; waits until it holds something.
    pub async fn clipboard(&self, target: &str) -> WebDriverResult<String> {
        eventually(async || {
            let out = Command::new("xclip")
                .args(["-o", "-selection", "clipboard", "-t", target])
                .output()
                .map_err(|e| {
                    WebDriverError::FatalError(format!(
                        "running xclip ({e}); `make e2e` installs it"
                    ))
                })?;
            let text = String::from_utf8_lossy(&out.stdout).into_owned();
            Ok(if out.status.success() && !text.is_empty() {
                Ok(text)
            } else {
                Err(format!("the clipboard never held {target}"))
            })
        })
        .await
    }

    /// Waits for a native window (a GTK dialog) titled exactly `title`; its X window id.
    pub async fn native_window(&self, title: &str) -> WebDriverResult<String> {
        eventually(async || {
            Ok(visible_windows(&format!("^{title}$")).and_then(|found| {
                found
                    .into_iter()
                    .next()
                    .ok_or_else(|| format!("no window titled “{title}” appeared"))
            }))
        })
        .await
    }

    /// Dismisses the native dialog `window` with Escape and waits until it is gone.
    pub async fn dismiss_native(&self, window: &str) -> WebDriverResult<()> {
        xdotool(&["windowfocus", "--sync", window])?;
        xdotool(&["key", "Escape"])?;
        eventually(async || {
            Ok(visible_windows(".").and_then(|shown| {
                if shown.iter().any(|id| id == window) {
                    Err(format!("window {window} did not close"))
                } else {
                    Ok(())
                }
            }))
        })
        .await
    }

    /// The process id of the tauri-driver behind this app (the app runs below it).
    pub fn driver_pid(&self) -> u32 {
        self.tauri_driver.0.id()
    }

    /// Where the app's main window is and how large: `x`, `y`, `width`, `height` on the
    /// test display.
    pub async fn window_geometry(&self) -> WebDriverResult<Geometry> {
        geometry_of(&self.native_window(WINDOW_TITLE).await?)
    }

    /// Moves and resizes the main window, as a person dragging it would, and waits until
    /// the display shows it there.
    pub async fn place_window(&self, to: Geometry) -> WebDriverResult<()> {
        let window = self.native_window(WINDOW_TITLE).await?;
        xdotool(&[
            "windowsize",
            &window,
            &to.width.to_string(),
            &to.height.to_string(),
        ])?;
        xdotool(&["windowmove", &window, &to.x.to_string(), &to.y.to_string()])?;
        eventually(async || {
            let now = self.window_geometry().await?;
            Ok(if now == to {
                Ok(())
            } else {
                Err(format!("the window stayed at {now:?}, not {to:?}"))
            })
        })
        .await
    }

    /// Closes the main window as the window manager does when its close button is clicked
    /// (a `WM_DELETE_WINDOW` message), and waits until the app has exited.
    pub async fn close_window(&self) -> WebDriverResult<()> {
        self.ask_to_close_until(
            |app| !app.running(),
            "the app did not exit when its window was closed",
        )
        .await
    }

    /// Closes the main window as [`App::close_window`] does, and waits until the window is
    /// gone from the display (the app itself may stay, in the tray).
    pub async fn close_window_only(&self) -> WebDriverResult<()> {
        self.ask_to_close_until(|app| !app.window_shown(), "the window stayed on screen")
            .await
    }

    /// Asks the main window to close until `done`. The request is made again each second, as
    /// a person clicks again when nothing happened: under WebDriver the app sometimes drops
    /// the first one (about one run in three here), and takes the second.
    async fn ask_to_close_until(
        &self,
        done: fn(&App) -> bool,
        missing: &str,
    ) -> WebDriverResult<()> {
        let window = self.native_window(WINDOW_TITLE).await?;
        let id: u32 = window
            .parse()
            .map_err(|e| WebDriverError::FatalError(format!("window id {window}: {e}")))?;
        let mut next_request = Instant::now();
        eventually(async || {
            if Instant::now() >= next_request {
                send_delete_window(id).map_err(|e| {
                    WebDriverError::FatalError(format!("asking window {window} to close: {e}"))
                })?;
                next_request += CLOSE_AGAIN;
            }
            Ok(if done(self) {
                Ok(())
            } else {
                Err(missing.to_string())
            })
        })
        .await
    }

    /// Takes the closing screenshot into `e2e-artifacts/<name>.png` and ends the session.
    pub async fn finish(self, name: &str) {
        if let Err(e) = self.screenshot(name).await {
            eprintln!("{name}: no screenshot: {e}");
        }
        if let Err(e) = self.driver.clone().quit().await {
            eprintln!("{name}: closing the session: {e}");
        }
    }

    /// Waits until the page's fonts are ready and a frame showing what is in the document
    /// now has been painted: before a screenshot of what just appeared or moved, which would
    /// otherwise catch the window before its first paint.
    pub async fn painted(&self) -> WebDriverResult<()> {
        const PAINTED: &str = r#"
const done = arguments[arguments.length - 1];
document.fonts.ready.then(() =>
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0))));
"#;
        self.driver
            .execute_async(PAINTED, Vec::new())
            .await
            .map(drop)
    }

    /// Saves what the window shows into `e2e-artifacts/<name>.png`.
    ///
    /// WebKitGTK takes a WebDriver screenshot once the window has next been repainted. Without
    /// a GPU the app paints without compositing (src-tauri/src/rendering.rs), and WebKit then
    /// repaints only what changed: on a page where nothing moves the screenshot would wait for
    /// ever. So a pixel no one sees is repainted every frame for a moment first ([`REPAINT`]).
    pub async fn screenshot(&self, name: &str) -> WebDriverResult<()> {
        self.driver.execute(REPAINT, Vec::new()).await?;
        self.driver
            .screenshot(&artifacts_dir().join(format!("{name}.png")))
            .await
    }
}

/// Tries `attempt` every [`POLL`] until it succeeds or [`PATIENCE`] has passed; then fails with
/// what the last attempt said was missing. An error from an attempt ends the wait at once.
pub async fn eventually<T>(
    mut attempt: impl AsyncFnMut() -> WebDriverResult<Result<T, String>>,
) -> WebDriverResult<T> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        match attempt().await? {
            Ok(found) => return Ok(found),
            Err(missing) if Instant::now() > deadline => {
                return Err(WebDriverError::FatalError(missing))
            }
            Err(_) => tokio::time::sleep(POLL).await,
        }
    }
}

/// Repaints, every animation frame for a second, a transparent pixel in the window's corner
/// that takes no events, then removes it: the repaint a screenshot waits for ([`App::screenshot`]).
const REPAINT: &str = r#"
const pixel = document.createElement("div");
pixel.style.cssText =
  "position:fixed;top:0;left:0;width:1px;height:1px;pointer-events:none;z-index:2147483647";
document.documentElement.append(pixel);
const until = performance.now() + 1000;
let odd = false;
const repaint = () => {
  odd = !odd;
  pixel.style.backgroundColor = odd ? "rgba(255, 255, 255, 0)" : "rgba(0, 0, 0, 0)";
  if (performance.now() < until) requestAnimationFrame(repaint);
  else pixel.remove();
};
repaint();
"#;

/// How long [`App::close_window`] waits before asking the window to close again.
const CLOSE_AGAIN: Duration = Duration::from_secs(1);

/// The ids of the visible windows whose name matches `pattern`, or why xdotool could not
/// tell: a window that closes while xdotool looks at it makes the whole search fail.
fn visible_windows(pattern: &str) -> Result<Vec<String>, String> {
    xdotool(&["search", "--onlyvisible", "--name", pattern])
        .map(|found| {
            found
                .lines()
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .map(String::from)
                .collect()
        })
        .map_err(|e| e.to_string())
}

/// The title of the app's main window.
const WINDOW_TITLE: &str = "Cadence";

/// The app's process name (as `/proc/PID/comm` gives it).
const APP_PROCESS: &str = "cadence-desktop";

/// A window's place and size on the display, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub x: i32,
    pub y: i32,
    pub width: i32,
    pub height: i32,
}

/// Where the X window `window` is on the test display and how large.
pub fn geometry_of(window: &str) -> WebDriverResult<Geometry> {
    let shell = xdotool(&["getwindowgeometry", "--shell", window])?;
    let field = |key: &str| -> WebDriverResult<i32> {
        shell
            .lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| WebDriverError::FatalError(format!("xdotool gave no {key}: {shell}")))
    };
    Ok(Geometry {
        x: field("X")?,
        y: field("Y")?,
        width: field("WIDTH")?,
        height: field("HEIGHT")?,
    })
}

/// Sends `WM_DELETE_WINDOW` to `window` on the test display: what a window manager sends
/// when its close button is clicked (there is no window manager under Xvfb).
fn send_delete_window(window: u32) -> Result<(), Box<dyn std::error::Error>> {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt, EventMask};
    use x11rb::CURRENT_TIME;

    let (conn, _screen) = x11rb::connect(None)?;
    let protocols = conn.intern_atom(false, b"WM_PROTOCOLS")?.reply()?.atom;
    let delete = conn.intern_atom(false, b"WM_DELETE_WINDOW")?.reply()?.atom;
    let message = ClientMessageEvent::new(32, window, protocols, [delete, CURRENT_TIME, 0, 0, 0]);
    conn.send_event(false, window, EventMask::NO_EVENT, message)?;
    conn.flush()?;
    Ok(())
}

/// Every process below `root` (read from /proc; none where there is no /proc).
fn descendants(root: libc::pid_t) -> Vec<libc::pid_t> {
    let mut parents: Vec<(libc::pid_t, libc::pid_t)> = Vec::new();
    for entry in fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<libc::pid_t>() else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // After the command name in parentheses: the state, then the parent's pid.
        let parent = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1))
            .and_then(|p| p.parse().ok());
        if let Some(parent) = parent {
            parents.push((pid, parent));
        }
    }
    let mut found = Vec::new();
    let mut frontier = vec![root];
    while let Some(p) = frontier.pop() {
        for &(child, parent) in &parents {
            if parent == p && !found.contains(&child) {
                found.push(child);
                frontier.push(child);
            }
        }
    }
    found
}

/// Runs `xdotool` with `args` on the test display; its standard output.
pub(crate) fn xdotool(args: &[&str]) -> WebDriverResult<String> {
    let out = Command::new("xdotool").args(args).output().map_err(|e| {
        WebDriverError::FatalError(format!("running xdotool ({e}); `make e2e` installs it"))
    })?;
    if !out.status.success() && !out.stderr.is_empty() {
        return Err(WebDriverError::FatalError(format!(
            "xdotool {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Runs one end-to-end test: launches the app on a fresh workspace (retrying a failed launch
/// once, as GTK under Xvfb sometimes fails its first start), runs `body`, takes a screenshot
/// into `e2e-artifacts/<name>.png` whatever the outcome, and stops everything.
pub async fn run_test<F>(name: &str, seed: Seed, body: F)
where
    F: AsyncFnOnce(&App) -> WebDriverResult<()>,
{
    let app = launch_retrying(name, seed).await;
    let outcome = AssertUnwindSafe(body(&app)).catch_unwind().await;
    app.finish(name).await;
    settle(name, outcome);
}

/// Runs an end-to-end test across a restart: `before` on a fresh app, then its window is
/// closed as a person closes it, the app is started again in the same environment and
/// `after` runs on it. The screenshot is of whichever app the test ended on.
pub async fn run_test_across_restart<F, G>(name: &str, seed: Seed, before: F, after: G)
where
    F: AsyncFnOnce(&App) -> WebDriverResult<()>,
    G: AsyncFnOnce(&App) -> WebDriverResult<()>,
{
    let app = launch_retrying(name, seed).await;
    let outcome = AssertUnwindSafe(async {
        before(&app).await?;
        app.close_window().await
    })
    .catch_unwind()
    .await;
    if !matches!(outcome, Ok(Ok(()))) {
        app.finish(name).await;
        return settle(name, outcome);
    }
    let app = app
        .relaunch(&format!("{name}.restarted"))
        .await
        .expect("starting the app again");
    let outcome = AssertUnwindSafe(after(&app)).catch_unwind().await;
    app.finish(name).await;
    settle(name, outcome);
}

/// Launches the app, once more if the first launch fails.
async fn launch_retrying(name: &str, seed: Seed) -> App {
    match App::launch(name, seed).await {
        Ok(app) => app,
        Err(first) => {
            eprintln!("{name}: launch failed ({first}); retrying once");
            App::launch(name, seed).await.expect("launching the app")
        }
    }
}

/// Turns a test body's outcome into the test's: an error or a panic fails it.
fn settle(name: &str, outcome: std::thread::Result<WebDriverResult<()>>) {
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(e)) => panic!("{name}: {e}"),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}
