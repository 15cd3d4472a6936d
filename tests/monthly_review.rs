//! The monthly review computed from real workspace files, each change made at a pinned moment.

mod common;

use cadence::calendar::Month;
use cadence::model::RiskLevel;
use cadence::model::{InitiativePatch, NewInitiative, Status};
use cadence::review::monthly_review::{MissedKind, RoadmapItem};
use cadence::settings::ReviewSettings;
use common::company::{d, t, Company};

fn titles(items: &[RoadmapItem]) -> Vec<&str> {
    items.iter().map(|i| i.title.as_str()).collect()
}

#[test]
fn groups_initiatives_by_the_latest_health_call_with_their_bounded_dates() {
    let co = Company::temp();
    let billing = co.active(
        "2026-10-01 09:00",
        "Billing v2",
        "Tomás Silva",
        "2026-11-20",
        "2026-11-27",
    );
    let search = co.active(
        "2026-10-01 09:00",
        "Search",
        "Ravi Menon",
        "2026-12-04",
        "2026-12-18",
    );
    let offline = co.active(
        "2026-10-01 09:00",
        "Offline mode",
        "Lena Fischer",
        "2026-11-06",
        "2026-11-13",
    );
    co.active(
        "2026-10-01 09:00",
        "Reminders",
        "Sam Whitaker",
        "2027-01-15",
        "2027-01-29",
    );
    co.proposed(
        "2026-10-01 09:00",
        "Accountant portal",
        "Priya Natarajan",
        Some("2027-02-01"),
    );
    co.proposed("2026-10-01 09:00", "SOC 2", "Maya Okafor", None);
    let audit = co.active(
        "2026-10-01 09:00",
        "Audit export",
        "Tomás Silva",
        "2026-11-13",
        "2026-11-20",
    );
    let early = co.active(
        "2026-10-01 09:00",
        "Early win",
        "Tomás Silva",
        "2026-10-16",
        "2026-10-23",
    );
    let sms = co.active(
        "2026-10-01 09:00",
        "SMS",
        "Sam Whitaker",
        "2026-12-01",
        "2026-12-08",
    );
    co.checkin("2026-10-30 17:00", billing, "2026-W44", "off-track");
    co.checkin("2026-11-13 17:00", billing, "2026-W46", "on-track");
    co.checkin("2026-11-13 17:00", search, "2026-W46", "at-risk");
    co.checkin("2026-11-13 17:00", offline, "2026-W46", "off-track");
    co.status("2026-10-20 10:00", early, "done", "shipped");
    co.status("2026-11-12 10:00", audit, "done", "shipped");
    co.status("2026-11-02 10:00", sms, "dropped", "email is enough");
    // Recorded after the review's day: not known yet.
    co.checkin("2026-11-24 09:00", search, "2026-W48", "on-track");

    let r = co.review("2026-11", "2026-11-23");
    assert_eq!(r.as_of, d("2026-11-23"));
    assert_eq!(titles(&r.roadmap.on_track), ["Billing v2"]);
    assert_eq!(titles(&r.roadmap.at_risk), ["Search"]);
    assert_eq!(titles(&r.roadmap.off_track), ["Offline mode"]);
    assert_eq!(titles(&r.roadmap.done), ["Audit export"]);
    assert_eq!(
        titles(&r.roadmap.not_started),
        ["Reminders", "Accountant portal"]
    );
    assert_eq!(
        (r.counts.on_track, r.counts.done, r.counts.not_started),
        (1, 1, 2)
    );
    let b = &r.roadmap.on_track[0];
    assert_eq!(b.owner, "Tomás Silva");
    assert_eq!(
        (b.target_date, b.backup_date),
        (Some(d("2026-11-20")), Some(d("2026-11-27")))
    );
    assert_eq!(b.timeline_start, Some(d("2026-10-26")));
    assert_eq!(r.roadmap.done[0].done_on, Some(d("2026-11-12")));
    let o = &r.roadmap.off_track[0];
    assert_eq!(
        o.date_warning,
        Some(cadence::review::monthly_review::DateWarning::BackupPassed)
    );

    // October as it was known then: Billing was off track, Early win was done, nothing else.
    let oct = co.review("2026-10", "2026-11-23");
    assert_eq!(oct.as_of, d("2026-10-31"));
    assert_eq!(titles(&oct.roadmap.off_track), ["Billing v2"]);
    assert_eq!(titles(&oct.roadmap.done), ["Early win"]);
    assert!(titles(&oct.roadmap.not_started).contains(&"SMS"));
}

