//! One judgement of each delivery, read by the weekly, monthly and quarterly updates alike
//! (issue 13, section 1): against the quarter's committed plan date when there is a plan,
//! otherwise against the first committed target; a date reset later never hides a slip.

mod common;

use cadence::narrative::monthly_update::monthly_update;
use cadence::narrative::quarterly_update::quarterly_update;
use cadence::narrative::weekly_update::weekly_update;
use cadence::render::update_text;
use cadence::review::delivery::Basis;
use cadence::review::quarterly_review::quarterly;
use common::company::{d, Company};
use common::quarter::q;

/// Q1 2027 worked by hand. Billing v2 was first committed for 20 November 2026, moved to 29
/// January (backup 5 February) and committed so in the Q1 plan, then reset to 10 February
/// and done that day: 12 days after the plan date, 82 after the first commitment. Search,
/// in the plan for 10 March, moved to 20 April: out of the quarter. Reports, in the plan for
/// 1 February (backup 8 February), reset to 15 March, still called on track.
struct Q1 {
    co: Company,
    billing: i64,
}

fn q1() -> Q1 {
    let co = Company::temp();
    let billing = co.active(
        "2026-10-01 09:00",
        "Billing v2",
        "Tomás Silva",
        "2026-11-20",
        "2026-11-27",
    );
    co.dates(
        "2026-11-10 09:00",
        billing,
        "2027-01-29",
        "2027-02-05",
        "Payment provider changed its API",
    );
    let search = co.active(
        "2026-12-01 09:00",
        "Search",
        "Ravi Menon",
        "2027-03-10",
        "2027-03-17",
    );
    let reports = co.active(
        "2026-12-01 09:00",
        "Reports",
        "Lena Fischer",
        "2027-02-01",
        "2027-02-08",
    );
    co.commit(
        "2026-12-20 10:00",
        "2027-Q1",
        &[billing, search, reports],
        None,
    );
    co.dates(
        "2027-01-25 09:00",
        billing,
        "2027-02-10",
        "2027-02-17",
        "QA found refund bugs",
    );
    co.dates(
        "2027-01-30 09:00",
        reports,
        "2027-03-15",
        "2027-03-22",
        "Charts took longer",
    );
    co.done("2027-02-10 16:00", billing, None);
    co.dates(
        "2027-02-15 09:00",
        search,
        "2027-04-20",
        "2027-04-27",
        "Index rebuild needs a maintenance window",
    );
    for id in [search, reports] {
        co.checkin("2027-02-22 09:00", id, "2027-W08", "on-track");
    }
    Q1 { co, billing }
}

const LATE: &str = "Billing v2 (Tomás Silva) shipped on 10 February, 12 days after the Q1 plan \
                    date of 29 January (82 days after the first commitment) and past its backup \
                    of 5 February.";

#[test]
fn a_reset_date_never_makes_a_late_delivery_look_on_time_in_any_update() {
    let f = q1();
    let ws = f.co.at("2027-02-26 12:00");
    let snap = ws.snapshot().unwrap();

    let monthly = update_text(&monthly_update(&f.co.review("2027-02", "2027-02-26")));
    assert!(monthly.contains(&format!("- {LATE}")), "{monthly}");
    assert!(!monthly.contains("on its target date"), "{monthly}");

    let week = f.co.week("2027-W06", "2027-02-26");
    let shipped = &week.shipped[0];
    assert_eq!(shipped.initiative_id, f.billing);
    let j = shipped.delivery.as_ref().unwrap();
    assert_eq!(j.basis, Basis::Plan);
    assert_eq!(
        (
            j.target,
            j.first_target,
            j.days_after_target,
            j.days_after_first
        ),
        (
            Some(d("2027-01-29")),
            Some(d("2026-11-20")),
            Some(12),
            Some(82)
        )
    );
    let weekly = update_text(&weekly_update(&week));
    assert!(weekly.contains(&format!("- {LATE}")), "{weekly}");

    let quarter = quarterly(&snap, q("2027-Q1"), d("2027-02-26"));
    let quarterly = update_text(&quarterly_update(&quarter));
    let said = LATE.replacen(" shipped", ": shipped", 1);
    assert!(quarterly.contains(&format!("- {said}")), "{quarterly}");
}

#[test]
fn committed_work_that_slipped_out_of_its_quarter_says_so() {
    let f = q1();
    let monthly = update_text(&monthly_update(&f.co.review("2027-02", "2027-02-26")));
    assert!(
        monthly.contains(
            "- Search (Ravi Menon) is on track for 20 April, with 27 April as the \
             backup. It is now outside the Q1 plan. It was first committed for 10 March."
        ),
        "{monthly}"
    );
    let week = f.co.week("2027-W08", "2027-02-26");
    let weekly = update_text(&weekly_update(&week));
    assert!(
        weekly.contains("It is now outside the Q1 plan."),
        "{weekly}"
    );
    let snap = f.co.at("2027-02-26 12:00").snapshot().unwrap();
    let quarter = quarterly(&snap, q("2027-Q1"), d("2027-02-26"));
    let quarterly = update_text(&quarterly_update(&quarter));
    assert!(
        quarterly.contains("now expected on 20 April, outside the Q1 2027 plan"),
        "{quarterly}"
    );
}

#[test]
fn an_on_track_call_that_its_passed_dates_contradict_is_counted_apart() {
    let f = q1();
    let week = f.co.week("2027-W08", "2027-02-26");
    assert_eq!(
        (week.headline.on_track, week.headline.on_track_past_both),
        (2, 1)
    );
    let weekly = weekly_update(&week);
    assert_eq!(
        weekly.summary[0],
        "Of 2 active initiatives, 2 are on track, 1 of them past both dates. Nothing shipped \
         this week."
    );
    let text = update_text(&weekly);
    assert!(
        text.contains("The dates of the Q1 plan, 1 February and 8 February, have passed."),
        "{text}"
    );

    let month = f.co.review("2027-02", "2027-02-26");
    assert_eq!(month.counts.on_track_past_both, 1);
    assert!(monthly_update(&month).summary[0]
        .starts_with("As of 26 February, 2 initiatives are on track, 1 of them past both dates."));
}
