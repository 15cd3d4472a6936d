//! The quarterly health review: what was planned and what was delivered against the
//! quarter's committed baseline, how reliable the dates were, how much the plan churned, the
//! backlog, outcomes, where the effort went, the risk picture, and the trend over the
//! previous quarters. A pure function of a snapshot, a quarter and today.

mod churn;
mod plan;
mod portfolio;
mod reliability;
mod risk;
mod trend;

use std::borrow::Cow;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::calendar::{end_of_day, IsoWeek, Quarter};
use crate::history;
use crate::model::{Baseline, Change, CheckIn, Health, Id, IdMap, Initiative, Status};
use crate::snapshot::{in_force_at, Snapshot};

pub use churn::{Churn, ChurnItem};
pub use plan::{Amendment, Commitment, Delivery, PlanCounts, PlanItem, PlannedVsDelivered};
pub use portfolio::{Backlog, InvestmentMix, OutcomeItem, Outcomes, TrackShare};
pub use reliability::{OwnerCalls, Reliability, WorstSlip};
pub use risk::{EnablerItem, RiskCell, RiskPicture, TopRisk, HEALTH_COLUMNS, TOP_RISKS};
pub use trend::KeyFigures;

/// How many previous quarters the trend looks back at most.
pub const TREND_QUARTERS: usize = 4;

/// The quarterly health review of one (fiscal) quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct QuarterlyReview {
    /// `YYYY-Qn`, counted from the fiscal year's start month.
    pub quarter: String,
    /// The month the fiscal year starts in (1 gives calendar quarters).
    pub fiscal_year_start: u32,
    /// How quarters are counted, as printed on the report.
    pub convention: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    /// The day the review was asked for.
    pub today: NaiveDate,
    /// What the review knows is what was recorded by the end of this day: the quarter's
    /// last day, or today while the quarter is under way.
    pub as_of: NaiveDate,
    /// Whether the quarter is over (today is after its last day).
    pub ended: bool,
    pub plan: PlannedVsDelivered,
    pub reliability: Reliability,
    pub churn: Churn,
    pub backlog: Backlog,
    pub outcomes: Outcomes,
    pub investment: InvestmentMix,
    pub risk: RiskPicture,
    /// This quarter's key figures, as the trend shows them.
    pub key_figures: KeyFigures,
    /// The key figures of up to four previous quarters that have data, oldest first.
    pub trend: Vec<KeyFigures>,
    /// Releases: on time, change failure rate, time to restore and rehearsal time, against
    /// up to four earlier quarters.
    pub release_confidence: crate::review::releases::ReleaseConfidence,
}

/// Builds the quarterly review of `quarter` from what was known by the end of the quarter,
/// or by the end of today when that is earlier.
pub fn quarterly(snapshot: &Snapshot, quarter: Quarter, today: NaiveDate) -> QuarterlyReview {
    let checkins = CheckinIndex::new(&snapshot.checkins);
    let period = Period::new(snapshot, &checkins, quarter, today);
    let parts = Parts::of(&period);
    let key_figures = trend::figures(&period, &parts);
    QuarterlyReview {
        quarter: quarter.to_string(),
        fiscal_year_start: quarter.start_month(),
        convention: quarter.convention(),
        first_day: quarter.first_day(),
        last_day: quarter.last_day(),
        today,
        as_of: period.as_of,
        ended: period.ended,
        trend: trend::trend(snapshot, &checkins, quarter, today),
        release_confidence: crate::review::releases::confidence(snapshot, quarter, today),
        key_figures,
        plan: parts.plan,
        reliability: parts.reliability,
        churn: parts.churn,
        backlog: parts.backlog,
        outcomes: parts.outcomes,
        investment: parts.investment,
        risk: parts.risk,
    }
}

/// Every part of a review but its trend.
struct Parts {
    plan: PlannedVsDelivered,
    reliability: Reliability,
    churn: Churn,
    backlog: Backlog,
    outcomes: Outcomes,
    investment: InvestmentMix,
    risk: RiskPicture,
}

impl Parts {
    fn of(p: &Period) -> Self {
        let plan = plan::planned_vs_delivered(p);
        Parts {
            reliability: reliability::reliability(p, &plan),
            churn: churn::churn(p),
            backlog: portfolio::backlog(p),
            outcomes: portfolio::outcomes(p),
            investment: portfolio::investment(p),
            risk: risk::risk_picture(p),
            plan,
        }
    }
}