#[test]
fn what_changed_reads_the_change_log_since_the_start_of_the_month() {
    let co = Company::temp();
    let billing = co.active(
        "2026-10-01 09:00",
        "Billing v2",
        "Tomás Silva",
        "2026-11-20",
        "2026-11-27",
    );
    let search = co.active(
        "2026-10-01 09:00",
        "Search",
        "Ravi Menon",
        "2026-12-04",
        "2026-12-18",
    );
    let offline = co.active(
        "2026-10-01 09:00",
        "Offline mode",
        "Lena Fischer",
        "2026-12-04",
        "2026-12-11",
    );
    let sms = co.active(
        "2026-10-01 09:00",
        "SMS",
        "Sam Whitaker",
        "2026-12-01",
        "2026-12-08",
    );
    co.dates(
        "2026-10-15 10:00",
        billing,
        "2026-11-27",
        "2026-12-04",
        "The vendor was late",
    );
    co.at("2026-10-20 10:00")
        .add_scope(billing, "Refunds", None)
        .unwrap();
    co.dates(
        "2026-11-05 10:00",
        billing,
        "2026-12-04",
        "2026-12-11",
        "Webhook rework",
    );
    co.edit(
        "2026-11-06 10:00",
        search,
        InitiativePatch {
            owner: Some("Daniel Reyes".into()),
            ..Default::default()
        },
        "Ravi moved to the platform team",
    );
    co.edit(
        "2026-11-07 10:00",
        offline,
        InitiativePatch {
            priority: Some(1),
            ..Default::default()
        },
        "Field staff churn",
    );
    co.proposed(
        "2026-11-08 10:00",
        "Accountant portal",
        "Priya Natarajan",
        None,
    );
    co.status("2026-11-09 10:00", sms, "dropped", "Email is enough");
    co.status(
        "2026-11-10 10:00",
        search,
        "paused",
        "Waiting for the window",
    );
    co.at("2026-10-31 23:59")
        .cut_scope(offline, "nothing", "x")
        .unwrap_err();
    co.at("2026-11-11 10:00")
        .cut_scope(billing, "refunds", "The provider cannot refund by API yet")
        .unwrap();

    let r = co.review("2026-11", "2026-11-23");
    assert_eq!(r.changes_since, t("2026-11-01 00:00"));
    assert_eq!(r.previous_review, None);
    let moves = &r.changes.date_moves;
    assert_eq!(moves.len(), 1, "{moves:?}");
    let m = &moves[0];
    assert_eq!(m.title, "Billing v2");
    assert_eq!(m.reason.as_deref(), Some("Webhook rework"));
    assert_eq!(m.moves_this_quarter, 2);
    let target = m.target.unwrap();
    assert_eq!(
        (target.from, target.to, target.days),
        (d("2026-11-27"), d("2026-12-04"), 7)
    );
    assert_eq!(
        (target.committed, target.slip_days),
        (Some(d("2026-11-20")), Some(14))
    );
    assert_eq!(m.backup.unwrap().to, d("2026-12-11"));
    let o = &r.changes.owner_changes;
    assert_eq!(
        (o[0].from.as_str(), o[0].to.as_str(), o[0].reason.as_deref()),
        (
            "Ravi Menon",
            "Daniel Reyes",
            Some("Ravi moved to the platform team")
        )
    );
    let p = &r.changes.priority_changes;
    assert_eq!(
        (p[0].title.as_str(), p[0].from, p[0].to),
        ("Offline mode", 3, 1)
    );
    assert_eq!(r.changes.added[0].title, "Accountant portal");
    assert_eq!(r.changes.added[0].to, Status::Proposed);
    assert_eq!(r.changes.dropped[0].title, "SMS");
    assert_eq!(
        r.changes.dropped[0].reason.as_deref(),
        Some("Email is enough")
    );
    assert_eq!(r.changes.paused[0].title, "Search");
    let cut = &r.changes.scope_cuts;
    assert_eq!(
        (
            cut[0].title.as_str(),
            cut[0].item.as_str(),
            cut[0].reason.as_deref()
        ),
        (
            "Billing v2",
            "Refunds",
            Some("The provider cannot refund by API yet")
        )
    );
    assert!(co
        .review("2026-10", "2026-11-23")
        .changes
        .scope_cuts
        .is_empty());
    assert_eq!(r.changes.paused[0].from, Some(Status::Active));
}

