//! `cadence release add | list | show | include | cut | freeze | rehearse | check | decide |
//! slip | ship | rollback | incident | near-miss | pain | cancel`

use std::io::Write;

use clap::{Args, Subcommand};

use super::{print_json, table};
use cadence::error::Result;
use cadence::model::Id;
use cadence::release::sheet::Readiness;
use cadence::release::view::ReleaseView;
use cadence::release::{parse_answers, EventKind, PainBucket, Release};
use cadence::store::{NewDecision, NewEvent, NewRelease, Workspace};
use cadence::usecases::releases_view::rehearsal_trend;

/// Release commands.
#[derive(Debug, Subcommand)]
pub enum ReleaseCommand {
    /// Add a release: the one problem it fixes, its dates and its three owners.
    Add(AddArgs),
    /// The releases with status, next date and readiness.
    List {
        #[arg(long)]
        json: bool,
    },
    /// One release with its owners, scope, rollback readiness, outcome and pain.
    Show {
        /// The release's id.
        id: Id,
        #[arg(long)]
        json: bool,
    },
    /// Put an initiative in a release's scope (a reason is required after the freeze).
    Include {
        /// The release's id.
        id: Id,
        /// The initiative's id.
        initiative: Id,
        /// Why it is added after the freeze (a late addition).
        #[arg(long)]
        reason: Option<String>,
        /// It touches a risky change type: billing, permissions, migrations, several services.
        #[arg(long)]
        risky: bool,
    },
    /// Cut an initiative from a release's scope, saying why.
    Cut {
        /// The release's id.
        id: Id,
        /// The initiative's id.
        initiative: Id,
        /// Why it was cut (required).
        #[arg(long)]
        reason: String,
    },
    /// Freeze a release's scope (testing starts): later additions are late.
    Freeze {
        /// The release's id.
        id: Id,
    },
    /// Log a rollback rehearsal: minutes from "roll back" to users on the stable version.
    Rehearse {
        /// The release's id.
        id: Id,
        #[arg(long)]
        minutes: i64,
        /// The day it ran (YYYY-MM-DD; default today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
        /// Who ran it.
        #[arg(long, value_name = "PERSON")]
        by: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// The go/no-go sheet: the five questions with Cadence's evidence.
    Check {
        /// The release's id.
        id: Id,
        #[arg(long)]
        json: bool,
    },
    /// Record the go/no-go call.
    Decide(DecideArgs),
    /// Move a release's dates, with the reason and its cause bucket.
    Slip {
        /// The release's id.
        id: Id,
        #[arg(long, value_name = "DATE")]
        target: String,
        #[arg(long, value_name = "DATE")]
        backup: String,
        #[arg(long)]
        reason: String,
        /// build-test, checklist, late-change, environment-data or handoff.
        #[arg(long, value_name = "BUCKET", value_enum, ignore_case = true)]
        cause: PainBucket,
    },
    /// Record that a release shipped.
    Ship {
        /// The release's id.
        id: Id,
        /// When ("YYYY-MM-DD HH:MM", local; default now).
        #[arg(long, value_name = "TIME")]
        at: Option<String>,
    },
    /// Record a rollback of a shipped release.
    Rollback {
        /// The release's id.
        id: Id,
        /// When the rollback was called ("YYYY-MM-DD HH:MM").
        #[arg(long, value_name = "TIME")]
        at: String,
        /// When users were back on the stable version.
        #[arg(long, value_name = "TIME")]
        restored: String,
        #[arg(long)]
        reason: String,
    },
    /// Record an incident after a release.
    Incident {
        /// The release's id.
        id: Id,
        /// When it started ("YYYY-MM-DD HH:MM").
        #[arg(long, value_name = "TIME")]
        at: String,
        /// When service was restored.
        #[arg(long, value_name = "TIME")]
        restored: String,
        #[arg(long)]
        note: String,
        /// It was fixed by a hotfix.
        #[arg(long)]
        hotfix: bool,
    },
    /// Record a near-miss: a release paused or a problem caught at the last moment.
    NearMiss {
        /// The release's id.
        id: Id,
        /// When ("YYYY-MM-DD HH:MM").
        #[arg(long, value_name = "TIME")]
        at: String,
        #[arg(long)]
        note: String,
    },
    /// Record hours a release lost to one cause.
    Pain {
        /// The release's id.
        id: Id,
        /// build-test, checklist, late-change, environment-data or handoff.
        #[arg(long, value_name = "BUCKET", value_enum, ignore_case = true)]
        cause: PainBucket,
        #[arg(long)]
        hours: i64,
        #[arg(long)]
        note: String,
    },
    /// Cancel a release, saying why (it counts as missed).
    Cancel {
        /// The release's id.
        id: Id,
        #[arg(long)]
        reason: String,
    },
}

impl ReleaseCommand {
    /// Whether the command changes the workspace.
    pub fn writes(&self) -> bool {
        !matches!(
            self,
            ReleaseCommand::List { .. }
                | ReleaseCommand::Show { .. }
                | ReleaseCommand::Check { .. }
        )
    }
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The release's name, e.g. 2.4.
    name: String,
    /// The one problem it fixes, in one sentence.
    #[arg(long)]
    fixes: String,
    /// Target date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    target: String,
    /// Backup date, on or after the target (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    backup: String,
    /// Decides what stays and what is cut.
    #[arg(long, value_name = "PERSON")]
    scope_owner: String,
    /// Tracks daily progress, blockers and hand-offs.
    #[arg(long, value_name = "PERSON")]
    delivery_owner: String,
    /// Owns testing, migrations, config, rollout and rollback.
    #[arg(long, value_name = "PERSON")]
    readiness_owner: String,
    /// The person who can stop the release.
    #[arg(long, value_name = "PERSON")]
    stop_owner: Option<String>,
    /// How support explains it in one message.
    #[arg(long, value_name = "TEXT")]
    support_note: Option<String>,
    /// When to roll back, agreed before release day.
    #[arg(long, value_name = "TEXT")]
    triggers: Option<String>,
    /// The last stable version to go back to.
    #[arg(long, value_name = "VERSION")]
    stable: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    /// The release's id.
    id: Id,
    /// The call is go.
    #[arg(long, conflicts_with = "no_go", required_unless_present = "no_go")]
    go: bool,
    /// The call is no-go.
    #[arg(long)]
    no_go: bool,
    /// Who made the call.
    #[arg(long, value_name = "PERSON")]
    by: String,
    /// QUESTION=yes|no; questions: one-problem, owners, rollback, prod-like, cuts-told.
    #[arg(long = "answer", value_name = "QUESTION=ANSWER")]
    answers: Vec<String>,
    /// Why a go stands over a "no" or an unanswered question (required then).
    #[arg(long)]
    reason: Option<String>,
}

pub fn run(ws: &mut Workspace, cmd: ReleaseCommand, out: &mut dyn Write) -> Result<()> {
    let done = match cmd {
        ReleaseCommand::Add(a) => {
            let r = ws.add_release(&NewRelease {
                name: a.name,
                fixes: a.fixes,
                target_date: a.target,
                backup_date: a.backup,
                scope_owner: a.scope_owner,
                delivery_owner: a.delivery_owner,
                readiness_owner: a.readiness_owner,
                stop_owner: a.stop_owner,
                support_note: a.support_note,
                rollback_triggers: a.triggers,
                stable_version: a.stable,
            })?;
            if a.json {
                return print_json(out, &ws.release_view(r.id)?);
            }
            writeln!(out, "{}", r.id)?;
            if r.one_person_owns_all() {
                writeln!(
                    out,
                    "warning: {} holds all three owner roles, which hides risk until the last day",
                    r.scope_owner
                )?;
            }
            return Ok(());
        }
        ReleaseCommand::List { json } => return list(ws, json, out),
        ReleaseCommand::Show { id, json } => {
            let v = ws.release_view(id)?;
            if json {
                return print_json(out, &v);
            }
            return show(&v, out);
        }
        ReleaseCommand::Check { id, json } => {
            let s = ws.release_sheet(id)?;
            if json {
                return print_json(out, &s);
            }
            return check(&s, out);
        }
        ReleaseCommand::Include {
            id,
            initiative,
            reason,
            risky,
        } => {
            let r = ws.include_in_release(id, initiative, reason.as_deref(), risky)?;
            let late = if r.frozen_at.is_some() {
                " as a late addition"
            } else {
                ""
            };
            format!(
                "initiative {initiative} is in the scope of release {}{late}",
                r.name
            )
        }
        ReleaseCommand::Cut {
            id,
            initiative,
            reason,
        } => {
            let r = ws.cut_from_release(id, initiative, &reason)?;
            format!("initiative {initiative} is cut from release {}", r.name)
        }
        ReleaseCommand::Freeze { id } => {
            let r = ws.freeze_release(id)?;
            format!("the scope of release {} is frozen", r.name)
        }
        ReleaseCommand::Rehearse {
            id,
            minutes,
            on,
            by,
            note,
        } => {
            let r =
                ws.rehearse_release(id, minutes, on.as_deref(), by.as_deref(), note.as_deref())?;
            format!(
                "rollback rehearsal of release {} logged: {minutes} minutes ({})",
                r.name,
                trend(&r)
            )
        }
        ReleaseCommand::Decide(a) => {
            let r = ws.decide_release(
                a.id,
                &NewDecision {
                    go: a.go,
                    by: a.by,
                    answers: parse_answers(&a.answers)?,
                    reason: a.reason,
                },
            )?;
            let d = r.decision().expect("just recorded");
            let call = if d.go { "go" } else { "no-go" };
            let over = if d.is_override() {
                " (an override)"
            } else {
                ""
            };
            format!("release {}: {call} by {}{over}", r.name, d.by)
        }
        ReleaseCommand::Slip {
            id,
            target,
            backup,
            reason,
            cause,
        } => {
            let r = ws.slip_release(id, &target, &backup, &reason, cause)?;
            format!(
                "release {} moved to {} (backup {})",
                r.name, r.target_date, r.backup_date
            )
        }
        ReleaseCommand::Ship { id, at } => {
            let r = ws.ship_release(id, at.as_deref())?;
            let shipped = r.shipped_at.expect("just shipped");
            format!(
                "release {} shipped {} ({})",
                r.name,
                shipped.format("%Y-%m-%d %H:%M"),
                outcome_words(&ws.release_view(r.id)?)
            )
        }
        ReleaseCommand::Rollback {
            id,
            at,
            restored,
            reason,
        } => event(
            ws,
            id,
            EventKind::Rollback,
            at,
            Some(restored),
            reason,
            false,
        )?,
        ReleaseCommand::Incident {
            id,
            at,
            restored,
            note,
            hotfix,
        } => event(
            ws,
            id,
            EventKind::Incident,
            at,
            Some(restored),
            note,
            hotfix,
        )?,
        ReleaseCommand::NearMiss { id, at, note } => {
            event(ws, id, EventKind::NearMiss, at, None, note, false)?
        }
        ReleaseCommand::Pain {
            id,
            cause,
            hours,
            note,
        } => {
            let r = ws.add_release_pain(id, cause, hours, &note)?;
            let p = r.pain.last().expect("just recorded");
            format!(
                "release {} lost {hours} hours to {}",
                r.name,
                p.cause.label()
            )
        }
        ReleaseCommand::Cancel { id, reason } => {
            let r = ws.cancel_release(id, &reason)?;
            format!("release {} is cancelled (it counts as missed)", r.name)
        }
    };
    writeln!(out, "{done}")?;
    Ok(())
}

fn event(
    ws: &mut Workspace,
    id: Id,
    kind: EventKind,
    at: String,
    restored_at: Option<String>,
    note: String,
    hotfix: bool,
) -> Result<String> {
    let r = ws.record_release_event(
        id,
        &NewEvent {
            kind,
            at,
            restored_at,
            note,
            hotfix,
        },
    )?;
    let e = r.events.last().expect("just recorded");
    Ok(match e.minutes_to_restore() {
        Some(m) => format!(
            "{kind} of release {} recorded: restored in {m} minutes",
            r.name
        ),
        None => format!("{kind} of release {} recorded", r.name),
    })
}

/// The rehearsal minutes in order, "40 → 25 → 15 minutes".
fn trend(r: &Release) -> String {
    let minutes: Vec<String> = rehearsal_trend(r).iter().map(|m| m.to_string()).collect();
    format!("{} minutes", minutes.join(" → "))
}

fn outcome_words(v: &ReleaseView) -> &'static str {
    use cadence::release::figures::Outcome as O;
    match v.outcome {
        O::Open => "to ship",
        O::ByTarget => "by its target date",
        O::ByBackup => "after its target, by its backup date",
        O::Late => "after its backup date: missed",
        O::Cancelled => "cancelled: missed",
        O::Overdue => "past its backup date: missed",
    }
}

