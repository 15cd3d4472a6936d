//! What the weekly, monthly and quarterly reviews read about releases: pure functions of
//! the snapshot, a period and the day the review is read on.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::calendar::{end_of_day, Quarter};
use crate::model::{Id, Status, Track};
use crate::release::figures::{
    self, change_failure, near_misses, on_time, outcome, pain_ranking, rehearsals, rescue,
    time_to_restore, ChangeFailure, OnTime, Outcome, PainTotal, Period, RehearsalTrend, Rescue,
    Restore,
};
use crate::release::sheet::{readiness, Readiness};
use crate::release::{EventKind, PainBucket, Release};
use crate::review::common::active_release_fixes;
use crate::snapshot::Snapshot;

/// Days ahead within which an open release is listed with its readiness.
pub const DUE_DAYS: i64 = 14;

/// A release as the reviews name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReleaseRef {
    pub id: Id,
    pub name: String,
}

impl ReleaseRef {
    fn of(r: &Release) -> Self {
        ReleaseRef {
            id: r.id,
            name: r.name.clone(),
        }
    }
}

/// An open release due soon, with its readiness.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DueRelease {
    pub release: ReleaseRef,
    pub target_date: NaiveDate,
    pub backup_date: NaiveDate,
    pub readiness: Readiness,
    /// Its three owners, as "scope · delivery · readiness".
    pub owners: [String; 3],
}

/// A release shipped in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ShippedRelease {
    pub release: ReleaseRef,
    pub shipped_at: NaiveDateTime,
    pub first_target: NaiveDate,
    pub first_backup: NaiveDate,
    pub outcome: Outcome,
}

/// A release whose dates moved in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SlippedRelease {
    pub release: ReleaseRef,
    pub old_target: NaiveDate,
    pub new_target: NaiveDate,
    pub new_backup: NaiveDate,
    pub reason: String,
    pub cause: PainBucket,
}

/// A rollback or an incident that started in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Failure {
    pub release: ReleaseRef,
    pub kind: EventKind,
    pub at: NaiveDateTime,
    pub minutes_to_restore: Option<i64>,
    pub note: String,
    pub hotfix: bool,
}

/// An addition after the freeze, still in scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LateAddition {
    pub release: ReleaseRef,
    pub initiative_id: Id,
    pub title: String,
    pub reason: String,
}

/// Rescue mode with the releases it names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RescueState {
    #[serde(flatten)]
    pub rescue: Rescue,
    /// The missed releases in a row, oldest first.
    pub missed: Vec<ReleaseRef>,
    /// The release that ended the last rescue.
    pub ended_by: Option<ReleaseRef>,
}

/// The two-track checks of the articles, as signals.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TwoTrack {
    /// Release pain is known (the biggest bucket and its hours) but no release fix is active.
    pub pain_without_fix: Option<PainTotal>,
    /// Customer-track initiatives are active, and none shipped this week.
    pub customer_shipped_nothing: bool,
}

/// The weekly review's Releases section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WeeklyReleases {
    /// The workspace records releases (without any, the section and its signals are left out).
    pub tracked: bool,
    /// Open releases whose target is within [`DUE_DAYS`] days (or past), by target.
    pub due: Vec<DueRelease>,
    pub shipped: Vec<ShippedRelease>,
    pub slipped: Vec<SlippedRelease>,
    pub failures: Vec<Failure>,
    pub near_misses: i32,
    pub late_additions: Vec<LateAddition>,
    pub rescue: RescueState,
    pub two_track: TwoTrack,
}

/// The releases of `snap` as known at the end of `day`.
fn known(snap: &Snapshot, day: NaiveDate) -> Vec<Release> {
    let at = end_of_day(day);
    snap.releases.iter().filter_map(|r| r.as_of(at)).collect()
}

fn rescue_state(list: &[Release], day: NaiveDate) -> RescueState {
    let rescue = rescue(list, day);
    let name = |id: Id| list.iter().find(|r| r.id == id).map(ReleaseRef::of);
    RescueState {
        missed: rescue
            .missed_in_a_row
            .iter()
            .filter_map(|id| name(*id))
            .collect(),
        ended_by: rescue.ended.as_ref().and_then(|e| name(e.release_id)),
        rescue,
    }
}

fn shipped(list: &[Release], period: Period) -> Vec<ShippedRelease> {
    figures::shipped_in(list, period)
        .map(|r| {
            let (first_target, first_backup) = r.first_dates();
            ShippedRelease {
                release: ReleaseRef::of(r),
                shipped_at: r.shipped_at.expect("shipped"),
                first_target,
                first_backup,
                outcome: outcome(r, period.to),
            }
        })
        .collect()
}

