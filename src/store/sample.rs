//! The sample company: a small invoicing-software company, its people, a quarter of
//! initiatives with their committed plan and eight weeks of history, dated relative to today
//! so it always looks current.

mod releases;

use chrono::{Duration, NaiveDate};

use crate::calendar::{Clock, IsoWeek, Quarter};
use crate::error::{Error, Result};
use crate::model::{
    Health, Id, InitiativePatch, NewCheckIn, NewInitiative, RiskLevel, Status, Track,
};
use crate::release::PainBucket;
use crate::store::Workspace;

impl Workspace {
    /// Fills the workspace with the sample company, in one transaction. Refuses a workspace
    /// that holds anything unless `force`, which replaces its content.
    pub fn load_sample(&mut self, force: bool) -> Result<()> {
        if !force && !self.is_empty()? {
            return Err(Error::Conflict(
                "the workspace is not empty; the sample company replaces everything, so ask \
                 for it with force (cadence demo --force)"
                    .into(),
            ));
        }
        let text = build(self.clock().today())?.export_json()?;
        self.import_json(&text, true)
    }
}

/// One active or past initiative of the sample and the weekly story its owner tells.
struct Story {
    id: Id,
    /// Oldest first, one per week, ending with the current week; `None` skips a week.
    weeks: Vec<Option<(Health, &'static str, &'static str)>>,
}

