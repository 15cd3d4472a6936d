//! Cadence core: the model, the SQLite workspace, history, calendar and reviews.
//!
//! Data flows one way: store → snapshot → review → narrative → render, and the use cases on
//! top chain them (see docs/architecture.md). Nothing here depends on Tauri or on the command
//! line; the CLI (`src/main.rs`) and the desktop shell call the same use cases.

pub mod calendar;
pub mod consistency;
pub mod error;
pub mod history;
pub mod model;
pub mod narrative;
pub mod output_file;
pub mod release;
pub mod reminders;
pub mod render;
pub mod retention;
pub mod review;
pub mod rules;
pub mod settings;
pub mod snapshot;
pub mod store;
pub mod terminal;
pub mod usecases;

pub use error::{Error, Result};

/// This build's version, which `cadence --version` and the app's About show and the workspace
/// records as the version that last wrote it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
