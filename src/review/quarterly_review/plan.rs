//! Planned vs delivered: each committed initiative measured against the dates of the
//! quarter's baseline, never against dates reset since, and the work added mid-quarter
//! listed apart.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::Period;
use crate::calendar::days_between;
use crate::history;
use crate::model::{Baseline, BaselineItem, Change, Id, Initiative, Status, Track};
use crate::review::common::InitiativeRef;
use crate::review::delivery;

/// The quarter's plan and what became of it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlannedVsDelivered {
    /// The commitment measured against: the latest made before the quarter began, else the
    /// first made during it; none when no plan was committed.
    pub commitment: Option<Commitment>,
    /// Amendments made after that commitment, oldest first. They add work to the plan
    /// (measured against the amendment's dates) or take it out (counted as dropped); they
    /// never re-date the committed work.
    pub amendments: Vec<Amendment>,
    pub counts: PlanCounts,
    /// The committed initiatives, those added by amendments included, by committed target
    /// date.
    pub committed: Vec<PlanItem>,
    /// Initiatives that joined the quarter's work after it began (activated during the
    /// quarter) without being in the plan or an amendment, in the order they joined.
    pub added: Vec<PlanItem>,
}

/// The baseline a quarter is measured against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Commitment {
    pub baseline_id: Id,
    pub committed_at: NaiveDateTime,
    pub reason: Option<String>,
}

/// A change to the committed plan, with its reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Amendment {
    pub baseline_id: Id,
    pub committed_at: NaiveDateTime,
    pub reason: Option<String>,
    /// Initiatives it put into the plan.
    pub added: Vec<InitiativeRef>,
    /// Initiatives it took out of the plan.
    pub removed: Vec<InitiativeRef>,
}

/// How many committed initiatives (amendments' additions included) ended each way
/// (`committed` is their sum); `added` counts the work started mid-quarter outside the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlanCounts {
    pub committed: u32,
    pub delivered_by_target: u32,
    pub delivered_by_backup: u32,
    pub delivered_late: u32,
    pub slipped: u32,
    pub dropped: u32,
    pub open: u32,
    pub added: u32,
}

/// What became of an initiative against its committed dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Delivery {
    /// Done on or before the committed target date.
    #[serde(rename = "by-target")]
    ByTarget,
    /// Done after the target, on or before the committed backup date.
    #[serde(rename = "by-backup")]
    ByBackup,
    /// Done within the quarter, after the committed backup date.
    #[serde(rename = "late")]
    Late,
    /// Not done when the quarter ended: it slipped into the next quarter.
    #[serde(rename = "slipped")]
    Slipped,
    /// Dropped, or taken out of the plan by an amendment, without being done.
    #[serde(rename = "dropped")]
    Dropped,
    /// Not done yet while the quarter is under way.
    #[serde(rename = "open")]
    Open,
}

impl Delivery {
    /// Every outcome, in the order reports list them.
    pub const ALL: &'static [Delivery] = &[
        Delivery::ByTarget,
        Delivery::ByBackup,
        Delivery::Late,
        Delivery::Slipped,
        Delivery::Dropped,
        Delivery::Open,
    ];

    /// The word used in files and data attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::ByTarget => "by-target",
            Delivery::ByBackup => "by-backup",
            Delivery::Late => "late",
            Delivery::Slipped => "slipped",
            Delivery::Dropped => "dropped",
            Delivery::Open => "open",
        }
    }

    /// The label people read.
    pub fn label(self) -> &'static str {
        match self {
            Delivery::ByTarget => "Delivered by target",
            Delivery::ByBackup => "Delivered by backup",
            Delivery::Late => "Delivered late",
            Delivery::Slipped => "Slipped into next quarter",
            Delivery::Dropped => "Dropped",
            Delivery::Open => "Still open",
        }
    }

    /// Whether the initiative was delivered.
    pub fn delivered(self) -> bool {
        matches!(
            self,
            Delivery::ByTarget | Delivery::ByBackup | Delivery::Late
        )
    }
}

impl PlanCounts {
    /// The count of one outcome.
    pub fn of(&self, d: Delivery) -> u32 {
        match d {
            Delivery::ByTarget => self.delivered_by_target,
            Delivery::ByBackup => self.delivered_by_backup,
            Delivery::Late => self.delivered_late,
            Delivery::Slipped => self.slipped,
            Delivery::Dropped => self.dropped,
            Delivery::Open => self.open,
        }
    }

    /// Committed initiatives delivered, whenever in the quarter.
    pub fn delivered(&self) -> u32 {
        self.delivered_by_target + self.delivered_by_backup + self.delivered_late
    }
}

