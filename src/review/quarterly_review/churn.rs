//! Churn: how often the quarter's work was reprioritised, re-dated or cut, per initiative.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Period;
use crate::model::Id;
use crate::review::common::ScopeCut;

/// The quarter's reprioritisations, date moves and scope cuts.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Churn {
    /// Changes of priority rank.
    pub reprioritisations: u32,
    /// Edits that moved a target or backup date (both moved in one edit count once).
    pub date_moves: u32,
    /// Items cut from an initiative's scope.
    pub scope_cuts: u32,
    /// Initiatives that churned, the most changed first.
    pub initiatives: Vec<ChurnItem>,
    /// The scope cuts with their reasons, oldest first.
    pub cuts: Vec<ScopeCut>,
}

/// One initiative's churn during the quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChurnItem {
    pub initiative_id: Id,
    pub title: String,
    pub owner: String,
    pub reprioritisations: u32,
    pub date_moves: u32,
    pub scope_cuts: u32,
}

impl ChurnItem {
    /// Every change counted.
    pub fn total(&self) -> u32 {
        self.reprioritisations + self.date_moves + self.scope_cuts
    }
}

/// The churn of the period, from the change log.
pub(super) fn churn(p: &Period) -> Churn {
    let mut out = Churn::default();
    let mut per: BTreeMap<Id, ChurnItem> = BTreeMap::new();
    for c in p.changes() {
        let Some(i) = p.initiative(c.initiative_id) else {
            continue;
        };
        let entry = per.entry(i.id).or_insert_with(|| ChurnItem {
            initiative_id: i.id,
            title: i.title.clone(),
            owner: i.owner.clone(),
            reprioritisations: 0,
            date_moves: p.date_edits(i.id),
            scope_cuts: 0,
        });
        match (c.field.as_ref(), &c.old_value, &c.new_value) {
            ("priority", Some(old), Some(new)) if old != new => entry.reprioritisations += 1,
            ("scope", Some(item), None) => {
                entry.scope_cuts += 1;
                out.cuts.push(ScopeCut {
                    initiative_id: i.id,
                    title: i.title.clone(),
                    owner: i.owner.clone(),
                    at: c.at,
                    item: item.clone(),
                    reason: c.reason.clone(),
                });
            }
            _ => {}
        }
    }
    out.initiatives = per.into_values().filter(|i| i.total() > 0).collect();
    out.initiatives
        .sort_by_key(|i| (std::cmp::Reverse(i.total()), i.initiative_id));
    out.reprioritisations = out.initiatives.iter().map(|i| i.reprioritisations).sum();
    out.date_moves = out.initiatives.iter().map(|i| i.date_moves).sum();
    out.scope_cuts = out.cuts.len() as u32;
    out
}
