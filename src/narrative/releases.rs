//! The release sections of the updates: the weekly Releases section (with rescue mode and
//! the two-track checks), the monthly releases and pain ranking, and the quarterly Release
//! confidence section. Plain words, names and dates, numbers a reader can check.

use chrono::NaiveDate;

use super::{capitalise, clause, count, date, join, user, Section};
use crate::release::figures::{Outcome, PainTotal};
use crate::release::{EventKind, PainBucket};
use crate::review::releases::{
    ActiveFix, MonthlyReleases, QuarterReleases, ReleaseConfidence, ReleaseRef, RescueState,
    WeeklyReleases,
};

/// The article's stop-list for a team in rescue mode.
pub const STOP_LIST: [&str; 5] = [
    "Freeze new feature requests for one release cycle.",
    "One target date and one backup date, nothing else.",
    "Ship the smallest useful release: one customer problem, start to finish.",
    "Three owners named (scope, delivery, readiness) and one person who can stop the release.",
    "Rehearse the rollback and time it before release day.",
];

fn name(r: &ReleaseRef) -> String {
    user(&r.name)
}

fn names(list: &[ReleaseRef]) -> String {
    join(&list.iter().map(name).collect::<Vec<_>>())
}

/// "by its target date", "after its target, by its backup date", "late (…)".
fn outcome_words(o: Outcome, backup: NaiveDate, year: i32) -> String {
    match o {
        Outcome::Open => "still to ship".into(),
        Outcome::ByTarget => "by its target date".into(),
        Outcome::ByBackup => "after its target but by its backup date".into(),
        Outcome::Late => format!("after its backup date of {}: missed", date(backup, year)),
        Outcome::Cancelled => "cancelled: missed".into(),
        Outcome::Overdue => format!(
            "not shipped, its backup date of {} passed: missed",
            date(backup, year)
        ),
    }
}

/// The sentence about rescue mode, when the workspace is in it.
pub fn rescue_sentence(r: &RescueState, year: i32) -> Option<String> {
    if !r.rescue.active {
        return None;
    }
    let since = r
        .rescue
        .since
        .map(|d| format!(" since {}", date(d, year)))
        .unwrap_or_default();
    Some(format!(
        "Rescue mode{since}: {} releases missed in a row ({}). It lasts until a release ships by its backup date.",
        r.missed.len(),
        names(&r.missed)
    ))
}

/// The weekly update's Releases section; `None` when the workspace records no releases.
pub fn weekly_section(w: &WeeklyReleases, year: i32) -> Option<Section> {
    if !w.tracked {
        return None;
    }
    let mut paragraphs = Vec::new();
    let mut items = Vec::new();
    if let Some(s) = rescue_sentence(&w.rescue, year) {
        paragraphs.push(s);
        paragraphs.push(format!("The stop-list: {}", STOP_LIST.join(" ")));
    }
    for d in &w.due {
        let x = &d.readiness;
        let when = if x.days_to_target >= 0 {
            format!(
                "in {}",
                count(x.days_to_target.unsigned_abs() as usize, "day", "days")
            )
        } else {
            format!(
                "{} past its target",
                count(x.days_to_target.unsigned_abs() as usize, "day", "days")
            )
        };
        let frozen = if x.frozen {
            "scope frozen"
        } else {
            "scope not frozen"
        };
        let rehearsed = match x.last_rehearsal {
            Some(l) => format!(
                "rollback rehearsed on {} in {} minutes",
                date(l.on, year),
                l.minutes
            ),
            None => "rollback never rehearsed".into(),
        };
        let call = match (x.decided_go, x.overridden) {
            (Some(true), true) => "go/no-go: go, over a question not answered yes",
            (Some(true), false) => "go/no-go: go",
            (Some(false), _) => "go/no-go: no-go",
            (None, _) => "go/no-go not held yet",
        };
        let owners = if x.one_person {
            format!(
                "{} holds all three owner roles, which hides risk until the last day",
                user(&d.owners[0])
            )
        } else {
            format!(
                "owners {} (scope), {} (delivery), {} (readiness)",
                user(&d.owners[0]),
                user(&d.owners[1]),
                user(&d.owners[2])
            )
        };
        let verdict = if x.ready {
            "Ready.".to_string()
        } else {
            format!("Not ready: {}.", x.gaps.join("; "))
        };
        items.push(format!(
            "{} is due {} ({when}), backup {}: {frozen}, {rehearsed}, {call}; {owners}. {verdict}",
            name(&d.release),
            date(d.target_date, year),
            date(d.backup_date, year),
        ));
    }
    for s in &w.shipped {
        items.push(format!(
            "{} shipped on {} at {}, {}.",
            name(&s.release),
            date(s.shipped_at.date(), year),
            s.shipped_at.format("%H:%M"),
            outcome_words(s.outcome, s.first_backup, year)
        ));
    }
    for s in &w.slipped {
        items.push(format!(
            "{} moved from {} to {} (backup {}), a case of {}. Reason: {}.",
            name(&s.release),
            date(s.old_target, year),
            date(s.new_target, year),
            date(s.new_backup, year),
            s.cause.label(),
            user(&capitalise(&clause(&s.reason)))
        ));
    }
    for f in &w.failures {
        let what = match f.kind {
            EventKind::Rollback => "was rolled back",
            _ => "had an incident",
        };
        let restored = f
            .minutes_to_restore
            .map(|m| format!("; restored in {m} minutes"))
            .unwrap_or_default();
        let hotfix = if f.hotfix { ", fixed by a hotfix" } else { "" };
        items.push(format!(
            "{} {what} on {} at {}{restored}{hotfix}: {}.",
            name(&f.release),
            date(f.at.date(), year),
            f.at.format("%H:%M"),
            user(&clause(&f.note))
        ));
    }
    if w.near_misses > 0 {
        items.push(format!(
            "{} recorded this week.",
            capitalise(&count(
                w.near_misses as usize,
                "near-miss was",
                "near-misses were"
            ))
        ));
    }
    for l in &w.late_additions {
        items.push(format!(
            "{} was added to {} after its scope was frozen: {}. Late changes often cause the bugs that push a release out again.",
            user(&l.title),
            name(&l.release),
            user(&clause(&l.reason))
        ));
    }
    if let Some(p) = &w.two_track.pain_without_fix {
        items.push(format!(
            "No release fix is active, yet the last releases lost {} hours to {}.",
            p.hours,
            p.cause.label()
        ));
    }
    if w.two_track.customer_shipped_nothing {
        items.push("The customer track shipped nothing this week.".into());
    }
    if paragraphs.is_empty() && items.is_empty() {
        paragraphs.push("No release is due in the next two weeks and none shipped, slipped or was rolled back this week.".into());
    }
    Some(Section {
        key: "releases".into(),
        heading: "Releases".into(),
        paragraphs,
        items,
    })
}

