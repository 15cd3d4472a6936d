//! Reminders: what the app tells the founder without being asked, and when. The weekly review
//! on its day and time ("Weekly review: 3 check-ins missing, 1 blocker to escalate", counted
//! from the week's review), a decision due tomorrow or overdue, and a release's go/no-go due
//! tomorrow (its target is tomorrow and no call is recorded). Each fires once per
//! occasion (remembered in the workspace) unless its kind is quiet. Everything here is a pure
//! function of the local time, the settings, the review and what was already shown; the
//! desktop shell only keeps the clock and shows the notifications.

use std::collections::HashSet;

use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
};
use serde::{Deserialize, Serialize};

use crate::calendar::IsoWeek;
use crate::model::Id;
use crate::review::weekly_review::WeeklyReview;
pub use crate::settings::ReminderSettings;

/// The kinds of reminder; each can be made quiet on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum ReminderKind {
    /// The weekly review is due.
    WeeklyReview,
    /// A decision is needed tomorrow or is overdue.
    Decision,
    /// A release's go/no-go is due: its target is tomorrow and no call is recorded.
    GoNoGo,
}

impl ReminderKind {
    /// Every kind, in the order their reminders come.
    pub const ALL: [ReminderKind; 3] = [
        ReminderKind::WeeklyReview,
        ReminderKind::Decision,
        ReminderKind::GoNoGo,
    ];

    /// The kind as the workspace records it.
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::WeeklyReview => "weekly-review",
            ReminderKind::Decision => "decision",
            ReminderKind::GoNoGo => "go-no-go",
        }
    }
}

/// Where the app opens when a reminder is clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum ReminderView {
    MondayReview,
    Roadmap,
    /// The go/no-go of release `release`.
    GoNoGo {
        release: Id,
    },
}

/// A reminder to show now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Reminder {
    pub kind: ReminderKind,
    /// What makes it one occasion of its kind: the week for the weekly review ("2026-W10"),
    /// the decision and what is due for a decision ("4 due 2026-03-05", "4 overdue since
    /// 2026-03-01"), the release and its target for a go/no-go ("2 due 2026-03-05": a release
    /// moved to another date is a new occasion). A reminder fires once per occasion.
    pub occasion: String,
    pub title: String,
    pub body: String,
    pub opens: ReminderView,
}

impl Reminder {
    /// The reminder in one line: "Weekly review: 3 check-ins missing, 1 blocker to escalate".
    pub fn line(&self) -> String {
        format!("{}: {}", self.title, self.body)
    }
}

/// The moment of the first occurrence of `time` on `day` in `tz`: a time skipped by a clock
/// moving forward comes at the first moment after the gap, one repeated by a clock moving
/// back comes the first time.
fn local_moment<Tz: TimeZone>(tz: &Tz, day: NaiveDate, time: NaiveTime) -> DateTime<Tz> {
    let mut at = day.and_time(time);
    // A gap never lasts more than a few hours; step through it a minute at a time.
    for _ in 0..(24 * 60) {
        match tz.from_local_datetime(&at) {
            LocalResult::Single(t) => return t,
            LocalResult::Ambiguous(first, _) => return first,
            LocalResult::None => at += chrono::Duration::minutes(1),
        }
    }
    tz.from_utc_datetime(&day.and_time(time))
}

/// The next moment strictly after `now` at which the weekly review reminder falls due: the
/// review day at the review time, in local time whatever the clocks did in between (09:00
/// stays 09:00 across the spring-forward and fall-back weekends).
pub fn next_weekly_review<Tz: TimeZone>(
    now: &DateTime<Tz>,
    settings: &ReminderSettings,
) -> DateTime<Tz> {
    let tz = now.timezone();
    let today = now.date_naive();
    let ahead = (7 + settings.review_day.num_days_from_monday()
        - today.weekday().num_days_from_monday())
        % 7;
    let mut day = today + Days::new(u64::from(ahead));
    loop {
        let at = local_moment(&tz, day, settings.review_time);
        if at > *now {
            return at;
        }
        day = day + Days::new(7);
    }
}

/// The next moment strictly after `now` at which any reminder can fall due: the next weekly
/// review, or the review time of the next day (decisions are looked at daily).
pub fn next_occasion<Tz: TimeZone>(
    now: &DateTime<Tz>,
    settings: &ReminderSettings,
) -> DateTime<Tz> {
    let tz = now.timezone();
    let today = now.date_naive();
    let daily = [today, today + Days::new(1)]
        .into_iter()
        .map(|d| local_moment(&tz, d, settings.review_time))
        .find(|at| at > now)
        .unwrap_or_else(|| local_moment(&tz, today + Days::new(2), settings.review_time));
    daily.min(next_weekly_review(now, settings))
}

/// What has been shown already: (kind, occasion).
pub type Shown = HashSet<(ReminderKind, String)>;

/// What the reminders of a week are computed from, read off the week's review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekFacts {
    pub week: IsoWeek,
    /// Active initiatives.
    pub active: u32,
    /// Active initiatives without the week's check-in.
    pub checkins_missing: usize,
    /// Open blockers older than two days.
    pub blockers_to_escalate: u32,
    /// Whether the week's update was sent (kept) already.
    pub update_sent: bool,
    /// Open decisions due soon or overdue.
    pub decisions: Vec<OpenDecision>,
    /// Open releases due soon, with whether their go/no-go call is recorded.
    pub releases: Vec<UpcomingRelease>,
}

