//! The weekly review computed from real workspace files, each change made at a pinned moment:
//! every part of the review, each signal raised and not raised, and ISO week edges.

mod common;

use cadence::calendar::{Clock, IsoWeek};
use cadence::model::RiskLevel;
use cadence::model::{InitiativePatch, NewInitiative, Status, Track};
use cadence::review::weekly_review::{weekly, DangerKind, WeeklyReview};
use cadence::store::Workspace;
use common::company::{d, Company};
use common::plain::weekly_update;

fn titles<T>(items: &[T], title: impl Fn(&T) -> &str) -> Vec<&str> {
    items.iter().map(title).collect()
}

fn shipped(r: &WeeklyReview) -> Vec<&str> {
    titles(&r.shipped, |s| s.title.as_str())
}

fn missing(r: &WeeklyReview) -> Vec<&str> {
    titles(&r.signals.missing_checkins, |s| s.title.as_str())
}

/// An active initiative of `track`.
fn on_track(co: &Company, when: &str, title: &str, owner: &str, track: Track, target: &str) -> i64 {
    co.at(when)
        .add_initiative(&NewInitiative {
            title: title.into(),
            owner: owner.into(),
            track: Some(track),
            status: Some(Status::Active),
            target_date: Some(target.into()),
            backup_date: Some(target.into()),
            risk: Some("it may take longer".into()),
            risk_level: Some(RiskLevel::Low),
            ..Default::default()
        })
        .unwrap()
        .id
}

#[test]
fn headline_shipped_and_in_progress_use_what_was_known_by_the_end_of_the_week() {
    let co = Company::temp();
    let billing = co.active(
        "2026-10-01 09:00",
        "Billing v2",
        "Tomás Silva",
        "2026-12-11",
        "2026-12-18",
    );
    let search = co.active(
        "2026-10-01 09:00",
        "Search",
        "Ravi Menon",
        "2027-01-15",
        "2027-01-29",
    );
    let audit = co.active(
        "2026-10-01 09:00",
        "Audit export",
        "Lena Fischer",
        "2026-11-20",
        "2026-11-27",
    );
    let quiet = co.active(
        "2026-10-01 09:00",
        "Reminders",
        "Sam Whitaker",
        "2027-02-01",
        "2027-02-15",
    );
    co.checkin("2026-10-16 10:00", quiet, "2026-W42", "on-track");
    co.says(
        "2026-11-10 10:00",
        search,
        "2026-W46",
        "at-risk",
        Some("Index schema"),
        "Backfill",
    );
    co.says(
        "2026-11-17 10:00",
        billing,
        "2026-W47",
        "on-track",
        Some("Card payments in staging"),
        "Direct debit",
    );
    co.says(
        "2026-11-18 10:00",
        audit,
        "2026-W47",
        "off-track",
        None,
        "CSV writer",
    );
    co.status("2026-11-19 15:00", audit, "done", "shipped to all plans");
    // Known only after the week: left out of its review.
    co.says(
        "2026-11-23 09:00",
        search,
        "2026-W47",
        "on-track",
        Some("Late news"),
        "Backfill",
    );

    let r = co.week("2026-W47", "2026-11-25");
    assert_eq!(r.as_of, d("2026-11-22"));
    assert_eq!((r.monday, r.sunday), (d("2026-11-16"), d("2026-11-22")));
    assert_eq!(shipped(&r), ["Billing v2", "Audit export"]);
    assert_eq!(
        r.shipped[0].shipped.as_deref(),
        Some("Card payments in staging")
    );
    assert_eq!(r.shipped[1].done_on, Some(d("2026-11-19")));
    let h = r.headline;
    assert_eq!(
        (h.active, h.on_track, h.at_risk, h.off_track, h.no_call),
        (3, 1, 1, 0, 1)
    );
    assert_eq!(h.shipped, 2);
    let names = titles(&r.in_progress, |i| i.title.as_str());
    assert_eq!(names, ["Billing v2", "Search", "Reminders"]);
    let s = &r.in_progress[1];
    assert_eq!(
        (s.checked_in, s.health_week.map(|w| w.to_string())),
        (false, Some("2026-W46".into()))
    );
    let b = &r.in_progress[0];
    assert_eq!(b.days_to_target, Some(19));
    assert_eq!(b.progress.as_deref(), Some("Direct debit"));
    // A call older than four weeks is no call.
    assert_eq!(r.in_progress[2].health, None);

    // Rerunning the week later gives the same update.
    let again = co.week("2026-W47", "2027-03-01");
    assert_eq!(weekly_update(&again), weekly_update(&r));
}