/// "We lose about N hours every release to …", from the top bucket.
pub fn biggest_pain(top: &PainTotal, releases: usize) -> String {
    let per = (top.hours as f64 / releases.max(1) as f64).round() as i64;
    format!(
        "We lose about {} every release to {} ({} hours over the last {}).",
        count(per.unsigned_abs() as usize, "hour", "hours"),
        top.cause.label(),
        top.hours,
        count(releases, "release", "releases")
    )
}

/// Whether the active release fixes address the top pain bucket `top`: "The active release
/// fix, X, addresses the biggest pain, …" or "… addresses …, while the most hours are lost to
/// …". Fixes that name no bucket are held against the top one.
fn fix_judgement(fixes: &[ActiveFix], top: PainBucket) -> String {
    let biggest = top.label();
    match fixes {
        [] => format!("No release fix is active to take on {biggest}."),
        _ if fixes.iter().all(|f| f.addresses.is_none()) => format!(
            "The active release fix{}: {}. Hold {} against the top bucket, {biggest}.",
            if fixes.len() == 1 { "" } else { "es" },
            join(&fixes.iter().map(|f| user(&f.title)).collect::<Vec<_>>()),
            if fixes.len() == 1 { "it" } else { "them" },
        ),
        [fix] => match fix.addresses {
            Some(b) if !fix.addresses_top => format!(
                "The active release fix, {}, addresses {}, while the most hours are lost to {biggest}.",
                user(&fix.title),
                b.label()
            ),
            _ => format!(
                "The active release fix, {}, addresses the biggest pain, {biggest}.",
                user(&fix.title)
            ),
        },
        _ => {
            let clauses: Vec<String> = fixes
                .iter()
                .map(|f| match f.addresses {
                    Some(_) if f.addresses_top => {
                        format!("{} addresses the biggest pain, {biggest}", user(&f.title))
                    }
                    Some(b) => format!("{} addresses {}", user(&f.title), b.label()),
                    None => format!("{} names no release pain", user(&f.title)),
                })
                .collect();
            let tail = if fixes.iter().any(|f| f.addresses_top) {
                String::new()
            } else {
                format!(" None addresses the biggest pain, {biggest}.")
            };
            format!("Of the active release fixes, {}.{tail}", clauses.join("; "))
        }
    }
}

/// The monthly update's Releases section; `None` when the workspace records no releases.
pub fn monthly_section(m: &MonthlyReleases, year: i32) -> Option<Section> {
    if !m.tracked {
        return None;
    }
    let mut paragraphs = Vec::new();
    let items: Vec<String> = m
        .releases
        .iter()
        .map(|r| {
            let shipped = r
                .shipped_at
                .map(|t| format!("shipped on {}, ", date(t.date(), year)))
                .unwrap_or_default();
            format!(
                "{}: target {}, backup {}; {shipped}{}.",
                name(&r.release),
                date(r.first_target, year),
                date(r.first_backup, year),
                outcome_words(r.outcome, r.first_backup, year)
            )
        })
        .collect();
    if items.is_empty() {
        paragraphs.push("No release was due, shipped or cancelled this month.".into());
    }
    if let Some(top) = m.pain.first() {
        paragraphs.push(biggest_pain(top, m.pain_releases.len()));
        let ranking: Vec<String> = m
            .pain
            .iter()
            .map(|p| format!("{} {} hours", p.cause.label(), p.hours))
            .collect();
        paragraphs.push(format!(
            "Release pain over {}: {}.",
            names(&m.pain_releases),
            join(&ranking)
        ));
        paragraphs.push(fix_judgement(&m.active_fixes, top.cause));
    }
    Some(Section {
        key: "releases".into(),
        heading: "Releases".into(),
        paragraphs,
        items,
    })
}

