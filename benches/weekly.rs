//! The weekly review on a large workspace: 1,000 initiatives with three years of weekly
//! check-ins (~156,000) and their change history.
//!
//! `cargo bench --bench weekly` compares building one review (reading the file and computing)
//! with reading the same rows through bare SQLite queries, then times rendering the review to
//! every format. Run as a test (`cargo test --benches`), it builds a small workspace instead.

use std::hint::black_box;

use cadence::calendar::{Clock, IsoWeek};
use cadence::model::{InitiativePatch, NewInitiative, Status, Track};
use cadence::render::weekly::render_weekly;
use cadence::render::Format;
use cadence::review::weekly::{first_week_read, weekly_owned};
use cadence::store::Workspace;
use chrono::{Duration, NaiveDate};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rusqlite::Connection;

/// The day the benchmark's review is asked for (a Monday).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

/// Whether criterion runs for measurements rather than as a quick test.
fn measuring() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// Builds the workspace: initiatives through the core (so their change logs are real), each
/// moved three times over the years, some finished or dropped; check-ins and blockers in bulk.
fn generate(path: &std::path::Path, initiatives: usize, weeks: usize) {
    let start = today() - Duration::weeks(weeks as i64);
    let tracks = [
        Track::Customer,
        Track::Enabler,
        Track::Discovery,
        Track::Customer,
    ];
    let mut ws = Workspace::open_or_create(path, Clock::pinned(start)).expect("open");
    for n in 0..initiatives {
        let target = today() + Duration::days(7 + (n % 120) as i64);
        ws.add_initiative(&NewInitiative {
            title: format!("Initiative {n}: improve the invoice flow"),
            owner: format!("Owner {}", n % 60),
            track: Some(tracks[n % tracks.len()]),
            status: Some(Status::Active),
            target_date: Some((target - Duration::days(60)).to_string()),
            backup_date: Some((target - Duration::days(46)).to_string()),
            risk: Some("the payment provider may change its API".into()),
            risk_level: Some("medium".into()),
            ..Default::default()
        })
        .expect("add");
    }
    drop(ws);
    for step in 1..=3i64 {
        let day = start + Duration::weeks(step * weeks as i64 / 4) + Duration::days(1);
        let mut ws = Workspace::open(path, Clock::pinned(day)).expect("open");
        for n in 0..initiatives {
            let target = today() + Duration::days(7 + (n % 120) as i64) - Duration::days(60)
                + Duration::days(20 * step);
            let mut patch = InitiativePatch {
                target_date: Some(target.to_string()),
                backup_date: Some((target + Duration::days(14)).to_string()),
                ..Default::default()
            };
            if step == 3 && n % 10 == 0 {
                patch.status = Some(if n % 20 == 0 { "done" } else { "dropped" }.into());
            }
            ws.edit_initiative(n as i64 + 1, &patch, Some("the vendor slipped"))
                .expect("edit");
        }
    }
    let mut conn = Connection::open(path).expect("open");
    let tx = conn.transaction().expect("transaction");
    {
        let mut checkin = tx
            .prepare(
                "INSERT INTO checkins(initiative_id, week, health, shipped, progress, note, \
                 recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .expect("prepare");
        let health = ["on-track", "on-track", "at-risk", "off-track"];
        for w in 0..=weeks {
            let monday = start + Duration::weeks(w as i64);
            let week = IsoWeek::of(monday).to_string();
            let at = format!("{} 10:00:00", monday + Duration::days(4));
            for n in 0..initiatives {
                let shipped = (n + w) % 3 == 0;
                checkin
                    .execute(rusqlite::params![
                        n as i64 + 1,
                        week,
                        health[(n + w / 5) % health.len()],
                        shipped.then(|| format!("Step {w} of initiative {n}")),
                        format!("Working on part {} of the flow", w / 2),
                        (n % 7 == 0).then_some("Waiting on design review"),
                        at,
                    ])
                    .expect("check-in");
            }
        }
        let mut blocker = tx
            .prepare(
                "INSERT INTO blockers(initiative_id, text, owner_id, since, resolved_on, \
                 created_at) VALUES (?1, ?2, (SELECT owner_id FROM initiatives WHERE id = ?1), \
                 ?3, ?4, ?5)",
            )
            .expect("prepare");
        for n in 0..initiatives * 2 {
            let since = start + Duration::days((n * 7 % (weeks * 7)) as i64);
            let resolved = (n % 5 != 0).then(|| (since + Duration::days(3)).to_string());
            blocker
                .execute(rusqlite::params![
                    (n % initiatives) as i64 + 1,
                    format!("Waiting for access to system {}", n % 13),
                    since.to_string(),
                    resolved,
                    format!("{since} 09:00:00"),
                ])
                .expect("blocker");
        }
    }
    tx.commit().expect("commit");
}

/// Reads, column by column, the rows the weekly review of `week` reads.
fn bare_read(conn: &Connection, week: IsoWeek) -> usize {
    let queries = [
        "SELECT key, value FROM settings",
        "SELECT * FROM people",
        "SELECT i.*, p.name FROM initiatives i JOIN people p ON p.id = i.owner_id ORDER BY i.id",
        "SELECT * FROM changes ORDER BY id",
        "SELECT b.*, p.name FROM blockers b JOIN people p ON p.id = b.owner_id ORDER BY b.id",
        "SELECT d.*, p.name FROM decisions d JOIN people p ON p.id = d.owner_id ORDER BY d.id",
        "SELECT * FROM baselines ORDER BY id",
        "SELECT * FROM baseline_items",
        "SELECT * FROM reviews ORDER BY id",
    ];
    let mut cells = 0;
    let tx = conn.unchecked_transaction().expect("transaction");
    let mut read = |sql: &str, params: &[&dyn rusqlite::ToSql]| {
        let mut stmt = tx.prepare_cached(sql).expect("prepare");
        let columns = stmt.column_count();
        let mut rows = stmt.query(params).expect("query");
        while let Some(row) = rows.next().expect("row") {
            for c in 0..columns {
                black_box(row.get_ref(c).expect("cell"));
                cells += 1;
            }
        }
    };
    for sql in queries {
        read(sql, &[]);
    }
    read(
        "SELECT * FROM checkins WHERE week BETWEEN ?1 AND ?2 ORDER BY id",
        &[&first_week_read(week).to_string(), &week.to_string()],
    );
    tx.finish().expect("finish");
    cells
}

fn bench(c: &mut Criterion) {
    let (initiatives, weeks) = if measuring() { (1000, 156) } else { (40, 12) };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cadence.db");
    generate(&path, initiatives, weeks);
    let week = IsoWeek::of(today());
    let ws = Workspace::open(&path, Clock::pinned(today())).expect("open");
    let conn = Connection::open(&path).expect("open");
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM checkins", [], |r| r.get(0))
        .expect("count");
    let changes: i64 = conn
        .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))
        .expect("count");
    eprintln!("workspace: {initiatives} initiatives, {rows} check-ins, {changes} changes");

    let mut group = c.benchmark_group("weekly");
    group.bench_function("bare SQL read of the rows", |b| {
        b.iter(|| bare_read(&conn, black_box(week)))
    });
    group.bench_function("read into the snapshot", |b| {
        b.iter(|| {
            ws.snapshot_of_weeks(first_week_read(week), black_box(week))
                .expect("snapshot")
        })
    });
    let snapshot = ws
        .snapshot_of_weeks(first_week_read(week), week)
        .expect("snapshot");
    group.bench_function("build from the snapshot", |b| {
        b.iter_batched(
            || snapshot.clone(),
            |s| weekly_owned(s, week, today()).unwrap(),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("review (read and build)", |b| {
        b.iter(|| ws.weekly_review(Some(black_box(week))).expect("review"))
    });
    let review = ws.weekly_review(Some(week)).expect("review");
    group.bench_function("render to md, html, txt and json", |b| {
        b.iter(|| {
            Format::ALL
                .iter()
                .map(|f| render_weekly(black_box(&review), *f).expect("render").len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
