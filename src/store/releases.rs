//! Releases: creating them and recording everything that happens to them, one transaction
//! per command; reading them back with their records.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::rows::all;
use super::{people, Workspace};
use crate::calendar::{end_of_day, parse_date, Clock};
use crate::consistency::{NAME_MAX, TEXT_MAX};
use crate::error::{Error, Result};
use crate::model::Id;
use crate::release::{
    checked_answers, parse_answers, parse_time, Answer, EventKind, GoNoGo, Pain, PainBucket,
    Question, Rehearsal, Release, ReleaseEvent, ScopeEntry, Slip, HOURS_MAX, MINUTES_MAX,
};
use crate::rules;

/// What a new release is made of; dates and names arrive as text so their errors name the
/// field.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewRelease {
    pub name: String,
    pub fixes: String,
    pub target_date: String,
    pub backup_date: String,
    pub scope_owner: String,
    pub delivery_owner: String,
    pub readiness_owner: String,
    pub stop_owner: Option<String>,
    pub support_note: Option<String>,
    pub rollback_triggers: Option<String>,
    pub stable_version: Option<String>,
}

/// A go/no-go call as it is recorded.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewDecision {
    pub go: bool,
    pub by: String,
    /// One per answered question, each once.
    pub answers: Vec<Answer>,
    pub reason: Option<String>,
}

/// A rollback, an incident or a near-miss as it is recorded; times `YYYY-MM-DD HH:MM`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewEvent {
    pub kind: EventKind,
    pub at: String,
    pub restored_at: Option<String>,
    pub note: String,
    pub hotfix: bool,
}

/// The answers as stored: `question=yes|no` joined by commas.
pub(crate) fn answers_text(answers: &[Answer]) -> String {
    answers
        .iter()
        .map(|a| format!("{}={}", a.question, if a.yes { "yes" } else { "no" }))
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads stored answers back (see [`answers_text`]).
fn answers_from(text: &str) -> rusqlite::Result<Vec<Answer>> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = text.split(',').map(str::to_string).collect();
    parse_answers(&list).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, e.into())
    })
}

fn word<T: std::str::FromStr<Err = Error>>(
    row: &rusqlite::Row<'_>,
    col: &str,
) -> rusqlite::Result<T> {
    let idx = row.as_ref().column_index(col)?;
    let text: String = row.get(idx)?;
    text.parse().map_err(|e: Error| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, e.into())
    })
}

const RELEASE_SELECT: &str = "SELECT r.*, s.name AS scope_name, d.name AS delivery_name,
        n.name AS readiness_name, x.name AS stop_name
    FROM releases r
    JOIN people s ON s.id = r.scope_owner_id
    JOIN people d ON d.id = r.delivery_owner_id
    JOIN people n ON n.id = r.readiness_owner_id
    LEFT JOIN people x ON x.id = r.stop_owner_id";

