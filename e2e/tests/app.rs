//! The desktop app end to end: the real binary, a real window under Xvfb, a real workspace file.

use cadence_e2e::{run_test, Seed};

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
