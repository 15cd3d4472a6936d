//! The signals of a roadmap in trouble: constant reprioritisation, commitments consistently
//! missed, a backlog growing faster than delivery, and active work without a stated outcome.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::entered;
use crate::calendar::{end_of_day, Month};
use crate::history;
use crate::history::is_date_move;
use crate::model::{Change, Id, Initiative, Status};
use crate::review::common::{InitiativeRef, Window};
use crate::settings::ReviewSettings;
use crate::snapshot::{ByInitiative, Snapshot};

/// Every signal of the month. Each is computed whether raised or not, so the numbers behind
/// a quiet month are there too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonthlySignals {
    pub reprioritisation: Reprioritisation,
    /// Owners whose initiatives slipped in two or more of the last three months.
    pub missed_commitments: Vec<MissedCommitments>,
    pub backlog_growth: BacklogGrowth,
    /// Active initiatives with no stated outcome, by priority.
    pub without_outcome: Vec<InitiativeRef>,
}

impl MonthlySignals {
    /// Whether any signal is raised.
    pub fn any(&self) -> bool {
        self.reprioritisation.raised
            || !self.missed_commitments.is_empty()
            || self.backlog_growth.raised
            || !self.without_outcome.is_empty()
    }
}

/// Priority and date changes of the month against the threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Reprioritisation {
    /// More changes than the threshold.
    pub raised: bool,
    pub count: u32,
    pub threshold: u32,
    /// The changes counted, oldest first.
    pub changes: Vec<RoadmapChange>,
}

/// What kind of roadmap change was counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum ReprioritisationKind {
    #[serde(rename = "priority")]
    Priority,
    #[serde(rename = "dates")]
    Dates,
}

/// One priority change or date move counted towards reprioritisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RoadmapChange {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub at: NaiveDateTime,
    pub kind: ReprioritisationKind,
}

/// One owner's missed commitments over the last three months.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MissedCommitments {
    pub owner: String,
    /// The months with at least one slip, oldest first.
    pub months: Vec<Month>,
    pub misses: Vec<MissedTarget>,
}

/// How a commitment was missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum MissedKind {
    /// A committed target or backup date was moved later.
    #[serde(rename = "moved")]
    Moved,
    /// The target day passed without the initiative being done.
    #[serde(rename = "passed")]
    Passed,
}

/// One slip of one initiative in one month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MissedTarget {
    pub initiative_id: Id,
    pub title: String,
    pub month: Month,
    pub kind: MissedKind,
    /// The date missed: the date moved away from, or the target that passed.
    pub date: NaiveDate,
}

/// The fewest initiatives proposed in a month that can make a growing backlog: one or two
/// new ideas in a month is a founder writing things down, not a backlog out of control.
pub const BACKLOG_GROWTH_FLOOR: u32 = 3;

/// Proposed initiatives against done ones over the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BacklogGrowth {
    /// At least [`BACKLOG_GROWTH_FLOOR`] initiatives were proposed, more than were done, and
    /// the backlog grew.
    pub raised: bool,
    /// Proposed initiatives at the start of the month.
    pub proposed_at_start: u32,
    /// Proposed initiatives at the end of the month (or today).
    pub proposed_at_end: u32,
    /// Initiatives that became proposed during the month.
    pub added: u32,
    /// Initiatives marked done during the month.
    pub done: u32,
}

/// Computes every signal. `full` is the whole snapshot (earlier months are rebuilt from it),
/// `snap` the one cut at the end of the review.
pub(super) fn signals(
    full: &Snapshot,
    snap: &Snapshot,
    month: Month,
    today: NaiveDate,
    settings: &ReviewSettings,
) -> MonthlySignals {
    let cutoff = end_of_day(month.last_day().min(today));
    let window = Window::month(month, cutoff);
    MonthlySignals {
        reprioritisation: reprioritisation(snap, window, settings.reprioritisation_threshold),
        missed_commitments: missed_commitments(full, snap, month, today),
        backlog_growth: backlog_growth(full, snap, month, window),
        without_outcome: without_outcome(snap),
    }
}

fn reference(snap: &Snapshot, id: Id) -> (String, String) {
    snap.initiative(id)
        .map(|i| (i.title.clone(), i.owner.clone()))
        .unwrap_or_default()
}

/// Priority changes and date moves of the month, one per edit and kind.
fn reprioritisation(snap: &Snapshot, window: Window, threshold: u32) -> Reprioritisation {
    let mut seen = BTreeSet::new();
    let mut changes = Vec::new();
    for c in window.changes(snap) {
        let kind = if is_date_move(c) {
            ReprioritisationKind::Dates
        } else if c.field == "priority" && c.old_value.is_some() && c.old_value != c.new_value {
            ReprioritisationKind::Priority
        } else {
            continue;
        };
        if seen.insert((c.at, c.initiative_id, kind as u8)) {
            let (title, owner) = reference(snap, c.initiative_id);
            changes.push(RoadmapChange {
                initiative_id: c.initiative_id,
                title,
                owner,
                at: c.at,
                kind,
            });
        }
    }
    let count = changes.len() as u32;
    Reprioritisation {
        raised: count > threshold,
        count,
        threshold,
        changes,
    }
}

/// The owner of initiative `id` at `at`, from the change log.
fn owner_at(by_initiative: &ByInitiative, id: Id, at: NaiveDateTime) -> Option<String> {
    by_initiative
        .changes(id)
        .iter()
        .filter(|c| c.field == "owner" && c.at <= at)
        .filter_map(|c| c.new_value.clone())
        .next_back()
}

