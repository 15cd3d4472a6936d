//! The whole workspace in memory: what reviews read and what export writes.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::calendar::IsoWeek;
use crate::history;
use crate::model::{
    Baseline, Blocker, Change, CheckIn, Decision, Id, IdMap, Initiative, KeptUpdate, Person,
};
use crate::release::Release;

/// Every record of a workspace, in id order. Its JSON form, with the kept updates' bodies,
/// is the export format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Snapshot {
    /// Always `cadence-workspace`.
    pub format: String,
    pub schema_version: i64,
    pub settings: BTreeMap<String, String>,
    pub people: Vec<Person>,
    pub initiatives: Vec<Initiative>,
    pub changes: Vec<Change>,
    pub checkins: Vec<CheckIn>,
    pub blockers: Vec<Blocker>,
    pub decisions: Vec<Decision>,
    pub baselines: Vec<Baseline>,
    /// The kept updates; their bodies only in the snapshot export writes and check reads.
    pub reviews: Vec<KeptUpdate>,
    /// Releases with everything recorded on them (absent from exports of schema 1).
    #[serde(default)]
    pub releases: Vec<Release>,
}

impl Snapshot {
    /// The `format` marker of an exported workspace.
    pub const FORMAT: &'static str = "cadence-workspace";

    /// The initiative with `id`.
    pub fn initiative(&self, id: Id) -> Option<&Initiative> {
        self.initiatives.iter().find(|i| i.id == id)
    }

    /// The change log of initiative `id`, oldest first.
    pub fn changes_of(&self, id: Id) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.initiative_id == id)
    }

    /// The check-in in force for initiative `id` in `week` (replaced ones excluded).
    pub fn checkin(&self, id: Id, week: IsoWeek) -> Option<&CheckIn> {
        self.checkins
            .iter()
            .find(|c| c.initiative_id == id && c.week == week && c.replaced_at.is_none())
    }

    /// The most recent check-in in force of each initiative that has one, in one pass over
    /// the check-ins (looking each initiative's up in turn costs initiatives × check-ins).
    pub fn latest_checkins(&self) -> IdMap<&CheckIn> {
        let mut latest: IdMap<&CheckIn> = IdMap::default();
        for c in self.checkins.iter().filter(|c| c.replaced_at.is_none()) {
            let held = latest.entry(c.initiative_id).or_insert(c);
            if (c.week, c.id) > (held.week, held.id) {
                *held = c;
            }
        }
        latest
    }

    /// Each initiative's records, gathered in one pass: see [`ByInitiative`].
    pub fn by_initiative(&self) -> ByInitiative<'_> {
        ByInitiative::new(self)
    }

    /// The workspace as it was known at `at`: records made later are left out and
    /// initiatives are rebuilt from their change logs, so an old period reads the same later.
    pub fn as_of(&self, at: NaiveDateTime) -> Snapshot {
        self.clone().into_as_of(at)
    }

    /// The workspace as known at `at`, like [`Snapshot::as_of`], without its check-ins: for
    /// what borrows them ([`Snapshot::checkins_in_force_at`]) instead of copying them all.
    pub fn as_of_without_checkins(&self, at: NaiveDateTime) -> Snapshot {
        Snapshot {
            blockers: self.blockers.clone(),
            decisions: self.decisions.clone(),
            baselines: self.baselines.clone(),
            reviews: self.reviews.clone(),
            releases: self.releases.clone(),
            ..self.history()
        }
        .into_as_of(at)
    }

    /// The check-ins in force at `at`: recorded by then and not replaced by then. These are
    /// the check-ins of [`Snapshot::as_of`] whose `replaced_at` is none.
    pub fn checkins_in_force_at(&self, at: NaiveDateTime) -> impl Iterator<Item = &CheckIn> {
        self.checkins.iter().filter(move |c| in_force_at(c, at))
    }

    /// A copy of the settings, people, initiatives and every change, with no other record.
    /// The changes are all kept: [`Snapshot::into_as_of`] rebuilds the initiatives from the
    /// later ones.
    fn history(&self) -> Snapshot {
        Snapshot {
            format: self.format.clone(),
            schema_version: self.schema_version,
            settings: self.settings.clone(),
            people: self.people.clone(),
            initiatives: self.initiatives.clone(),
            changes: self.changes.clone(),
            checkins: Vec::new(),
            blockers: Vec::new(),
            decisions: Vec::new(),
            baselines: Vec::new(),
            reviews: Vec::new(),
            releases: Vec::new(),
        }
    }

    /// The initiatives known at `at`, rebuilt from their change logs as [`Snapshot::as_of`]
    /// rebuilds them, each borrowed when nothing logged after `at` changes it: for what reads
    /// a past moment's initiatives without copying them all.
    pub fn initiatives_as_of(&self, at: NaiveDateTime) -> Vec<Cow<'_, Initiative>> {
        let people: Vec<&Person> = self.people.iter().filter(|p| p.created_at <= at).collect();
        initiatives_as_of(
            self.initiatives.iter().map(Cow::Borrowed),
            &self.changes,
            &people,
            at,
        )
    }

    /// [`Snapshot::as_of`] without copying: the records known at `at` are moved out.
    pub fn into_as_of(self, at: NaiveDateTime) -> Snapshot {
        let people: Vec<Person> = self
            .people
            .into_iter()
            .filter(|p| p.created_at <= at)
            .collect();
        let initiatives = initiatives_as_of(
            self.initiatives.into_iter().map(Cow::Owned),
            &self.changes,
            &people.iter().collect::<Vec<_>>(),
            at,
        )
        .into_iter()
        .map(Cow::into_owned)
        .collect();
        let date = at.date();
        Snapshot {
            format: self.format,
            schema_version: self.schema_version,
            settings: self.settings,
            people,
            initiatives,
            changes: self.changes.into_iter().filter(|c| c.at <= at).collect(),
            checkins: self
                .checkins
                .into_iter()
                .filter(|c| c.recorded_at <= at)
                .map(|mut c| {
                    c.replaced_at = c.replaced_at.filter(|r| *r <= at);
                    c
                })
                .collect(),
            blockers: self
                .blockers
                .into_iter()
                .filter(|b| b.created_at <= at)
                .map(|mut b| {
                    b.resolved_on = b.resolved_on.filter(|r| *r <= date);
                    b
                })
                .collect(),
            decisions: self
                .decisions
                .into_iter()
                .filter(|d| d.created_at <= at)
                .map(|mut d| {
                    if d.closed_on.is_some_and(|c| c > date) {
                        d.closed_on = None;
                        d.outcome = None;
                    }
                    d
                })
                .collect(),
            baselines: self
                .baselines
                .into_iter()
                .filter(|b| b.committed_at <= at)
                .collect(),
            reviews: self
                .reviews
                .into_iter()
                .filter(|r| r.created_at <= at)
                .collect(),
            releases: self.releases.iter().filter_map(|r| r.as_of(at)).collect(),
        }
    }
}

