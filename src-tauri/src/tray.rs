//! Cadence in the system tray: closing the window keeps the app running there (a setting, on
//! by default, stated the first time it happens) so reminders still come; its menu opens the
//! window on This week or the Monday review, or quits.

use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Window, WindowEvent};
use tauri_plugin_notification::NotificationExt;

use crate::reminders::CloseToTray;
use crate::views::{self, AppView};
use crate::workspace_file::WorkspaceFile;

/// Puts Cadence's icon and menu in the system tray.
pub fn install(app: &AppHandle) -> tauri::Result<()> {
    let menu = Menu::with_items(
        app,
        &[
            &MenuItem::with_id(app, "open", "Open Cadence", true, None::<&str>)?,
            &MenuItem::with_id(app, "home", "This week", true, None::<&str>)?,
            &MenuItem::with_id(app, "review", "Monday review", true, None::<&str>)?,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, "quit", "Quit Cadence", true, None::<&str>)?,
        ],
    )?;
    let mut tray = TrayIconBuilder::with_id("main")
        .tooltip("Cadence")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => views::show(app, None),
            "home" => views::show(app, Some(AppView::Home)),
            "review" => views::show(app, Some(AppView::MondayReview)),
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(())
}

/// Keeps the app in the tray when its window is closed and the setting says so: the window
/// hides instead, and the first time this is said in a notification.
pub fn on_window_event(window: &Window, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    if !window.app_handle().state::<CloseToTray>().on() {
        return;
    }
    api.prevent_close();
    if let Err(e) = window.hide() {
        log::warn!("could not hide the window: {e}");
    }
    let app = window.app_handle().clone();
    tauri::async_runtime::spawn(async move {
        // Recorded on the app's writing connection; whether this was the first time.
        let first = app
            .state::<WorkspaceFile>()
            .with(|ws| ws.window_closed_to_tray())
            .await;
        match first {
            Ok(true) => state_it(&app),
            Ok(false) => {}
            Err(e) => log::warn!("could not record the tray notice: {}", e.message),
        }
    });
}

fn state_it(app: &AppHandle) {
    let shown = app
        .notification()
        .builder()
        .title("Cadence is still running")
        .body(
            "It stays in the tray so reminders still come. Open it or quit from the tray \
             icon; to quit when the window closes, set app.close_to_tray to off.",
        )
        .show();
    if let Err(e) = shown {
        log::warn!("could not say that Cadence stays in the tray: {e}");
    }
}