/// Every release with its records, in id order (children in id order too).
pub(super) fn load(conn: &Connection) -> Result<Vec<Release>> {
    let mut list = all(conn, &format!("{RELEASE_SELECT} ORDER BY r.id"), [], |r| {
        Ok(Release {
            id: r.get("id")?,
            name: r.get("name")?,
            fixes: r.get("fixes")?,
            target_date: r.get("target_date")?,
            backup_date: r.get("backup_date")?,
            support_note: r.get("support_note")?,
            scope_owner_id: r.get("scope_owner_id")?,
            scope_owner: r.get("scope_name")?,
            delivery_owner_id: r.get("delivery_owner_id")?,
            delivery_owner: r.get("delivery_name")?,
            readiness_owner_id: r.get("readiness_owner_id")?,
            readiness_owner: r.get("readiness_name")?,
            stop_owner_id: r.get("stop_owner_id")?,
            stop_owner: r.get("stop_name")?,
            rollback_triggers: r.get("rollback_triggers")?,
            stable_version: r.get("stable_version")?,
            frozen_at: r.get("frozen_at")?,
            shipped_at: r.get("shipped_at")?,
            cancelled_at: r.get("cancelled_at")?,
            cancel_reason: r.get("cancel_reason")?,
            created_at: r.get("created_at")?,
            scope: Vec::new(),
            slips: Vec::new(),
            rehearsals: Vec::new(),
            decisions: Vec::new(),
            events: Vec::new(),
            pain: Vec::new(),
        })
    })?;
    let find = |list: &mut Vec<Release>, id: Id| list.iter_mut().position(|r| r.id == id);
    let scope = all(conn, "SELECT * FROM release_scope ORDER BY id", [], |r| {
        Ok((
            r.get::<_, Id>("release_id")?,
            ScopeEntry {
                id: r.get("id")?,
                initiative_id: r.get("initiative_id")?,
                added_at: r.get("added_at")?,
                late_reason: r.get("late_reason")?,
                risky: r.get("risky")?,
                cut_at: r.get("cut_at")?,
                cut_reason: r.get("cut_reason")?,
            },
        ))
    })?;
    for (rid, x) in scope {
        if let Some(i) = find(&mut list, rid) {
            list[i].scope.push(x);
        }
    }
    let slips = all(conn, "SELECT * FROM release_slips ORDER BY id", [], |r| {
        Ok((
            r.get::<_, Id>("release_id")?,
            Slip {
                id: r.get("id")?,
                at: r.get("at")?,
                old_target: r.get("old_target")?,
                old_backup: r.get("old_backup")?,
                new_target: r.get("new_target")?,
                new_backup: r.get("new_backup")?,
                reason: r.get("reason")?,
                cause: word(r, "cause")?,
            },
        ))
    })?;
    for (rid, x) in slips {
        if let Some(i) = find(&mut list, rid) {
            list[i].slips.push(x);
        }
    }
    let rehearsals = all(
        conn,
        "SELECT x.*, p.name AS by_name FROM release_rehearsals x
         LEFT JOIN people p ON p.id = x.by_id ORDER BY x.id",
        [],
        |r| {
            Ok((
                r.get::<_, Id>("release_id")?,
                Rehearsal {
                    id: r.get("id")?,
                    on: r.get("on_date")?,
                    minutes: r.get("minutes")?,
                    by_id: r.get("by_id")?,
                    by: r.get("by_name")?,
                    note: r.get("note")?,
                    recorded_at: r.get("recorded_at")?,
                },
            ))
        },
    )?;
    for (rid, x) in rehearsals {
        if let Some(i) = find(&mut list, rid) {
            list[i].rehearsals.push(x);
        }
    }
    let decisions = all(
        conn,
        "SELECT x.*, p.name AS by_name FROM release_decisions x
         JOIN people p ON p.id = x.by_id ORDER BY x.id",
        [],
        |r| {
            Ok((
                r.get::<_, Id>("release_id")?,
                GoNoGo {
                    id: r.get("id")?,
                    at: r.get("at")?,
                    go: r.get("go")?,
                    by_id: r.get("by_id")?,
                    by: r.get("by_name")?,
                    answers: answers_from(&r.get::<_, String>("answers")?)?,
                    reason: r.get("reason")?,
                },
            ))
        },
    )?;
    for (rid, x) in decisions {
        if let Some(i) = find(&mut list, rid) {
            list[i].decisions.push(x);
        }
    }
    let events = all(conn, "SELECT * FROM release_events ORDER BY id", [], |r| {
        Ok((
            r.get::<_, Id>("release_id")?,
            ReleaseEvent {
                id: r.get("id")?,
                kind: word(r, "kind")?,
                at: r.get("at")?,
                restored_at: r.get("restored_at")?,
                note: r.get("note")?,
                hotfix: r.get("hotfix")?,
            },
        ))
    })?;
    for (rid, x) in events {
        if let Some(i) = find(&mut list, rid) {
            list[i].events.push(x);
        }
    }
    let pain = all(conn, "SELECT * FROM release_pain ORDER BY id", [], |r| {
        Ok((
            r.get::<_, Id>("release_id")?,
            Pain {
                id: r.get("id")?,
                cause: word(r, "cause")?,
                hours: r.get("hours")?,
                note: r.get("note")?,
                recorded_at: r.get("recorded_at")?,
            },
        ))
    })?;
    for (rid, x) in pain {
        if let Some(i) = find(&mut list, rid) {
            list[i].pain.push(x);
        }
    }
    Ok(list)
}

