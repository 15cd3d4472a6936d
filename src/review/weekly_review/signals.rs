//! The signals of a week going wrong: silent initiatives, progress that does not move,
//! plans changed mid-week, too many release fixes at once, overloaded owners and discovery
//! that outran its time box.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Serialize};

use super::blockers::normalise;
use super::{first_week_read, Calls};
use crate::calendar::{days_between, IsoWeek};
use crate::model::{Initiative, Track};
use crate::review::common::active_release_fixes;
use crate::review::common::InitiativeRef;
use crate::snapshot::Snapshot;

/// Progress text repeated for this many weeks in a row (the reviewed one included) is stale.
pub const STALE_WEEKS: u32 = 3;

/// An owner with more active initiatives than this is overloaded.
pub const OWNER_LIMIT: usize = 3;

/// Every signal of the week. Each list is empty when the signal is not raised.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WeeklySignals {
    /// Active initiatives with no check-in for the week, by priority.
    pub missing_checkins: Vec<InitiativeRef>,
    /// "In progress" text unchanged for [`STALE_WEEKS`] weeks or more.
    pub stale_progress: Vec<StaleProgress>,
    /// Priority or dates changed Tuesday to Thursday.
    pub midweek_changes: Vec<MidweekChange>,
    /// The active release fixes, when more than one is.
    pub release_fixes: Vec<InitiativeRef>,
    /// Owners of more than [`OWNER_LIMIT`] active initiatives.
    pub overloaded_owners: Vec<OverloadedOwner>,
    /// Active discovery past its target date.
    pub discovery_overdue: Vec<InitiativeRef>,
}

impl WeeklySignals {
    /// Whether any signal is raised.
    pub fn any(&self) -> bool {
        !self.missing_checkins.is_empty()
            || !self.stale_progress.is_empty()
            || !self.midweek_changes.is_empty()
            || !self.release_fixes.is_empty()
            || !self.overloaded_owners.is_empty()
            || !self.discovery_overdue.is_empty()
    }
}

/// An initiative whose "in progress" text has not changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StaleProgress {
    pub initiative_id: i64,
    pub title: String,
    pub owner: String,
    pub progress: String,
    /// Consecutive weeks with the same text, up to the reviewed one; the count stops at
    /// [`super::HEALTH_WEEKS`], the weeks a review reads.
    pub weeks: u32,
}

/// A priority or date change made in the middle of the week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MidweekChange {
    pub initiative_id: i64,
    pub title: String,
    pub owner: String,
    pub at: NaiveDateTime,
    /// `priority`, `target_date` or `backup_date`.
    pub field: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub reason: Option<String>,
}

/// An owner carrying too many active initiatives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OverloadedOwner {
    pub owner: String,
    pub count: u32,
    /// Their active initiatives, by priority.
    pub titles: Vec<String>,
}

fn reference(i: &Initiative) -> InitiativeRef {
    InitiativeRef {
        initiative_id: i.id,
        title: i.title.clone(),
        owner: i.owner.clone(),
    }
}

/// Computes the signals; `active` are the active initiatives by priority.
pub(super) fn signals(
    snap: &Snapshot,
    calls: &Calls,
    active: &[&Initiative],
    week: IsoWeek,
    as_of: NaiveDate,
    start: NaiveDateTime,
    cutoff: NaiveDateTime,
) -> WeeklySignals {
    let missing_checkins = active
        .iter()
        .filter(|i| calls.at(i.id, week).is_none())
        .map(|i| reference(i))
        .collect();
    let stale_progress = active
        .iter()
        .filter_map(|i| stale(calls, i, week))
        .collect();
    let midweek_changes = snap
        .changes
        .iter()
        .filter(|c| c.at >= start && c.at <= cutoff)
        .filter(|c| matches!(c.field.as_ref(), "priority" | "target_date" | "backup_date"))
        .filter(|c| c.old_value.is_some() && c.old_value != c.new_value)
        .filter(|c| matches!(c.at.weekday(), Weekday::Tue | Weekday::Wed | Weekday::Thu))
        .filter_map(|c| {
            let i = snap.initiative(c.initiative_id)?;
            Some(MidweekChange {
                initiative_id: i.id,
                title: i.title.clone(),
                owner: i.owner.clone(),
                at: c.at,
                field: c.field.to_string(),
                from: c.old_value.clone(),
                to: c.new_value.clone(),
                reason: c.reason.clone(),
            })
        })
        .collect();
    let fixes = active_release_fixes(&snap.initiatives);
    let release_fixes = if fixes.len() > 1 {
        fixes.into_iter().map(reference).collect()
    } else {
        Vec::new()
    };
    let mut by_owner: BTreeMap<&str, Vec<&Initiative>> = BTreeMap::new();
    for i in active {
        by_owner.entry(i.owner.as_str()).or_default().push(i);
    }
    let overloaded_owners = by_owner
        .into_iter()
        .filter(|(_, list)| list.len() > OWNER_LIMIT)
        .map(|(owner, list)| OverloadedOwner {
            owner: owner.to_string(),
            count: list.len() as u32,
            titles: list.iter().map(|i| i.title.clone()).collect(),
        })
        .collect();
    let discovery_overdue = active
        .iter()
        .filter(|i| i.track == Track::Discovery)
        .filter(|i| i.target_date.is_some_and(|t| days_between(t, as_of) > 0))
        .map(|i| reference(i))
        .collect();
    WeeklySignals {
        missing_checkins,
        stale_progress,
        midweek_changes,
        release_fixes,
        overloaded_owners,
        discovery_overdue,
    }
}

/// The initiative's progress text when it has read the same for [`STALE_WEEKS`] consecutive
/// weeks or more, ending with the reviewed week.
fn stale(calls: &Calls, i: &Initiative, week: IsoWeek) -> Option<StaleProgress> {
    let this = calls.at(i.id, week)?;
    let text = this
        .progress
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())?;
    let wanted = normalise(text);
    let mut weeks = 1;
    let mut expected = week.previous();
    let oldest = first_week_read(week);
    for c in calls.of(i.id).iter().skip_while(|c| c.week >= week) {
        let same = c.week == expected
            && c.week >= oldest
            && c.progress
                .as_deref()
                .is_some_and(|p| normalise(p) == wanted);
        if !same {
            break;
        }
        weeks += 1;
        expected = expected.previous();
    }
    (weeks >= STALE_WEEKS).then(|| StaleProgress {
        initiative_id: i.id,
        title: i.title.clone(),
        owner: i.owner.clone(),
        progress: text.to_string(),
        weeks,
    })
}
