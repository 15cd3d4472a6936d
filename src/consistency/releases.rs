//! The rules releases follow, checked on their records: the ones the `release` commands apply
//! to what they write, and every constraint their tables hold.

use std::collections::{HashMap, HashSet};

use super::{by_id, line, multi, required, Checker, NAME_MAX, TEXT_MAX};
use crate::error::abridged;
use crate::model::Id;
use crate::release::{EventKind, Question, Release};
use crate::release::{HOURS_MAX, MINUTES_MAX};
use crate::snapshot::Snapshot;

impl Checker {
    pub(super) fn releases(&mut self, s: &Snapshot) {
        self.ids("release", s.releases.iter().map(|r| r.id));
        let people = by_id(&s.people, |p| p.id);
        let initiatives: HashSet<Id> = s.initiatives.iter().map(|i| i.id).collect();
        let mut names = HashMap::new();
        let mut child_ids: HashMap<&str, HashSet<Id>> = HashMap::new();
        for r in &s.releases {
            let record = format!("release {}", r.id);
            self.days(
                &record,
                &[
                    ("target_date", Some(r.target_date)),
                    ("backup_date", Some(r.backup_date)),
                ],
            );
            self.times(
                &record,
                &[
                    ("created_at", Some(r.created_at)),
                    ("frozen_at", r.frozen_at),
                    ("shipped_at", r.shipped_at),
                    ("cancelled_at", r.cancelled_at),
                ],
            );
            self.rule(&record, required("name", &r.name, NAME_MAX, true));
            if let Some(other) = names.insert(r.name.to_ascii_lowercase(), r.id) {
                self.push(
                    &record,
                    format!("name: '{}' is already release {other}", abridged(&r.name)),
                );
            }
            self.rule(&record, required("fixes", &r.fixes, TEXT_MAX, true));
            self.rule(
                &record,
                multi("support_note", r.support_note.as_deref(), TEXT_MAX),
            );
            self.rule(
                &record,
                multi(
                    "rollback_triggers",
                    r.rollback_triggers.as_deref(),
                    TEXT_MAX,
                ),
            );
            self.rule(
                &record,
                line("stable_version", r.stable_version.as_deref(), NAME_MAX),
            );
            self.rule(
                &record,
                line("cancel_reason", r.cancel_reason.as_deref(), TEXT_MAX),
            );
            if r.backup_date < r.target_date {
                self.push(
                    &record,
                    format!(
                        "backup_date: the backup date ({}) must be on or after the target date ({})",
                        r.backup_date, r.target_date
                    ),
                );
            }
            self.owner(
                &record,
                "scope_owner",
                r.scope_owner_id,
                &r.scope_owner,
                &people,
            );
            self.owner(
                &record,
                "delivery_owner",
                r.delivery_owner_id,
                &r.delivery_owner,
                &people,
            );
            self.owner(
                &record,
                "readiness_owner",
                r.readiness_owner_id,
                &r.readiness_owner,
                &people,
            );
            match (r.stop_owner_id, &r.stop_owner) {
                (Some(id), Some(name)) => self.owner(&record, "stop_owner", id, name, &people),
                (None, None) => {}
                _ => self.push(&record, "stop_owner: its id and its name go together"),
            }
            for (field, at) in [
                ("frozen_at", r.frozen_at),
                ("shipped_at", r.shipped_at),
                ("cancelled_at", r.cancelled_at),
            ] {
                if at.is_some_and(|t| t < r.created_at) {
                    self.push(&record, format!("{field}: is before created_at"));
                }
            }
            if r.shipped_at.is_some() && r.cancelled_at.is_some() {
                self.push(&record, "a release is shipped or cancelled, not both");
            }
            if r.cancelled_at.is_some() != r.cancel_reason.is_some() {
                self.push(
                    &record,
                    "a cancelled release has both cancelled_at and its reason",
                );
            }
            for (table, ids) in [
                (
                    "scope entry",
                    r.scope.iter().map(|x| x.id).collect::<Vec<_>>(),
                ),
                ("slip", r.slips.iter().map(|x| x.id).collect()),
                ("rehearsal", r.rehearsals.iter().map(|x| x.id).collect()),
                ("go/no-go", r.decisions.iter().map(|x| x.id).collect()),
                ("event", r.events.iter().map(|x| x.id).collect()),
                ("pain entry", r.pain.iter().map(|x| x.id).collect()),
            ] {
                let seen = child_ids.entry(table).or_default();
                let mut last = 0;
                for id in ids {
                    if id < 1 {
                        self.push(
                            &record,
                            format!("{table} {id}: ids are whole numbers from 1"),
                        );
                    } else if !seen.insert(id) || id <= last {
                        self.push(
                            &record,
                            format!("{table} {id}: listed twice or out of order; ids are unique and increasing"),
                        );
                    }
                    last = last.max(id);
                }
            }
            self.release_scope(&record, r, &initiatives);
            self.release_slips(&record, r);
            self.release_records(&record, r, &people);
        }
    }

