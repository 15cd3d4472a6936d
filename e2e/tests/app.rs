//! The desktop app end to end: the real binary, a real window under Xvfb, a real workspace file.

use cadence_e2e::{run_test, Seed};
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
