use chrono::{Duration, NaiveDate, Utc, Weekday};
use chrono_tz::Europe::Berlin;

use super::*;
use crate::calendar::parse_date;

fn at(date: &str, time: &str) -> NaiveDateTime {
    parse_date("date", date)
        .unwrap()
        .and_time(NaiveTime::parse_from_str(time, "%H:%M").unwrap())
}

fn berlin(date: &str, time: &str) -> DateTime<chrono_tz::Tz> {
    Berlin.from_local_datetime(&at(date, time)).unwrap()
}

fn utc(date: &str, time: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&at(date, time))
}

fn day(date: &str) -> NaiveDate {
    parse_date("date", date).unwrap()
}

/// Week 2026-W10 (Monday 2 March): three check-ins missing, one blocker to escalate.
fn week() -> WeekFacts {
    WeekFacts {
        week: IsoWeek::of(day("2026-03-02")),
        active: 5,
        checkins_missing: 3,
        blockers_to_escalate: 1,
        update_sent: false,
        decisions: Vec::new(),
        releases: Vec::new(),
    }
}

fn lines(reminders: &[Reminder]) -> Vec<String> {
    reminders.iter().map(Reminder::line).collect()
}

fn shown(reminders: &[Reminder]) -> Shown {
    reminders
        .iter()
        .map(|r| (r.kind, r.occasion.clone()))
        .collect()
}

#[test]
fn monday_nine_is_still_nine_after_the_clocks_spring_forward() {
    // Europe's clocks go forward on Sunday 29 March 2026, 02:00 → 03:00.
    let now = berlin("2026-03-27", "12:00");
    let next = next_weekly_review(&now, &ReminderSettings::default());
    assert_eq!(next.naive_local(), at("2026-03-30", "09:00"));
    assert_eq!(next.with_timezone(&Utc), utc("2026-03-30", "07:00"));
    // 69 hours on the wall clock, 68 of them lived.
    assert_eq!(next - now, Duration::hours(68));
}

#[test]
fn monday_nine_is_still_nine_after_the_clocks_fall_back() {
    // Europe's clocks go back on Sunday 25 October 2026, 03:00 → 02:00.
    let now = berlin("2026-10-23", "12:00");
    let next = next_weekly_review(&now, &ReminderSettings::default());
    assert_eq!(next.naive_local(), at("2026-10-26", "09:00"));
    assert_eq!(next.with_timezone(&Utc), utc("2026-10-26", "08:00"));
    assert_eq!(next - now, Duration::hours(70));
}

#[test]
fn a_time_the_clocks_skip_comes_after_the_gap_and_a_repeated_one_the_first_time() {
    let sunday = |time: &str| ReminderSettings {
        review_day: Weekday::Sun,
        review_time: NaiveTime::parse_from_str(time, "%H:%M").unwrap(),
        ..ReminderSettings::default()
    };
    let spring = next_weekly_review(&berlin("2026-03-27", "12:00"), &sunday("02:30"));
    assert_eq!(spring.naive_local(), at("2026-03-29", "03:00"));
    let autumn = next_weekly_review(&berlin("2026-10-23", "12:00"), &sunday("02:30"));
    assert_eq!(autumn.with_timezone(&Utc), utc("2026-10-25", "00:30"));
}

#[test]
fn the_next_weekly_review_is_strictly_later() {
    let settings = ReminderSettings::default();
    let monday_nine = berlin("2026-03-02", "09:00");
    assert_eq!(
        next_weekly_review(&monday_nine, &settings).naive_local(),
        at("2026-03-09", "09:00")
    );
    let monday_eight = berlin("2026-03-02", "08:00");
    assert_eq!(
        next_weekly_review(&monday_eight, &settings).naive_local(),
        at("2026-03-02", "09:00")
    );
}

#[test]
fn decisions_are_looked_at_daily_at_the_review_time() {
    let settings = ReminderSettings::default();
    let wednesday = berlin("2026-03-04", "10:00");
    assert_eq!(
        next_occasion(&wednesday, &settings).naive_local(),
        at("2026-03-05", "09:00")
    );
    let sunday = berlin("2026-03-08", "10:00");
    assert_eq!(
        next_occasion(&sunday, &settings).naive_local(),
        at("2026-03-09", "09:00")
    );
}

#[test]
fn the_weekly_review_reminder_counts_from_the_review() {
    let due_now = due(
        at("2026-03-02", "09:00"),
        &ReminderSettings::default(),
        &week(),
        &Shown::new(),
    );
    assert_eq!(
        lines(&due_now),
        ["Weekly review: 3 check-ins missing, 1 blocker to escalate"]
    );
    assert_eq!(due_now[0].occasion, "2026-W10");
    assert_eq!(due_now[0].opens, ReminderView::MondayReview);
    let one = WeekFacts {
        checkins_missing: 1,
        blockers_to_escalate: 0,
        ..week()
    };
    assert_eq!(
        lines(&due(
            at("2026-03-02", "09:00"),
            &ReminderSettings::default(),
            &one,
            &Shown::new()
        )),
        ["Weekly review: 1 check-in missing"]
    );
}

