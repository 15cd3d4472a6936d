//! Updates as they were exported, kept with their period so a past one can be reread exactly
//! as it was sent.

use rusqlite::{params, Connection};

use super::rows::{self, Bodies};
use super::Workspace;
use crate::error::{Error, Result};
use crate::model::{Format, KeptUpdate, ReviewKind, StoredReview};

impl Workspace {
    /// Keeps the update of a `kind` review for `period` as exported in `format`, stamped now.
    pub(crate) fn keep_review(
        &mut self,
        kind: ReviewKind,
        period: &str,
        format: Format,
        body: &str,
    ) -> Result<StoredReview> {
        let mut kept = self.keep_reviews(kind, period, &[(format, body)])?;
        Ok(kept.remove(0))
    }

    /// Keeps one update in several formats at once (what a copy puts on the clipboard: rich
    /// text with its plain-text alternative), in one transaction: all are kept or none.
    pub(crate) fn keep_reviews(
        &mut self,
        kind: ReviewKind,
        period: &str,
        copies: &[(Format, &str)],
    ) -> Result<Vec<StoredReview>> {
        self.write(|tx, clock| {
            let now = clock.now();
            copies
                .iter()
                .map(|(format, body)| {
                    tx.execute(
                        "INSERT INTO reviews(kind, period, format, body, created_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![kind.as_str(), period, format.as_str(), body, now],
                    )?;
                    Ok(StoredReview {
                        id: tx.last_insert_rowid(),
                        kind,
                        period: period.into(),
                        format: *format,
                        body: (*body).into(),
                        created_at: now,
                    })
                })
                .collect()
        })
    }

    /// The latest update kept for the `kind` review of `period` in `format`, exactly as it
    /// was exported; an error naming `field` (the period's input) when none was. Only that
    /// update's body is read.
    pub(crate) fn sent_review(
        &self,
        kind: ReviewKind,
        field: &str,
        period: &str,
        format: Format,
    ) -> Result<StoredReview> {
        let kept = rows::all(
            &self.conn,
            KEPT_FOR_PERIOD,
            [kind.as_str(), period],
            rows::kept_update,
        )?;
        let latest = kept
            .iter()
            .filter(|r| r.format == format)
            .map(|r| r.id)
            .max();
        if let Some(id) = latest {
            return Ok(self.conn.query_row(
                "SELECT * FROM reviews WHERE id = ?1",
                [id],
                rows::review,
            )?);
        }
        let mut known: Vec<&str> = kept.iter().map(|r| r.format.as_str()).collect();
        known.sort_unstable();
        known.dedup();
        let hint = if known.is_empty() {
            String::new()
        } else {
            format!(" (kept in: {})", known.join(", "))
        };
        Err(Error::invalid(
            field,
            format!("no {kind} update for {period} was kept in {format}{hint}"),
        ))
    }

    /// Every update kept for a `kind` review, the latest period first, then the latest kept;
    /// without their bodies.
    pub(crate) fn kept_of_kind(&self, kind: ReviewKind) -> Result<Vec<KeptUpdate>> {
        rows::all(&self.conn, KEPT_OF_KIND, [kind.as_str()], rows::kept_update)
    }
}

/// Every kept update, in id order, with its body when `bodies` says. Without the bodies the
/// rows come from the covering index of migration 6 alone: the query has no `ORDER BY id`,
/// which SQLite would answer by reading the table (every body's pages), and is sorted here.
pub(super) fn all_kept(conn: &Connection, bodies: Bodies) -> Result<Vec<KeptUpdate>> {
    let sql = match bodies {
        Bodies::Read => "SELECT id, kind, period, format, body, created_at FROM reviews",
        Bodies::Leave => ALL_KEPT,
    };
    let mut kept = rows::all(conn, sql, [], rows::kept_update)?;
    kept.sort_unstable_by_key(|r| r.id);
    Ok(kept)
}

/// Every kept update without its body, in the columns [`rows::kept_update`] maps.
const ALL_KEPT: &str = "SELECT id, kind, period, format, NULL, created_at FROM reviews";

/// The updates kept for a kind of review (?1), without their bodies, the latest period first,
/// then the latest kept.
const KEPT_OF_KIND: &str = "SELECT id, kind, period, format, NULL, created_at FROM reviews \
     WHERE kind = ?1 ORDER BY period DESC, id DESC";

/// The updates kept for a kind of review (?1) and period (?2), without their bodies.
const KEPT_FOR_PERIOD: &str = "SELECT id, kind, period, format, NULL, created_at FROM reviews \
     WHERE kind = ?1 AND period = ?2";

#[cfg(test)]
mod tests {
    use rusqlite::params_from_iter;

    use super::{ALL_KEPT, KEPT_FOR_PERIOD, KEPT_OF_KIND};
    use crate::calendar::{parse_date, Clock};
    use crate::store::Workspace;

    /// Every query of the kept updates' metadata is answered from the covering index alone,
    /// never from the table, whose rows hold the bodies (checked with the SQLite Cadence
    /// links, whose planner decides).
    #[test]
    fn kept_updates_are_read_without_touching_their_bodies() {
        let dir = tempfile::tempdir().unwrap();
        let clock = Clock::pinned(parse_date("today", "2026-03-04").unwrap());
        let ws = Workspace::open_or_create(&dir.path().join("w.db"), clock).unwrap();
        for sql in [ALL_KEPT, KEPT_OF_KIND, KEPT_FOR_PERIOD] {
            let mut stmt = ws
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap();
            let plan: Vec<String> = stmt
                .query_map(
                    params_from_iter(["weekly", "2026-W10"].iter().take(stmt.parameter_count())),
                    |r| r.get(3),
                )
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            let reads: Vec<&String> = plan.iter().filter(|p| p.contains("reviews")).collect();
            assert!(!reads.is_empty(), "{sql}: {plan:?}");
            for read in reads {
                assert!(
                    read.contains("USING COVERING INDEX reviews_kept"),
                    "{sql}: {plan:?}"
                );
            }
        }
    }
}