/// Owners whose initiatives slipped in at least two of `month` and the two months before.
/// Initiatives are named by their title in `now` (the review's cut), whatever it was then.
fn missed_commitments(
    full: &Snapshot,
    now: &Snapshot,
    month: Month,
    today: NaiveDate,
) -> Vec<MissedCommitments> {
    let title = |then: &ByInitiative, id: Id| {
        now.initiative(id)
            .or_else(|| then.initiative(id))
            .map(|i| i.title.clone())
            .unwrap_or_default()
    };
    let mut by_owner: BTreeMap<String, Vec<MissedTarget>> = BTreeMap::new();
    for m in [month.plus(-2), month.previous(), month] {
        if m.first_day() > today {
            continue;
        }
        let as_of = m.last_day().min(today);
        let cutoff = end_of_day(as_of);
        // The initiatives and their change logs as known at the cut-off, borrowed from the
        // workspace read (copying it for each month was most of the monthly review's cost).
        let initiatives = full.initiatives_as_of(cutoff);
        let log: Vec<&Change> = full.changes.iter().filter(|c| c.at <= cutoff).collect();
        let by_initiative = ByInitiative::of(
            initiatives.iter().map(|i| &**i),
            log.iter().copied(),
            std::iter::empty(),
        );
        let window = Window::month(m, cutoff);
        let mut push =
            |owner: String, miss: MissedTarget| by_owner.entry(owner).or_default().push(miss);
        let mut edits = BTreeSet::new();
        for &c in log.iter().filter(|c| window.contains(c.at)) {
            let Some(date) = moved_later(&by_initiative, c) else {
                continue;
            };
            if edits.insert((c.at, c.initiative_id)) {
                let owner = owner_at(&by_initiative, c.initiative_id, c.at).unwrap_or_default();
                push(
                    owner,
                    MissedTarget {
                        initiative_id: c.initiative_id,
                        title: title(&by_initiative, c.initiative_id),
                        month: m,
                        kind: MissedKind::Moved,
                        date,
                    },
                );
            }
        }
        for i in &initiatives {
            let Some(target) = i.target_date.filter(|t| m.contains(*t)) else {
                continue;
            };
            if target > as_of || target >= today {
                continue;
            }
            let done_on = entered(by_initiative.changes(i.id), Status::Done).map(|at| at.date());
            let missed = match i.status {
                Status::Active | Status::Paused => true,
                Status::Done => done_on.is_some_and(|d| d > target),
                Status::Proposed | Status::Dropped => false,
            };
            if missed {
                push(
                    i.owner.clone(),
                    MissedTarget {
                        initiative_id: i.id,
                        title: title(&by_initiative, i.id),
                        month: m,
                        kind: MissedKind::Passed,
                        date: target,
                    },
                );
            }
        }
    }
    by_owner
        .into_iter()
        .filter_map(|(owner, mut misses)| {
            misses.sort_by_key(|x| (x.month, x.date, x.initiative_id));
            misses.dedup();
            let months: Vec<Month> = misses
                .iter()
                .map(|x| x.month)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            (months.len() >= 2).then_some(MissedCommitments {
                owner,
                months,
                misses,
            })
        })
        .collect()
}

/// The date a change moved away from, when it moved a committed date later.
fn moved_later(by_initiative: &ByInitiative, c: &Change) -> Option<NaiveDate> {
    if !is_date_move(c) {
        return None;
    }
    let date = |v: &Option<String>| history::logged_date(v.as_deref());
    let (from, to) = (date(&c.old_value)?, date(&c.new_value)?);
    let before = by_initiative
        .changes(c.initiative_id)
        .iter()
        .copied()
        .filter(|e| e.id < c.id);
    let committed = history::slips(before).target.committed.is_some();
    (committed && to > from).then_some(from)
}

/// Proposed initiatives added against done ones, and the backlog's size at both ends.
fn backlog_growth(full: &Snapshot, snap: &Snapshot, month: Month, window: Window) -> BacklogGrowth {
    let proposed = |initiatives: &mut dyn Iterator<Item = &Initiative>| {
        initiatives.filter(|i| i.status == Status::Proposed).count() as u32
    };
    let before = full.initiatives_as_of(end_of_day(month.first_day() - Duration::days(1)));
    let entering = |status: Status| {
        window
            .changes(snap)
            .filter(|c| c.field == "status" && c.new_value.as_deref() == Some(status.as_str()))
            .count() as u32
    };
    let (added, done) = (entering(Status::Proposed), entering(Status::Done));
    let (proposed_at_start, proposed_at_end) = (
        proposed(&mut before.iter().map(|i| &**i)),
        proposed(&mut snap.initiatives.iter()),
    );
    BacklogGrowth {
        raised: added >= BACKLOG_GROWTH_FLOOR
            && added > done
            && proposed_at_end > proposed_at_start,
        proposed_at_start,
        proposed_at_end,
        added,
        done,
    }
}

/// Active initiatives whose outcome is not stated.
fn without_outcome(snap: &Snapshot) -> Vec<InitiativeRef> {
    let mut list: Vec<_> = snap
        .initiatives
        .iter()
        .filter(|i| i.status == Status::Active)
        .filter(|i| i.outcome.as_deref().is_none_or(|o| o.trim().is_empty()))
        .collect();
    list.sort_by_key(|i| (i.priority, i.id));
    list.into_iter()
        .map(|i| InitiativeRef {
            initiative_id: i.id,
            title: i.title.clone(),
            owner: i.owner.clone(),
        })
        .collect()
}
