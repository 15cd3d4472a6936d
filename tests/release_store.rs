//! Releases in the store: every record written by the core's commands survives export →
//! import → export byte for byte, `check` passes, and an import that breaks a release rule
//! is refused by name with nothing written.

use std::path::Path;

use cadence::calendar::Clock;
use cadence::model::NewInitiative;
use cadence::release::{parse_answers, EventKind, PainBucket};
use cadence::store::{NewDecision, NewEvent, NewRelease, Workspace};
use chrono::NaiveDateTime;

fn at(path: &Path, when: &str) -> Workspace {
    let now = NaiveDateTime::parse_from_str(when, "%Y-%m-%d %H:%M").unwrap();
    Workspace::open_or_create(path, Clock::pinned_at(now)).unwrap()
}

fn new_release(name: &str, target: &str, backup: &str) -> NewRelease {
    NewRelease {
        name: name.into(),
        fixes: "Customers can pay by card without a support ticket".into(),
        target_date: target.into(),
        backup_date: backup.into(),
        scope_owner: "Ana Lima".into(),
        delivery_owner: "Ben Okafor".into(),
        readiness_owner: "Chen Wei".into(),
        stop_owner: Some("Maya Okafor".into()),
        support_note: Some("Card payments work again for every plan".into()),
        rollback_triggers: Some("Checkout errors above 2% for 5 minutes".into()),
        stable_version: Some("2.3.1".into()),
    }
}

/// A workspace holding two releases with one of every record.
fn build(path: &Path) {
    let mut ws = at(path, "2027-01-04 09:00");
    let billing = ws
        .add_initiative(&NewInitiative {
            title: "Card payments".into(),
            owner: "Ana Lima".into(),
            ..Default::default()
        })
        .unwrap();
    let invoices = ws
        .add_initiative(&NewInitiative {
            title: "PDF invoices".into(),
            owner: "Ben Okafor".into(),
            ..Default::default()
        })
        .unwrap();
    let r = ws
        .add_release(&new_release("2.4", "2027-02-01", "2027-02-05"))
        .unwrap();
    ws.include_in_release(r.id, billing.id, None, true).unwrap();
    let mut ws = at(path, "2027-01-20 10:00");
    ws.freeze_release(r.id).unwrap();
    let late = ws.include_in_release(r.id, invoices.id, None, false);
    assert_eq!(
        late.unwrap_err().to_string(),
        "reason: the scope of release 2.4 was frozen on 2027-01-20; a late addition needs a reason"
    );
    let mut ws = at(path, "2027-01-21 10:00");
    ws.include_in_release(r.id, invoices.id, Some("The largest customer asked"), false)
        .unwrap();
    ws.cut_from_release(r.id, invoices.id, "Protects the date")
        .unwrap();
    ws.rehearse_release(r.id, 40, Some("2027-01-21"), Some("Chen Wei"), None)
        .unwrap();
    ws.add_release_pain(r.id, PainBucket::BuildTest, 6, "Flaky integration tests")
        .unwrap();
    let mut ws = at(path, "2027-01-28 10:00");
    ws.slip_release(
        r.id,
        "2027-02-08",
        "2027-02-12",
        "Migrations failed in staging",
        PainBucket::EnvironmentData,
    )
    .unwrap();
    ws.rehearse_release(r.id, 15, None, Some("Chen Wei"), Some("Runbook shortened"))
        .unwrap();
    let mut ws = at(path, "2027-02-07 16:00");
    ws.decide_release(
        r.id,
        &NewDecision {
            go: true,
            by: "Maya Okafor".into(),
            answers: parse_answers(&[
                "one-problem=yes".into(),
                "owners=yes".into(),
                "rollback=yes".into(),
                "prod-like=no".into(),
            ])
            .unwrap(),
            reason: Some("Staging mirrors production since Monday".into()),
        },
    )
    .unwrap();
    let mut ws = at(path, "2027-02-08 18:00");
    ws.record_release_event(
        r.id,
        &NewEvent {
            kind: EventKind::NearMiss,
            at: "2027-02-08 08:30".into(),
            restored_at: None,
            note: "A config key was caught missing at the last moment".into(),
            hotfix: false,
        },
    )
    .unwrap();
    ws.ship_release(r.id, Some("2027-02-08 10:00")).unwrap();
    ws.record_release_event(
        r.id,
        &NewEvent {
            kind: EventKind::Rollback,
            at: "2027-02-08 11:00".into(),
            restored_at: Some("2027-02-08 11:40".into()),
            note: "Sign-in failed for SSO accounts".into(),
            hotfix: false,
        },
    )
    .unwrap();
    ws.record_release_event(
        r.id,
        &NewEvent {
            kind: EventKind::Incident,
            at: "2027-02-08 14:00".into(),
            restored_at: Some("2027-02-08 15:10".into()),
            note: "Receipts went out twice".into(),
            hotfix: true,
        },
    )
    .unwrap();
    let other = ws
        .add_release(&new_release("2.5", "2027-03-01", "2027-03-05"))
        .unwrap();
    ws.cancel_release(other.id, "Folded into 2.6").unwrap();
}

