//! Notices the app shows once per occasion (reminders, "Cadence stays in the tray"),
//! remembered in the workspace so that a restart does not repeat them.

use rusqlite::params;

use super::{rows, Workspace};
use crate::error::Result;

impl Workspace {
    /// Every notice shown already, as (kind, occasion).
    pub(crate) fn notices_shown(&self) -> Result<Vec<(String, String)>> {
        rows::all(
            &self.conn,
            "SELECT kind, occasion FROM notices ORDER BY shown_at, kind, occasion",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// Whether the notice `kind` was shown for `occasion`.
    pub(crate) fn notice_shown(&self, kind: &str, occasion: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM notices WHERE kind = ?1 AND occasion = ?2)",
            [kind, occasion],
            |r| r.get(0),
        )?)
    }

    /// Records that the notice `kind` was shown for `occasion`, stamped now; false when it
    /// had been already (the first record stays).
    pub(crate) fn record_notice(&mut self, kind: &str, occasion: &str) -> Result<bool> {
        self.write(|tx, clock| {
            let added = tx.execute(
                "INSERT INTO notices(kind, occasion, shown_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(kind, occasion) DO NOTHING",
                params![kind, occasion, clock.now()],
            )?;
            Ok(added == 1)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::calendar::{parse_date, Clock};
    use crate::store::Workspace;

    #[test]
    fn a_notice_is_recorded_once_and_read_back_after_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        let clock = Clock::pinned(parse_date("today", "2026-03-04").unwrap());
        let mut ws = Workspace::open_or_create(&path, clock).unwrap();
        assert!(!ws.notice_shown("tray", "window closed").unwrap());
        assert!(ws.record_notice("tray", "window closed").unwrap());
        assert!(!ws.record_notice("tray", "window closed").unwrap());
        drop(ws);
        let ws = Workspace::open(&path, clock).unwrap();
        assert!(ws.notice_shown("tray", "window closed").unwrap());
        assert_eq!(
            ws.notices_shown().unwrap(),
            [("tray".to_string(), "window closed".to_string())]
        );
    }
}
