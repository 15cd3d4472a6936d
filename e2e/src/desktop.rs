//! A desktop around the app under Xvfb, for the tests that look at what a person sees outside
//! the window: GNOME's notification daemon draws each notification as a bubble, and trayer
//! hosts tray icons over XEmbed (with no StatusNotifierWatcher on the bus, the app's
//! libayatana-appindicator tray icon falls back to a GtkStatusIcon, which embeds there).
//! Screenshots are of the whole X screen (ImageMagick's `import`), and the text on screen is
//! read back with tesseract, so a test checks what was drawn, not only what was sent.
//! `make e2e` installs the three (scripts/ensure-packages.sh).

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use thirtyfour::prelude::*;
use x11rb::protocol::xproto::ConnectionExt;

use crate::{artifacts_dir, eventually, geometry_of, xdotool, Geometry};

/// Where GNOME's notification daemon is installed (it is not on PATH).
const NOTIFICATION_DAEMON: &str = "/usr/lib/notification-daemon/notification-daemon";

/// What the programs below are missing from when one cannot start.
const INSTALL: &str = "`make e2e` installs it (deps-e2e)";

/// The notification daemon and the tray host, running on the test display and session bus
/// until dropped.
pub struct Desktop {
    daemons: Vec<Child>,
    scratch: tempfile::TempDir,
}

impl Desktop {
    /// Starts the notification daemon and the tray host (at the bottom right of the screen)
    /// and waits until both are serving: the daemon owns `org.freedesktop.Notifications` on
    /// the session bus, the host owns the display's system tray selection.
    pub async fn start() -> WebDriverResult<Desktop> {
        let mut desktop = Desktop {
            daemons: Vec::new(),
            scratch: tempfile::tempdir()?,
        };
        desktop.daemons.push(spawn(NOTIFICATION_DAEMON, &[])?);
        desktop.daemons.push(spawn(
            "trayer",
            &[
                "--edge",
                "bottom",
                "--align",
                "right",
                "--widthtype",
                "request",
                "--height",
                "32",
                "--iconspacing",
                "4",
            ],
        )?);
        let bus = zbus::Connection::session().await.map_err(fatal)?;
        let dbus = zbus::fdo::DBusProxy::new(&bus).await.map_err(fatal)?;
        eventually(async || {
            let owned = dbus
                .name_has_owner("org.freedesktop.Notifications".try_into().map_err(fatal)?)
                .await
                .map_err(fatal)?;
            Ok(if !owned {
                Err("the notification daemon never took its name on the session bus".into())
            } else if !tray_has_host().map_err(fatal)? {
                Err("trayer never took the system tray selection".into())
            } else {
                Ok(())
            })
        })
        .await?;
        Ok(desktop)
    }

    /// Waits for the notification daemon's bubble on screen; its window id.
    pub async fn notification_bubble(&self) -> WebDriverResult<String> {
        eventually(async || {
            Ok(bubbles()?
                .into_iter()
                .next()
                .ok_or_else(|| "no notification bubble appeared".to_string()))
        })
        .await
    }

    /// Waits until no notification bubble is on screen.
    pub async fn no_notification_bubble(&self) -> WebDriverResult<()> {
        eventually(async || {
            Ok(if bubbles()?.is_empty() {
                Ok(())
            } else {
                Err("the notification bubble stayed on screen".into())
            })
        })
        .await
    }

    /// Waits for the app's icon embedded in the tray host; its window id.
    pub async fn tray_icon(&self) -> WebDriverResult<String> {
        let host = wait_window("--class", "^trayer$", "trayer showed no panel").await?;
        let host: u32 = host.parse().map_err(fatal)?;
        eventually(async || {
            for window in search("--name", "^cadence-desktop$")? {
                let id: u32 = window.parse().map_err(fatal)?;
                if ancestors(id).map_err(fatal)?.contains(&host) {
                    return Ok(Ok(window));
                }
            }
            Ok(Err("no Cadence icon is embedded in the tray".into()))
        })
        .await
    }

    /// Waits for a menu of the app's (a popup window of the app other than `besides`, larger
    /// than an icon) on screen; its window id.
    pub async fn app_menu(&self, besides: &str) -> WebDriverResult<String> {
        eventually(async || {
            for window in search("--name", "^cadence-desktop$")? {
                if window == besides {
                    continue;
                }
                let at = geometry_of(&window)?;
                if at.x >= 0 && at.y >= 0 && at.width > 48 && at.height > 48 {
                    return Ok(Ok(window));
                }
            }
            Ok(Err("no menu of Cadence's opened".into()))
        })
        .await
    }

    /// Saves the whole X screen into `e2e-artifacts/<name>.png`; its path.
    pub fn screenshot(&self, name: &str) -> WebDriverResult<PathBuf> {
        let path = artifacts_dir().join(format!("{name}.png"));
        run("import", &["-window", "root", &path.to_string_lossy()])?;
        Ok(path)
    }

    /// The lines of text drawn in `area` of the screen, read by tesseract from a capture
    /// enlarged three times; each with where it is on the screen.
    pub fn read(&self, area: Geometry) -> WebDriverResult<Vec<Line>> {
        let image = self.scratch.path().join("area.png");
        let crop = format!("{}x{}+{}+{}", area.width, area.height, area.x, area.y);
        run(
            "import",
            &[
                "-window",
                "root",
                "-crop",
                &crop,
                "+repage",
                "-resize",
                &format!("{SCALE}00%"),
                &image.to_string_lossy(),
            ],
        )?;
        let tsv = run("tesseract", &[&image.to_string_lossy(), "stdout", "tsv"])?;
        Ok(lines(&tsv, area))
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        for daemon in &mut self.daemons {
            // SAFETY: signalling a child process this desktop started and has not reaped yet.
            unsafe { libc::kill(daemon.id() as libc::pid_t, libc::SIGTERM) };
            let _ = daemon.wait();
        }
    }
}