fn failures(list: &[Release], period: Period) -> Vec<Failure> {
    let mut out: Vec<Failure> = list
        .iter()
        .flat_map(|r| r.events.iter().map(move |e| (r, e)))
        .filter(|(_, e)| e.kind != EventKind::NearMiss && period.contains(e.at.date()))
        .map(|(r, e)| Failure {
            release: ReleaseRef::of(r),
            kind: e.kind,
            at: e.at,
            minutes_to_restore: e.minutes_to_restore(),
            note: e.note.clone(),
            hotfix: e.hotfix,
        })
        .collect();
    out.sort_by_key(|f| f.at);
    out
}

/// The Releases section of the week from `monday` to `sunday`, read on `today`.
pub fn weekly(
    snap: &Snapshot,
    monday: NaiveDate,
    sunday: NaiveDate,
    today: NaiveDate,
) -> WeeklyReleases {
    let day = today.min(sunday);
    let list = known(snap, day);
    let week = Period {
        from: monday,
        to: sunday,
    };
    let mut due: Vec<DueRelease> = list
        .iter()
        .filter(|r| r.is_open() && r.target_date <= day + Duration::days(DUE_DAYS))
        .map(|r| DueRelease {
            release: ReleaseRef::of(r),
            target_date: r.target_date,
            backup_date: r.backup_date,
            readiness: readiness(r, day),
            owners: [
                r.scope_owner.clone(),
                r.delivery_owner.clone(),
                r.readiness_owner.clone(),
            ],
        })
        .collect();
    due.sort_by_key(|d| (d.target_date, d.release.id));
    let mut slipped: Vec<(NaiveDateTime, SlippedRelease)> = list
        .iter()
        .flat_map(|r| r.slips.iter().map(move |s| (r, s)))
        .filter(|(_, s)| week.contains(s.at.date()))
        .map(|(r, s)| {
            (
                s.at,
                SlippedRelease {
                    release: ReleaseRef::of(r),
                    old_target: s.old_target,
                    new_target: s.new_target,
                    new_backup: s.new_backup,
                    reason: s.reason.clone(),
                    cause: s.cause,
                },
            )
        })
        .collect();
    slipped.sort_by_key(|(at, _)| *at);
    let late_additions = list
        .iter()
        .filter(|r| r.is_open())
        .flat_map(|r| r.late_additions().map(move |s| (r, s)))
        .map(|(r, s)| LateAddition {
            release: ReleaseRef::of(r),
            initiative_id: s.initiative_id,
            title: snap
                .initiative(s.initiative_id)
                .map_or_else(String::new, |i| i.title.clone()),
            reason: s.late_reason.clone().unwrap_or_default(),
        })
        .collect();
    WeeklyReleases {
        tracked: !list.is_empty(),
        due,
        shipped: shipped(&list, week),
        slipped: slipped.into_iter().map(|(_, s)| s).collect(),
        failures: failures(&list, week),
        near_misses: near_misses(&list, week),
        late_additions,
        rescue: rescue_state(&list, day),
        two_track: two_track(snap, &list, week, day),
    }
}

fn two_track(snap: &Snapshot, list: &[Release], week: Period, day: NaiveDate) -> TwoTrack {
    if list.is_empty() {
        return TwoTrack::default();
    }
    let active = |track: Track| {
        snap.initiatives
            .iter()
            .filter(move |i| i.track == track && i.status == Status::Active)
    };
    let (ranked, _) = pain_ranking(list, day);
    let pain_without_fix = ranked
        .into_iter()
        .next()
        .filter(|_| active(Track::Release).next().is_none());
    let customer: Vec<Id> = snap
        .initiatives
        .iter()
        .filter(|i| i.track == Track::Customer)
        .map(|i| i.id)
        .collect();
    let shipped_customer = snap.checkins.iter().any(|c| {
        c.replaced_at.is_none()
            && customer.contains(&c.initiative_id)
            && week.contains(c.week.monday())
            && c.shipped.as_deref().is_some_and(|s| !s.trim().is_empty())
    });
    TwoTrack {
        pain_without_fix,
        customer_shipped_nothing: active(Track::Customer).next().is_some() && !shipped_customer,
    }
}

/// A release of the month with how it ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonthRelease {
    pub release: ReleaseRef,
    pub first_target: NaiveDate,
    pub first_backup: NaiveDate,
    pub shipped_at: Option<NaiveDateTime>,
    pub outcome: Outcome,
}

/// The monthly review's releases: those due, shipped or cancelled in the month, and the
/// pain ranking over the last five releases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MonthlyReleases {
    pub tracked: bool,
    pub releases: Vec<MonthRelease>,
    pub pain: Vec<PainTotal>,
    /// The releases the ranking counts, oldest first.
    pub pain_releases: Vec<ReleaseRef>,
    /// The active release-fix initiatives by priority, each with the pain it addresses.
    pub active_fixes: Vec<ActiveFix>,
}

/// An active release-fix initiative and the release pain it addresses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActiveFix {
    pub id: Id,
    pub title: String,
    /// The pain bucket it says it addresses, if it names one.
    pub addresses: Option<PainBucket>,
    /// It addresses the top bucket of the pain ranking.
    pub addresses_top: bool,
}

