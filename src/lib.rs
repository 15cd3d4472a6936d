//! Cadence core: the model, the SQLite workspace, history, calendar and reviews.
//!
//! Data flows one way: store → snapshot → review → narrative → render. Nothing here
//! depends on Tauri; the CLI (`src/main.rs`) and the desktop shell call the same functions.

pub mod backups;
pub mod board;
pub mod calendar;
pub mod cli;
pub mod consistency;
pub mod error;
pub mod history;
pub mod model;
pub mod narrative;
pub mod output_file;
pub mod planning;
pub mod release;
pub mod render;
pub mod retention;
pub mod review;
pub mod roadmap;
pub mod rules;
pub mod sample;
pub mod settings;
pub mod snapshot;
pub mod spreadsheet;
pub mod store;
pub mod updates;
pub mod weekly;

pub use error::{Error, Result};

/// This build's version, which `cadence --version` and the app's About show and the workspace
/// records as the version that last wrote it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