#[test]
fn blockers_carry_age_and_owner_and_are_escalated_after_two_days_or_called_recurring() {
    let co = Company::temp();
    let billing = co.active(
        "2026-10-01 09:00",
        "Billing v2",
        "Tomás Silva",
        "2026-12-11",
        "2026-12-18",
    );
    let search = co.active(
        "2026-10-01 09:00",
        "Search",
        "Ravi Menon",
        "2027-01-15",
        "2027-01-29",
    );
    let old = co.blocker(
        "2026-10-26 09:00",
        billing,
        "Sandbox credentials expired",
        "Priya Natarajan",
        "2026-10-26",
    );
    co.at("2026-10-28 09:00").resolve_blocker(old).unwrap();
    co.blocker(
        "2026-11-18 09:00",
        billing,
        "Sandbox credentials  expired!",
        "Priya Natarajan",
        "2026-11-18",
    );
    co.blocker(
        "2026-11-20 09:00",
        search,
        "Sandbox credentials expired",
        "Maya Okafor",
        "2026-11-20",
    );
    let long_ago = co.blocker(
        "2026-09-01 09:00",
        search,
        "Waiting for the index window",
        "Maya Okafor",
        "2026-09-01",
    );
    co.at("2026-09-05 09:00").resolve_blocker(long_ago).unwrap();
    co.blocker(
        "2026-11-21 09:00",
        search,
        "Waiting for the index window",
        "Maya Okafor",
        "2026-11-21",
    );

    let r = co.week("2026-W47", "2026-11-23");
    let b: Vec<(&str, i64, bool, bool)> = r
        .blockers
        .iter()
        .map(|b| {
            (
                b.initiative.as_str(),
                b.age_days,
                b.escalate,
                b.recurring_since.is_some(),
            )
        })
        .collect();
    assert_eq!(
        b,
        [
            ("Billing v2", 4, true, true),
            ("Search", 2, false, false),
            ("Search", 1, false, false),
        ]
    );
    assert_eq!(r.blockers[0].owner, "Priya Natarajan");
    assert_eq!(r.blockers[0].recurring_since, Some(d("2026-10-26")));
    assert_eq!((r.headline.blockers, r.headline.escalate), (3, 1));
    let text = weekly_update(&r);
    let items = &text
        .sections
        .iter()
        .find(|s| s.key == "blockers")
        .unwrap()
        .items;
    assert!(items[0].contains("Priya Natarajan removes it"), "{items:?}");
    assert!(items[0].contains("escalate"));
    assert!(items[0].contains("raised on 26 October"));
}

#[test]
fn dates_in_danger_show_passed_dates_near_targets_and_disagreements() {
    let co = Company::temp();
    let passed = co.active(
        "2026-10-01 09:00",
        "Backup passed",
        "Ana Lima",
        "2026-11-06",
        "2026-11-13",
    );
    let late = co.active(
        "2026-10-01 09:00",
        "Past target",
        "Ben Okoro",
        "2026-11-18",
        "2026-11-30",
    );
    let soon = co.active(
        "2026-10-01 09:00",
        "Soon and at risk",
        "Chloé Martin",
        "2026-12-06",
        "2026-12-13",
    );
    let soon_fine = co.active(
        "2026-10-01 09:00",
        "Soon and on track",
        "Dev Patel",
        "2026-12-06",
        "2026-12-13",
    );
    let later = co.active(
        "2026-10-01 09:00",
        "Fifteen days out",
        "Eva Berg",
        "2026-12-07",
        "2026-12-14",
    );
    co.checkin("2026-11-17 09:00", passed, "2026-W47", "off-track");
    co.checkin("2026-11-17 09:00", late, "2026-W47", "on-track");
    co.checkin("2026-11-17 09:00", soon, "2026-W47", "at-risk");
    co.checkin("2026-11-17 09:00", soon_fine, "2026-W47", "on-track");
    co.checkin("2026-11-17 09:00", later, "2026-W47", "off-track");

    let r = co.week("2026-W47", "2026-11-22");
    let dangers: Vec<(&str, DangerKind, i64, bool)> = r
        .dates_in_danger
        .iter()
        .map(|x| (x.title.as_str(), x.kind, x.days_to_target, x.disagreement))
        .collect();
    assert_eq!(
        dangers,
        [
            ("Backup passed", DangerKind::BackupPassed, -16, false),
            ("Past target", DangerKind::PastTarget, -4, true),
            ("Soon and at risk", DangerKind::TargetSoon, 14, false),
        ]
    );
    let text = weekly_update(&r);
    let items = &text
        .sections
        .iter()
        .find(|s| s.key == "dates-in-danger")
        .unwrap()
        .items;
    assert!(
        items[1].contains("Ben Okoro still calls it on track: the call and the date disagree"),
        "{items:?}"
    );
}