/// A quarter as the review sees it: the workspace as known at the cut-off, and the window of
/// the quarter's changes. Its records are borrowed from the snapshot read (only initiatives
/// changed after the cut-off are rebuilt): copying the workspace for the review and each
/// quarter of its trend was a fifth of the review's cost.
struct Period<'a> {
    quarter: Quarter,
    /// The initiatives as known at `cutoff` ([`Snapshot::initiatives_as_of`]).
    initiatives: Vec<Cow<'a, Initiative>>,
    /// The changes logged by `cutoff`, oldest first.
    changes: Vec<&'a Change>,
    /// The baselines committed by `cutoff`, in id order.
    baselines: Vec<&'a Baseline>,
    /// The check-ins in force at `cutoff` for the weeks that belong to the quarter (by their
    /// Thursday, as ISO weeks belong to years) and had begun by `as_of`, borrowed from the
    /// snapshot read: copying every check-in for each quarter the review looks at was most
    /// of its cost.
    checkins: Vec<&'a CheckIn>,
    as_of: NaiveDate,
    /// The first instant of the quarter.
    start: NaiveDateTime,
    /// The last instant the review knows.
    cutoff: NaiveDateTime,
    ended: bool,
    /// Positions in `initiatives` by id.
    positions: IdMap<usize>,
    /// Each initiative's entries of `changes`, oldest first.
    logs: IdMap<Vec<&'a Change>>,
    /// Each initiative's latest check-in in force for a week begun by `as_of`, as (week,
    /// id, health): found in one pass, where looking it up per initiative and per cell of
    /// the risk grid scanned every check-in of the initiative each time.
    health: IdMap<(IsoWeek, Id, Health)>,
}

/// Every check-in of the snapshot read, per initiative, latest first (by week, then id):
/// indexed once for the review and the quarters of its trend, where each of them passed over
/// every check-in for those in force at its cut-off.
struct CheckinIndex<'a> {
    by_initiative: IdMap<Vec<&'a CheckIn>>,
}

impl<'a> CheckinIndex<'a> {
    fn new(checkins: &'a [CheckIn]) -> Self {
        let mut by_initiative: IdMap<Vec<&CheckIn>> = IdMap::default();
        for c in checkins {
            by_initiative.entry(c.initiative_id).or_default().push(c);
        }
        for list in by_initiative.values_mut() {
            list.sort_by_key(|c| std::cmp::Reverse((c.week, c.id)));
        }
        CheckinIndex { by_initiative }
    }

    /// The check-ins of initiative `id`, latest first.
    fn of(&self, id: Id) -> &[&'a CheckIn] {
        self.by_initiative.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Whether a check-in in force at `at` is for a week from `first` to `last`.
    fn any_in_force(&self, at: NaiveDateTime, first: IsoWeek, last: IsoWeek) -> bool {
        self.by_initiative.values().any(|list| {
            list.iter()
                .any(|c| first <= c.week && c.week <= last && in_force_at(c, at))
        })
    }
}

impl<'a> Period<'a> {
    /// The period of `quarter` from the snapshot read, `snapshot`, and its check-ins indexed,
    /// `checkins`.
    fn new(
        snapshot: &'a Snapshot,
        checkins: &CheckinIndex<'a>,
        quarter: Quarter,
        today: NaiveDate,
    ) -> Self {
        let as_of = quarter.last_day().min(today);
        let cutoff = end_of_day(as_of);
        let initiatives = snapshot.initiatives_as_of(cutoff);
        let positions = initiatives
            .iter()
            .enumerate()
            .map(|(k, i)| (i.id, k))
            .collect();
        let changes: Vec<&Change> = snapshot.changes.iter().filter(|c| c.at <= cutoff).collect();
        let mut logs: IdMap<Vec<&Change>> = IdMap::default();
        for &c in &changes {
            logs.entry(c.initiative_id).or_default().push(c);
        }
        // A week has begun by `as_of` exactly when it is not after the week holding `as_of`.
        let begun = IsoWeek::of(as_of);
        let (first, last) = quarter_weeks(quarter);
        let last = last.min(begun);
        let mut health: IdMap<(IsoWeek, Id, Health)> = IdMap::default();
        let mut in_quarter = Vec::new();
        for i in &initiatives {
            let mut latest: Option<&CheckIn> = None;
            for &c in checkins.of(i.id).iter().skip_while(|c| c.week > begun) {
                if c.week < first && latest.is_some() {
                    break;
                }
                if !in_force_at(c, cutoff) {
                    continue;
                }
                latest = latest.or(Some(c));
                if first <= c.week && c.week <= last {
                    in_quarter.push(c);
                }
            }
            if let Some(c) = latest {
                health.insert(i.id, (c.week, c.id, c.health));
            }
        }
        in_quarter.sort_unstable_by_key(|c| c.id);
        Period {
            quarter,
            initiatives,
            changes,
            baselines: snapshot
                .baselines
                .iter()
                .filter(|b| b.committed_at <= cutoff)
                .collect(),
            checkins: in_quarter,
            positions,
            logs,
            health,
            as_of,
            start: quarter
                .first_day()
                .and_hms_opt(0, 0, 0)
                .expect("valid time"),
            cutoff,
            ended: today > quarter.last_day(),
        }
    }

