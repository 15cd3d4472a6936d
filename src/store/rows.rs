//! Reading records from rows: one mapper per table, shared by queries and snapshots.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Row};

use super::schema;
use crate::calendar::{fixed_date, fixed_time, IsoWeek};
use crate::error::{Error, Result};
use crate::history;
use crate::model::{
    Baseline, BaselineItem, Blocker, Change, CheckIn, Decision, Initiative, KeptUpdate, Person,
    StoredReview,
};
use crate::snapshot::Snapshot;

/// Parses the text of column `idx` as one of the model's words.
fn parse_word<T: FromStr>(text: &str, idx: usize) -> rusqlite::Result<T> {
    text.parse().map_err(|_| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unexpected value '{}'", crate::error::abridged(text)).into(),
        )
    })
}

/// Parses the text of the column called `name` as one of the model's words.
fn named_word<T: FromStr>(row: &Row<'_>, name: &str) -> rusqlite::Result<T> {
    let idx = row.as_ref().column_index(name)?;
    parse_word(row.get_ref(idx)?.as_str()?, idx)
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

/// Initiatives with their owner's name, in the order [`initiative`] reads them.
pub const INITIATIVE_SELECT: &str = "SELECT i.id, i.title, i.owner_id, p.name, i.track, \
     i.status, i.priority, i.outcome, i.measure, i.result, i.start_date, i.target_date, \
     i.backup_date, i.risk, i.risk_level, i.mitigation, i.created_at, i.updated_at, \
     i.addresses
     FROM initiatives i JOIN people p ON p.id = i.owner_id";

/// Maps a row of [`INITIATIVE_SELECT`] (by position, like [`change`]).
pub fn initiative(row: &Row<'_>) -> rusqlite::Result<Initiative> {
    Ok(Initiative {
        id: row.get(0)?,
        title: row.get(1)?,
        owner_id: row.get(2)?,
        owner: row.get(3)?,
        track: parse_word(row.get_ref(4)?.as_str()?, 4)?,
        status: parse_word(row.get_ref(5)?.as_str()?, 5)?,
        priority: row.get(6)?,
        outcome: row.get(7)?,
        measure: row.get(8)?,
        result: row.get(9)?,
        start_date: opt_date(row, 10)?,
        target_date: opt_date(row, 11)?,
        backup_date: opt_date(row, 12)?,
        risk: row.get(13)?,
        risk_level: row
            .get_ref(14)?
            .as_str_or_null()?
            .map(|t| parse_word(t, 14))
            .transpose()?,
        mitigation: row.get(15)?,
        addresses: row
            .get_ref(18)?
            .as_str_or_null()?
            .map(|t| parse_word(t, 18))
            .transpose()?,
        created_at: time(row, 16)?,
        updated_at: time(row, 17)?,
    })
}

/// The columns [`change`] reads, in the order it reads them.
pub const CHANGE_COLUMNS: &str = "id, initiative_id, at, field, old_value, new_value, reason";

/// Maps a row of [`CHANGE_COLUMNS`] (by position: a snapshot reads tens of thousands).
pub fn change(row: &Row<'_>) -> rusqlite::Result<Change> {
    Ok(Change {
        id: row.get(0)?,
        initiative_id: row.get(1)?,
        at: time(row, 2)?,
        field: logged_field(row.get_ref(3)?.as_str()?),
        old_value: row.get(4)?,
        new_value: row.get(5)?,
        reason: row.get(6)?,
    })
}

/// A change's field name: one of the names the log writes, borrowed, else a copy.
fn logged_field(name: &str) -> Cow<'static, str> {
    match ["created", "scope"]
        .iter()
        .chain(history::FIELDS)
        .find(|f| **f == name)
    {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(name.to_string()),
    }
}

/// The columns [`checkin`] reads, in the order it reads them.
pub const CHECKIN_COLUMNS: &str =
    "id, initiative_id, week, health, shipped, progress, note, recorded_at, replaced_at";

/// [`CHECKIN_COLUMNS`] with the texts selected as NULL, for [`Checkins::Calls`].
const CHECKIN_CALL_COLUMNS: &str =
    "id, initiative_id, week, health, NULL, NULL, NULL, recorded_at, replaced_at";