/// How much larger than the screen tesseract reads: small UI text is read reliably so.
const SCALE: i32 = 3;

/// A line of text on the screen and the box around it, in screen pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    pub area: Geometry,
}

impl Line {
    /// The middle of the line, where a person clicks it.
    pub fn middle(&self) -> (i32, i32) {
        (
            self.area.x + self.area.width / 2,
            self.area.y + self.area.height / 2,
        )
    }
}

/// The lines of tesseract's TSV output (a word per row: level 5), their boxes moved from the
/// enlarged capture of `area` back onto the screen.
fn lines(tsv: &str, area: Geometry) -> Vec<Line> {
    let mut out: Vec<((u32, u32, u32), Line)> = Vec::new();
    for row in tsv.lines().skip(1) {
        let cells: Vec<&str> = row.split('\t').collect();
        let [level, _page, block, par, line, _word, left, top, width, height, _conf, text] =
            cells[..]
        else {
            continue;
        };
        let text = text.trim();
        if level != "5" || text.is_empty() {
            continue;
        }
        let number = |s: &str| s.parse::<i32>().unwrap_or(0);
        let id = (
            block.parse().unwrap_or(0),
            par.parse().unwrap_or(0),
            line.parse().unwrap_or(0),
        );
        let word = Geometry {
            x: area.x + number(left) / SCALE,
            y: area.y + number(top) / SCALE,
            width: number(width) / SCALE,
            height: number(height) / SCALE,
        };
        match out.last_mut() {
            Some((last, line)) if *last == id => {
                line.text.push(' ');
                line.text.push_str(text);
                let right = (word.x + word.width).max(line.area.x + line.area.width);
                let bottom = (word.y + word.height).max(line.area.y + line.area.height);
                line.area.y = line.area.y.min(word.y);
                line.area.width = right - line.area.x;
                line.area.height = bottom - line.area.y;
            }
            _ => out.push((
                id,
                Line {
                    text: text.to_string(),
                    area: word,
                },
            )),
        }
    }
    out.into_iter().map(|(_, line)| line).collect()
}

/// Clicks the left button at `(x, y)` on the screen, as a person with a mouse does.
pub fn click_at((x, y): (i32, i32)) -> WebDriverResult<()> {
    xdotool(&["mousemove", "--sync", &x.to_string(), &y.to_string()])?;
    xdotool(&["click", "1"]).map(drop)
}

/// Moves the pointer over `(x, y)` (a bubble under the pointer stays until it leaves).
pub fn hover((x, y): (i32, i32)) -> WebDriverResult<()> {
    xdotool(&["mousemove", "--sync", &x.to_string(), &y.to_string()]).map(drop)
}

/// The middle of `window` on the screen.
pub fn middle_of(window: &str) -> WebDriverResult<(i32, i32)> {
    let at = geometry_of(window)?;
    Ok((at.x + at.width / 2, at.y + at.height / 2))
}

fn spawn(program: &str, args: &[&str]) -> WebDriverResult<Child> {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| WebDriverError::FatalError(format!("starting {program} ({e}); {INSTALL}")))
}

/// Runs `program` to its end; its standard output.
fn run(program: &str, args: &[&str]) -> WebDriverResult<String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .map_err(|e| WebDriverError::FatalError(format!("running {program} ({e}); {INSTALL}")))?;
    if !out.status.success() {
        return Err(WebDriverError::FatalError(format!(
            "{program} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The visible windows whose `field` (xdotool's `--name`, `--class` or `--classname`) matches
/// the pattern `matching`.
fn search(field: &str, matching: &str) -> WebDriverResult<Vec<String>> {
    // A window that closes while xdotool looks at it makes the search fail: nothing found.
    Ok(xdotool(&["search", "--onlyvisible", field, matching])
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|id| !id.is_empty())
        .map(String::from)
        .collect())
}

/// The notification daemon's bubbles on screen (its own tray icon is of its class too, with
/// another name).
fn bubbles() -> WebDriverResult<Vec<String>> {
    let mut found = Vec::new();
    for window in search("--classname", "^notification-daemon$")? {
        if xdotool(&["getwindowname", &window]).is_ok_and(|name| name.trim() == "Notification") {
            found.push(window);
        }
    }
    Ok(found)
}

async fn wait_window(field: &str, matching: &str, missing: &str) -> WebDriverResult<String> {
    eventually(async || {
        Ok(search(field, matching)?
            .into_iter()
            .next()
            .ok_or_else(|| missing.to_string()))
    })
    .await
}

/// Whether a tray host owns the system tray selection of the display's first screen.
fn tray_has_host() -> Result<bool, Box<dyn std::error::Error>> {
    let (conn, screen) = x11rb::connect(None)?;
    let name = format!("_NET_SYSTEM_TRAY_S{screen}");
    let atom = conn.intern_atom(false, name.as_bytes())?.reply()?.atom;
    let owner = conn.get_selection_owner(atom)?.reply()?.owner;
    Ok(owner != x11rb::NONE)
}

/// The windows `window` sits in, up to the root.
fn ancestors(window: u32) -> Result<Vec<u32>, Box<dyn std::error::Error>> {
    let (conn, _screen) = x11rb::connect(None)?;
    let mut found = Vec::new();
    let mut at = window;
    loop {
        let tree = conn.query_tree(at)?.reply()?;
        if tree.parent == x11rb::NONE || tree.parent == tree.root {
            return Ok(found);
        }
        found.push(tree.parent);
        at = tree.parent;
    }
}

fn fatal(e: impl std::fmt::Display) -> WebDriverError {
    WebDriverError::FatalError(e.to_string())
}
