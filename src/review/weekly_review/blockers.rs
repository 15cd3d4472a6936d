//! Open blockers with their age: old ones are escalated, repeated ones are called recurring.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::days_between;
use crate::model::{Blocker, Id, IdMap};
use crate::snapshot::{ByInitiative, Snapshot};

/// A blocker open longer than this many days is flagged for escalation.
pub const ESCALATE_AFTER_DAYS: i64 = 2;

/// A blocker whose text repeats one seen on the same initiative within this many days
/// before it is recurring.
pub const RECURRING_WITHIN_DAYS: i64 = 30;

/// An open blocker, its owner and its age.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BlockerItem {
    pub id: Id,
    pub initiative_id: Id,
    /// The blocked initiative's title.
    pub initiative: String,
    pub text: String,
    /// The one person who removes it.
    pub owner: String,
    pub since: NaiveDate,
    /// Days open by the review's day.
    pub age_days: i64,
    /// Open longer than [`ESCALATE_AFTER_DAYS`] days.
    pub escalate: bool,
    /// When the same text was last seen on the same initiative within
    /// [`RECURRING_WITHIN_DAYS`] days before this one.
    pub recurring_since: Option<NaiveDate>,
}

/// A blocker removed during the reviewed week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClearedBlocker {
    pub id: Id,
    pub initiative_id: Id,
    /// The blocked initiative's title.
    pub initiative: String,
    pub text: String,
    /// The one person who removed it.
    pub owner: String,
    pub since: NaiveDate,
    pub resolved_on: NaiveDate,
}

/// The blockers resolved from `monday` to `as_of`, in the order they were resolved.
pub(super) fn cleared(
    snap: &Snapshot,
    by_initiative: &ByInitiative,
    monday: NaiveDate,
    as_of: NaiveDate,
) -> Vec<ClearedBlocker> {
    let mut out: Vec<ClearedBlocker> = snap
        .blockers
        .iter()
        .filter_map(|b| {
            let on = b.resolved_on.filter(|r| *r >= monday && *r <= as_of)?;
            Some(ClearedBlocker {
                id: b.id,
                initiative_id: b.initiative_id,
                initiative: by_initiative
                    .initiative(b.initiative_id)
                    .map(|i| i.title.clone())
                    .unwrap_or_default(),
                text: b.text.clone(),
                owner: b.owner.clone(),
                since: b.since,
                resolved_on: on,
            })
        })
        .collect();
    out.sort_by_key(|b| (b.resolved_on, b.id));
    out
}

/// The blockers open at the end of `as_of`, oldest first.
pub(super) fn open(
    snap: &Snapshot,
    by_initiative: &ByInitiative,
    as_of: NaiveDate,
) -> Vec<BlockerItem> {
    let mut seen: IdMap<Vec<&Blocker>> = IdMap::default();
    for b in &snap.blockers {
        seen.entry(b.initiative_id).or_default().push(b);
    }
    let mut out: Vec<BlockerItem> = snap
        .blockers
        .iter()
        .filter(|b| b.resolved_on.is_none() && b.since <= as_of)
        .map(|b| {
            let age_days = days_between(b.since, as_of);
            BlockerItem {
                id: b.id,
                initiative_id: b.initiative_id,
                initiative: by_initiative
                    .initiative(b.initiative_id)
                    .map(|i| i.title.clone())
                    .unwrap_or_default(),
                text: b.text.clone(),
                owner: b.owner.clone(),
                since: b.since,
                age_days,
                escalate: age_days > ESCALATE_AFTER_DAYS,
                recurring_since: recurring(
                    seen.get(&b.initiative_id).map_or(&[], Vec::as_slice),
                    b,
                ),
            }
        })
        .collect();
    out.sort_by_key(|b| (b.since, b.id));
    out
}

/// The latest earlier blocker among `seen` (the same initiative's) with the text of `b`,
/// raised within [`RECURRING_WITHIN_DAYS`] days before it.
fn recurring(seen: &[&Blocker], b: &Blocker) -> Option<NaiveDate> {
    // A blocker dated at the very start of the calendar has no days before it to look in.
    let window = b
        .since
        .checked_sub_signed(Duration::days(RECURRING_WITHIN_DAYS))
        .unwrap_or(NaiveDate::MIN);
    let mut earlier = seen
        .iter()
        .filter(|o| o.since >= window && (o.since, o.id) < (b.since, b.id))
        .peekable();
    earlier.peek()?;
    let text = normalise(&b.text);
    earlier
        .filter(|o| normalise(&o.text) == text)
        .map(|o| o.since)
        .max()
}

/// Text compared for repetition: letters and digits only, lower-cased, words single-spaced.
pub(crate) fn normalise(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}
