//! `cadence scope add | cut | list`: an initiative's scope items.

use std::io::Write;

use clap::Subcommand;

use super::print_json;
use cadence::error::Result;
use cadence::model::Id;
use cadence::store::Workspace;

/// Scope commands.
#[derive(Debug, Subcommand)]
pub enum ScopeCommand {
    /// Add an item to an initiative's scope.
    Add {
        /// The initiative's id.
        id: Id,
        /// What the item delivers.
        item: String,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Cut an item from an initiative's scope, saying why.
    Cut {
        /// The initiative's id.
        id: Id,
        /// The item, as it was added.
        item: String,
        /// Why it was cut (required).
        #[arg(long)]
        reason: String,
    },
    /// The items in an initiative's scope.
    List {
        /// The initiative's id.
        id: Id,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ws: &mut Workspace, cmd: &ScopeCommand, out: &mut dyn Write) -> Result<()> {
    let (id, scope) = match cmd {
        ScopeCommand::Add { id, item, reason } => {
            (*id, ws.add_scope(*id, item, reason.as_deref())?)
        }
        ScopeCommand::Cut { id, item, reason } => (*id, ws.cut_scope(*id, item, reason)?),
        ScopeCommand::List { id, json } => {
            let scope = ws.scope(*id)?;
            if *json {
                return print_json(out, &scope);
            }
            (*id, scope)
        }
    };
    if scope.is_empty() {
        writeln!(out, "initiative {id} has nothing in scope")?;
    }
    for item in scope {
        writeln!(out, "- {item}")?;
    }
    Ok(())
}