#[test]
fn asleep_at_nine_and_woken_at_eleven_fires_once() {
    let settings = ReminderSettings::default();
    let mut seen = Shown::new();
    assert!(due(at("2026-03-02", "08:59"), &settings, &week(), &seen).is_empty());
    // The laptop slept through 09:00; the first look after waking is at 11:00.
    let woken = due(at("2026-03-02", "11:00"), &settings, &week(), &seen);
    assert_eq!(woken.len(), 1);
    seen.extend(shown(&woken));
    assert!(due(at("2026-03-02", "11:01"), &settings, &week(), &seen).is_empty());
    assert!(due(at("2026-03-03", "09:00"), &settings, &week(), &seen).is_empty());
}

#[test]
fn a_week_without_an_active_initiative_has_no_reminder() {
    let idle = WeekFacts {
        active: 0,
        checkins_missing: 0,
        blockers_to_escalate: 0,
        ..week()
    };
    assert!(due(
        at("2026-03-02", "10:00"),
        &ReminderSettings::default(),
        &idle,
        &Shown::new()
    )
    .is_empty());
}

#[test]
fn no_reminder_once_the_update_is_sent_or_when_quiet() {
    let sent = WeekFacts {
        update_sent: true,
        ..week()
    };
    let now = at("2026-03-02", "10:00");
    assert!(due(now, &ReminderSettings::default(), &sent, &Shown::new()).is_empty());
    let quiet = ReminderSettings {
        quiet_weekly_review: true,
        ..ReminderSettings::default()
    };
    assert!(due(now, &quiet, &week(), &Shown::new()).is_empty());
}

#[test]
fn the_review_day_is_a_setting() {
    let wednesday = ReminderSettings {
        review_day: Weekday::Wed,
        ..ReminderSettings::default()
    };
    assert!(due(
        at("2026-03-02", "10:00"),
        &wednesday,
        &week(),
        &Shown::new()
    )
    .is_empty());
    assert_eq!(
        due(
            at("2026-03-04", "09:00"),
            &wednesday,
            &week(),
            &Shown::new()
        )
        .len(),
        1
    );
    // The facts of another week remind of nothing.
    assert!(due(
        at("2026-03-09", "10:00"),
        &wednesday,
        &week(),
        &Shown::new()
    )
    .is_empty());
}

#[test]
fn a_decision_due_tomorrow_and_one_overdue_each_fire_once() {
    let facts = WeekFacts {
        decisions: vec![
            OpenDecision {
                id: 4,
                question: "Which bank do we launch with?".into(),
                decider: "Ana Lima".into(),
                needed_by: day("2026-03-05"),
            },
            OpenDecision {
                id: 7,
                question: "Do we hire a second SRE?".into(),
                decider: "Tomás Silva".into(),
                needed_by: day("2026-02-27"),
            },
            OpenDecision {
                id: 9,
                question: "Price of the team plan".into(),
                decider: "Ana Lima".into(),
                needed_by: day("2026-03-10"),
            },
        ],
        ..week()
    };
    let quiet_week = ReminderSettings {
        quiet_weekly_review: true,
        ..ReminderSettings::default()
    };
    let now = at("2026-03-04", "09:30");
    let first = due(now, &quiet_week, &facts, &Shown::new());
    assert_eq!(
        lines(&first),
        [
            "Decision due tomorrow: Which bank do we launch with? (Ana Lima decides)",
            "Decision overdue: Do we hire a second SRE? (Tomás Silva decides; needed by 27 February)",
        ]
    );
    assert!(first.iter().all(|r| r.opens == ReminderView::Roadmap));
    assert!(due(now, &quiet_week, &facts, &shown(&first)).is_empty());
    // The day after, the first one is overdue: a new occasion.
    let next_day = due(
        at("2026-03-06", "09:30"),
        &quiet_week,
        &facts,
        &shown(&first),
    );
    assert_eq!(
        lines(&next_day),
        ["Decision overdue: Which bank do we launch with? (Ana Lima decides; needed by 5 March)"]
    );
    let quiet = ReminderSettings {
        quiet_decisions: true,
        ..quiet_week
    };
    assert!(due(now, &quiet, &facts, &Shown::new()).is_empty());
}

/// Only the go/no-go reminders come.
fn only_go_no_go() -> ReminderSettings {
    ReminderSettings {
        quiet_weekly_review: true,
        quiet_decisions: true,
        ..ReminderSettings::default()
    }
}

fn release(id: i64, name: &str, target: &str, called: bool) -> UpcomingRelease {
    UpcomingRelease {
        id,
        name: name.into(),
        target_date: day(target),
        called,
    }
}