#[test]
fn not_shipping_lists_drops_pauses_cuts_and_moves_of_the_week_only() {
    let co = Company::temp();
    let sms = co.active(
        "2026-10-01 09:00",
        "SMS",
        "Sam Whitaker",
        "2026-12-01",
        "2026-12-08",
    );
    let mobile = co.active(
        "2026-10-01 09:00",
        "Mobile",
        "Dev Patel",
        "2026-12-01",
        "2026-12-08",
    );
    let billing = co.active(
        "2026-10-01 09:00",
        "Billing v2",
        "Tomás Silva",
        "2026-12-11",
        "2026-12-18",
    );
    let older = co.active(
        "2026-10-01 09:00",
        "Older",
        "Ana Lima",
        "2026-12-11",
        "2026-12-18",
    );
    co.at("2026-10-02 09:00")
        .add_scope(billing, "Proration", None)
        .unwrap();
    co.status("2026-11-16 10:00", sms, "dropped", "email is enough");
    co.status("2026-11-20 10:00", mobile, "paused", "waiting for hires");
    co.dates(
        "2026-11-18 11:00",
        billing,
        "2026-12-18",
        "2026-12-23",
        "the provider changed its webhooks",
    );
    co.at("2026-11-22 23:30")
        .cut_scope(billing, "Proration", "not needed for launch")
        .unwrap();
    co.dates(
        "2026-11-13 11:00",
        older,
        "2026-12-18",
        "2026-12-23",
        "last week",
    );

    let r = co.week("2026-W47", "2026-11-23");
    let n = &r.not_shipping;
    assert_eq!(titles(&n.dropped, |e| e.title.as_str()), ["SMS"]);
    assert_eq!(titles(&n.paused, |e| e.title.as_str()), ["Mobile"]);
    assert_eq!(titles(&n.scope_cuts, |e| e.item.as_str()), ["Proration"]);
    assert_eq!(titles(&n.date_moves, |e| e.title.as_str()), ["Billing v2"]);
    let m = n.date_moves[0].target.unwrap();
    assert_eq!(
        (m.from, m.to, m.days),
        (d("2026-12-11"), d("2026-12-18"), 7)
    );
    let text = weekly_update(&r);
    let items = &text
        .sections
        .iter()
        .find(|s| s.key == "not-shipping")
        .unwrap()
        .items;
    assert!(
        items[0].starts_with("SMS (Sam Whitaker) was dropped"),
        "{items:?}"
    );
    assert!(items
        .iter()
        .any(|i| i.contains("Reason: The provider changed its webhooks.")));

    let quiet = co.week("2026-W48", "2026-11-30");
    assert!(quiet.not_shipping.is_empty());
}

