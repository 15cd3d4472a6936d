//! Releases read from a workspace: the list with the pain ranking and rescue mode (the app's
//! Releases view), one release with its go/no-go sheet (the release page and the go/no-go
//! mode), and what `cadence release list | show | check` print.

use serde::{Deserialize, Serialize};

use crate::calendar::IsoWeek;
use crate::error::Result;
use crate::model::Id;
use crate::narrative::releases::{biggest_pain, STOP_LIST};
use crate::release::figures::{pain_ranking, PainTotal};
use crate::release::sheet::{sheet, Sheet};
use crate::release::view::{view, ReleaseView};
use crate::release::Release;
use crate::review::releases::{weekly, ReleaseRef, RescueState};
use crate::store::Workspace;

/// The Releases view: every release as it reads today, what slows releases down, and rescue
/// mode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReleasesView {
    /// Every release, the latest target first.
    pub releases: Vec<ReleaseView>,
    /// The pain buckets by hours lost over the last five releases, biggest first.
    pub pain: Vec<PainTotal>,
    /// The releases the ranking counts, oldest first.
    pub pain_releases: Vec<ReleaseRef>,
    /// "We lose about N hours every release to …", when pain is recorded.
    pub biggest_pain: Option<String>,
    /// Rescue mode: whether the team is in it, the misses, the last rescue that ended.
    pub rescue: RescueState,
    /// What a team in rescue mode stops doing (shown while it is active).
    pub stop_list: Vec<String>,
}

/// One release as its page shows it: the release, its go/no-go sheet, its rehearsal trend,
/// its overrides and restore times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReleasePage {
    pub view: ReleaseView,
    pub sheet: Sheet,
    /// The rehearsal minutes by date, oldest first (e.g. 40, 25, 15).
    pub rehearsal_trend: Vec<i64>,
    /// The go/no-go calls that were a go over a "no" or an unanswered question.
    pub overrides: Vec<Id>,
    /// Minutes from start to restored of each rollback and incident restored.
    pub restores: Vec<Restored>,
}

/// How long a rollback or an incident took to restore.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Restored {
    pub event_id: Id,
    pub minutes: i64,
}

/// The rehearsal minutes of `r` in the order they ran.
pub fn rehearsal_trend(r: &Release) -> Vec<i64> {
    let mut list: Vec<_> = r.rehearsals.iter().collect();
    list.sort_by_key(|x| (x.on, x.id));
    list.iter().map(|x| x.minutes).collect()
}

impl Workspace {
    /// Every release as it reads on the workspace's today, in the order they were added.
    pub fn release_list(&self) -> Result<Vec<ReleaseView>> {
        let snap = self.snapshot()?;
        let today = self.clock().today();
        Ok(snap
            .releases
            .iter()
            .map(|r| view(r, &snap, today))
            .collect())
    }

    /// Release `id` as it reads on the workspace's today.
    pub fn release_view(&self, id: Id) -> Result<ReleaseView> {
        Ok(view(
            &self.release(id)?,
            &self.snapshot()?,
            self.clock().today(),
        ))
    }

    /// The go/no-go sheet of release `id`: the five questions with Cadence's evidence.
    pub fn release_sheet(&self, id: Id) -> Result<Sheet> {
        Ok(sheet(
            &self.release(id)?,
            &self.snapshot()?,
            self.clock().today(),
        ))
    }

    /// Release `id`'s page: its view, its go/no-go sheet, its rehearsal trend, the calls
    /// that were overrides and how long each restore took.
    pub fn release_page(&self, id: Id) -> Result<ReleasePage> {
        let r = self.release(id)?;
        let snap = self.snapshot()?;
        let today = self.clock().today();
        Ok(ReleasePage {
            view: view(&r, &snap, today),
            sheet: sheet(&r, &snap, today),
            rehearsal_trend: rehearsal_trend(&r),
            overrides: r
                .decisions
                .iter()
                .filter(|d| d.is_override())
                .map(|d| d.id)
                .collect(),
            restores: r
                .events
                .iter()
                .filter_map(|e| {
                    e.minutes_to_restore().map(|minutes| Restored {
                        event_id: e.id,
                        minutes,
                    })
                })
                .collect(),
        })
    }

    /// The Releases view on the workspace's today.
    pub fn releases_view(&self) -> Result<ReleasesView> {
        let snap = self.snapshot()?;
        let today = self.clock().today();
        let week = IsoWeek::of(today);
        let mut releases: Vec<ReleaseView> = snap
            .releases
            .iter()
            .map(|r| view(r, &snap, today))
            .collect();
        releases.sort_by(|a, b| {
            (b.release.target_date, b.release.id).cmp(&(a.release.target_date, a.release.id))
        });
        let (pain, counted) = pain_ranking(&snap.releases, today);
        let pain_releases: Vec<ReleaseRef> = counted
            .iter()
            .filter_map(|id| snap.releases.iter().find(|r| r.id == *id))
            .map(|r| ReleaseRef {
                id: r.id,
                name: r.name.clone(),
            })
            .collect();
        let rescue = weekly(&snap, week.monday(), week.sunday(), today).rescue;
        Ok(ReleasesView {
            biggest_pain: pain
                .first()
                .map(|top| biggest_pain(top, pain_releases.len())),
            pain,
            pain_releases,
            stop_list: if rescue.rescue.active {
                STOP_LIST.iter().map(|s| s.to_string()).collect()
            } else {
                Vec::new()
            },
            rescue,
            releases,
        })
    }
}
