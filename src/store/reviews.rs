//! Updates as they were exported, kept with their period so a past one can be reread exactly
//! as it was sent.

use rusqlite::params;

use super::rows;
use super::Workspace;
use crate::error::{Error, Result};
use crate::model::{Format, KeptUpdate, ReviewKind, StoredReview};

impl Workspace {
    /// Keeps the update of a `kind` review for `period` as exported in `format`, stamped now.
    pub fn keep_review(
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
    pub fn keep_reviews(
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
    /// was exported; an error naming `field` (the period's input) when none was.
    pub fn sent_review(
        &self,
        kind: ReviewKind,
        field: &str,
        period: &str,
        format: Format,
    ) -> Result<StoredReview> {
        let kept = self.kept_reviews(kind, period)?;
        if let Some(r) = kept.iter().rev().find(|r| r.format == format) {
            return Ok(r.clone());
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

    /// The updates kept for a `kind` review of `period`, oldest first.
    pub fn kept_reviews(&self, kind: ReviewKind, period: &str) -> Result<Vec<StoredReview>> {
        rows::all(
            &self.conn,
            "SELECT * FROM reviews WHERE kind = ?1 AND period = ?2 ORDER BY id",
            [kind.as_str(), period],
            rows::review,
        )
    }

    /// Every update kept for a `kind` review, the latest period first, then the latest kept;
    /// without their bodies.
    pub fn kept_of_kind(&self, kind: ReviewKind) -> Result<Vec<KeptUpdate>> {
        rows::all(
            &self.conn,
            &format!(
                "SELECT {} FROM reviews WHERE kind = ?1 ORDER BY period DESC, id DESC",
                rows::KEPT_WITHOUT_BODIES
            ),
            [kind.as_str()],
            rows::kept_update,
        )
    }
}
