//! How an initiative's delivery stands against its commitments, judged once for every review:
//! against the date of the quarter's committed plan when the initiative is in it, otherwise
//! against the first target committed to (from the change log). A date reset later never
//! moves what a delivery is measured against, so it can never make a late delivery look on
//! time.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::calendar::{days_between, Quarter};
use crate::history;
use crate::model::{Baseline, Id, Initiative, Status};
use crate::snapshot::{ByInitiative, Snapshot};

/// What a delivery is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Basis {
    /// The dates of the quarter's committed plan (or of the amendment that put it in).
    #[serde(rename = "plan")]
    Plan,
    /// The dates in force when the initiative first became active.
    #[serde(rename = "first-commitment")]
    FirstCommitment,
    /// Never committed to: nothing to measure against.
    #[serde(rename = "none")]
    Uncommitted,
}

/// One initiative's delivery against its commitments, as every review reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DeliveryJudgement {
    pub basis: Basis,
    /// The quarter whose plan holds it (`YYYY-Qn`), when measured against a plan.
    pub plan_quarter: Option<String>,
    /// The month the fiscal year starts in, to name that quarter.
    pub fiscal_year_start: u32,
    /// The committed target and backup measured against.
    pub target: Option<NaiveDate>,
    pub backup: Option<NaiveDate>,
    /// The target in force when the initiative first became active.
    pub first_target: Option<NaiveDate>,
    /// The day it was marked done, when it is done.
    pub done_on: Option<NaiveDate>,
    /// Days from the committed target to the day it was done (negative when early).
    pub days_after_target: Option<i32>,
    /// Days from the first committed target to the day it was done.
    pub days_after_first: Option<i32>,
    /// Whether it was done after the committed backup too.
    pub after_backup: bool,
    /// Committed in a quarter's plan, not done, and its target now lies after that quarter.
    pub outside_plan: bool,
    /// Not done, and both the committed target and backup have passed.
    pub past_both: bool,
}

impl DeliveryJudgement {
    /// Whether it was done after the date it is measured against.
    pub fn late(&self) -> bool {
        self.days_after_target.is_some_and(|d| d > 0)
    }
}

/// The baseline a quarter is measured against (the latest committed before it began, else the
/// first committed during it) and the amendments made after it, among the baselines known,
/// `baselines` (in id order).
pub fn plan_baselines<'a>(
    baselines: impl IntoIterator<Item = &'a Baseline>,
    quarter: Quarter,
) -> (Option<&'a Baseline>, Vec<&'a Baseline>) {
    let label = quarter.to_string();
    let start = quarter
        .first_day()
        .and_hms_opt(0, 0, 0)
        .expect("valid time");
    let all: Vec<&Baseline> = baselines
        .into_iter()
        .filter(|b| b.quarter == label)
        .collect();
    let plan = all
        .iter()
        .rposition(|b| b.committed_at < start)
        .or((!all.is_empty()).then_some(0));
    match plan {
        Some(k) => (Some(all[k]), all[k + 1..].to_vec()),
        None => (None, Vec::new()),
    }
}

/// Committed dates in a quarter's plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanDates {
    pub target: NaiveDate,
    pub backup: NaiveDate,
    /// When an amendment put it in; none for the plan itself.
    pub added_at: Option<NaiveDateTime>,
}

/// Every initiative the quarter's plan or its amendments named, with the dates of the first
/// commitment that named it, in the order they were named.
pub fn plan_dates(plan: &Baseline, amendments: &[&Baseline]) -> Vec<(Id, PlanDates)> {
    let mut out: Vec<(Id, PlanDates)> = Vec::new();
    for (k, b) in std::iter::once(plan)
        .chain(amendments.iter().copied())
        .enumerate()
    {
        for x in &b.items {
            if out.iter().any(|(id, _)| *id == x.initiative_id) {
                continue;
            }
            out.push((
                x.initiative_id,
                PlanDates {
                    target: x.target_date,
                    backup: x.backup_date,
                    added_at: (k > 0).then_some(b.committed_at),
                },
            ));
        }
    }
    out
}

/// Judges initiatives of one snapshot; quarters' plans are read once.
pub struct Judge<'a> {
    snap: &'a Snapshot,
    by_initiative: &'a ByInitiative<'a>,
    as_of: NaiveDate,
    fiscal_year_start: u32,
    plans: BTreeMap<Quarter, Vec<(Id, PlanDates)>>,
}

impl<'a> Judge<'a> {
    /// A judge of `snap` (already cut at the review's end, its records `by_initiative`) on
    /// `as_of`.
    pub fn new(
        snap: &'a Snapshot,
        by_initiative: &'a ByInitiative<'a>,
        as_of: NaiveDate,
        fiscal_year_start: u32,
    ) -> Self {
        Judge {
            snap,
            by_initiative,
            as_of,
            fiscal_year_start,
            plans: BTreeMap::new(),
        }
    }

    fn plan(&mut self, quarter: Quarter) -> &[(Id, PlanDates)] {
        let snap = self.snap;
        self.plans.entry(quarter).or_insert_with(|| {
            match plan_baselines(&snap.baselines, quarter) {
                (Some(plan), later) => plan_dates(plan, &later),
                (None, _) => Vec::new(),
            }
        })
    }

    /// How initiative `i` stands: measured against the plan of the quarter it was done in
    /// (or, when not done, of the quarter of the review's day), when it is in that plan.
    pub fn judge(&mut self, i: &Initiative) -> DeliveryJudgement {
        let log = self.by_initiative.changes(i.id);
        let done_on = (i.status == Status::Done)
            .then(|| {
                log.iter()
                    .rev()
                    .find(|c| c.field == "status" && c.new_value.as_deref() == Some("done"))
                    .map(|c| c.at.date())
            })
            .flatten();
        let first = history::slips(log.iter().copied());
        let quarter = Quarter::of(done_on.unwrap_or(self.as_of), self.fiscal_year_start);
        let planned = self
            .plan(quarter)
            .iter()
            .find(|(id, _)| *id == i.id)
            .map(|(_, d)| *d);
        let (basis, target, backup) = match (planned, first.target.committed) {
            (Some(p), _) => (Basis::Plan, Some(p.target), Some(p.backup)),
            (None, Some(t)) => (Basis::FirstCommitment, Some(t), first.backup.committed),
            (None, None) => (Basis::Uncommitted, None, None),
        };
        let after = |d: Option<NaiveDate>| match (d, done_on) {
            (Some(d), Some(done)) => Some(days_between(d, done) as i32),
            _ => None,
        };
        let open = done_on.is_none() && i.status == Status::Active;
        DeliveryJudgement {
            basis,
            plan_quarter: planned.map(|_| quarter.to_string()),
            fiscal_year_start: self.fiscal_year_start,
            target,
            backup,
            first_target: first.target.committed,
            done_on,
            days_after_target: after(target),
            days_after_first: after(first.target.committed),
            after_backup: matches!((backup, done_on), (Some(b), Some(d)) if d > b),
            outside_plan: open
                && planned.is_some()
                && i.target_date.is_some_and(|t| t > quarter.last_day()),
            past_both: open
                && target.is_some_and(|t| t < self.as_of)
                && backup.or(target).is_some_and(|b| b < self.as_of),
        }
    }
}
