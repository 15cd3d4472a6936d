//! The three reviews on a large workspace: 1,000 initiatives with three years of weekly
//! check-ins (~156,000) and their change history, with and without three years of kept
//! updates (a Copy and a save each week: 468 bodies).
//!
//! `cargo bench --bench reviews` (`make bench`) times, with criterion, building each review
//! (reading the file and computing) beside reading the same rows through bare SQLite queries,
//! and rendering the weekly review to every format. It then prints, for each goal, the
//! figure, its baseline measured in the same run (the two alternated, medians of 21), the
//! ratio and the goal: each review within 2× of the bare read, and each review on the
//! workspace with three years of kept updates within 1.1× of the one without. Then where each
//! review's time goes (the bare read, reading the rows into the snapshot, building the review
//! from it), and the load average, since a busy machine makes every figure noisy. Run as a
//! test (`cargo test --benches`), it builds a small workspace and prints nothing.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration as Elapsed, Instant};

use cadence::calendar::{Clock, IsoWeek, Month, Quarter};
use cadence::model::Format;
use cadence::model::{InitiativePatch, NewInitiative, RiskLevel, Status, Track};
use cadence::render::weekly_export::render_weekly;
use cadence::review::monthly_review::monthly;
use cadence::review::quarterly_review::quarterly;
use cadence::review::weekly_review::{first_week_read, weekly_owned};
use cadence::settings::ReviewSettings;
use cadence::snapshot::Snapshot;
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
            risk_level: Some(RiskLevel::Medium),
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
                patch.status = Some(if n % 20 == 0 {
                    Status::Done
                } else {
                    Status::Dropped
                });
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

/// Adds three years of kept weekly updates: each week's update copied (kept as HTML and
/// text) and saved as Markdown on its Friday, the bodies as large as this workspace's.
fn keep_three_years(path: &Path, weeks: usize) {
    let ws = Workspace::open(path, Clock::pinned(today())).expect("open");
    let review = ws.weekly_review(None).expect("review");
    let bodies: Vec<(Format, String)> = [Format::Html, Format::Text, Format::Markdown]
        .into_iter()
        .map(|f| (f, render_weekly(&review, f).expect("render")))
        .collect();
    drop(ws);
    let mut conn = Connection::open(path).expect("open");
    let tx = conn.transaction().expect("transaction");
    {
        let mut keep = tx
            .prepare(
                "INSERT INTO reviews(kind, period, format, body, created_at) \
                 VALUES ('weekly', ?1, ?2, ?3, ?4)",
            )
            .expect("prepare");
        let start = today() - Duration::weeks(weeks as i64);
        for w in 0..weeks {
            let friday = start + Duration::weeks(w as i64) + Duration::days(4);
            for (format, body) in &bodies {
                keep.execute(rusqlite::params![
                    IsoWeek::of(friday).to_string(),
                    format.as_str(),
                    body,
                    format!("{friday} 16:00:00"),
                ])
                .expect("keep");
            }
        }
    }
    tx.commit().expect("commit");
}

