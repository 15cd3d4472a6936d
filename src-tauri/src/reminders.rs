//! The reminder scheduler: a tokio task that looks at the workspace on the review time's
//! occasions (and at least once a minute, so a laptop woken from sleep catches up), shows
//! what the core says is due through the notification plugin, and remembers it in the
//! workspace so that it fires once. A change to the workspace file (a nudge on its channel)
//! makes it look again at once: a setting changed, a check-in recorded. It reads and writes
//! through the connections the app keeps open ([`WorkspaceFile`]), as the commands do.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use cadence::reminders::{next_occasion, Reminder, ReminderSettings};
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::NotificationExt;
use tokio::sync::mpsc;

use crate::error::AppError;
use crate::views::{self, AppView};
use crate::workspace_file::WorkspaceFile;

/// The longest the scheduler sleeps: a suspended laptop's timers do not count the time it
/// slept, so it looks again at least this often.
const AT_MOST: Duration = Duration::from_secs(60);

/// Whether closing the window keeps Cadence in the tray, as last read from the workspace.
pub struct CloseToTray(pub AtomicBool);

impl CloseToTray {
    /// Whether closing the window hides it.
    pub fn on(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// What one look at the workspace found.
struct Look {
    due: Vec<Reminder>,
    settings: ReminderSettings,
    close_to_tray: bool,
}

/// Looks at the workspace on one of the app's reading connections.
async fn look(app: &AppHandle) -> Result<Look, AppError> {
    app.state::<WorkspaceFile>()
        .read(|ws| {
            Ok(Look {
                due: ws.due_reminders()?,
                settings: ws.reminder_settings()?,
                close_to_tray: ws.close_to_tray()?,
            })
        })
        .await
}

/// Starts the scheduler on the app's workspace file; a message on the returned channel makes
/// it look again at once.
pub fn start(app: AppHandle) -> mpsc::Sender<()> {
    let (nudge, nudges) = mpsc::channel(1);
    tauri::async_runtime::spawn(run(app, nudges));
    nudge
}

async fn run(app: AppHandle, mut nudges: mpsc::Receiver<()>) {
    // Shown by this run, in case the workspace cannot record it (a read-only file).
    let mut shown_here: HashSet<(String, String)> = HashSet::new();
    loop {
        let settings = match look(&app).await {
            Ok(found) => {
                app.state::<CloseToTray>()
                    .0
                    .store(found.close_to_tray, Ordering::Relaxed);
                for reminder in found.due {
                    let key = (
                        reminder.kind.as_str().to_string(),
                        reminder.occasion.clone(),
                    );
                    if shown_here.insert(key) {
                        notify(&app, reminder).await;
                    }
                }
                found.settings
            }
            Err(e) => {
                log::debug!("no reminders now: {}", e.message);
                ReminderSettings::default()
            }
        };
        let now = chrono::Local::now();
        let until = (next_occasion(&now, &settings) - now)
            .to_std()
            .unwrap_or(Duration::ZERO)
            .clamp(Duration::from_secs(1), AT_MOST);
        tokio::select! {
            () = tokio::time::sleep(until) => {}
            nudged = nudges.recv() => if nudged.is_none() { return },
        }
    }
}

/// Shows `reminder` and remembers it in the workspace once it was shown.
async fn notify(app: &AppHandle, reminder: Reminder) {
    let view = AppView::from(reminder.opens);
    let shown = app
        .notification()
        .builder()
        .title(&reminder.title)
        .body(&reminder.body)
        .extra(OPENS, view)
        .show();
    if let Err(e) = shown {
        log::warn!("the reminder “{}” could not be shown: {e}", reminder.line());
        return;
    }
    log::info!("reminder shown: {}", reminder.line());
    let remembered = app
        .state::<WorkspaceFile>()
        .with(move |ws| ws.reminder_shown(&reminder))
        .await;
    if let Err(e) = remembered {
        log::warn!("a reminder shown could not be remembered: {}", e.message);
    }
}

/// The key of a notification's extra data naming the view a click opens.
const OPENS: &str = "opens";

/// Opens the view a clicked reminder names, where the platform reports the click.
pub fn open_on_click(app: &AppHandle) {
    let handle = app.clone();
    let listening = app.notification().on_action(move |performed| {
        if performed.action_id() != "tap" {
            return;
        }
        let view = performed
            .notification()
            .and_then(|n| n.extra().get(OPENS).cloned())
            .and_then(|v| serde_json::from_value::<AppView>(v).ok());
        views::show(&handle, view);
    });
    if let Err(e) = listening {
        log::warn!("clicks on reminders will not open the app: {e}");
    }
}
