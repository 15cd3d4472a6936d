//! The trend: a quarter's key figures beside those of up to four previous quarters.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::{quarter_weeks, CheckinIndex, Parts, Period, TREND_QUARTERS};
use crate::calendar::{end_of_day, Quarter};
use crate::model::{Status, Track};
use crate::snapshot::Snapshot;

/// The figures a quarter is compared by.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct KeyFigures {
    /// `YYYY-Qn`.
    pub quarter: String,
    pub first_day: NaiveDate,
    /// Whether a plan was committed for the quarter.
    pub planned: bool,
    pub committed: u32,
    /// Committed initiatives delivered, whenever in the quarter.
    pub delivered: u32,
    pub by_target_percent: Option<u32>,
    pub by_backup_percent: Option<u32>,
    pub median_slip_days: Option<f64>,
    /// Initiatives done during the quarter, planned or not.
    pub done: u32,
    pub date_moves: u32,
    /// The technical investment (enabler) share of check-in weeks.
    pub enabler_weeks_percent: Option<u32>,
    pub proposed_at_end: u32,
}

/// The key figures of a computed period.
pub(super) fn figures(p: &Period, parts: &Parts) -> KeyFigures {
    KeyFigures {
        quarter: p.quarter.to_string(),
        first_day: p.quarter.first_day(),
        planned: parts.plan.commitment.is_some(),
        committed: parts.plan.counts.committed,
        delivered: parts.plan.counts.delivered(),
        by_target_percent: parts.reliability.by_target_percent,
        by_backup_percent: parts.reliability.by_backup_percent,
        median_slip_days: parts.reliability.median_slip_days,
        done: parts.outcomes.done,
        date_moves: parts.churn.date_moves,
        enabler_weeks_percent: parts
            .investment
            .tracks
            .iter()
            .find(|t| t.track == Track::Enabler)
            .and_then(|t| t.checkin_weeks_percent),
        proposed_at_end: parts.backlog.proposed_at_end,
    }
}

/// Whether the workspace as known at `at` (`snapshot`, the workspace read, and the check-ins
/// `checkins` in force then) holds anything about `q`: a committed plan, a check-in for one of
/// its weeks, or an initiative marked done during it.
fn has_data(snapshot: &Snapshot, checkins: &CheckinIndex, at: NaiveDateTime, q: Quarter) -> bool {
    let label = q.to_string();
    let (first, last) = quarter_weeks(q);
    snapshot
        .baselines
        .iter()
        .any(|b| b.committed_at <= at && b.quarter == label)
        || checkins.any_in_force(at, first, last)
        || snapshot.changes.iter().any(|c| {
            c.at <= at
                && c.field == "status"
                && c.new_value.as_deref() == Some(Status::Done.as_str())
                && q.contains(c.at.date())
        })
}

/// The key figures of up to four quarters before `quarter` that have data as known today,
/// oldest first, each as known at its end (or today, if earlier).
pub(super) fn trend<'a>(
    snapshot: &'a Snapshot,
    checkins: &CheckinIndex<'a>,
    quarter: Quarter,
    today: NaiveDate,
) -> Vec<KeyFigures> {
    let at = end_of_day(today);
    let mut q = quarter;
    let mut out = Vec::new();
    for _ in 0..TREND_QUARTERS {
        q = q.previous();
        if has_data(snapshot, checkins, at, q) {
            let p = Period::new(snapshot, checkins, q, today);
            out.push(figures(&p, &Parts::of(&p)));
        }
    }
    out.reverse();
    out
}
