//! `cadence add | list | show | edit | history | checkin`

use std::io::Write;

use clap::Args;

use super::clearable::{OrNone, OrNoneParser};
use super::{print_json, table};
use cadence::error::Result;
use cadence::model::{
    Health, Id, InitiativePatch, NewCheckIn, NewInitiative, RiskLevel, Status, Track,
};
use cadence::release::PainBucket;
use cadence::store::{InitiativeFilter, Workspace};

#[derive(Debug, Args)]
pub struct AddArgs {
    /// What the initiative delivers.
    title: String,
    /// The one accountable person (created when not known yet).
    #[arg(long)]
    owner: String,
    /// Target date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    target: Option<String>,
    /// Backup date, on or after the target (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    backup: Option<String>,
    /// The main risk, in one sentence.
    #[arg(long)]
    risk: Option<String>,
    /// low, medium or high (none: no level).
    #[arg(long, value_name = "LEVEL", ignore_case = true, value_parser = OrNoneParser::<RiskLevel>::default())]
    risk_level: Option<OrNone<RiskLevel>>,
    /// The business outcome it serves.
    #[arg(long)]
    outcome: Option<String>,
    /// How success is measured.
    #[arg(long)]
    measure: Option<String>,
    /// customer, release, enabler or discovery (default customer).
    #[arg(long, value_enum, ignore_case = true)]
    track: Option<Track>,
    /// proposed or active (default proposed).
    #[arg(long, value_enum, ignore_case = true)]
    status: Option<Status>,
    /// For a release fix: the release pain it addresses (build-test, checklist, late-change,
    /// environment-data or handoff; none: no bucket).
    #[arg(long, value_name = "BUCKET", ignore_case = true, value_parser = OrNoneParser::<PainBucket>::default())]
    addresses: Option<OrNone<PainBucket>>,
    /// Print the created initiative as JSON.
    #[arg(long)]
    json: bool,
}

pub fn add(ws: &mut Workspace, a: AddArgs, out: &mut dyn Write) -> Result<()> {
    let new = NewInitiative {
        title: a.title,
        owner: a.owner,
        track: a.track,
        status: a.status,
        outcome: a.outcome,
        measure: a.measure,
        target_date: a.target,
        backup_date: a.backup,
        risk: a.risk,
        risk_level: a.risk_level.and_then(OrNone::into_option),
        addresses: a.addresses.and_then(OrNone::into_option),
        ..NewInitiative::default()
    };
    let i = ws.add_initiative(&new)?;
    if a.json {
        print_json(out, &i)
    } else {
        writeln!(
            out,
            "added initiative {}: {} (owner {}, {})",
            i.id, i.title, i.owner, i.status
        )?;
        Ok(())
    }
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// proposed, active, paused, done or dropped.
    #[arg(long, value_enum, ignore_case = true)]
    status: Option<Status>,
    /// Only this owner's initiatives.
    #[arg(long)]
    owner: Option<String>,
    /// customer, release, enabler or discovery.
    #[arg(long, value_enum, ignore_case = true)]
    track: Option<Track>,
    #[arg(long)]
    json: bool,
    /// table (the default), json, or csv for a spreadsheet (cells that a spreadsheet would
    /// run as a formula start with ').
    #[arg(long, value_enum, ignore_case = true, value_name = "FORMAT")]
    format: Option<ListFormat>,
}

/// How `list` prints the initiatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ListFormat {
    Table,
    Json,
    Csv,
}