/// Release `id` with its records.
fn get(conn: &Connection, id: Id) -> Result<Release> {
    load(conn)?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or(Error::NotFound {
            what: "release",
            id,
        })
}

/// Release `id`, refused unless it is still to ship (neither shipped nor cancelled).
fn open_release(tx: &Transaction<'_>, id: Id, doing: &str) -> Result<Release> {
    let r = get(tx, id)?;
    if let Some(at) = r.shipped_at {
        return Err(Error::invalid(
            "release",
            format!(
                "release {} shipped on {}; {doing} is for a release still to ship",
                r.name,
                at.date()
            ),
        ));
    }
    if let Some(at) = r.cancelled_at {
        return Err(Error::invalid(
            "release",
            format!(
                "release {} was cancelled on {}; {doing} is for a release still to ship",
                r.name,
                at.date()
            ),
        ));
    }
    Ok(r)
}

/// A time written by a person, not later than the end of today.
fn past_time(field: &str, text: &str, clock: Clock) -> Result<NaiveDateTime> {
    let at = parse_time(field, text)?;
    if at > end_of_day(clock.today()) {
        return Err(Error::invalid(
            field,
            format!(
                "{at} is after today ({}); record what has happened",
                clock.today()
            ),
        ));
    }
    Ok(at)
}

/// The target and backup dates, the backup on or after the target.
fn dates(target: &str, backup: &str) -> Result<(NaiveDate, NaiveDate)> {
    let target = parse_date("target", target)?;
    let backup = parse_date("backup", backup)?;
    if backup < target {
        return Err(Error::invalid(
            "backup",
            format!("the backup date ({backup}) must be on or after the target date ({target})"),
        ));
    }
    Ok((target, backup))
}

impl Workspace {
    /// One release with its records.
    pub(crate) fn release(&self, id: Id) -> Result<Release> {
        get(&self.conn, id)
    }

    /// Creates a release; owners not yet known become people (after the owner rule).
    pub fn add_release(&mut self, new: &NewRelease) -> Result<Release> {
        self.write(|tx, clock| {
            let name = rules::required_line("name", &new.name, NAME_MAX)?;
            let taken: Option<Id> = tx
                .query_row("SELECT id FROM releases WHERE name = ?1", [&name], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(other) = taken {
                return Err(Error::invalid(
                    "name",
                    format!(
                        "release {other} is already called '{name}'; a release's name is unique"
                    ),
                ));
            }
            let fixes = rules::required_line("fixes", &new.fixes, TEXT_MAX)?;
            let (target, backup) = dates(&new.target_date, &new.backup_date)?;
            let scope = people::find_or_insert(tx, clock, "scope_owner", &new.scope_owner)?;
            let delivery =
                people::find_or_insert(tx, clock, "delivery_owner", &new.delivery_owner)?;
            let readiness =
                people::find_or_insert(tx, clock, "readiness_owner", &new.readiness_owner)?;
            let stop = match new
                .stop_owner
                .as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                Some(name) => Some(people::find_or_insert(tx, clock, "stop_owner", name)?),
                None => None,
            };
            let support =
                rules::optional_text("support_note", new.support_note.as_deref(), TEXT_MAX)?;
            let triggers = rules::optional_text(
                "rollback_triggers",
                new.rollback_triggers.as_deref(),
                TEXT_MAX,
            )?;
            let stable =
                rules::optional_line("stable_version", new.stable_version.as_deref(), NAME_MAX)?;
            tx.execute(
                "INSERT INTO releases(name, fixes, target_date, backup_date, support_note,
                    scope_owner_id, delivery_owner_id, readiness_owner_id, stop_owner_id,
                    rollback_triggers, stable_version, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                params![
                    name,
                    fixes,
                    target,
                    backup,
                    support,
                    scope.id,
                    delivery.id,
                    readiness.id,
                    stop.map(|p| p.id),
                    triggers,
                    stable,
                    clock.now()
                ],
            )?;
            get(tx, tx.last_insert_rowid())
        })
    }

