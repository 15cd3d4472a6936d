//! The risk picture at the quarter's end: risk level against health, the top risks in their
//! owners' words, and the technical investment (enabler) work.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Period;
use crate::model::{Health, Id, RiskLevel, Status, Track};
use crate::review::common::InitiativeRef;

/// How many risks the review names at most.
pub const TOP_RISKS: usize = 5;

/// The active initiatives' risks at the review's cut-off.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RiskPicture {
    /// Active initiatives.
    pub active: u32,
    /// Every risk level (low, medium, high) against every health call (on track, at risk,
    /// off track, none yet): twelve cells, level by level.
    pub grid: Vec<RiskCell>,
    /// Up to five high and medium risks, the most serious first.
    pub top_risks: Vec<TopRisk>,
    /// Technical investment: enabler initiatives active or proposed at the cut-off, or done
    /// during the quarter.
    pub enablers: Vec<EnablerItem>,
}

/// The active initiatives of one risk level with one health call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RiskCell {
    pub risk_level: RiskLevel,
    /// The owner's latest health call; none before the first check-in.
    pub health: Option<Health>,
    pub count: u32,
    /// The initiatives in the cell, by id.
    pub initiatives: Vec<InitiativeRef>,
}

/// A risk as its owner named it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TopRisk {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub risk_level: RiskLevel,
    pub health: Option<Health>,
    /// The owner's sentence.
    pub risk: String,
    pub mitigation: Option<String>,
    pub target_date: Option<NaiveDate>,
}

/// One technical investment initiative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EnablerItem {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub status: Status,
    pub health: Option<Health>,
    pub target_date: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub risk_level: Option<RiskLevel>,
}

/// The health columns of the grid, in order.
pub const HEALTH_COLUMNS: [Option<Health>; 4] = [
    Some(Health::OnTrack),
    Some(Health::AtRisk),
    Some(Health::OffTrack),
    None,
];

/// How alarming a health call is, for ordering: off track first.
fn alarm(h: Option<Health>) -> u8 {
    match h {
        Some(Health::OffTrack) => 3,
        Some(Health::AtRisk) => 2,
        None => 1,
        Some(Health::OnTrack) => 0,
    }
}

/// The risk picture of the period.
pub(super) fn risk_picture(p: &Period) -> RiskPicture {
    let active: Vec<_> = p
        .initiatives()
        .filter(|i| i.status == Status::Active)
        .collect();
    let mut grid = Vec::with_capacity(12);
    for level in RiskLevel::ALL {
        for health in HEALTH_COLUMNS {
            let initiatives: Vec<InitiativeRef> = active
                .iter()
                .filter(|i| i.risk_level == Some(*level) && p.health(i.id) == health)
                .map(|i| InitiativeRef {
                    initiative_id: i.id,
                    title: i.title.clone(),
                    owner: i.owner.clone(),
                })
                .collect();
            grid.push(RiskCell {
                risk_level: *level,
                health,
                count: initiatives.len() as u32,
                initiatives,
            });
        }
    }
    // Ranked before the chosen few are copied out.
    let mut ranked: Vec<_> = active
        .iter()
        .filter_map(|i| {
            let level = i.risk_level.filter(|l| *l != RiskLevel::Low)?;
            let risk = i.risk.as_ref()?;
            let health = p.health(i.id);
            let rank = (
                std::cmp::Reverse(level),
                std::cmp::Reverse(alarm(health)),
                i.priority,
                i.id,
            );
            Some((rank, i, level, health, risk))
        })
        .collect();
    ranked.sort_unstable_by_key(|(rank, ..)| *rank);
    let top: Vec<TopRisk> = ranked
        .into_iter()
        .take(TOP_RISKS)
        .map(|(_, i, risk_level, health, risk)| TopRisk {
            initiative_id: i.id,
            title: i.title.clone(),
            owner: i.owner.clone(),
            risk_level,
            health,
            risk: risk.clone(),
            mitigation: i.mitigation.clone(),
            target_date: i.target_date,
        })
        .collect();
    let mut enablers: Vec<(u8, i64, EnablerItem)> = p
        .initiatives()
        .filter(|i| i.track == Track::Enabler)
        .filter_map(|i| {
            let done_on = p.done_in_quarter(i);
            let rank = match i.status {
                Status::Active => 0,
                Status::Proposed => 1,
                Status::Done if done_on.is_some() => 2,
                _ => return None,
            };
            Some((
                rank,
                i.priority,
                EnablerItem {
                    initiative_id: i.id,
                    title: i.title.clone(),
                    owner: i.owner.clone(),
                    status: i.status,
                    health: (i.status == Status::Active)
                        .then(|| p.health(i.id))
                        .flatten(),
                    target_date: i.target_date,
                    done_on,
                    risk_level: i.risk_level,
                },
            ))
        })
        .collect();
    enablers.sort_by_key(|(rank, priority, e)| (*rank, *priority, e.initiative_id));
    RiskPicture {
        active: active.len() as u32,
        grid,
        top_risks: top,
        enablers: enablers.into_iter().map(|(_, _, e)| e).collect(),
    }
}