/// An open release, as a go/no-go reminder names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpcomingRelease {
    pub id: Id,
    pub name: String,
    /// The target date in force.
    pub target_date: NaiveDate,
    /// A go/no-go call (go or no-go) is recorded.
    pub called: bool,
}

/// An open decision, as a reminder names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenDecision {
    pub id: i64,
    pub question: String,
    pub decider: String,
    pub needed_by: NaiveDate,
}

impl WeekFacts {
    /// The facts of the week `review` is of.
    pub fn of(review: &WeeklyReview) -> Self {
        WeekFacts {
            week: review.week,
            active: review.headline.active,
            checkins_missing: review.in_progress.iter().filter(|i| !i.checked_in).count(),
            blockers_to_escalate: review.headline.escalate,
            update_sent: review.kept_at.is_some(),
            decisions: review
                .decisions_overdue
                .iter()
                .chain(&review.decisions_due_soon)
                .map(|d| OpenDecision {
                    id: d.id,
                    question: d.question.clone(),
                    decider: d.decider.clone(),
                    needed_by: d.needed_by,
                })
                .collect(),
            releases: review
                .releases
                .due
                .iter()
                .map(|d| UpcomingRelease {
                    id: d.release.id,
                    name: d.release.name.clone(),
                    target_date: d.target_date,
                    called: d.readiness.decided_go.is_some(),
                })
                .collect(),
        }
    }
}

/// The reminders to show at `now` (local time): `week` holds the facts of `now`'s week,
/// `shown` what was shown before. Nothing is due before the day's review time; once due, a
/// reminder stays due until shown, so a laptop asleep at 09:00 and woken at 11:00 shows it
/// once on waking.
pub fn due(
    now: NaiveDateTime,
    settings: &ReminderSettings,
    week: &WeekFacts,
    shown: &Shown,
) -> Vec<Reminder> {
    let mut out = Vec::new();
    let today = now.date();
    if week.week != IsoWeek::of(today) || now.time() < settings.review_time {
        return out;
    }
    if !settings.quiet_weekly_review {
        out.extend(weekly_review(today, settings, week));
    }
    if !settings.quiet_decisions {
        out.extend(decisions(today, week));
    }
    if !settings.quiet_go_no_go {
        out.extend(go_no_go(today, week));
    }
    out.retain(|r| !shown.contains(&(r.kind, r.occasion.clone())));
    out
}

/// The weekly review reminder, from the review day on, for a week with active initiatives
/// whose update has not been sent yet.
fn weekly_review(
    today: NaiveDate,
    settings: &ReminderSettings,
    week: &WeekFacts,
) -> Option<Reminder> {
    let day = week.week.monday() + Days::new(u64::from(settings.review_day.num_days_from_monday()));
    if today < day || week.active == 0 || week.update_sent {
        return None;
    }
    let mut parts = Vec::new();
    if week.checkins_missing > 0 {
        parts.push(count(
            week.checkins_missing,
            "check-in missing",
            "check-ins missing",
        ));
    }
    if week.blockers_to_escalate > 0 {
        parts.push(count(
            week.blockers_to_escalate as usize,
            "blocker to escalate",
            "blockers to escalate",
        ));
    }
    let body = if parts.is_empty() {
        "every check-in is in; the update is ready to send".to_string()
    } else {
        parts.join(", ")
    };
    Some(Reminder {
        kind: ReminderKind::WeeklyReview,
        occasion: week.week.to_string(),
        title: "Weekly review".into(),
        body,
        opens: ReminderView::MondayReview,
    })
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A reminder for each open decision needed tomorrow and each one overdue.
fn decisions(today: NaiveDate, week: &WeekFacts) -> Vec<Reminder> {
    let tomorrow = today + Days::new(1);
    week.decisions
        .iter()
        .filter_map(|d| {
            let (occasion, title, body) = if d.needed_by == tomorrow {
                (
                    format!("{} due {}", d.id, d.needed_by),
                    "Decision due tomorrow",
                    format!("{} ({} decides)", d.question, d.decider),
                )
            } else if d.needed_by < today {
                (
                    format!("{} overdue since {}", d.id, d.needed_by),
                    "Decision overdue",
                    format!(
                        "{} ({} decides; needed by {})",
                        d.question,
                        d.decider,
                        d.needed_by.format("%-d %B")
                    ),
                )
            } else {
                return None;
            };
            Some(Reminder {
                kind: ReminderKind::Decision,
                occasion,
                title: title.into(),
                body,
                opens: ReminderView::Roadmap,
            })
        })
        .collect()
}

/// A reminder for each open release whose target is tomorrow and whose go/no-go call is not
/// recorded: the day before is when the five questions are asked.
fn go_no_go(today: NaiveDate, week: &WeekFacts) -> Vec<Reminder> {
    let tomorrow = today + Days::new(1);
    week.releases
        .iter()
        .filter(|r| r.target_date == tomorrow && !r.called)
        .map(|r| Reminder {
            kind: ReminderKind::GoNoGo,
            occasion: format!("{} due {}", r.id, r.target_date),
            title: "Go/no-go due tomorrow".into(),
            body: format!(
                "Release {} ships {}: answer the five questions and record the call",
                r.name,
                r.target_date.format("%A %-d %B")
            ),
            opens: ReminderView::GoNoGo { release: r.id },
        })
        .collect()
}

#[cfg(test)]
mod tests;