    /// Puts initiative `initiative_id` in the scope of release `id`. After the freeze it is a
    /// late addition and needs a reason; `risky` flags a risky change type.
    pub fn include_in_release(
        &mut self,
        id: Id,
        initiative_id: Id,
        reason: Option<&str>,
        risky: bool,
    ) -> Result<Release> {
        self.write(|tx, clock| {
            let r = open_release(tx, id, "changing its scope")?;
            let initiative = super::initiatives::get(tx, initiative_id)?;
            if r.in_scope().any(|s| s.initiative_id == initiative_id) {
                return Err(Error::invalid(
                    "initiative",
                    format!(
                        "'{}' is already in the scope of release {}",
                        initiative.title, r.name
                    ),
                ));
            }
            let reason = rules::optional_line("reason", reason, TEXT_MAX)?;
            let late_reason = match (r.frozen_at, reason) {
                (Some(frozen), None) => {
                    return Err(Error::invalid(
                        "reason",
                        format!(
                        "the scope of release {} was frozen on {}; a late addition needs a reason",
                        r.name,
                        frozen.date()
                    ),
                    ))
                }
                (Some(_), Some(reason)) => Some(reason),
                (None, _) => None,
            };
            tx.execute(
                "INSERT INTO release_scope(release_id, initiative_id, added_at, late_reason, risky)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, initiative_id, clock.now(), late_reason, risky],
            )?;
            get(tx, id)
        })
    }

    /// Cuts initiative `initiative_id` from the scope of release `id`, with the reason.
    pub fn cut_from_release(&mut self, id: Id, initiative_id: Id, reason: &str) -> Result<Release> {
        self.write(|tx, clock| {
            let r = open_release(tx, id, "changing its scope")?;
            let reason = rules::required_line("reason", reason, TEXT_MAX)?;
            let Some(entry) = r.in_scope().find(|s| s.initiative_id == initiative_id) else {
                return Err(Error::invalid(
                    "initiative",
                    format!(
                        "initiative {initiative_id} is not in the scope of release {}",
                        r.name
                    ),
                ));
            };
            tx.execute(
                "UPDATE release_scope SET cut_at = ?2, cut_reason = ?3 WHERE id = ?1",
                params![entry.id, clock.now(), reason],
            )?;
            get(tx, id)
        })
    }

    /// Freezes the scope of release `id` (testing starts): later additions are late.
    pub fn freeze_release(&mut self, id: Id) -> Result<Release> {
        self.write(|tx, clock| {
            let r = open_release(tx, id, "freezing its scope")?;
            if let Some(at) = r.frozen_at {
                return Err(Error::invalid(
                    "release",
                    format!(
                        "the scope of release {} has been frozen since {}",
                        r.name,
                        at.date()
                    ),
                ));
            }
            tx.execute(
                "UPDATE releases SET frozen_at = ?2 WHERE id = ?1",
                params![id, clock.now()],
            )?;
            get(tx, id)
        })
    }

