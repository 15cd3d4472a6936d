//! The weekly status review: what shipped, what is in progress, what is stuck and which
//! date is in danger, and the signals of a week going wrong. A pure function of a snapshot,
//! an ISO week and today; it uses only what was known by the end of the week.

mod blockers;
mod signals;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::calendar::{days_between, end_of_day, IsoWeek};
use crate::error::Result;
use crate::model::{CheckIn, Health, Id, IdMap, Initiative, RiskLevel, Status, Track};
use crate::model::{Decision, ReviewKind};
use crate::review::common::{
    changes_in, risk_changed, DateMove, DecisionItem, ScopeCut, StatusEvent, Window,
};
use crate::review::delivery::{DeliveryJudgement, Judge};
use crate::settings::ReviewSettings;
use crate::snapshot::Snapshot;

pub use blockers::{BlockerItem, ClearedBlocker};
pub use signals::{MidweekChange, OverloadedOwner, StaleProgress, WeeklySignals};

/// How many weeks back (the reviewed one included) a health call still counts: an older call
/// is no call, and the initiative shows as without a recent check-in.
pub const HEALTH_WEEKS: u32 = 4;

/// Days ahead within which an open decision is listed as due soon.
pub const DECISION_SOON_DAYS: i64 = 7;

/// Days to a target within which an initiative that is not on track has its date in danger.
pub const TARGET_SOON_DAYS: i64 = 14;

/// The weekly review of one ISO week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WeeklyReview {
    /// `YYYY-Www`.
    pub week: IsoWeek,
    pub monday: NaiveDate,
    pub sunday: NaiveDate,
    /// The day the review was asked for.
    pub today: NaiveDate,
    /// What the review knows is what was recorded by the end of this day: the week's Sunday,
    /// or today while the week is under way.
    pub as_of: NaiveDate,
    pub headline: Headline,
    pub shipped: Vec<ShippedItem>,
    /// Every active initiative, by priority.
    pub in_progress: Vec<ProgressItem>,
    /// Open blockers, oldest first.
    pub blockers: Vec<BlockerItem>,
    /// Blockers removed during the week, in the order they were.
    pub cleared_blockers: Vec<ClearedBlocker>,
    /// Open decisions overdue, by the date they were needed by.
    pub decisions_overdue: Vec<DecisionItem>,
    /// Open decisions needed within [`DECISION_SOON_DAYS`] days, by that date.
    pub decisions_due_soon: Vec<DecisionItem>,
    pub dates_in_danger: Vec<DateDanger>,
    pub not_shipping: NotShipping,
    pub signals: WeeklySignals,
    /// Releases: those due soon with their readiness, this week's outcomes, rescue mode and
    /// the two-track checks.
    pub releases: crate::review::releases::WeeklyReleases,
    /// When an update of this week was last kept (exported), if it was.
    pub kept_at: Option<NaiveDateTime>,
}

/// The counts an executive reads first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Headline {
    pub active: u32,
    pub on_track: u32,
    /// Of the on-track ones, those whose committed target and backup have both passed.
    pub on_track_past_both: u32,
    pub at_risk: u32,
    pub off_track: u32,
    /// Active initiatives without a health call in the last [`HEALTH_WEEKS`] weeks.
    pub no_call: u32,
    /// Things shipped: check-ins reporting a delivery and initiatives finished.
    pub shipped: u32,
    pub blockers: u32,
    /// Open blockers older than two days.
    pub escalate: u32,
    pub dates_in_danger: u32,
}

/// Something delivered in the week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ShippedItem {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    /// What the week's check-in reports as shipped.
    pub shipped: Option<String>,
    /// The day the initiative was marked done, when that happened in the week.
    pub done_on: Option<NaiveDate>,
    /// How the delivery stands against its commitments, when it was marked done.
    pub delivery: Option<DeliveryJudgement>,
}