fn percent(part: i32, whole: i32) -> String {
    if whole == 0 {
        "no releases shipped".into()
    } else {
        format!(
            "{}% ({part} of {whole})",
            (f64::from(part) * 100.0 / f64::from(whole)).round() as i64
        )
    }
}

fn minutes(m: f64) -> String {
    if m.fract() == 0.0 {
        format!("{m:.0} minutes")
    } else {
        format!("{m:.1} minutes")
    }
}

/// One quarter's figures as a line of the trend list.
fn quarter_line(q: &QuarterReleases) -> String {
    let restore = q
        .restore
        .median
        .map(minutes)
        .unwrap_or_else(|| "nothing to restore".into());
    let rehearsal = q
        .rehearsals
        .latest
        .map(|(_, m)| format!("{m} minutes"))
        .unwrap_or_else(|| "never rehearsed".into());
    format!(
        "{}: {} shipped, {} missed; on time {}; change failure {}; time to restore {restore}; latest rehearsal {rehearsal}.",
        q.quarter,
        q.on_time.shipped,
        q.missed,
        percent(q.on_time.by_target + q.on_time.by_backup, q.on_time.shipped),
        percent(q.change_failure.failed, q.change_failure.shipped),
    )
}

/// The quarterly update's Release confidence section; `None` without releases.
pub fn confidence_section(c: &ReleaseConfidence, year: i32) -> Option<Section> {
    if !c.tracked {
        return None;
    }
    let q = &c.this_quarter;
    let mut paragraphs = Vec::new();
    let o = &q.on_time;
    paragraphs.push(format!(
        "{} shipped this quarter: {} by the target date, {} after it but by the backup date, {} late; {} missed (late, cancelled or past the backup date). On time: {}.",
        count(o.shipped as usize, "release", "releases"),
        o.by_target,
        o.by_backup,
        o.late,
        q.missed,
        percent(o.by_target + o.by_backup, o.shipped)
    ));
    let cf = &q.change_failure;
    paragraphs.push(format!(
        "Change failure rate: {} — shipped releases rolled back or with an incident after release, over releases shipped (the DORA definition){}. Near-misses, a release paused or a problem caught at the last moment: {}.",
        percent(cf.failed, cf.shipped),
        if cf.hotfixed > 0 {
            format!("; {} fixed by a hotfix", cf.hotfixed)
        } else {
            String::new()
        },
        q.near_misses
    ));
    let r = &q.restore;
    paragraphs.push(match r.median {
        Some(m) => format!(
            "Time to restore: a median of {} over {} ({} minutes).",
            minutes(m),
            count(
                r.minutes.len(),
                "rollback or incident",
                "rollbacks and incidents"
            ),
            join(
                &r.minutes
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            )
        ),
        None => {
            "Time to restore: nothing was rolled back and no incident followed a release.".into()
        }
    });
    let t = &q.rehearsals;
    paragraphs.push(match (t.minutes.as_slice(), t.latest) {
        ([], Some((on, m))) => format!(
            "Rollback rehearsal: none this quarter; the last, on {}, took {m} minutes.",
            date(on, year)
        ),
        ([], None) => "Rollback rehearsal: the rollback has never been rehearsed.".into(),
        (list, _) => format!(
            "Rollback rehearsal time: {} minutes ({} this quarter).",
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" → "),
            count(list.len(), "rehearsal", "rehearsals")
        ),
    });
    if let Some(person) = &c.one_readiness_owner {
        paragraphs.push(format!(
            "{} was the readiness owner of every release shipped this quarter: confidence that depends on one person.",
            user(person)
        ));
    }
    if let Some(day) = &c.one_weekday {
        paragraphs.push(format!(
            "Every release this quarter shipped on a {day}: confidence that depends on one time window."
        ));
    }
    if let Some(s) = rescue_sentence(&c.rescue, year) {
        paragraphs.push(s);
    } else if let (Some(end), Some(by)) = (&c.rescue.rescue.ended, &c.rescue.ended_by) {
        paragraphs.push(format!(
            "The last rescue ended on {} when {} shipped by its backup date, after {} missed releases in a row.",
            date(end.on, year),
            name(by),
            end.misses
        ));
    }
    let mut items: Vec<String> = c.earlier.iter().map(quarter_line).collect();
    if !items.is_empty() {
        items.push(quarter_line(q));
    }
    Some(Section {
        key: "release-confidence".into(),
        heading: "Release confidence".into(),
        paragraphs,
        items,
    })
}