    /// The initiatives as known at the cut-off, in id order.
    fn initiatives(&self) -> impl Iterator<Item = &Initiative> {
        self.initiatives.iter().map(|i| &**i)
    }

    /// The initiative with `id`, as known at the cut-off.
    fn initiative(&self, id: Id) -> Option<&Initiative> {
        self.positions.get(&id).map(|k| &*self.initiatives[*k])
    }

    /// The change log of initiative `id` up to the cut-off, oldest first.
    fn log(&self, id: Id) -> impl Iterator<Item = &'a Change> + '_ {
        self.logs.get(&id).into_iter().flatten().copied()
    }

    /// Whether a change made at `at` falls in the quarter, up to the cut-off.
    fn in_window(&self, at: NaiveDateTime) -> bool {
        at >= self.start && at <= self.cutoff
    }

    /// The changes of the quarter, oldest first.
    fn changes(&self) -> impl Iterator<Item = &'a Change> + '_ {
        self.changes
            .iter()
            .copied()
            .filter(|c| self.in_window(c.at))
    }

    /// Edits that moved a date of initiative `id` during the quarter (a target and its backup
    /// moved together count once).
    fn date_edits(&self, id: Id) -> u32 {
        history::date_edits(self.log(id), self.start, self.cutoff)
    }

    /// The status of initiative `id` at `at`, per its change log.
    fn status_at(&self, id: Id, at: NaiveDateTime) -> Option<Status> {
        self.log(id)
            .filter(|c| c.field == "status" && c.at <= at)
            .filter_map(|c| c.new_value.as_deref()?.parse().ok())
            .last()
    }

    /// The status of initiative `id` just before the quarter began.
    fn status_at_start(&self, id: Id) -> Option<Status> {
        self.status_at(id, self.start - Duration::seconds(1))
    }

    /// When initiative `id` first became active during the quarter.
    fn activated_in_window(&self, id: Id) -> Option<NaiveDateTime> {
        self.log(id)
            .filter(|c| c.field == "status" && self.in_window(c.at))
            .find(|c| c.new_value.as_deref() == Some(Status::Active.as_str()))
            .map(|c| c.at)
    }

    /// Whether initiative `id` was active at some moment of the quarter.
    fn active_during(&self, id: Id) -> bool {
        self.status_at_start(id) == Some(Status::Active) || self.activated_in_window(id).is_some()
    }

    /// The day initiative `i` was marked done, when it is done at the cut-off.
    fn done_on(&self, i: &Initiative) -> Option<NaiveDate> {
        if i.status != Status::Done {
            return None;
        }
        self.log(i.id)
            .filter(|c| {
                c.field == "status" && c.new_value.as_deref() == Some(Status::Done.as_str())
            })
            .map(|c| c.at.date())
            .last()
    }

    /// The day initiative `i` was marked done, when that was during the quarter.
    fn done_in_quarter(&self, i: &Initiative) -> Option<NaiveDate> {
        self.done_on(i)
            .filter(|d| *d >= self.quarter.first_day() && *d <= self.as_of)
    }

    /// The owner's latest health call on initiative `id`, for a week begun by the review's day.
    fn health(&self, id: Id) -> Option<Health> {
        self.health.get(&id).map(|(_, _, health)| *health)
    }
}

/// The first and the last week that belong to `quarter` by their Thursday, as ISO weeks
/// belong to years: the first holds the quarter's first day + 3, the last its last day - 3.
fn quarter_weeks(quarter: Quarter) -> (IsoWeek, IsoWeek) {
    (
        IsoWeek::of(quarter.first_day() + Duration::days(3)),
        IsoWeek::of(quarter.last_day() - Duration::days(3)),
    )
}

/// A whole-number percentage of `part` in `whole`, rounded half up; none when `whole` is 0.
pub fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| (200 * part + whole) / (2 * whole))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_round_half_up() {
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 8), Some(13));
        assert_eq!(percent(0, 5), Some(0));
        assert_eq!(percent(5, 5), Some(100));
        assert_eq!(percent(0, 0), None);
    }
}
