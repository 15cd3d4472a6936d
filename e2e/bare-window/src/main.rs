//! A bare Tauri 2 window: the platform's floor that `make measure` compares the app with (the
//! same tauri version and window size, a static page, no plugins and no commands).

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the bare window could not start");
}
