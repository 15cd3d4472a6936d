//! What happens around initiatives week to week: check-ins, blockers and decisions.

use rusqlite::{params, OptionalExtension};

use super::initiatives::get;
use super::rows::{self, BLOCKER_SELECT, DECISION_SELECT};
use super::{people, Workspace};
use crate::calendar::{parse_date, IsoWeek};
use crate::error::{Error, Result};
use crate::model::{Blocker, CheckIn, Decision, Id, NewCheckIn, RecordedCheckIn, Status};
use crate::rules;

const TEXT_MAX: usize = 2000;

impl Workspace {
    /// Records the owner's check-in for a week (the current ISO week by default). A second
    /// check-in for the same week replaces the first, which is kept as replaced and returned
    /// beside the new one.
    pub fn checkin(&mut self, new: &NewCheckIn) -> Result<RecordedCheckIn> {
        self.write(|tx, clock| {
            let initiative = get(tx, new.initiative_id)?;
            if matches!(initiative.status, Status::Proposed | Status::Dropped) {
                return Err(Error::invalid(
                    "initiative",
                    format!(
                        "'{}' is {}; check-ins are recorded for initiatives under way",
                        crate::error::abridged(&initiative.title),
                        initiative.status
                    ),
                ));
            }
            let week = match new.week.as_deref().map(str::trim) {
                None | Some("") => IsoWeek::of(clock.today()),
                Some(w) => IsoWeek::parse("week", w)?,
            };
            rules::checkin_week(&initiative, week, clock.today())?;
            let health = new.health;
            let shipped = rules::optional_text("shipped", new.shipped.as_deref(), TEXT_MAX)?;
            let progress = rules::optional_text("progress", new.progress.as_deref(), TEXT_MAX)?;
            let note = rules::optional_text("note", new.note.as_deref(), TEXT_MAX)?;
            let replaced = tx
                .query_row(
                    &format!(
                        "SELECT {} FROM checkins
                         WHERE initiative_id = ?1 AND week = ?2 AND replaced_at IS NULL",
                        rows::CHECKIN_COLUMNS
                    ),
                    params![initiative.id, week.to_string()],
                    rows::checkin,
                )
                .optional()?;
            let now = match &replaced {
                Some(old) if clock.today() < old.recorded_at.date() => {
                    return Err(Error::invalid(
                        "today",
                        format!(
                            "the check-in of {week} it would replace was recorded on {}; a \
                             check-in cannot be dated before it (today is {})",
                            old.recorded_at.date(),
                            clock.today()
                        ),
                    ))
                }
                Some(old) => clock.now().max(old.recorded_at),
                None => clock.now(),
            };
            let replaced = replaced.map(|mut c| {
                c.replaced_at = Some(now);
                c
            });
            tx.execute(
                "UPDATE checkins SET replaced_at = ?3
                 WHERE initiative_id = ?1 AND week = ?2 AND replaced_at IS NULL",
                params![initiative.id, week.to_string(), now],
            )?;
            tx.execute(
                "INSERT INTO checkins(initiative_id, week, health, shipped, progress, note, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![initiative.id, week.to_string(), health.as_str(), shipped, progress, note, now],
            )?;
            let checkin = CheckIn {
                id: tx.last_insert_rowid(),
                initiative_id: initiative.id,
                week,
                health,
                shipped,
                progress,
                note,
                recorded_at: now,
                replaced_at: None,
            };
            Ok(RecordedCheckIn { checkin, replaced })
        })
    }

    /// Every check-in of initiative `id`, replaced ones included, newest week first.
    pub(crate) fn checkins(&self, id: Id) -> Result<Vec<CheckIn>> {
        get(&self.conn, id)?;
        rows::all(
            &self.conn,
            &format!(
                "SELECT {} FROM checkins WHERE initiative_id = ?1 ORDER BY week DESC, id DESC",
                rows::CHECKIN_COLUMNS
            ),
            [id],
            rows::checkin,
        )
    }

    /// Records what blocks initiative `id` and the one person who removes it.
    pub fn add_blocker(
        &mut self,
        id: Id,
        text: &str,
        owner: &str,
        since: Option<&str>,
    ) -> Result<Blocker> {
        self.write(|tx, clock| {
            get(tx, id)?;
            let text = rules::required_text("text", text, TEXT_MAX)?;
            let owner = people::find_or_insert(tx, clock, "owner", owner)?;
            let since = match since.map(str::trim) {
                None | Some("") => clock.today(),
                Some(s) => parse_date("since", s)?,
            };
            if since > clock.today() {
                return Err(Error::invalid(
                    "since",
                    "a blocker cannot start in the future",
                ));
            }
            let now = clock.now();
            tx.execute(
                "INSERT INTO blockers(initiative_id, text, owner_id, since, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, text, owner.id, since, now],
            )?;
            Ok(Blocker {
                id: tx.last_insert_rowid(),
                initiative_id: id,
                text,
                owner_id: owner.id,
                owner: owner.name,
                since,
                resolved_on: None,
                created_at: now,
            })
        })
    }