#[test]
fn missing_checkins_and_stale_progress_are_raised_only_when_true() {
    let co = Company::temp();
    let stale = co.active(
        "2026-10-01 09:00",
        "Stale",
        "Ana Lima",
        "2027-01-15",
        "2027-01-29",
    );
    let moving = co.active(
        "2026-10-01 09:00",
        "Moving",
        "Ben Okoro",
        "2027-01-15",
        "2027-01-29",
    );
    let two = co.active(
        "2026-10-01 09:00",
        "Two weeks",
        "Chloé Martin",
        "2027-01-15",
        "2027-01-29",
    );
    let silent = co.active(
        "2026-10-01 09:00",
        "Silent",
        "Dev Patel",
        "2027-01-15",
        "2027-01-29",
    );
    for (when, week) in [
        ("2026-11-03 09:00", "2026-W45"),
        ("2026-11-10 09:00", "2026-W46"),
        ("2026-11-17 09:00", "2026-W47"),
    ] {
        co.says(
            when,
            stale,
            week,
            "on-track",
            None,
            "Sync conflicts, almost done.",
        );
        co.says(
            when,
            moving,
            week,
            "on-track",
            None,
            &format!("Step of {week}"),
        );
    }
    co.says(
        "2026-11-03 09:00",
        two,
        "2026-W45",
        "on-track",
        None,
        "Other work",
    );
    co.says(
        "2026-11-10 09:00",
        two,
        "2026-W46",
        "on-track",
        None,
        "Same text",
    );
    co.says(
        "2026-11-17 09:00",
        two,
        "2026-W47",
        "on-track",
        None,
        "same  text",
    );
    co.checkin("2026-11-10 09:00", silent, "2026-W46", "on-track");

    let r = co.week("2026-W47", "2026-11-22");
    assert_eq!(missing(&r), ["Silent"]);
    let s: Vec<(&str, u32)> = r
        .signals
        .stale_progress
        .iter()
        .map(|s| (s.title.as_str(), s.weeks))
        .collect();
    assert_eq!(s, [("Stale", 3)]);
    // A gap breaks the run: the week before last without a check-in.
    let gap = co.week("2026-W46", "2026-11-15");
    assert!(gap.signals.stale_progress.is_empty());
    assert_eq!(missing(&gap), Vec::<&str>::new());
}

#[test]
fn midweek_changes_are_those_made_tuesday_to_thursday() {
    let co = Company::temp();
    let a = co.active(
        "2026-10-01 09:00",
        "Monday move",
        "Ana Lima",
        "2027-01-15",
        "2027-01-29",
    );
    let b = co.active(
        "2026-10-01 09:00",
        "Tuesday move",
        "Ben Okoro",
        "2027-01-15",
        "2027-01-29",
    );
    let c = co.active(
        "2026-10-01 09:00",
        "Thursday rank",
        "Chloé Martin",
        "2027-01-15",
        "2027-01-29",
    );
    let e = co.active(
        "2026-10-01 09:00",
        "Friday move",
        "Eva Berg",
        "2027-01-15",
        "2027-01-29",
    );
    co.dates(
        "2026-11-16 10:00",
        a,
        "2027-01-22",
        "2027-02-05",
        "planned on Monday",
    );
    co.dates(
        "2026-11-17 10:00",
        b,
        "2027-01-22",
        "2027-02-05",
        "the vendor slipped",
    );
    co.edit(
        "2026-11-19 16:00",
        c,
        InitiativePatch {
            priority: Some(1),
            ..Default::default()
        },
        "a big customer asked",
    );
    co.dates(
        "2026-11-20 10:00",
        e,
        "2027-01-22",
        "2027-02-05",
        "Friday planning",
    );

    let r = co.week("2026-W47", "2026-11-22");
    let m: Vec<(&str, &str)> = r
        .signals
        .midweek_changes
        .iter()
        .map(|m| (m.title.as_str(), m.field.as_str()))
        .collect();
    assert_eq!(
        m,
        [
            ("Tuesday move", "target_date"),
            ("Tuesday move", "backup_date"),
            ("Thursday rank", "priority"),
        ]
    );
}

