//! Reviews: pure functions of a workspace snapshot, a period and today
//! (store → snapshot → **review** → narrative → render).

pub mod delivery;
pub mod monthly;
pub mod quarterly;
pub mod releases;
pub mod weekly;