/// An active initiative where it stands this week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProgressItem {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub track: Track,
    pub priority: i64,
    /// The latest health call of the last [`HEALTH_WEEKS`] weeks.
    pub health: Option<Health>,
    /// The week of that call.
    pub health_week: Option<IsoWeek>,
    /// Whether the owner checked in for the reviewed week.
    pub checked_in: bool,
    /// What the week's check-in says is in progress.
    pub progress: Option<String>,
    /// The week's check-in note.
    pub note: Option<String>,
    pub target_date: Option<NaiveDate>,
    pub backup_date: Option<NaiveDate>,
    /// Days from the review's day to the target (negative once passed).
    pub days_to_target: Option<i64>,
    pub risk: Option<String>,
    pub risk_level: Option<RiskLevel>,
    /// Whether the risk or its level is new since the last weekly update kept (sent) before
    /// this week's; true when none was.
    pub risk_changed: bool,
    /// How it stands against its commitments.
    pub delivery: DeliveryJudgement,
}

/// Why a date is in danger.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum DangerKind {
    /// The backup date has passed.
    #[serde(rename = "backup-passed")]
    BackupPassed,
    /// The target date has passed, the backup has not.
    #[serde(rename = "past-target")]
    PastTarget,
    /// The target is within [`TARGET_SOON_DAYS`] days and the owner does not call it on track.
    #[serde(rename = "target-soon")]
    TargetSoon,
}

/// An active initiative whose date is in danger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DateDanger {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub kind: DangerKind,
    pub health: Option<Health>,
    pub target_date: Option<NaiveDate>,
    pub backup_date: Option<NaiveDate>,
    /// Days from the review's day to the target (negative once passed).
    pub days_to_target: i64,
    /// The owner calls it on track while a date says otherwise: shown, not corrected.
    pub disagreement: bool,
}

/// What will not ship as planned: initiatives dropped or paused, scope cut and dates moved
/// during the week.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NotShipping {
    pub dropped: Vec<StatusEvent>,
    pub paused: Vec<StatusEvent>,
    pub scope_cuts: Vec<ScopeCut>,
    pub date_moves: Vec<DateMove>,
}

impl NotShipping {
    /// Whether nothing was dropped, paused, cut or moved.
    pub fn is_empty(&self) -> bool {
        self.dropped.is_empty()
            && self.paused.is_empty()
            && self.scope_cuts.is_empty()
            && self.date_moves.is_empty()
    }
}

/// The check-ins in force of the reviewed week and the weeks before it, per initiative.
pub(crate) struct Calls<'a> {
    by_initiative: IdMap<Vec<&'a CheckIn>>,
}

impl<'a> Calls<'a> {
    fn new(snap: &'a Snapshot, week: IsoWeek) -> Self {
        let mut by_initiative: IdMap<Vec<&CheckIn>> = IdMap::default();
        for c in &snap.checkins {
            if c.replaced_at.is_none() && c.week <= week {
                by_initiative.entry(c.initiative_id).or_default().push(c);
            }
        }
        for list in by_initiative.values_mut() {
            list.sort_by_key(|c| std::cmp::Reverse((c.week, c.id)));
        }
        Calls { by_initiative }
    }

    /// The initiative's check-ins, latest week first.
    pub(crate) fn of(&self, id: Id) -> &[&'a CheckIn] {
        self.by_initiative.get(&id).map_or(&[], Vec::as_slice)
    }

    /// The check-in for `week` exactly.
    pub(crate) fn at(&self, id: Id, week: IsoWeek) -> Option<&'a CheckIn> {
        self.of(id).iter().copied().find(|c| c.week == week)
    }
}

/// The first week whose check-ins a review of `week` reads.
pub fn first_week_read(week: IsoWeek) -> IsoWeek {
    (1..HEALTH_WEEKS).fold(week, |w, _| w.previous())
}

/// Builds the weekly review of `week` from what was known by the end of the week, or by the
/// end of today when that is earlier.
/// A stored setting that breaks its rule is an error saying how to repair it.
pub fn weekly(snapshot: &Snapshot, week: IsoWeek, today: NaiveDate) -> Result<WeeklyReview> {
    weekly_owned(snapshot.clone(), week, today)
}

