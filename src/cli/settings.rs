//! `cadence settings list | get | set`: the workspace's documented settings.

use std::io::Write;

use clap::Subcommand;

use super::{print_json, table};
use cadence::error::Result;
use cadence::store::Workspace;

/// Settings commands.
#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Every setting with its value, default and meaning.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One setting's value.
    Get { key: String },
    /// Set a setting (the value is checked against the setting's rule).
    Set { key: String, value: String },
}

pub fn run(ws: &mut Workspace, cmd: &SettingsCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        SettingsCommand::List { json } => {
            let list = ws.settings()?;
            if *json {
                return print_json(out, &list);
            }
            let mut t = table::new(&["KEY", "VALUE", "DEFAULT", "MEANING"]);
            for s in list {
                t.add_row(vec![s.key.to_string(), s.value, s.default, s.meaning]);
            }
            writeln!(out, "{t}")?;
        }
        SettingsCommand::Get { key } => writeln!(out, "{}", ws.setting_value(key)?.value)?,
        SettingsCommand::Set { key, value } => {
            let s = ws.set_known_setting(key, value)?;
            writeln!(out, "{} = {}", s.key, s.value)?;
        }
    }
    Ok(())
}
