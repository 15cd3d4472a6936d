//! The quarter's portfolio: the backlog of proposed work, the outcomes of what was done, and
//! where the effort went by track.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{percent, Period};
use crate::model::{Id, Status, Track};

/// Proposed initiatives waiting, at the start and the end of the quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Backlog {
    /// Proposed just before the quarter began.
    pub proposed_at_start: u32,
    /// Proposed at the review's cut-off.
    pub proposed_at_end: u32,
    /// Initiatives proposed during the quarter.
    pub added: u32,
}

/// Whether the initiatives done during the quarter say what they were for and what they
/// achieved.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Outcomes {
    pub done: u32,
    /// Done ones with a stated measure of success.
    pub with_measure: u32,
    /// Done ones with a recorded result.
    pub with_result: u32,
    /// Done ones with both: the outcome loop closed.
    pub with_both: u32,
    pub with_measure_percent: Option<u32>,
    pub with_result_percent: Option<u32>,
    pub with_both_percent: Option<u32>,
    /// The initiatives done during the quarter, in the order they were done.
    pub delivered: Vec<OutcomeItem>,
}

/// One initiative done during the quarter, with its measure and result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OutcomeItem {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub track: Track,
    pub done_on: NaiveDate,
    pub outcome: Option<String>,
    pub measure: Option<String>,
    pub result: Option<String>,
}

/// Where the quarter's effort went: initiatives worked on and check-in weeks, by track.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InvestmentMix {
    /// Initiatives active at some moment of the quarter (done ones included).
    pub initiatives: u32,
    /// Weekly check-ins recorded for weeks of the quarter.
    pub checkin_weeks: u32,
    /// Every track, in the order customer, release, enabler, discovery.
    pub tracks: Vec<TrackShare>,
}

/// One track's share of the quarter's effort.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TrackShare {
    pub track: Track,
    /// The track as people read it ("Technical investment").
    pub label: String,
    pub initiatives: u32,
    pub initiatives_percent: Option<u32>,
    pub checkin_weeks: u32,
    pub checkin_weeks_percent: Option<u32>,
}

/// The backlog at the quarter's edges.
pub(super) fn backlog(p: &Period) -> Backlog {
    let proposed = Status::Proposed.as_str();
    Backlog {
        proposed_at_start: p
            .initiatives()
            .filter(|i| p.status_at_start(i.id) == Some(Status::Proposed))
            .count() as u32,
        proposed_at_end: p
            .initiatives()
            .filter(|i| i.status == Status::Proposed)
            .count() as u32,
        added: p
            .changes()
            .filter(|c| {
                c.field == "status"
                    && c.old_value.is_none()
                    && c.new_value.as_deref() == Some(proposed)
            })
            .count() as u32,
    }
}

/// The outcomes of the initiatives done during the quarter.
pub(super) fn outcomes(p: &Period) -> Outcomes {
    let mut delivered: Vec<OutcomeItem> = p
        .initiatives()
        .filter_map(|i| {
            Some(OutcomeItem {
                initiative_id: i.id,
                title: i.title.clone(),
                owner: i.owner.clone(),
                track: i.track,
                done_on: p.done_in_quarter(i)?,
                outcome: i.outcome.clone(),
                measure: i.measure.clone(),
                result: i.result.clone(),
            })
        })
        .collect();
    delivered.sort_by_key(|i| (i.done_on, i.initiative_id));
    let done = delivered.len() as u32;
    let count = |f: fn(&OutcomeItem) -> bool| delivered.iter().filter(|i| f(i)).count() as u32;
    let with_measure = count(|i| i.measure.is_some());
    let with_result = count(|i| i.result.is_some());
    let with_both = count(|i| i.measure.is_some() && i.result.is_some());
    Outcomes {
        done,
        with_measure,
        with_result,
        with_both,
        with_measure_percent: percent(with_measure, done),
        with_result_percent: percent(with_result, done),
        with_both_percent: percent(with_both, done),
        delivered,
    }
}

/// The investment mix by track.
pub(super) fn investment(p: &Period) -> InvestmentMix {
    let worked: Vec<Track> = p
        .initiatives()
        .filter(|i| p.active_during(i.id) || p.done_in_quarter(i).is_some())
        .map(|i| i.track)
        .collect();
    let weeks: Vec<Track> = p
        .checkins
        .iter()
        .filter_map(|c| p.initiative(c.initiative_id).map(|i| i.track))
        .collect();
    let (n, w) = (worked.len() as u32, weeks.len() as u32);
    let tracks = Track::ALL
        .iter()
        .map(|&track| {
            let initiatives = worked.iter().filter(|t| **t == track).count() as u32;
            let checkin_weeks = weeks.iter().filter(|t| **t == track).count() as u32;
            TrackShare {
                track,
                label: track.label().into(),
                initiatives,
                initiatives_percent: percent(initiatives, n),
                checkin_weeks,
                checkin_weeks_percent: percent(checkin_weeks, w),
            }
        })
        .collect();
    InvestmentMix {
        initiatives: n,
        checkin_weeks: w,
        tracks,
    }
}