    fn release_scope(&mut self, record: &str, r: &Release, initiatives: &HashSet<Id>) {
        let mut in_scope = HashSet::new();
        for x in &r.scope {
            let entry = format!("{record}, scope entry {}", x.id);
            self.times(
                &entry,
                &[("added_at", Some(x.added_at)), ("cut_at", x.cut_at)],
            );
            if !initiatives.contains(&x.initiative_id) {
                self.push(
                    &entry,
                    format!(
                        "initiative {} is not an initiative in the file",
                        x.initiative_id
                    ),
                );
            }
            if x.added_at < r.created_at {
                self.push(&entry, "added_at: is before the release was created");
            }
            let late = r.frozen_at.is_some_and(|f| x.added_at > f);
            match (&x.late_reason, late) {
                (Some(reason), true) => {
                    self.rule(&entry, required("late_reason", reason, TEXT_MAX, true))
                }
                (None, false) => {}
                (None, true) => self.push(
                    &entry,
                    "late_reason: an addition after the freeze needs its reason",
                ),
                (Some(_), false) => self.push(
                    &entry,
                    "late_reason: only an addition after the freeze is late",
                ),
            }
            match (x.cut_at, &x.cut_reason) {
                (Some(cut), Some(reason)) => {
                    self.rule(&entry, required("cut_reason", reason, TEXT_MAX, true));
                    if cut < x.added_at {
                        self.push(&entry, "cut_at: is before added_at");
                    }
                }
                (None, None) => {
                    if !in_scope.insert(x.initiative_id) {
                        self.push(
                            &entry,
                            format!("initiative {} is in the scope twice", x.initiative_id),
                        );
                    }
                }
                _ => self.push(&entry, "a cut has both cut_at and its reason"),
            }
        }
    }

    fn release_slips(&mut self, record: &str, r: &Release) {
        let mut dates: Option<(chrono::NaiveDate, chrono::NaiveDate)> = None;
        let mut last = r.created_at;
        for x in &r.slips {
            let entry = format!("{record}, slip {}", x.id);
            self.times(&entry, &[("at", Some(x.at))]);
            self.days(
                &entry,
                &[
                    ("old_target", Some(x.old_target)),
                    ("old_backup", Some(x.old_backup)),
                    ("new_target", Some(x.new_target)),
                    ("new_backup", Some(x.new_backup)),
                ],
            );
            self.rule(&entry, required("reason", &x.reason, TEXT_MAX, true));
            if x.old_backup < x.old_target || x.new_backup < x.new_target {
                self.push(&entry, "a backup date is on or after its target date");
            }
            if dates.is_some_and(|d| d != (x.old_target, x.old_backup)) {
                self.push(
                    &entry,
                    "starts from dates that are not where the slip before it left them",
                );
            }
            if (x.old_target, x.old_backup) == (x.new_target, x.new_backup) {
                self.push(&entry, "moves nothing");
            }
            if x.at < last {
                self.push(
                    &entry,
                    "at: is before the slip before it or the release's creation",
                );
            }
            last = last.max(x.at);
            dates = Some((x.new_target, x.new_backup));
        }
        if dates.is_some_and(|d| d != (r.target_date, r.backup_date)) {
            self.push(record, "its dates are not where its last slip left them");
        }
    }

    fn release_records(
        &mut self,
        record: &str,
        r: &Release,
        people: &HashMap<Id, &crate::model::Person>,
    ) {
        for x in &r.rehearsals {
            let entry = format!("{record}, rehearsal {}", x.id);
            self.days(&entry, &[("on", Some(x.on))]);
            self.times(&entry, &[("recorded_at", Some(x.recorded_at))]);
            if !(1..=MINUTES_MAX).contains(&x.minutes) {
                self.push(
                    &entry,
                    format!("minutes: {} is not from 1 to {MINUTES_MAX}", x.minutes),
                );
            }
            match (x.by_id, &x.by) {
                (Some(id), Some(name)) => self.owner(&entry, "by", id, name, people),
                (None, None) => {}
                _ => self.push(&entry, "by: its id and its name go together"),
            }
            self.rule(&entry, multi("note", x.note.as_deref(), TEXT_MAX));
            if x.on > x.recorded_at.date() {
                self.push(&entry, "on: a rehearsal is logged once it has run");
            }
        }
        for d in &r.decisions {
            let entry = format!("{record}, go/no-go {}", d.id);
            self.times(&entry, &[("at", Some(d.at))]);
            self.owner(&entry, "by", d.by_id, &d.by, people);
            self.rule(&entry, multi("reason", d.reason.as_deref(), TEXT_MAX));
            let order: Vec<Question> = d.answers.iter().map(|a| a.question).collect();
            if order.windows(2).any(|w| w[0] >= w[1]) {
                self.push(&entry, "answers: each question once, in question order");
            }
            if d.is_override() && d.reason.is_none() {
                self.push(
                    &entry,
                    "reason: a go with a question not answered yes needs its reason",
                );
            }
        }
        for e in &r.events {
            let entry = format!("{record}, event {}", e.id);
            self.times(
                &entry,
                &[("at", Some(e.at)), ("restored_at", e.restored_at)],
            );
            self.rule(&entry, required("note", &e.note, TEXT_MAX, false));
            if e.hotfix && e.kind != EventKind::Incident {
                self.push(&entry, "hotfix: only an incident is fixed by a hotfix");
            }
            match e.kind {
                EventKind::NearMiss => {
                    if e.restored_at.is_some() {
                        self.push(&entry, "restored_at: a near-miss has nothing to restore");
                    }
                }
                kind => {
                    if r.shipped_at.is_none_or(|s| s > e.at) {
                        self.push(
                            &entry,
                            format!("at: a {kind} starts after the release shipped"),
                        );
                    }
                    if e.restored_at.is_none_or(|t| t < e.at) {
                        self.push(
                            &entry,
                            format!("restored_at: a {kind} is restored after it starts"),
                        );
                    }
                }
            }
        }
        for p in &r.pain {
            let entry = format!("{record}, pain entry {}", p.id);
            self.times(&entry, &[("recorded_at", Some(p.recorded_at))]);
            if !(1..=HOURS_MAX).contains(&p.hours) {
                self.push(
                    &entry,
                    format!("hours: {} is not from 1 to {HOURS_MAX}", p.hours),
                );
            }
            self.rule(&entry, required("note", &p.note, TEXT_MAX, false));
        }
    }
}