#[test]
fn what_changed_starts_where_the_previous_monthly_review_ended() {
    let co = Company::temp();
    let billing = co.active(
        "2026-09-01 09:00",
        "Billing v2",
        "Tomás Silva",
        "2026-11-20",
        "2026-11-27",
    );
    co.dates(
        "2026-09-10 10:00",
        billing,
        "2026-11-23",
        "2026-11-30",
        "before the September update",
    );
    co.keep_review("2026-09-20 10:00", "2026-09");
    co.dates(
        "2026-09-25 10:00",
        billing,
        "2026-11-27",
        "2026-12-04",
        "after the September update",
    );
    co.dates(
        "2026-11-05 10:00",
        billing,
        "2026-12-04",
        "2026-12-11",
        "in November",
    );
    // An update kept for November itself does not move the start: a rerun reads the same.
    co.keep_review("2026-11-06 10:00", "2026-11");
    co.dates(
        "2026-11-07 10:00",
        billing,
        "2026-12-07",
        "2026-12-14",
        "after the November update",
    );

    let r = co.review("2026-11", "2026-11-23");
    assert_eq!(
        r.previous_review,
        Some(Month::parse("m", "2026-09").unwrap())
    );
    assert_eq!(r.changes_since, t("2026-09-20 10:00"));
    let reasons: Vec<_> = r
        .changes
        .date_moves
        .iter()
        .map(|m| m.reason.as_deref().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            "after the September update",
            "in November",
            "after the November update"
        ]
    );
    assert_eq!(r.changes.date_moves[2].moves_this_quarter, 2);

    // An October update exported in November still ends at the end of October.
    co.keep_review("2026-11-02 09:00", "2026-10");
    let r = co.review("2026-11", "2026-11-23");
    assert_eq!(
        r.previous_review,
        Some(Month::parse("m", "2026-10").unwrap())
    );
    assert_eq!(
        r.changes_since,
        t("2026-10-31 23:59") + chrono::Duration::seconds(59)
    );
    assert_eq!(r.changes.date_moves.len(), 2);
}