#[test]
fn release_fixes_owner_load_and_overdue_discovery_are_signalled_past_their_limits() {
    let co = Company::temp();
    on_track(
        &co,
        "2026-10-01 09:00",
        "Fix deploys",
        "Ana Lima",
        Track::Release,
        "2026-12-01",
    );
    let r = co.week("2026-W47", "2026-11-22");
    assert!(r.signals.release_fixes.is_empty());
    on_track(
        &co,
        "2026-10-01 09:00",
        "Fix backups",
        "Ben Okoro",
        Track::Release,
        "2026-12-01",
    );
    let r = co.week("2026-W47", "2026-11-22");
    assert_eq!(
        titles(&r.signals.release_fixes, |i| i.title.as_str()),
        ["Fix deploys", "Fix backups"]
    );

    for n in 1..=3 {
        on_track(
            &co,
            "2026-10-01 09:00",
            &format!("Load {n}"),
            "Dev Patel",
            Track::Customer,
            "2027-01-15",
        );
    }
    let r = co.week("2026-W47", "2026-11-22");
    assert!(r.signals.overloaded_owners.is_empty());
    on_track(
        &co,
        "2026-10-01 09:00",
        "Load 4",
        "Dev Patel",
        Track::Customer,
        "2027-01-15",
    );
    let r = co.week("2026-W47", "2026-11-22");
    assert_eq!(r.signals.overloaded_owners.len(), 1);
    assert_eq!(
        (
            r.signals.overloaded_owners[0].owner.as_str(),
            r.signals.overloaded_owners[0].count
        ),
        ("Dev Patel", 4)
    );

    on_track(
        &co,
        "2026-10-01 09:00",
        "Pricing test",
        "Eva Berg",
        Track::Discovery,
        "2026-11-22",
    );
    let r = co.week("2026-W47", "2026-11-22");
    assert!(
        r.signals.discovery_overdue.is_empty(),
        "due today is not overdue"
    );
    let r = co.week("2026-W48", "2026-11-23");
    assert_eq!(
        titles(&r.signals.discovery_overdue, |i| i.title.as_str()),
        ["Pricing test"]
    );
}

#[test]
fn iso_week_edges_spanning_new_year_and_sunday_evenings() {
    let co = Company::temp();
    let billing = co.active(
        "2026-12-01 09:00",
        "Billing v2",
        "Tomás Silva",
        "2027-01-29",
        "2027-02-05",
    );
    let audit = co.active(
        "2026-12-01 09:00",
        "Audit export",
        "Lena Fischer",
        "2027-01-08",
        "2027-01-15",
    );
    // 2026 has 53 ISO weeks; W53 runs from Monday 28 December to Sunday 3 January.
    co.says(
        "2027-01-03 23:30",
        billing,
        "2026-W53",
        "on-track",
        Some("Invoices for annual plans"),
        "Direct debit",
    );
    co.status("2027-01-02 11:00", audit, "done", "shipped");
    // Recorded just after midnight: belongs to what was known in 2027-W01, not W53.
    co.says(
        "2027-01-04 00:10",
        billing,
        "2026-W53",
        "at-risk",
        Some("Correction"),
        "Direct debit",
    );
    co.says(
        "2027-01-05 09:00",
        billing,
        "2027-W01",
        "on-track",
        None,
        "Direct debit live",
    );

    let w53 = co.week("2026-W53", "2027-01-10");
    assert_eq!((w53.monday, w53.sunday), (d("2026-12-28"), d("2027-01-03")));
    assert_eq!(shipped(&w53), ["Billing v2", "Audit export"]);
    assert_eq!(
        w53.shipped[0].shipped.as_deref(),
        Some("Invoices for annual plans")
    );
    assert_eq!(w53.headline.on_track, 1);
    let title = weekly_update(&w53).title;
    assert_eq!(
        title,
        "Weekly update: 28 December 2026 \u{2013} 3 January 2027"
    );

    let w01 = co.week("2027-W01", "2027-01-10");
    assert_eq!(w01.monday, d("2027-01-04"));
    assert!(w01.shipped.is_empty());
    assert_eq!(
        w01.in_progress[0].progress.as_deref(),
        Some("Direct debit live")
    );
    assert!(missing(&w01).is_empty());

    // The current week while under way: known up to today.
    let live = co.week("2027-W01", "2027-01-04");
    assert_eq!(live.as_of, d("2027-01-04"));
    assert_eq!(missing(&live), ["Billing v2"]);
}

#[test]
fn the_workspace_reads_only_the_weeks_it_needs_and_agrees_with_the_whole_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cadence.db");
    let mut ws = Workspace::open_or_create(&path, Clock::pinned(d("2026-11-23"))).unwrap();
    ws.load_sample(false).unwrap();
    for week in ["2026-W44", "2026-W47", "2026-W48"] {
        let week = IsoWeek::parse("week", week).unwrap();
        let scoped = ws.weekly_review(Some(week)).unwrap();
        let whole = weekly(&ws.snapshot().unwrap(), week, d("2026-11-23")).unwrap();
        assert_eq!(scoped, whole, "{week}");
    }
}