fn readiness_words(r: &Readiness) -> String {
    if r.ready {
        "ready".into()
    } else {
        format!("not ready: {}", r.gaps.join("; "))
    }
}

fn list(ws: &Workspace, json: bool, out: &mut dyn Write) -> Result<()> {
    let views = ws.release_list()?;
    if json {
        return print_json(out, &views);
    }
    if views.is_empty() {
        writeln!(out, "no releases yet; add one with `cadence release add`")?;
        return Ok(());
    }
    let mut t = table::new(&["id", "name", "status", "target", "backup", "readiness"]);
    for v in &views {
        let r = &v.release;
        t.add_row(vec![
            r.id.to_string(),
            r.name.clone(),
            v.status.label().to_string(),
            r.target_date.to_string(),
            r.backup_date.to_string(),
            match &v.readiness {
                Some(x) => readiness_words(x),
                None => outcome_words(v).to_string(),
            },
        ]);
    }
    writeln!(out, "{t}")?;
    Ok(())
}

fn show(v: &ReleaseView, out: &mut dyn Write) -> Result<()> {
    let r = &v.release;
    let (first_target, first_backup) = r.first_dates();
    writeln!(out, "release {} — {}", r.id, r.name)?;
    let dates = if (first_target, first_backup) == (r.target_date, r.backup_date) {
        format!("{} (backup {})", r.target_date, r.backup_date)
    } else {
        format!(
            "{} (backup {}); first {} (backup {})",
            r.target_date, r.backup_date, first_target, first_backup
        )
    };
    let rows: [(&str, String); 11] = [
        ("fixes", r.fixes.clone()),
        (
            "status",
            format!("{} ({})", v.status.label(), outcome_words(v)),
        ),
        ("dates", dates),
        ("scope owner", r.scope_owner.clone()),
        ("delivery", r.delivery_owner.clone()),
        ("readiness", r.readiness_owner.clone()),
        ("can stop it", table::cell(r.stop_owner.as_ref())),
        ("support", table::cell(r.support_note.as_ref())),
        ("triggers", table::cell(r.rollback_triggers.as_ref())),
        ("stable", table::cell(r.stable_version.as_ref())),
        (
            "frozen",
            table::cell(r.frozen_at.map(|t| t.format("%Y-%m-%d %H:%M"))),
        ),
    ];
    for (k, val) in rows {
        writeln!(out, "  {k:<12} {val}")?;
    }
    if let Some(x) = &v.readiness {
        writeln!(out, "  {:<12} {}", "ready?", readiness_words(x))?;
    }
    for w in &v.warnings {
        writeln!(out, "  warning: {w}")?;
    }
    if !r.scope.is_empty() {
        writeln!(out, "\nscope")?;
        for s in &r.scope {
            let mut line = format!(
                "  {} (initiative {})",
                v.title(s.initiative_id),
                s.initiative_id
            );
            if s.risky {
                line.push_str(", risky change");
            }
            if let Some(reason) = &s.late_reason {
                line.push_str(&format!(", late addition: {reason}"));
            }
            if let (Some(at), Some(reason)) = (s.cut_at, &s.cut_reason) {
                line.push_str(&format!(", cut {}: {reason}", at.date()));
            }
            writeln!(out, "{line}")?;
        }
    }
    if !r.slips.is_empty() {
        writeln!(out, "\nslips")?;
        for s in &r.slips {
            writeln!(
                out,
                "  {} moved {} → {} (backup {} → {}): {} [{}]",
                s.at.date(),
                s.old_target,
                s.new_target,
                s.old_backup,
                s.new_backup,
                s.reason,
                s.cause
            )?;
        }
    }
    if !r.rehearsals.is_empty() {
        writeln!(out, "\nrollback rehearsals ({})", trend(r))?;
        for x in &r.rehearsals {
            let by =
                x.by.as_deref()
                    .map(|b| format!(" by {b}"))
                    .unwrap_or_default();
            let note = x
                .note
                .as_deref()
                .map(|n| format!(": {n}"))
                .unwrap_or_default();
            writeln!(out, "  {} {} minutes{by}{note}", x.on, x.minutes)?;
        }
    }
    if !r.decisions.is_empty() {
        writeln!(out, "\ngo/no-go")?;
        for d in &r.decisions {
            let call = if d.go { "go" } else { "no-go" };
            let answers: Vec<String> = d
                .answers
                .iter()
                .map(|a| format!("{}={}", a.question, if a.yes { "yes" } else { "no" }))
                .collect();
            let over = if d.is_override() { " — override" } else { "" };
            let reason = d
                .reason
                .as_deref()
                .map(|x| format!(": {x}"))
                .unwrap_or_default();
            writeln!(
                out,
                "  {} {call} by {} [{}]{over}{reason}",
                d.at.format("%Y-%m-%d %H:%M"),
                d.by,
                answers.join(", ")
            )?;
        }
    }
    if let Some(at) = r.shipped_at {
        writeln!(out, "\nshipped {}", at.format("%Y-%m-%d %H:%M"))?;
    }
    if let (Some(at), Some(reason)) = (r.cancelled_at, &r.cancel_reason) {
        writeln!(out, "\ncancelled {}: {reason}", at.date())?;
    }
    if !r.events.is_empty() {
        writeln!(out, "\nrollbacks, incidents and near-misses")?;
        for e in &r.events {
            let restored = e
                .minutes_to_restore()
                .map(|m| format!(", restored in {m} minutes"))
                .unwrap_or_default();
            let hotfix = if e.hotfix { ", fixed by a hotfix" } else { "" };
            writeln!(
                out,
                "  {} {}{restored}{hotfix}: {}",
                e.at.format("%Y-%m-%d %H:%M"),
                e.kind,
                e.note
            )?;
        }
    }
    if !r.pain.is_empty() {
        writeln!(out, "\npain")?;
        for p in &r.pain {
            writeln!(out, "  {} hours, {}: {}", p.hours, p.cause.label(), p.note)?;
        }
    }
    Ok(())
}

fn check(s: &cadence::release::sheet::Sheet, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "Go/no-go for release {}", s.name)?;
    writeln!(out, "{}", readiness_words(&s.readiness))?;
    for w in &s.warnings {
        writeln!(out, "warning: {w}")?;
    }
    for (n, q) in s.questions.iter().enumerate() {
        let answer = match q.answer {
            Some(true) => "yes",
            Some(false) => "no",
            None => "not answered",
        };
        writeln!(out, "\n{}. {} [{answer}] ({})", n + 1, q.text, q.question)?;
        for e in &q.evidence {
            writeln!(out, "   - {e}")?;
        }
    }
    Ok(())
}
