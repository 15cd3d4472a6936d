//! Releases in the real window: the Releases view, a release's page and go/no-go mode, a call
//! recorded in the meeting and read back through the command line, and a rollback recorded in
//! the window moving the quarterly review's release figures.

use cadence_e2e::{run_test, App, Seed};
use thirtyfour::prelude::*;

/// The sample company's next release, due in nine days, and one shipped before it.
const NEXT: &str = "6";
const SHIPPED: &str = "4";

/// The paragraphs of the quarterly review's Release confidence slide, one a line.
async fn release_confidence(app: &App) -> WebDriverResult<String> {
    app.keys("gq").await?;
    app.find(".deck").await?;
    app.click(r#".deck-dot[aria-label="Release confidence"]"#)
        .await?;
    app.wait_text(
        r#".slide[data-current="true"] .slide-title"#,
        "Release confidence",
    )
    .await?;
    let mut lines = Vec::new();
    for p in app
        .find_all(r#".slide[data-current="true"] .slide-lead"#)
        .await?
    {
        lines.push(p.text().await?);
    }
    Ok(lines.join("\n"))
}

/// Saves a screenshot once what the window shows now has been painted: the text a test waits
/// for is in the document before its frame is painted (the board's first visit, a scrolled
/// view, typed text), and a screenshot taken at once can show the frame before.
async fn shot(app: &App, name: &str) -> WebDriverResult<()> {
    app.painted().await?;
    app.screenshot(name).await
}

/// The line of `text` that starts with `start`.
fn line<'a>(text: &'a str, start: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starting “{start}” in:\n{text}"))
}

#[tokio::test]
async fn a_go_no_go_recorded_in_the_meeting_reads_back_through_the_command_line() {
    run_test("releases_go_no_go", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.wait_text("#home-release", "Release 3.5").await?;
        app.keys("gr").await?;
        app.wait_text(".page-title", "Releases").await?;
        app.wait_text("#biggest-pain", "every release to").await?;
        app.wait_text("#rescue-ended", "Recovered").await?;
        shot(app, "releases_view").await?;
        app.driver
            .execute(
                "document.getElementById('release-pain').scrollIntoView()",
                Vec::new(),
            )
            .await?;
        shot(app, "releases_pain").await?;

        app.click(&format!(r#"tr[data-release="{NEXT}"] .release-name"#))
            .await?;
        app.wait_text(".page-title", "Release 3.5").await?;
        app.wait_text("#release-owners", "Ravi Menon").await?;
        shot(app, "release_page").await?;

        app.click("#open-go-no-go").await?;
        app.wait_text("#gng-question-text", "one specific problem")
            .await?;
        app.wait_text("#gng-evidence", "direct debit").await?;
        shot(app, "go_no_go_question").await?;
        app.click("#gng-yes").await?;
        app.click("#gng-yes").await?;
        // The meeting's keys answer too: y yes, n no (which here opens no new initiative).
        app.keys("yy").await?;
        app.wait_text("#gng-question-text", "stakeholders").await?;
        app.keys("n").await?;
        app.click("#gng-go").await?;
        assert!(
            app.driver
                .find_all(By::Css("dialog[open]"))
                .await?
                .is_empty(),
            "a key of the meeting opened a dialog"
        );
        app.wait_text("#gng-override", "This go is an override")
            .await?;
        app.click("#gng-record").await?;
        app.wait_text("#gng-reason-error", "needs a reason").await?;
        app.fill(
            "#gng-reason",
            "Nothing was cut; the announcement goes out with the release notes",
        )
        .await?;
        shot(app, "go_no_go_call").await?;
        app.click("#gng-record").await?;

        app.wait_text(".page-title", "Release 3.5").await?;
        app.wait_text("#release-calls", "Override").await?;
        let shown = app.cli(&["release", "show", NEXT])?;
        let call = shown
            .lines()
            .find(|l| l.contains(" go by Maya Okafor"))
            .unwrap_or_else(|| panic!("no go call in:\n{shown}"));
        assert!(call.contains("cuts-told=no"), "{call}");
        assert!(call.contains("one-problem=yes"), "{call}");
        assert!(
            call.ends_with(
                "— override: Nothing was cut; the announcement goes out with the release notes"
            ),
            "{call}"
        );
        app.keys("gh").await?;
        app.wait_text("#home-release", "go (override)").await?;
        shot(app, "home_next_release").await?;
        Ok(())
    })
    .await;
}

#[tokio::test]
async fn a_rollback_recorded_in_the_window_moves_the_quarterly_release_figures() {
    run_test("releases_rollback", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.keys("gb").await?;
        app.wait_text(".lane-engineering .card-pain", "Addresses: Build and test failures")
            .await?;
        shot(app, "board_release_pain").await?;
        let before = release_confidence(app).await?;

        app.keys("gr").await?;
        app.click(&format!(r#"tr[data-release="{SHIPPED}"] .release-name"#))
            .await?;
        app.wait_text(".page-title", "Release 3.3").await?;
        app.click("#open-release-rollback").await?;
        let shipped = app.cli(&["release", "show", SHIPPED])?;
        let day = line(&shipped, "shipped ")
            .trim_start_matches("shipped ")
            .split(' ')
            .next()
            .expect("the day it shipped")
            .to_string();
        app.fill("#release-rollback-at", &format!("{day} 18:00"))
            .await?;
        app.fill("#release-rollback-restored", &format!("{day} 18:25"))
            .await?;
        app.fill("#release-rollback-reason", "Invoices rendered without totals")
            .await?;
        app.click("#release-rollback-save").await?;
        app.wait_text("#release-history", "restored in 25 min")
            .await?;
        app.wait_text("#release-status", "Rolled back").await?;

        let after = release_confidence(app).await?;
        let failure = "Change failure rate: ";
        assert!(line(&before, failure).starts_with("Change failure rate: 25% (1 of 4)"));
        assert!(line(&after, failure).starts_with("Change failure rate: 50% (2 of 4)"));
        let restore = "Time to restore: ";
        assert_eq!(
            line(&before, restore),
            "Time to restore: a median of 40 minutes over 1 rollback or incident (40 minutes)."
        );
        assert_eq!(
            line(&after, restore),
            "Time to restore: a median of 32.5 minutes over 2 rollbacks and incidents (25 and 40 minutes)."
        );
        Ok(())
    })
    .await;
}

/// How many days after the window's today the rescue test's sample company is dated: the
/// window's today then falls after its third missed release in a row (3.2, cancelled 25 days
/// before the sample's today) and on the day its rescue release, 3.3, is due (13 days before),
/// the day before it ships.
const RESCUE_DAYS_AHEAD: i64 = 13;

#[tokio::test]
async fn rescue_mode_shows_on_the_releases_view_and_home_while_the_team_is_in_it() {
    let seed = Seed::SampleAhead(RESCUE_DAYS_AHEAD);
    run_test("releases_rescue", seed, async |app| {
        app.find(".sidebar").await?;
        app.keys("gr").await?;
        app.wait_text(".page-title", "Releases").await?;
        let banner = app
            .wait_text("#rescue-mode", "3 releases missed in a row (3.0, 3.1, 3.2)")
            .await?;
        assert!(banner.contains("since 20 Feb 2026"), "{banner}");
        assert!(
            app.driver
                .find_all(By::Css("#rescue-ended"))
                .await?
                .is_empty(),
            "no rescue has ended yet"
        );
        assert!(
            !app.find_all("#rescue-mode .stop-list li").await?.is_empty(),
            "rescue mode names what stops"
        );
        shot(app, "releases_rescue_mode").await?;

        app.keys("gh").await?;
        app.wait_text("#home-release", "Release 3.5").await?;
        app.wait_text("#rescue-mode", "3 releases missed in a row")
            .await?;
        shot(app, "home_rescue_mode").await?;
        Ok(())
    })
    .await;
}
