//! The monthly roadmap review: where each initiative stands, what changed since the last
//! review and why, which decisions wait on the leadership, and the signals of a roadmap in
//! trouble. A pure function of a snapshot, a month and today.

mod signals;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::calendar::{days_between, end_of_day, IsoWeek, Month};
use crate::history;
use crate::model::{Change, CheckIn, Health, Id, Initiative, ReviewKind, RiskLevel, Status, Track};
use crate::review::common::{changes_in, risk_changed, DecisionItem, MonthlyChanges, Window};
use crate::review::delivery::{DeliveryJudgement, Judge};
use crate::settings::ReviewSettings;
use crate::snapshot::{ByInitiative, Snapshot};

pub use signals::{
    BacklogGrowth, MissedCommitments, MissedKind, MissedTarget, MonthlySignals, Reprioritisation,
    ReprioritisationKind, RoadmapChange, BACKLOG_GROWTH_FLOOR,
};

/// The monthly review of one calendar month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonthlyReview {
    /// `YYYY-MM`.
    pub month: Month,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The day the review was asked for.
    pub today: NaiveDate,
    /// What the review knows is what was recorded by the end of this day: the month's last
    /// day, or today while the month is under way.
    pub as_of: NaiveDate,
    /// What changed is counted from this moment: the end of what the previous monthly review
    /// knew, or the start of the month when there is none.
    pub changes_since: NaiveDateTime,
    /// The month of the previous monthly review the changes are counted from.
    pub previous_review: Option<Month>,
    pub counts: MonthlyCounts,
    pub roadmap: Roadmap,
    pub changes: MonthlyChanges,
    pub decisions: MonthlyDecisions,
    pub signals: MonthlySignals,
    pub settings: ReviewSettings,
    /// Releases of the month with their outcome, and the pain ranking.
    pub releases: crate::review::releases::MonthlyReleases,
}

/// How many initiatives are in each group and how many decisions wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonthlyCounts {
    pub on_track: u32,
    /// Of the on-track ones, those whose committed target and backup have both passed.
    pub on_track_past_both: u32,
    pub at_risk: u32,
    pub off_track: u32,
    pub done: u32,
    pub not_started: u32,
    pub decisions_open: u32,
    pub decisions_overdue: u32,
}

/// The initiatives of the roadmap in their groups, each by priority.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Roadmap {
    /// Active, and the owner's latest health call is on track.
    pub on_track: Vec<RoadmapItem>,
    /// Active, and the owner's latest health call is at risk.
    pub at_risk: Vec<RoadmapItem>,
    /// Active, and the owner's latest health call is off track.
    pub off_track: Vec<RoadmapItem>,
    /// Marked done during the month, in the order they were finished.
    pub done: Vec<RoadmapItem>,
    /// Active with no check-in yet, and proposed initiatives that already have a target.
    pub not_started: Vec<RoadmapItem>,
}

impl Roadmap {
    /// The initiatives the timeline draws: active ones and upcoming (proposed) ones, by
    /// priority.
    pub fn timeline_items(&self) -> Vec<&RoadmapItem> {
        let mut items: Vec<&RoadmapItem> = self
            .on_track
            .iter()
            .chain(&self.at_risk)
            .chain(&self.off_track)
            .chain(&self.not_started)
            .collect();
        items.sort_by_key(|i| (i.priority, i.id));
        items
    }
}

/// What a date says about an active initiative, whatever its owner's health call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum DateWarning {
    /// The target date has passed.
    #[serde(rename = "past-target")]
    PastTarget,
    /// The backup date has passed too.
    #[serde(rename = "backup-passed")]
    BackupPassed,
}

/// One initiative on the roadmap, with its bounded dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RoadmapItem {
    pub id: Id,
    pub title: String,
    pub owner: String,
    pub track: Track,
    pub status: Status,
    pub priority: i64,
    /// The owner's latest health call, when there is a check-in.
    pub health: Option<Health>,
    /// The week of that check-in.
    pub health_week: Option<IsoWeek>,
    pub start_date: Option<NaiveDate>,
    pub target_date: Option<NaiveDate>,
    pub backup_date: Option<NaiveDate>,
    /// Where the timeline bar starts: the start date, else the Monday of the first check-in,
    /// else the day the initiative became active; none for an upcoming one without a start.
    pub timeline_start: Option<NaiveDate>,
    /// The target in force when the initiative first became active.
    pub committed_target: Option<NaiveDate>,
    /// Days from the committed target to the current one (negative when pulled in).
    pub target_slip_days: i32,
    /// The day it was marked done, for done ones.
    pub done_on: Option<NaiveDate>,
    pub outcome: Option<String>,
    pub result: Option<String>,
    pub risk: Option<String>,
    pub risk_level: Option<RiskLevel>,
    /// Whether the risk or its level is new since the last monthly update kept (sent) for an
    /// earlier month; true when none was.
    pub risk_changed: bool,
    /// Set when an active initiative's dates have passed.
    pub date_warning: Option<DateWarning>,
    /// How it stands against its commitments.
    pub delivery: DeliveryJudgement,
}

