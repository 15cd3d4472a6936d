//! The workspace schema: embedded migrations and the file's identity.

use rusqlite::{Connection, TransactionBehavior};
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Result};

/// `PRAGMA application_id` of a Cadence workspace ("CDNC").
pub const APPLICATION_ID: i32 = 0x4344_4E43;

/// The schema versions, oldest first. Never edit a released step; append a new one.
const STEPS: &[&str] = &[
    V1,
    V2,
    V3_RELEASES,
    V4_NOTICES,
    V5_PAIN_ADDRESSED,
    V6_KEPT_UPDATES_INDEX,
];

/// Brings the schema of `conn` to the latest version. The version is read inside one
/// IMMEDIATE transaction that also applies every missing step, so processes opening the same
/// file at once migrate it exactly once; `before` runs inside that transaction, with the
/// version found, only when there is something to migrate (the backup beside the file). A
/// newer schema is refused.
pub(crate) fn migrate(conn: &mut Connection, before: impl FnOnce(i64) -> Result<()>) -> Result<()> {
    let latest = latest_version();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > latest {
        let writer: Option<String> = tx
            .query_row("SELECT version FROM written_by WHERE id = 1", [], |r| {
                r.get(0)
            })
            .ok();
        return Err(Error::Conflict(format!(
            "the workspace {}; update Cadence to open it",
            newer_than_known(writer.as_deref(), version)
        )));
    }
    if version == latest {
        return Ok(());
    }
    before(version)?;
    for step in &STEPS[usize::try_from(version).unwrap_or_default()..] {
        tx.execute_batch(step)?;
    }
    tx.pragma_update(None, "user_version", latest)?;
    record_writer(&tx)?;
    tx.commit()?;
    Ok(())
}

/// Records this build's version as the one that last wrote the workspace; every write
/// transaction calls it before committing.
pub(crate) fn record_writer(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO written_by(id, version) VALUES (1, ?1)
         ON CONFLICT(id) DO UPDATE SET version = excluded.version",
        [crate::VERSION],
    )?;
    Ok(())
}

/// Why a workspace at schema `version`, newer than this build knows, cannot be opened, naming
/// the Cadence version that wrote it when known: "was written by Cadence 0.3.0 (schema
/// version 3; this Cadence, 0.2.0, knows up to 2)".
pub(crate) fn newer_than_known(writer: Option<&str>, version: i64) -> String {
    let latest = latest_version();
    let ours = crate::VERSION;
    match writer {
        Some(writer) => format!(
            "was written by Cadence {writer}, a newer version (schema version {version}; this \
             Cadence, {ours}, knows up to {latest})"
        ),
        None => format!(
            "was written by a newer Cadence (schema version {version}; this Cadence, {ours}, \
             knows up to {latest})"
        ),
    }
}

/// The embedded migrations, as `rusqlite_migration` validates them.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(STEPS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    STEPS.len() as i64
}

const V1: &str = r#"
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE people (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    email      TEXT,
    role       TEXT,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE initiatives (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    owner_id    INTEGER NOT NULL REFERENCES people(id),
    track       TEXT NOT NULL CHECK (track IN ('customer', 'release', 'enabler', 'discovery')),
    status      TEXT NOT NULL CHECK (status IN ('proposed', 'active', 'paused', 'done', 'dropped')),
    priority    INTEGER NOT NULL,
    outcome     TEXT,
    measure     TEXT,
    result      TEXT,
    start_date  TEXT,
    target_date TEXT,
    backup_date TEXT,
    risk        TEXT,
    risk_level  TEXT CHECK (risk_level IN ('low', 'medium', 'high')),
    mitigation  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK (backup_date IS NULL OR target_date IS NULL OR backup_date >= target_date)
) STRICT;
CREATE INDEX initiatives_owner ON initiatives(owner_id);

-- Append-only: the triggers below refuse any edit or deletion.
CREATE TABLE changes (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id),
    at            TEXT NOT NULL,
    field         TEXT NOT NULL,
    old_value     TEXT,
    new_value     TEXT,
    reason        TEXT
) STRICT;
CREATE INDEX changes_initiative ON changes(initiative_id, id);
CREATE TRIGGER changes_no_update BEFORE UPDATE ON changes
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes
BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;

CREATE TABLE checkins (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id),
    week          TEXT NOT NULL,
    health        TEXT NOT NULL CHECK (health IN ('on-track', 'at-risk', 'off-track')),
    shipped       TEXT,
    progress      TEXT,
    note          TEXT,
    recorded_at   TEXT NOT NULL,
    replaced_at   TEXT
) STRICT;
CREATE UNIQUE INDEX checkins_current ON checkins(initiative_id, week) WHERE replaced_at IS NULL;
CREATE INDEX checkins_week ON checkins(week);

CREATE TABLE blockers (
    id            INTEGER PRIMARY KEY,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id),
    text          TEXT NOT NULL,
    owner_id      INTEGER NOT NULL REFERENCES people(id),
    since         TEXT NOT NULL,
    resolved_on   TEXT,
    created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE decisions (
    id            INTEGER PRIMARY KEY,
    question      TEXT NOT NULL,
    owner_id      INTEGER NOT NULL REFERENCES people(id),
    needed_by     TEXT NOT NULL,
    initiative_id INTEGER REFERENCES initiatives(id),
    outcome       TEXT,
    closed_on     TEXT,
    created_at    TEXT NOT NULL
) STRICT;

-- A quarter's committed plan; an amendment is a new row pointing at the one it replaces.
CREATE TABLE baselines (
    id           INTEGER PRIMARY KEY,
    quarter      TEXT NOT NULL,
    committed_at TEXT NOT NULL,
    reason       TEXT,
    amends       INTEGER REFERENCES baselines(id)
) STRICT;
CREATE TABLE baseline_items (
    baseline_id   INTEGER NOT NULL REFERENCES baselines(id),
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id),
    target_date   TEXT NOT NULL,
    backup_date   TEXT NOT NULL,
    PRIMARY KEY (baseline_id, initiative_id)
) STRICT;

