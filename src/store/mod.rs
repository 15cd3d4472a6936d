//! The SQLite workspace: one file, one connection, one transaction per command.

mod activity;
pub mod backup;
mod baselines;
mod detail;
mod initiatives;
mod notices;
mod open;
mod people;
mod releases;
mod reviews;
mod rows;
pub mod sample;
pub mod schema;
mod scope;
mod transfer;
pub mod watch;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use detail::InitiativeDetail;
pub use initiatives::InitiativeFilter;
use open::Access;
pub use open::{default_path, init_connection, resolve_path};
pub use people::{OwnedInitiative, PersonSummary};
pub use releases::{NewDecision, NewEvent, NewRelease};

use crate::calendar::{Clock, IsoWeek};
use crate::error::{storage_problem, Error, Result};
use crate::model::Id;
use crate::snapshot::Snapshot;

/// An open workspace file and the clock its commands read.
pub struct Workspace {
    conn: Connection,
    path: PathBuf,
    clock: Clock,
    access: Access,
}

impl Workspace {
    /// Opens the existing workspace at `path`; creates nothing. A missing or empty file, a
    /// directory or a foreign file is refused with a message naming the path and how to
    /// create a workspace. A file that cannot be written (read-only file, folder or file
    /// system, full disk) opens for reading: reads work, and a write is refused with the
    /// reason. An older schema is migrated after a backup beside the file.
    pub fn open(path: &Path, clock: Clock) -> Result<Self> {
        let (conn, access) = open::open_connection(path)?;
        Ok(Workspace {
            conn,
            path: path.to_path_buf(),
            clock,
            access,
        })
    }

    /// Opens the workspace at `path`, first creating it when the file is missing or empty.
    /// Creation is atomic (other processes see no file or a whole workspace, so any number
    /// may create the same file at once) and makes parent folders only for the default
    /// location. Only commands meant to create a workspace call this (`init`, `demo`,
    /// `import`, the app's first run); everything else uses [`Workspace::open`].
    pub fn open_or_create(path: &Path, clock: Clock) -> Result<Self> {
        let (conn, access) = open::create_connection(path)?;
        Ok(Workspace {
            conn,
            path: path.to_path_buf(),
            clock,
            access,
        })
    }

