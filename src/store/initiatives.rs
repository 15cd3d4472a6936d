//! Initiatives: creating, listing, editing — every change appended to the change log.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::rows::{self, INITIATIVE_SELECT};
use super::{people, require, Workspace};
use crate::calendar::{parse_date, Clock};
use crate::error::{Error, Result};
use crate::history;
use crate::model::{Change, Id, Initiative, InitiativePatch, NewInitiative, Status, Track};
use crate::rules;

/// Which initiatives `list` returns.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InitiativeFilter {
    pub status: Option<Status>,
    pub owner: Option<String>,
    pub track: Option<Track>,
}

const TITLE_MAX: usize = 200;
const TEXT_MAX: usize = 2000;

pub(super) fn get(tx: &rusqlite::Connection, id: Id) -> Result<Initiative> {
    tx.query_row(
        &format!("{INITIATIVE_SELECT} WHERE i.id = ?1"),
        [id],
        rows::initiative,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "initiative",
        id,
    })
}

/// The priority a new initiative gets when none is given: after every other one, within
/// [`rules::PRIORITY_RANGE`] (a stored value out of range does not stop new work).
fn next_priority(tx: &rusqlite::Connection) -> Result<i64> {
    let last: i64 = tx.query_row(
        "SELECT coalesce(max(priority), 0) FROM initiatives",
        [],
        |r| r.get(0),
    )?;
    Ok(last
        .saturating_add(1)
        .clamp(*rules::PRIORITY_RANGE.start(), *rules::PRIORITY_RANGE.end()))
}

/// Parses an optional date field; an empty text clears it.
fn date_field(field: &str, text: Option<&str>) -> Result<Option<chrono::NaiveDate>> {
    match text.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => parse_date(field, t).map(Some),
    }
}

/// Writes every field of `i` over its row.
pub(super) fn update_row(tx: &Transaction<'_>, i: &Initiative) -> Result<()> {
    tx.execute(
        "UPDATE initiatives SET title = ?2, owner_id = ?3, track = ?4, status = ?5, priority = ?6,
            outcome = ?7, measure = ?8, result = ?9, start_date = ?10, target_date = ?11,
            backup_date = ?12, risk = ?13, risk_level = ?14, mitigation = ?15, updated_at = ?16,
            addresses = ?17
         WHERE id = ?1",
        params![
            i.id,
            i.title,
            i.owner_id,
            i.track.as_str(),
            i.status.as_str(),
            i.priority,
            i.outcome,
            i.measure,
            i.result,
            i.start_date,
            i.target_date,
            i.backup_date,
            i.risk,
            i.risk_level.map(|l| l.as_str()),
            i.mitigation,
            i.updated_at,
            i.addresses.map(|b| b.as_str()),
        ],
    )?;
    Ok(())
}

/// Appends one change-log entry per field that differs between `before` and `after`.
pub(super) fn log_changes(
    tx: &Transaction<'_>,
    before: Option<&Initiative>,
    after: &Initiative,
    reason: Option<&str>,
) -> Result<usize> {
    let old = before.map(history::field_values).unwrap_or_default();
    let new = history::field_values(after);
    let mut stmt = tx.prepare_cached(
        "INSERT INTO changes(initiative_id, at, field, old_value, new_value, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    if before.is_none() {
        stmt.execute(params![
            after.id,
            after.updated_at,
            "created",
            None::<String>,
            after.title,
            reason
        ])?;
    }
    let mut count = 0;
    for (field, value) in &new {
        let was = old
            .iter()
            .find(|(f, _)| f == field)
            .and_then(|(_, v)| v.clone());
        let creating = before.is_none();
        if &was != value && !(creating && (value.is_none() || *field == "title")) {
            stmt.execute(params![
                after.id,
                after.updated_at,
                field,
                was,
                value,
                reason
            ])?;
            count += 1;
        }
    }
    Ok(count)
}