    /// Logs a rollback rehearsal of release `id`: minutes from "roll back" to users on the
    /// stable version, on a day (today when absent), by whom.
    pub fn rehearse_release(
        &mut self,
        id: Id,
        minutes: i64,
        on: Option<&str>,
        by: Option<&str>,
        note: Option<&str>,
    ) -> Result<Release> {
        self.write(|tx, clock| {
            get(tx, id)?;
            if !(1..=MINUTES_MAX).contains(&minutes) {
                return Err(Error::invalid(
                    "minutes",
                    format!("{minutes} is not a number of minutes from 1 to {MINUTES_MAX}"),
                ));
            }
            let on = match on {
                Some(text) => parse_date("on", text)?,
                None => clock.today(),
            };
            if on > clock.today() {
                return Err(Error::invalid(
                    "on",
                    format!("{on} is after today ({}); log a rehearsal once it has run", clock.today()),
                ));
            }
            let by = match by.map(str::trim).filter(|s| !s.is_empty()) {
                Some(name) => Some(people::find_or_insert(tx, clock, "by", name)?.id),
                None => None,
            };
            let note = rules::optional_text("note", note, TEXT_MAX)?;
            tx.execute(
                "INSERT INTO release_rehearsals(release_id, on_date, minutes, by_id, note, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, on, minutes, by, note, clock.now()],
            )?;
            get(tx, id)
        })
    }

