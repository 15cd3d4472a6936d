//! What the reviews share: the window of changes they count, the changes read from it, and
//! the items (an initiative named by a signal, a decision) more than one review lists.

mod changes;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::calendar::Month;
use crate::history;
use crate::model::{Change, Id, Initiative, Status, Track};
use crate::snapshot::Snapshot;

pub(crate) use changes::changes_in;
pub use changes::{
    DateMove, FieldMove, MonthlyChanges, OwnerChange, PriorityChange, ScopeCut, StatusEvent,
};

/// An initiative named by a signal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InitiativeRef {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
}

/// A decision with its decider and the initiative it concerns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DecisionItem {
    pub id: Id,
    pub question: String,
    /// The one person who decides.
    pub decider: String,
    pub needed_by: NaiveDate,
    pub initiative_id: Option<Id>,
    /// The concerned initiative's title.
    pub initiative: Option<String>,
    /// Days past the needed-by date while open (0 when not overdue or closed).
    pub days_overdue: i32,
    pub outcome: Option<String>,
    pub closed_on: Option<NaiveDate>,
}

/// The changes counted by a review: after `from` (or from it, when `inclusive`) up to and
/// including `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window {
    pub(crate) from: NaiveDateTime,
    pub(crate) inclusive: bool,
    pub(crate) to: NaiveDateTime,
}

impl Window {
    /// From the first instant of `month` to `to`.
    pub(crate) fn month(month: Month, to: NaiveDateTime) -> Self {
        Window {
            from: month.first_day().and_hms_opt(0, 0, 0).expect("valid time"),
            inclusive: true,
            to,
        }
    }

    /// From `from` to `to`, both included.
    pub(crate) fn between(from: NaiveDateTime, to: NaiveDateTime) -> Self {
        Window {
            from,
            inclusive: true,
            to,
        }
    }

    /// Whether a change made at `at` falls in the window.
    pub(crate) fn contains(&self, at: NaiveDateTime) -> bool {
        let after = if self.inclusive {
            at >= self.from
        } else {
            at > self.from
        };
        after && at <= self.to
    }

    /// The changes of `snap` in the window, oldest first.
    pub(crate) fn changes<'a>(
        &self,
        snap: &'a Snapshot,
    ) -> impl Iterator<Item = &'a Change> + use<'a> {
        let w = *self;
        snap.changes.iter().filter(move |c| w.contains(c.at))
    }
}

/// Whether the risk or level of `i` differs from what they were when the last update was sent
/// (`at`); true when none was, or the initiative did not exist then. `own` is its change log.
pub(crate) fn risk_changed(i: &Initiative, own: &[&Change], at: Option<NaiveDateTime>) -> bool {
    let Some(at) = at else {
        return true;
    };
    match history::as_of(i, own, at) {
        Some(then) => (then.risk, then.risk_level) != (i.risk.clone(), i.risk_level),
        None => true,
    }
}

/// Active release fixes, by priority.
pub fn active_release_fixes(initiatives: &[Initiative]) -> Vec<&Initiative> {
    let mut fixes: Vec<&Initiative> = initiatives
        .iter()
        .filter(|i| i.track == Track::Release && i.status == Status::Active)
        .collect();
    fixes.sort_by_key(|i| (i.priority, i.id));
    fixes
}
