//! Reviews: pure functions of a workspace snapshot, a period and today
//! (store → snapshot → **review** → narrative → render). The weekly, monthly and quarterly
//! reviews import nothing from each other: what they share lives in [`common`], [`delivery`]
//! and [`releases`].

pub mod board;
pub mod common;
pub mod delivery;
pub mod monthly_review;
pub mod quarterly_review;
pub mod releases;
pub mod weekly_review;
