//! The release figures, each a pure function of the releases and a period, each with the
//! counts behind it so a reader can check the arithmetic.
//!
//! - A release is **missed** when it was cancelled, shipped after its first backup date, or
//!   is still open after it. A slip moves the dates in force but never the first ones, so a
//!   slip does not turn a miss green.
//! - **Rescue mode**: three missed releases in a row (in the order they were settled), until a
//!   release ships by its backup date.
//! - **On-time**: shipped releases by their first target / after it but by the first backup /
//!   late.
//! - **Change failure rate** (DORA): shipped releases that needed a rollback or had an
//!   incident after release (hotfixed or not) ÷ shipped releases.
//! - **Time to restore**: the median of (restored − start) over rollbacks and incidents.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::{EventKind, PainBucket, Release};
use crate::model::Id;

/// A period of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// Whether `date` falls in the period.
    pub fn contains(self, date: NaiveDate) -> bool {
        self.from <= date && date <= self.to
    }
}

/// How a release ended, or that it has not yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Not shipped, its first backup date not passed.
    Open,
    /// Shipped on or before its first target date.
    ByTarget,
    /// Shipped after its first target, on or before its first backup date.
    ByBackup,
    /// Shipped after its first backup date (missed).
    Late,
    /// Cancelled (missed).
    Cancelled,
    /// Not shipped and its first backup date has passed (missed).
    Overdue,
}

impl Outcome {
    /// Whether the release counts as missed.
    pub fn is_missed(self) -> bool {
        matches!(self, Outcome::Late | Outcome::Cancelled | Outcome::Overdue)
    }

    /// Whether it shipped by its backup date.
    pub fn on_time(self) -> bool {
        matches!(self, Outcome::ByTarget | Outcome::ByBackup)
    }
}

/// How `r` ended as of `today`.
pub fn outcome(r: &Release, today: NaiveDate) -> Outcome {
    let (target, backup) = r.first_dates();
    if let Some(shipped) = r.shipped_at.map(|t| t.date()) {
        if shipped <= target {
            Outcome::ByTarget
        } else if shipped <= backup {
            Outcome::ByBackup
        } else {
            Outcome::Late
        }
    } else if r.cancelled_at.is_some() {
        Outcome::Cancelled
    } else if today > backup {
        Outcome::Overdue
    } else {
        Outcome::Open
    }
}

/// The day a release's outcome became known: shipped, cancelled, or the day after its first
/// backup date for one still open after it. `None` while open.
pub fn settled_on(r: &Release, today: NaiveDate) -> Option<NaiveDate> {
    match outcome(r, today) {
        Outcome::Open => None,
        Outcome::Cancelled => r.cancelled_at.map(|t| t.date()),
        Outcome::Overdue => r.first_dates().1.succ_opt(),
        _ => r.shipped_at.map(|t| t.date()),
    }
}

/// Rescue mode: whether the workspace is in it, the misses that put it there, and the last
/// rescue that ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Rescue {
    /// Three or more missed releases in a row, none shipped by its backup date since.
    pub active: bool,
    /// The missed releases since the last one shipped by its backup date, oldest first.
    pub missed_in_a_row: Vec<Id>,
    /// The day the third miss in a row became known, while active.
    pub since: Option<NaiveDate>,
    /// The last rescue that ended: the release that shipped by its backup date, the day, and
    /// how many misses in a row it ended.
    pub ended: Option<RescueEnd>,
}

/// The end of a rescue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RescueEnd {
    pub release_id: Id,
    pub on: NaiveDate,
    pub misses: i32,
}

