//! The quarterly review's Release confidence chart in the real window: the sample company's
//! releases give the section its chart, the core's SVG, beside the figures in words.

use cadence_e2e::{run_test, Seed};
use thirtyfour::prelude::*;

#[tokio::test]
async fn the_quarterly_review_shows_the_release_confidence_chart() {
    run_test("release_confidence", Seed::Sample, async |app| {
        app.find(".sidebar").await?;
        app.keys("gq").await?;
        let count = app.wait_text("#deck-count", "1 / ").await?;
        let total: usize = count.rsplit(' ').next().unwrap_or("0").parse().unwrap_or(0);
        let mut found = false;
        for _ in 1..total {
            app.keys(Key::Right).await?;
            let title = app
                .find(".slide[data-current=true] .slide-title")
                .await?
                .text()
                .await?;
            if title == "Release confidence" {
                found = true;
                break;
            }
        }
        assert!(found, "no Release confidence slide among {total}");
        let chart = app
            .find(".slide[data-current=true] img[data-chart=release-confidence]")
            .await?;
        let src = chart.attr("src").await?.unwrap_or_default();
        assert!(
            src.contains("data-chart%3D%22release-confidence%22"),
            "{}",
            &src[..src.len().min(200)]
        );
        app.wait_text(".slide[data-current=true]", "Change failure rate")
            .await?;
        app.screenshot("release_confidence").await?;
        Ok(())
    })
    .await;
}
