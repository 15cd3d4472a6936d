//! Committed quarterly plans (baselines): the initiatives of a quarter and their dates at the
//! moment of commitment. A quarter is committed once; an amendment needs a reason and is a
//! new baseline pointing at the one it replaces, so the plan's history is kept whole.

use rusqlite::params;

use super::initiatives::{get, log_changes, update_row};
use super::rows;
use super::Workspace;
use crate::calendar::Quarter;
use crate::error::{Error, Result};
use crate::model::{Baseline, BaselineItem, Id, Status};
use crate::rules;

const TEXT_MAX: usize = 2000;

/// The baselines of `quarter` (`YYYY-Qn`), oldest first.
fn of_quarter(conn: &rusqlite::Connection, quarter: &str) -> Result<Vec<Baseline>> {
    Ok(rows::baselines(conn)?
        .into_iter()
        .filter(|b| b.quarter == quarter)
        .collect())
}

impl Workspace {
    /// Whether any plan has been committed.
    pub(crate) fn has_baselines(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM baselines)", [], |r| r.get(0))?)
    }

    /// Every commitment made for `quarter`, oldest first: the first is the commitment, the
    /// others its amendments.
    pub fn baselines(&self, quarter: Quarter) -> Result<Vec<Baseline>> {
        of_quarter(&self.conn, &quarter.to_string())
    }

    /// Commits the plan of `quarter`: the initiatives `ids` with their target and backup
    /// dates as they stand now. Each must pass [`rules::check_commitment`]; a proposed one
    /// is activated by its commitment (logged with the reason).
    ///
    /// A quarter that already has a plan can only be amended, with a reason: the amendment
    /// is a new baseline naming the one it amends and holding the whole plan as amended
    /// (`ids` left out are taken out of it). Once the quarter has begun, the initiatives
    /// already committed keep their committed dates and need not pass the rules again (one
    /// may be done by then): an amendment adds or takes out work, it never re-dates it. A
    /// quarter that has ended cannot be committed. Everything is written in one transaction.
    pub fn commit_plan(
        &mut self,
        quarter: Quarter,
        ids: &[Id],
        reason: Option<&str>,
    ) -> Result<Baseline> {
        let label = quarter.to_string();
        self.write(|tx, clock| {
            let mut now = clock.now();
            if quarter.last_day() < now.date() {
                return Err(Error::invalid(
                    "quarter",
                    format!(
                        "{label} ended on {}; a plan is committed before or during its quarter",
                        quarter.last_day()
                    ),
                ));
            }
            let mut ids = ids.to_vec();
            ids.sort_unstable();
            ids.dedup();
            if ids.is_empty() {
                return Err(Error::invalid(
                    "initiatives",
                    "a plan commits at least one initiative",
                ));
            }
            let reason = rules::optional_text("reason", reason, TEXT_MAX)?;
            let previous = of_quarter(tx, &label)?.pop();
            if let (Some(p), None) = (&previous, &reason) {
                return Err(Error::invalid(
                    "reason",
                    format!(
                        "the plan for {label} was committed on {}; amending it needs a reason",
                        p.committed_at.date()
                    ),
                ));
            }
            let started = now.date() >= quarter.first_day();
            let mut items = Vec::with_capacity(ids.len());
            let mut to_activate = Vec::new();
            for id in &ids {
                let i = get(tx, *id)?;
                let carried = previous
                    .as_ref()
                    .and_then(|p| p.items.iter().find(|x| x.initiative_id == *id))
                    .filter(|_| started);
                if let Some(x) = carried {
                    items.push(x.clone());
                    continue;
                }
                rules::check_commitment(&i, quarter)?;
                // The plan holds the dates in force after the initiative's last change.
                now = now.max(super::log_time(tx, clock, i.id)?);
                items.push(BaselineItem {
                    initiative_id: i.id,
                    target_date: i.target_date.expect("checked by the commitment rule"),
                    backup_date: i.backup_date.expect("checked by the commitment rule"),
                });
                if i.status == Status::Proposed {
                    to_activate.push(i);
                }
            }
            if previous.as_ref().is_some_and(|p| p.items == items) {
                return Err(Error::Conflict(format!(
                    "the plan for {label} already commits these initiatives with these dates"
                )));
            }
            let activation = reason
                .clone()
                .unwrap_or_else(|| format!("Committed to the plan for {label}"));
            for before in &to_activate {
                let mut after = before.clone();
                after.status = Status::Active;
                after.updated_at = now;
                update_row(tx, &after)?;
                log_changes(tx, Some(before), &after, Some(&activation))?;
            }
            let amends = previous.map(|p| p.id);
            tx.execute(
                "INSERT INTO baselines(quarter, committed_at, reason, amends)
                 VALUES (?1, ?2, ?3, ?4)",
                params![label, now, reason, amends],
            )?;
            let id = tx.last_insert_rowid();
            for item in &items {
                tx.execute(
                    "INSERT INTO baseline_items(baseline_id, initiative_id, target_date, backup_date)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![id, item.initiative_id, item.target_date, item.backup_date],
                )?;
            }
            Ok(Baseline {
                id,
                quarter: label.clone(),
                committed_at: now,
                reason,
                amends,
                items,
            })
        })
    }
}
