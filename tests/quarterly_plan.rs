//! Committing a quarter's plan (the baseline) on real workspace files: one commitment per
//! quarter, amendments with a reason, the rules each committed initiative must pass, quarter
//! edges and a fiscal year starting in April.

mod common;

use cadence::calendar::Quarter;
use cadence::model::{Status, Track};
use cadence::review::quarterly_review::{quarterly, Delivery};
use cadence::Error;
use common::company::{d, Company};
use common::quarter::{q, Spec};

fn spec<'a>(title: &'a str, status: Status, dates: Option<(&'a str, &'a str)>) -> Spec<'a> {
    Spec {
        title,
        owner: "Tomás Silva",
        track: Track::Customer,
        status,
        dates,
        risk: dates.map(|_| ("the vendor may be late", "medium")),
        measure: None,
    }
}

#[test]
fn one_commitment_per_quarter_and_amendments_need_a_reason() {
    let co = Company::temp();
    let a = co.add(
        "2026-09-01 09:00",
        spec(
            "Billing v2",
            Status::Active,
            Some(("2026-11-13", "2026-11-20")),
        ),
    );
    let b = co.add(
        "2026-09-01 09:00",
        spec("Search", Status::Active, Some(("2026-12-04", "2026-12-11"))),
    );
    let first = co
        .at("2026-09-28 10:00")
        .commit_plan(q("2026-Q4"), &[a], None)
        .unwrap();
    assert_eq!((first.quarter.as_str(), first.amends), ("2026-Q4", None));

    let err = co
        .at("2026-10-05 10:00")
        .commit_plan(q("2026-Q4"), &[a, b], None)
        .unwrap_err();
    assert_eq!(err.field(), Some("reason"));
    assert_eq!(
        err.to_string(),
        "reason: the plan for 2026-Q4 was committed on 2026-09-28; amending it needs a reason"
    );
    let err = co
        .at("2026-10-05 10:00")
        .commit_plan(q("2026-Q4"), &[a], Some("again"))
        .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err}");

    let amended = co
        .at("2026-10-05 10:00")
        .commit_plan(q("2026-Q4"), &[a, b], Some("Search is back in"))
        .unwrap();
    assert_eq!(amended.amends, Some(first.id));
    let ws = co.at("2026-10-05 11:00");
    let history = ws.baselines(q("2026-Q4")).unwrap();
    assert_eq!(history, [first, amended]);
    assert!(ws.baselines(q("2027-Q1")).unwrap().is_empty());
}

#[test]
fn committing_activates_a_proposed_initiative_that_passes_the_rules() {
    let co = Company::temp();
    let ready = co.add(
        "2026-09-01 09:00",
        spec(
            "Reminders",
            Status::Proposed,
            Some(("2026-12-01", "2026-12-08")),
        ),
    );
    let bare = co.add(
        "2026-09-01 09:00",
        spec("Dark mode", Status::Proposed, None),
    );
    let later = co.add(
        "2026-09-01 09:00",
        spec("Portal", Status::Active, Some(("2027-01-04", "2027-01-08"))),
    );

    // All or nothing: one initiative breaking a rule refuses the whole plan.
    let err = co
        .at("2026-09-28 10:00")
        .commit_plan(q("2026-Q4"), &[ready, bare], None)
        .unwrap_err();
    assert_eq!(err.field(), Some("target_date"));
    assert!(
        err.to_string().contains("'Dark mode' (initiative 2)"),
        "{err}"
    );
    let err = co
        .at("2026-09-28 10:00")
        .commit_plan(q("2026-Q4"), &[ready, later], None)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "target_date: 'Portal' (initiative 3): the target date (2027-01-04) falls outside \
         2026-Q4 (2026-10-01 to 2026-12-31); a plan commits what its quarter delivers"
    );
    let ws = co.at("2026-09-28 10:01");
    assert!(ws.baselines(q("2026-Q4")).unwrap().is_empty());
    assert_eq!(ws.initiative(ready).unwrap().status, Status::Proposed);

    co.commit_ok("2026-09-28 10:05", "2026-Q4", &[ready]);
    let ws = co.at("2026-09-28 10:06");
    assert_eq!(ws.initiative(ready).unwrap().status, Status::Active);
    let last = ws.history(ready).unwrap().pop().unwrap();
    assert_eq!(
        (
            last.field.as_ref(),
            last.new_value.as_deref(),
            last.reason.as_deref()
        ),
        (
            "status",
            Some("active"),
            Some("Committed to the plan for 2026-Q4")
        )
    );

    let err = co
        .at("2026-09-28 10:00")
        .commit_plan(q("2026-Q4"), &[], None)
        .unwrap_err();
    assert_eq!(err.field(), Some("initiatives"));
    let err = co
        .at("2027-01-02 10:00")
        .commit_plan(q("2026-Q4"), &[ready], Some("late"))
        .unwrap_err();
    assert_eq!(err.field(), Some("quarter"));
}