/// Decisions waiting on the leadership, and those made during the month.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonthlyDecisions {
    /// Open decisions, overdue ones first, then by the date they are needed by.
    pub open: Vec<DecisionItem>,
    /// Decisions closed during the month, in the order they were closed.
    pub closed: Vec<DecisionItem>,
}

/// Builds the monthly review of `month` from what was known by the end of the month, or by
/// the end of today when that is earlier.
pub fn monthly(
    snapshot: &Snapshot,
    month: Month,
    today: NaiveDate,
    settings: &ReviewSettings,
) -> MonthlyReview {
    let as_of = month.last_day().min(today);
    let cutoff = end_of_day(as_of);
    // The workspace as known at the cut-off, its check-ins borrowed rather than copied.
    let snap = snapshot.as_of_without_checkins(cutoff);
    let by_initiative = ByInitiative::with_checkins(&snap, snapshot.checkins_in_force_at(cutoff));
    let (since, previous_review) = changes_window(&snap, month, cutoff);
    let roadmap = roadmap(
        &snap,
        &by_initiative,
        month,
        as_of,
        settings.fiscal_year_start,
    );
    let decisions = decisions(&snap, month, as_of);
    let counts = MonthlyCounts {
        on_track: roadmap.on_track.len() as u32,
        on_track_past_both: roadmap
            .on_track
            .iter()
            .filter(|i| i.delivery.past_both)
            .count() as u32,
        at_risk: roadmap.at_risk.len() as u32,
        off_track: roadmap.off_track.len() as u32,
        done: roadmap.done.len() as u32,
        not_started: roadmap.not_started.len() as u32,
        decisions_open: decisions.open.len() as u32,
        decisions_overdue: decisions.open.iter().filter(|d| d.days_overdue > 0).count() as u32,
    };
    MonthlyReview {
        month,
        first_day: month.first_day(),
        last_day: month.last_day(),
        today,
        as_of,
        changes_since: since.from,
        previous_review,
        counts,
        changes: changes_in(&snap, &by_initiative, since, settings),
        signals: signals::signals(snapshot, &snap, month, today, settings),
        roadmap,
        decisions,
        settings: *settings,
        releases: crate::review::releases::monthly(
            &snap,
            month.first_day(),
            month.last_day(),
            today,
        ),
    }
}

/// The window of "what changed": after the end of what the latest earlier monthly review
/// knew, else from the start of the month.
fn changes_window(snap: &Snapshot, month: Month, cutoff: NaiveDateTime) -> (Window, Option<Month>) {
    let previous = snap
        .reviews
        .iter()
        .filter(|r| r.kind == ReviewKind::Monthly)
        .filter_map(|r| {
            let period = Month::parse("period", &r.period).ok()?;
            (period < month).then(|| (r.created_at.min(end_of_day(period.last_day())), period))
        })
        .max();
    match previous {
        Some((from, period)) => (
            Window {
                from,
                inclusive: false,
                to: cutoff,
            },
            Some(period),
        ),
        None => (Window::month(month, cutoff), None),
    }
}

/// The initiatives in their groups, as known at the end of `as_of` (`snap`, its records
/// `by_initiative`).
fn roadmap(
    snap: &Snapshot,
    by_initiative: &ByInitiative,
    month: Month,
    as_of: NaiveDate,
    fiscal_year_start: u32,
) -> Roadmap {
    let mut r = Roadmap::default();
    let mut judge = Judge::new(snap, by_initiative, as_of, fiscal_year_start);
    let last_sent = snap
        .reviews
        .iter()
        .filter(|r| {
            r.kind == ReviewKind::Monthly
                && Month::parse("period", &r.period).is_ok_and(|p| p < month)
        })
        .map(|r| r.created_at)
        .max();
    let mut item = |i, checkin, as_of| {
        let mut it = item(by_initiative, i, checkin, as_of, &mut judge);
        it.risk_changed = risk_changed(i, by_initiative.changes(i.id), last_sent);
        it
    };
    for i in &snap.initiatives {
        let checkin = latest_checkin(by_initiative.checkins(i.id), as_of);
        match i.status {
            Status::Active => {
                let it = item(i, checkin, as_of);
                match checkin.map(|c| c.health) {
                    Some(Health::OnTrack) => r.on_track.push(it),
                    Some(Health::AtRisk) => r.at_risk.push(it),
                    Some(Health::OffTrack) => r.off_track.push(it),
                    None => r.not_started.push(it),
                }
            }
            Status::Done => {
                let it = item(i, checkin, as_of);
                if it.done_on.is_some_and(|d| month.contains(d)) {
                    r.done.push(it);
                }
            }
            Status::Proposed if i.target_date.is_some() => {
                r.not_started.push(item(i, checkin, as_of))
            }
            _ => {}
        }
    }
    for group in [
        &mut r.on_track,
        &mut r.at_risk,
        &mut r.off_track,
        &mut r.not_started,
    ] {
        group.sort_by_key(|i| (i.priority, i.id));
    }
    r.done.sort_by_key(|i| (i.done_on, i.priority, i.id));
    r
}

