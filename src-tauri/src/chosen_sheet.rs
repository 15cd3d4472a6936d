//! The spreadsheet the person chose to import, as it was read when chosen: the preview and the
//! import work on these bytes, so what is imported is what was previewed, and the page never
//! names a file itself.

use std::sync::{Arc, Mutex};

/// The chosen file's name and bytes, kept until it is imported or another is chosen.
#[derive(Default)]
pub struct ChosenSheet(Mutex<Option<(String, Arc<Vec<u8>>)>>);

impl ChosenSheet {
    /// Keeps `bytes` read from the file `name`, in place of any earlier choice.
    pub fn keep(&self, name: String, bytes: Vec<u8>) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some((name, Arc::new(bytes)));
    }

    /// The chosen file's name and bytes, if a file is chosen.
    pub fn get(&self) -> Option<(String, Arc<Vec<u8>>)> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Forgets the choice (after the import).
    pub fn clear(&self) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}
