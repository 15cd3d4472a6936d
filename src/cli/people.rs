//! `cadence person …`

use std::io::Write;

use clap::Subcommand;

use super::{print_json, table};
use cadence::error::Result;
use cadence::store::Workspace;

/// People commands.
#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add a person.
    Add {
        /// Full name of one person.
        name: String,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        role: Option<String>,
    },
    /// List people with what they own.
    List {
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ws: &mut Workspace, cmd: PersonCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        PersonCommand::Add { name, email, role } => {
            let p = ws.add_person(&name, email.as_deref(), role.as_deref())?;
            writeln!(out, "added {} (person {})", p.name, p.id)?;
        }
        PersonCommand::List { json: true } => print_json(out, &ws.people()?)?,
        PersonCommand::List { json: false } => {
            let mut t = table::new(&["ID", "NAME", "ROLE", "EMAIL", "ACTIVE", "OWNS"]);
            for s in ws.people()? {
                t.add_row(vec![
                    s.person.id.to_string(),
                    s.person.name,
                    table::cell(s.person.role),
                    table::cell(s.person.email),
                    s.active_count.to_string(),
                    s.owns.len().to_string(),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}
