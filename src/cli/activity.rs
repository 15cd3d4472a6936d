//! `cadence blocker …` and `cadence decision …`

use std::io::Write;

use clap::Subcommand;

use super::{print_json, table};
use cadence::calendar::days_between;
use cadence::error::Result;
use cadence::model::Id;
use cadence::store::Workspace;

/// Blocker commands.
#[derive(Debug, Subcommand)]
pub enum BlockerCommand {
    /// Record what blocks an initiative and who removes it.
    Add {
        /// The blocked initiative's id.
        id: Id,
        /// What blocks.
        text: String,
        /// The one person who removes it.
        #[arg(long)]
        owner: String,
        /// Since when (YYYY-MM-DD); today by default.
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
    },
    /// Mark a blocker resolved today.
    Resolve {
        /// The blocker's id.
        blocker_id: Id,
    },
    /// List blockers, oldest first.
    List {
        /// Only unresolved ones.
        #[arg(long)]
        open: bool,
        #[arg(long)]
        json: bool,
    },
}

pub fn blocker(ws: &mut Workspace, cmd: BlockerCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        BlockerCommand::Add {
            id,
            text,
            owner,
            since,
        } => {
            let b = ws.add_blocker(id, &text, &owner, since.as_deref())?;
            writeln!(
                out,
                "blocker {} recorded on initiative {} (owner {})",
                b.id, b.initiative_id, b.owner
            )?;
        }
        BlockerCommand::Resolve { blocker_id } => {
            let b = ws.resolve_blocker(blocker_id)?;
            writeln!(
                out,
                "blocker {} resolved on {}",
                b.id,
                table::cell(b.resolved_on)
            )?;
        }
        BlockerCommand::List { open, json } => {
            let list = ws.blockers(open)?;
            if json {
                return print_json(out, &list);
            }
            let today = ws.clock().today();
            let mut t = table::new(&[
                "ID",
                "INITIATIVE",
                "BLOCKER",
                "OWNER",
                "SINCE",
                "AGE",
                "STATE",
            ]);
            for b in list {
                let end = b.resolved_on.unwrap_or(today);
                t.add_row(vec![
                    b.id.to_string(),
                    b.initiative_id.to_string(),
                    b.text,
                    b.owner,
                    b.since.to_string(),
                    format!("{}d", days_between(b.since, end)),
                    b.resolved_on
                        .map_or("open".into(), |r| format!("resolved {r}")),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}

/// Decision commands.
#[derive(Debug, Subcommand)]
pub enum DecisionCommand {
    /// Record a question the leadership must answer.
    Add {
        question: String,
        /// The one person who decides.
        #[arg(long)]
        owner: String,
        /// Needed by (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        by: String,
        /// The initiative it concerns.
        #[arg(long, value_name = "ID")]
        initiative: Option<Id>,
    },
    /// Close a decision with its outcome.
    Close {
        id: Id,
        #[arg(long)]
        outcome: String,
    },
    /// Link a decision to the initiative it concerns (or unlink it with --none).
    Link {
        id: Id,
        /// The initiative it concerns.
        #[arg(long, value_name = "ID", required_unless_present = "none")]
        initiative: Option<Id>,
        /// Concerns no initiative.
        #[arg(long, conflicts_with = "initiative")]
        none: bool,
    },
    /// List decisions by needed-by date.
    List {
        /// Only open ones.
        #[arg(long)]
        open: bool,
        #[arg(long)]
        json: bool,
    },
}

pub fn decision(ws: &mut Workspace, cmd: DecisionCommand, out: &mut dyn Write) -> Result<()> {
    match cmd {
        DecisionCommand::Add {
            question,
            owner,
            by,
            initiative,
        } => {
            let d = ws.add_decision(&question, &owner, &by, initiative)?;
            writeln!(
                out,
                "decision {} recorded (decider {}, needed by {})",
                d.id, d.owner, d.needed_by
            )?;
        }
        DecisionCommand::Close { id, outcome } => {
            let d = ws.close_decision(id, &outcome)?;
            writeln!(
                out,
                "decision {} closed on {}",
                d.id,
                table::cell(d.closed_on)
            )?;
        }
        DecisionCommand::Link { id, initiative, .. } => {
            let d = ws.link_decision(id, initiative)?;
            match d.initiative_id {
                Some(i) => writeln!(out, "decision {} concerns initiative {i}", d.id)?,
                None => writeln!(out, "decision {} concerns no initiative", d.id)?,
            }
        }
        DecisionCommand::List { open, json } => {
            let list = ws.decisions(open)?;
            if json {
                return print_json(out, &list);
            }
            let mut t = table::new(&[
                "ID",
                "QUESTION",
                "DECIDER",
                "NEEDED BY",
                "INITIATIVE",
                "OUTCOME",
            ]);
            for d in list {
                t.add_row(vec![
                    d.id.to_string(),
                    d.question,
                    d.owner,
                    d.needed_by.to_string(),
                    table::cell(d.initiative_id),
                    d.outcome.unwrap_or_else(|| "open".into()),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}