#[test]
fn releases_survive_export_and_import_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.db");
    build(&path);
    let ws = at(&path, "2027-02-09 09:00");
    assert_eq!(ws.check().unwrap(), Vec::<String>::new());
    let r = ws.snapshot().unwrap().releases.remove(0);
    assert_eq!(r.id, 1);
    assert_eq!(r.scope.len(), 2);
    assert_eq!(r.late_additions().count(), 0, "the late addition was cut");
    assert_eq!(r.cuts().count(), 1);
    assert_eq!(r.first_dates().0.to_string(), "2027-02-01");
    assert_eq!(r.target_date.to_string(), "2027-02-08");
    assert!(r.decision().unwrap().is_override());
    let export = ws.export_json().unwrap();
    assert!(export.contains("\"late_reason\": \"The largest customer asked\""));

    let copy = dir.path().join("b.db");
    let mut other = at(&copy, "2027-02-09 09:00");
    other.import_json(&export, false).unwrap();
    assert_eq!(other.export_json().unwrap(), export);
    assert_eq!(other.check().unwrap(), Vec::<String>::new());
}

#[test]
fn an_import_breaking_a_release_rule_is_refused_by_name_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.db");
    build(&path);
    let export = at(&path, "2027-02-09 09:00").export_json().unwrap();
    let cases: Vec<(&str, &str, &str)> = vec![
        (
            "\"late_reason\": \"The largest customer asked\"",
            "\"late_reason\": null",
            "release 1, scope entry 2: late_reason: an addition after the freeze needs its reason",
        ),
        (
            "\"name\": \"2.5\"",
            "\"name\": \"2.4\"",
            "release 2: name: '2.4' is already release 1",
        ),
        (
            "\"minutes\": 40",
            "\"minutes\": 0",
            "release 1, rehearsal 1: minutes: 0 is not from 1 to 10000",
        ),
        (
            "\"reason\": \"Staging mirrors production since Monday\"",
            "\"reason\": null",
            "release 1, go/no-go 1: reason: a go with a question not answered yes needs its reason",
        ),
        (
            "\"restored_at\": \"2027-02-08T11:40:00\"",
            "\"restored_at\": \"2027-02-08T10:40:00\"",
            "release 1, event 2: restored_at: a rollback is restored after it starts",
        ),
        (
            "\"target_date\": \"2027-02-08\"",
            "\"target_date\": \"2027-02-09\"",
            "release 1: its dates are not where its last slip left them",
        ),
        (
            "\"scope_owner\": \"Ana Lima\"",
            "\"scope_owner\": \"The team\"",
            "release 1: scope_owner: person 1 is 'Ana Lima', not 'The team'",
        ),
    ];
    for (from, to, want) in cases {
        assert!(export.contains(from), "{from}");
        let broken = export.replacen(from, to, 1);
        let target = dir.path().join("target.db");
        let mut ws = at(&target, "2027-02-09 09:00");
        let err = ws.import_json(&broken, true).unwrap_err().to_string();
        assert_eq!(err, want);
        assert!(
            ws.snapshot().unwrap().releases.is_empty(),
            "nothing written"
        );
        drop(ws);
        std::fs::remove_file(&target).unwrap();
    }
}