#[test]
fn decisions_open_overdue_first_and_closed_this_month_with_their_outcome() {
    let co = Company::temp();
    let billing = co.active(
        "2026-10-01 09:00",
        "Billing v2",
        "Tomás Silva",
        "2026-11-20",
        "2026-11-27",
    );
    let mut ws = co.at("2026-10-05 09:00");
    let later = ws
        .add_decision(
            "Which provider for the EU?",
            "Maya Okafor",
            "2026-11-30",
            Some(billing),
        )
        .unwrap();
    let overdue = ws
        .add_decision(
            "Saturday maintenance window?",
            "Maya Okafor",
            "2026-11-10",
            None,
        )
        .unwrap();
    let soon = ws
        .add_decision("Hire a contractor?", "Daniel Reyes", "2026-11-25", None)
        .unwrap();
    let old = ws
        .add_decision("iOS first?", "Priya Natarajan", "2026-10-20", None)
        .unwrap();
    let now = ws
        .add_decision("Annual plans?", "Priya Natarajan", "2026-11-15", None)
        .unwrap();
    drop(ws);
    co.at("2026-10-18 09:00")
        .close_decision(old.id, "iOS first")
        .unwrap();
    co.at("2026-11-14 09:00")
        .close_decision(now.id, "Yes, from January")
        .unwrap();
    co.at("2026-12-02 09:00")
        .close_decision(later.id, "Stripe")
        .unwrap();

    let r = co.review("2026-11", "2026-11-23");
    let open: Vec<_> = r.decisions.open.iter().map(|d| d.id).collect();
    assert_eq!(open, [overdue.id, soon.id, later.id]);
    assert_eq!(r.decisions.open[0].days_overdue, 13);
    assert_eq!(r.decisions.open[1].days_overdue, 0);
    assert_eq!(
        r.decisions.open[2].initiative.as_deref(),
        Some("Billing v2")
    );
    assert_eq!(r.decisions.open[0].decider, "Maya Okafor");
    let closed: Vec<_> = r.decisions.closed.iter().map(|d| d.id).collect();
    assert_eq!(closed, [now.id]);
    assert_eq!(
        r.decisions.closed[0].outcome.as_deref(),
        Some("Yes, from January")
    );
    assert_eq!(
        (r.counts.decisions_open, r.counts.decisions_overdue),
        (3, 1)
    );

    // Rerun after December: November reads as it did, the EU question still open then.
    let again = co.review("2026-11", "2026-12-10");
    assert_eq!(again.decisions.open.len(), 3);
    assert_eq!(again.decisions.open[2].outcome, None);
    assert_eq!(again.decisions.open[2].days_overdue, 0);
}

#[test]
fn reprioritisation_is_raised_above_the_threshold_set_in_the_workspace() {
    let co = Company::temp();
    let a = co.active(
        "2026-10-01 09:00",
        "A",
        "Tomás Silva",
        "2026-12-01",
        "2026-12-08",
    );
    let b = co.active(
        "2026-10-01 09:00",
        "B",
        "Lena Fischer",
        "2026-12-01",
        "2026-12-08",
    );
    co.at("2026-10-01 09:00")
        .set_known_setting(ReviewSettings::REPRIORITISATION_THRESHOLD, "2")
        .unwrap();
    let prio = |n| InitiativePatch {
        priority: Some(n),
        ..Default::default()
    };
    co.edit(
        "2026-10-30 10:00",
        a,
        prio(5),
        "October, not counted in November",
    );
    co.edit("2026-11-03 10:00", a, prio(2), "one");
    co.dates(
        "2026-11-04 10:00",
        b,
        "2026-12-04",
        "2026-12-11",
        "two (target and backup in one edit)",
    );
    let quiet = co.review("2026-11", "2026-11-05");
    assert_eq!(quiet.signals.reprioritisation.count, 2);
    assert!(!quiet.signals.reprioritisation.raised);

    co.edit("2026-11-05 10:00", b, prio(1), "three");
    let r = co.review("2026-11", "2026-11-23");
    let s = &r.signals.reprioritisation;
    assert_eq!((s.count, s.threshold, s.raised), (3, 2, true));

    co.at("2026-11-23 10:00")
        .set_known_setting(ReviewSettings::REPRIORITISATION_THRESHOLD, "3")
        .unwrap();
    assert!(
        !co.review("2026-11", "2026-11-23")
            .signals
            .reprioritisation
            .raised
    );
}

