//! The use cases: what the CLI and the desktop app ask of a workspace, each chaining
//! store → snapshot → review → narrative → render. One file per use case; both front ends
//! call these and nothing below them decides what a command does.

pub mod backups;
pub mod board_view;
pub mod quarter_plan;
pub mod quarterly_view;
pub mod releases_view;
pub mod reminders;
pub mod roadmap_view;
pub mod send_update;
pub mod spreadsheet;
pub mod weekly_view;
pub mod workspace_settings;
