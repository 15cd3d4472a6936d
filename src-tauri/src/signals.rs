//! What the shell tells the window: the workspace changed, a view to show. The window asks
//! with a command that the shell answers once there is something new, and asks again.
//!
//! Tauri's events reach the page by evaluating script in it, and WebKitGTK reads each
//! evaluation's result into a JavaScript engine it starts in the app's own process for that:
//! the two events the window listened to at start-up cost the app's process the engine, about
//! 3 MiB at idle (`make measure`). A command's answer comes back through the IPC protocol and
//! needs none: the bare Tauri window never starts that engine, and now neither does the app.

use serde::Serialize;
use tauri::{AppHandle, Manager};
use tokio::sync::watch;

use crate::views::AppView;

/// The news the window waits for, each with a count that grows with every piece of it.
pub struct Signals {
    /// How many changes of the workspace have been told.
    changes: watch::Sender<u32>,
    /// The views the window was asked to show.
    views: watch::Sender<ViewAsked>,
}

/// The views the window was asked to show: how many, and the last one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
pub struct ViewAsked {
    pub count: u32,
    pub view: Option<AppView>,
}

impl Default for Signals {
    fn default() -> Self {
        Self {
            changes: watch::Sender::new(0),
            views: watch::Sender::new(ViewAsked {
                count: 0,
                view: None,
            }),
        }
    }
}

impl Signals {
    /// Tells the window the workspace changed outside the view showing it.
    pub fn workspace_changed(&self) {
        self.changes.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// Asks the window to show `view`.
    pub fn show(&self, view: AppView) {
        self.views.send_modify(|asked| {
            asked.count = asked.count.wrapping_add(1);
            asked.view = Some(view);
        });
    }
}

/// Waits until the count of `news` (read by `count`) differs from `after` (at once when
/// `after` is `None`) and returns what `news` then holds.
async fn next<T: Clone>(
    news: &watch::Sender<T>,
    after: Option<u32>,
    count: impl Fn(&T) -> u32,
) -> T {
    let mut receiver = news.subscribe();
    if let Some(after) = after {
        // The sender lives as long as the app: waiting ends with news.
        let _ = receiver.wait_for(|now| count(now) != after).await;
    }
    let now = receiver.borrow().clone();
    now
}

/// How many changes of the workspace have been told: at once when `after` is null, else once
/// the count differs from `after` (the window then reads again what it shows).
#[tauri::command]
#[specta::specta]
pub async fn workspace_changes(app: AppHandle, after: Option<u32>) -> u32 {
    next(&app.state::<Signals>().changes, after, |n| *n).await
}

/// The views the window was asked to show: at once when `after` is null, else once their
/// count differs from `after`.
#[tauri::command]
#[specta::specta]
pub async fn view_to_show(app: AppHandle, after: Option<u32>) -> ViewAsked {
    next(&app.state::<Signals>().views, after, |asked| asked.count).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_waiting_window_hears_of_the_next_change() {
        let signals = std::sync::Arc::new(Signals::default());
        assert_eq!(next(&signals.changes, None, |n| *n).await, 0);
        let waiting = {
            let signals = signals.clone();
            tokio::spawn(async move { next(&signals.changes, Some(0), |n| *n).await })
        };
        tokio::task::yield_now().await;
        assert!(!waiting.is_finished());
        signals.workspace_changed();
        assert_eq!(waiting.await.unwrap(), 1);
    }

    #[tokio::test]
    async fn the_last_view_asked_for_is_answered() {
        let signals = Signals::default();
        signals.show(AppView::Roadmap);
        signals.show(AppView::Home);
        let now = next(&signals.views, Some(0), |asked| asked.count).await;
        assert_eq!(
            now,
            ViewAsked {
                count: 2,
                view: Some(AppView::Home)
            }
        );
    }
}