#[test]
fn an_owner_who_slips_in_two_of_the_last_three_months_is_called_out() {
    let co = Company::temp();
    // Lena: moved a committed date in September, and a target passed undone in November.
    let lena1 = co.active(
        "2026-08-03 09:00",
        "Sync",
        "Lena Fischer",
        "2026-10-02",
        "2026-10-09",
    );
    co.dates(
        "2026-09-14 10:00",
        lena1,
        "2026-10-16",
        "2026-10-23",
        "more conflicts",
    );
    co.status("2026-10-15 10:00", lena1, "done", "on the moved date");
    co.active(
        "2026-08-03 09:00",
        "Widgets",
        "Lena Fischer",
        "2026-11-06",
        "2026-11-13",
    );
    // Ravi: slipped only in November (twice), and once in August, outside the three months.
    let ravi1 = co.active(
        "2026-07-01 09:00",
        "Index",
        "Ravi Menon",
        "2026-08-07",
        "2026-08-14",
    );
    co.dates(
        "2026-08-05 10:00",
        ravi1,
        "2026-12-04",
        "2026-12-11",
        "August slip",
    );
    let ravi2 = co.active(
        "2026-07-01 09:00",
        "Upgrade",
        "Ravi Menon",
        "2026-11-30",
        "2026-12-14",
    );
    co.dates(
        "2026-11-02 10:00",
        ravi2,
        "2026-12-07",
        "2026-12-14",
        "first",
    );
    co.dates(
        "2026-11-09 10:00",
        ravi2,
        "2026-12-14",
        "2026-12-21",
        "second",
    );
    // Tomás: finished on time in October, moved dates while still proposed in November.
    let tomas1 = co.active(
        "2026-09-01 09:00",
        "Audit",
        "Tomás Silva",
        "2026-10-09",
        "2026-10-16",
    );
    co.status("2026-10-08 10:00", tomas1, "done", "shipped");
    let tomas2 = co.proposed(
        "2026-09-01 09:00",
        "Portal",
        "Tomás Silva",
        Some("2026-11-02"),
    );
    co.dates(
        "2026-11-01 10:00",
        tomas2,
        "2026-12-01",
        "2026-12-01",
        "planning",
    );

    let r = co.review("2026-11", "2026-11-23");
    let owners: Vec<_> = r
        .signals
        .missed_commitments
        .iter()
        .map(|m| m.owner.as_str())
        .collect();
    assert_eq!(owners, ["Lena Fischer"]);
    let lena = &r.signals.missed_commitments[0];
    let months: Vec<String> = lena.months.iter().map(|m| m.to_string()).collect();
    assert_eq!(months, ["2026-09", "2026-11"]);
    assert_eq!(lena.misses[0].kind, MissedKind::Moved);
    assert_eq!(lena.misses[0].date, d("2026-10-02"));
    assert_eq!(lena.misses[1].kind, MissedKind::Passed);
    assert_eq!(lena.misses[1].title, "Widgets");

    // A month later Lena has one slip in three months; Ravi, who finished Index five days
    // after its target, has two.
    co.status("2026-12-09 10:00", ravi1, "done", "late");
    let dec = co.review("2026-12", "2026-12-20");
    let owners: Vec<_> = dec
        .signals
        .missed_commitments
        .iter()
        .map(|m| m.owner.as_str())
        .collect();
    assert_eq!(owners, ["Ravi Menon"]);
    let december: Vec<_> = dec.signals.missed_commitments[0]
        .misses
        .iter()
        .filter(|m| m.month.to_string() == "2026-12")
        .map(|m| (m.title.as_str(), m.kind, m.date))
        .collect();
    assert_eq!(
        december,
        [
            ("Index", MissedKind::Passed, d("2026-12-04")),
            ("Upgrade", MissedKind::Passed, d("2026-12-14"))
        ]
    );
}

