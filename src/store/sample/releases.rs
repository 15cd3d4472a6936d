//! The sample company's release history: three releases missed in a row (with the pain that
//! slowed them), the smaller rescue release that shipped by its backup date, a release
//! rolled back and restored in 40 minutes, rollback rehearsals brought from 40 to 15 minutes,
//! and the next release due within two weeks.

use chrono::{Duration, NaiveDate, NaiveTime};

use crate::calendar::Clock;
use crate::error::Result;
use crate::model::Id;
use crate::release::{Answer, EventKind, PainBucket, Question};
use crate::store::{NewDecision, NewEvent, NewRelease, Workspace};

/// The initiatives the releases ship.
pub(super) struct Scope {
    pub billing: Id,
    pub audit: Id,
    pub offline: Id,
    pub sms: Id,
}

/// Adds the release history, dated relative to `today`.
pub(super) fn add(ws: &mut Workspace, today: NaiveDate, scope: &Scope) -> Result<()> {
    let day = |offset: i64| today + Duration::days(offset);
    let date = |offset: i64| day(offset).to_string();
    let time = |offset: i64, hm: &str| format!("{} {hm}", day(offset));
    let at = |ws: &mut Workspace, offset: i64, hm: &str| {
        let t = NaiveTime::parse_from_str(hm, "%H:%M").expect("a time of day");
        ws.set_clock(Clock::pinned_at(day(offset).and_time(t)));
    };
    let release =
        |name: &str, fixes: &str, target: i64, backup: i64, owners: [&str; 3]| NewRelease {
            name: name.into(),
            fixes: fixes.into(),
            target_date: date(target),
            backup_date: date(backup),
            scope_owner: owners[0].into(),
            delivery_owner: owners[1].into(),
            readiness_owner: owners[2].into(),
            stop_owner: None,
            support_note: None,
            rollback_triggers: None,
            stable_version: None,
        };
    let all_yes = || {
        Question::ALL
            .iter()
            .map(|&question| Answer {
                question,
                yes: true,
            })
            .collect::<Vec<_>>()
    };
    // The stop owner's go, with every question answered yes.
    let go = |ws: &mut Workspace, id: Id| -> Result<()> {
        let call = NewDecision {
            go: true,
            by: "Maya Okafor".into(),
            answers: all_yes(),
            reason: None,
        };
        ws.decide_release(id, &call).map(drop)
    };
    let rehearse = |ws: &mut Workspace, id: Id, minutes: i64, by: &str, note: Option<&str>| {
        ws.rehearse_release(id, minutes, None, Some(by), note)
            .map(drop)
    };

    // 3.0: card payments, invoice templates and reports in one release; missed.
    at(ws, -68, "09:00");
    let r = ws.add_release(&release(
        "3.0",
        "Card payments, new invoice templates and the revenue report",
        -61,
        -58,
        ["Maya Okafor", "Daniel Reyes", "Daniel Reyes"],
    ))?;
    ws.include_in_release(r.id, scope.billing, None, true)?;
    at(ws, -60, "17:30");
    ws.slip_release(
        r.id,
        &date(-50),
        &date(-47),
        "The staging database holds no realistic invoices, so migrations failed late",
        PainBucket::EnvironmentData,
    )?;
    ws.add_release_pain(
        r.id,
        PainBucket::EnvironmentData,
        10,
        "Rebuilt the staging data twice",
    )?;
    at(ws, -46, "18:00");
    ws.ship_release(r.id, Some(&time(-46, "17:45")))?;
    ws.add_release_pain(
        r.id,
        PainBucket::LateChange,
        6,
        "Template changes requested after testing began",
    )?;

    // 3.1: late additions after the freeze; missed.
    at(ws, -52, "10:00");
    let r = ws.add_release(&release(
        "3.1",
        "Audit log export and the reminder settings",
        -40,
        -37,
        ["Daniel Reyes", "Daniel Reyes", "Daniel Reyes"],
    ))?;
    ws.include_in_release(r.id, scope.audit, None, false)?;
    at(ws, -44, "09:30");
    ws.freeze_release(r.id)?;
    at(ws, -42, "15:00");
    ws.include_in_release(
        r.id,
        scope.sms,
        Some("Sales promised SMS reminders to a large prospect"),
        false,
    )?;
    at(ws, -39, "16:00");
    ws.slip_release(
        r.id,
        &date(-33),
        &date(-31),
        "SMS reminders broke the reminder scheduler in testing",
        PainBucket::LateChange,
    )?;
    ws.add_release_pain(
        r.id,
        PainBucket::LateChange,
        12,
        "A feature added after the freeze reset testing",
    )?;
    ws.add_release_pain(r.id, PainBucket::BuildTest, 8, "Flaky integration tests")?;
    at(ws, -32, "11:00");
    ws.ship_release(r.id, Some(&time(-32, "10:30")))?;

    // 3.2: offline mode and more; cancelled, the third miss in a row.
    at(ws, -38, "09:00");
    let r = ws.add_release(&release(
        "3.2",
        "Offline mode, the pricing page and a new dashboard",
        -29,
        -26,
        ["Priya Natarajan", "Lena Fischer", "Ravi Menon"],
    ))?;
    ws.include_in_release(r.id, scope.offline, None, true)?;
    ws.add_release_pain(
        r.id,
        PainBucket::BuildTest,
        9,
        "The mobile build failed on CI for three days",
    )?;
    at(ws, -27, "12:00");
    ws.add_release_pain(
        r.id,
        PainBucket::Handoff,
        5,
        "Waited two days for the security review",
    )?;
    at(ws, -25, "09:00");
    ws.cancel_release(
        r.id,
        "Three features and none ready: the next release does one thing",
    )?;

    // 3.3: the rescue release, smaller, three owners, rehearsed; shipped by its backup date.
    at(ws, -24, "10:00");
    let mut rescue = release(
        "3.3",
        "A failed card payment is retried and the customer told, with no support ticket",
        -13,
        -11,
        ["Priya Natarajan", "Tomás Silva", "Ravi Menon"],
    );
    rescue.stop_owner = Some("Maya Okafor".into());
    rescue.support_note = Some("Failed card payments now retry by themselves".into());
    rescue.rollback_triggers =
        Some("Payment errors above 2% for five minutes, or any sign-in failure".into());
    rescue.stable_version = Some("3.1.2".into());
    let r = ws.add_release(&rescue)?;
    ws.include_in_release(r.id, scope.billing, None, true)?;
    at(ws, -21, "15:00");
    rehearse(ws, r.id, 40, "Ravi Menon", Some("First run of the runbook"))?;
    at(ws, -19, "09:00");
    ws.freeze_release(r.id)?;
    at(ws, -17, "16:00");
    rehearse(
        ws,
        r.id,
        25,
        "Ravi Menon",
        Some("Database snapshot taken before the deploy"),
    )?;
    at(ws, -14, "16:00");
    go(ws, r.id)?;
    at(ws, -12, "17:00");
    ws.ship_release(r.id, Some(&time(-12, "16:30")))?;

    // 3.4: shipped by its target, rolled back and restored in 40 minutes.
    at(ws, -11, "10:00");
    let mut next = release(
        "3.4",
        "Finance teams export a full year of audit log without timeouts",
        -4,
        -2,
        ["Priya Natarajan", "Tomás Silva", "Ravi Menon"],
    );
    next.stop_owner = Some("Maya Okafor".into());
    next.stable_version = Some("3.3.0".into());
    next.rollback_triggers = Some("Export errors above 1%, or any sign-in failure".into());
    let r = ws.add_release(&next)?;
    ws.include_in_release(r.id, scope.audit, None, false)?;
    at(ws, -8, "09:00");
    ws.freeze_release(r.id)?;
    at(ws, -7, "15:00");
    rehearse(ws, r.id, 20, "Ravi Menon", None)?;
    at(ws, -5, "11:00");
    ws.record_release_event(
        r.id,
        &NewEvent {
            kind: EventKind::NearMiss,
            at: time(-5, "10:40"),
            restored_at: None,
            note: "A missing configuration key was caught in the dry run".into(),
            hotfix: false,
        },
    )?;
    at(ws, -5, "16:00");
    go(ws, r.id)?;
    at(ws, -4, "12:00");
    ws.ship_release(r.id, Some(&time(-4, "10:00")))?;
    ws.record_release_event(
        r.id,
        &NewEvent {
            kind: EventKind::Rollback,
            at: time(-4, "11:00"),
            restored_at: Some(time(-4, "11:40")),
            note: "Sign-in failed for accounts that use single sign-on".into(),
            hotfix: false,
        },
    )?;
    ws.add_release_pain(
        r.id,
        PainBucket::Checklist,
        3,
        "The release checklist had no single sign-on check",
    )?;
    at(ws, -2, "15:00");
    rehearse(
        ws,
        r.id,
        15,
        "Ravi Menon",
        Some("Runbook shortened after the rollback"),
    )?;

    // 3.5: the next release, due within two weeks.
    at(ws, -1, "10:00");
    let mut coming = release(
        "3.5",
        "Customers pay by direct debit without talking to us",
        9,
        11,
        ["Priya Natarajan", "Tomás Silva", "Ravi Menon"],
    );
    coming.stop_owner = Some("Maya Okafor".into());
    coming.stable_version = Some("3.4.1".into());
    coming.support_note = Some("Direct debit is available on every plan".into());
    let r = ws.add_release(&coming)?;
    ws.include_in_release(r.id, scope.billing, None, true)?;
    at(ws, -1, "16:00");
    rehearse(
        ws,
        r.id,
        15,
        "Lena Fischer",
        Some("Run from the runbook alone, by someone new to it"),
    )?;
    Ok(())
}
