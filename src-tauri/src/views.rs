//! Views the shell asks the window to show: from the tray menu or a clicked reminder.

use cadence::reminders::ReminderView;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager};

use crate::signals::Signals;

/// A view of the app the window can be asked to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum AppView {
    /// This week.
    Home,
    MondayReview,
    Roadmap,
    /// The go/no-go of release `release`.
    GoNoGo {
        release: i64,
    },
}

impl From<ReminderView> for AppView {
    fn from(view: ReminderView) -> Self {
        match view {
            ReminderView::MondayReview => AppView::MondayReview,
            ReminderView::Roadmap => AppView::Roadmap,
            ReminderView::GoNoGo { release } => AppView::GoNoGo { release },
        }
    }
}

/// Brings the main window to the front (shown again when it was closed to the tray), on
/// `view` when one is given.
pub fn show(app: &AppHandle, view: Option<AppView>) {
    if let Some(window) = app.get_webview_window("main") {
        let shown = window
            .unminimize()
            .and_then(|()| window.show())
            .and_then(|()| window.set_focus());
        if let Err(e) = shown {
            log::warn!("could not show the main window: {e}");
        }
    }
    if let Some(view) = view {
        app.state::<Signals>().show(view);
    }
}