impl Workspace {
    /// Creates an initiative; an owner not yet known becomes a person (after the owner rule).
    pub fn add_initiative(&mut self, new: &NewInitiative) -> Result<Initiative> {
        self.write(|tx, clock| insert(tx, clock, new))
    }

    /// Creates many initiatives in one transaction, each as [`Workspace::add_initiative`]
    /// would: the outcome of each, in order. Everything is written only when `keep` and every
    /// one succeeded; otherwise nothing is (a dry run, or a refused row).
    pub(crate) fn add_initiatives(
        &mut self,
        news: &[NewInitiative],
        keep: bool,
    ) -> Result<Vec<Result<Initiative>>> {
        self.write_if(|tx, clock| {
            let mut outcomes = Vec::with_capacity(news.len());
            for new in news {
                tx.execute_batch("SAVEPOINT row")?;
                let outcome = insert(tx, clock, new);
                match &outcome {
                    Ok(_) => tx.execute_batch("RELEASE row")?,
                    Err(Error::Invalid { .. } | Error::NotFound { .. } | Error::Conflict(_)) => {
                        tx.execute_batch("ROLLBACK TO row; RELEASE row")?
                    }
                    Err(_) => return outcome.map(|_| (Vec::new(), false)),
                }
                outcomes.push(outcome);
            }
            let all = keep && outcomes.iter().all(Result::is_ok);
            Ok((outcomes, all))
        })
    }
}

/// Inserts a new initiative with its first logged change (the rules of
/// [`Workspace::add_initiative`]).
fn insert(tx: &Transaction<'_>, clock: Clock, new: &NewInitiative) -> Result<Initiative> {
    {
        {
            let title = rules::required_line("title", &new.title, TITLE_MAX)?;
            let owner = people::find_or_insert(tx, clock, "owner", &new.owner)?;
            let priority = match new.priority {
                Some(p) => rules::priority("priority", p)?,
                None => next_priority(tx)?,
            };
            let now = clock.now();
            let mut i = Initiative {
                id: 0,
                title,
                owner_id: owner.id,
                owner: owner.name,
                track: new.track.unwrap_or(Track::Customer),
                status: new.status.unwrap_or(Status::Proposed),
                priority,
                outcome: rules::optional_text("outcome", new.outcome.as_deref(), TEXT_MAX)?,
                measure: rules::optional_text("measure", new.measure.as_deref(), TEXT_MAX)?,
                result: None,
                start_date: date_field("start_date", new.start_date.as_deref())?,
                target_date: date_field("target_date", new.target_date.as_deref())?,
                backup_date: date_field("backup_date", new.backup_date.as_deref())?,
                risk: rules::optional_text("risk", new.risk.as_deref(), TEXT_MAX)?,
                risk_level: new.risk_level,
                mitigation: rules::optional_text(
                    "mitigation",
                    new.mitigation.as_deref(),
                    TEXT_MAX,
                )?,
                addresses: new.addresses,
                created_at: now,
                updated_at: now,
            };
            if !matches!(i.status, Status::Proposed | Status::Active) {
                return Err(Error::invalid(
                    "status",
                    "a new initiative is proposed or active",
                ));
            }
            rules::check_initiative(&i)?;
            tx.execute(
                "INSERT INTO initiatives(title, owner_id, track, status, priority, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![i.title, i.owner_id, i.track.as_str(), i.status.as_str(), i.priority, now],
            )?;
            i.id = tx.last_insert_rowid();
            update_row(tx, &i)?;
            log_changes(tx, None, &i, None)?;
            Ok(i)
        }
    }
}

impl Workspace {
    /// One initiative.
    pub fn initiative(&self, id: Id) -> Result<Initiative> {
        get(&self.conn, id)
    }

