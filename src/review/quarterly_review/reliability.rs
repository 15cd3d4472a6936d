//! Date reliability: how many committed dates held, how far the others slipped, and how
//! often each owner's "on track" calls ended on time.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::plan::{Delivery, PlanItem, PlannedVsDelivered};
use super::{percent, Period};
use crate::history;
use crate::model::{Health, Id, Status};

/// How reliable the quarter's committed dates were.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Reliability {
    /// Committed initiatives whose date has come: delivered, dropped, slipped, or open past
    /// their committed target.
    pub due: u32,
    /// Of those, delivered on or before the committed target.
    pub by_target: u32,
    /// Of those, delivered on or before the committed backup (the on-target ones included).
    pub by_backup: u32,
    pub by_target_percent: Option<u32>,
    pub by_backup_percent: Option<u32>,
    /// The median slip in days of the due, not dropped, committed initiatives (0 for one
    /// on time).
    pub median_slip_days: Option<f64>,
    /// The committed initiative that slipped furthest, when any slipped.
    pub worst_slip: Option<WorstSlip>,
    /// Per owner, how their "on track" calls during the quarter ended, by name.
    pub owners: Vec<OwnerCalls>,
}

/// The furthest slip of the quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WorstSlip {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub days: i32,
}

/// One owner's "on track" calls whose outcome is known: the initiative was done, or the
/// target in force at the call passed without it being done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OwnerCalls {
    pub owner: String,
    pub on_track_calls: u32,
    /// Calls where the initiative was done by the target in force when the call was made.
    pub ended_on_time: u32,
    pub percent: Option<u32>,
}

/// Whether a committed initiative's date has come.
fn due(i: &PlanItem) -> bool {
    i.delivery != Delivery::Open || i.slip_days.is_some()
}

/// The median of `values`; none when empty.
fn median(values: &mut [i32]) -> Option<f64> {
    values.sort_unstable();
    let n = values.len();
    match n {
        0 => None,
        n if n % 2 == 1 => Some(values[n / 2] as f64),
        n => Some((values[n / 2 - 1] as f64 + values[n / 2] as f64) / 2.0),
    }
}

/// Date reliability of the committed plan, and the owners' calls.
pub(super) fn reliability(p: &Period, plan: &PlannedVsDelivered) -> Reliability {
    let due: Vec<&PlanItem> = plan.committed.iter().filter(|i| due(i)).collect();
    let by_target = due
        .iter()
        .filter(|i| i.delivery == Delivery::ByTarget)
        .count() as u32;
    let by_backup = due
        .iter()
        .filter(|i| matches!(i.delivery, Delivery::ByTarget | Delivery::ByBackup))
        .count() as u32;
    let mut slips: Vec<i32> = due.iter().filter_map(|i| i.slip_days).collect();
    let worst_slip = due
        .iter()
        .filter(|i| i.slip_days.is_some_and(|d| d > 0))
        .max_by_key(|i| (i.slip_days, std::cmp::Reverse(i.initiative_id)))
        .map(|i| WorstSlip {
            initiative_id: i.initiative_id,
            title: i.title.clone(),
            owner: i.owner.clone(),
            days: i.slip_days.unwrap_or_default(),
        });
    let n = due.len() as u32;
    Reliability {
        due: n,
        by_target,
        by_backup,
        by_target_percent: percent(by_target, n),
        by_backup_percent: percent(by_backup, n),
        median_slip_days: median(&mut slips),
        worst_slip,
        owners: owner_calls(p),
    }
}

/// Every "on track" call of the quarter judged against the target in force when it was made.
fn owner_calls(p: &Period) -> Vec<OwnerCalls> {
    let mut tally: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for c in p.checkins.iter().filter(|c| c.health == Health::OnTrack) {
        let Some(i) = p.initiative(c.initiative_id) else {
            continue;
        };
        // The target and owner as they stood when the call was made, as `history::as_of`
        // rebuilds them, without copying the initiative for every call.
        if i.created_at > c.recorded_at {
            continue;
        }
        let target = match history::logged_value_at(p.log(i.id), "target_date", c.recorded_at) {
            Some(logged) => history::logged_date(logged),
            None => i.target_date,
        };
        let Some(target) = target else {
            continue;
        };
        let on_time = match p.done_on(i) {
            Some(done) => done <= target,
            None if i.status == Status::Dropped => continue,
            None if target < p.as_of => false,
            None => continue,
        };
        let owner = match history::logged_value_at(p.log(i.id), "owner", c.recorded_at) {
            Some(logged) => logged.unwrap_or_default(),
            None => &i.owner,
        };
        let entry = match tally.get_mut(owner) {
            Some(entry) => entry,
            None => tally.entry(owner.to_string()).or_default(),
        };
        entry.0 += 1;
        entry.1 += u32::from(on_time);
    }
    tally
        .into_iter()
        .map(|(owner, (calls, on_time))| OwnerCalls {
            owner,
            on_track_calls: calls,
            ended_on_time: on_time,
            percent: percent(on_time, calls),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [9, 0, 3]), Some(3.0));
        assert_eq!(median(&mut [0, 4, 7, 0]), Some(2.0));
        assert_eq!(median(&mut [0, 5]), Some(2.5));
    }
}
