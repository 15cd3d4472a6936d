//! The board as the app shows it: the review of the work in flight as of the workspace's
//! today.

use crate::error::Result;
use crate::review::board::{board, Board};
use crate::store::Workspace;

impl Workspace {
    /// The board as of the workspace's today.
    pub fn board(&self) -> Result<Board> {
        Ok(board(&self.snapshot()?, self.clock().today()))
    }
}