/// One initiative of the plan (or added to the quarter's work) and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlanItem {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub track: Track,
    pub priority: i64,
    pub status: Status,
    /// The target committed to: the baseline's, or for work added mid-quarter the one in
    /// force when it was added.
    pub committed_target: NaiveDate,
    pub committed_backup: NaiveDate,
    /// The target in force when it first became active (the first commitment).
    pub first_target: Option<NaiveDate>,
    /// The dates in force at the review's cut-off.
    pub target_date: Option<NaiveDate>,
    pub backup_date: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub delivery: Delivery,
    /// Days past the committed target: for a delivered one, to the day it was done (0 when
    /// on time); for one not delivered whose target has passed, to the later of the review's
    /// day and its current target. None when dropped or not yet due.
    pub slip_days: Option<i32>,
    /// Edits that moved its dates during the quarter.
    pub date_moves: u32,
    /// When it joined the plan by an amendment, or the quarter's work outside the plan.
    pub added_at: Option<NaiveDateTime>,
    /// Why it was dropped, or why the amendment that took it out of the plan did so.
    pub dropped_reason: Option<String>,
}

impl PlanItem {
    /// Its delivery as every review reports it, on `as_of`: against the dates of the plan of
    /// `quarter` (which ends on `last_day`), or for work added outside the plan against the
    /// dates in force when it joined.
    pub fn judgement(
        &self,
        quarter: &str,
        fiscal_year_start: u32,
        last_day: NaiveDate,
        as_of: NaiveDate,
        in_plan: bool,
    ) -> delivery::DeliveryJudgement {
        let after = |d: Option<NaiveDate>| {
            self.done_on
                .zip(d)
                .map(|(done, d)| days_between(d, done) as i32)
        };
        let open = self.done_on.is_none() && self.status == Status::Active;
        delivery::DeliveryJudgement {
            basis: if in_plan {
                delivery::Basis::Plan
            } else {
                delivery::Basis::FirstCommitment
            },
            plan_quarter: in_plan.then(|| quarter.to_string()),
            fiscal_year_start,
            target: Some(self.committed_target),
            backup: Some(self.committed_backup),
            first_target: self.first_target,
            done_on: self.done_on,
            days_after_target: after(Some(self.committed_target)),
            days_after_first: after(self.first_target),
            after_backup: self.done_on.is_some_and(|d| d > self.committed_backup),
            outside_plan: in_plan && open && self.target_date.is_some_and(|t| t > last_day),
            past_both: open && self.committed_backup < as_of,
        }
    }
}

fn reference(i: &Initiative) -> InitiativeRef {
    InitiativeRef {
        initiative_id: i.id,
        title: i.title.clone(),
        owner: i.owner.clone(),
    }
}

/// Compares each amendment with the plan before it.
fn amendments(p: &Period, plan: &Baseline, later: &[&Baseline]) -> Vec<Amendment> {
    let refs = |ids: Vec<Id>| -> Vec<InitiativeRef> {
        ids.into_iter()
            .filter_map(|id| p.initiative(id).map(reference))
            .collect()
    };
    let mut before = plan;
    let mut out = Vec::new();
    for b in later {
        let missing = |items: &[BaselineItem], x: &BaselineItem| {
            !items.iter().any(|y| y.initiative_id == x.initiative_id)
        };
        let added = b.items.iter().filter(|x| missing(&before.items, x));
        let removed = before.items.iter().filter(|x| missing(&b.items, x));
        out.push(Amendment {
            baseline_id: b.id,
            committed_at: b.committed_at,
            reason: b.reason.clone(),
            added: refs(added.map(|x| x.initiative_id).collect()),
            removed: refs(removed.map(|x| x.initiative_id).collect()),
        });
        before = b;
    }
    out
}

/// The reason the initiative was dropped, from its change log.
fn drop_reason(p: &Period, id: Id) -> Option<String> {
    p.log(id)
        .filter(|c| c.field == "status" && c.new_value.as_deref() == Some(Status::Dropped.as_str()))
        .last()
        .and_then(|c| c.reason.clone())
}

