//! Every figure of the quarterly review checked on a quarter worked out by hand
//! (`tests/common/quarter.rs`), read from a real workspace file.

mod common;

use cadence::model::{Health, RiskLevel, Track};
use cadence::review::quarterly_review::{quarterly, Delivery, PlanItem, QuarterlyReview};
use common::company::d;
use common::quarter::{fernhill, q, Fernhill};

fn review(f: &Fernhill, quarter: &str, today: &str) -> QuarterlyReview {
    let ws = f.co.at(&format!("{today} 12:00"));
    quarterly(&ws.snapshot().unwrap(), q(quarter), d(today))
}

fn titles(items: &[PlanItem]) -> Vec<&str> {
    items.iter().map(|i| i.title.as_str()).collect()
}

#[test]
fn planned_vs_delivered_is_measured_against_the_baseline() {
    let f = fernhill();
    let r = review(&f, "2026-Q4", "2027-01-05");
    assert_eq!(r.as_of, d("2026-12-31"));
    assert!(r.ended);
    assert_eq!(r.convention, "calendar quarters");
    let plan = &r.plan;
    let commitment = plan.commitment.as_ref().unwrap();
    assert_eq!(commitment.committed_at.to_string(), "2026-09-28 10:00:00");
    assert_eq!(
        titles(&plan.committed),
        [
            "Pricing experiment",
            "Offline mode",
            "Billing v2",
            "Search on Postgres",
            "Payment reminders",
            // Put in by the amendment: part of the plan, measured against its dates.
            "Accountant portal"
        ]
    );
    let outcome: Vec<(Delivery, Option<i32>)> = plan
        .committed
        .iter()
        .map(|i| (i.delivery, i.slip_days))
        .collect();
    assert_eq!(
        outcome,
        [
            (Delivery::Dropped, None),
            (Delivery::Late, Some(19)),
            (Delivery::ByTarget, Some(0)),
            (Delivery::ByBackup, Some(5)),
            (Delivery::Slipped, Some(36)),
            (Delivery::ByTarget, Some(0)),
        ]
    );
    let c = plan.counts;
    assert_eq!(
        (
            c.committed,
            c.delivered_by_target,
            c.delivered_by_backup,
            c.delivered_late,
            c.slipped,
            c.dropped,
            c.open,
            c.added
        ),
        (6, 2, 1, 1, 1, 1, 0, 1)
    );
    let pricing = &plan.committed[0];
    assert_eq!(
        pricing.dropped_reason.as_deref(),
        Some("Traffic too low to read a result")
    );
    let reminders = &plan.committed[4];
    assert_eq!(reminders.target_date, Some(d("2027-01-20")));
    assert_eq!(reminders.done_on, None, "done after the quarter: not known");
    assert_eq!(reminders.date_moves, 1);

    // Started mid-quarter outside the plan: listed apart, not counted in it.
    assert_eq!(titles(&plan.added), ["Release pipeline hotfix"]);
    let hotfix = &plan.added[0];
    assert_eq!(hotfix.added_at.unwrap().to_string(), "2026-10-12 09:00:00");
    assert_eq!(
        (hotfix.committed_target, hotfix.delivery, hotfix.slip_days),
        (d("2026-10-23"), Delivery::ByBackup, Some(5))
    );
    let portal = &plan.committed[5];
    assert_eq!(portal.added_at.unwrap().to_string(), "2026-11-17 11:00:00");
    assert_eq!(portal.delivery, Delivery::ByTarget);

    assert_eq!(plan.amendments.len(), 1);
    let a = &plan.amendments[0];
    assert_eq!(
        a.reason.as_deref(),
        Some("Accountant portal pulled in for the partner launch")
    );
    assert_eq!(a.added[0].initiative_id, f.portal);
    assert_eq!(a.removed[0].initiative_id, f.pricing);
}

#[test]
fn a_date_reset_after_the_commitment_stays_a_slip() {
    let f = fernhill();
    let r = review(&f, "2026-Q4", "2027-01-05");
    let offline = r
        .plan
        .committed
        .iter()
        .find(|i| i.initiative_id == f.offline)
        .unwrap();
    // Done on 25 November: on time against the reset dates, late against the committed ones.
    assert_eq!(offline.target_date, Some(d("2026-11-27")));
    assert_eq!(offline.done_on, Some(d("2026-11-25")));
    assert_eq!(
        (offline.committed_target, offline.committed_backup),
        (d("2026-11-06"), d("2026-11-13"))
    );
    assert_eq!(offline.delivery, Delivery::Late);
    assert_eq!(offline.slip_days, Some(19));
    // The amendment carried it with its committed dates.
    let ws = f.co.at("2027-01-05 12:00");
    let baselines = ws.baselines(q("2026-Q4")).unwrap();
    assert_eq!(baselines.len(), 2);
    assert_eq!(baselines[1].amends, Some(baselines[0].id));
    let carried = baselines[1]
        .items
        .iter()
        .find(|x| x.initiative_id == f.offline)
        .unwrap();
    assert_eq!(carried.target_date, d("2026-11-06"));
}

