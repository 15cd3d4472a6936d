//! The board: the work in flight and coming, by track, each lane in priority order, with the
//! "one release fix at a time" limit checked. A pure function of a snapshot and today.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::IsoWeek;
use crate::model::{Health, Id, Initiative, RiskLevel, Status, Track};
use crate::release::PainBucket;
use crate::review::common::active_release_fixes;
use crate::snapshot::Snapshot;

/// How many release fixes may be active at once.
pub const RELEASE_FIX_LIMIT: u32 = 1;

/// Every lane of the board and the state of the release-fix limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Board {
    pub today: NaiveDate,
    pub week: IsoWeek,
    /// Customer value; release fixes and technical investment; discovery — in that order.
    pub lanes: Vec<Lane>,
    pub release_limit: ReleaseLimit,
    /// Initiatives done or dropped, left off the board.
    pub finished: u32,
}

/// Which side of the plan a lane holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum LaneKind {
    /// Customer value.
    #[serde(rename = "customer")]
    Customer,
    /// Release fixes and technical investment.
    #[serde(rename = "engineering")]
    Engineering,
    /// Time-boxed discovery, kept apart.
    #[serde(rename = "discovery")]
    Discovery,
}

impl LaneKind {
    /// The lane an initiative of `track` goes in.
    pub fn of(track: Track) -> Self {
        match track {
            Track::Customer => LaneKind::Customer,
            Track::Release | Track::Enabler => LaneKind::Engineering,
            Track::Discovery => LaneKind::Discovery,
        }
    }

    /// The heading people read.
    pub fn label(self) -> &'static str {
        match self {
            LaneKind::Customer => "Customer value",
            LaneKind::Engineering => "Release fixes and technical investment",
            LaneKind::Discovery => "Discovery",
        }
    }
}

/// One lane: its cards by priority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Lane {
    pub kind: LaneKind,
    pub label: String,
    pub cards: Vec<Card>,
}

/// An initiative as its card shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Card {
    pub id: Id,
    pub title: String,
    pub owner: String,
    pub track: Track,
    pub status: Status,
    pub priority: i64,
    pub target_date: Option<NaiveDate>,
    pub backup_date: Option<NaiveDate>,
    /// The owner's latest health call, and the week it was made.
    pub health: Option<Health>,
    pub health_week: Option<IsoWeek>,
    pub risk_level: Option<RiskLevel>,
    /// An active release fix while more than the limit are active.
    pub over_limit: bool,
    /// For a release fix: the release pain it addresses, if it names one.
    pub addresses: Option<PainBucket>,
}

/// The "one release fix at a time" limit: which release fixes are active against it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReleaseLimit {
    pub limit: u32,
    /// Active release fixes, by priority.
    pub active: Vec<Id>,
    /// More are active than the limit allows.
    pub broken: bool,
}

/// The board of `snapshot` on `today`: proposed, active and paused initiatives by lane.
pub fn board(snapshot: &Snapshot, today: NaiveDate) -> Board {
    let fixes = active_release_fixes(&snapshot.initiatives);
    let broken = fixes.len() as u32 > RELEASE_FIX_LIMIT;
    let release_limit = ReleaseLimit {
        limit: RELEASE_FIX_LIMIT,
        active: fixes.iter().map(|i| i.id).collect(),
        broken,
    };
    let mut open: Vec<&Initiative> = snapshot
        .initiatives
        .iter()
        .filter(|i| matches!(i.status, Status::Proposed | Status::Active | Status::Paused))
        .collect();
    open.sort_by_key(|i| (i.priority, i.id));
    let latest_checkins = snapshot.latest_checkins();
    let lanes = [
        LaneKind::Customer,
        LaneKind::Engineering,
        LaneKind::Discovery,
    ]
    .into_iter()
    .map(|kind| Lane {
        kind,
        label: kind.label().to_string(),
        cards: open
            .iter()
            .filter(|i| LaneKind::of(i.track) == kind)
            .map(|i| {
                let latest = latest_checkins.get(&i.id);
                Card {
                    id: i.id,
                    title: i.title.clone(),
                    owner: i.owner.clone(),
                    track: i.track,
                    status: i.status,
                    priority: i.priority,
                    target_date: i.target_date,
                    backup_date: i.backup_date,
                    health: latest.map(|c| c.health),
                    health_week: latest.map(|c| c.week),
                    risk_level: i.risk_level,
                    over_limit: broken && release_limit.active.contains(&i.id),
                    addresses: i.addresses,
                }
            })
            .collect(),
    })
    .collect();
    Board {
        today,
        week: IsoWeek::of(today),
        lanes,
        release_limit,
        finished: (snapshot.initiatives.len() - open.len()) as u32,
    }
}