/// [`weekly`] on a snapshot it may consume, which spares copying it.
pub fn weekly_owned(snapshot: Snapshot, week: IsoWeek, today: NaiveDate) -> Result<WeeklyReview> {
    let as_of = week.sunday().min(today);
    let cutoff = end_of_day(as_of);
    let snap = snapshot.into_as_of(cutoff);
    let calls = Calls::new(&snap, week);
    let oldest_call = first_week_read(week);
    let settings = ReviewSettings::from_settings(&snap.settings)?;
    let start = week.monday().and_hms_opt(0, 0, 0).expect("valid time");
    let by_initiative = snap.by_initiative();
    let changes = changes_in(
        &snap,
        &by_initiative,
        Window::between(start, cutoff),
        &settings,
    );
    let mut judge = Judge::new(&snap, &by_initiative, as_of, settings.fiscal_year_start);
    let last_sent = snap
        .reviews
        .iter()
        .filter(|r| r.kind == ReviewKind::Weekly && r.period.as_str() < week.to_string().as_str())
        .map(|r| r.created_at)
        .max();

    let mut active: Vec<&Initiative> = snap
        .initiatives
        .iter()
        .filter(|i| i.status == Status::Active)
        .collect();
    active.sort_by_key(|i| (i.priority, i.id));

    let in_progress: Vec<ProgressItem> = active
        .iter()
        .map(|i| {
            let latest = calls.of(i.id).first().filter(|c| c.week >= oldest_call);
            let this_week = calls.at(i.id, week);
            ProgressItem {
                initiative_id: i.id,
                title: i.title.clone(),
                owner: i.owner.clone(),
                track: i.track,
                priority: i.priority,
                health: latest.map(|c| c.health),
                health_week: latest.map(|c| c.week),
                checked_in: this_week.is_some(),
                progress: this_week.and_then(|c| c.progress.clone()),
                note: this_week.and_then(|c| c.note.clone()),
                target_date: i.target_date,
                backup_date: i.backup_date,
                days_to_target: i.target_date.map(|t| days_between(as_of, t)),
                risk: i.risk.clone(),
                risk_level: i.risk_level,
                risk_changed: risk_changed(i, by_initiative.changes(i.id), last_sent),
                delivery: judge.judge(i),
            }
        })
        .collect();

    let shipped = shipped(&snap, &calls, &mut judge, week, start, cutoff);
    let blockers = blockers::open(&snap, &by_initiative, as_of);
    let cleared_blockers = blockers::cleared(&snap, &by_initiative, week.monday(), as_of);
    let (decisions_overdue, decisions_due_soon) = decisions(&snap, as_of);
    let dates_in_danger = dates_in_danger(&in_progress, as_of);
    let headline = Headline {
        active: in_progress.len() as u32,
        on_track: count_health(&in_progress, Some(Health::OnTrack)),
        on_track_past_both: in_progress
            .iter()
            .filter(|i| i.health == Some(Health::OnTrack) && i.delivery.past_both)
            .count() as u32,
        at_risk: count_health(&in_progress, Some(Health::AtRisk)),
        off_track: count_health(&in_progress, Some(Health::OffTrack)),
        no_call: count_health(&in_progress, None),
        shipped: shipped.len() as u32,
        blockers: blockers.len() as u32,
        escalate: blockers.iter().filter(|b| b.escalate).count() as u32,
        dates_in_danger: dates_in_danger.len() as u32,
    };
    let signals = signals::signals(&snap, &calls, &active, week, as_of, start, cutoff);
    let kept_at = snap
        .reviews
        .iter()
        .filter(|r| r.kind == ReviewKind::Weekly && r.period == week.to_string())
        .map(|r| r.created_at)
        .max();
    Ok(WeeklyReview {
        week,
        monday: week.monday(),
        sunday: week.sunday(),
        today,
        as_of,
        headline,
        shipped,
        in_progress,
        blockers,
        cleared_blockers,
        decisions_overdue,
        decisions_due_soon,
        dates_in_danger,
        not_shipping: NotShipping {
            dropped: changes.dropped,
            paused: changes.paused,
            scope_cuts: changes.scope_cuts,
            date_moves: changes.date_moves,
        },
        signals,
        releases: crate::review::releases::weekly(&snap, week.monday(), week.sunday(), today),
        kept_at,
    })
}