/// The releases of the month from `first` to `last`, read on `today`.
pub fn monthly(
    snap: &Snapshot,
    first: NaiveDate,
    last: NaiveDate,
    today: NaiveDate,
) -> MonthlyReleases {
    let day = today.min(last);
    let list = known(snap, day);
    let month = Period {
        from: first,
        to: last,
    };
    let mut releases: Vec<MonthRelease> = list
        .iter()
        .filter(|r| {
            month.contains(r.first_dates().0)
                || r.shipped_at.is_some_and(|t| month.contains(t.date()))
                || r.cancelled_at.is_some_and(|t| month.contains(t.date()))
        })
        .map(|r| {
            let (first_target, first_backup) = r.first_dates();
            MonthRelease {
                release: ReleaseRef::of(r),
                first_target,
                first_backup,
                shipped_at: r.shipped_at,
                outcome: outcome(r, day),
            }
        })
        .collect();
    releases.sort_by_key(|m| (m.first_target, m.release.id));
    let (pain, counted) = pain_ranking(&list, day);
    let top = pain.first().map(|p| p.cause);
    let active_fixes = active_release_fixes(&snap.initiatives)
        .into_iter()
        .map(|i| ActiveFix {
            id: i.id,
            title: i.title.clone(),
            addresses: i.addresses,
            addresses_top: i.addresses.is_some() && i.addresses == top,
        })
        .collect();
    MonthlyReleases {
        tracked: !list.is_empty(),
        releases,
        pain,
        pain_releases: counted
            .iter()
            .filter_map(|id| list.iter().find(|r| r.id == *id).map(ReleaseRef::of))
            .collect(),
        active_fixes,
    }
}

/// One quarter's release figures, with their counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct QuarterReleases {
    /// `YYYY-Qn`.
    pub quarter: String,
    pub on_time: OnTime,
    pub change_failure: ChangeFailure,
    pub restore: Restore,
    pub rehearsals: RehearsalTrend,
    pub near_misses: i32,
    /// Releases missed (cancelled, late, or past their backup date) whose outcome became
    /// known in the quarter.
    pub missed: i32,
}

/// The quarterly review's Release confidence section: this quarter and up to four earlier
/// quarters that had releases, oldest first, and the dependence signals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReleaseConfidence {
    pub tracked: bool,
    pub this_quarter: QuarterReleases,
    pub earlier: Vec<QuarterReleases>,
    /// The same person was readiness owner of every release shipped in the quarter.
    pub one_readiness_owner: Option<String>,
    /// Every release shipped in the quarter went out on this weekday.
    pub one_weekday: Option<String>,
    pub rescue: RescueState,
}

fn quarter_figures(list: &[Release], q: Quarter, day: NaiveDate) -> QuarterReleases {
    let period = Period {
        from: q.first_day(),
        to: q.last_day().min(day),
    };
    let missed = list
        .iter()
        .filter(|r| {
            figures::settled_on(r, day).is_some_and(|d| period.contains(d))
                && outcome(r, day).is_missed()
        })
        .count();
    QuarterReleases {
        quarter: q.to_string(),
        on_time: on_time(list, period),
        change_failure: change_failure(list, period),
        restore: time_to_restore(list, period),
        rehearsals: rehearsals(list, period),
        near_misses: near_misses(list, period),
        missed: i32::try_from(missed).unwrap_or(i32::MAX),
    }
}

/// The Release confidence of `quarter`, read on `today`.
pub fn confidence(snap: &Snapshot, quarter: Quarter, today: NaiveDate) -> ReleaseConfidence {
    let day = today.min(quarter.last_day());
    let list = known(snap, day);
    let mut earlier = Vec::new();
    let mut q = quarter.previous();
    for _ in 0..4 {
        let f = quarter_figures(&list, q, day);
        let any = f.on_time.shipped > 0
            || f.missed > 0
            || !f.restore.minutes.is_empty()
            || !f.rehearsals.minutes.is_empty();
        if any {
            earlier.push(f);
        }
        q = q.previous();
    }
    earlier.reverse();
    let period = Period {
        from: quarter.first_day(),
        to: day,
    };
    ReleaseConfidence {
        tracked: !list.is_empty(),
        this_quarter: quarter_figures(&list, quarter, day),
        earlier,
        one_readiness_owner: figures::one_readiness_owner(&list, period),
        one_weekday: figures::one_ship_weekday(&list, period).map(|d| weekday_name(d).into()),
        rescue: rescue_state(&list, day),
    }
}

fn weekday_name(d: chrono::Weekday) -> &'static str {
    use chrono::Weekday as W;
    match d {
        W::Mon => "Monday",
        W::Tue => "Tuesday",
        W::Wed => "Wednesday",
        W::Thu => "Thursday",
        W::Fri => "Friday",
        W::Sat => "Saturday",
        W::Sun => "Sunday",
    }
}
