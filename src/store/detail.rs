//! One initiative with everything around it: what its page and `show` display.

use serde::{Deserialize, Serialize};

use super::rows;
use super::Workspace;
use crate::error::Result;
use crate::history::{self, Slips};
use crate::model::{Blocker, Change, CheckIn, Decision, Id, Initiative};

/// An initiative, its history, its date slips, its check-ins, blockers and decisions.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct InitiativeDetail {
    pub initiative: Initiative,
    /// Target and backup dates against the first committed ones.
    pub slips: Slips,
    /// Every change, oldest first.
    pub history: Vec<Change>,
    /// Check-ins, newest week first, replaced ones included.
    pub checkins: Vec<CheckIn>,
    /// Blockers, oldest first.
    pub blockers: Vec<Blocker>,
    /// Decisions linked to it, by needed-by date.
    pub decisions: Vec<Decision>,
}

impl Workspace {
    /// Initiative `id` with its history, slips, check-ins, blockers and decisions.
    pub fn initiative_detail(&self, id: Id) -> Result<InitiativeDetail> {
        let initiative = self.initiative(id)?;
        let history = self.history(id)?;
        let blockers = rows::all(
            &self.conn,
            &format!(
                "{} WHERE b.initiative_id = ?1 ORDER BY b.since, b.id",
                rows::BLOCKER_SELECT
            ),
            [id],
            rows::blocker,
        )?;
        let decisions = rows::all(
            &self.conn,
            &format!(
                "{} WHERE d.initiative_id = ?1 ORDER BY d.needed_by, d.id",
                rows::DECISION_SELECT
            ),
            [id],
            rows::decision,
        )?;
        Ok(InitiativeDetail {
            slips: history::slips(&history),
            checkins: self.checkins(id)?,
            initiative,
            history,
            blockers,
            decisions,
        })
    }
}
