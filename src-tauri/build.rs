//! Declares the app's own commands so the capability file can grant them one by one.

fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(
        tauri_build::AppManifest::new().commands(&[
            "workspace_info",
            "load_sample",
            "save_backup",
            "workspace_check",
            "backups",
            "restore_backup",
            "settings",
            "set_setting",
            "people",
            "add_person",
            "board",
            "initiatives",
            "initiative_detail",
            "add_initiative",
            "edit_initiative",
            "choose_spreadsheet",
            "preview_spreadsheet",
            "import_spreadsheet",
            "initiatives_csv",
            "record_checkin",
            "add_blocker",
            "resolve_blocker",
            "weekly_view",
            "kept_weeks",
            "sent_weekly",
            "copy_update",
            "save_update",
            "roadmap",
            "add_decision",
            "close_decision",
            "link_decision",
            "quarterly_view",
            "plan_session",
            "commit_plan",
            "print_window",
        ]),
    ))
    .expect("tauri build script");
}
