//! An initiative's scope items, kept in its append-only change log as `scope` entries: an
//! item added is logged with no old value, an item cut with no new value and the reason.

use rusqlite::params;

use super::initiatives::get;
use super::Workspace;
use crate::error::{Error, Result};
use crate::history;
use crate::model::Id;
use crate::rules;

const ITEM_MAX: usize = 200;
const TEXT_MAX: usize = 2000;

/// The scope of initiative `id` as its change log says now.
fn current(tx: &rusqlite::Connection, id: Id) -> Result<Vec<String>> {
    let log = super::rows::all(
        tx,
        &format!(
            "SELECT {} FROM changes WHERE initiative_id = ?1 AND field = 'scope' ORDER BY id",
            super::rows::CHANGE_COLUMNS
        ),
        [id],
        super::rows::change,
    )?;
    Ok(history::scope(&log))
}

impl Workspace {
    /// The items in initiative `id`'s scope, in the order they were added.
    pub fn scope(&self, id: Id) -> Result<Vec<String>> {
        get(&self.conn, id)?;
        current(&self.conn, id)
    }

    /// Adds an item to initiative `id`'s scope; returns the scope.
    pub fn add_scope(&mut self, id: Id, item: &str, reason: Option<&str>) -> Result<Vec<String>> {
        self.write(|tx, clock| {
            get(tx, id)?;
            let item = rules::required_line("item", item, ITEM_MAX)?;
            let reason = rules::optional_text("reason", reason, TEXT_MAX)?;
            let mut scope = current(tx, id)?;
            if scope.iter().any(|i| i.eq_ignore_ascii_case(&item)) {
                return Err(Error::Conflict(format!(
                    "'{}' is already in the scope of initiative {id}",
                    crate::error::abridged(&item)
                )));
            }
            let at = super::log_time(tx, clock, id)?;
            log(tx, id, at, None, Some(&item), reason.as_deref())?;
            scope.push(item);
            Ok(scope)
        })
    }

    /// Cuts an item from initiative `id`'s scope, with the reason it was cut; returns the
    /// scope.
    pub fn cut_scope(&mut self, id: Id, item: &str, reason: &str) -> Result<Vec<String>> {
        self.write(|tx, clock| {
            get(tx, id)?;
            let reason = rules::required_text("reason", reason, TEXT_MAX)?;
            let mut scope = current(tx, id)?;
            let Some(found) = scope
                .iter()
                .position(|i| i.eq_ignore_ascii_case(item.trim()))
            else {
                let within = if scope.is_empty() {
                    "the scope is empty".to_string()
                } else {
                    format!("the scope is: {}", scope.join(", "))
                };
                return Err(Error::invalid(
                    "item",
                    format!(
                        "'{}' is not in the scope of initiative {id}; {within}",
                        crate::error::abridged(item.trim())
                    ),
                ));
            };
            let cut = scope.remove(found);
            let at = super::log_time(tx, clock, id)?;
            log(tx, id, at, Some(&cut), None, Some(&reason))?;
            Ok(scope)
        })
    }
}

fn log(
    tx: &rusqlite::Transaction<'_>,
    id: Id,
    at: chrono::NaiveDateTime,
    old: Option<&str>,
    new: Option<&str>,
    reason: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO changes(initiative_id, at, field, old_value, new_value, reason)
         VALUES (?1, ?2, 'scope', ?3, ?4, ?5)",
        params![id, at, old, new, reason],
    )?;
    tx.execute(
        "UPDATE initiatives SET updated_at = ?2 WHERE id = ?1",
        params![id, at],
    )?;
    Ok(())
}