    /// Marks blocker `id` resolved today.
    pub fn resolve_blocker(&mut self, id: Id) -> Result<Blocker> {
        self.write(|tx, clock| {
            let b = tx
                .query_row(
                    &format!("{BLOCKER_SELECT} WHERE b.id = ?1"),
                    [id],
                    rows::blocker,
                )
                .optional()?
                .ok_or(Error::NotFound {
                    what: "blocker",
                    id,
                })?;
            if let Some(on) = b.resolved_on {
                return Err(Error::Conflict(format!(
                    "blocker {id} was already resolved on {on}"
                )));
            }
            let today = clock.today().max(b.since);
            tx.execute(
                "UPDATE blockers SET resolved_on = ?2 WHERE id = ?1",
                params![id, today],
            )?;
            Ok(Blocker {
                resolved_on: Some(today),
                ..b
            })
        })
    }

    /// Blockers, oldest first; only unresolved ones when `open_only`.
    pub fn blockers(&self, open_only: bool) -> Result<Vec<Blocker>> {
        let filter = if open_only {
            "WHERE b.resolved_on IS NULL"
        } else {
            ""
        };
        rows::all(
            &self.conn,
            &format!("{BLOCKER_SELECT} {filter} ORDER BY b.since, b.id"),
            [],
            rows::blocker,
        )
    }

    /// Records a question the leadership must answer, its decider and its date.
    pub fn add_decision(
        &mut self,
        question: &str,
        owner: &str,
        needed_by: &str,
        initiative: Option<Id>,
    ) -> Result<Decision> {
        self.write(|tx, clock| {
            let question = rules::required_line("question", question, TEXT_MAX)?;
            let owner = people::find_or_insert(tx, clock, "owner", owner)?;
            let needed_by = parse_date("by", needed_by)?;
            if let Some(i) = initiative {
                get(tx, i)?;
            }
            let now = clock.now();
            tx.execute(
                "INSERT INTO decisions(question, owner_id, needed_by, initiative_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![question, owner.id, needed_by, initiative, now],
            )?;
            Ok(Decision {
                id: tx.last_insert_rowid(),
                question,
                owner_id: owner.id,
                owner: owner.name,
                needed_by,
                initiative_id: initiative,
                outcome: None,
                closed_on: None,
                created_at: now,
            })
        })
    }

    /// Closes decision `id` with its outcome, today.
    pub fn close_decision(&mut self, id: Id, outcome: &str) -> Result<Decision> {
        self.write(|tx, clock| {
            let d = decision(tx, id)?;
            if d.closed_on.is_some() {
                return Err(Error::Conflict(format!("decision {id} is already closed")));
            }
            let outcome = rules::required_text("outcome", outcome, TEXT_MAX)?;
            let today = clock.today();
            tx.execute(
                "UPDATE decisions SET outcome = ?2, closed_on = ?3 WHERE id = ?1",
                params![id, outcome, today],
            )?;
            Ok(Decision {
                outcome: Some(outcome),
                closed_on: Some(today),
                ..d
            })
        })
    }

    /// Links decision `id` to the initiative it concerns, or unlinks it when `None`.
    pub fn link_decision(&mut self, id: Id, initiative: Option<Id>) -> Result<Decision> {
        self.write(|tx, _| {
            let d = decision(tx, id)?;
            if let Some(i) = initiative {
                get(tx, i)?;
            }
            tx.execute(
                "UPDATE decisions SET initiative_id = ?2 WHERE id = ?1",
                params![id, initiative],
            )?;
            Ok(Decision {
                initiative_id: initiative,
                ..d
            })
        })
    }

    /// Decisions, by needed-by date; only open ones when `open_only`.
    pub fn decisions(&self, open_only: bool) -> Result<Vec<Decision>> {
        let filter = if open_only {
            "WHERE d.closed_on IS NULL"
        } else {
            ""
        };
        rows::all(
            &self.conn,
            &format!("{DECISION_SELECT} {filter} ORDER BY d.needed_by, d.id"),
            [],
            rows::decision,
        )
    }
}

/// Decision `id`, or an error saying it does not exist.
fn decision(tx: &rusqlite::Connection, id: Id) -> Result<Decision> {
    tx.query_row(
        &format!("{DECISION_SELECT} WHERE d.id = ?1"),
        [id],
        rows::decision,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "decision",
        id,
    })
}
