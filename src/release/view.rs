//! A release as it is shown: its record with where it stands, how it ended, its readiness
//! and warnings, and the titles of what it ships (what `release list`/`show` and the app read).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::figures::{outcome, Outcome};
use super::sheet::{readiness, Readiness};
use super::{Release, ReleaseStatus};
use crate::model::Id;
use crate::snapshot::Snapshot;

/// A release with what is read from it on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReleaseView {
    #[serde(flatten)]
    pub release: Release,
    pub status: ReleaseStatus,
    pub outcome: Outcome,
    /// The readiness of a release still to ship.
    pub readiness: Option<Readiness>,
    /// Warnings shown with it (one person in every role, no stop owner, late additions).
    pub warnings: Vec<String>,
    /// The title of each scope entry's initiative, in scope order.
    pub titles: Vec<ScopeTitle>,
}

/// The title of an initiative in a release's scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScopeTitle {
    pub initiative_id: Id,
    pub title: String,
}

/// How `r` reads on `today`, with titles from `snap`.
pub fn view(r: &Release, snap: &Snapshot, today: NaiveDate) -> ReleaseView {
    let mut warnings = Vec::new();
    if r.one_person_owns_all() {
        warnings.push(format!(
            "{} holds all three owner roles, which hides risk until the last day",
            r.scope_owner
        ));
    }
    if r.is_open() && r.stop_owner.is_none() {
        warnings.push("nobody is named as the person who can stop the release".into());
    }
    let title = |id: Id| {
        snap.initiative(id)
            .map_or_else(|| format!("initiative {id}"), |i| i.title.clone())
    };
    for s in r.late_additions() {
        warnings.push(format!(
            "'{}' was added after the freeze: {}",
            title(s.initiative_id),
            s.late_reason.as_deref().unwrap_or_default()
        ));
    }
    let mut titles: Vec<ScopeTitle> = Vec::new();
    for s in &r.scope {
        if !titles.iter().any(|t| t.initiative_id == s.initiative_id) {
            titles.push(ScopeTitle {
                initiative_id: s.initiative_id,
                title: title(s.initiative_id),
            });
        }
    }
    ReleaseView {
        status: r.status(),
        outcome: outcome(r, today),
        readiness: r.is_open().then(|| readiness(r, today)),
        warnings,
        titles,
        release: r.clone(),
    }
}

impl ReleaseView {
    /// The title of initiative `id` in its scope.
    pub fn title(&self, id: Id) -> &str {
        self.titles
            .iter()
            .find(|t| t.initiative_id == id)
            .map_or("", |t| t.title.as_str())
    }
}
