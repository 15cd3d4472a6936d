//! The board as the app shows it: the review of the work in flight as of the workspace's
//! today.

use crate::error::Result;
use crate::review::board::{board, Board};
use crate::store::Workspace;

impl Workspace {
    /// The board as of the workspace's today, read from only the check-ins it shows.
    pub fn board(&self) -> Result<Board> {
        Ok(board(
            &self.snapshot_of_latest_checkins()?,
            self.clock().today(),
        ))
    }
}