/// The open decisions overdue on `as_of`, and those needed within [`DECISION_SOON_DAYS`]
/// days, each by the date needed by.
fn decisions(snap: &Snapshot, as_of: NaiveDate) -> (Vec<DecisionItem>, Vec<DecisionItem>) {
    let item = |d: &Decision| DecisionItem {
        id: d.id,
        question: d.question.clone(),
        decider: d.owner.clone(),
        needed_by: d.needed_by,
        initiative_id: d.initiative_id,
        initiative: d
            .initiative_id
            .and_then(|id| snap.initiative(id))
            .map(|i| i.title.clone()),
        days_overdue: days_between(d.needed_by, as_of).max(0) as i32,
        outcome: None,
        closed_on: None,
    };
    let mut open: Vec<&Decision> = snap
        .decisions
        .iter()
        .filter(|d| d.closed_on.is_none())
        .collect();
    open.sort_by_key(|d| (d.needed_by, d.id));
    let overdue = open
        .iter()
        .filter(|d| d.needed_by < as_of)
        .map(|d| item(d))
        .collect();
    let soon = open
        .iter()
        .filter(|d| d.needed_by >= as_of && days_between(as_of, d.needed_by) <= DECISION_SOON_DAYS)
        .map(|d| item(d))
        .collect();
    (overdue, soon)
}

fn count_health(items: &[ProgressItem], health: Option<Health>) -> u32 {
    items.iter().filter(|i| i.health == health).count() as u32
}

/// What the week's check-ins report as shipped, and initiatives marked done in the week; by
/// priority.
fn shipped(
    snap: &Snapshot,
    calls: &Calls,
    judge: &mut Judge,
    week: IsoWeek,
    start: NaiveDateTime,
    cutoff: NaiveDateTime,
) -> Vec<ShippedItem> {
    let mut finished: IdMap<NaiveDateTime> = IdMap::default();
    for c in &snap.changes {
        if c.field == "status" && c.new_value.as_deref() == Some("done") {
            finished.insert(c.initiative_id, c.at);
        }
    }
    let mut out: Vec<(i64, ShippedItem)> = Vec::new();
    for i in &snap.initiatives {
        let text = calls
            .at(i.id, week)
            .and_then(|c| c.shipped.as_deref())
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let done_on = finished
            .get(&i.id)
            .filter(|at| i.status == Status::Done && **at >= start && **at <= cutoff)
            .map(|at| at.date());
        if text.is_some() || done_on.is_some() {
            out.push((
                i.priority,
                ShippedItem {
                    initiative_id: i.id,
                    title: i.title.clone(),
                    owner: i.owner.clone(),
                    shipped: text.map(str::to_string),
                    done_on,
                    delivery: done_on.map(|_| judge.judge(i)),
                },
            ));
        }
    }
    out.sort_by_key(|(priority, s)| (*priority, s.initiative_id));
    out.into_iter().map(|(_, s)| s).collect()
}

/// Active initiatives whose dates are in danger, the most serious first.
fn dates_in_danger(items: &[ProgressItem], as_of: NaiveDate) -> Vec<DateDanger> {
    let mut out: Vec<DateDanger> = items
        .iter()
        .filter_map(|i| {
            let target = i.target_date?;
            let days = days_between(as_of, target);
            let kind = if i.backup_date.is_some_and(|b| b < as_of) {
                DangerKind::BackupPassed
            } else if target < as_of {
                DangerKind::PastTarget
            } else if days <= TARGET_SOON_DAYS && i.health.is_some_and(|h| h != Health::OnTrack) {
                DangerKind::TargetSoon
            } else {
                return None;
            };
            Some(DateDanger {
                initiative_id: i.initiative_id,
                title: i.title.clone(),
                owner: i.owner.clone(),
                kind,
                health: i.health,
                target_date: i.target_date,
                backup_date: i.backup_date,
                days_to_target: days,
                disagreement: kind != DangerKind::TargetSoon && i.health == Some(Health::OnTrack),
            })
        })
        .collect();
    out.sort_by_key(|d| (d.kind as u8, d.days_to_target, d.initiative_id));
    out
}