#[test]
fn backlog_growth_is_raised_when_more_is_proposed_than_done() {
    let co = Company::temp();
    let a = co.active(
        "2026-10-01 09:00",
        "A",
        "Tomás Silva",
        "2026-11-13",
        "2026-11-20",
    );
    co.proposed("2026-10-01 09:00", "Old idea", "Priya Natarajan", None);
    co.proposed("2026-11-02 09:00", "Idea one", "Priya Natarajan", None);
    co.status("2026-11-03 09:00", a, "done", "shipped");
    let even = co.review("2026-11", "2026-11-04");
    let b = even.signals.backlog_growth;
    assert_eq!(
        (b.added, b.done, b.proposed_at_start, b.proposed_at_end),
        (1, 1, 1, 2)
    );
    assert!(!b.raised);

    co.proposed("2026-11-10 09:00", "Idea two", "Priya Natarajan", None);
    let r = co.review("2026-11", "2026-11-23");
    let b = r.signals.backlog_growth;
    assert_eq!((b.added, b.done, b.proposed_at_end), (2, 1, 3));
    assert!(!b.raised, "two ideas in a month are below the floor");

    co.proposed("2026-11-12 09:00", "Idea three", "Priya Natarajan", None);
    let r = co.review("2026-11", "2026-11-23");
    let b = r.signals.backlog_growth;
    assert_eq!((b.added, b.done, b.proposed_at_end), (3, 1, 4));
    assert!(b.raised);
}

#[test]
fn active_initiatives_without_an_outcome_are_named() {
    let co = Company::temp();
    co.active(
        "2026-10-01 09:00",
        "Stated",
        "Tomás Silva",
        "2026-12-01",
        "2026-12-08",
    );
    co.proposed(
        "2026-10-01 09:00",
        "Idea without outcome",
        "Priya Natarajan",
        None,
    );
    let quiet = co.review("2026-11", "2026-11-23");
    assert!(quiet.signals.without_outcome.is_empty());
    assert!(!quiet.signals.any());

    let bare = co
        .at("2026-10-02 09:00")
        .add_initiative(&NewInitiative {
            title: "Bare".into(),
            owner: "Ravi Menon".into(),
            status: Some(Status::Active),
            target_date: Some("2026-12-01".into()),
            backup_date: Some("2026-12-08".into()),
            risk: Some("nobody knows why".into()),
            risk_level: Some(RiskLevel::Low),
            ..Default::default()
        })
        .unwrap();
    let r = co.review("2026-11", "2026-11-23");
    let named: Vec<_> = r
        .signals
        .without_outcome
        .iter()
        .map(|i| i.initiative_id)
        .collect();
    assert_eq!(named, [bare.id]);
    assert_eq!(r.signals.without_outcome[0].owner, "Ravi Menon");
}

#[test]
fn a_change_at_23_59_on_the_last_day_belongs_to_that_month() {
    let co = Company::temp();
    let a = co.active(
        "2027-01-04 09:00",
        "A",
        "Tomás Silva",
        "2027-03-01",
        "2027-03-08",
    );
    co.dates(
        "2027-01-31 23:59",
        a,
        "2027-03-05",
        "2027-03-12",
        "last minute of January",
    );
    co.dates(
        "2027-02-01 00:00",
        a,
        "2027-03-08",
        "2027-03-15",
        "first minute of February",
    );

    let jan = co.review("2027-01", "2027-03-01");
    assert_eq!(jan.last_day, d("2027-01-31"));
    let reasons: Vec<_> = jan
        .changes
        .date_moves
        .iter()
        .map(|m| m.reason.clone().unwrap())
        .collect();
    assert_eq!(reasons, ["last minute of January"]);
    assert_eq!(
        jan.roadmap.not_started[0].target_date,
        Some(d("2027-03-05"))
    );

    let feb = co.review("2027-02", "2027-03-01");
    assert_eq!(feb.last_day, d("2027-02-28"));
    let reasons: Vec<_> = feb
        .changes
        .date_moves
        .iter()
        .map(|m| m.reason.clone().unwrap())
        .collect();
    assert_eq!(reasons, ["first minute of February"]);
}