    /// Records the go/no-go call of release `id`. A go with a question answered no or not
    /// answered needs a reason (it stays visible as an override).
    pub fn decide_release(&mut self, id: Id, call: &NewDecision) -> Result<Release> {
        self.write(|tx, clock| {
            let r = open_release(tx, id, "a go/no-go")?;
            let answers = checked_answers(call.answers.clone())?;
            let by = people::find_or_insert(tx, clock, "by", &call.by)?;
            let reason = rules::optional_text("reason", call.reason.as_deref(), TEXT_MAX)?;
            let open: Vec<String> = Question::ALL
                .iter()
                .filter_map(|q| match answers.iter().find(|a| a.question == *q) {
                    Some(a) if a.yes => None,
                    Some(_) => Some(format!("{q} is no")),
                    None => Some(format!("{q} is not answered")),
                })
                .collect();
            if call.go && !open.is_empty() && reason.is_none() {
                return Err(Error::invalid(
                    "reason",
                    format!(
                        "a go for release {} while {} needs a reason (it is kept as an override)",
                        r.name,
                        open.join(", ")
                    ),
                ));
            }
            tx.execute(
                "INSERT INTO release_decisions(release_id, at, go, by_id, answers, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    id,
                    clock.now(),
                    call.go,
                    by.id,
                    answers_text(&answers),
                    reason
                ],
            )?;
            get(tx, id)
        })
    }

    /// Moves the dates of release `id`, with the reason and its cause bucket. The first
    /// dates stay on record: a slip never turns a miss green.
    pub fn slip_release(
        &mut self,
        id: Id,
        target: &str,
        backup: &str,
        reason: &str,
        cause: PainBucket,
    ) -> Result<Release> {
        self.write(|tx, clock| {
            let r = open_release(tx, id, "moving its dates")?;
            let (target, backup) = dates(target, backup)?;
            let reason = rules::required_line("reason", reason, TEXT_MAX)?;
            if (target, backup) == (r.target_date, r.backup_date) {
                return Err(Error::invalid(
                    "target",
                    format!(
                        "release {} is already due {target} (backup {backup})",
                        r.name
                    ),
                ));
            }
            tx.execute(
                "INSERT INTO release_slips(release_id, at, old_target, old_backup, new_target,
                    new_backup, reason, cause)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    id,
                    clock.now(),
                    r.target_date,
                    r.backup_date,
                    target,
                    backup,
                    reason,
                    cause.as_str()
                ],
            )?;
            tx.execute(
                "UPDATE releases SET target_date = ?2, backup_date = ?3 WHERE id = ?1",
                params![id, target, backup],
            )?;
            get(tx, id)
        })
    }

    /// Records that release `id` shipped, at `at` (now when absent).
    pub fn ship_release(&mut self, id: Id, at: Option<&str>) -> Result<Release> {
        self.write(|tx, clock| {
            let r = open_release(tx, id, "shipping")?;
            let at = match at {
                Some(text) => past_time("at", text, clock)?,
                None => clock.now(),
            };
            if at < r.created_at {
                return Err(Error::invalid(
                    "at",
                    format!(
                        "{at} is before release {} was created ({})",
                        r.name, r.created_at
                    ),
                ));
            }
            tx.execute(
                "UPDATE releases SET shipped_at = ?2 WHERE id = ?1",
                params![id, at],
            )?;
            get(tx, id)
        })
    }

    /// Records a rollback, an incident after release or a near-miss on release `id`.
    /// Rollbacks and incidents concern a shipped release, start after it shipped and carry
    /// the time users were restored.
    pub fn record_release_event(&mut self, id: Id, e: &NewEvent) -> Result<Release> {
        self.write(|tx, clock| {
            let r = get(tx, id)?;
            let at = past_time("at", &e.at, clock)?;
            let note_field = if e.kind == EventKind::Rollback {
                "reason"
            } else {
                "note"
            };
            let note = rules::required_text(note_field, &e.note, TEXT_MAX)?;
            let restored = match e.restored_at.as_deref() {
                Some(text) => Some(past_time("restored", text, clock)?),
                None => None,
            };
            if e.kind != EventKind::NearMiss {
                let Some(shipped) = r.shipped_at else {
                    return Err(Error::invalid(
                        "release",
                        format!(
                            "release {} has not shipped; a {} follows a release",
                            r.name, e.kind
                        ),
                    ));
                };
                if at < shipped {
                    return Err(Error::invalid(
                        "at",
                        format!("{at} is before release {} shipped ({shipped})", r.name),
                    ));
                }
                let Some(restored) = restored else {
                    return Err(Error::invalid(
                        "restored",
                        format!("a {} records when users were restored", e.kind),
                    ));
                };
                if restored < at {
                    return Err(Error::invalid(
                        "restored",
                        format!("{restored} is before the {} started ({at})", e.kind),
                    ));
                }
            } else if restored.is_some() {
                return Err(Error::invalid(
                    "restored",
                    "a near-miss has nothing to restore",
                ));
            } else if at < r.created_at {
                return Err(Error::invalid(
                    "at",
                    format!(
                        "{at} is before release {} was created ({})",
                        r.name, r.created_at
                    ),
                ));
            }
            if e.hotfix && e.kind != EventKind::Incident {
                return Err(Error::invalid(
                    "hotfix",
                    "only an incident is fixed by a hotfix",
                ));
            }
            tx.execute(
                "INSERT INTO release_events(release_id, kind, at, restored_at, note, hotfix)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, e.kind.as_str(), at, restored, note, e.hotfix],
            )?;
            get(tx, id)
        })
    }

    /// Records hours release `id` lost to one cause.
    pub fn add_release_pain(
        &mut self,
        id: Id,
        cause: PainBucket,
        hours: i64,
        note: &str,
    ) -> Result<Release> {
        self.write(|tx, clock| {
            get(tx, id)?;
            if !(1..=HOURS_MAX).contains(&hours) {
                return Err(Error::invalid(
                    "hours",
                    format!("{hours} is not a number of hours from 1 to {HOURS_MAX}"),
                ));
            }
            let note = rules::required_text("note", note, TEXT_MAX)?;
            tx.execute(
                "INSERT INTO release_pain(release_id, cause, hours, note, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, cause.as_str(), hours, note, clock.now()],
            )?;
            get(tx, id)
        })
    }

    /// Cancels release `id`, with the reason (a cancelled release counts as missed).
    pub fn cancel_release(&mut self, id: Id, reason: &str) -> Result<Release> {
        self.write(|tx, clock| {
            open_release(tx, id, "cancelling")?;
            let reason = rules::required_line("reason", reason, TEXT_MAX)?;
            tx.execute(
                "UPDATE releases SET cancelled_at = ?2, cancel_reason = ?3 WHERE id = ?1",
                params![id, clock.now(), reason],
            )?;
            get(tx, id)
        })
    }
}

