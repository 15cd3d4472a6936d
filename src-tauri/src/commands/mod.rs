//! The app's commands: each converts its arguments, runs one core call on the workspace file
//! and maps the error. No logic lives here.

pub mod activity;
pub mod initiatives;
pub mod people;
pub mod quarterly;
pub mod releases;
pub mod roadmap;
pub mod settings;
pub mod spreadsheet;
pub mod updates;
pub mod weekly;
pub mod window;
pub mod workspace;

/// The managed state every command reads.
type File<'a> = tauri::State<'a, crate::workspace_file::WorkspaceFile>;