#[test]
fn leap_february_ends_on_the_29th() {
    let co = Company::temp();
    let a = co.active(
        "2028-02-01 09:00",
        "A",
        "Tomás Silva",
        "2028-02-29",
        "2028-03-07",
    );
    co.status("2028-02-29 23:59", a, "done", "on the leap day");
    let b = co.active(
        "2028-02-01 09:00",
        "B",
        "Lena Fischer",
        "2028-02-28",
        "2028-03-06",
    );
    co.checkin("2028-02-25 17:00", b, "2028-W08", "on-track");

    let r = co.review("2028-02", "2028-03-15");
    assert_eq!((r.last_day, r.as_of), (d("2028-02-29"), d("2028-02-29")));
    assert_eq!(titles(&r.roadmap.done), ["A"]);
    assert_eq!(r.roadmap.done[0].done_on, Some(d("2028-02-29")));
    // B's target (the 28th) passed on the 29th while B was still open.
    assert_eq!(
        r.roadmap.on_track[0].date_warning,
        Some(cadence::review::monthly_review::DateWarning::PastTarget)
    );
    let mar = co.review("2028-03", "2028-03-15");
    assert!(mar.roadmap.done.is_empty());
    assert!(mar.changes.is_empty());
}

#[test]
fn the_31st_and_a_month_under_way() {
    let co = Company::temp();
    let a = co.active(
        "2026-12-01 09:00",
        "A",
        "Tomás Silva",
        "2026-12-31",
        "2027-01-08",
    );
    co.status("2026-12-31 18:00", a, "done", "new year's eve");
    let mut ws = co.at("2026-12-01 09:00");
    ws.add_decision("Year-end freeze?", "Maya Okafor", "2026-12-31", None)
        .unwrap();
    drop(ws);
    let mid = co.review("2026-12", "2026-12-15");
    assert_eq!(mid.as_of, d("2026-12-15"));
    assert!(mid.roadmap.done.is_empty());
    let end = co.review("2026-12", "2027-01-05");
    assert_eq!(end.as_of, d("2026-12-31"));
    assert_eq!(titles(&end.roadmap.done), ["A"]);
    assert_eq!(end.decisions.open[0].days_overdue, 0);
    let jan = co.review("2027-01", "2027-01-05");
    assert_eq!(jan.decisions.open[0].days_overdue, 5);
}

#[test]
fn rerunning_a_past_month_gives_the_same_review() {
    let co = Company::temp();
    let mut ws = co.at("2026-11-23 08:00");
    ws.load_sample(false).unwrap();
    drop(ws);
    let before = co.review("2026-10", "2026-11-23");
    let a = co.active(
        "2026-11-23 10:00",
        "Later",
        "Tomás Silva",
        "2026-12-01",
        "2026-12-08",
    );
    co.dates("2026-11-24 10:00", a, "2026-12-04", "2026-12-11", "later");
    let after = co.review("2026-10", "2026-11-25");
    assert_eq!(
        serde_json::to_value(&before.roadmap).unwrap(),
        serde_json::to_value(&after.roadmap).unwrap()
    );
    assert_eq!(before.changes, after.changes);
    assert_eq!(before.signals, after.signals);
    assert_eq!(before.decisions, after.decisions);
}

#[test]
fn the_workspace_reads_the_calls_without_their_texts_and_agrees_with_the_whole_snapshot() {
    let f = common::quarter::fernhill();
    for (month, today) in [
        ("2026-10", "2026-11-20"),
        ("2026-11", "2026-11-20"),
        ("2026-12", "2027-01-05"),
        ("2027-01", "2027-01-05"),
    ] {
        let ws = f.co.at(&format!("{today} 12:00"));
        let read = ws
            .monthly_review(Some(Month::parse("month", month).unwrap()))
            .unwrap();
        assert_eq!(read, f.co.review(month, today), "{month} on {today}");
    }
}