/// Reads, column by column, the rows a review reads: the check-ins of the weeks from
/// `weeks.0` to `weeks.1` when given (the weekly review), else all of them.
fn bare_read(conn: &Connection, weeks: Option<(IsoWeek, IsoWeek)>) -> usize {
    let queries = [
        "SELECT key, value FROM settings",
        "SELECT * FROM people",
        "SELECT i.*, p.name FROM initiatives i JOIN people p ON p.id = i.owner_id ORDER BY i.id",
        "SELECT * FROM changes ORDER BY id",
        "SELECT b.*, p.name FROM blockers b JOIN people p ON p.id = b.owner_id ORDER BY b.id",
        "SELECT d.*, p.name FROM decisions d JOIN people p ON p.id = d.owner_id ORDER BY d.id",
        "SELECT * FROM baselines ORDER BY id",
        "SELECT * FROM baseline_items",
        "SELECT id, kind, period, format, created_at FROM reviews ORDER BY id",
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
    match weeks {
        Some((from, to)) => read(
            "SELECT * FROM checkins WHERE week BETWEEN ?1 AND ?2 ORDER BY id",
            &[&from.to_string(), &to.to_string()],
        ),
        None => read("SELECT * FROM checkins ORDER BY id", &[]),
    }
    tx.finish().expect("finish");
    cells
}

/// The median of `times`.
fn median(times: &mut [Elapsed]) -> Elapsed {
    times.sort();
    times[times.len() / 2]
}

/// Times `subject` against `baseline` in the same run, alternating them `rounds` times so a
/// busy machine slows both alike, and prints both medians, their ratio and whether it is
/// within `goal`.
fn compare(
    what: &str,
    rounds: usize,
    goal: f64,
    (baseline, mut run_baseline): (&str, impl FnMut()),
    (subject, mut run_subject): (&str, impl FnMut()),
) {
    let (mut base, mut timed) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let started = Instant::now();
        run_baseline();
        base.push(started.elapsed());
        let started = Instant::now();
        run_subject();
        timed.push(started.elapsed());
    }
    let (base, timed) = (median(&mut base), median(&mut timed));
    let ratio = timed.as_secs_f64() / base.as_secs_f64();
    println!(
        "{what}: {subject} {:.1} ms / {baseline} {:.1} ms = {ratio:.2}× (goal ≤ {goal}×: {})",
        timed.as_secs_f64() * 1e3,
        base.as_secs_f64() * 1e3,
        if ratio <= goal { "met" } else { "NOT MET" }
    );
}

/// Where a review's time goes: the bare read of its rows, reading them into the snapshot
/// the review reads, and building the review from it (freeing both included), alternated
/// `rounds` times; prints the medians.
fn breakdown(
    what: &str,
    rounds: usize,
    mut bare: impl FnMut(),
    mut read: impl FnMut() -> Snapshot,
    mut build: impl FnMut(Snapshot),
) {
    let (mut bared, mut reads, mut builds) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let started = Instant::now();
        bare();
        bared.push(started.elapsed());
        let started = Instant::now();
        let snapshot = read();
        reads.push(started.elapsed());
        let started = Instant::now();
        build(snapshot);
        builds.push(started.elapsed());
    }
    let ms = |times: &mut [Elapsed]| median(times).as_secs_f64() * 1e3;
    println!(
        "{what}, where the time goes: bare read {:.1} ms; read into the snapshot {:.1} ms; \
         build the review from it {:.1} ms",
        ms(&mut bared),
        ms(&mut reads),
        ms(&mut builds)
    );
}

/// The 1-, 5- and 15-minute load averages, when the system says.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "unknown".into(),
        |l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
    )
}

