//! The board: lanes by track in priority order, and the one-release-fix limit.

use cadence::calendar::Clock;
use cadence::model::RiskLevel;
use cadence::model::{Health, Id, InitiativePatch, NewCheckIn, NewInitiative, Status, Track};
use cadence::review::board::board;
use cadence::store::Workspace;
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 4).unwrap()
}

/// A new workspace file with its clock stopped on [`today`].
fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws =
        Workspace::open_or_create(&dir.path().join("cadence.db"), Clock::pinned(today())).unwrap();
    (dir, ws)
}

fn add(ws: &mut Workspace, title: &str, track: Track, status: Status) -> Id {
    ws.add_initiative(&NewInitiative {
        title: title.into(),
        owner: "Ana Lima".into(),
        track: Some(track),
        status: Some(status),
        target_date: Some("2026-03-20".into()),
        backup_date: Some("2026-03-27".into()),
        risk: Some("the vendor may be late".into()),
        risk_level: Some(RiskLevel::Medium),
        ..Default::default()
    })
    .unwrap()
    .id
}

#[test]
fn lanes_hold_their_tracks_by_priority_with_latest_health() {
    let (_dir, mut ws) = workspace();
    let a = add(&mut ws, "Invoices", Track::Customer, Status::Active);
    let b = add(&mut ws, "Faster builds", Track::Enabler, Status::Proposed);
    let c = add(&mut ws, "Crash on login", Track::Release, Status::Active);
    let d = add(
        &mut ws,
        "Pricing interviews",
        Track::Discovery,
        Status::Active,
    );
    let e = add(&mut ws, "Exports", Track::Customer, Status::Proposed);
    ws.checkin(&NewCheckIn {
        initiative_id: a,
        health: Health::AtRisk,
        week: None,
        shipped: None,
        progress: None,
        note: None,
    })
    .unwrap();
    let board = board(&ws.snapshot().unwrap(), today());
    let ids: Vec<Vec<Id>> = board
        .lanes
        .iter()
        .map(|l| l.cards.iter().map(|c| c.id).collect())
        .collect();
    assert_eq!(ids, vec![vec![a, e], vec![b, c], vec![d]]);
    assert_eq!(board.lanes[0].cards[0].health, Some(Health::AtRisk));
    assert_eq!(board.lanes[0].cards[1].health, None);
    assert!(!board.release_limit.broken);
    assert_eq!(board.release_limit.active, vec![c]);
    assert!(board.lanes[1].cards.iter().all(|c| !c.over_limit));
}

#[test]
fn a_second_active_release_fix_breaks_the_limit() {
    let (_dir, mut ws) = workspace();
    let a = add(&mut ws, "Crash on login", Track::Release, Status::Active);
    let b = add(
        &mut ws,
        "Slow invoices page",
        Track::Release,
        Status::Active,
    );
    let c = add(&mut ws, "Typo in emails", Track::Release, Status::Proposed);
    let board = board(&ws.snapshot().unwrap(), today());
    assert!(board.release_limit.broken);
    assert_eq!(board.release_limit.active, vec![a, b]);
    let over: Vec<(Id, bool)> = board.lanes[1]
        .cards
        .iter()
        .map(|k| (k.id, k.over_limit))
        .collect();
    assert_eq!(over, vec![(a, true), (b, true), (c, false)]);
}

#[test]
fn finished_work_leaves_the_board() {
    let (_dir, mut ws) = workspace();
    let a = add(&mut ws, "Invoices", Track::Customer, Status::Active);
    add(&mut ws, "Exports", Track::Customer, Status::Active);
    ws.edit_initiative(
        a,
        &InitiativePatch {
            status: Some(Status::Done),
            ..Default::default()
        },
        None,
    )
    .unwrap();
    let board = board(&ws.snapshot().unwrap(), today());
    assert_eq!(board.finished, 1);
    assert_eq!(board.lanes[0].cards.len(), 1);
}
