//! The whole workspace as one JSON document: export, and all-or-nothing import.

use rusqlite::params;

use super::{schema, Workspace};
use crate::consistency;
use crate::error::{Error, Result};
use crate::snapshot::Snapshot;

impl Workspace {
    /// The whole workspace, history included, as pretty JSON (ends with a newline).
    pub fn export_json(&self) -> Result<String> {
        crate::terminal::json_pretty(&self.whole_snapshot()?)
    }

    /// Loads an exported workspace. Refuses a non-empty workspace unless `replace`; checks
    /// every record against the rules and the history's consistency
    /// ([`consistency::problems`]), refusing the first broken record by name; writes
    /// everything or nothing.
    pub fn import_json(&mut self, text: &str, replace: bool) -> Result<()> {
        let snap = read_export(text)?;
        if snap.format != Snapshot::FORMAT {
            return Err(Error::invalid(
                "file",
                format!(
                    "is not a Cadence export (format '{}')",
                    crate::error::abridged(&snap.format)
                ),
            ));
        }
        if snap.schema_version > schema::latest_version() {
            return Err(Error::invalid(
                "file",
                format!(
                    "was exported by a newer Cadence (schema version {}); update Cadence to import it",
                    snap.schema_version
                ),
            ));
        }
        if let Some(p) = consistency::problems(&snap).into_iter().next() {
            return Err(p.into());
        }
        if !replace && !self.is_empty()? {
            return Err(Error::Conflict(
                "the workspace is not empty; import into an empty one or ask to replace it".into(),
            ));
        }
        self.write(|tx, _| {
            if replace {
                clear(tx)?;
            }
            insert_all(tx, &snap)
        })
    }
}

/// The keys of an export that hold times.
const TIME_KEYS: &[&str] = &[
    "created_at",
    "updated_at",
    "at",
    "recorded_at",
    "replaced_at",
    "committed_at",
    "added_at",
    "cut_at",
    "frozen_at",
    "shipped_at",
    "cancelled_at",
    "restored_at",
];

/// Reads an export. Its times are written `YYYY-MM-DDTHH:MM:SS`; `YYYY-MM-DD HH:MM:SS` is
/// read too (the form SQLite and people write). A file that cannot be read is refused with
/// the first error in it, its line and column.
fn read_export(text: &str) -> Result<Snapshot> {
    let refuse = |e: serde_json::Error| {
        let e = crate::error::abridged_message(&e.to_string());
        Error::invalid("file", format!("is not a Cadence export: {e}"))
    };
    let first = match serde_json::from_str::<Snapshot>(text) {
        Ok(snap) => return Ok(snap),
        Err(e) => e,
    };
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(text) else {
        return Err(refuse(first));
    };
    if !spaced_times_to_iso(&mut value) {
        return Err(refuse(first));
    }
    serde_json::from_value(value).map_err(|_| refuse(first))
}

/// Rewrites every time written `YYYY-MM-DD HH:MM:SS` under a time key as
/// `YYYY-MM-DDTHH:MM:SS`; says whether it rewrote any.
fn spaced_times_to_iso(value: &mut serde_json::Value) -> bool {
    use serde_json::Value;
    let mut rewritten = false;
    match value {
        Value::Array(items) => {
            for v in items {
                rewritten |= spaced_times_to_iso(v);
            }
        }
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    Value::String(s)
                        if TIME_KEYS.contains(&key.as_str())
                            && s.len() == 19
                            && s.as_bytes()[10] == b' ' =>
                    {
                        s.replace_range(10..11, "T");
                        rewritten = true;
                    }
                    other => rewritten |= spaced_times_to_iso(other),
                }
            }
        }
        _ => {}
    }
    rewritten
}