fn bench(c: &mut Criterion) {
    let (initiatives, weeks) = if measuring() { (1000, 156) } else { (40, 12) };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cadence.db");
    generate(&path, initiatives, weeks);
    let kept_path = dir.path().join("kept.db");
    std::fs::copy(&path, &kept_path).expect("copy");
    keep_three_years(&kept_path, weeks);
    let week = IsoWeek::of(today());
    let read_weeks = Some((first_week_read(week), week));
    let month = Month::of(today());
    let ws = Workspace::open(&path, Clock::pinned(today())).expect("open");
    let kept = Workspace::open(&kept_path, Clock::pinned(today())).expect("open");
    let quarter = Quarter::of(today(), ws.fiscal_year_start().expect("fiscal year"));
    let conn = Connection::open(&path).expect("open");
    let count = |conn: &Connection, table: &str| -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .expect("count")
    };
    let kept_conn = Connection::open(&kept_path).expect("open");
    eprintln!(
        "workspace: {initiatives} initiatives, {} check-ins, {} changes; the copy with kept \
         updates: {} updates, {:.1} MiB of bodies",
        count(&conn, "checkins"),
        count(&conn, "changes"),
        count(&kept_conn, "reviews"),
        kept_conn
            .query_row("SELECT sum(length(body)) FROM reviews", [], |r| r
                .get::<_, f64>(0))
            .expect("size")
            / 1048576.0
    );

    let mut group = c.benchmark_group("weekly");
    group.bench_function("bare SQL read of the rows", |b| {
        b.iter(|| bare_read(&conn, black_box(read_weeks)))
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
    group.bench_function("review with three years of kept updates", |b| {
        b.iter(|| kept.weekly_review(Some(black_box(week))).expect("review"))
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

    let mut group = c.benchmark_group("monthly");
    group.sample_size(10);
    group.bench_function("bare SQL read of the rows", |b| {
        b.iter(|| bare_read(&conn, black_box(None)))
    });
    group.bench_function("review (read and build)", |b| {
        b.iter(|| ws.monthly_review(Some(black_box(month))).expect("review"))
    });
    group.bench_function("review with three years of kept updates", |b| {
        b.iter(|| kept.monthly_review(Some(black_box(month))).expect("review"))
    });
    group.finish();

    let mut group = c.benchmark_group("quarterly");
    group.sample_size(10);
    group.bench_function("bare SQL read of the rows", |b| {
        b.iter(|| bare_read(&conn, black_box(None)))
    });
    group.bench_function("review (read and build)", |b| {
        b.iter(|| {
            ws.quarterly_review(Some(black_box(quarter)))
                .expect("review")
        })
    });
    group.bench_function("review with three years of kept updates", |b| {
        b.iter(|| {
            kept.quarterly_review(Some(black_box(quarter)))
                .expect("review")
        })
    });
    group.finish();

    if !measuring() {
        return;
    }
    let rounds = 21;
    let bare = "bare read";
    println!("load average before the comparisons: {}", load_average());
    compare(
        "weekly review vs the bare read",
        rounds,
        2.0,
        (bare, || {
            black_box(bare_read(&conn, read_weeks));
        }),
        ("review", || {
            black_box(ws.weekly_review(Some(week)).expect("review"));
        }),
    );
    compare(
        "weekly review, three years of kept updates vs none",
        rounds,
        1.1,
        ("without", || {
            black_box(ws.weekly_review(Some(week)).expect("review"));
        }),
        ("with", || {
            black_box(kept.weekly_review(Some(week)).expect("review"));
        }),
    );
    compare(
        "monthly review vs the bare read",
        rounds,
        2.0,
        (bare, || {
            black_box(bare_read(&conn, None));
        }),
        ("review", || {
            black_box(ws.monthly_review(Some(month)).expect("review"));
        }),
    );
    compare(
        "monthly review, three years of kept updates vs none",
        rounds,
        1.1,
        ("without", || {
            black_box(ws.monthly_review(Some(month)).expect("review"));
        }),
        ("with", || {
            black_box(kept.monthly_review(Some(month)).expect("review"));
        }),
    );
    compare(
        "quarterly review vs the bare read",
        rounds,
        2.0,
        (bare, || {
            black_box(bare_read(&conn, None));
        }),
        ("review", || {
            black_box(ws.quarterly_review(Some(quarter)).expect("review"));
        }),
    );
    compare(
        "quarterly review, three years of kept updates vs none",
        rounds,
        1.1,
        ("without", || {
            black_box(ws.quarterly_review(Some(quarter)).expect("review"));
        }),
        ("with", || {
            black_box(kept.quarterly_review(Some(quarter)).expect("review"));
        }),
    );
    breakdown(
        "weekly review",
        rounds,
        || {
            black_box(bare_read(&conn, read_weeks));
        },
        || {
            ws.snapshot_of_weeks(first_week_read(week), week)
                .expect("snapshot")
        },
        |s| {
            black_box(weekly_owned(s, week, today()).expect("review"));
        },
    );
    breakdown(
        "monthly review",
        rounds,
        || {
            black_box(bare_read(&conn, None));
        },
        || ws.snapshot_of_calls().expect("snapshot"),
        |s| {
            let settings = ReviewSettings::from_settings(&s.settings).expect("settings");
            black_box(monthly(&s, month, today(), &settings));
        },
    );
    breakdown(
        "quarterly review",
        rounds,
        || {
            black_box(bare_read(&conn, None));
        },
        || ws.snapshot_of_calls().expect("snapshot"),
        |s| {
            black_box(quarterly(&s, quarter, today()));
        },
    );
    println!("load average after: {}", load_average());
}

criterion_group!(benches, bench);
criterion_main!(benches);
