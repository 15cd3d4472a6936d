//! Measures the desktop app's start-up time and memory on the sample company:
//! `xvfb-run -a cargo run -p cadence-e2e --release --bin measure -- [RUNS]`, with `CADENCE_APP`
//! naming the binary to measure (by default the debug build; `make app` builds the release one).
//!
//! Start-up is the time from asking tauri-driver for a session (which launches the app) to
//! the board showing its first card; memory is the proportional set size (PSS) of the app
//! and its WebKit processes once the board has been shown and left idle for two seconds.

use std::collections::HashMap;
use std::fs;
use std::time::{Duration, Instant};

use cadence_e2e::{App, Seed};

/// The processes of the app itself: the shell and the web view's helpers (not the drivers).
const APP_PROCESSES: &[&str] = &[
    "cadence-desktop",
    "WebKitWebProcess",
    "WebKitNetworkProcess",
];

/// Every process below `root`, with its name, read from /proc.
fn descendants(root: u32) -> Vec<(u32, String)> {
    let mut parent_of = HashMap::new();
    let mut name_of = HashMap::new();
    for entry in fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let name = stat[open + 1..close].to_string();
        let ppid = stat[close + 2..]
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse::<u32>().ok());
        if let Some(ppid) = ppid {
            parent_of.insert(pid, ppid);
            name_of.insert(pid, name);
        }
    }
    let mut found = Vec::new();
    for (&pid, name) in &name_of {
        let mut at = pid;
        while let Some(&up) = parent_of.get(&at) {
            if up == root {
                found.push((pid, name.clone()));
                break;
            }
            at = up;
        }
    }
    found.sort();
    found
}

/// A process's proportional set size in KiB.
fn pss_kib(pid: u32) -> u64 {
    fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kib| kib.parse().ok())
        })
        .unwrap_or(0)
}

/// One launch: start-up time and the PSS of each app process.
async fn measure_once(run: usize) -> (Duration, Vec<(String, u64)>) {
    let started = Instant::now();
    let app = App::launch(&format!("measure-{run}"), Seed::Sample)
        .await
        .expect("launching the app");
    app.find(".sidebar").await.expect("the app's sidebar");
    app.keys("gb").await.expect("going to the board");
    app.find(".lane .card").await.expect("a card on the board");
    let startup = started.elapsed();
    tokio::time::sleep(Duration::from_secs(2)).await;
    let memory = descendants(app.driver_pid())
        .into_iter()
        .filter(|(_, name)| {
            APP_PROCESSES
                .iter()
                .any(|p| name.starts_with(&p[..p.len().min(15)]))
        })
        .map(|(pid, name)| (name, pss_kib(pid)))
        .collect();
    app.driver
        .clone()
        .quit()
        .await
        .expect("closing the session");
    (startup, memory)
}

#[tokio::main]
async fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .map(|n| n.parse().expect("RUNS is a number"))
        .unwrap_or(5);
    let mut startups = Vec::new();
    let mut totals = Vec::new();
    for run in 1..=runs {
        let (startup, memory) = measure_once(run).await;
        let total: u64 = memory.iter().map(|(_, kib)| kib).sum();
        let parts: Vec<String> = memory
            .iter()
            .map(|(name, kib)| format!("{name} {:.1} MiB", *kib as f64 / 1024.0))
            .collect();
        println!(
            "run {run}: start-up {} ms; PSS {:.1} MiB ({})",
            startup.as_millis(),
            total as f64 / 1024.0,
            parts.join(", ")
        );
        startups.push(startup);
        totals.push(total);
    }
    startups.sort();
    totals.sort();
    println!(
        "median of {runs}: start-up {} ms; PSS {:.1} MiB",
        startups[runs / 2].as_millis(),
        totals[runs / 2] as f64 / 1024.0
    );
}