#[test]
fn date_reliability_and_the_owners_calls() {
    let f = fernhill();
    let r = review(&f, "2026-Q4", "2027-01-05");
    let rel = &r.reliability;
    assert_eq!((rel.due, rel.by_target, rel.by_backup), (6, 2, 3));
    assert_eq!(
        (rel.by_target_percent, rel.by_backup_percent),
        (Some(33), Some(50))
    );
    // Slips of 0 (Billing v2), 0 (the portal, added by the amendment), 5, 19 and 36 days:
    // the median is 5.
    assert_eq!(rel.median_slip_days, Some(5.0));
    let worst = rel.worst_slip.as_ref().unwrap();
    assert_eq!((worst.initiative_id, worst.days), (f.reminders, 36));
    let calls: Vec<(&str, u32, u32, Option<u32>)> = rel
        .owners
        .iter()
        .map(|o| {
            (
                o.owner.as_str(),
                o.on_track_calls,
                o.ended_on_time,
                o.percent,
            )
        })
        .collect();
    assert_eq!(
        calls,
        [
            // Offline mode: on track for 6 November (missed), then for 27 November (kept).
            ("Lena Fischer", 2, 1, Some(50)),
            ("Priya Natarajan", 1, 1, Some(100)),
            // The replaced "on track" of week 49 does not count.
            ("Sam Whitaker", 1, 0, Some(0)),
            // Three calls on Billing v2 kept; the hotfix missed 23 October; the Audit export
            // call is not judged yet; the call of week 39 belongs to the previous quarter.
            ("Tomás Silva", 4, 3, Some(75)),
        ]
    );
}

#[test]
fn churn_backlog_and_outcomes() {
    let f = fernhill();
    let r = review(&f, "2026-Q4", "2027-01-05");
    let churn = &r.churn;
    assert_eq!(
        (churn.reprioritisations, churn.date_moves, churn.scope_cuts),
        (2, 2, 1)
    );
    let per: Vec<(i64, u32, u32, u32)> = churn
        .initiatives
        .iter()
        .map(|i| {
            (
                i.initiative_id,
                i.reprioritisations,
                i.date_moves,
                i.scope_cuts,
            )
        })
        .collect();
    assert_eq!(
        per,
        [
            (f.offline, 0, 1, 1),
            (f.reminders, 1, 1, 0),
            (f.search, 1, 0, 0)
        ]
    );
    assert_eq!(churn.cuts[0].item, "Sync of attachments");
    assert_eq!(
        churn.cuts[0].reason.as_deref(),
        Some("Attachments can wait for v2")
    );

    let b = r.backlog;
    assert_eq!((b.proposed_at_start, b.proposed_at_end, b.added), (2, 3, 2));

    let o = &r.outcomes;
    assert_eq!(
        (o.done, o.with_measure, o.with_result, o.with_both),
        (5, 4, 2, 2)
    );
    assert_eq!(
        (
            o.with_measure_percent,
            o.with_result_percent,
            o.with_both_percent
        ),
        (Some(80), Some(40), Some(40))
    );
    let done: Vec<i64> = o.delivered.iter().map(|i| i.initiative_id).collect();
    assert_eq!(done, [f.hotfix, f.billing, f.offline, f.search, f.portal]);
}

#[test]
fn investment_mix_by_track() {
    let f = fernhill();
    let r = review(&f, "2026-Q4", "2027-01-05");
    let mix = &r.investment;
    assert_eq!((mix.initiatives, mix.checkin_weeks), (8, 12));
    type Share = (Track, u32, Option<u32>, u32, Option<u32>);
    let tracks: Vec<Share> = mix
        .tracks
        .iter()
        .map(|t| {
            (
                t.track,
                t.initiatives,
                t.initiatives_percent,
                t.checkin_weeks,
                t.checkin_weeks_percent,
            )
        })
        .collect();
    assert_eq!(
        tracks,
        [
            (Track::Customer, 5, Some(63), 10, Some(83)),
            (Track::Release, 1, Some(13), 1, Some(8)),
            (Track::Enabler, 1, Some(13), 1, Some(8)),
            (Track::Discovery, 1, Some(13), 0, Some(0)),
        ]
    );
}