/// Empties every table, the change log included (its guard triggers are lifted and restored
/// inside the same transaction).
fn clear(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    let mut stmt = tx.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'changes'",
    )?;
    let triggers = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    drop(stmt);
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER \"{name}\""))?;
    }
    for table in super::releases::TABLES {
        tx.execute_batch(&format!("DELETE FROM {table};"))?;
    }
    tx.execute_batch(
        "DELETE FROM reviews; DELETE FROM baseline_items; DELETE FROM baselines;
         DELETE FROM decisions; DELETE FROM blockers; DELETE FROM checkins; DELETE FROM changes;
         DELETE FROM initiatives; DELETE FROM people; DELETE FROM settings;",
    )?;
    for (_, sql) in &triggers {
        tx.execute_batch(sql)?;
    }
    Ok(())
}

fn insert_all(tx: &rusqlite::Transaction<'_>, s: &Snapshot) -> Result<()> {
    for (k, v) in &s.settings {
        tx.execute("INSERT INTO settings(key, value) VALUES (?1, ?2)", [k, v])?;
    }
    for p in &s.people {
        tx.execute(
            "INSERT INTO people(id, name, email, role, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![p.id, p.name, p.email, p.role, p.created_at],
        )?;
    }
    for i in &s.initiatives {
        tx.execute(
            "INSERT INTO initiatives(id, title, owner_id, track, status, priority, outcome, measure,
                result, start_date, target_date, backup_date, risk, risk_level, mitigation,
                created_at, updated_at, addresses)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                ?18)",
            params![
                i.id, i.title, i.owner_id, i.track.as_str(), i.status.as_str(), i.priority,
                i.outcome, i.measure, i.result, i.start_date, i.target_date, i.backup_date,
                i.risk, i.risk_level.map(|l| l.as_str()), i.mitigation, i.created_at, i.updated_at,
                i.addresses.map(|b| b.as_str())
            ],
        )?;
    }
    for c in &s.changes {
        tx.execute(
            "INSERT INTO changes(id, initiative_id, at, field, old_value, new_value, reason)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                c.id,
                c.initiative_id,
                c.at,
                c.field,
                c.old_value,
                c.new_value,
                c.reason
            ],
        )?;
    }
    for c in &s.checkins {
        tx.execute(
            "INSERT INTO checkins(id, initiative_id, week, health, shipped, progress, note,
                recorded_at, replaced_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                c.id,
                c.initiative_id,
                c.week.to_string(),
                c.health.as_str(),
                c.shipped,
                c.progress,
                c.note,
                c.recorded_at,
                c.replaced_at
            ],
        )?;
    }
    for b in &s.blockers {
        tx.execute(
            "INSERT INTO blockers(id, initiative_id, text, owner_id, since, resolved_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![b.id, b.initiative_id, b.text, b.owner_id, b.since, b.resolved_on, b.created_at],
        )?;
    }
    for d in &s.decisions {
        tx.execute(
            "INSERT INTO decisions(id, question, owner_id, needed_by, initiative_id, outcome,
                closed_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                d.id,
                d.question,
                d.owner_id,
                d.needed_by,
                d.initiative_id,
                d.outcome,
                d.closed_on,
                d.created_at
            ],
        )?;
    }
    for b in &s.baselines {
        tx.execute(
            "INSERT INTO baselines(id, quarter, committed_at, reason, amends)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![b.id, b.quarter, b.committed_at, b.reason, b.amends],
        )?;
        for item in &b.items {
            tx.execute(
                "INSERT INTO baseline_items(baseline_id, initiative_id, target_date, backup_date)
                 VALUES (?1, ?2, ?3, ?4)",
                params![b.id, item.initiative_id, item.target_date, item.backup_date],
            )?;
        }
    }
    for r in &s.reviews {
        let body = r
            .body
            .as_deref()
            .ok_or_else(|| Error::invalid("body", format!("kept update {} holds no body", r.id)))?;
        tx.execute(
            "INSERT INTO reviews(id, kind, period, format, body, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                r.id,
                r.kind.as_str(),
                r.period,
                r.format.as_str(),
                body,
                r.created_at
            ],
        )?;
    }
    super::releases::insert_all(tx, &s.releases)
}
