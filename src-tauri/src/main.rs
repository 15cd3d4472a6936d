//! The `cadence-desktop` binary.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    cadence_desktop::run();
}