/// `initiatives` as known at `at`, from the change log `changes` (oldest first) and the people
/// known then: those created later are left out, the fields changed later are rebuilt (copying
/// only those initiatives) and the owner's id is the known person's of the owner's name.
fn initiatives_as_of<'a>(
    initiatives: impl Iterator<Item = Cow<'a, Initiative>>,
    changes: &[Change],
    people: &[&Person],
    at: NaiveDateTime,
) -> Vec<Cow<'a, Initiative>> {
    let mut later: IdMap<Vec<&Change>> = IdMap::default();
    for c in changes.iter().filter(|c| c.at > at) {
        later.entry(c.initiative_id).or_default().push(c);
    }
    // The first known person of each name, looked up once per initiative.
    let mut by_name: HashMap<&str, Id> = HashMap::with_capacity(people.len());
    for p in people {
        by_name.entry(p.name.as_str()).or_insert(p.id);
    }
    initiatives
        .filter(|i| i.created_at <= at)
        .filter_map(|i| {
            let mut past = match later.get(&i.id) {
                Some(own) => Cow::Owned(history::into_as_of(i.into_owned(), own, at)?),
                None => i,
            };
            if let Some(&id) = by_name.get(past.owner.as_str()) {
                if id != past.owner_id {
                    past.to_mut().owner_id = id;
                }
            }
            Some(past)
        })
        .collect()
}

/// Whether check-in `c` was in force at `at`: recorded by then and not replaced by then.
pub fn in_force_at(c: &CheckIn, at: NaiveDateTime) -> bool {
    c.recorded_at <= at && c.replaced_at.is_none_or(|r| r > at)
}

/// Each initiative's records in a snapshot, gathered in one pass over them, so that a review
/// looks an initiative's up by id instead of scanning every record for each initiative (which
/// costs initiatives × records).
#[derive(Debug)]
pub struct ByInitiative<'a> {
    initiatives: IdMap<&'a Initiative>,
    changes: IdMap<Vec<&'a Change>>,
    checkins: IdMap<Vec<&'a CheckIn>>,
}

impl<'a> ByInitiative<'a> {
    /// Indexes `snap`.
    pub fn new(snap: &'a Snapshot) -> Self {
        Self::with_checkins(
            snap,
            snap.checkins.iter().filter(|c| c.replaced_at.is_none()),
        )
    }

    /// Indexes the initiatives and changes of `snap` with the check-ins in force `checkins`
    /// (borrowed from another snapshot: e.g. [`Snapshot::checkins_in_force_at`] beside
    /// [`Snapshot::as_of_without_checkins`], which spares copying every check-in).
    pub fn with_checkins(
        snap: &'a Snapshot,
        in_force: impl IntoIterator<Item = &'a CheckIn>,
    ) -> Self {
        Self::of(&snap.initiatives, &snap.changes, in_force)
    }

    /// Indexes `initiatives`, the change log `changes` (oldest first) and the check-ins in
    /// force `in_force`, wherever they are held: e.g. [`Snapshot::initiatives_as_of`] and the
    /// changes made by the same moment, which spares copying the workspace to cut it.
    pub fn of(
        initiatives: impl IntoIterator<Item = &'a Initiative>,
        changes: impl IntoIterator<Item = &'a Change>,
        in_force: impl IntoIterator<Item = &'a CheckIn>,
    ) -> Self {
        let mut logs: IdMap<Vec<&Change>> = IdMap::default();
        for c in changes {
            logs.entry(c.initiative_id).or_default().push(c);
        }
        let mut checkins: IdMap<Vec<&CheckIn>> = IdMap::default();
        for c in in_force {
            checkins.entry(c.initiative_id).or_default().push(c);
        }
        ByInitiative {
            initiatives: initiatives.into_iter().map(|i| (i.id, i)).collect(),
            changes: logs,
            checkins,
        }
    }

    /// The initiative with `id`.
    pub fn initiative(&self, id: Id) -> Option<&'a Initiative> {
        self.initiatives.get(&id).copied()
    }

    /// The change log of initiative `id`, oldest first.
    pub fn changes(&self, id: Id) -> &[&'a Change] {
        self.changes.get(&id).map_or(&[], Vec::as_slice)
    }

    /// The check-ins in force of initiative `id`, in the order they were recorded.
    pub fn checkins(&self, id: Id) -> &[&'a CheckIn] {
        self.checkins.get(&id).map_or(&[], Vec::as_slice)
    }
}
