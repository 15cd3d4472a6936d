//! Reading records from rows: one mapper per table, shared by queries and snapshots.

use std::collections::BTreeMap;
use std::str::FromStr;

use rusqlite::{Connection, Row};

use super::schema;
use crate::calendar::IsoWeek;
use crate::error::Result;
use crate::model::{
    Baseline, BaselineItem, Blocker, Change, CheckIn, Decision, Initiative, Person, StoredReview,
};
use crate::snapshot::Snapshot;

/// Reads a column holding one of the model's words.
fn word<T: FromStr>(row: &Row<'_>, idx: &str) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    parse_word(&text, idx)
}

/// Reads a nullable column holding one of the model's words.
fn opt_word<T: FromStr>(row: &Row<'_>, idx: &str) -> rusqlite::Result<Option<T>> {
    let text: Option<String> = row.get(idx)?;
    text.map(|t| parse_word(&t, idx)).transpose()
}

fn parse_word<T: FromStr>(text: &str, idx: &str) -> rusqlite::Result<T> {
    text.parse().map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unexpected value '{text}' in column {idx}").into(),
        )
    })
}

pub const PERSON_COLUMNS: &str = "p.id, p.name, p.email, p.role, p.created_at";

pub fn person(row: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: row.get("id")?,
        name: row.get("name")?,
        email: row.get("email")?,
        role: row.get("role")?,
        created_at: row.get("created_at")?,
    })
}

pub const INITIATIVE_SELECT: &str = "SELECT i.*, p.name AS owner_name
     FROM initiatives i JOIN people p ON p.id = i.owner_id";

pub fn initiative(row: &Row<'_>) -> rusqlite::Result<Initiative> {
    Ok(Initiative {
        id: row.get("id")?,
        title: row.get("title")?,
        owner_id: row.get("owner_id")?,
        owner: row.get("owner_name")?,
        track: word(row, "track")?,
        status: word(row, "status")?,
        priority: row.get("priority")?,
        outcome: row.get("outcome")?,
        measure: row.get("measure")?,
        result: row.get("result")?,
        start_date: row.get("start_date")?,
        target_date: row.get("target_date")?,
        backup_date: row.get("backup_date")?,
        risk: row.get("risk")?,
        risk_level: opt_word(row, "risk_level")?,
        mitigation: row.get("mitigation")?,
        created_at: row.get("created_at")?,
        updated_at: row.get("updated_at")?,
    })
}

pub fn change(row: &Row<'_>) -> rusqlite::Result<Change> {
    Ok(Change {
        id: row.get("id")?,
        initiative_id: row.get("initiative_id")?,
        at: row.get("at")?,
        field: row.get("field")?,
        old_value: row.get("old_value")?,
        new_value: row.get("new_value")?,
        reason: row.get("reason")?,
    })
}

pub fn checkin(row: &Row<'_>) -> rusqlite::Result<CheckIn> {
    let week: String = row.get("week")?;
    Ok(CheckIn {
        id: row.get("id")?,
        initiative_id: row.get("initiative_id")?,
        week: IsoWeek::parse("week", &week).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, e.into())
        })?,
        health: word(row, "health")?,
        shipped: row.get("shipped")?,
        progress: row.get("progress")?,
        note: row.get("note")?,
        recorded_at: row.get("recorded_at")?,
        replaced_at: row.get("replaced_at")?,
    })
}

pub const BLOCKER_SELECT: &str = "SELECT b.*, p.name AS owner_name
     FROM blockers b JOIN people p ON p.id = b.owner_id";

pub fn blocker(row: &Row<'_>) -> rusqlite::Result<Blocker> {
    Ok(Blocker {
        id: row.get("id")?,
        initiative_id: row.get("initiative_id")?,
        text: row.get("text")?,
        owner_id: row.get("owner_id")?,
        owner: row.get("owner_name")?,
        since: row.get("since")?,
        resolved_on: row.get("resolved_on")?,
        created_at: row.get("created_at")?,
    })
}

pub const DECISION_SELECT: &str = "SELECT d.*, p.name AS owner_name
     FROM decisions d JOIN people p ON p.id = d.owner_id";