-- Updates as they were exported, so a past one can be reread exactly as sent.
CREATE TABLE reviews (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('weekly', 'monthly', 'quarterly')),
    period     TEXT NOT NULL,
    format     TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX reviews_period ON reviews(kind, period, id);
"#;

/// The Cadence version that last wrote the workspace (one row, replaced by every write), so a
/// build that cannot open the file names the version that wrote it.
const V2: &str = r#"
CREATE TABLE written_by (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version TEXT NOT NULL
) STRICT;
"#;

/// Releases: the release track's record with its scope, slips, rollback rehearsals,
/// go/no-go calls, rollbacks, incidents and near-misses, and release pain.
const V3_RELEASES: &str = r#"
CREATE TABLE releases (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL UNIQUE COLLATE NOCASE,
    fixes              TEXT NOT NULL,
    target_date        TEXT NOT NULL,
    backup_date        TEXT NOT NULL,
    support_note       TEXT,
    scope_owner_id     INTEGER NOT NULL REFERENCES people(id),
    delivery_owner_id  INTEGER NOT NULL REFERENCES people(id),
    readiness_owner_id INTEGER NOT NULL REFERENCES people(id),
    stop_owner_id      INTEGER REFERENCES people(id),
    rollback_triggers  TEXT,
    stable_version     TEXT,
    frozen_at          TEXT,
    shipped_at         TEXT,
    cancelled_at       TEXT,
    cancel_reason      TEXT,
    created_at         TEXT NOT NULL,
    CHECK (backup_date >= target_date)
) STRICT;

CREATE TABLE release_scope (
    id            INTEGER PRIMARY KEY,
    release_id    INTEGER NOT NULL REFERENCES releases(id),
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id),
    added_at      TEXT NOT NULL,
    late_reason   TEXT,
    risky         INTEGER NOT NULL CHECK (risky IN (0, 1)),
    cut_at        TEXT,
    cut_reason    TEXT
) STRICT;
CREATE INDEX release_scope_release ON release_scope(release_id, id);

CREATE TABLE release_slips (
    id         INTEGER PRIMARY KEY,
    release_id INTEGER NOT NULL REFERENCES releases(id),
    at         TEXT NOT NULL,
    old_target TEXT NOT NULL,
    old_backup TEXT NOT NULL,
    new_target TEXT NOT NULL,
    new_backup TEXT NOT NULL,
    reason     TEXT NOT NULL,
    cause      TEXT NOT NULL
) STRICT;

CREATE TABLE release_rehearsals (
    id          INTEGER PRIMARY KEY,
    release_id  INTEGER NOT NULL REFERENCES releases(id),
    on_date     TEXT NOT NULL,
    minutes     INTEGER NOT NULL,
    by_id       INTEGER REFERENCES people(id),
    note        TEXT,
    recorded_at TEXT NOT NULL
) STRICT;

-- answers: the questions answered, in order, as `question=yes|no` joined by commas.
CREATE TABLE release_decisions (
    id         INTEGER PRIMARY KEY,
    release_id INTEGER NOT NULL REFERENCES releases(id),
    at         TEXT NOT NULL,
    go         INTEGER NOT NULL CHECK (go IN (0, 1)),
    by_id      INTEGER NOT NULL REFERENCES people(id),
    answers    TEXT NOT NULL,
    reason     TEXT
) STRICT;

CREATE TABLE release_events (
    id          INTEGER PRIMARY KEY,
    release_id  INTEGER NOT NULL REFERENCES releases(id),
    kind        TEXT NOT NULL,
    at          TEXT NOT NULL,
    restored_at TEXT,
    note        TEXT NOT NULL,
    hotfix      INTEGER NOT NULL CHECK (hotfix IN (0, 1))
) STRICT;

CREATE TABLE release_pain (
    id          INTEGER PRIMARY KEY,
    release_id  INTEGER NOT NULL REFERENCES releases(id),
    cause       TEXT NOT NULL,
    hours       INTEGER NOT NULL,
    note        TEXT NOT NULL,
    recorded_at TEXT NOT NULL
) STRICT;
"#;

/// Notices shown once per occasion (reminders, the tray notice), so a restart does not
/// repeat them.
const V4_NOTICES: &str = r#"
CREATE TABLE notices (
    kind     TEXT NOT NULL,
    occasion TEXT NOT NULL,
    shown_at TEXT NOT NULL,
    PRIMARY KEY (kind, occasion)
) STRICT;
"#;

/// The release pain a release-fix initiative addresses: one of the pain buckets, only on the
/// release track.
const V5_PAIN_ADDRESSED: &str = r#"
ALTER TABLE initiatives ADD COLUMN addresses TEXT
    CHECK (addresses IS NULL OR (track = 'release' AND addresses IN
        ('build-test', 'checklist', 'late-change', 'environment-data', 'handoff')));
"#;

/// When each update was kept, readable without its body: `created_at` sits after `body` in
/// the row, so reading it from the table walks every body's overflow pages (years of kept
/// updates are hundreds of megabytes). This index holds every column but the body, so the
/// kept updates' metadata is read from it alone (a covering index). It also answers every
/// look-up by kind and period, which the index of migration 1 served.
const V6_KEPT_UPDATES_INDEX: &str = r#"
CREATE INDEX reviews_kept ON reviews(kind, period, format, created_at);
DROP INDEX reviews_period;
"#;

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().expect("valid migrations");
        assert_eq!(super::latest_version(), 6);
    }
}