impl Company {
    fn commit_ok(&self, when: &str, quarter: &str, ids: &[i64]) {
        self.commit(when, quarter, ids, None);
    }
}

#[test]
fn before_the_quarter_an_amendment_re_dates_after_it_began_never() {
    let co = Company::temp();
    let a = co.add(
        "2026-09-01 09:00",
        spec(
            "Billing v2",
            Status::Active,
            Some(("2026-11-13", "2026-11-20")),
        ),
    );
    co.commit_ok("2026-09-20 10:00", "2026-Q4", &[a]);
    co.dates(
        "2026-09-25 10:00",
        a,
        "2026-11-27",
        "2026-12-04",
        "replanned",
    );
    let b = co.add(
        "2026-09-26 09:00",
        spec("Search", Status::Active, Some(("2026-12-04", "2026-12-11"))),
    );
    co.commit("2026-09-28 10:00", "2026-Q4", &[a, b], Some("Replanned"));
    co.dates(
        "2026-10-10 10:00",
        a,
        "2026-12-18",
        "2026-12-23",
        "slipping",
    );
    co.commit("2026-10-12 10:00", "2026-Q4", &[a], Some("Search out"));
    let ws = co.at("2026-10-12 11:00");
    let history = ws.baselines(q("2026-Q4")).unwrap();
    let target = |k: usize| history[k].items[0].target_date;
    assert_eq!(
        (target(0), target(1), target(2)),
        (d("2026-11-13"), d("2026-11-27"), d("2026-11-27"))
    );

    // Measured against the plan in force when the quarter began: the second commitment.
    co.done("2026-12-20 10:00", a, None);
    let r = quarterly(
        &co.at("2027-01-05 09:00").snapshot().unwrap(),
        q("2026-Q4"),
        d("2027-01-05"),
    );
    let commitment = r.plan.commitment.as_ref().unwrap();
    assert_eq!(commitment.baseline_id, history[1].id);
    assert_eq!(r.plan.amendments.len(), 1);
    let billing = &r.plan.committed[0];
    assert_eq!(billing.committed_target, d("2026-11-27"));
    assert_eq!(billing.delivery, Delivery::Late);
    let search = &r.plan.committed[1];
    assert_eq!(
        (search.delivery, search.dropped_reason.as_deref()),
        (Delivery::Dropped, Some("Search out"))
    );
}

#[test]
fn quarter_edges_belong_to_their_quarter() {
    let co = Company::temp();
    let on_last_day = co.add(
        "2026-09-01 09:00",
        spec(
            "Last day",
            Status::Active,
            Some(("2026-12-31", "2026-12-31")),
        ),
    );
    let next_morning = co.add(
        "2026-09-01 09:00",
        spec(
            "Next morning",
            Status::Active,
            Some(("2026-12-30", "2026-12-31")),
        ),
    );
    co.commit_ok("2026-09-30 23:59", "2026-Q4", &[on_last_day, next_morning]);
    co.dates(
        "2026-09-30 23:59",
        next_morning,
        "2026-12-31",
        "2026-12-31",
        "late",
    );
    co.dates(
        "2026-10-01 00:00",
        on_last_day,
        "2026-12-30",
        "2026-12-31",
        "earlier",
    );
    co.call("2026-12-31 17:00", on_last_day, "2026-W53", "on-track");
    co.call("2027-01-08 17:00", next_morning, "2027-W01", "on-track");
    co.done("2026-12-31 23:59", on_last_day, None);
    co.done("2027-01-01 00:00", next_morning, None);

    let ws = co.at("2027-04-02 09:00");
    let snap = ws.snapshot().unwrap();
    let q4 = quarterly(&snap, q("2026-Q4"), d("2027-04-02"));
    let outcome: Vec<Delivery> = q4.plan.committed.iter().map(|i| i.delivery).collect();
    assert_eq!(outcome, [Delivery::Slipped, Delivery::ByTarget]);
    // The commitment at 23:59 on 30 September was before the quarter: its date move at the
    // same minute is not the quarter's; the one at midnight is.
    assert_eq!(q4.churn.date_moves, 1);
    assert_eq!(q4.churn.initiatives[0].initiative_id, on_last_day);
    // Week 53 of 2026 ends on 3 January 2027 but its Thursday is 31 December.
    assert_eq!(q4.investment.checkin_weeks, 1);
    let q1 = quarterly(&snap, q("2027-Q1"), d("2027-04-02"));
    assert_eq!(q1.investment.checkin_weeks, 1);
    assert_eq!(q1.outcomes.done, 1);
    assert_eq!(q1.outcomes.delivered[0].initiative_id, next_morning);
}