/// The owner's latest check-in among `checkins` (an initiative's, in force) for a week that
/// had begun by `as_of`.
fn latest_checkin<'a>(checkins: &[&'a CheckIn], as_of: NaiveDate) -> Option<&'a CheckIn> {
    // A week has begun by `as_of` exactly when it is not after the week holding `as_of`.
    let begun = IsoWeek::of(as_of);
    checkins
        .iter()
        .copied()
        .filter(|c| c.week <= begun)
        .max_by_key(|c| (c.week, c.id))
}

/// When an initiative last entered `status`, per its change log `log`.
pub(crate) fn entered(log: &[&Change], status: Status) -> Option<NaiveDateTime> {
    log.iter()
        .filter(|c| c.field == "status" && c.new_value.as_deref() == Some(status.as_str()))
        .map(|c| c.at)
        .next_back()
}

fn item(
    by_initiative: &ByInitiative,
    i: &Initiative,
    checkin: Option<&CheckIn>,
    as_of: NaiveDate,
    judge: &mut Judge,
) -> RoadmapItem {
    let log = by_initiative.changes(i.id);
    let slips = history::slips(log.iter().copied());
    let first_checkin = by_initiative
        .checkins(i.id)
        .iter()
        .map(|c| c.week)
        .min()
        .map(IsoWeek::monday);
    let activated = (i.status != Status::Proposed)
        .then(|| entered(log, Status::Active).map(|at| at.date()))
        .flatten();
    let date_warning = match (i.status, i.target_date, i.backup_date) {
        (Status::Active, _, Some(b)) if b < as_of => Some(DateWarning::BackupPassed),
        (Status::Active, Some(t), _) if t < as_of => Some(DateWarning::PastTarget),
        _ => None,
    };
    RoadmapItem {
        id: i.id,
        title: i.title.clone(),
        owner: i.owner.clone(),
        track: i.track,
        status: i.status,
        priority: i.priority,
        health: checkin.map(|c| c.health),
        health_week: checkin.map(|c| c.week),
        start_date: i.start_date,
        target_date: i.target_date,
        backup_date: i.backup_date,
        timeline_start: i.start_date.or(first_checkin).or(activated),
        committed_target: slips.target.committed,
        target_slip_days: slips.target.days,
        done_on: (i.status == Status::Done)
            .then(|| entered(log, Status::Done).map(|at| at.date()))
            .flatten(),
        outcome: i.outcome.clone(),
        result: i.result.clone(),
        risk: i.risk.clone(),
        risk_level: i.risk_level,
        risk_changed: true,
        date_warning,
        delivery: judge.judge(i),
    }
}

/// Open decisions (overdue first) and those closed during the month.
fn decisions(snap: &Snapshot, month: Month, as_of: NaiveDate) -> MonthlyDecisions {
    let title = |id: Option<Id>| {
        id.and_then(|id| snap.initiative(id))
            .map(|i| i.title.clone())
    };
    let mut out = MonthlyDecisions::default();
    for d in &snap.decisions {
        let overdue = days_between(d.needed_by, as_of).max(0) as i32;
        let it = DecisionItem {
            id: d.id,
            question: d.question.clone(),
            decider: d.owner.clone(),
            needed_by: d.needed_by,
            initiative_id: d.initiative_id,
            initiative: title(d.initiative_id),
            days_overdue: if d.closed_on.is_none() { overdue } else { 0 },
            outcome: d.outcome.clone(),
            closed_on: d.closed_on,
        };
        match d.closed_on {
            None => out.open.push(it),
            Some(on) if month.contains(on) => out.closed.push(it),
            Some(_) => {}
        }
    }
    out.open
        .sort_by_key(|d| (d.days_overdue == 0, d.needed_by, d.id));
    out.closed.sort_by_key(|d| (d.closed_on, d.id));
    out
}