/// Three missed releases in a row, in the order their outcomes became known, put the
/// workspace in rescue mode until a release ships by its backup date.
pub fn rescue(releases: &[Release], today: NaiveDate) -> Rescue {
    let mut settled: Vec<(NaiveDate, Id, Outcome)> = releases
        .iter()
        .filter_map(|r| settled_on(r, today).map(|d| (d, r.id, outcome(r, today))))
        .filter(|(d, ..)| *d <= today)
        .collect();
    settled.sort_by_key(|(d, id, _)| (*d, *id));
    let mut streak: Vec<(NaiveDate, Id)> = Vec::new();
    let mut ended = None;
    for (on, id, o) in settled {
        if o.is_missed() {
            streak.push((on, id));
        } else {
            if streak.len() >= 3 {
                ended = Some(RescueEnd {
                    release_id: id,
                    on,
                    misses: i32::try_from(streak.len()).unwrap_or(i32::MAX),
                });
            }
            streak.clear();
        }
    }
    let active = streak.len() >= 3;
    Rescue {
        active,
        since: active.then(|| streak[2].0),
        missed_in_a_row: streak.into_iter().map(|(_, id)| id).collect(),
        ended,
    }
}

/// Shipped releases of a period by how they met their first dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OnTime {
    pub shipped: i32,
    pub by_target: i32,
    /// After the target, by the backup date.
    pub by_backup: i32,
    pub late: i32,
}

impl OnTime {
    /// Shipped by the backup date (target included), as a share of shipped.
    pub fn rate(&self) -> Option<f64> {
        ratio(self.by_target + self.by_backup, self.shipped)
    }
}

/// Releases shipped in `period`, by target / by backup / late.
pub fn on_time(releases: &[Release], period: Period) -> OnTime {
    let mut n = OnTime::default();
    for r in shipped_in(releases, period) {
        n.shipped += 1;
        match outcome(r, period.to) {
            Outcome::ByTarget => n.by_target += 1,
            Outcome::ByBackup => n.by_backup += 1,
            _ => n.late += 1,
        }
    }
    n
}

/// Releases shipped in a period and those of them that failed in production.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChangeFailure {
    pub shipped: i32,
    /// Shipped releases rolled back or with an incident after release.
    pub failed: i32,
    /// Of those, how many were fixed by a hotfix.
    pub hotfixed: i32,
}

impl ChangeFailure {
    /// failed ÷ shipped.
    pub fn rate(&self) -> Option<f64> {
        ratio(self.failed, self.shipped)
    }
}

/// The change failure rate (DORA) of releases shipped in `period`.
pub fn change_failure(releases: &[Release], period: Period) -> ChangeFailure {
    let mut n = ChangeFailure::default();
    for r in shipped_in(releases, period) {
        n.shipped += 1;
        let failed = r
            .events
            .iter()
            .any(|e| matches!(e.kind, EventKind::Rollback | EventKind::Incident));
        if failed {
            n.failed += 1;
            if r.events.iter().any(|e| e.hotfix) {
                n.hotfixed += 1;
            }
        }
    }
    n
}

/// Minutes to restore of the rollbacks and incidents that started in a period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Restore {
    /// Each restore's minutes, smallest first.
    pub minutes: Vec<i64>,
    /// Their median (the mean of the middle two for an even count).
    pub median: Option<f64>,
}

/// Time to restore over the rollbacks and incidents that started in `period` and were
/// restored.
pub fn time_to_restore(releases: &[Release], period: Period) -> Restore {
    let mut minutes: Vec<i64> = releases
        .iter()
        .flat_map(|r| &r.events)
        .filter(|e| matches!(e.kind, EventKind::Rollback | EventKind::Incident))
        .filter(|e| period.contains(e.at.date()))
        .filter_map(|e| e.minutes_to_restore())
        .collect();
    minutes.sort_unstable();
    let median = median(&minutes);
    Restore { minutes, median }
}

/// The median of sorted `values` (the mean of the middle two for an even count).
pub fn median(values: &[i64]) -> Option<f64> {
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2] as f64),
        _ => Some((values[n / 2 - 1] + values[n / 2]) as f64 / 2.0),
    }
}