pub fn decision(row: &Row<'_>) -> rusqlite::Result<Decision> {
    Ok(Decision {
        id: row.get("id")?,
        question: row.get("question")?,
        owner_id: row.get("owner_id")?,
        owner: row.get("owner_name")?,
        needed_by: row.get("needed_by")?,
        initiative_id: row.get("initiative_id")?,
        outcome: row.get("outcome")?,
        closed_on: row.get("closed_on")?,
        created_at: row.get("created_at")?,
    })
}

pub fn review(row: &Row<'_>) -> rusqlite::Result<StoredReview> {
    Ok(StoredReview {
        id: row.get("id")?,
        kind: row.get("kind")?,
        period: row.get("period")?,
        format: row.get("format")?,
        body: row.get("body")?,
        created_at: row.get("created_at")?,
    })
}

/// Runs `sql` and maps every row with `map`.
pub fn all<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params, map)?;
    Ok(rows.collect::<rusqlite::Result<Vec<T>>>()?)
}

/// Every baseline with its items, in id order.
pub fn baselines(conn: &Connection) -> Result<Vec<Baseline>> {
    let mut list = all(conn, "SELECT * FROM baselines ORDER BY id", [], |r| {
        Ok(Baseline {
            id: r.get("id")?,
            quarter: r.get("quarter")?,
            committed_at: r.get("committed_at")?,
            reason: r.get("reason")?,
            amends: r.get("amends")?,
            items: Vec::new(),
        })
    })?;
    let items = all(
        conn,
        "SELECT * FROM baseline_items ORDER BY baseline_id, initiative_id",
        [],
        |r| {
            Ok((
                r.get::<_, i64>("baseline_id")?,
                BaselineItem {
                    initiative_id: r.get("initiative_id")?,
                    target_date: r.get("target_date")?,
                    backup_date: r.get("backup_date")?,
                },
            ))
        },
    )?;
    for (baseline_id, item) in items {
        if let Some(b) = list.iter_mut().find(|b| b.id == baseline_id) {
            b.items.push(item);
        }
    }
    Ok(list)
}

/// Reads every table, in id order, inside one read transaction.
pub fn load_snapshot(conn: &Connection) -> Result<Snapshot> {
    load_snapshot_weeks(conn, None)
}

/// [`load_snapshot`] with only the check-ins of the weeks from `weeks.0` to `weeks.1` (both
/// included) when given: what a weekly review reads.
pub fn load_snapshot_weeks(
    conn: &Connection,
    weeks: Option<(IsoWeek, IsoWeek)>,
) -> Result<Snapshot> {
    let tx = conn.unchecked_transaction()?;
    let settings: BTreeMap<String, String> = all(
        &tx,
        "SELECT key, value FROM settings ORDER BY key",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?
    .into_iter()
    .collect();
    let snapshot = Snapshot {
        format: Snapshot::FORMAT.to_string(),
        schema_version: schema::latest_version(),
        settings,
        people: all(
            &tx,
            &format!("SELECT {PERSON_COLUMNS} FROM people p ORDER BY p.id"),
            [],
            person,
        )?,
        initiatives: all(
            &tx,
            &format!("{INITIATIVE_SELECT} ORDER BY i.id"),
            [],
            initiative,
        )?,
        changes: all(&tx, "SELECT * FROM changes ORDER BY id", [], change)?,
        checkins: match weeks {
            None => all(&tx, "SELECT * FROM checkins ORDER BY id", [], checkin)?,
            Some((from, to)) => all(
                &tx,
                "SELECT * FROM checkins WHERE week BETWEEN ?1 AND ?2 ORDER BY id",
                [from.to_string(), to.to_string()],
                checkin,
            )?,
        },
        blockers: all(&tx, &format!("{BLOCKER_SELECT} ORDER BY b.id"), [], blocker)?,
        decisions: all(
            &tx,
            &format!("{DECISION_SELECT} ORDER BY d.id"),
            [],
            decision,
        )?,
        baselines: baselines(&tx)?,
        reviews: all(&tx, "SELECT * FROM reviews ORDER BY id", [], review)?,
    };
    tx.finish()?;
    Ok(snapshot)
}
