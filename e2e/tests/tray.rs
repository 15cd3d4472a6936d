//! Cadence outside its window, as a person sees it: a reminder drawn by a real notification
//! daemon, the tray icon and its menu in a real tray host (both on the test's X screen,
//! screenshotted whole into e2e-artifacts/ and read back with OCR), start at login, and the
//! go/no-go reminder (received by the test's notification server).

use std::fs;
use std::path::{Path, PathBuf};

use cadence::calendar::{parse_date, Clock};
use cadence::store::{NewRelease, Workspace};
use cadence_e2e::desktop::{click_at, hover, middle_of, Desktop};
use cadence_e2e::notifications::NotificationServer;
use cadence_e2e::{eventually, geometry_of, run_test, App, Seed, TODAY};
use thirtyfour::error::{WebDriverError, WebDriverResult};

/// Every reminder quiet at launch, so that nothing but what a test asks for is drawn.
const QUIET: &[(&str, &str)] = &[
    ("reminders.review_day", "wednesday"),
    ("reminders.review_time", "00:00"),
    ("reminders.weekly_review", "quiet"),
    ("reminders.decisions", "quiet"),
];

async fn desktop() -> Desktop {
    Desktop::start()
        .await
        .expect("a notification daemon and a tray host on the test display (make e2e)")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The words of `lines`, one space apart: what a person reads, wherever a line wrapped.
fn words(lines: &[cadence_e2e::desktop::Line]) -> String {
    lines
        .iter()
        .flat_map(|l| l.text.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

#[tokio::test]
async fn the_weekly_review_reminder_is_drawn_on_screen_and_clicking_it_opens_the_monday_review() {
    let desktop = desktop().await;
    run_test("notification-popup", Seed::SampleWith(QUIET), async |app| {
        app.wait_text(".page-title", "This week").await?;
        // Today is the review day, past the review time: turning the reminder on makes it due.
        app.cli(&["settings", "set", "reminders.weekly_review", "on"])?;
        let review = Workspace::open(
            &app.workspace,
            Clock::pinned(parse_date("today", TODAY).expect("TODAY is a date")),
        )
        .and_then(|ws| ws.weekly_review(None))
        .expect("the week's review");
        let missing = review.in_progress.iter().filter(|i| !i.checked_in).count();
        let expected = format!(
            "Weekly review {}, {}",
            plural(missing, "check-in missing", "check-ins missing"),
            plural(
                review.headline.escalate as usize,
                "blocker to escalate",
                "blockers to escalate"
            )
        );

        let bubble = desktop.notification_bubble().await?;
        // Under the pointer the bubble stays until it is clicked.
        hover(middle_of(&bubble)?)?;
        let shot = desktop.screenshot("notification-popup.screen")?;
        let drawn = desktop.read(geometry_of(&bubble)?)?;
        assert_eq!(
            words(&drawn),
            expected,
            "the bubble in {} reads {drawn:?}",
            shot.display()
        );

        // Clicked on its blank left side (the daemon's text labels keep a click to
        // themselves), the bubble invokes the reminder's default action.
        let at = geometry_of(&bubble)?;
        click_at((at.x + 30, at.y + at.height / 2))?;
        desktop.no_notification_bubble().await?;
        app.wait_text(".page-title", "Monday review").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_tray_icon_opens_a_menu_whose_monday_review_brings_the_window_back_there() {
    let desktop = desktop().await;
    run_test("tray-menu", Seed::SampleWith(QUIET), async |app| {
        app.wait_text(".page-title", "This week").await?;
        let icon = desktop.tray_icon().await?;
        app.close_window_only().await?;

        click_at(middle_of(&icon)?)?;
        let menu = desktop.app_menu(&icon).await?;
        let shot = desktop.screenshot("tray-menu.screen")?;
        let items = desktop.read(geometry_of(&menu)?)?;
        let labels: Vec<&str> = items.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            labels,
            ["Open Cadence", "This week", "Monday review", "Quit Cadence"],
            "the menu in {}",
            shot.display()
        );

        let review = items
            .iter()
            .find(|l| l.text == "Monday review")
            .expect("read above");
        click_at(review.middle())?;
        app.wait_text(".page-title", "Monday review").await?;
        assert!(app.window_shown(), "the window came back");
        Ok(())
    })
    .await;
}

/// The `.desktop` files in the autostart folder of `home`.
fn autostart_entries(home: &Path) -> Vec<PathBuf> {
    fs::read_dir(home.join(".config/autostart"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "desktop"))
        .collect()
}

/// Waits for the start-at-login switch to show `on`: the dialog reads the system's state back
/// after the change is made, so the switch follows the autostart file a moment later.
async fn login_switch_shows(app: &App, on: bool) -> WebDriverResult<()> {
    eventually(async || {
        let shown = app.find("#settings-login").await?.is_selected().await?;
        Ok(if shown == on {
            Ok(())
        } else {
            Err(format!(
                "the start-at-login switch still shows {}",
                if shown { "on" } else { "off" }
            ))
        })
    })
    .await
}

#[tokio::test]
async fn start_at_login_writes_an_autostart_entry_for_the_app_and_removing_it_takes_it_away() {
    run_test("start-at-login", Seed::Sample, async |app| {
        let home = app.home();
        assert!(autostart_entries(&home).is_empty(), "off until asked for");
        app.click("#settings-open").await?;
        app.click("#settings-login").await?;
        // The entry is written in place: wait until it is whole, not only created.
        let (entry, text) = eventually(async || {
            Ok(autostart_entries(&home)
                .pop()
                .map(|entry| (fs::read_to_string(&entry).unwrap_or_default(), entry))
                .filter(|(text, _)| {
                    text.contains("Type=Application")
                        && text.lines().any(|l| {
                            l.strip_prefix("Exec=")
                                .and_then(|exec| exec.split_whitespace().next())
                                .is_some_and(|program| Path::new(program).exists())
                        })
                })
                .map(|(text, entry)| (entry, text))
                .ok_or_else(|| "no whole entry in ~/.config/autostart".to_string()))
        })
        .await?;
        let exec = text
            .lines()
            .find_map(|l| l.strip_prefix("Exec="))
            .unwrap_or_else(|| panic!("{} has no Exec line:\n{text}", entry.display()));
        let program = exec.split_whitespace().next().unwrap_or_default();
        assert_eq!(
            fs::canonicalize(program)?,
            fs::canonicalize(cadence_e2e::app_binary())?,
            "{}: {text}",
            entry.display()
        );
        assert!(text.contains("Type=Application"), "{text}");
        login_switch_shows(app, true).await?;

        app.click("#settings-login").await?;
        eventually(async || {
            Ok(if autostart_entries(&home).is_empty() {
                Ok(())
            } else {
                Err(format!("{} is still there", entry.display()))
            })
        })
        .await?;
        login_switch_shows(app, false).await?;
        Ok(())
    })
    .await;
}

/// The sample company with one release due the day after TODAY, its go/no-go not recorded;
/// only go/no-go reminders come.
fn release_due_tomorrow(ws: &mut Workspace) {
    for key in ["reminders.weekly_review", "reminders.decisions"] {
        ws.set_known_setting(key, "quiet")
            .expect("quieting a reminder");
    }
    // Reminders wait for the day's review time, read from the wall clock (TODAY pins only
    // the date): from midnight it is past, whenever the test runs.
    ws.set_known_setting("reminders.review_time", "00:00")
        .expect("setting the review time");
    ws.add_release(&NewRelease {
        name: "2.4 Card payments".into(),
        fixes: "Annual plans cannot pay by card".into(),
        target_date: "2026-03-05".into(),
        backup_date: "2026-03-06".into(),
        scope_owner: "Maya Okafor".into(),
        delivery_owner: "Daniel Reyes".into(),
        readiness_owner: "Priya Natarajan".into(),
        ..NewRelease::default()
    })
    .expect("adding the release");
}

#[tokio::test]
async fn a_go_no_go_due_tomorrow_is_a_notification_naming_the_release_and_opens_its_go_no_go() {
    let server = NotificationServer::start()
        .await
        .expect("a notification server on the session bus (make e2e)");
    run_test(
        "go-no-go-reminder",
        Seed::SampleThen(release_due_tomorrow),
        async |app| {
            app.wait_text(".page-title", "This week").await?;
            let reminder = app.notification(&server, "Go/no-go due tomorrow").await?;
            assert_eq!(
                reminder.body,
                "Release 2.4 Card payments ships Thursday 5 March: answer the five questions \
                 and record the call"
            );
            assert_eq!(server.received().len(), 1, "{:?}", server.received());
            server
                .click(reminder.id)
                .await
                .map_err(|e| WebDriverError::FatalError(format!("clicking the reminder: {e}")))?;
            app.wait_text(".gng-eyebrow", "Release 2.4 Card payments · Go/no-go")
                .await?;
            let url = app.driver.current_url().await?;
            let fragment = url.fragment().unwrap_or_default();
            let id = fragment
                .strip_prefix("/releases/")
                .and_then(|rest| rest.strip_suffix("/go-no-go"))
                .unwrap_or_default();
            assert!(
                !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()),
                "the window shows #{fragment}, not a release's go/no-go"
            );
            Ok(())
        },
    )
    .await;
}
