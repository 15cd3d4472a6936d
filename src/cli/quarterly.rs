//! `cadence quarterly`, `cadence plan` and `cadence commit-plan`: the quarterly health
//! update, exported and kept, and the planning session that commits a quarter's baseline.

use std::io::Write;

use clap::Args;

use super::update::UpdateArgs;
use super::{print_json, table};
use cadence::error::Result;
use cadence::model::{Id, ReviewKind};
use cadence::narrative::count;
use cadence::render::timeline::Zoom;
use cadence::store::Workspace;
use cadence::usecases::quarter_plan::{Committed, PlanChoice};

#[derive(Debug, Args)]
pub struct QuarterlyArgs {
    /// The quarter to review (YYYY-Qn, counted from the fiscal year's start month); the
    /// current quarter by default.
    #[arg(long, value_name = "YYYY-Qn")]
    quarter: Option<String>,
    #[command(flatten)]
    update: UpdateArgs,
}

pub fn quarterly(ws: &mut Workspace, a: &QuarterlyArgs, out: &mut dyn Write) -> Result<()> {
    let quarter = ws.quarter(a.quarter.as_deref())?;
    a.update.run(
        ws,
        out,
        ReviewKind::Quarterly,
        &quarter.to_string(),
        Zoom::default(),
        |ws, format| ws.sent_quarterly(quarter, format),
    )
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The quarter to plan (YYYY-Qn); the next quarter by default.
    #[arg(long, value_name = "YYYY-Qn")]
    quarter: Option<String>,
    /// Print the planning session as JSON.
    #[arg(long)]
    json: bool,
}

pub fn plan(ws: &Workspace, a: &PlanArgs, out: &mut dyn Write) -> Result<()> {
    let quarter = match &a.quarter {
        Some(q) => Some(ws.quarter(Some(q))?),
        None => None,
    };
    let session = ws.plan_session(quarter)?;
    if a.json {
        return print_json(out, &session);
    }
    writeln!(
        out,
        "{} ({} to {}, {})",
        session.quarter, session.first_day, session.last_day, session.convention
    )?;
    match session.commitments.as_slice() {
        [] => writeln!(out, "no plan committed yet")?,
        all => {
            for b in all {
                let what = if b.amends.is_some() {
                    "amended"
                } else {
                    "committed"
                };
                let why = b
                    .reason
                    .as_deref()
                    .map(|r| format!(": {r}"))
                    .unwrap_or_default();
                writeln!(
                    out,
                    "{what} {} with {}{why}",
                    b.committed_at,
                    count(b.items.len(), "initiative", "initiatives")
                )?;
            }
        }
    }
    let mut t = table::new(&[
        "ID",
        "TITLE",
        "OWNER",
        "STATUS",
        "TARGET",
        "BACKUP",
        "PLAN",
        "BLOCKED BY",
    ]);
    for c in session.candidates {
        let plan = if c.committed {
            "committed"
        } else if c.suggested {
            "suggested"
        } else {
            ""
        };
        t.add_row(vec![
            c.id.to_string(),
            c.title,
            c.owner,
            c.status.to_string(),
            table::cell(c.target_date),
            table::cell(c.backup_date),
            plan.into(),
            c.blocked_by
                .map(|b| format!("{}: {}", b.field, b.message))
                .unwrap_or_default(),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}

#[derive(Debug, Args)]
pub struct CommitPlanArgs {
    /// The quarter whose plan is committed (YYYY-Qn).
    #[arg(long, value_name = "YYYY-Qn")]
    quarter: String,
    /// An initiative of the plan (repeat for each): the whole plan. By default a first
    /// commitment takes the active initiatives whose target falls inside the quarter.
    #[arg(long = "initiative", value_name = "ID")]
    initiatives: Vec<Id>,
    /// An initiative to add to the plan in force (repeatable).
    #[arg(long, value_name = "ID", conflicts_with = "initiatives")]
    add: Vec<Id>,
    /// An initiative to take out of the plan in force (repeatable).
    #[arg(long, value_name = "ID", conflicts_with = "initiatives")]
    remove: Vec<Id>,
    /// Why the plan changes; required to amend a committed plan.
    #[arg(long)]
    reason: Option<String>,
    /// Print the baseline as JSON.
    #[arg(long)]
    json: bool,
}

pub fn commit_plan(ws: &mut Workspace, a: &CommitPlanArgs, out: &mut dyn Write) -> Result<()> {
    let quarter = ws.quarter(Some(&a.quarter))?;
    let choice = if !a.initiatives.is_empty() {
        PlanChoice::Whole(a.initiatives.clone())
    } else if !a.add.is_empty() || !a.remove.is_empty() {
        PlanChoice::Amend {
            add: a.add.clone(),
            remove: a.remove.clone(),
        }
    } else {
        PlanChoice::Suggested
    };
    let Committed {
        baseline: b,
        amends,
    } = ws.commit_quarter_plan(quarter, &choice, a.reason.as_deref())?;
    if a.json {
        return print_json(out, &b);
    }
    let what = match &amends {
        Some(p) => format!("amended (amends the plan of {})", p.committed_at),
        None => "committed".into(),
    };
    writeln!(
        out,
        "plan for {quarter} {what}: {}",
        count(b.items.len(), "initiative", "initiatives")
    )?;
    let mut t = table::new(&["ID", "TITLE", "OWNER", "TARGET", "BACKUP"]);
    for x in &b.items {
        let i = ws.initiative(x.initiative_id)?;
        t.add_row(vec![
            i.id.to_string(),
            i.title,
            i.owner,
            x.target_date.to_string(),
            x.backup_date.to_string(),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}