    /// Initiatives matching `filter`, by priority.
    pub fn initiatives(&self, filter: &InitiativeFilter) -> Result<Vec<Initiative>> {
        let all = rows::all(
            &self.conn,
            &format!("{INITIATIVE_SELECT} ORDER BY i.priority, i.id"),
            [],
            rows::initiative,
        )?;
        Ok(all
            .into_iter()
            .filter(|i| filter.status.is_none_or(|s| i.status == s))
            .filter(|i| filter.track.is_none_or(|t| i.track == t))
            .filter(|i| {
                filter
                    .owner
                    .as_deref()
                    .is_none_or(|o| i.owner.eq_ignore_ascii_case(o.trim()))
            })
            .collect())
    }

    /// Applies `patch` to initiative `id` and logs every changed field with `reason`.
    /// Returns the initiative as it now stands.
    pub fn edit_initiative(
        &mut self,
        id: Id,
        patch: &InitiativePatch,
        reason: Option<&str>,
    ) -> Result<Initiative> {
        self.write(|tx, clock| {
            let before = get(tx, id)?;
            let reason = rules::optional_text("reason", reason, TEXT_MAX)?;
            let mut i = apply_patch(tx, clock, &before, patch)?;
            if history::field_values(&i) == history::field_values(&before) {
                return Ok(before);
            }
            i.updated_at = super::log_time(tx, clock, id)?;
            rules::check_initiative(&i)?;
            update_row(tx, &i)?;
            log_changes(tx, Some(&before), &i, reason.as_deref())?;
            Ok(i)
        })
    }

    /// Every change of initiative `id`, oldest first.
    pub fn history(&self, id: Id) -> Result<Vec<Change>> {
        require(
            self.conn
                .query_row("SELECT 1 FROM initiatives WHERE id = ?1", [id], |_| Ok(()))
                .optional()?
                .is_some(),
            "initiative",
            id,
        )?;
        rows::all(
            &self.conn,
            &format!(
                "SELECT {} FROM changes WHERE initiative_id = ?1 ORDER BY id",
                rows::CHANGE_COLUMNS
            ),
            [id],
            rows::change,
        )
    }
}

fn apply_patch(
    tx: &Transaction<'_>,
    clock: Clock,
    before: &Initiative,
    p: &InitiativePatch,
) -> Result<Initiative> {
    let mut i = before.clone();
    if let Some(t) = &p.title {
        i.title = rules::required_line("title", t, TITLE_MAX)?;
    }
    if let Some(o) = &p.owner {
        let owner = people::find_or_insert(tx, clock, "owner", o)?;
        i.owner_id = owner.id;
        i.owner = owner.name;
    }
    if let Some(t) = p.track {
        i.track = t;
    }
    if let Some(s) = p.status {
        i.status = s;
    }
    if let Some(n) = p.priority {
        i.priority = rules::priority("priority", n)?;
    }
    let text = |field: &str, v: &Option<String>, cur: &Option<String>| -> Result<Option<String>> {
        match v {
            Some(v) => rules::optional_text(field, Some(v), TEXT_MAX),
            None => Ok(cur.clone()),
        }
    };
    i.outcome = text("outcome", &p.outcome, &i.outcome)?;
    i.measure = text("measure", &p.measure, &i.measure)?;
    i.result = text("result", &p.result, &i.result)?;
    i.risk = text("risk", &p.risk, &i.risk)?;
    i.mitigation = text("mitigation", &p.mitigation, &i.mitigation)?;
    if p.start_date.is_some() {
        i.start_date = date_field("start_date", p.start_date.as_deref())?;
    }
    if p.target_date.is_some() {
        i.target_date = date_field("target_date", p.target_date.as_deref())?;
    }
    if p.backup_date.is_some() {
        i.backup_date = date_field("backup_date", p.backup_date.as_deref())?;
    }
    if let Some(level) = p.risk_level {
        i.risk_level = level;
    }
    if let Some(pain) = p.addresses {
        i.addresses = pain;
    }
    Ok(i)
}