#[test]
fn risk_picture_at_the_quarters_end() {
    let f = fernhill();
    let r = review(&f, "2026-Q4", "2027-01-05");
    let risk = &r.risk;
    assert_eq!(risk.active, 2);
    assert_eq!(risk.grid.len(), 12);
    let filled: Vec<(RiskLevel, Option<Health>, Vec<i64>)> = risk
        .grid
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| {
            let ids = c.initiatives.iter().map(|i| i.initiative_id).collect();
            (c.risk_level, c.health, ids)
        })
        .collect();
    assert_eq!(
        filled,
        [
            (RiskLevel::Medium, Some(Health::AtRisk), vec![f.reminders]),
            (RiskLevel::High, Some(Health::OnTrack), vec![f.audit]),
        ]
    );
    let top: Vec<(i64, &str)> = risk
        .top_risks
        .iter()
        .map(|t| (t.initiative_id, t.risk.as_str()))
        .collect();
    assert_eq!(
        top,
        [
            (f.audit, "the auditors' file format may change"),
            (f.reminders, "the email provider may throttle us"),
        ]
    );
    let enablers: Vec<(i64, Option<chrono::NaiveDate>)> = risk
        .enablers
        .iter()
        .map(|e| (e.initiative_id, e.done_on))
        .collect();
    assert_eq!(
        enablers,
        [(f.soc2, None), (f.search, Some(d("2026-12-09")))]
    );
}

#[test]
fn key_figures_and_the_trend_over_previous_quarters() {
    let f = fernhill();
    let r = review(&f, "2026-Q4", "2027-01-05");
    let k = &r.key_figures;
    assert_eq!(k.quarter, "2026-Q4");
    assert!(k.planned);
    assert_eq!(
        (
            k.committed,
            k.delivered,
            k.done,
            k.date_moves,
            k.proposed_at_end
        ),
        (6, 4, 5, 2, 3)
    );
    assert_eq!(
        (k.by_target_percent, k.by_backup_percent, k.median_slip_days),
        (Some(33), Some(50), Some(5.0))
    );
    assert_eq!(k.enabler_weeks_percent, Some(8));
    // Only 2026-Q3 has data before: one check-in, no plan.
    assert_eq!(r.trend.len(), 1);
    let q3 = &r.trend[0];
    assert_eq!(q3.quarter, "2026-Q3");
    assert!(!q3.planned);
    assert_eq!((q3.committed, q3.by_target_percent), (0, None));
    assert_eq!((q3.enabler_weeks_percent, q3.proposed_at_end), (Some(0), 2));

    // The next quarter's trend holds both, oldest first.
    let next = review(&f, "2027-Q1", "2027-01-05");
    let quarters: Vec<&str> = next.trend.iter().map(|t| t.quarter.as_str()).collect();
    assert_eq!(quarters, ["2026-Q3", "2026-Q4"]);
    assert_eq!(next.trend[1], r.key_figures);
    // Payment reminders, done after 2026-Q4, is not in 2027-Q1's plan: not added either,
    // since it was active when the quarter began.
    assert!(next.plan.committed.is_empty() && next.plan.added.is_empty());
}

#[test]
fn a_past_quarter_reads_the_same_later() {
    let f = fernhill();
    let early = review(&f, "2026-Q4", "2027-01-05");
    f.co.dates(
        "2027-02-01 10:00",
        f.audit,
        "2027-03-15",
        "2027-03-22",
        "Auditors changed the format",
    );
    let mut late = review(&f, "2026-Q4", "2027-03-01");
    late.today = early.today;
    assert_eq!(late, early);
}

#[test]
fn a_quarter_under_way_counts_only_what_is_due() {
    let f = fernhill();
    let r = review(&f, "2026-Q4", "2026-11-20");
    assert!(!r.ended);
    assert_eq!(r.as_of, d("2026-11-20"));
    let outcome: Vec<(i64, Delivery, Option<i32>)> = r
        .plan
        .committed
        .iter()
        .map(|i| (i.initiative_id, i.delivery, i.slip_days))
        .collect();
    assert_eq!(
        outcome,
        [
            (f.pricing, Delivery::Dropped, None),
            // Past its committed target of 6 November, re-dated to 27 November.
            (f.offline, Delivery::Open, Some(21)),
            (f.billing, Delivery::ByTarget, Some(0)),
            (f.search, Delivery::Open, None),
            (f.reminders, Delivery::Open, None),
            (f.portal, Delivery::Open, None),
        ]
    );
    // Due: the dropped one, the one delivered and the open one past its target.
    let rel = &r.reliability;
    assert_eq!(
        (rel.due, rel.by_target, rel.by_target_percent),
        (3, 1, Some(33))
    );
    assert_eq!(rel.median_slip_days, Some(10.5));
}

#[test]
fn the_workspace_reads_the_calls_without_their_texts_and_agrees_with_the_whole_snapshot() {
    let f = fernhill();
    for (quarter, today) in [
        ("2026-Q4", "2027-01-05"),
        ("2026-Q4", "2026-11-20"),
        ("2026-Q3", "2027-01-05"),
        ("2027-Q1", "2027-01-05"),
    ] {
        let ws = f.co.at(&format!("{today} 12:00"));
        let read = ws.quarterly_review(Some(q(quarter))).unwrap();
        assert_eq!(read, review(&f, quarter, today), "{quarter} on {today}");
    }
}