/// Builds the sample in memory, replaying its history day by day.
fn build(today: NaiveDate) -> Result<Workspace> {
    let day = |offset: i64| today + Duration::days(offset);
    let date = |offset: i64| Some(day(offset).to_string());
    let mut ws = Workspace::in_memory(Clock::pinned(day(-70)))?;

    ws.add_person(
        "Maya Okafor",
        Some("maya@fernhill.example"),
        Some("CEO and founder"),
    )?;
    ws.add_person(
        "Daniel Reyes",
        Some("daniel@fernhill.example"),
        Some("Head of engineering"),
    )?;
    ws.add_person(
        "Priya Natarajan",
        Some("priya@fernhill.example"),
        Some("Product lead"),
    )?;
    ws.add_person(
        "Tomás Silva",
        Some("tomas@fernhill.example"),
        Some("Senior engineer, payments"),
    )?;
    ws.add_person(
        "Lena Fischer",
        Some("lena@fernhill.example"),
        Some("Mobile engineer"),
    )?;
    ws.add_person(
        "Sam Whitaker",
        Some("sam@fernhill.example"),
        Some("Customer success lead"),
    )?;
    ws.add_person(
        "Ravi Menon",
        Some("ravi@fernhill.example"),
        Some("Platform engineer"),
    )?;

    let add = |ws: &mut Workspace, n: NewInitiative| ws.add_initiative(&n).map(|i| i.id);
    let active = Some(Status::Active);

    let billing = add(&mut ws, NewInitiative {
        title: "Billing v2".into(),
        owner: "Tomás Silva".into(),
        track: Some(Track::Customer),
        status: active,
        outcome: Some("Customers can pay by card and direct debit without talking to us".into()),
        measure: Some("Share of invoices paid online within 14 days, from 38% to 60%".into()),
        target_date: date(4),
        backup_date: date(11),
        risk: Some("the payment provider's sandbox fails at random, so end-to-end tests are unreliable".into()),
        risk_level: Some(RiskLevel::Medium),
        ..Default::default()
    })?;
    let onboarding = add(
        &mut ws,
        NewInitiative {
            title: "Self-serve onboarding".into(),
            owner: "Priya Natarajan".into(),
            track: Some(Track::Customer),
            status: active,
            outcome: Some("A trial user sends a first invoice on day one without help".into()),
            measure: Some("Trial-to-paid conversion from 9% to 14%".into()),
            target_date: date(32),
            backup_date: date(46),
            risk: Some("trial users drop out before they connect their bank".into()),
            risk_level: Some(RiskLevel::Medium),
            ..Default::default()
        },
    )?;
    let offline = add(
        &mut ws,
        NewInitiative {
            title: "Mobile offline mode".into(),
            owner: "Lena Fischer".into(),
            track: Some(Track::Customer),
            status: active,
            outcome: Some("Field staff can draft invoices with no signal".into()),
            measure: Some("Drafts lost to sync errors: none in a month".into()),
            target_date: date(-17),
            backup_date: date(-10),
            risk: Some("merging edits made on two devices may lose data".into()),
            risk_level: Some(RiskLevel::High),
            ..Default::default()
        },
    )?;
    let pipeline = add(
        &mut ws,
        NewInitiative {
            title: "Stabilise the release pipeline".into(),
            owner: "Daniel Reyes".into(),
            track: Some(Track::Release),
            status: active,
            outcome: Some("Every release goes out on the planned day".into()),
            measure: Some("Failed deploys per month from 5 to at most 1".into()),
            target_date: date(5),
            backup_date: date(12),
            risk: Some("flaky integration tests hide real failures".into()),
            risk_level: Some(RiskLevel::High),
            addresses: Some(PainBucket::BuildTest),
            ..Default::default()
        },
    )?;
    let search = add(
        &mut ws,
        NewInitiative {
            title: "Move search to Postgres full-text".into(),
            owner: "Ravi Menon".into(),
            track: Some(Track::Enabler),
            status: active,
            outcome: Some(
                "One database to run instead of two; search results in under 200 ms".into(),
            ),
            measure: Some(
                "p95 search latency below 200 ms; the search cluster switched off".into(),
            ),
            target_date: date(25),
            backup_date: date(39),
            risk: Some("rebuilding the index may lock the invoices table for minutes".into()),
            risk_level: Some(RiskLevel::High),
            ..Default::default()
        },
    )?;
    let pricing = add(
        &mut ws,
        NewInitiative {
            title: "Pricing page experiment".into(),
            owner: "Priya Natarajan".into(),
            track: Some(Track::Discovery),
            status: active,
            outcome: Some("Know whether annual plans up front lift conversion".into()),
            target_date: date(-6),
            backup_date: date(1),
            risk: Some("too little traffic to read the result within the timebox".into()),
            risk_level: Some(RiskLevel::Low),
            ..Default::default()
        },
    )?;
    let audit = add(
        &mut ws,
        NewInitiative {
            title: "Audit log export".into(),
            owner: "Tomás Silva".into(),
            track: Some(Track::Customer),
            status: active,
            outcome: Some("Finance teams pass their audit without asking us for logs".into()),
            measure: Some("Support tickets asking for logs: from 12 a month to none".into()),
            target_date: date(-10),
            backup_date: date(-3),
            risk: Some("large accounts may time out when exporting a full year".into()),
            risk_level: Some(RiskLevel::Low),
            ..Default::default()
        },
    )?;
    let interviews = add(
        &mut ws,
        NewInitiative {
            title: "Interview churned customers".into(),
            owner: "Sam Whitaker".into(),
            track: Some(Track::Discovery),
            status: active,
            outcome: Some("Know the top three reasons customers leave".into()),
            measure: Some("Twelve interviews written up".into()),
            target_date: date(-24),
            backup_date: date(-20),
            risk: Some("churned customers may not answer".into()),
            risk_level: Some(RiskLevel::Low),
            ..Default::default()
        },
    )?;
    let sms = add(
        &mut ws,
        NewInitiative {
            title: "Invoice reminders by SMS".into(),
            owner: "Sam Whitaker".into(),
            track: Some(Track::Customer),
            status: active,
            target_date: date(14),
            backup_date: date(28),
            risk: Some("message costs may exceed what customers pay for reminders".into()),
            risk_level: Some(RiskLevel::Medium),
            ..Default::default()
        },
    )?;
    let framework = add(
        &mut ws,
        NewInitiative {
            title: "Upgrade to the current framework LTS".into(),
            owner: "Ravi Menon".into(),
            track: Some(Track::Enabler),
            status: active,
            outcome: Some("Stay on supported versions and get security fixes".into()),
            target_date: date(20),
            backup_date: date(34),
            risk: Some("deprecated APIs are used in the invoice renderer".into()),
            risk_level: Some(RiskLevel::Medium),
            ..Default::default()
        },
    )?;
    add(
        &mut ws,
        NewInitiative {
            title: "Accountant portal".into(),
            owner: "Priya Natarajan".into(),
            track: Some(Track::Customer),
            outcome: Some("Accountants manage all their clients' books in one place".into()),
            ..Default::default()
        },
    )?;
    add(
        &mut ws,
        NewInitiative {
            title: "Database migration safety checks".into(),
            owner: "Daniel Reyes".into(),
            track: Some(Track::Release),
            outcome: Some("No release is rolled back because of a migration".into()),
            target_date: date(40),
            backup_date: date(54),
            ..Default::default()
        },
    )?;
    add(
        &mut ws,
        NewInitiative {
            title: "SOC 2 readiness".into(),
            owner: "Maya Okafor".into(),
            track: Some(Track::Enabler),
            outcome: Some("Close the two enterprise deals that ask for SOC 2".into()),
            ..Default::default()
        },
    )?;

    // The current quarter's plan, committed with the initiatives at hand: the Quarterly view
    // measures delivery against it, so the dates moved below stay slips.
    let quarter = Quarter::of(today, 1);
    let plan = ws.suggested_plan(quarter)?;
    if !plan.is_empty() {
        ws.commit_plan(quarter, &plan, None)?;
    }

    let at = |ws: &mut Workspace, offset: i64| ws.set_clock(Clock::pinned(day(offset)));
    let edit = |ws: &mut Workspace, id: Id, patch: InitiativePatch, reason: &str| {
        ws.edit_initiative(id, &patch, Some(reason)).map(|_| ())
    };

    at(&mut ws, -45);
    edit(
        &mut ws,
        offline,
        InitiativePatch {
            target_date: date(-3),
            backup_date: date(4),
            ..Default::default()
        },
        "Conflict handling needed a second design pass after user testing",
    )?;
    at(&mut ws, -38);
    edit(&mut ws, interviews, InitiativePatch {
        status: Some(Status::Done),
        result: Some("Twelve interviews: bank sync failures (7 of 12), missing multi-currency (3), price (2)".into()),
        ..Default::default()
    }, "All twelve interviews written up")?;
    at(&mut ws, -30);
    edit(
        &mut ws,
        sms,
        InitiativePatch {
            status: Some(Status::Dropped),
            ..Default::default()
        },
        "Customers prefer email reminders, and each SMS would cost more than the reminder earns",
    )?;
    at(&mut ws, -23);
    edit(
        &mut ws,
        framework,
        InitiativePatch {
            status: Some(Status::Paused),
            ..Default::default()
        },
        "Paused until the search migration lands; both touch the same queries",
    )?;
    at(&mut ws, -16);
    edit(
        &mut ws,
        billing,
        InitiativePatch {
            target_date: date(18),
            backup_date: date(25),
            ..Default::default()
        },
        "The payment provider changed its webhook format; two weeks of rework",
    )?;
    at(&mut ws, -12);
    edit(
        &mut ws,
        audit,
        InitiativePatch {
            status: Some(Status::Done),
            result: Some("Three customers used it in the first week; no log requests since".into()),
            ..Default::default()
        },
        "Shipped to all plans",
    )?;
    at(&mut ws, -8);
    edit(
        &mut ws,
        offline,
        InitiativePatch {
            target_date: date(-3),
            backup_date: date(11),
            ..Default::default()
        },
        "Backup moved: the iOS review takes a week longer than planned",
    )?;
    at(&mut ws, -5);
    edit(
        &mut ws,
        pipeline,
        InitiativePatch {
            priority: Some(1),
            ..Default::default()
        },
        "Two failed deploys last week; release fixes come first",
    )?;

    let stories = [
        Story {
            id: billing,
            weeks: vec![
                Some((Health::OnTrack, "", "Card payments behind a feature flag")),
                Some((
                    Health::OnTrack,
                    "Card payments in staging",
                    "Direct debit mandate flow",
                )),
                Some((
                    Health::AtRisk,
                    "",
                    "Reworking webhooks for the provider's new format",
                )),
                Some((
                    Health::AtRisk,
                    "Webhook handler rewritten",
                    "Retry and idempotency for webhooks",
                )),
                Some((
                    Health::OnTrack,
                    "Idempotent webhook retries",
                    "Direct debit in staging",
                )),
                Some((
                    Health::OnTrack,
                    "Direct debit in staging",
                    "Beta with five customers",
                )),
                Some((
                    Health::OnTrack,
                    "Beta opened to five customers",
                    "Fixing beta feedback",
                )),
                Some((
                    Health::OnTrack,
                    "",
                    "Fixing beta feedback: receipts and refunds",
                )),
            ],
        },
        Story {
            id: onboarding,
            weeks: vec![
                Some((Health::OnTrack, "", "Interview notes turned into a flow")),
                Some((Health::OnTrack, "Flow prototype", "Bank connection step")),
                Some((Health::OnTrack, "", "Bank connection step")),
                Some((
                    Health::AtRisk,
                    "",
                    "Bank connection step: provider limits sandbox accounts",
                )),
                Some((
                    Health::OnTrack,
                    "Bank connection step",
                    "Sample invoice and first send",
                )),
                Some((Health::OnTrack, "", "Sample invoice and first send")),
                Some((
                    Health::OnTrack,
                    "Sample invoice",
                    "Checklist and empty states",
                )),
                None,
            ],
        },
        Story {
            id: offline,
            weeks: vec![
                Some((Health::OnTrack, "Local store for drafts", "Sync queue")),
                Some((Health::AtRisk, "", "Conflict handling redesign")),
                Some((
                    Health::AtRisk,
                    "Conflict design agreed",
                    "Conflict resolution",
                )),
                Some((Health::OnTrack, "", "Conflict resolution")),
                Some((
                    Health::OnTrack,
                    "Conflict resolution on Android",
                    "Sync conflict resolution, almost done",
                )),
                Some((Health::OnTrack, "", "Sync conflict resolution, almost done")),
                Some((Health::OnTrack, "", "Sync conflict resolution, almost done")),
                Some((Health::OnTrack, "", "Sync conflict resolution, almost done")),
            ],
        },
        Story {
            id: pipeline,
            weeks: vec![
                Some((Health::OnTrack, "", "Quarantine list for flaky tests")),
                Some((Health::OnTrack, "Quarantine list", "Parallel test shards")),
                Some((Health::OnTrack, "", "Parallel test shards")),
                Some((Health::AtRisk, "", "Shards hit the CI concurrency limit")),
                Some((
                    Health::AtRisk,
                    "Two shards running",
                    "Waiting on higher CI concurrency",
                )),
                Some((
                    Health::OffTrack,
                    "",
                    "Two failed deploys; rollback script fixed",
                )),
                Some((
                    Health::AtRisk,
                    "Rollback script rehearsed",
                    "Smoke tests after deploy",
                )),
                Some((Health::AtRisk, "", "Smoke tests after deploy")),
            ],
        },
        Story {
            id: search,
            weeks: vec![
                Some((Health::OnTrack, "", "Schema for the search index")),
                Some((Health::OnTrack, "Index schema", "Backfill job")),
                Some((Health::OnTrack, "", "Backfill job")),
                Some((Health::OnTrack, "Backfill job", "Query parity tests")),
                Some((
                    Health::AtRisk,
                    "",
                    "Index rebuild locks the invoices table in staging",
                )),
                Some((Health::AtRisk, "", "Concurrent index build")),
                Some((
                    Health::OffTrack,
                    "",
                    "Needs a maintenance window for the final rebuild",
                )),
                Some((
                    Health::OffTrack,
                    "",
                    "Waiting for the maintenance window decision",
                )),
            ],
        },
        Story {
            id: pricing,
            weeks: vec![
                None,
                None,
                Some((Health::OnTrack, "", "Experiment design")),
                Some((
                    Health::OnTrack,
                    "Variant B live for 20% of visitors",
                    "Collecting data",
                )),
                Some((Health::OnTrack, "", "Collecting data")),
                Some((Health::AtRisk, "", "Traffic lower than planned")),
                Some((Health::AtRisk, "", "Collecting data")),
                None,
            ],
        },
        Story {
            id: audit,
            weeks: vec![
                Some((Health::OnTrack, "", "CSV export of the audit log")),
                Some((Health::OnTrack, "CSV export", "Date range filter")),
                Some((
                    Health::OnTrack,
                    "Date range filter",
                    "Streaming export for large accounts",
                )),
                Some((Health::OnTrack, "Streaming export", "Release to all plans")),
                Some((Health::OnTrack, "Audit log export for all plans", "")),
                None,
                None,
                None,
            ],
        },
    ];
    let this_week = IsoWeek::of(today);
    for story in &stories {
        let first = (0..7).fold(this_week, |w, _| w.previous());
        let mut week = first;
        for entry in &story.weeks {
            if let Some((health, shipped, progress)) = entry {
                let friday = week.monday() + Duration::days(4);
                ws.set_clock(Clock::pinned(friday.min(today)));
                ws.checkin(&NewCheckIn {
                    initiative_id: story.id,
                    week: Some(week.to_string()),
                    health: *health,
                    shipped: Some((*shipped).into()),
                    progress: Some((*progress).into()),
                    note: None,
                })?;
            }
            week = week.next();
        }
    }

    at(&mut ws, -40);
    let old = ws.add_blocker(
        billing,
        "Sandbox keys for the payment provider",
        "Maya Okafor",
        None,
    )?;
    at(&mut ws, -36);
    ws.resolve_blocker(old.id)?;
    at(&mut ws, -6);
    ws.add_blocker(
        pipeline,
        "CI vendor has not raised our concurrency limit",
        "Daniel Reyes",
        None,
    )?;
    at(&mut ws, -1);
    ws.add_blocker(
        search,
        "A maintenance window for the final index rebuild is not approved",
        "Maya Okafor",
        None,
    )?;
    at(&mut ws, -20);
    let d = ws.add_decision(
        "Ship offline mode to iOS first, or both platforms together?",
        "Priya Natarajan",
        &day(-14).to_string(),
        Some(offline),
    )?;
    at(&mut ws, -15);
    ws.close_decision(d.id, "iOS first; Android follows in the next release")?;
    at(&mut ws, -2);
    ws.add_decision(
        "Do we take a Saturday-night maintenance window for the search rebuild?",
        "Maya Okafor",
        &day(3).to_string(),
        Some(search),
    )?;
    ws.add_decision(
        "Which payment provider do we offer EU customers?",
        "Maya Okafor",
        &day(-1).to_string(),
        Some(billing),
    )?;
    releases::add(
        &mut ws,
        today,
        &releases::Scope {
            billing,
            audit,
            offline,
            sms,
        },
    )?;
    ws.set_clock(Clock::pinned(today));
    Ok(ws)
}