/// Maps a row of [`CHECKIN_COLUMNS`] (by position, like [`change`]).
pub fn checkin(row: &Row<'_>) -> rusqlite::Result<CheckIn> {
    let week = row.get_ref(2)?.as_str()?;
    Ok(CheckIn {
        id: row.get(0)?,
        initiative_id: row.get(1)?,
        week: IsoWeek::parse("week", week).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, e.into())
        })?,
        health: parse_word(row.get_ref(3)?.as_str()?, 3)?,
        shipped: row.get(4)?,
        progress: row.get(5)?,
        note: row.get(6)?,
        recorded_at: time(row, 7)?,
        replaced_at: match row.get_ref(8)? {
            ValueRef::Null => None,
            _ => Some(time(row, 8)?),
        },
    })
}

/// Reads a time column. The store writes `YYYY-MM-DD HH:MM:SS`, read here digit by digit:
/// chrono's general parser was most of the cost of loading a large workspace. Any other
/// form goes through rusqlite's own conversion.
fn time(row: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDateTime> {
    match row.get_ref(idx)? {
        ValueRef::Text(t) => match fixed_time(t) {
            Some(at) => Ok(at),
            None => row.get(idx),
        },
        _ => row.get(idx),
    }
}

/// Reads a date column written `YYYY-MM-DD`, like [`time`].
fn date(row: &Row<'_>, idx: usize) -> rusqlite::Result<NaiveDate> {
    match row.get_ref(idx)? {
        ValueRef::Text(t) => match fixed_date(t) {
            Some(d) => Ok(d),
            None => row.get(idx),
        },
        _ => row.get(idx),
    }
}

/// Reads a nullable date column.
fn opt_date(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match row.get_ref(idx)? {
        ValueRef::Null => Ok(None),
        _ => date(row, idx).map(Some),
    }
}

/// Blockers with their owner's name, in the order [`blocker`] reads them.
pub const BLOCKER_SELECT: &str = "SELECT b.id, b.initiative_id, b.text, b.owner_id, p.name, \
     b.since, b.resolved_on, b.created_at
     FROM blockers b JOIN people p ON p.id = b.owner_id";

/// Maps a row of [`BLOCKER_SELECT`] (by position, like [`change`]).
pub fn blocker(row: &Row<'_>) -> rusqlite::Result<Blocker> {
    Ok(Blocker {
        id: row.get(0)?,
        initiative_id: row.get(1)?,
        text: row.get(2)?,
        owner_id: row.get(3)?,
        owner: row.get(4)?,
        since: date(row, 5)?,
        resolved_on: opt_date(row, 6)?,
        created_at: time(row, 7)?,
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
        kind: named_word(row, "kind")?,
        period: row.get("period")?,
        format: named_word(row, "format")?,
        body: row.get("body")?,
        created_at: row.get("created_at")?,
    })
}

/// Maps a row of `id, kind, period, format, body, created_at` from `reviews`, the body
/// selected as NULL when it is left out.
pub fn kept_update(row: &Row<'_>) -> rusqlite::Result<KeptUpdate> {
    Ok(KeptUpdate {
        id: row.get(0)?,
        kind: parse_word(row.get_ref(1)?.as_str()?, 1)?,
        period: row.get(2)?,
        format: parse_word(row.get_ref(3)?.as_str()?, 3)?,
        body: row.get(4)?,
        created_at: time(row, 5)?,
    })
}

/// Runs `sql` and maps every row with `map`. A value that cannot be read is reported with
/// its table, record and column ([`Error::Unreadable`]), not as a bare conversion error.
pub fn all<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    all_into(Vec::new(), conn, sql, params, map)
}

/// [`all`] appending to `out`, which may hold room for them already: reading every check-in
/// or change into a vector sized for them spares growing it by doubling (copying it each
/// time), whose last step for the check-ins, past what the allocator keeps for reuse, took
/// fresh memory from the system on every read.
fn all_into<T>(
    mut out: Vec<T>,
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    mut map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut unreadable = None;
    let rows = stmt.query_map(params, |row| {
        map(row).inspect_err(|e| {
            if unreadable.is_none() {
                unreadable = describe_unreadable(sql, row, e);
            }
        })
    })?;
    for row in rows {
        match row {
            Ok(value) => out.push(value),
            Err(e) => return Err(unreadable.unwrap_or(Error::Db(e))),
        }
    }
    Ok(out)
}