/// What became of initiative `i` against `target` and `backup`. `taken_out` carries the
/// reason of the amendment that took it out of the plan.
fn item(
    p: &Period,
    i: &Initiative,
    target: NaiveDate,
    backup: NaiveDate,
    taken_out: Option<Option<String>>,
) -> PlanItem {
    let done_on = p.done_on(i);
    let (delivery, dropped_reason) = match (done_on, i.status) {
        (Some(d), _) if d <= target => (Delivery::ByTarget, None),
        (Some(d), _) if d <= backup => (Delivery::ByBackup, None),
        (Some(_), _) => (Delivery::Late, None),
        (None, Status::Dropped) => (Delivery::Dropped, drop_reason(p, i.id)),
        (None, _) if taken_out.is_some() => (Delivery::Dropped, taken_out.flatten()),
        (None, _) if p.ended => (Delivery::Slipped, None),
        (None, _) => (Delivery::Open, None),
    };
    let slip_days = match (delivery, done_on) {
        (Delivery::Dropped, _) => None,
        (_, Some(d)) => Some(days_between(target, d).max(0) as i32),
        (_, None) if target < p.as_of => {
            let expected = i.target_date.unwrap_or(target).max(p.as_of);
            Some(days_between(target, expected) as i32)
        }
        _ => None,
    };
    PlanItem {
        initiative_id: i.id,
        title: i.title.clone(),
        owner: i.owner.clone(),
        track: i.track,
        priority: i.priority,
        status: i.status,
        committed_target: target,
        committed_backup: backup,
        first_target: history::slips(p.log(i.id)).target.committed,
        target_date: i.target_date,
        backup_date: i.backup_date,
        done_on,
        delivery,
        slip_days,
        date_moves: p.date_edits(i.id),
        added_at: None,
        dropped_reason,
    }
}

/// The initiative's dates as they stood at `at`.
fn dates_at(p: &Period, i: &Initiative, at: NaiveDateTime) -> Option<(NaiveDate, NaiveDate)> {
    let own: Vec<&Change> = p.log(i.id).collect();
    let then = history::as_of(i, &own, at)?;
    Some((then.target_date?, then.backup_date?))
}

/// Planned vs delivered for the period.
pub(super) fn planned_vs_delivered(p: &Period) -> PlannedVsDelivered {
    let (plan, later) = delivery::plan_baselines(p.baselines.iter().copied(), p.quarter);
    let mut out = PlannedVsDelivered::default();
    let Some(plan) = plan else {
        out.added = added(p, &BTreeSet::new());
        out.counts.added = out.added.len() as u32;
        return out;
    };
    let latest = later.last().copied().unwrap_or(plan);
    out.commitment = Some(Commitment {
        baseline_id: plan.id,
        committed_at: plan.committed_at,
        reason: plan.reason.clone(),
    });
    out.amendments = amendments(p, plan, &later);
    // The plan and what its amendments put in, each with the dates of the first commitment
    // that named it: the same dates every review measures delivery against.
    let mut planned: BTreeSet<Id> = BTreeSet::new();
    for (id, dates) in delivery::plan_dates(plan, &later) {
        planned.insert(id);
        let Some(i) = p.initiative(id) else {
            continue;
        };
        let taken_out = (!latest.items.iter().any(|l| l.initiative_id == i.id)).then(|| {
            out.amendments
                .iter()
                .find(|a| a.removed.iter().any(|r| r.initiative_id == i.id))
                .and_then(|a| a.reason.clone())
        });
        let mut it = item(p, i, dates.target, dates.backup, taken_out);
        it.added_at = dates.added_at;
        out.committed.push(it);
    }
    out.committed
        .sort_by_key(|i| (i.committed_target, i.priority, i.initiative_id));
    out.added = added(p, &planned);
    let mut counts = PlanCounts {
        committed: out.committed.len() as u32,
        added: out.added.len() as u32,
        ..PlanCounts::default()
    };
    for i in &out.committed {
        *match i.delivery {
            Delivery::ByTarget => &mut counts.delivered_by_target,
            Delivery::ByBackup => &mut counts.delivered_by_backup,
            Delivery::Late => &mut counts.delivered_late,
            Delivery::Slipped => &mut counts.slipped,
            Delivery::Dropped => &mut counts.dropped,
            Delivery::Open => &mut counts.open,
        } += 1;
    }
    out.counts = counts;
    out
}

/// Work that joined the quarter outside the plan and its amendments: activated during the
/// quarter while not active when it began.
fn added(p: &Period, planned: &BTreeSet<Id>) -> Vec<PlanItem> {
    let mut out = Vec::new();
    for i in p.initiatives() {
        if planned.contains(&i.id) {
            continue;
        }
        let joined = p
            .activated_in_window(i.id)
            .filter(|_| p.status_at_start(i.id) != Some(Status::Active))
            .and_then(|at| dates_at(p, i, at).map(|(t, b)| (at, t, b)));
        if let Some((at, target, backup)) = joined {
            let mut it = item(p, i, target, backup, None);
            it.added_at = Some(at);
            out.push(it);
        }
    }
    out.sort_by_key(|i| (i.added_at, i.initiative_id));
    out
}
