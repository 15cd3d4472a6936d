//! Cadence desktop: a thin Tauri shell over the `cadence` core. The commands convert
//! arguments, call the core on a blocking thread and map errors; the UI in `ui/` talks to
//! them only through the generated `ui/src/bindings.ts`.

mod chosen_sheet;
mod commands;
mod error;
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod footprint;
mod live;
mod open_dialog;
mod reminders;
#[cfg(target_os = "linux")]
mod rendering;
mod save_dialog;
mod signals;
mod tray;
mod views;
mod workspace_file;

use std::sync::atomic::AtomicBool;

use tauri::{generate_handler, Manager, RunEvent};
use tauri_specta::{collect_commands, Builder};

use commands::{
    activity, initiatives, people, quarterly, releases, roadmap, settings, spreadsheet, updates,
    weekly, window, workspace,
};
use reminders::CloseToTray;
use workspace_file::WorkspaceFile;

/// Hands every command of the app to the macro `$collect`: `collect_commands` for the
/// bindings, `generate_handler` for the window's invoke handler. One list for both.
macro_rules! with_commands {
    ($collect:ident) => {
        $collect![
            workspace::workspace_info,
            workspace::load_sample,
            workspace::save_backup,
            workspace::workspace_check,
            workspace::backups,
            workspace::restore_backup,
            settings::settings,
            settings::set_setting,
            people::people,
            people::add_person,
            initiatives::board,
            initiatives::initiatives,
            initiatives::initiative_detail,
            initiatives::add_initiative,
            initiatives::edit_initiative,
            spreadsheet::choose_spreadsheet,
            spreadsheet::preview_spreadsheet,
            spreadsheet::import_spreadsheet,
            spreadsheet::initiatives_csv,
            activity::record_checkin,
            activity::add_blocker,
            activity::resolve_blocker,
            weekly::weekly_view,
            weekly::weekly_update_preview,
            weekly::kept_weeks,
            weekly::sent_weekly,
            updates::copy_update,
            updates::save_update,
            roadmap::roadmap,
            roadmap::add_decision,
            roadmap::close_decision,
            roadmap::link_decision,
            quarterly::quarterly_view,
            quarterly::plan_session,
            quarterly::commit_plan,
            releases::releases,
            releases::release,
            releases::release_check,
            releases::add_release,
            releases::include_in_release,
            releases::cut_from_release,
            releases::freeze_release,
            releases::rehearse_release,
            releases::decide_release,
            releases::slip_release,
            releases::ship_release,
            releases::rollback_release,
            releases::release_incident,
            releases::release_near_miss,
            releases::release_pain,
            releases::cancel_release,
            window::print_window,
            signals::workspace_changes,
            signals::view_to_show,
        ]
    };
}

/// Every command of the app: the TypeScript bindings come from it.
/// Ids are `i64` in the core and `number` in TypeScript (they stay far below 2^53).
pub fn specta_builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(with_commands!(collect_commands))
        .dangerously_cast_bigints_to_number()
}

/// Runs the app on the workspace the CLI would open (`CADENCE_DB`, else the default file).
pub fn run() {
    #[cfg(target_os = "linux")]
    rendering::choose();
    tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            views::show(app, None)
        }))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(
            tauri_plugin_log::Builder::new()
                .level(log::LevelFilter::Info)
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            None,
        ))
        .manage(WorkspaceFile::from_env())
        .manage(chosen_sheet::ChosenSheet::default())
        .manage(CloseToTray(AtomicBool::new(true)))
        .manage(signals::Signals::default())
        .setup(move |app| {
            let path = app.state::<WorkspaceFile>().path().to_path_buf();
            let nudge = reminders::start(app.handle().clone());
            live::follow(app.handle().clone(), path, nudge);
            reminders::open_on_click(app.handle());
            if let Err(e) = tray::install(app.handle()) {
                log::warn!("no tray icon: {e}");
            }
            let handle = app.handle().clone();
            tauri::async_runtime::spawn_blocking(move || {
                handle.state::<WorkspaceFile>().take_daily_backup()
            });
            Ok(())
        })
        .on_page_load(|_webview, _page| {
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            footprint::after_load(_page.event());
        })
        .on_window_event(tray::on_window_event)
        .invoke_handler(with_commands!(generate_handler))
        .build(tauri::generate_context!())
        .expect("the Cadence window could not start")
        .run(|app, event| {
            if let RunEvent::Exit = event {
                app.state::<WorkspaceFile>().close();
            }
        });
}

#[cfg(test)]
mod command_lists;

#[cfg(test)]
mod bindings {
    use std::path::PathBuf;

    use specta_typescript::Typescript;

    /// Regenerates `ui/src/bindings.ts` and fails when the committed file was stale.
    #[test]
    fn typescript_bindings_are_current() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings.ts");
        let before = std::fs::read_to_string(&path).unwrap_or_default();
        super::specta_builder()
            .export(
                Typescript::default()
                    .header("// Generated by src-tauri (cargo test); do not edit.\n"),
                &path,
            )
            .expect("exporting the TypeScript bindings");
        let after = std::fs::read_to_string(&path).expect("reading the exported bindings");
        assert!(!after.trim().is_empty(), "the exported bindings are empty");
        assert!(
            before == after,
            "ui/src/bindings.ts was stale and has been regenerated; commit it"
        );
    }
}