/// What a conversion failure in `row` of `sql` concerns: the table named after the first
/// `FROM`, the record's id (the first column) and the column, with its stored value.
fn describe_unreadable(sql: &str, row: &Row<'_>, e: &rusqlite::Error) -> Option<Error> {
    use rusqlite::Error as E;
    let idx = match e {
        E::FromSqlConversionFailure(idx, ..)
        | E::InvalidColumnType(idx, ..)
        | E::IntegralValueOutOfRange(idx, _) => *idx,
        _ => return None,
    };
    let stmt = row.as_ref();
    let column = stmt.column_name(idx).ok()?.to_string();
    let table = sql
        .split_whitespace()
        .skip_while(|w| !w.eq_ignore_ascii_case("FROM"))
        .nth(1)?
        .to_string();
    let shown = |v: ValueRef<'_>| match v {
        ValueRef::Null => "nothing".to_string(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(x) => x.to_string(),
        ValueRef::Text(t) | ValueRef::Blob(t) => {
            let text = String::from_utf8_lossy(t);
            crate::error::abridged(&text).escape_debug().to_string()
        }
    };
    Some(Error::Unreadable {
        table,
        id: row.get_ref(0).map(shown).unwrap_or_default(),
        column,
        value: row.get_ref(idx).map(shown).unwrap_or_default(),
    })
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

/// Whether a snapshot holds the kept updates' bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bodies {
    /// Every body: what export writes and check reads.
    Read,
    /// None: reviews read only when each update was kept.
    Leave,
}

/// Which check-ins a snapshot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checkins {
    /// Every one.
    All,
    /// Every one without its texts (what shipped, progress, note): what the monthly and
    /// quarterly reviews read, which judge only the health calls and their weeks.
    Calls,
    /// Those of the weeks from the first to the second, both included: what a weekly review
    /// reads.
    Weeks(IsoWeek, IsoWeek),
    /// Each initiative's latest in force (its latest week's): what the board reads.
    Latest,
}

/// An empty vector with room for every record of `table` (counted through an index).
fn room_for<T>(conn: &Connection, table: &str) -> Result<Vec<T>> {
    let n: i64 = conn
        .prepare_cached(&format!("SELECT count(*) FROM {table}"))?
        .query_row([], |r| r.get(0))?;
    Ok(Vec::with_capacity(usize::try_from(n).unwrap_or_default()))
}

/// Reads every table, in id order, inside one read transaction, with the check-ins `checkins`
/// says.
pub fn load_snapshot(conn: &Connection, checkins: Checkins, bodies: Bodies) -> Result<Snapshot> {
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
        changes: all_into(
            room_for(&tx, "changes")?,
            &tx,
            &format!("SELECT {CHANGE_COLUMNS} FROM changes ORDER BY id"),
            [],
            change,
        )?,
        checkins: match checkins {
            Checkins::All => all_into(
                room_for(&tx, "checkins")?,
                &tx,
                &format!("SELECT {CHECKIN_COLUMNS} FROM checkins ORDER BY id"),
                [],
                checkin,
            )?,
            Checkins::Calls => all_into(
                room_for(&tx, "checkins")?,
                &tx,
                &format!("SELECT {CHECKIN_CALL_COLUMNS} FROM checkins ORDER BY id"),
                [],
                checkin,
            )?,
            Checkins::Weeks(from, to) => all(
                &tx,
                &format!(
                    "SELECT {CHECKIN_COLUMNS} FROM checkins WHERE week BETWEEN ?1 AND ?2 \
                     ORDER BY id"
                ),
                [from.to_string(), to.to_string()],
                checkin,
            )?,
            // One look-up in the index of check-ins in force per initiative.
            Checkins::Latest => all(
                &tx,
                &format!(
                    "SELECT {CHECKIN_COLUMNS} FROM checkins WHERE id IN (SELECT (SELECT c.id \
                     FROM checkins c WHERE c.initiative_id = i.id AND c.replaced_at IS NULL \
                     ORDER BY c.week DESC LIMIT 1) FROM initiatives i) ORDER BY id"
                ),
                [],
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
        reviews: super::reviews::all_kept(&tx, bodies)?,
        releases: super::releases::load(&tx)?,
    };
    tx.finish()?;
    Ok(snapshot)
}
