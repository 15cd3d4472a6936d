//! What changed on the roadmap since the previous monthly review, read from the change log.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::Window;
use crate::calendar::{days_between, end_of_day, Quarter};
use crate::history;
use crate::model::{Change, Id, Status};
use crate::settings::ReviewSettings;
use crate::snapshot::{ByInitiative, Snapshot};

/// Every change of the period, each list oldest first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonthlyChanges {
    /// Target or backup dates moved (one entry per edit).
    pub date_moves: Vec<DateMove>,
    /// Items cut from an initiative's scope.
    pub scope_cuts: Vec<ScopeCut>,
    pub owner_changes: Vec<OwnerChange>,
    pub priority_changes: Vec<PriorityChange>,
    /// Initiatives created.
    pub added: Vec<StatusEvent>,
    pub dropped: Vec<StatusEvent>,
    pub paused: Vec<StatusEvent>,
}

impl MonthlyChanges {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.date_moves.is_empty()
            && self.scope_cuts.is_empty()
            && self.owner_changes.is_empty()
            && self.priority_changes.is_empty()
            && self.added.is_empty()
            && self.dropped.is_empty()
            && self.paused.is_empty()
    }
}

/// One edit that moved an initiative's target, backup or both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DateMove {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub at: NaiveDateTime,
    pub target: Option<FieldMove>,
    pub backup: Option<FieldMove>,
    pub reason: Option<String>,
    /// Edits that moved this initiative's dates in the quarter of this edit, up to the
    /// review's day.
    pub moves_this_quarter: u32,
}

/// One date moved from one day to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FieldMove {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Days moved: positive when later.
    pub days: i32,
    /// The date first committed to, when the initiative had become active by then.
    pub committed: Option<NaiveDate>,
    /// Days from the committed date to the new one.
    pub slip_days: Option<i32>,
}

/// An item cut from an initiative's scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScopeCut {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub at: NaiveDateTime,
    pub item: String,
    pub reason: Option<String>,
}

/// An initiative handed to another owner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OwnerChange {
    pub initiative_id: Id,
    pub title: String,
    pub at: NaiveDateTime,
    pub from: String,
    pub to: String,
    pub reason: Option<String>,
}

/// An initiative's priority rank changed (1 comes first).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PriorityChange {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub at: NaiveDateTime,
    pub from: i64,
    pub to: i64,
    pub reason: Option<String>,
}

/// An initiative added, dropped or paused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StatusEvent {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub at: NaiveDateTime,
    /// The status before (none when added).
    pub from: Option<Status>,
    /// The status after.
    pub to: Status,
    pub reason: Option<String>,
}

/// The changes of `snap` (already cut at `window`'s end, its records `by_initiative`) made in
/// `window`: date moves, scope cuts, owner and priority changes, initiatives added, dropped or
/// paused.
pub(crate) fn changes_in(
    snap: &Snapshot,
    by_initiative: &ByInitiative,
    window: Window,
    settings: &ReviewSettings,
) -> MonthlyChanges {
    let label = |id: Id| {
        by_initiative
            .initiative(id)
            .map(|i| (i.title.clone(), i.owner.clone()))
            .unwrap_or_default()
    };
    let mut out = MonthlyChanges::default();
    let mut moves: BTreeMap<(NaiveDateTime, Id), DateMove> = BTreeMap::new();
    for c in window.changes(snap) {
        // The quarter the edit was made in: a week or month that ends in the next quarter
        // still counts its moves where they happened.
        let quarter = Quarter::of(c.at.date(), settings.fiscal_year_start);
        let (title, owner) = label(c.initiative_id);
        match c.field.as_ref() {
            "target_date" | "backup_date" => {
                let Some(m) = field_move(by_initiative, c) else {
                    continue;
                };
                let entry = moves
                    .entry((c.at, c.initiative_id))
                    .or_insert_with(|| DateMove {
                        initiative_id: c.initiative_id,
                        title,
                        owner,
                        at: c.at,
                        target: None,
                        backup: None,
                        reason: c.reason.clone(),
                        moves_this_quarter: date_edits(
                            by_initiative.changes(c.initiative_id),
                            quarter,
                            window.to,
                        ),
                    });
                if c.field == "target_date" {
                    entry.target = Some(m);
                } else {
                    entry.backup = Some(m);
                }
            }
            "scope" => {
                if let (Some(item), None) = (&c.old_value, &c.new_value) {
                    out.scope_cuts.push(ScopeCut {
                        initiative_id: c.initiative_id,
                        title,
                        owner,
                        at: c.at,
                        item: item.clone(),
                        reason: c.reason.clone(),
                    });
                }
            }
            "owner" => {
                if let (Some(from), Some(to)) = (&c.old_value, &c.new_value) {
                    out.owner_changes.push(OwnerChange {
                        initiative_id: c.initiative_id,
                        title,
                        at: c.at,
                        from: from.clone(),
                        to: to.clone(),
                        reason: c.reason.clone(),
                    });
                }
            }
            "priority" => {
                let rank = |v: &Option<String>| v.as_deref().and_then(|v| v.parse().ok());
                if let (Some(from), Some(to)) = (rank(&c.old_value), rank(&c.new_value)) {
                    out.priority_changes.push(PriorityChange {
                        initiative_id: c.initiative_id,
                        title,
                        owner,
                        at: c.at,
                        from,
                        to,
                        reason: c.reason.clone(),
                    });
                }
            }
            "status" => {
                let status = |v: &Option<String>| v.as_deref().and_then(|v| v.parse().ok());
                let Some(to) = status(&c.new_value) else {
                    continue;
                };
                let event = StatusEvent {
                    initiative_id: c.initiative_id,
                    title,
                    owner,
                    at: c.at,
                    from: status(&c.old_value),
                    to,
                    reason: c.reason.clone(),
                };
                match (event.from, to) {
                    (None, _) => out.added.push(event),
                    (Some(_), Status::Dropped) => out.dropped.push(event),
                    (Some(_), Status::Paused) => out.paused.push(event),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    out.date_moves = moves.into_values().collect();
    out
}

/// The move a target or backup change made, when it replaced one date by another.
fn field_move(by_initiative: &ByInitiative, c: &Change) -> Option<FieldMove> {
    let date = |v: &Option<String>| history::logged_date(v.as_deref());
    let (from, to) = (date(&c.old_value)?, date(&c.new_value)?);
    let upto = by_initiative
        .changes(c.initiative_id)
        .iter()
        .copied()
        .filter(|e| e.id <= c.id);
    let slips = history::slips(upto);
    let committed = if c.field == "target_date" {
        slips.target.committed
    } else {
        slips.backup.committed
    };
    Some(FieldMove {
        from,
        to,
        days: days_between(from, to) as i32,
        committed,
        slip_days: committed.map(|d| days_between(d, to) as i32),
    })
}

/// How many edits in an initiative's change log `log` moved a date from the start of `quarter`
/// to `to`.
fn date_edits(log: &[&Change], quarter: Quarter, to: NaiveDateTime) -> u32 {
    let from = quarter
        .first_day()
        .and_hms_opt(0, 0, 0)
        .expect("valid time");
    history::date_edits(
        log.iter().copied(),
        from,
        to.min(end_of_day(quarter.last_day())),
    )
}