#[test]
fn a_go_no_go_due_tomorrow_fires_once_and_opens_that_release() {
    let facts = WeekFacts {
        releases: vec![
            release(2, "2.4", "2026-03-05", false),
            release(3, "2.5", "2026-03-05", true),
            release(5, "2.6", "2026-03-06", false),
        ],
        ..week()
    };
    let settings = only_go_no_go();
    // Before the review time nothing is due; at it, the release due tomorrow without a call.
    assert!(due(at("2026-03-04", "08:59"), &settings, &facts, &Shown::new()).is_empty());
    let now = at("2026-03-04", "09:00");
    let first = due(now, &settings, &facts, &Shown::new());
    assert_eq!(
        lines(&first),
        [
            "Go/no-go due tomorrow: Release 2.4 ships Thursday 5 March: answer the five questions \
          and record the call"
        ]
    );
    assert_eq!(first[0].kind, ReminderKind::GoNoGo);
    assert_eq!(first[0].occasion, "2 due 2026-03-05");
    assert_eq!(first[0].opens, ReminderView::GoNoGo { release: 2 });
    // Once shown, not again that day; the next day it is release 2.6's turn.
    assert!(due(at("2026-03-04", "17:00"), &settings, &facts, &shown(&first)).is_empty());
    let thursday = due(at("2026-03-05", "09:00"), &settings, &facts, &shown(&first));
    assert_eq!(thursday.len(), 1);
    assert_eq!(thursday[0].opens, ReminderView::GoNoGo { release: 5 });
    // Quiet, none comes.
    let quiet = ReminderSettings {
        quiet_go_no_go: true,
        ..settings
    };
    assert!(due(now, &quiet, &facts, &Shown::new()).is_empty());
}

#[test]
fn a_release_moved_to_another_day_is_a_new_occasion() {
    let settings = only_go_no_go();
    let before = WeekFacts {
        releases: vec![release(2, "2.4", "2026-03-05", false)],
        ..week()
    };
    let first = due(at("2026-03-04", "09:30"), &settings, &before, &Shown::new());
    assert_eq!(first.len(), 1);
    // Slipped to Saturday: its go/no-go is due again on Friday, once.
    let slipped = WeekFacts {
        releases: vec![release(2, "2.4", "2026-03-07", false)],
        ..week()
    };
    let friday = due(
        at("2026-03-06", "09:30"),
        &settings,
        &slipped,
        &shown(&first),
    );
    assert_eq!(friday.len(), 1);
    assert_eq!(friday[0].occasion, "2 due 2026-03-07");
    assert!(due(
        at("2026-03-06", "09:30"),
        &settings,
        &slipped,
        &shown(&friday)
    )
    .is_empty());
}

#[test]
fn the_go_no_go_of_a_release_on_the_morning_after_the_clocks_fall_back_comes_on_time() {
    // Europe's clocks go back on Sunday 25 October 2026; the release is due Monday 26.
    let settings = only_go_no_go();
    let facts = WeekFacts {
        week: IsoWeek::of(day("2026-10-25")),
        active: 5,
        releases: vec![release(8, "3.0", "2026-10-26", false)],
        ..week()
    };
    // Saturday noon: the scheduler next looks on Sunday at 09:00 local, 08:00 UTC once the
    // clocks went back (07:00 UTC the day before).
    let saturday = berlin("2026-10-24", "12:00");
    let next = next_occasion(&saturday, &settings);
    assert_eq!(next.naive_local(), at("2026-10-25", "09:00"));
    assert_eq!(next.with_timezone(&Utc), utc("2026-10-25", "08:00"));
    assert_eq!(next - saturday, Duration::hours(22));
    assert!(due(at("2026-10-25", "08:59"), &settings, &facts, &Shown::new()).is_empty());
    assert_eq!(
        lines(&due(next.naive_local(), &settings, &facts, &Shown::new())),
        ["Go/no-go due tomorrow: Release 3.0 ships Monday 26 October: answer the five questions \
          and record the call"]
    );
}

#[test]
fn settings_are_read_and_checked() {
    assert_eq!(
        ReminderSettings::parse_day("Wednesday").unwrap(),
        Weekday::Wed
    );
    assert_eq!(ReminderSettings::parse_day("fri").unwrap(), Weekday::Fri);
    assert!(ReminderSettings::parse_day("someday").is_err());
    assert_eq!(
        ReminderSettings::parse_time("07:45").unwrap(),
        NaiveTime::from_hms_opt(7, 45, 0).unwrap()
    );
    assert!(ReminderSettings::parse_time("25:00").is_err());
    assert!(ReminderSettings::parse_time("9am").is_err());
    assert!(ReminderSettings::parse_quiet("quiet").unwrap());
    assert!(!ReminderSettings::parse_quiet("on").unwrap());
    assert!(ReminderSettings::parse_quiet("off").is_err());
}
