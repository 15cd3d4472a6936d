//! The releases use case the app's Releases view, release page and go/no-go mode read (and
//! `cadence release list | show | check`), on the sample company's release history.

use std::path::Path;

use cadence::calendar::Clock;
use cadence::store::Workspace;
use chrono::NaiveDate;

fn on(path: &Path, day: &str) -> Workspace {
    let today = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
    Workspace::open_or_create(path, Clock::pinned(today)).unwrap()
}

fn sample(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("sample.db");
    on(&path, "2027-03-10").load_sample(false).unwrap();
    path
}

#[test]
fn the_releases_view_ranks_pain_and_says_the_rescue_ended() {
    let dir = tempfile::tempdir().unwrap();
    let ws = on(&sample(dir.path()), "2027-03-10");
    let v = ws.releases_view().unwrap();
    let names: Vec<&str> = v.releases.iter().map(|r| r.release.name.as_str()).collect();
    assert_eq!(names, ["3.5", "3.4", "3.3", "3.2", "3.1", "3.0"]);
    let pain_names: Vec<&str> = v.pain_releases.iter().map(|r| r.name.as_str()).collect();
    // 3.5 is still to ship: the ranking counts the last five releases that ended.
    assert_eq!(pain_names, ["3.0", "3.1", "3.2", "3.3", "3.4"]);
    let top = &v.pain[0];
    assert!(v.pain.windows(2).all(|w| w[0].hours >= w[1].hours));
    let per = (top.hours as f64 / 5.0).round() as i64;
    assert_eq!(
        v.biggest_pain.as_deref(),
        Some(
            format!(
                "We lose about {per} hours every release to {} ({} hours over the last 5 releases).",
                top.cause.label(),
                top.hours
            )
            .as_str()
        )
    );
    assert!(!v.rescue.rescue.active);
    assert_eq!(
        v.rescue.ended_by.as_ref().map(|r| r.name.as_str()),
        Some("3.3")
    );
    assert!(v.stop_list.is_empty());
}

#[test]
fn in_rescue_mode_the_view_carries_the_stop_list() {
    let dir = tempfile::tempdir().unwrap();
    let ws = on(&sample(dir.path()), "2027-02-20");
    let v = ws.releases_view().unwrap();
    assert!(v.rescue.rescue.active);
    let missed: Vec<&str> = v.rescue.missed.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(missed, ["3.0", "3.1", "3.2"]);
    assert_eq!(v.stop_list.len(), 5);
    assert!(v.stop_list[0].starts_with("Freeze new feature requests"));
}

#[test]
fn a_release_page_holds_its_view_sheet_and_rehearsal_trend() {
    let dir = tempfile::tempdir().unwrap();
    let ws = on(&sample(dir.path()), "2027-03-10");
    let list = ws.release_list().unwrap();
    let id = |name: &str| {
        list.iter()
            .find(|r| r.release.name == name)
            .unwrap()
            .release
            .id
    };
    let page = ws.release_page(id("3.3")).unwrap();
    assert_eq!(page.view.release.name, "3.3");
    assert_eq!(page.sheet.questions.len(), 5);
    assert_eq!(page.rehearsal_trend, [40, 25]);
    assert_eq!(
        ws.release_page(id("3.4")).unwrap().rehearsal_trend,
        [20, 15]
    );
    let open = ws.release_page(id("3.5")).unwrap();
    assert!(open.view.readiness.is_some());
    assert_eq!(open.sheet, ws.release_sheet(id("3.5")).unwrap());
    assert_eq!(open.view, ws.release_view(id("3.5")).unwrap());
    assert_eq!(
        ws.release_page(99).unwrap_err().to_string(),
        "release 99 does not exist"
    );
}