#[test]
fn a_fiscal_year_starting_in_april() {
    let co = Company::temp();
    co.at("2026-09-01 08:00")
        .set_known_setting("fiscal_year_start", "4")
        .unwrap();
    let ws = co.at("2026-12-10 09:00");
    let quarter = ws.quarter(None).unwrap();
    assert_eq!(quarter.to_string(), "2026-Q3");
    let next = ws.plan_session(None).unwrap();
    assert_eq!(
        (next.quarter.as_str(), next.first_day, next.last_day),
        ("2026-Q4", d("2027-01-01"), d("2027-03-31"))
    );
    assert_eq!(
        next.convention,
        "fiscal quarters, fiscal year starting in April"
    );

    let edge = co.add(
        "2026-12-10 09:00",
        spec(
            "Year end close",
            Status::Active,
            Some(("2027-03-31", "2027-03-31")),
        ),
    );
    let outside = co.add(
        "2026-12-10 09:00",
        spec(
            "New year",
            Status::Active,
            Some(("2027-04-01", "2027-04-09")),
        ),
    );
    let fiscal = |text: &str| Quarter::parse("quarter", text, 4).unwrap();
    let err = co
        .at("2026-12-15 10:00")
        .commit_plan(fiscal("2026-Q4"), &[edge, outside], None)
        .unwrap_err();
    assert!(err
        .to_string()
        .contains("falls outside 2026-Q4 (2027-01-01 to 2027-03-31)"));
    co.at("2026-12-15 10:00")
        .commit_plan(fiscal("2026-Q4"), &[edge], None)
        .unwrap();
    let session = co.at("2026-12-15 10:01").plan_session(None).unwrap();
    let flags: Vec<(i64, bool, bool, Option<&str>)> = session
        .candidates
        .iter()
        .map(|c| {
            (
                c.id,
                c.committed,
                c.suggested,
                c.blocked_by.as_ref().map(|b| b.field.as_str()),
            )
        })
        .collect();
    assert_eq!(
        flags,
        [
            (edge, true, true, None),
            (outside, false, false, Some("target_date"))
        ]
    );

    let blocked = session.candidates[1].blocked_by.as_ref().unwrap();
    assert!(
        blocked
            .message
            .starts_with("the target date (2027-04-01) falls outside 2026-Q4"),
        "the list shows the title already: {}",
        blocked.message
    );

    // Quarters are counted from April now that a plan is committed.
    let err = co
        .at("2026-12-16 10:00")
        .set_known_setting("fiscal_year_start", "1")
        .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err}");
    co.at("2026-12-16 10:00")
        .set_known_setting("fiscal_year_start", "04")
        .unwrap();

    co.done("2027-03-31 18:00", edge, None);
    let r = co
        .at("2027-04-02 09:00")
        .quarterly_review(Some(fiscal("2026-Q4")))
        .unwrap();
    assert_eq!(r.quarter, "2026-Q4");
    assert_eq!(r.fiscal_year_start, 4);
    assert_eq!(
        (r.first_day, r.last_day),
        (d("2027-01-01"), d("2027-03-31"))
    );
    assert_eq!(r.plan.counts.delivered_by_target, 1);
}

#[test]
fn baselines_survive_export_and_import_byte_for_byte() {
    let f = common::quarter::fernhill();
    let text = f.co.at("2027-01-05 09:00").export_json().unwrap();
    assert!(text.contains("\"amends\": 1"));
    let copy = Company::temp();
    let mut ws = copy.at("2027-01-05 09:00");
    ws.import_json(&text, false).unwrap();
    assert_eq!(ws.export_json().unwrap(), text);
    assert_eq!(ws.baselines(q("2026-Q4")).unwrap().len(), 2);
}
