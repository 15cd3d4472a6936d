//! The desktop app end to end: the real binary, a real window under Xvfb, a real workspace file.

use cadence::calendar::{parse_date, Clock};
use cadence::store::backup::{self, Counts};
use cadence::store::Workspace;
use cadence::usecases::backups::{self, BackupKind};
use cadence_e2e::notifications::NotificationServer;
use cadence_e2e::{run_test, run_test_across_restart, Geometry, Seed, TODAY};
use std::io::Write;
use std::time::Duration;

use thirtyfour::prelude::*;

#[tokio::test]
async fn the_sample_company_loads_from_the_welcome_and_shows_on_the_board() {
    run_test("sample_board", Seed::Empty, async |app| {
        app.wait_text(".welcome-title", "Run the delivery cadence")
            .await?;
        app.click("#welcome-sample").await?;
        app.find(".sidebar").await?;
        app.keys("gb").await?;
        app.wait_text(".page-title", "Board").await?;
        let lanes = app.find_all(".lane-title").await?;
        let mut titles = Vec::new();
        for lane in lanes {
            titles.push(lane.text().await?);
        }
        assert_eq!(
            titles,
            [
                "Customer value",
                "Release fixes and technical investment",
                "Discovery"
            ]
        );
        app.wait_text(".lane-customer .card", "Billing v2").await?;
        app.wait_text(".wip", "Release fixes in progress").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_blocker_added_from_the_command_line_appears_on_this_week_without_a_key_press() {
    run_test("live_refresh", Seed::Sample, async |app| {
        app.wait_text(".page-title", "This week").await?;
        app.find("#home-blockers").await?;
        let text = "Waiting on the bank's production keys";
        app.cli(&["blocker", "add", "1", text, "--owner", "Maya Okafor"])?;
        let written = std::time::Instant::now();
        app.wait_text("#home-blockers", text).await?;
        // Past the harness's capture, so the figure shows in `make e2e`.
        let _ = writeln!(
            std::io::stderr(),
            "live_refresh: the blocker showed {} ms after the command line wrote it",
            written.elapsed().as_millis()
        );
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_new_initiative_is_created_from_the_keyboard() {
    run_test("create_initiative", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.keys("n").await?;
        app.fill("#new-title", "Annual billing").await?;
        app.fill("#new-owner", "Maya Okafor").await?;
        app.select("#new-status", "Active").await?;
        app.fill("#new-target", "2026-05-15").await?;
        app.fill("#new-backup", "2026-05-29").await?;
        app.fill("#new-risk", "Tax rules differ by country.")
            .await?;
        app.select("#new-risk-level", "Medium").await?;
        app.click("#new-initiative-form button[type=submit]")
            .await?;
        app.wait_text(".page-title", "Annual billing").await?;
        app.wait_text("#plan-target", "15 May 2026").await?;
        app.wait_text("#plan-backup", "29 May 2026").await?;
        app.wait_text(".page-subtitle", "Maya Okafor").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_team_is_refused_as_owner_with_the_message_beside_the_owner_field() {
    run_test("owner_refused", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.keys("n").await?;
        app.fill("#new-title", "Faster invoice search").await?;
        app.fill("#new-owner", "Platform team").await?;
        app.click("#new-initiative-form button[type=submit]")
            .await?;
        let message = app
            .wait_text("#new-owner-error", "'Platform team' names a team")
            .await?;
        assert!(message.contains("one named person"), "{message}");
        let field = app.find(".field:has(#new-owner) #new-owner-error").await?;
        assert!(field.is_displayed().await?);
        let invalid = app.find("#new-owner").await?.attr("aria-invalid").await?;
        assert_eq!(invalid.as_deref(), Some("true"));
        assert!(app.driver.find(By::Css("#new-title-error")).await.is_err());
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_target_date_moved_with_a_reason_shows_in_the_history() {
    run_test("date_moved", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.keys("/").await?;
        app.fill("#search-input", "billing v2").await?;
        app.keys(Key::Enter).await?;
        app.wait_text(".page-title", "Billing v2").await?;
        app.click("#edit-initiative").await?;
        app.fill("#edit-target", "2026-04-05").await?;
        app.fill("#edit-backup", "2026-04-12").await?;
        app.fill(
            "#edit-reason",
            "The payment provider moved its webhook launch",
        )
        .await?;
        app.click("#edit-save").await?;
        app.wait_text("#plan-target", "5 Apr 2026").await?;
        let entry = app
            .wait_text(
                "#history .history-entry",
                "The payment provider moved its webhook launch",
            )
            .await?;
        assert!(entry.contains("Target date"), "{entry}");
        assert!(entry.contains("5 Apr 2026"), "{entry}");
        app.wait_text("#slips", "The target moved").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_second_launch_hands_over_to_the_running_window_and_exits() {
    run_test("single_instance", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.keys("gp").await?;
        app.wait_text(".page-title", "People").await?;
        let second = app
            .launch_again(Duration::from_secs(15))
            .map_err(|e| WebDriverError::FatalError(format!("second launch: {e}")))?;
        assert!(
            second.is_some_and(|status| status.success()),
            "the second launch did not exit cleanly: {second:?}"
        );
        // The first window still answers, on the view it was showing.
        app.wait_text(".page-title", "People").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_check_in_recorded_on_an_initiative_changes_the_home_view() {
    run_test("home_after_checkin", Seed::Sample, async |app| {
        app.wait_text(".page-title", "This week").await?;
        app.find("#review-reminder").await?;
        let before = app.wait_text("#home-missing-count", "initiative").await?;
        let missing: usize = before.split(' ').next().unwrap_or("0").parse().unwrap_or(0);
        assert!(
            missing >= 1,
            "the sample has initiatives without this week's check-in"
        );
        let first = app.find("#home-missing a").await?;
        let title = first.text().await?;
        first.click().await?;
        app.wait_text(".page-title", &title).await?;
        app.click("#checkin-open").await?;
        app.click("label.segment-at-risk").await?;
        app.fill("#checkin-shipped", "Bank connection step in staging")
            .await?;
        app.click("#checkin-save").await?;
        app.wait_text("#checkins", "Bank connection step in staging")
            .await?;
        // A second check-in for the same week says it replaced the first.
        app.click("#checkin-open").await?;
        app.click("label.segment-on-track").await?;
        app.click("#checkin-save").await?;
        app.wait_text(".toast", "it replaced the one of").await?;
        app.keys("gh").await?;
        app.wait_text(".page-title", "This week").await?;
        let after = format!(
            "{} initiative{}",
            missing - 1,
            if missing - 1 == 1 { "" } else { "s" }
        );
        app.wait_text("#home-missing-count", &after).await?;
        let still: Vec<String> = {
            let mut v = Vec::new();
            for a in app.driver.find_all(By::Css("#home-missing a")).await? {
                v.push(a.text().await?);
            }
            v
        };
        assert!(
            !still.contains(&title),
            "{title} is still listed as missing"
        );
        app.wait_text("#count-shipped", "").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_monday_review_records_a_check_in_and_saves_the_update_to_a_file() {
    run_test("monday_review", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.keys("gw").await?;
        app.wait_text(".page-title", "Monday review").await?;
        let step = step_title(app).await?;
        app.wait_text("#update-preview", "No check-in this week")
            .await?;
        // Keyboard only: the health starts from the owner's latest call.
        app.find("#checkin-shipped").await?.click().await?;
        app.keys("Accountant invite flow shipped").await?;
        app.driver
            .action_chain()
            .key_down(Key::Control)
            .send_keys(Key::Enter)
            .key_up(Key::Control)
            .perform()
            .await?;
        app.wait_text("#update-preview", "Accountant invite flow shipped")
            .await?;
        let next = step_title(app).await?;
        assert_ne!(next, step, "the review moves on to the next initiative");

        let file = app.scratch("weekly-update.md");
        app.click("#export-save-md").await?;
        app.answer_save_dialog("Save the weekly update", &file)
            .await?;
        app.wait_text("#export-kept", "Sent").await?;
        let saved = std::fs::read_to_string(&file)?;
        assert!(
            saved.starts_with("# Weekly update: 2–8 March 2026\n"),
            "{saved}"
        );
        assert!(
            saved.contains(&format!("- {step} (")),
            "{step:?} in {saved}"
        );
        assert!(saved.contains("Accountant invite flow shipped"), "{saved}");

        // Copied as rich text with a plain-text alternative, both as the update reads.
        app.click("#export-copy").await?;
        app.wait_text(".toast", "Update copied").await?;
        let html = app.clipboard("text/html").await?;
        assert!(
            html.contains("<h1>Weekly update: 2–8 March 2026</h1>"),
            "{html}"
        );
        assert!(html.contains("Accountant invite flow shipped"), "{html}");
        let plain = app.clipboard("UTF8_STRING").await?;
        assert!(
            plain.starts_with("Weekly update: 2–8 March 2026\n====="),
            "{plain}"
        );

        // The week is kept as sent and reads back the same from the past updates.
        app.click("#past-updates li:last-child .link-button")
            .await?;
        let body = app.wait_text("#sent-body", "Weekly update").await?;
        assert_eq!(body.trim(), saved.trim());
        app.keys(Key::Escape).await?;
        app.wait_gone("#sent-body").await?;
        // Back to the top of the review for the closing screenshot.
        app.driver
            .execute(
                "document.querySelector('.page-title').scrollIntoView()",
                vec![],
            )
            .await?;
        app.wait_text("#export-kept", "Sent").await?;
        Ok(())
    })
    .await;
}

/// The title of the initiative the Monday review is on, as written (the heading is shown in
/// capitals).
async fn step_title(app: &cadence_e2e::App) -> WebDriverResult<String> {
    let link = app.find("#review-step-title a").await?;
    Ok(link.prop("textContent").await?.unwrap_or_default())
}

#[tokio::test]
async fn the_roadmap_shows_the_timeline_and_its_decisions_are_added_linked_and_closed() {
    run_test("roadmap", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.keys("gm").await?;
        app.wait_text(".page-title", "Roadmap").await?;
        app.wait_text(".page-subtitle", "March 2026").await?;
        let svg = timeline_svg(app).await?;
        assert!(
            svg.contains("data-from=\"2026-01-01\""),
            "quarter zoom first"
        );
        assert!(svg.contains("data-title=\"Billing v2\"") || svg.contains("Billing v2"));
        assert!(svg.contains("cdn-tl-today"), "today is marked");
        app.click("label:has(#zoom-month)").await?;
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !timeline_svg(app)
            .await?
            .contains("data-from=\"2026-03-01\"")
        {
            assert!(
                std::time::Instant::now() < deadline,
                "the month zoom never showed"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }

        // The month's update, saved as a web page, embeds the same timeline.
        let page = app.scratch("roadmap.html");
        app.click("#export-save-html").await?;
        app.answer_save_dialog("Save the monthly update", &page)
            .await?;
        app.wait_text(".toast", "Update saved as web page").await?;
        let html = std::fs::read_to_string(&page)?;
        assert!(
            html.contains("<h1>Roadmap update: March 2026</h1>"),
            "{html}"
        );
        assert!(
            html.contains("data-from=\"2026-03-01\""),
            "the page shows the month the timeline was showing"
        );

        // A team cannot decide; the message sits beside the field.
        app.click("#decision-add").await?;
        app.fill(
            "#decision-question",
            "Run the index rebuild on a Saturday night?",
        )
        .await?;
        app.fill("#decision-owner", "Leadership team").await?;
        app.fill("#decision-by", "2026-03-12").await?;
        app.select("#decision-initiative", "Billing v2").await?;
        app.click("#decision-save").await?;
        app.wait_text("#decision-owner-error", "names a team")
            .await?;
        app.fill("#decision-owner", "Maya Okafor").await?;
        app.click("#decision-save").await?;
        let row = app
            .wait_text(
                "#decisions-open",
                "Run the index rebuild on a Saturday night?",
            )
            .await?;
        assert!(row.contains("Maya Okafor"), "{row}");

        // Linked to the initiative it really concerns.
        let select = "#decisions-open li:last-child select";
        app.select(select, "Move search to Postgres full-text")
            .await?;
        app.wait_text(".toast", "Decision linked").await?;

        app.click("#decisions-open li:last-child [data-close-decision]")
            .await?;
        app.fill(
            "#decision-outcome",
            "Yes, Saturday 22:00 with a rollback plan",
        )
        .await?;
        app.click("#decision-close-save").await?;
        app.wait_text(
            "#roadmap-decided",
            "Run the index rebuild on a Saturday night?",
        )
        .await?;
        let open = app.find("#roadmap-decisions").await?.text().await?;
        assert!(!open.contains("Saturday night"), "{open}");
        Ok(())
    })
    .await;
}

/// The roadmap timeline's SVG, read back from the image that shows it.
async fn timeline_svg(app: &cadence_e2e::App) -> WebDriverResult<String> {
    app.driver
        .execute(
            "const img = document.querySelector('#roadmap-timeline img'); \
             if (!img) return ''; \
             return decodeURIComponent(img.src.slice(img.src.indexOf(',') + 1));",
            vec![],
        )
        .await?
        .convert()
}

#[tokio::test]
async fn the_quarterly_review_moves_section_by_section_and_commits_next_quarters_plan() {
    run_test("quarterly_plan", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.keys("gq").await?;
        app.wait_text(".deck-quarter", "2026").await?;
        let count = app.wait_text("#deck-count", "1 / ").await?;
        let total: usize = count.rsplit(' ').next().unwrap_or("0").parse().unwrap_or(0);
        assert!(total > 3, "{count}");
        app.keys(Key::Right).await?;
        app.wait_text("#deck-count", &format!("2 / {total}"))
            .await?;
        app.find(".slide[data-current=true] img[data-chart=planned]")
            .await?;

        app.keys(Key::Left).await?;
        app.wait_text("#deck-count", &format!("1 / {total}"))
            .await?;
        app.keys(Key::End).await?;

        app.wait_text("#deck-count", &format!("{total} / {total}"))
            .await?;
        app.wait_text(
            ".slide[data-current=true] .slide-title",
            "Commit the plan for 2026-Q2",
        )
        .await?;
        let blocked = app
            .wait_text("#plan-candidates", "Accountant portal")
            .await?;
        assert!(blocked.contains("needs a target date"), "{blocked}");
        let portal = app.find("#plan-11").await?;
        assert!(
            !portal.is_enabled().await?,
            "a candidate breaking a rule cannot be chosen"
        );
        assert!(app.find("#plan-2").await?.is_selected().await?);
        app.wait_text("#plan-commit", "Commit 1 initiative").await?;
        app.click("#plan-commit").await?;
        app.wait_text(".toast", "Plan for 2026-Q2 committed")
            .await?;
        app.wait_text("#plan-commit", "Amend the plan").await?;
        // Full screen for the shared screen, and back. Under Xvfb the window's picture is not
        // repainted after it, so the committed plan is photographed first.
        app.driver
            .execute(
                "document.querySelector('.slide[data-current=true] .slide-title').scrollIntoView()",
                vec![],
            )
            .await?;
        app.screenshot("quarterly_plan_committed").await?;
        app.click("#deck-fullscreen").await?;
        app.find("body.presenting").await?;
        app.wait_gone(".sidebar").await?;
        app.keys("f").await?;
        app.find(".sidebar").await?;

        let ws = cadence::store::Workspace::open(
            &app.workspace,
            cadence::calendar::Clock::pinned(
                cadence::calendar::parse_date("today", cadence_e2e::TODAY).unwrap(),
            ),
        )
        .map_err(|e| WebDriverError::FatalError(e.to_string()))?;
        let q2 = cadence::calendar::Quarter::parse("quarter", "2026-Q2", 1).unwrap();
        let baselines = ws
            .baselines(q2)
            .map_err(|e| WebDriverError::FatalError(e.to_string()))?;
        assert_eq!(baselines.len(), 1);
        let ids: Vec<i64> = baselines[0].items.iter().map(|i| i.initiative_id).collect();
        assert_eq!(ids, [2]);
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn print_opens_the_system_print_dialog_for_the_quarterly_review() {
    run_test("quarterly_print", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.keys("gq").await?;
        app.wait_text(".deck-quarter", "2026").await?;
        app.click("#deck-print").await?;
        let dialog = app.native_window("Print").await?;
        app.dismiss_native(&dialog).await?;
        // The window answers again once the dialog is gone.
        app.keys(Key::Right).await?;
        app.wait_text("#deck-count", "2 / ").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn the_window_opens_again_where_and_as_large_as_it_was_left() {
    let left = Geometry {
        x: 100,
        y: 60,
        width: 1040,
        height: 700,
    };
    run_test_across_restart(
        "window_state",
        // Closing the window quits here, as it does when the tray is not wanted.
        Seed::SampleWith(&[("app.close_to_tray", "off")]),
        async |app| {
            app.find(".sidebar").await?;
            assert_ne!(app.window_geometry().await?, left, "already there at start");
            app.place_window(left).await
        },
        async |app| {
            app.find(".sidebar").await?;
            assert_eq!(app.window_geometry().await?, left);
            Ok(())
        },
    )
    .await;
}

#[tokio::test]
async fn a_damaged_workspace_says_so_and_restores_its_latest_good_backup() {
    run_test("damaged_workspace", Seed::Damaged, async |app| {
        app.wait_text("#workspace-damaged h1", "This workspace is damaged")
            .await?;
        app.wait_text(".problem-message", "fails its integrity check")
            .await?;
        app.wait_text(
            "#workspace-damaged",
            "latest good backup is from Tue 3 Mar 2026: ",
        )
        .await?;
        app.click("#restore-confirm-button").await?;
        // The app starts again on the restored workspace.
        app.find(".sidebar").await?;
        app.keys("gb").await?;
        app.wait_text(".lane-customer .card", "Billing v2").await?;
        let folder = backups::folder(&app.workspace);
        let kept =
            backups::list(&app.workspace).map_err(|e| WebDriverError::FatalError(e.to_string()))?;
        let before = kept
            .iter()
            .find(|b| b.kind == BackupKind::BeforeRestore)
            .expect("the damaged workspace kept beside its backups");
        assert!(before.problem.is_some(), "kept as it was, damaged");
        assert!(before.path.starts_with(&folder));
        assert!(backups::check_workspace(&app.workspace)
            .map_err(|e| WebDriverError::FatalError(e.to_string()))?
            .problem
            .is_none());
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_backup_is_saved_through_the_apps_own_dialog_and_one_is_restored_from_the_list() {
    run_test("backup_and_restore", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        // The app took the day's automatic backup when it started.
        let daily = backups::folder(&app.workspace).join("workspace-2026-03-04.db");
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        while !daily.exists() && std::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert!(daily.exists(), "{} was not written", daily.display());

        let file = app.scratch("saved-backup.db");
        app.click("#sidebar-save-backup").await?;
        app.answer_save_dialog("Save a backup of the workspace", &file)
            .await?;
        app.wait_text(".toast", "Backup saved").await?;
        assert_eq!(verify(&file)?, verify(&app.workspace)?);

        // A change made after the backup, then undone by restoring it from the list.
        let today = parse_date("today", cadence_e2e::TODAY).expect("a date");
        Workspace::open(&app.workspace, Clock::pinned(today))
            .and_then(|mut ws| ws.add_person("Zoe Park", None, None).map(drop))
            .map_err(|e| WebDriverError::FatalError(e.to_string()))?;
        let people = verify(&app.workspace)?.people;
        app.click("#restore-open").await?;
        app.click("#backup-list [data-file='workspace-2026-03-04.db']")
            .await?;
        app.wait_text("#restore-confirm", "Wed 4 Mar 2026").await?;
        app.click("#restore-confirm-button").await?;
        // The workspace's screens start again: the dialog goes with the old ones.
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        while !app
            .driver
            .find_all(By::Css("#restore-confirm"))
            .await?
            .is_empty()
        {
            assert!(std::time::Instant::now() < deadline, "the dialog stayed");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(verify(&app.workspace)?.people, people - 1);
        app.click("#nav-people").await?;
        app.wait_text(".page-title", "People").await?;
        app.wait_text("main", "Maya Okafor").await?;
        assert!(!app.find("main").await?.text().await?.contains("Zoe Park"));
        Ok(())
    })
    .await;
}

/// What a workspace file holds, once it passes its checks.
fn verify(path: &std::path::Path) -> WebDriverResult<Counts> {
    backup::verify(path).map_err(|e| WebDriverError::FatalError(e.to_string()))
}

#[tokio::test]
async fn about_shows_the_version_and_the_workspace_schema() {
    run_test("about", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.click("#about-open").await?;
        app.wait_text("#about-version", cadence::VERSION).await?;
        let schema = format!("version {}", cadence::store::schema::latest_version());
        app.wait_text("#about-schema", &schema).await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn initiatives_come_from_a_spreadsheet_after_a_preview_and_go_back_as_csv() {
    run_test("spreadsheet", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.keys("gb").await?;
        app.wait_text(".page-title", "Board").await?;
        let refused = app.scratch("team.csv");
        let good = app.scratch("initiatives.csv");
        let write = |path: &std::path::Path, text: &str| {
            std::fs::write(path, text).map_err(|e| WebDriverError::FatalError(e.to_string()))
        };
        write(
            &refused,
            "\u{feff}Project;DRI;Due;Fallback;Status;Risk;Risk level\r\n\
             Partner API;Platform team;;;proposed;;\r\n\
             Invoice reminders;Maya Okafor;14.04.2026;28.04.2026;active;Emails land in spam;low\r\n",
        )?;
        write(
            &good,
            "Project,Owner,Due,Fallback,Status,Risk,Risk level\r\n\
             Partner API,Daniel Reyes,,,proposed,,\r\n\
             Invoice reminders,Maya Okafor,4/14/2026,4/28/2026,active,Emails land in spam,low\r\n",
        )?;

        // A refused row: shown with its line and column, and nothing can be imported.
        app.click("#board-import-sheet").await?;
        app.answer_open_dialog("Import from a spreadsheet", &refused)
            .await?;
        app.wait_text("#sheet-rows", "'Platform team' names a team")
            .await?;
        app.wait_text("#sheet-summary", "1 of 2 rows is refused")
            .await?;
        assert!(!app.find("#sheet-import-all").await?.is_enabled().await?);
        // The window repaints on the next input after the native dialog closes.
        app.click("#sheet-summary").await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.screenshot("spreadsheet_preview_refused").await?;

        // Another file: every row ready, imported all at once.
        app.click("#sheet-choose-again").await?;
        app.answer_open_dialog("Import from a spreadsheet", &good)
            .await?;
        app.wait_text("#sheet-summary", "All 2 rows can be imported")
            .await?;
        app.wait_text("#sheet-rows", "2026-04-14").await?;
        app.click("#sheet-import-all").await?;
        app.wait_text(".toast", "2 initiatives imported").await?;
        app.wait_text(".lane-customer", "Invoice reminders").await?;

        // Back to a spreadsheet: the list as CSV on the clipboard.
        app.click("#board-copy-csv").await?;
        app.wait_text(".toast", "Initiatives copied as CSV").await?;
        let csv = app.clipboard("UTF8_STRING").await?;
        assert!(csv.starts_with("ID,Title,Owner,"), "{csv}");
        assert!(csv.contains("Invoice reminders,Maya Okafor"), "{csv}");
        Ok(())
    })
    .await;
}

/// Starts the test's notification server on the session bus, before the app.
async fn notification_server() -> NotificationServer {
    NotificationServer::start()
        .await
        .expect("a notification server on the session bus (run under dbus-run-session: make e2e)")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[tokio::test]
async fn the_weekly_review_reminder_counts_the_week_and_a_click_opens_the_monday_review() {
    let server = notification_server().await;
    // Today is a Wednesday in these tests: the review day is set to it, at midnight, so the
    // reminder is due as soon as the app looks.
    let settings = &[
        ("reminders.review_day", "wednesday"),
        ("reminders.review_time", "00:00"),
    ];
    run_test("reminder", Seed::SampleWith(settings), async |app| {
        app.wait_text(".page-title", "This week").await?;
        let today = parse_date("today", TODAY).expect("TODAY is a date");
        let review = Workspace::open(&app.workspace, Clock::pinned(today))
            .and_then(|ws| ws.weekly_review(None))
            .expect("the week's review");
        let missing = review.in_progress.iter().filter(|i| !i.checked_in).count();
        let escalate = review.headline.escalate as usize;
        assert!(missing > 0 && escalate > 0, "the sample week has both");
        let expected = format!(
            "{}, {}",
            plural(missing, "check-in missing", "check-ins missing"),
            plural(escalate, "blocker to escalate", "blockers to escalate")
        );
        let reminder = app.notification(&server, "Weekly review").await?;
        assert_eq!(reminder.body, expected);
        let _ = writeln!(
            std::io::stderr(),
            "reminder received: {}: {}",
            reminder.summary,
            reminder.body
        );

        // A write makes the scheduler look again: the reminder does not come twice.
        app.cli(&[
            "blocker",
            "add",
            "2",
            "Legal review of the terms",
            "--owner",
            "Maya Okafor",
        ])?;
        app.wait_text("#home-blockers", "Legal review of the terms")
            .await?;
        let weekly = server
            .received()
            .iter()
            .filter(|n| n.summary == "Weekly review")
            .count();
        assert_eq!(weekly, 1, "{:?}", server.received());

        server
            .click(reminder.id)
            .await
            .map_err(|e| WebDriverError::FatalError(format!("clicking the reminder: {e}")))?;
        app.wait_text(".page-title", "Monday review").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn closing_the_window_keeps_cadence_in_the_tray_and_says_so() {
    let server = notification_server().await;
    run_test("tray", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.close_window_only().await?;
        let notice = app
            .notification(&server, "Cadence is still running")
            .await?;
        assert!(notice.body.contains("tray"), "{}", notice.body);
        assert!(app.running(), "the app quit when its window was closed");
        // Launching Cadence again brings the window back.
        let second = app.launch_again(Duration::from_secs(20))?;
        assert!(
            second.is_some(),
            "the second launch did not hand over and exit"
        );
        app.wait_text(".page-title", "This week").await?;
        assert!(app.window_shown());
        let today = parse_date("today", TODAY).expect("TODAY is a date");
        let told = Workspace::open(&app.workspace, Clock::pinned(today))
            .and_then(|ws| ws.tray_notice_given())
            .expect("reading the notices");
        assert!(told, "the tray notice is remembered so it is said once");
        Ok(())
    })
    .await;
}

/// The main pane's scroll position, after setting it to `to` if one is given.
async fn main_scroll(app: &cadence_e2e::App, to: Option<u32>) -> WebDriverResult<u64> {
    let script = "const main = document.getElementById('main'); \
                  if (arguments[0] !== null) main.scrollTop = arguments[0]; \
                  return Math.round(main.scrollTop);";
    let ret = app
        .driver
        .execute(script, vec![serde_json::json!(to)])
        .await?;
    Ok(ret.json().as_u64().unwrap_or_default())
}

#[tokio::test]
async fn a_new_view_opens_at_its_top_and_back_returns_where_the_last_was_left() {
    run_test("scroll_memory", Seed::Sample, async |app| {
        let shows = async |title: &str| {
            app.wait_text(".page-title", title).await?;
            app.painted().await
        };
        shows("This week").await?;
        let bottom = main_scroll(app, Some(100_000)).await?;
        assert!(bottom > 0, "this week is taller than the window");
        app.keys("gm").await?;
        shows("Roadmap").await?;
        assert_eq!(
            main_scroll(app, Some(200)).await?,
            200,
            "the roadmap scrolls"
        );
        app.keys("gh").await?;
        shows("This week").await?;
        let top = main_scroll(app, None).await?;
        assert_eq!(top, 0, "this week reached anew opens at its top");
        app.driver.execute("history.back()", vec![]).await?;
        shows("Roadmap").await?;
        let back = main_scroll(app, None).await?;
        assert_eq!(back, 200, "Back returns to where the roadmap was left");
        app.driver.execute("history.back()", vec![]).await?;
        shows("This week").await?;
        let back = main_scroll(app, None).await?;
        assert_eq!(back, bottom, "and to where this week was left before");
        Ok(())
    })
    .await;
}