/// Near-misses (a release paused, a problem caught at the last moment) recorded in `period`.
pub fn near_misses(releases: &[Release], period: Period) -> i32 {
    let n = releases
        .iter()
        .flat_map(|r| &r.events)
        .filter(|e| e.kind == EventKind::NearMiss && period.contains(e.at.date()))
        .count();
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// The rollback rehearsals up to a day, oldest first, and the latest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RehearsalTrend {
    /// Minutes of each rehearsal in `period`, oldest first.
    pub minutes: Vec<i64>,
    /// The latest rehearsal's day and minutes, up to the period's end.
    pub latest: Option<(NaiveDate, i64)>,
}

/// Rehearsal time: the minutes of the rehearsals in `period` in order, and the latest one
/// run by the period's end (which may be older than the period).
pub fn rehearsals(releases: &[Release], period: Period) -> RehearsalTrend {
    let mut all: Vec<(NaiveDate, Id, i64)> = releases
        .iter()
        .flat_map(|r| &r.rehearsals)
        .filter(|x| x.on <= period.to)
        .map(|x| (x.on, x.id, x.minutes))
        .collect();
    all.sort_unstable();
    RehearsalTrend {
        minutes: all
            .iter()
            .filter(|(on, ..)| *on >= period.from)
            .map(|(.., m)| *m)
            .collect(),
        latest: all.last().map(|(on, _, m)| (*on, *m)),
    }
}

/// Hours lost to one pain bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PainTotal {
    pub cause: PainBucket,
    pub hours: i64,
    /// How many entries.
    pub entries: i32,
    /// How many of the releases counted had at least one.
    pub releases: i32,
}

/// The pain buckets ranked by hours lost over the last five releases (by first target date)
/// that had ended by `today` (shipped, rolled back after shipping, cancelled, or past their
/// backup date: an upcoming release has not yet lost all it will), biggest first; the
/// releases counted are returned beside.
pub fn pain_ranking(releases: &[Release], today: NaiveDate) -> (Vec<PainTotal>, Vec<Id>) {
    let mut recent: Vec<&Release> = releases
        .iter()
        .filter(|r| r.created_at.date() <= today)
        .filter(|r| settled_on(r, today).is_some_and(|d| d <= today))
        .collect();
    recent.sort_by_key(|r| (r.first_dates().0, r.id));
    let last: Vec<&Release> = recent.into_iter().rev().take(5).rev().collect();
    let mut totals: BTreeMap<PainBucket, PainTotal> = BTreeMap::new();
    for r in &last {
        let mut seen = Vec::new();
        for p in r.pain.iter().filter(|p| p.recorded_at.date() <= today) {
            let t = totals.entry(p.cause).or_insert(PainTotal {
                cause: p.cause,
                hours: 0,
                entries: 0,
                releases: 0,
            });
            t.hours += p.hours;
            t.entries += 1;
            if !seen.contains(&p.cause) {
                seen.push(p.cause);
                t.releases += 1;
            }
        }
    }
    let mut ranked: Vec<PainTotal> = totals.into_values().collect();
    ranked.sort_by(|a, b| b.hours.cmp(&a.hours).then(a.cause.cmp(&b.cause)));
    (ranked, last.iter().map(|r| r.id).collect())
}

/// The name of the person who was readiness owner of every release shipped in `period`, when
/// at least two shipped (confidence that depends on one person).
pub fn one_readiness_owner(releases: &[Release], period: Period) -> Option<String> {
    let shipped: Vec<&Release> = shipped_in(releases, period).collect();
    let first = shipped.first()?;
    (shipped.len() >= 2
        && shipped
            .iter()
            .all(|r| r.readiness_owner_id == first.readiness_owner_id))
    .then(|| first.readiness_owner.clone())
}

/// The weekday every release shipped in `period` went out on, when at least three shipped
/// and all on the same one (confidence that depends on a time window).
pub fn one_ship_weekday(releases: &[Release], period: Period) -> Option<Weekday> {
    let days: Vec<Weekday> = shipped_in(releases, period)
        .filter_map(|r| r.shipped_at.map(|t| t.weekday()))
        .collect();
    (days.len() >= 3 && days.iter().all(|d| *d == days[0])).then(|| days[0])
}

