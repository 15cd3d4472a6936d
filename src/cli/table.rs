//! Aligned plain tables for human output.

use comfy_table::{presets, ContentArrangement, Table};

/// A table with a header row, no borders, columns aligned, fitted to the terminal.
pub fn new(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header.to_vec());
    t
}

/// An optional value as a cell: `—` when missing.
pub fn cell<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_else(|| "—".into())
}
