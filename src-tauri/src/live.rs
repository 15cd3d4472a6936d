//! Live refresh: a tokio task follows the workspace file on a reading connection of its own
//! and tells the UI ([`Signals`]) when something committed a change (the CLI, another window,
//! the app itself); the UI then reads again what it shows.

use std::path::PathBuf;
use std::time::Duration;

use cadence::store::watch::ChangeWatch;
use tauri::{AppHandle, Manager};
use tokio::sync::mpsc;

use crate::signals::Signals;

/// How often the file is looked at: a change shows within about this long.
const EVERY: Duration = Duration::from_millis(500);

/// Starts following the workspace file at `path` for the app's whole life; each change is
/// also sent on `nudge` (the reminder scheduler looks again).
pub fn follow(app: AppHandle, path: PathBuf, nudge: mpsc::Sender<()>) {
    tauri::async_runtime::spawn(async move {
        let mut watch = ChangeWatch::new(&path);
        // The first look opens the file: what the UI shows was read after it, so that first
        // "change" is not announced.
        let mut first = true;
        let mut every = tokio::time::interval(EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            let looked = tokio::task::spawn_blocking(move || {
                let changed = watch.changed();
                (watch, changed)
            })
            .await;
            let changed;
            (watch, changed) = match looked {
                Ok(done) => done,
                Err(e) => {
                    log::warn!("following the workspace file stopped: {e}");
                    return;
                }
            };
            if changed && !first {
                app.state::<Signals>().workspace_changed();
                // A nudge already waiting covers this change too.
                let _ = nudge.try_send(());
            }
            first = false;
        }
    });
}