    /// A workspace that lives in memory only (for building the sample before it is copied in).
    pub(crate) fn in_memory(clock: Clock) -> Result<Self> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrate(&mut conn, |_| Ok(()))?;
        Ok(Workspace {
            conn,
            path: PathBuf::from(":memory:"),
            clock,
            access: Access::ReadWrite,
        })
    }

    /// Replaces the clock commands read "today" from.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The file this workspace lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the workspace is open for reading only (a read-only file, folder or file system,
    /// a full disk), or `None` when it can be written.
    pub fn read_only(&self) -> Option<&str> {
        match &self.access {
            Access::ReadWrite => None,
            Access::ReadOnly(why) => Some(why),
        }
    }

    /// The clock commands read "today" from.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// Whether the workspace holds no people and no initiatives.
    pub fn is_empty(&self) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM initiatives)",
            [],
            |r| r.get(0),
        )?;
        Ok(n == 0)
    }

    /// Reads every record into memory, as of now: what a review reads. The kept updates come
    /// without their bodies, which only export and check read ([`Workspace::whole_snapshot`]),
    /// so years of kept updates cost a review nothing.
    pub fn snapshot(&self) -> Result<Snapshot> {
        rows::load_snapshot(&self.conn, rows::Checkins::All, rows::Bodies::Leave)
    }

    /// [`Workspace::snapshot`] with the check-ins' health calls but not their texts (what
    /// shipped, progress, note): what the monthly and quarterly reviews read.
    pub fn snapshot_of_calls(&self) -> Result<Snapshot> {
        rows::load_snapshot(&self.conn, rows::Checkins::Calls, rows::Bodies::Leave)
    }

    /// [`Workspace::snapshot`] with only the check-ins of the weeks from `from` to `to`.
    pub fn snapshot_of_weeks(&self, from: IsoWeek, to: IsoWeek) -> Result<Snapshot> {
        rows::load_snapshot(
            &self.conn,
            rows::Checkins::Weeks(from, to),
            rows::Bodies::Leave,
        )
    }

    /// [`Workspace::snapshot`] with only each initiative's latest check-in in force: what the
    /// board shows.
    pub(crate) fn snapshot_of_latest_checkins(&self) -> Result<Snapshot> {
        rows::load_snapshot(&self.conn, rows::Checkins::Latest, rows::Bodies::Leave)
    }

    /// Every record with the kept updates' bodies: what export writes and check reads.
    pub(crate) fn whole_snapshot(&self) -> Result<Snapshot> {
        rows::load_snapshot(&self.conn, rows::Checkins::All, rows::Bodies::Read)
    }

    /// Writes a consistent copy of the workspace to `out`, even while another process writes
    /// (see [`backup::write`] for the files it refuses).
    pub fn backup(&self, out: &Path, force: bool) -> Result<()> {
        backup::write(self, out, force)
    }

    /// Checks the file's integrity, its foreign keys and every record against the rules a
    /// workspace follows ([`crate::consistency::problems`], what import applies); returns
    /// what is wrong, one line per broken record (empty when sound).
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = backup::problems(&self.conn)?;
        match self.whole_snapshot() {
            Ok(snap) => problems.extend(
                crate::consistency::problems(&snap)
                    .iter()
                    .map(ToString::to_string),
            ),
            Err(e) => problems.push(format!("the records cannot be read: {e}")),
        }
        Ok(problems)
    }

    /// A setting's value, when set.
    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Sets a setting's value.
    pub(crate) fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx, _| {
            tx.execute(
                "INSERT INTO settings(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            Ok(())
        })
    }

    /// Runs `f` in one transaction: everything it writes lands, or nothing does. A failure
    /// of the disk or of permissions is reported with the file's path and what to do.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>, Clock) -> Result<T>,
    ) -> Result<T> {
        self.write_if(|tx, clock| f(tx, clock).map(|v| (v, true)))
    }

    /// [`Workspace::write`] for work that decides itself whether to keep what it wrote: `f`
    /// returns its value and whether to commit; otherwise the transaction is rolled back.
    fn write_if<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>, Clock) -> Result<(T, bool)>,
    ) -> Result<T> {
        let clock = self.clock;
        let written = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let (value, keep) = f(&tx, clock)?;
            if keep {
                schema::record_writer(&tx)?;
                tx.commit()?;
            }
            Ok(value)
        })();
        written.map_err(|e| match (storage_problem(&e), &self.access) {
            (None, _) => e,
            (Some(_), Access::ReadOnly(why)) => Error::Workspace {
                path: self.path.clone(),
                reason: format!("cannot be changed: {why}. Nothing was written; reading works"),
            },
            (Some(problem), Access::ReadWrite) => Error::Workspace {
                path: self.path.clone(),
                reason: format!("cannot be changed: {problem}. Nothing was written"),
            },
        })
    }
}

/// The time a new entry in initiative `id`'s history (a logged change or its commitment to
/// a plan) is dated: now, or just after its last entry when the clock's time of day is
/// earlier on the same date (at the same second as a logged change, a second after a
/// commitment, so a plan never holds a change made after it). A clock whose date is before
/// the initiative's last entry is refused: its history would be written out of order.
fn log_time(tx: &rusqlite::Connection, clock: Clock, id: Id) -> Result<chrono::NaiveDateTime> {
    let (change, commitment): (Option<chrono::NaiveDateTime>, Option<chrono::NaiveDateTime>) = tx
        .query_row(
        "SELECT (SELECT max(at) FROM changes WHERE initiative_id = ?1),
                    (SELECT max(b.committed_at) FROM baselines b
                     JOIN baseline_items x ON x.baseline_id = b.id WHERE x.initiative_id = ?1)",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let last = change.max(commitment);
    if let Some(last) = last.filter(|last| clock.today() < last.date()) {
        return Err(Error::invalid(
            "today",
            format!(
                "initiative {id}'s history was last written on {} (a change or a plan \
                 commitment); a change cannot be dated before it (today is {})",
                last.date(),
                clock.today()
            ),
        ));
    }
    let after_commitment = commitment.map(|c| c + chrono::Duration::seconds(1));
    Ok(clock
        .now()
        .max(change.unwrap_or_default())
        .max(after_commitment.unwrap_or_default()))
}

/// Refuses a write when the record `what` with `id` is missing.
fn require(found: bool, what: &'static str, id: i64) -> Result<()> {
    if found {
        Ok(())
    } else {
        Err(Error::NotFound { what, id })
    }
}