/// Writes every release of an import with its records, ids kept.
pub(super) fn insert_all(tx: &Transaction<'_>, releases: &[Release]) -> Result<()> {
    for r in releases {
        tx.execute(
            "INSERT INTO releases(id, name, fixes, target_date, backup_date, support_note,
                scope_owner_id, delivery_owner_id, readiness_owner_id, stop_owner_id,
                rollback_triggers, stable_version, frozen_at, shipped_at, cancelled_at,
                cancel_reason, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            params![
                r.id,
                r.name,
                r.fixes,
                r.target_date,
                r.backup_date,
                r.support_note,
                r.scope_owner_id,
                r.delivery_owner_id,
                r.readiness_owner_id,
                r.stop_owner_id,
                r.rollback_triggers,
                r.stable_version,
                r.frozen_at,
                r.shipped_at,
                r.cancelled_at,
                r.cancel_reason,
                r.created_at
            ],
        )?;
        for s in &r.scope {
            tx.execute(
                "INSERT INTO release_scope(id, release_id, initiative_id, added_at, late_reason,
                    risky, cut_at, cut_reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    s.id,
                    r.id,
                    s.initiative_id,
                    s.added_at,
                    s.late_reason,
                    s.risky,
                    s.cut_at,
                    s.cut_reason
                ],
            )?;
        }
        for s in &r.slips {
            tx.execute(
                "INSERT INTO release_slips(id, release_id, at, old_target, old_backup, new_target,
                    new_backup, reason, cause) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    s.id,
                    r.id,
                    s.at,
                    s.old_target,
                    s.old_backup,
                    s.new_target,
                    s.new_backup,
                    s.reason,
                    s.cause.as_str()
                ],
            )?;
        }
        for x in &r.rehearsals {
            tx.execute(
                "INSERT INTO release_rehearsals(id, release_id, on_date, minutes, by_id, note,
                    recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![x.id, r.id, x.on, x.minutes, x.by_id, x.note, x.recorded_at],
            )?;
        }
        for d in &r.decisions {
            tx.execute(
                "INSERT INTO release_decisions(id, release_id, at, go, by_id, answers, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    d.id,
                    r.id,
                    d.at,
                    d.go,
                    d.by_id,
                    answers_text(&d.answers),
                    d.reason
                ],
            )?;
        }
        for e in &r.events {
            tx.execute(
                "INSERT INTO release_events(id, release_id, kind, at, restored_at, note, hotfix)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    e.id,
                    r.id,
                    e.kind.as_str(),
                    e.at,
                    e.restored_at,
                    e.note,
                    e.hotfix
                ],
            )?;
        }
        for p in &r.pain {
            tx.execute(
                "INSERT INTO release_pain(id, release_id, cause, hours, note, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![p.id, r.id, p.cause.as_str(), p.hours, p.note, p.recorded_at],
            )?;
        }
    }
    Ok(())
}

/// The tables releases live in, children first (the order they are emptied in).
pub(super) const TABLES: &[&str] = &[
    "release_pain",
    "release_events",
    "release_decisions",
    "release_rehearsals",
    "release_slips",
    "release_scope",
    "releases",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_stored_in_question_order() {
        let given = vec!["owners=no".to_string(), "one-problem=yes".to_string()];
        let answers = parse_answers(&given).unwrap();
        assert_eq!(answers_text(&answers), "one-problem=yes,owners=no");
        assert_eq!(answers_from("one-problem=yes,owners=no").unwrap(), answers);
    }
}