/// The releases shipped in `period`, by ship time.
pub fn shipped_in(releases: &[Release], period: Period) -> impl Iterator<Item = &Release> {
    let mut list: Vec<&Release> = releases
        .iter()
        .filter(|r| r.shipped_at.is_some_and(|t| period.contains(t.date())))
        .collect();
    list.sort_by_key(|r| (r.shipped_at, r.id));
    list.into_iter()
}

fn ratio(part: i32, whole: i32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::release::{Pain, Rehearsal, ReleaseEvent, Slip};
    use chrono::NaiveDateTime;

    pub(crate) fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    pub(crate) fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    /// A release created on 2027-01-01 with the given first dates, owned by person 1.
    pub(crate) fn release(id: Id, target: &str, backup: &str) -> Release {
        Release {
            id,
            name: format!("1.{id}"),
            fixes: "Invoices reach customers".into(),
            target_date: d(target),
            backup_date: d(backup),
            support_note: None,
            scope_owner_id: 1,
            scope_owner: "Ana Lima".into(),
            delivery_owner_id: 2,
            delivery_owner: "Ben Okafor".into(),
            readiness_owner_id: 3,
            readiness_owner: "Chen Wei".into(),
            stop_owner_id: None,
            stop_owner: None,
            rollback_triggers: None,
            stable_version: None,
            frozen_at: None,
            shipped_at: None,
            cancelled_at: None,
            cancel_reason: None,
            created_at: t("2027-01-01 09:00"),
            scope: vec![],
            slips: vec![],
            rehearsals: vec![],
            decisions: vec![],
            events: vec![],
            pain: vec![],
        }
    }

    fn shipped(mut r: Release, at: &str) -> Release {
        r.shipped_at = Some(t(at));
        r
    }

    fn slipped(mut r: Release, target: &str, backup: &str) -> Release {
        r.slips.push(Slip {
            id: r.id * 10,
            at: t("2027-01-10 10:00"),
            old_target: r.target_date,
            old_backup: r.backup_date,
            new_target: d(target),
            new_backup: d(backup),
            reason: "Migrations failed in staging".into(),
            cause: PainBucket::EnvironmentData,
        });
        r.target_date = d(target);
        r.backup_date = d(backup);
        r
    }

    fn event(id: Id, kind: EventKind, at: &str, restored: Option<&str>) -> ReleaseEvent {
        ReleaseEvent {
            id,
            kind,
            at: t(at),
            restored_at: restored.map(t),
            note: "Sign-in failed".into(),
            hotfix: false,
        }
    }

    fn q1() -> Period {
        Period {
            from: d("2027-01-01"),
            to: d("2027-03-31"),
        }
    }

    #[test]
    fn outcomes_read_the_first_dates_so_a_slip_stays_a_miss() {
        let by_target = shipped(release(1, "2027-02-01", "2027-02-08"), "2027-02-01 17:00");
        let by_backup = shipped(release(2, "2027-02-01", "2027-02-08"), "2027-02-05 11:00");
        let late = shipped(
            slipped(
                release(3, "2027-02-01", "2027-02-08"),
                "2027-02-20",
                "2027-02-27",
            ),
            "2027-02-19 10:00",
        );
        let mut cancelled = release(4, "2027-02-01", "2027-02-08");
        cancelled.cancelled_at = Some(t("2027-01-20 12:00"));
        let open = release(5, "2027-02-01", "2027-02-08");
        let today = d("2027-02-08");
        assert_eq!(outcome(&by_target, today), Outcome::ByTarget);
        assert_eq!(outcome(&by_backup, today), Outcome::ByBackup);
        assert_eq!(outcome(&late, today), Outcome::Late);
        assert_eq!(outcome(&cancelled, today), Outcome::Cancelled);
        assert_eq!(outcome(&open, today), Outcome::Open);
        assert_eq!(outcome(&open, d("2027-02-09")), Outcome::Overdue);
        assert_eq!(settled_on(&open, d("2027-02-09")), Some(d("2027-02-09")));
        assert_eq!(settled_on(&cancelled, today), Some(d("2027-01-20")));
    }

    #[test]
    fn on_time_counts_by_target_by_backup_and_late() {
        // Shipped in Q1: one on its target day, one two days after target but by backup,
        // one a day after backup; one shipped in Q2 is not counted.
        let list = vec![
            shipped(release(1, "2027-01-15", "2027-01-22"), "2027-01-15 16:00"),
            shipped(release(2, "2027-02-01", "2027-02-08"), "2027-02-03 10:00"),
            shipped(release(3, "2027-03-01", "2027-03-08"), "2027-03-09 10:00"),
            shipped(release(4, "2027-03-20", "2027-03-27"), "2027-04-02 10:00"),
        ];
        let n = on_time(&list, q1());
        assert_eq!(
            n,
            OnTime {
                shipped: 3,
                by_target: 1,
                by_backup: 1,
                late: 1
            }
        );
        assert_eq!(n.rate(), Some(2.0 / 3.0));
        assert_eq!(on_time(&[], q1()).rate(), None);
    }

    #[test]
    fn three_misses_then_one_shipped_by_backup_ends_rescue_mode() {
        let mut c = release(3, "2027-02-15", "2027-02-22");
        c.cancelled_at = Some(t("2027-02-20 10:00"));
        let misses = vec![
            shipped(release(1, "2027-01-10", "2027-01-17"), "2027-01-25 10:00"),
            // Still open past its backup date: missed the day after it, 2027-02-08.
            release(2, "2027-02-01", "2027-02-07"),
            c,
        ];
        let two = rescue(&misses[..2], d("2027-03-01"));
        assert!(!two.active);
        assert_eq!(two.missed_in_a_row, vec![1, 2]);

        let three = rescue(&misses, d("2027-03-01"));
        assert!(three.active);
        assert_eq!(three.missed_in_a_row, vec![1, 2, 3]);
        assert_eq!(three.since, Some(d("2027-02-20")));
        assert_eq!(three.ended, None);

        // Shipped after its target (03-10) but by its backup (03-14): rescue ends.
        let mut all = misses.clone();
        all.push(shipped(
            release(4, "2027-03-10", "2027-03-14"),
            "2027-03-13 15:00",
        ));
        let after = rescue(&all, d("2027-03-20"));
        assert!(!after.active);
        assert!(after.missed_in_a_row.is_empty());
        assert_eq!(
            after.ended,
            Some(RescueEnd {
                release_id: 4,
                on: d("2027-03-13"),
                misses: 3
            })
        );
        // The same history read on the day before the rescue release shipped: still in it.
        assert!(rescue(&all, d("2027-03-12")).active);
    }

    #[test]
    fn change_failure_rate_counts_rollbacks_and_incidents_over_shipped() {
        let mut rolled = shipped(release(1, "2027-01-15", "2027-01-22"), "2027-01-15 16:00");
        rolled.events.push(event(
            1,
            EventKind::Rollback,
            "2027-01-15 17:00",
            Some("2027-01-15 17:40"),
        ));
        let mut hotfixed = shipped(release(2, "2027-02-01", "2027-02-08"), "2027-02-01 10:00");
        let mut inc = event(
            2,
            EventKind::Incident,
            "2027-02-02 09:00",
            Some("2027-02-02 11:00"),
        );
        inc.hotfix = true;
        hotfixed.events.push(inc);
        let mut near = shipped(release(3, "2027-03-01", "2027-03-08"), "2027-03-01 10:00");
        near.events
            .push(event(3, EventKind::NearMiss, "2027-03-01 09:00", None));
        let clean = shipped(release(4, "2027-03-10", "2027-03-17"), "2027-03-10 10:00");
        let list = vec![rolled, hotfixed, near, clean];
        let n = change_failure(&list, q1());
        assert_eq!(
            n,
            ChangeFailure {
                shipped: 4,
                failed: 2,
                hotfixed: 1
            }
        );
        assert_eq!(n.rate(), Some(0.5));
        assert_eq!(near_misses(&list, q1()), 1);
    }

    #[test]
    fn time_to_restore_is_the_median_with_an_even_count_averaging_the_middle_two() {
        let mut a = shipped(release(1, "2027-01-15", "2027-01-22"), "2027-01-15 16:00");
        a.events.push(event(
            1,
            EventKind::Rollback,
            "2027-01-15 17:00",
            Some("2027-01-15 17:40"),
        )); // 40
        a.events.push(event(
            2,
            EventKind::Incident,
            "2027-01-20 09:00",
            Some("2027-01-20 11:30"),
        )); // 150
        let mut b = shipped(release(2, "2027-02-01", "2027-02-08"), "2027-02-01 10:00");
        b.events.push(event(
            3,
            EventKind::Incident,
            "2027-02-01 12:00",
            Some("2027-02-01 12:15"),
        )); // 15
        b.events.push(event(
            4,
            EventKind::Rollback,
            "2027-02-03 08:00",
            Some("2027-02-03 09:00"),
        )); // 60
        b.events.push(event(
            5,
            EventKind::Incident,
            "2027-04-03 08:00",
            Some("2027-04-03 09:00"),
        )); // Q2
        let r = time_to_restore(&[a.clone(), b], q1());
        assert_eq!(r.minutes, vec![15, 40, 60, 150]);
        assert_eq!(r.median, Some(50.0));
        let odd = time_to_restore(&[a], q1());
        assert_eq!(odd.minutes, vec![40, 150]);
        assert_eq!(median(&[15, 40, 150]), Some(40.0));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn rehearsal_trend_lists_the_period_in_order_and_the_latest() {
        let mut a = release(1, "2027-01-15", "2027-01-22");
        let mut b = release(2, "2027-03-15", "2027-03-22");
        let r = |id, on: &str, minutes| Rehearsal {
            id,
            on: d(on),
            minutes,
            by_id: None,
            by: None,
            note: None,
            recorded_at: t("2027-01-01 09:00"),
        };
        a.rehearsals = vec![r(1, "2026-12-20", 55), r(2, "2027-01-10", 40)];
        b.rehearsals = vec![r(4, "2027-03-10", 15), r(3, "2027-02-20", 25)];
        let trend = rehearsals(&[a.clone(), b], q1());
        assert_eq!(trend.minutes, vec![40, 25, 15]);
        assert_eq!(trend.latest, Some((d("2027-03-10"), 15)));
        let none_in_q1 = rehearsals(
            &[a],
            Period {
                from: d("2027-02-01"),
                to: d("2027-03-31"),
            },
        );
        assert!(none_in_q1.minutes.is_empty());
        assert_eq!(none_in_q1.latest, Some((d("2027-01-10"), 40)));
    }

    #[test]
    fn pain_is_ranked_by_hours_over_the_last_five_releases() {
        let pain = |id, cause, hours| Pain {
            id,
            cause,
            hours,
            note: "lost time".into(),
            recorded_at: t("2027-01-05 09:00"),
        };
        let mut list: Vec<Release> = (1..=6)
            .map(|i| release(i, &format!("2027-0{i}-01"), &format!("2027-0{i}-08")))
            .collect();
        // The oldest release is outside the last five: its 100 hours are not counted.
        list[0].pain = vec![pain(1, PainBucket::Handoff, 100)];
        list[1].pain = vec![
            pain(2, PainBucket::BuildTest, 6),
            pain(3, PainBucket::LateChange, 4),
        ];
        list[2].pain = vec![pain(4, PainBucket::BuildTest, 5)];
        list[3].pain = vec![pain(5, PainBucket::LateChange, 8)];
        list[4].pain = vec![
            pain(6, PainBucket::Handoff, 3),
            pain(7, PainBucket::BuildTest, 1),
        ];
        let (ranked, counted) = pain_ranking(&list, d("2027-06-30"));
        assert_eq!(counted, vec![2, 3, 4, 5, 6]);
        let got: Vec<(PainBucket, i64, i32, i32)> = ranked
            .iter()
            .map(|p| (p.cause, p.hours, p.entries, p.releases))
            .collect();
        assert_eq!(
            got,
            vec![
                (PainBucket::BuildTest, 12, 3, 3),
                (PainBucket::LateChange, 12, 2, 2),
                (PainBucket::Handoff, 3, 1, 1),
            ]
        );
    }

    #[test]
    fn only_releases_that_have_ended_count_in_the_pain_ranking() {
        let pain = |id, cause, hours| Pain {
            id,
            cause,
            hours,
            note: "lost time".into(),
            recorded_at: t("2027-01-05 09:00"),
        };
        let mut list: Vec<Release> = (1..=7)
            .map(|i| release(i, &format!("2027-0{i}-01"), &format!("2027-0{i}-08")))
            .collect();
        list[0].pain = vec![pain(1, PainBucket::BuildTest, 4)];
        list[1].pain = vec![pain(2, PainBucket::LateChange, 6)];
        list[5].pain = vec![pain(3, PainBucket::Handoff, 50)];
        list[6].pain = vec![pain(4, PainBucket::Handoff, 20)];
        // On 5 June, 1 to 5 are past their backup dates; 6 (backup 8 June) and 7 are still
        // to ship, so the last five ended are 1 to 5 and the 70 hours of 6 and 7 wait.
        let today = d("2027-06-05");
        let totals = |list: &[Release]| -> (Vec<(PainBucket, i64)>, Vec<Id>) {
            let (ranked, counted) = pain_ranking(list, today);
            (ranked.iter().map(|p| (p.cause, p.hours)).collect(), counted)
        };
        assert_eq!(
            totals(&list),
            (
                vec![(PainBucket::LateChange, 6), (PainBucket::BuildTest, 4)],
                vec![1, 2, 3, 4, 5]
            )
        );
        // Cancelled, 6 has ended: it counts, and 1 falls out of the last five.
        list[5].cancelled_at = Some(t("2027-06-03 10:00"));
        assert_eq!(
            totals(&list),
            (
                vec![(PainBucket::Handoff, 50), (PainBucket::LateChange, 6)],
                vec![2, 3, 4, 5, 6]
            )
        );
        // Shipped (and rolled back, still shipped) counts the same.
        list[5].cancelled_at = None;
        list[5].shipped_at = Some(t("2027-06-02 10:00"));
        assert_eq!(totals(&list).1, vec![2, 3, 4, 5, 6]);
    }

    #[test]
    fn person_and_timing_dependence_need_enough_releases() {
        let a = shipped(release(1, "2027-01-15", "2027-01-22"), "2027-01-15 16:00"); // Friday
        let b = shipped(release(2, "2027-02-01", "2027-02-08"), "2027-02-05 10:00"); // Friday
        assert_eq!(
            one_readiness_owner(&[a.clone(), b.clone()], q1()).as_deref(),
            Some("Chen Wei")
        );
        assert_eq!(one_readiness_owner(std::slice::from_ref(&a), q1()), None);
        assert_eq!(one_ship_weekday(&[a.clone(), b.clone()], q1()), None);
        let c = shipped(release(3, "2027-03-01", "2027-03-08"), "2027-03-05 10:00"); // Friday
        assert_eq!(
            one_ship_weekday(&[a.clone(), b.clone(), c.clone()], q1()),
            Some(Weekday::Fri)
        );
        let mut other = c;
        other.readiness_owner_id = 9;
        other.shipped_at = Some(t("2027-03-02 10:00"));
        assert_eq!(
            one_readiness_owner(&[a.clone(), b.clone(), other.clone()], q1()),
            None
        );
        assert_eq!(one_ship_weekday(&[a, b, other], q1()), None);
    }
}