pub fn list(ws: &Workspace, a: &ListArgs, out: &mut dyn Write) -> Result<()> {
    let filter = InitiativeFilter {
        status: a.status,
        owner: a.owner.clone(),
        track: a.track,
    };
    if a.format == Some(ListFormat::Csv) && !a.json {
        out.write_all(ws.initiatives_csv(&filter)?.as_bytes())?;
        return Ok(());
    }
    let list = ws.initiatives(&filter)?;
    if a.json || a.format == Some(ListFormat::Json) {
        return print_json(out, &list);
    }
    let mut t = table::new(&[
        "ID", "PRI", "TITLE", "OWNER", "TRACK", "STATUS", "TARGET", "BACKUP", "RISK",
    ]);
    for i in list {
        t.add_row(vec![
            i.id.to_string(),
            i.priority.to_string(),
            i.title,
            i.owner,
            i.track.to_string(),
            i.status.to_string(),
            table::cell(i.target_date),
            table::cell(i.backup_date),
            table::cell(i.risk_level),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The initiative's id.
    id: Id,
    #[arg(long)]
    json: bool,
}

pub fn show(ws: &Workspace, a: &ShowArgs, out: &mut dyn Write) -> Result<()> {
    let d = ws.initiative_detail(a.id)?;
    if a.json {
        return print_json(out, &d);
    }
    let i = &d.initiative;
    writeln!(out, "{} — {}", i.id, i.title)?;
    let rows: [(&str, String); 12] = [
        ("owner", i.owner.clone()),
        ("track", format!("{} ({})", i.track, i.track.label())),
        ("status", i.status.to_string()),
        ("priority", i.priority.to_string()),
        ("outcome", table::cell(i.outcome.as_ref())),
        ("measure", table::cell(i.measure.as_ref())),
        ("result", table::cell(i.result.as_ref())),
        ("start", table::cell(i.start_date)),
        ("target", table::cell(i.target_date)),
        ("backup", table::cell(i.backup_date)),
        ("risk", table::cell(i.risk.as_ref())),
        ("risk level", table::cell(i.risk_level)),
    ];
    for (k, v) in rows {
        writeln!(out, "  {k:<11} {v}")?;
    }
    if i.track == Track::Release {
        let pain = i.addresses.map(|b| format!("{b} ({})", b.label()));
        writeln!(out, "  {:<11} {}", "addresses", table::cell(pain))?;
    }
    let t = d.slips.target;
    if t.moves > 0 {
        writeln!(
            out,
            "  slip        target moved {} time{} since the first committed {}: {:+} days",
            t.moves,
            if t.moves == 1 { "" } else { "s" },
            table::cell(t.committed),
            t.days
        )?;
    }
    if !d.checkins.is_empty() {
        writeln!(out, "\ncheck-ins")?;
        for c in d.checkins.iter().filter(|c| c.replaced_at.is_none()) {
            writeln!(
                out,
                "  {}  {:<9}  {}",
                c.week,
                c.health.label(),
                c.progress.as_deref().or(c.shipped.as_deref()).unwrap_or("")
            )?;
        }
    }
    if !d.blockers.is_empty() {
        writeln!(out, "\nblockers")?;
        for b in &d.blockers {
            let state = b
                .resolved_on
                .map(|r| format!("resolved {r}"))
                .unwrap_or_else(|| "open".into());
            writeln!(
                out,
                "  #{} {} (owner {}, since {}, {state})",
                b.id, b.text, b.owner, b.since
            )?;
        }
    }
    if !d.decisions.is_empty() {
        writeln!(out, "\ndecisions")?;
        for x in &d.decisions {
            writeln!(
                out,
                "  #{} {} (decider {}, by {})",
                x.id, x.question, x.owner, x.needed_by
            )?;
        }
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The initiative's id.
    id: Id,
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    owner: Option<String>,
    #[arg(long, value_name = "DATE")]
    start: Option<String>,
    #[arg(long, value_name = "DATE")]
    target: Option<String>,
    #[arg(long, value_name = "DATE")]
    backup: Option<String>,
    #[arg(long)]
    risk: Option<String>,
    /// low, medium or high; none clears it.
    #[arg(long, value_name = "LEVEL", ignore_case = true, value_parser = OrNoneParser::<RiskLevel>::default())]
    risk_level: Option<OrNone<RiskLevel>>,
    #[arg(long)]
    mitigation: Option<String>,
    #[arg(long)]
    outcome: Option<String>,
    #[arg(long)]
    measure: Option<String>,
    /// The measured result, once done.
    #[arg(long)]
    result: Option<String>,
    #[arg(long, value_enum, ignore_case = true)]
    status: Option<Status>,
    #[arg(long, value_enum, ignore_case = true)]
    track: Option<Track>,
    #[arg(long)]
    priority: Option<i64>,
    /// For a release fix: the release pain it addresses (build-test, checklist, late-change,
    /// environment-data or handoff); none clears it.
    #[arg(long, value_name = "BUCKET", ignore_case = true, value_parser = OrNoneParser::<PainBucket>::default())]
    addresses: Option<OrNone<PainBucket>>,
    /// Why: kept with every change in the history.
    #[arg(long)]
    reason: Option<String>,
}

pub fn edit(ws: &mut Workspace, a: EditArgs, out: &mut dyn Write) -> Result<()> {
    let patch = InitiativePatch {
        title: a.title,
        owner: a.owner,
        track: a.track,
        status: a.status,
        priority: a.priority,
        outcome: a.outcome,
        measure: a.measure,
        result: a.result,
        start_date: a.start,
        target_date: a.target,
        backup_date: a.backup,
        risk: a.risk,
        risk_level: a.risk_level.map(OrNone::into_option),
        mitigation: a.mitigation,
        addresses: a.addresses.map(OrNone::into_option),
    };
    let before = ws.history(a.id)?.len();
    ws.edit_initiative(a.id, &patch, a.reason.as_deref())?;
    let changed = ws.history(a.id)?.len() - before;
    match changed {
        0 => writeln!(out, "initiative {}: nothing changed", a.id)?,
        1 => writeln!(out, "initiative {}: 1 change logged", a.id)?,
        n => writeln!(out, "initiative {}: {n} changes logged", a.id)?,
    }
    Ok(())
}

pub fn history(ws: &Workspace, a: &ShowArgs, out: &mut dyn Write) -> Result<()> {
    let log = ws.history(a.id)?;
    if a.json {
        return print_json(out, &log);
    }
    let mut t = table::new(&["WHEN", "FIELD", "FROM", "TO", "REASON"]);
    for c in log {
        t.add_row(vec![
            c.at.format("%Y-%m-%d %H:%M").to_string(),
            c.field.into_owned(),
            table::cell(c.old_value),
            table::cell(c.new_value),
            c.reason.unwrap_or_default(),
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}

#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// The initiative's id.
    id: Id,
    /// on-track, at-risk or off-track.
    #[arg(long, value_enum, ignore_case = true)]
    health: Health,
    /// ISO week (YYYY-Www); the current week by default.
    #[arg(long)]
    week: Option<String>,
    /// What shipped this week.
    #[arg(long)]
    shipped: Option<String>,
    /// What is in progress.
    #[arg(long)]
    progress: Option<String>,
    #[arg(long)]
    note: Option<String>,
}

pub fn checkin(ws: &mut Workspace, a: CheckinArgs, out: &mut dyn Write) -> Result<()> {
    let recorded = ws.checkin(&NewCheckIn {
        initiative_id: a.id,
        week: a.week,
        health: a.health,
        shipped: a.shipped,
        progress: a.progress,
        note: a.note,
    })?;
    let c = &recorded.checkin;
    writeln!(
        out,
        "check-in recorded for initiative {} in {}: {}",
        c.initiative_id,
        c.week,
        c.health.label()
    )?;
    if let Some(old) = &recorded.replaced {
        writeln!(
            out,
            "it replaced the check-in recorded on {} ({}); that one is kept in the history \
             as replaced",
            old.recorded_at.format("%Y-%m-%d %H:%M"),
            old.health.label()
        )?;
    }
    Ok(())
}
